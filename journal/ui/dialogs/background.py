"""Running a service call off the GUI thread, with progress, on its own journal connection.

The worker thread opens its own connection (peewee connections are per thread; the journal is a
file, so a second connection is fine) and reports through queued signals; nothing in the worker
touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from journal.errors import JournalError


class _Worker(QObject):
    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, function: Callable) -> None:
        super().__init__()
        self._function = function

    @Slot()
    def run(self) -> None:
        try:
            from journal.services.interchange.imports import in_own_connection  # with the import libraries: on use

            result = in_own_connection(self._function, self.progress.emit)
        except JournalError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        except Exception as exc:  # a bug must reach the user, not die silently in a thread
            self.failed.emit(self.tr("Something went wrong: {error}").format(error=f"{type(exc).__name__}: {exc}"))
        else:
            self.done.emit(result)


class BackgroundTask(QObject):
    """`function(progress)` on a worker thread; `done(result)` or `failed(message)` on this one."""

    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, function: Callable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(function)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._relay_progress)
        self._worker.done.connect(self._finish)
        self._worker.failed.connect(self._fail)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def wait(self) -> None:
        """Block until the worker is done (used when a window closes during a task)."""
        self._thread.quit()
        self._thread.wait()

    def _stop(self) -> None:
        self.running = False
        self._thread.quit()
        self._thread.wait()

    @Slot(int, str)
    def _relay_progress(self, percent: int, message: str) -> None:
        self.progress.emit(percent, message)

    @Slot(object)
    def _finish(self, result) -> None:
        self._stop()
        self.done.emit(result)

    @Slot(str)
    def _fail(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)
