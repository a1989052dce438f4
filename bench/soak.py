"""Soak benchmark: a simulated month in the tray, in one process.

The app is built as journal.app.run_gui builds it (the window, the desktop integration with its
tray, reminders, sync and scan, the journal opened by open_session) over a copy of a small
generated journal, with settings and XDG folders in a temporary directory and a FixedClock that
the soak moves over 30 days. The app's timers follow that clock: the reminder scheduler's armed
target is checked after every step (and `check_now` called when it is due, as its single-shot
timer would), its heartbeat's `check_clock` runs with a fake monotonic clock kept in step, and the
sync and scan controllers get `ClockTimers` (their `timers` seam) that fire when the fake clock
passes their due time. Sync rounds are capped at one every `--sync-every` operations (a period
timer due every 5 minutes would otherwise ask for one every other operation), against a local
Radicale started here; without it the soak runs without sync and says why.

Operations (seeded mix): Log a conversation (the Log dialog, filled and saved), Done and Snooze
from Today (the view's own actions), Undo/Redo (window.edit_actions), Search (Ctrl+K palette,
text typed, results shown, closed), switching views, File > Import of a small vCard or CSV
(the wizard driven to Finish), opening the tray menu. Reminders go to the tray's notification
path through a notifier that sends them nowhere (no D-Bus) but gives ids, and now and then
acts on one (Done/Snooze) or closes it as a server would.

Every `--every` operations: VmRSS, len(gc.get_objects()) after gc.collect(), tracemalloc's
current size (tracing starts at the first sample, so its overhead stays off the part before it),
live QObjects (Python-visible QObject wrappers among gc objects, and the objects reachable from
QApplication.allWidgets()/topLevelWidgets() and the app by findChildren(QObject)) and QTimers
(findChildren(QTimer) from the app and windows, plus parentless ones among gc objects).
Targets, from the first sample to the end: RSS grows under 5 MiB; objects, QObjects and timers
stay flat (here: grow by less than 1 %, and QObjects/timers by at most a handful).

    .venv/bin/python -m bench.soak [--ops 20000] [--every 1000] [--scale 0.005] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
RSS_TARGET_MIB = 5.0
MONTH = dt.timedelta(days=30)
VIEWS = ("today", "people", "conversations", "introductions", "organisations", "calendar", "insights")
FIRST = ["Ana", "Bo", "Chidi", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lea", "Mo", "Nia"]
LAST = ["Perez", "Li", "Okafor", "Smith", "Berg", "Tan", "Novak", "Silva", "Kim", "Ross", "Mehta", "Lund"]
WORDS = ["lunch", "deck", "seed", "intro", "coffee", "board", "hiring", "Dana", "Acme", "call", "plan", "pitch"]


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


class ClockTimers:
    """The sync and scan controllers' `timers` seam, run by the fake clock: `start(name, s, cb)`
    arms `cb` for clock.now() + s; `due(now)` hands back (and forgets) those that are due."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self._timers: dict[str, tuple[dt.datetime, object]] = {}

    def start(self, name: str, seconds: float, callback) -> None:
        self._timers[name] = (self.clock.now() + dt.timedelta(seconds=seconds), callback)

    def stop(self, name: str) -> None:
        self._timers.pop(name, None)

    def stop_all(self) -> None:
        self._timers.clear()

    def is_active(self, name: str) -> bool:
        return name in self._timers

    def due(self, now: dt.datetime, *, names=None) -> list:
        ready = [n for n, (when, _cb) in self._timers.items() if when <= now and (names is None or n in names)]
        return [self._timers.pop(n)[1] for n in ready]

    def __len__(self) -> int:
        return len(self._timers)


class FakeMonotonic:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def _nowhere_notifier():
    """A DesktopNotifier whose calls go nowhere: the server 'answers' at once with a new id."""
    from PySide6.QtDBus import QDBusConnection

    from journal.desktop.notifications import DesktopNotifier

    class NowhereNotifier(DesktopNotifier):
        def __init__(self) -> None:
            super().__init__(QDBusConnection("contact-journal-soak-nowhere"))
            self._state = "ready"
            self.capabilities = frozenset({"actions", "body"})
            self._ids_given = 0
            self.posted = 0

        def _send(self, request) -> None:
            self._ids_given += 1
            self.posted += 1
            ticket = -self._ids_given
            self._calls[ticket] = request
            self._busy.add(request.key)
            self._call_finished(ticket, self._ids_given, "", "")

    return NowhereNotifier()


def _contacts_file(folder: Path, rng: random.Random, n: int) -> Path:
    names = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(rng.randint(2, 5))]
    if n % 2:
        path = folder / f"contacts-{n}.vcf"
        cards = []
        for first, last in names:
            cards.append("\r\n".join([
                "BEGIN:VCARD", "VERSION:3.0", f"N:{last};{first};;;", f"FN:{first} {last}",
                f"EMAIL:{first.lower()}.{last.lower()}@example.org", f"ORG:{rng.choice(['Acme', 'Globex', 'Initech'])}",
                f"TITLE:{rng.choice(['CTO', 'Engineer', 'Founder'])}", "END:VCARD",
            ]))
        path.write_text("\r\n".join(cards) + "\r\n", encoding="utf-8")
    else:
        path = folder / f"Connections-{n}.csv"
        rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
        for first, last in names:
            rows.append(f"{first},{last},https://www.linkedin.com/in/{first.lower()}-{last.lower()},,"
                        f"{rng.choice(['Acme', 'Globex'])},{rng.choice(['CTO', 'Engineer'])},12 Mar 2024")
        path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(rows) + "\r\n").encode())
    return path


class Soak:
    def __init__(self, args, tmp: Path) -> None:
        self.args, self.tmp = args, tmp
        self.rng = random.Random(args.seed)
        self.counts: dict[str, int] = {}
        self.samples: list[dict] = []
        self.sync_note = ""
        self.server = None
        self.snapshots: dict[str, object] = {}

    # --- building the app as run_gui does ----------------------------------------------------

    def build(self) -> None:
        from PySide6.QtCore import QSettings

        from bench.generate import Size, cached
        from bench.reference import REFERENCE_NOW
        from journal.app import build_main_window, create_application
        from journal.clock import FixedClock
        from journal.desktop.lock import JournalAccess
        from journal.desktop.preferences import Preferences
        from journal.desktop.reminders import ReminderScheduler
        from journal.services.upkeep.maintenance import open_session
        from journal.ui.context import AppContext
        from journal.ui.tray.integration import install_desktop

        source = cached(Size().scaled(self.args.scale))
        self.path = self.tmp / "journal.sqlite3"
        shutil.copy(source, self.path)
        self.app = create_application()
        self.clock = FixedClock(REFERENCE_NOW)
        self.start_time = REFERENCE_NOW
        self.mono = FakeMonotonic()
        self.notifier = _nowhere_notifier()
        import journal.ui.tray.controller as tray_module

        tray_module.desktop_notifier = lambda: self.notifier  # the tray posts through it
        self.context = AppContext(journal_path=self.path, settings=QSettings(), clock=self.clock)
        self.window = build_main_window(self.context, first_view=False)
        self.window.show()
        self.database = open_session(self.path, key=None, auto_backup=False)
        self.window.show_last_view()
        self.access = JournalAccess(self.path, self.database, parent=self.window)
        preferences = Preferences(self.context.settings)
        preferences.last_checked = self.clock.now()
        self.scheduler = ReminderScheduler(preferences, clock=self.clock, monotonic=self.mono)
        self.desktop = install_desktop(self.window, access=self.access, scheduler=self.scheduler)
        self.scheduler.setParent(self.desktop)
        self.sync_timers = ClockTimers(self.clock)
        self.scan_timers = ClockTimers(self.clock)
        self.desktop.sync.controller.timers = self.sync_timers
        self.desktop.scan.controller.timers = self.scan_timers
        self._start_sync()
        self.desktop.start()
        self.settle()
        from journal.store.models import Person

        self.people = [(p.id, p.name) for p in Person.select(Person.id, Person.name).where(~Person.name.startswith("("))]

    def _start_sync(self) -> None:
        if self.args.no_sync:
            self.sync_note = "sync skipped: --no-sync"
            return
        try:
            from bench.sync_bench import PASSWORD, USER, Radicale
            from journal.services.sync import account

            self.server = Radicale(self.tmp / "radicale")
            os.environ["CONTACT_JOURNAL_SYNC_PASSWORD"] = PASSWORD
            account.add_account(self.server.url, USER, PASSWORD, allow_http=True)
        except BaseException as exc:  # noqa: BLE001 - SystemExit from a Radicale that did not start
            self.server = None
            self.sync_note = f"sync skipped: Radicale could not start or refused the account ({exc})"
            print(self.sync_note)

    def close(self) -> None:
        self.desktop.stop()
        if self.database is not None and not self.database.is_closed():
            self.database.close()
        if self.server is not None:
            self.server.stop()

    # --- the event loop and the clock --------------------------------------------------------

    def settle(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        for _ in range(3):
            self.app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def wait(self, condition, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            self.settle()
            time.sleep(0.002)
        self.settle()
        return True

    def tick(self, index: int) -> None:
        """Move the fake clock one step of the month and fire what the app has armed by then."""
        step = MONTH / self.args.ops
        self.clock.set(self.start_time + step * (index + 1))
        self.mono.value += step.total_seconds()
        now = self.clock.now()
        self.scheduler.check_clock()  # the heartbeat (a new day refreshes what is overdue)
        if self.scheduler.is_armed and self.scheduler.target is not None and self.scheduler.target <= now:
            self.scheduler.check_now()  # what the single-shot timer's timeout calls
            self.count("reminder check")
        for callback in self.scan_timers.due(now):
            callback()
        rounds_allowed = self.server is not None and index - getattr(self, "_last_round", -10**9) >= self.args.sync_every
        if rounds_allowed:
            ready = self.sync_timers.due(now)
            if ready:
                self._last_round = index
                for callback in ready:
                    callback()
                self.count("sync round")
                self.wait(lambda: not self.desktop.sync.controller.running, 60)
        self.settle()

    def arm_answerer(self) -> None:
        """A message box an operation opens (exec'd, so it would wait for a user forever) is
        answered from inside its own event loop, by one timer running while the operation does:
        "Just mark contacted" where offered, else the box's default button."""
        from PySide6.QtCore import QTimer

        if getattr(self, "answerer", None) is None:
            self.answerer = QTimer(interval=20)
            self.answerer.timeout.connect(self._answer_modal)
        self.answerer.start()

    def _answer_modal(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        buttons = box.buttons()
        chosen = next((b for b in buttons if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole), None)
        chosen = chosen or box.defaultButton() or box.escapeButton() or (buttons[0] if buttons else None)
        self.count(f"box answered: {box.objectName() or box.windowTitle()}")
        if chosen is not None:
            chosen.click()
        else:
            box.done(0)

    def close_dialogs(self) -> None:
        """A dialog an operation left open (an item opened from search) is closed, as a user would."""
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                self.count(f"closed {type(widget).__name__}")
                widget.reject()
        self.settle()

    def count(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    # --- operations --------------------------------------------------------------------------

    def op_log(self) -> None:
        from journal.ui.dialogs.log_action import open_log_dialog

        who = self.rng.sample(self.people, k=min(len(self.people), self.rng.choice([1, 1, 2])))
        dialog = open_log_dialog(self.window, who)
        dialog.summary.setText(" ".join(self.rng.sample(WORDS, 3)))
        if self.rng.random() < 0.3:
            dialog.notes.setPlainText(" ".join(self.rng.choices(WORDS, k=30)))
        dialog.save()
        self.settle()

    def _today(self):
        self.window.show_view("today")
        view = self.window.view("today")
        self.settle()
        return view

    def _pick_row(self, view) -> bool:
        rows = view.model.rowCount()
        if not rows:
            return False
        view.table.setCurrentIndex(view.model.index(self.rng.randrange(min(rows, 30)), 0))
        return view.current_item() is not None

    def op_done(self) -> None:
        view = self._today()
        if self._pick_row(view):
            view.done_current()
        self.settle()

    def op_snooze(self) -> None:
        view = self._today()
        if self._pick_row(view):
            view.snooze_current(self.clock.today() + dt.timedelta(days=self.rng.choice([1, 3, 7])))
        self.settle()

    def op_undo(self) -> None:
        self.window.edit_actions.undo.trigger()
        self.settle()

    def op_redo(self) -> None:
        self.window.edit_actions.redo.trigger()
        self.settle()

    def op_search(self) -> None:
        from journal.ui.search.action import palette_of

        self.window.search_action.trigger()
        palette = palette_of(self.window)
        text = self.rng.choice(WORDS + [name for _i, name in self.rng.sample(self.people, 3)])
        palette.input.setText(text[: self.rng.randint(2, len(text))])
        palette.run_search()
        self.settle()
        if self.rng.random() < 0.3 and palette.model.first_result_row() >= 0:
            palette._open_index(palette.list.currentIndex())
        else:
            palette.reject()
        self.settle()

    def op_view(self) -> None:
        current = self.window.current_key()
        key = VIEWS[(VIEWS.index(current) + 1) % len(VIEWS)] if current in VIEWS else "today"
        self.window.show_view(key)
        self.settle()

    def op_import(self) -> None:
        from PySide6.QtWidgets import QWizard

        from journal.services.interchange import imports

        path = _contacts_file(self.tmp, self.rng, self.counts.get("import", 0))
        wizard = self.window.interop_actions.open_import()
        source = wizard.source_page
        source.format_box.setCurrentIndex(source.format_box.findData(imports.AUTO))
        source.path_edit.setText(str(path))
        wizard.button(QWizard.WizardButton.NextButton).click()
        preview = wizard.preview_page
        if not self.wait(lambda: preview.plan is not None or "cannot" in preview.status.text()) or preview.plan is None:
            wizard.reject()
            self.count("import refused")
            return
        wizard.button(QWizard.WizardButton.CommitButton).click()
        commit = wizard.commit_page
        self.wait(lambda: commit.summary is not None or commit.failure)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        path.unlink()
        self.settle()

    def op_tray_menu(self) -> None:
        self.desktop.tray.menu.aboutToShow.emit()  # what opening the tray's menu does
        self.settle()

    def act_on_notifications(self) -> None:
        """As a user at the desktop: act on a bubble now and then, let others expire."""
        from journal.desktop.notifications import ACTION_DONE, ACTION_SNOOZE

        notifier = self.notifier
        for _key, ident in list(notifier._ids.items()):
            roll = self.rng.random()
            if roll < 0.15:
                notifier._action_invoked(ident, ACTION_DONE if self.rng.random() < 0.5 else ACTION_SNOOZE)
                self.count("notification acted on")
            elif roll < 0.6:
                notifier._notification_closed(ident, 1)  # expired
        self.settle()

    OPS = (
        ("log", 14), ("done", 14), ("snooze", 9), ("undo", 10), ("redo", 4), ("search", 14),
        ("view", 27), ("import", 2), ("tray_menu", 6),
    )

    # --- measuring ---------------------------------------------------------------------------

    def measure(self, index: int) -> dict:
        from PySide6.QtCore import QObject, QTimer
        from PySide6.QtWidgets import QApplication

        self.settle()
        gc.collect()
        row: dict = {"ops": index, "day": (self.clock.now() - self.start_time).days}
        try:
            row["rss_kib"] = _rss_kib()
        except OSError:
            row["rss_kib"] = None
        objects = gc.get_objects()
        row["gc_objects"] = len(objects)
        wrappers = [o for o in objects if isinstance(o, QObject)]
        del objects
        try:
            import shiboken6

            def alive(o) -> bool:
                return shiboken6.isValid(o)
        except ImportError:  # pragma: no cover
            def alive(o) -> bool:
                return True
        wrappers = [o for o in wrappers if alive(o)]
        row["py_qobjects"] = len(wrappers)
        seen: dict[int, QObject] = {}
        app = QApplication.instance()
        roots = [app, *QApplication.topLevelWidgets(), *QApplication.allWidgets()]
        for root in roots:
            for obj in [root, *root.findChildren(QObject)]:
                seen[shiboken6.getCppPointer(obj)[0]] = obj
        for obj in wrappers:
            seen.setdefault(shiboken6.getCppPointer(obj)[0], obj)
        row["qobjects"] = len(seen)
        timers = {key: t for key, t in seen.items() if isinstance(t, QTimer)}
        row["qtimers"] = len(timers)
        row["qtimers_active"] = sum(1 for t in timers.values() if t.isActive())
        row["parentless_qtimers"] = sum(1 for t in timers.values() if t.parent() is None)
        kinds: dict[str, int] = {}
        for obj in seen.values():
            kinds[type(obj).__name__] = kinds.get(type(obj).__name__, 0) + 1
        row["_kinds"] = kinds
        row["_objects"] = {key: _path(obj) for key, obj in seen.items()}
        del seen, wrappers, timers
        row["tracemalloc_kib"] = tracemalloc.get_traced_memory()[0] // 1024 if tracemalloc.is_tracing() else None
        row["history"] = len(self.context.operations.history) if self.context.operations._history is not None else 0
        return row

    # --- the run -----------------------------------------------------------------------------

    def run(self) -> None:
        names = [name for name, _w in self.OPS]
        weights = [w for _n, w in self.OPS]
        started = time.perf_counter()
        for index in range(self.args.ops):
            if index % self.args.every == 0 and index:
                self.sample(index, started)
            name = self.rng.choices(names, weights)[0]
            self.arm_answerer()
            getattr(self, f"op_{name}")()
            self.answerer.stop()
            self.close_dialogs()
            self.count(name)
            self.tick(index)
            if index % 10 == 0:
                self.act_on_notifications()
        self.sample(self.args.ops, started)

    def sample(self, index: int, started: float) -> None:
        row = self.measure(index)
        row["elapsed_s"] = round(time.perf_counter() - started, 1)
        self.samples.append(row)
        first = len(self.samples) == 1
        if first:
            tracemalloc.start(self.args.frames)
            row["tracemalloc_kib"] = tracemalloc.get_traced_memory()[0] // 1024
            self.snapshots["first"] = tracemalloc.take_snapshot()
            print(_header())
        if index == self.args.ops:
            self.snapshots["last"] = tracemalloc.take_snapshot()
        print(_row(row), flush=True)


def _path(obj) -> str:
    """What a QObject is and where it hangs: Type(name) < parent < grandparent."""
    parts = []
    for _ in range(4):
        if obj is None:
            break
        parts.append(type(obj).__name__ + (f"({obj.objectName()})" if obj.objectName() else ""))
        obj = obj.parent()
    return " < ".join(parts)


def _header() -> str:
    return (f"{'ops':>6} {'day':>4} {'RSS MiB':>8} {'gc objects':>10} {'traced KiB':>10} {'QObjects':>8} "
            f"{'py QObj':>7} {'QTimers':>7} {'active':>6} {'undo':>5} {'s':>7}")


def _row(r: dict) -> str:
    def fmt(value, spec):
        return format(value, spec) if value is not None else "-".rjust(len(format(0, spec)))

    return (f"{r['ops']:>6} {r['day']:>4} {fmt(r['rss_kib'] / 1024 if r['rss_kib'] else None, '8.1f')} "
            f"{r['gc_objects']:>10} {fmt(r['tracemalloc_kib'], '10d')} {r['qobjects']:>8} {r['py_qobjects']:>7} "
            f"{r['qtimers']:>7} {r['qtimers_active']:>6} {r['history']:>5} {r['elapsed_s']:>7}")


def verdicts(samples: list[dict]) -> dict:
    first, last = samples[0], samples[-1]
    out: dict = {}

    def grow(key):
        if first.get(key) is None or last.get(key) is None:
            return None
        return last[key] - first[key]

    rss = grow("rss_kib")
    out["rss_growth_mib"] = None if rss is None else round(rss / 1024, 2)
    out["rss"] = "not measured" if rss is None else ("met" if rss / 1024 < RSS_TARGET_MIB else "MISSED")
    objects = grow("gc_objects")
    out["gc_objects_growth"] = objects
    out["gc_objects"] = "not measured" if objects is None else ("met" if objects < 0.01 * first["gc_objects"] else "MISSED")
    for key, slack in (("qobjects", 10), ("qtimers", 2)):
        growth = grow(key)
        out[f"{key}_growth"] = growth
        out[key] = "not measured" if growth is None else ("met" if growth <= slack else "MISSED")
    traced = grow("tracemalloc_kib")
    out["tracemalloc_growth_kib"] = traced
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--scale", type=float, default=0.005)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sync-every", type=int, default=300, help="at most one sync round per this many operations")
    parser.add_argument("--no-sync", action="store_true")
    parser.add_argument("--frames", type=int, default=1, help="tracemalloc frames per allocation (more: slower)")
    parser.add_argument("--top", type=int, default=12, help="allocation sites to list from tracemalloc")
    parser.add_argument("--out", type=Path, default=RESULTS / "soak.json")
    args = parser.parse_args(argv)
    import faulthandler
    import signal

    faulthandler.register(signal.SIGUSR1)  # kill -USR1 <pid>: where a stalled soak is
    if args.ops < 2 * args.every:
        parser.error("--ops must be at least twice --every (a first sample and an end)")

    tmp = Path(tempfile.mkdtemp(prefix="soak-", dir="/tmp/work" if Path("/tmp/work").is_dir() else None))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        (tmp / name).mkdir()
        os.environ[name] = str(tmp / name)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    soak = Soak(args, tmp)
    try:
        soak.build()
        print(f"journal: {soak.path.name} (scale {args.scale}, {len(soak.people)} people); "
              f"{soak.sync_note or 'sync: Radicale at ' + soak.server.url}")
        soak.run()
    finally:
        try:
            soak.close()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    result = verdicts(soak.samples)
    first, last = soak.samples[0], soak.samples[-1]
    print(f"\nfrom op {first['ops']} to {last['ops']}:")
    print(f"  RSS      {result['rss_growth_mib']:+} MiB   (target < {RSS_TARGET_MIB} MiB): {result['rss']}")
    print(f"  objects  {result['gc_objects_growth']:+}   (flat: < 1 %): {result['gc_objects']}")
    print(f"  QObjects {result['qobjects_growth']:+}   (flat): {result['qobjects']}")
    print(f"  QTimers  {result['qtimers_growth']:+}   (flat): {result['qtimers']}")
    print(f"  traced   {result['tracemalloc_growth_kib']:+} KiB")
    kinds = {k: last["_kinds"].get(k, 0) - first["_kinds"].get(k, 0) for k in set(first["_kinds"]) | set(last["_kinds"])}
    grown = sorted(((v, k) for k, v in kinds.items() if v), reverse=True)[:10]
    if grown:
        print("  QObject kinds that changed: " + ", ".join(f"{k} {v:+}" for v, k in grown))
    top = []
    if "first" in soak.snapshots and "last" in soak.snapshots:
        stats = soak.snapshots["last"].compare_to(soak.snapshots["first"], "lineno")
        print("  top allocation sites (growth):")
        for stat in stats[: args.top]:
            frame = stat.traceback[0]
            where = f"{frame.filename.replace(str(Path.cwd()) + '/', '')}:{frame.lineno}"
            top.append({"where": where, "size_diff_kib": round(stat.size_diff / 1024, 1), "count_diff": stat.count_diff})
            print(f"    {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d}  {where}")
    print("  operations: " + ", ".join(f"{k} {v}" for k, v in sorted(soak.counts.items())))
    print(f"  notifications posted: {soak.notifier.posted}")
    new_paths: dict[str, int] = {}
    for key, where in last["_objects"].items():
        if key not in first["_objects"]:
            new_paths[where] = new_paths.get(where, 0) + 1
    born = sorted(((n, w) for w, n in new_paths.items()), reverse=True)[:12]
    if born:
        print("  QObjects alive at the end that were not at the first sample:")
        for n, where in born:
            print(f"    {n:5d}  {where}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for row in soak.samples:
        row.pop("_kinds", None)
        row.pop("_objects", None)
    args.out.write_text(json.dumps({
        "ops": args.ops, "every": args.every, "scale": args.scale, "seed": args.seed, "sync": soak.sync_note or "radicale",
        "tracemalloc": "started at the first sample", "samples": soak.samples, "verdicts": result,
        "operations": soak.counts, "notifications_posted": soak.notifier.posted, "top_growth": top,
        "qobject_kinds_changed": dict((k, v) for v, k in grown),
    }, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
