"""Benchmark: the Insights services and the graph's layout on the big journal (20,000 people,
200,000 conversations, 5,000 introductions; bench/generate.py, cached in bench/.cache/).

Each service call the Insights view makes is timed several times in one process, after one
untimed call that warms SQLite's page cache: the funnel, the introducers and the graph over all
time and over the last year, losing touch, and activity by week over the last year. Then the
layout of the whole graph (every introduction), which the view runs off the GUI thread.

Targets: each call under 300 ms; the layout under 1 s. Opening the cached journal with the
current code upgrades it to the current schema in place (once, without a backup).

    .venv/bin/python -m bench.insights_bench [--runs N] [--scale F]
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the big journal (default 1)")
    args = parser.parse_args(argv)
    size = Size().scaled(args.scale) if args.scale != 1.0 else Size()
    path = cached(size, log=lambda text: print(text, file=sys.stderr))
    from journal.store.db import close_journal, open_journal

    started = time.perf_counter()
    open_journal(path, backup_before_migrating=False)
    print(f"Journal: {path.name} (opened in {time.perf_counter() - started:.1f} s)")
    try:
        lines, met = services(args.runs)
    finally:
        close_journal()
    print(f"Services, {args.runs} runs each after a warm-up (median, min-max):")
    for text in lines:
        print("  " + text)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
