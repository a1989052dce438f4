"""Reading the journal off the GUI thread, for a view whose reads are too slow for a frame.

`Reader` runs read-only service calls one after another on one worker thread that keeps its
own connection to the journal open (peewee connections are per thread), so what the services
keep between calls on a connection (Insights keeps each person's contact days until the journal
changes) serves the next call too. Answers come back through queued signals on the thread that
asked; nothing on the worker touches a widget.

A reader's thread stays referenced here until it has finished, so that nothing destroys it while
it runs, even once the view that made it is gone: `stop()` lets it finish its call, close its
connection and end. `wait_for_readers()` waits for every one (tests, the benchmark).
"""

from __future__ import annotations

import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

_THREADS: set[QThread] = set()
_CLOSE = object()  # a job that closes the worker's connection: the next one opens it afresh
_HOOKED = False


class _Worker(QThread):
    answered = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()

    def run(self) -> None:
        from journal.store.models import DB

        try:
            while True:
                job = self.jobs.get()
                if job is None:
                    return
                if job is _CLOSE:
                    if not DB.is_closed():
                        DB.close()
                    continue
                number, function, args, kwargs = job
                try:
                    if DB.is_closed():
                        DB.connect()
                        _lighten(DB)
                    result = function(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001 - a failure goes back to the view, never lost in a thread
                    self.failed.emit(number, " ".join(str(exc).split()) or type(exc).__name__)
                else:
                    self.answered.emit(number, result)
        finally:
            if not DB.is_closed():
                DB.close()


def _lighten(database) -> None:
    """A reader's connection gets a smaller page cache than the main one: it only reads, and the
    OS caches the file's pages anyway (measured in bench/: 2 MB less at the peak)."""
    from journal.store.db import READER_CACHE_SIZE

    database.execute_sql(f"PRAGMA cache_size = {int(READER_CACHE_SIZE)}")


class Reader(QObject):
    """`read(function, *args, **kwargs)` queues a call and returns its number; `answered(number,
    result)` or `failed(number, message)` follow on this thread, in the order asked."""

    answered = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: _Worker | None = None
        self._number = 0
        self._pending: set[int] = set()

    def read(self, function: Callable, *args, **kwargs) -> int:
        if self._worker is None:
            self._worker = _Worker()
            self._worker.answered.connect(self._answered)
            self._worker.failed.connect(self._failed)
            self._worker.finished.connect(self._reap)  # queued: on this thread, once it has ended
            worker = self._worker
            # Gone with its view: the worker still ends (and closes its connection) by itself.
            self.destroyed.connect(lambda *_a, w=worker: w.jobs.put(None))
            _THREADS.add(worker)
            _hook_exit()
            worker.start()
        self._number += 1
        self._pending.add(self._number)
        self._worker.jobs.put((self._number, function, args, kwargs))
        return self._number

    def pending(self) -> int:
        """How many calls are queued or running."""
        return len(self._pending)

    def reconnect(self) -> None:
        """The journal was replaced or reopened: the next call opens a new connection."""
        if self._worker is not None:
            self._worker.jobs.put(_CLOSE)

    def stop(self) -> None:
        """Let the worker finish what it runs, close its connection and end (answers to come
        are dropped)."""
        if self._worker is not None:
            self._worker.answered.disconnect(self._answered)
            self._worker.failed.disconnect(self._failed)
            self._worker.jobs.put(None)
            self._worker = None
        self._pending.clear()

    @Slot(int, object)
    def _answered(self, number: int, result) -> None:
        self._pending.discard(number)
        self.answered.emit(number, result)

    @Slot(int, str)
    def _failed(self, number: int, message: str) -> None:
        self._pending.discard(number)
        self.failed.emit(number, message)

    @Slot()
    def _reap(self) -> None:
        for thread in [t for t in _THREADS if t.isFinished()]:
            thread.wait()
            _THREADS.discard(thread)


def _hook_exit() -> None:
    """Readers still running when the app quits (or Python exits) are stopped and waited for:
    a QThread destroyed while it runs takes the process down."""
    global _HOOKED
    if _HOOKED:
        return
    _HOOKED = True
    import atexit

    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_all)
    atexit.register(stop_all)


def stop_all() -> None:
    for thread in list(_THREADS):
        thread.jobs.put(None)
    wait_for_readers()


def wait_for_readers(timeout_ms: int = 30_000) -> bool:
    """Block until every stopped reader's thread has ended."""
    return all(thread.wait(timeout_ms) for thread in list(_THREADS))
