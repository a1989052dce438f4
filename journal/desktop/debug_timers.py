"""A debugging aid for the idle benchmark (bench/idle.py): with CONTACT_JOURNAL_DEBUG_TIMERS set to
a file, the running app appends to it, as one JSON line, every QTimer it holds (where it hangs,
its interval, whether it is running and when it fires next) and its threads: once when the
desktop has started and again on each SIGUSR1. Nothing polls: the signal wakes the event loop
through a socket (signal.set_wakeup_fd), so the app sleeps exactly as it would without the aid.
Unset (always, outside the benchmark), nothing is installed."""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import threading
import time

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

ENV = "CONTACT_JOURNAL_DEBUG_TIMERS"


def _where(obj) -> str:
    parts = []
    while obj is not None and len(parts) < 5:
        name = obj.objectName()
        parts.append(type(obj).__name__ + (f"({name})" if name else ""))
        obj = obj.parent()
    return " < ".join(parts)


def timers() -> list[dict]:
    """Every QTimer reachable from the application, its windows and Python's objects."""
    import shiboken6

    found: dict[int, QTimer] = {}
    app = QApplication.instance()
    for root in [app, *QApplication.topLevelWidgets()]:
        for timer in root.findChildren(QTimer):
            found[shiboken6.getCppPointer(timer)[0]] = timer
    for obj in gc.get_objects():
        if isinstance(obj, QTimer) and shiboken6.isValid(obj):
            found.setdefault(shiboken6.getCppPointer(obj)[0], obj)
    return [
        {
            "where": _where(timer), "interval_ms": timer.interval(), "active": timer.isActive(),
            "single_shot": timer.isSingleShot(), "remaining_ms": timer.remainingTime(),
            "type": timer.timerType().name,
        }
        for timer in found.values()
    ]


def dump(path: str, reason: str) -> None:
    record = {
        "at": time.time(), "reason": reason, "pid": os.getpid(), "main_tid": threading.main_thread().native_id,
        "timers": timers(), "threads": [{"name": t.name, "tid": t.native_id} for t in threading.enumerate()],
    }
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")


def install(parent: QObject) -> None:
    """Dump now, and on every SIGUSR1 (if CONTACT_JOURNAL_DEBUG_TIMERS names a file)."""
    path = os.environ.get(ENV)
    if not path:
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    signal.signal(signal.SIGUSR1, lambda *_: None)  # Python's handler runs when the loop wakes
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def woken() -> None:
        try:
            reader.recv(64)
        except BlockingIOError:
            pass
        dump(path, "signal")

    notifier.activated.connect(woken)
    parent._debug_timers = (reader, writer, notifier)  # kept as long as the app
    dump(path, "started")
