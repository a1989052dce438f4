"""What the benchmark runs in a fresh interpreter: a bare window, or the app on a journal.

    python -m bench.probe bare                   a bare window (the floor)
    python -m bench.probe app JOURNAL            start, report first paint and peak memory
    python -m bench.probe interact JOURNAL       also time typing in the search palette,
                                                 calendar month switches and the Today agenda

Each line it prints is one JSON object; the parent reads "painted" as soon as it arrives, so the
start time is measured from the parent's spawn to the first painted frame. "ready" follows once
the view the window opened on has painted its list (Today's table, or the view itself when it has
no list showing). "memory" is the process's own peak, VmHWM from /proc/self/status, read at that
moment (null when it cannot be read: ru_maxrss is never used, as Linux carries it across exec
from whatever process spawned the probe).
"""

from __future__ import annotations

import json
import os
import sys
import time


def emit(**values) -> None:
    print(json.dumps(values), flush=True)


def guarded(fn):
    """`fn`, but an exception ends the probe at once with status 1 and an "error" line: raised in
    a Qt slot it would only be printed, and the probe would wait for ever."""

    def run(*args):
        try:
            return fn(*args)
        except BaseException as exc:  # noqa: BLE001 - whatever it is, the run is void
            import traceback

            traceback.print_exc()
            emit(event="error", message=f"{type(exc).__name__}: {exc}"[:500])
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(1)

    return run


def parse_status(text: str) -> dict[str, float | None]:
    """VmHWM (the peak resident set) and VmRSS, in MiB, from the text of /proc/<pid>/status;
    None for a field that is missing or unreadable."""
    found: dict[str, float | None] = {"VmHWM": None, "VmRSS": None}
    for line in text.splitlines():
        name, _sep, rest = line.partition(":")
        if name in found:
            parts = rest.split()
            try:
                value = float(parts[0])
            except (IndexError, ValueError):
                continue
            unit = parts[1].lower() if len(parts) > 1 else "kb"
            scale = {"kb": 1 / 1024, "mb": 1.0, "gb": 1024.0}.get(unit)
            found[name] = value * scale if scale is not None else None
    return found


def memory_now(status_path: str = "/proc/self/status") -> dict[str, float | None]:
    """This process's peak and current resident memory, MiB (None each when unreadable)."""
    try:
        with open(status_path, encoding="ascii", errors="replace") as f:
            found = parse_status(f.read())
    except OSError:
        found = {"VmHWM": None, "VmRSS": None}
    return {"vmhwm_mib": found["VmHWM"], "vmrss_mib": found["VmRSS"], "source": "VmHWM"}


def emit_memory() -> None:
    emit(event="memory", **memory_now())


def when_painted(window, then) -> None:
    """Call `then` right after the first paint of `window` has finished (the window itself paints
    first in a frame; any widget can be watched so). A filter on that widget alone, for the bare
    window and the app alike: an application-wide one would make PySide wrap every object of the
    app in Python on the way."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Watch(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, then)
            return False

    watch = _Watch(window)
    window.installEventFilter(watch)


def bare() -> None:
    """The floor: a bare QMainWindow."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 720)
    window.show()

    def painted():
        emit(event="painted")
        emit_memory()
        app.quit()

    when_painted(window, painted)
    app.exec()


def _open_app(path: str, ready):
    """What journal.app.run_gui does, in its order, with the generated journal's own "now": the
    window paints, then the journal opens and the first view fills in; `ready` runs once that
    view's list has painted (see list_widget)."""
    from pathlib import Path

    from journal.app import pause_collector

    pause_collector()
    from PySide6.QtCore import QSettings

    from bench.reference import REFERENCE_NOW
    from journal.app import build_main_window, create_application, restore_collector
    from journal.clock import FixedClock
    from journal.ui.context import AppContext
    from journal.ui.first_paint import after_first_paint

    app = create_application()
    context = AppContext(journal_path=Path(path), settings=QSettings(), clock=FixedClock(REFERENCE_NOW))
    if os.environ.get("CONTACT_JOURNAL_PASSPHRASE"):  # as journal.app does for an encrypted journal
        from journal.app import _begin_deriving_key

        _begin_deriving_key(Path(path))
    window = build_main_window(context, first_view=False)
    window.show()
    opened = {}

    def load():
        from journal.services.upkeep.maintenance import open_session

        # An encrypted journal (bench/encryption_bench.py) is unlocked as a scripted start does:
        # the passphrase from CONTACT_JOURNAL_PASSPHRASE, the key derived here, after the paint.
        passphrase = os.environ.get("CONTACT_JOURNAL_PASSPHRASE") or None
        opened["database"] = open_session(Path(path), auto_backup=False, passphrase=passphrase)
        window.show_last_view()
        after_first_paint(window.stack.currentWidget(), restore_collector)
        watched = list_widget(window.stack.currentWidget())
        # What "ready" used to be, kept for comparison: the window's next paint, which can come
        # before the list's.
        when_painted(window, lambda: emit(event="window_repainted"))
        when_painted(watched, lambda: ready(_name(watched)))

    after_first_paint(window, guarded(load))
    return app, window, opened


def list_widget(view):
    """What shows that `view` has filled in: its list's viewport when the list is showing
    (Today's `table`), else the view itself (an empty Today shows a text instead of the list).
    Not the main window: its next paint may come before the list's."""
    table = getattr(view, "table", None)
    if table is not None and hasattr(table, "viewport") and table.isVisibleTo(view):
        return table.viewport()
    return view


def _name(widget) -> str:
    parent = widget.parentWidget()
    if widget.objectName() in ("", "qt_scrollarea_viewport") and parent is not None and parent.objectName():
        return f"{parent.objectName()} viewport"
    return widget.objectName() or type(widget).__name__


TYPED = [
    "Siobhán O'Brien",
    "olga ivanov",
    "Globex Systems",
    "kubernetes migration",
    "mentor",
    "Max Müller",
    "referral",
    "Talked with",
]


def type_key(widget, ch: str) -> None:
    """A key press and release carrying `ch` (QTest's helpers only know ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    key = ord(ch.upper()) if ch.isascii() else 0
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def _wait(app, flag: list) -> None:
    while not flag:
        app.processEvents()


def interact(app, window) -> None:
    import datetime as dt
    import statistics

    from bench.reference import REFERENCE_NOW
    from journal.clock import FixedClock
    from journal.services.agenda.items import agenda, due_between
    from journal.ui.search.action import palette_of

    palette = palette_of(window)
    palette.set_debounce(0)
    palette.popup()
    shown: list = []
    palette.results_shown.connect(lambda _ms: shown.append(1))
    per_key = []
    for text in TYPED:
        palette.input.clear()
        app.processEvents()
        for ch in text:
            shown.clear()
            started = time.perf_counter()
            type_key(palette.input, ch)
            _wait(app, shown)
            app.processEvents()  # the paint the new results queued, if the wait has not done it yet
            per_key.append({"text": palette.input.text(), "ms": (time.perf_counter() - started) * 1000})
    palette.hide()
    emit(event="search", keystrokes=per_key)

    clock = FixedClock(REFERENCE_NOW)
    service = []
    year, month = REFERENCE_NOW.year, REFERENCE_NOW.month
    for step in range(-6, 7):
        m = (month - 1 + step) % 12 + 1
        y = year + (month - 1 + step) // 12
        first = dt.date(y, m, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        started = time.perf_counter()
        due_between(first, last, clock=clock)
        service.append((time.perf_counter() - started) * 1000)
    emit(event="month", service_ms=service)

    today_service = []
    for _ in range(10):
        started = time.perf_counter()
        agenda(7, clock=clock)
        today_service.append((time.perf_counter() - started) * 1000)
    today_view = []
    if "today" in window._keys:
        window.show_view("today")
        view = window.view("today")
        for _ in range(10):
            started = time.perf_counter()
            view.refresh()
            view.repaint()
            today_view.append((time.perf_counter() - started) * 1000)
    emit(event="today", service_ms=today_service, view_ms=today_view, median_service=statistics.median(today_service))

    # Last, as it drives another view's code: the calendar's own month change, painted.
    view_ms = []
    if "calendar" in window._keys:
        window.show_view("calendar")
        view = window.view("calendar")
        app.processEvents()
        for direction in [1] * 6 + [-1] * 12 + [1] * 6:
            started = time.perf_counter()
            view.grid.shift_month(direction)
            app.processEvents()  # what the switch repaints (the grid, labels, the day's list)
            view_ms.append((time.perf_counter() - started) * 1000)
            emit(event="month_view_step", ms=view_ms[-1])  # kept even if a later switch fails
    emit(event="month_view", view_ms=view_ms)
    # Last of all, as it is the one measure that writes (each Done is undone again).
    if "today" in window._keys:
        done_undo(app, window, clock)



def done_undo(app, window, clock) -> None:
    """Done on Today's first next step, then Edit > Undo, each until the list has repainted.
    Every Done is undone, so the journal is left as it was."""
    from PySide6.QtCore import QEvent, QObject

    from journal.services.agenda.today import Group, today_items

    view = window.view("today")
    window.show_view("today")
    app.processEvents()
    painted: list[float] = []

    class _Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    watch = _Paints(view.table.viewport())
    view.table.viewport().installEventFilter(watch)
    done_ms, undo_ms, settled_ms = [], [], []
    for _ in range(10):
        steps = today_items(clock=clock)[Group.STEPS]
        if not steps:
            break
        view.select("next_step", steps[0].id)
        app.processEvents()
        history = window.context.operations.history
        started = time.perf_counter()
        view.done_current()
        app.processEvents()  # the notice's refresh and the repaint it queued
        done_ms.append((time.perf_counter() - started) * 1000)
        if not history.can_undo():
            break
        painted.clear()
        started = time.perf_counter()
        window.edit_actions.undo.trigger()
        app.processEvents()  # the list's repaint, and whatever else the notice set going
        settled_ms.append((time.perf_counter() - started) * 1000)
        if painted:  # from the key to the list's repaint starting (painting it is ~1 ms more)
            undo_ms.append((painted[0] - started) * 1000)
    view.table.viewport().removeEventFilter(watch)
    emit(event="done_undo", done_ms=done_ms, undo_ms=undo_ms, settled_ms=settled_ms)


def app_mode(path: str, interactive: bool) -> None:
    holder = {}

    def ready(watched: str):
        emit(event="ready", watched=watched)
        app, window = holder["app"], holder["window"]
        # Memory with the journal in use: a few searches and every view shown once.
        from journal.ui.search.action import palette_of

        for text in ("siob", "globex", "kubernetes"):
            palette_of(window).input.setText(text)
            palette_of(window).run_search()
        first_show = {}
        for key in list(window._keys):
            started = time.perf_counter()
            window.show_view(key)
            app.processEvents()
            first_show[key] = (time.perf_counter() - started) * 1000
        emit(event="views", first_show_ms=first_show)
        emit_memory()
        if interactive:
            interact(app, window)
        app.quit()

    app, window, opened = _open_app(path, guarded(ready))
    holder.update(app=app, window=window)
    when_painted(window, lambda: emit(event="painted"))
    app.exec()
    opened["database"].close()


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "bare":
        bare()
    else:
        app_mode(argv[1], interactive=(mode == "interact"))
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: it is not part of what is measured


if __name__ == "__main__":
    main(sys.argv[1:])
