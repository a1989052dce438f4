"""Benchmark: the Insights services and the graph's layout on the big journal (20,000 people,
200,000 conversations, 5,000 introductions; bench/generate.py, cached in bench/.cache/).

Each service call the Insights view makes is timed several times in one process, after one
untimed call that warms SQLite's page cache: the funnel, the introducers and the graph over all
time and over the last year, losing touch, and activity by week over the last year. Then the
layout of the whole graph (every introduction), which the view runs off the GUI thread.

Targets: each call under 300 ms; the layout under 1 s. Then the view itself (its first show with
each tab in front, and switching the period: see `view`): its first show under 300 ms, a period
switch under 50 ms. Opening the cached journal with the
current code upgrades it to the current schema in place (once, without a backup); `--journal`
measures another file instead (a copy, say, to leave the cache at its schema).

    .venv/bin/python -m bench.insights_bench [--runs N] [--scale F] [--journal PATH]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time

from bench.generate import Size, cached
from bench.reference import REFERENCE_NOW

TARGET_CALL_MS = 300.0
TARGET_LAYOUT_MS = 1000.0


def timed(fn, runs: int, *, before=None) -> tuple[list[float], object]:
    """Milliseconds of `runs` calls of fn(), after one untimed call; and the last result.
    `before` runs, untimed, ahead of each call."""
    result = fn()
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        gc.collect()
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def line(label: str, times: list[float], target: float, note: str = "") -> tuple[str, bool]:
    median = statistics.median(times)
    ok = median < target
    text = (f"{label:34} {median:8.1f} ms  (min {min(times):.1f}, max {max(times):.1f})  "
            f"{median / target:4.2f}x the {target:.0f} ms target {'ok' if ok else 'OVER'}")
    return text + (f"  {note}" if note else ""), ok


def services(runs: int) -> tuple[list[str], bool]:
    from journal.services import insights
    from journal.services.insights import Period

    today = REFERENCE_NOW.date()
    whole, year = Period.all(today), Period.last(365, today)
    from journal.services.insights import _rows

    # The conversations' days are read once and kept until the journal changes: the first call
    # (the view's first show) reads them, the later ones (switching the period) do not.
    forget = _rows.forget_cached
    calls = [
        ("funnel(all)", lambda: insights.funnel(whole), lambda r: f"{r.total:,} offers, {len(r.stalled):,} stalled"),
        ("funnel(last year)", lambda: insights.funnel(year), lambda r: f"{r.total:,} offers"),
        ("introducers(all)", lambda: insights.introducers(whole), lambda r: f"{len(r):,} introducers"),
        ("losing_touch(today), first call", lambda: insights.losing_touch(today), lambda r: f"{len(r):,} people",
         forget),
        ("losing_touch(today), again", lambda: insights.losing_touch(today), lambda r: f"{len(r):,} people"),
        ("activity(last year, week), first", lambda: insights.activity(year, "week"),
         lambda r: f"{len(r.buckets)} weeks, {sum(r.total()):,} conversations", forget),
        ("activity(last year, week), again", lambda: insights.activity(year, "week"),
         lambda r: f"{len(r.buckets)} weeks"),
        ("graph(all)", lambda: insights.graph(whole), lambda r: f"{len(r.nodes):,} nodes, {len(r.edges):,} edges"),
        ("graph(last year)", lambda: insights.graph(year), lambda r: f"{len(r.edges):,} edges"),
    ]
    lines, met = [], True
    for label, fn, describe, *before in calls:
        times, result = timed(fn, runs, before=before[0] if before else None)
        text, ok = line(label, times, TARGET_CALL_MS, describe(result))
        lines.append(text)
        met = met and ok
    everything = insights.graph(whole)
    times, positions = timed(lambda: insights.layout(everything), runs)
    text, ok = line("layout(whole graph)", times, TARGET_LAYOUT_MS, f"{len(positions):,} positions")
    lines.append(text)
    return lines, met and ok


TARGET_FIRST_SHOW_MS = 300.0
TARGET_SWITCH_MS = 50.0


def view(runs: int) -> tuple[list[str], bool]:
    """The Insights view in the window (offscreen), with each tab in front in turn:
    - first show: built, shown and painted, its reads handed to the reader's thread (the window
      is free again: "Reading the journal…" is what paints); then, apart, until its numbers are
      painted (the graph: laid out and drawn);
    - switching the period: to one not read yet (the window free again, the same way), and
      back to one read before (painted with its numbers at once).
    Targets: the first show under 300 ms, a switch under 50 ms (the GUI thread's time)."""
    import os
    import tempfile
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journal.clock import FixedClock
    from journal.desktop.reader import wait_for_readers
    from journal.services.insights import _rows
    from journal.ui.context import AppContext
    from journal.ui.insights.insights_view import TAB_SETTING, InsightsView

    app = QApplication.instance() or QApplication([])
    folder = tempfile.TemporaryDirectory(prefix="cj-insights-bench-")
    settings = QSettings(str(Path(folder.name) / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(journal_path=Path(folder.name) / "unused", settings=settings, clock=FixedClock(REFERENCE_NOW))
    names = ("graph", "funnel", "introducers", "losing touch", "activity")
    lines, met = [], True

    def ms(started: float) -> float:
        return (time.perf_counter() - started) * 1000

    for tab, name in enumerate(names):
        first, ready, switch, ready_after, back = [], [], [], [], []
        for run in range(runs + 1):  # the first run warms SQLite's page cache and the imports
            settings.setValue(TAB_SETTING, tab)
            settings.setValue("insights/period", "365")
            _rows.forget_cached()  # a first show reads everything it needs
            gc.collect()
            started = time.perf_counter()
            shown = InsightsView(context)
            shown.resize(1180, 700)
            shown.show()
            shown.repaint()
            free = ms(started)
            shown.settle()
            shown.repaint()
            whole = ms(started)
            started = time.perf_counter()
            shown.set_period("all")
            shown.repaint()
            switched = ms(started)
            shown.settle()
            shown.repaint()
            switched_whole = ms(started)
            started = time.perf_counter()
            shown.set_period("365")
            shown.repaint()
            returned = ms(started)
            if shown.reads.busy() or shown.graph_page.runner.busy():
                returned = float("inf")  # it had to read again: that is no switch back
            if run:
                first.append(free)
                ready.append(whole)
                switch.append(switched)
                ready_after.append(switched_whole)
                back.append(returned)
            shown.reads.stop()
            shown.close()
            shown.deleteLater()
            app.processEvents()
            wait_for_readers()
        for label, times, target in (
            (f"first show on {name}", first, TARGET_FIRST_SHOW_MS),
            ("  ... its numbers painted", ready, None),
            (f"period switch on {name}", switch, TARGET_SWITCH_MS),
            ("  ... its numbers painted", ready_after, None),
            (f"switch back on {name}, painted", back, TARGET_SWITCH_MS),
        ):
            if target is None:
                lines.append(f"{label:34} {statistics.median(times):8.1f} ms  (min {min(times):.1f}, max {max(times):.1f})"
                             "  off the GUI thread but for the painting")
            else:
                text, ok = line(label, times, target)
                lines.append(text)
                met = met and ok
    context.signals.detach()
    folder.cleanup()
    return lines, met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the big journal (default 1)")
    parser.add_argument("--journal", help="measure this journal file instead of the cached one (upgraded in place)")
    args = parser.parse_args(argv)
    if args.journal:
        from pathlib import Path

        path = Path(args.journal)
    else:
        size = Size().scaled(args.scale) if args.scale != 1.0 else Size()
        path = cached(size, log=lambda text: print(text, file=sys.stderr))
    from journal.store.db import close_journal, open_journal

    started = time.perf_counter()
    open_journal(path, backup_before_migrating=False)
    print(f"Journal: {path.name} (opened in {time.perf_counter() - started:.1f} s)")
    try:
        lines, met = services(args.runs)
        view_lines, view_met = view(args.runs)
    finally:
        close_journal()
    print(f"Services, {args.runs} runs each after a warm-up (median, min-max):")
    for text in lines:
        print("  " + text)
    print(f"The view, {args.runs} runs each after a warm-up (median, min-max):")
    for text in view_lines:
        print("  " + text)
    return 0 if met and view_met else 1


if __name__ == "__main__":
    sys.exit(main())
