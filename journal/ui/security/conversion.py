"""Encrypting, decrypting and re-keying the journal from the window.

The journal must be closed while it is converted, so the conversion stops what reads it in the
background first (the sync and the scan, each waiting for a round that runs; the reminders'
timer), closes the window's own connection, converts on a thread of its own with its progress
in a dialog, then opens the journal again (with its new key) and starts the background again.
A conversion that fails leaves the journal as it was, and it is opened again as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from journal import APP_NAME
from journal.desktop.lock import JournalAccess, OffThread, converted_key, describe
from journal.errors import JournalError


class ProgressDialog(QDialog):
    """What a conversion is doing; it cannot be closed until it is done."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversionProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(self.tr("Closing the journal…"))
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # moving until the first file is done
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setMinimumWidth(380)
        self.running = True

    def report(self, percent: int, text: str) -> None:
        if percent > 0:
            self.bar.setRange(0, 100)
            self.bar.setValue(percent)
        if text:
            self.label.setText(text)

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def finish(self) -> None:
        self.running = False
        self.accept()


class JournalConversion(QObject):
    """Runs one conversion at a time. `finished(changed, message)`: whether the journal's
    encryption changed, and a line to show (what was done, or why not)."""

    finished = Signal(bool, str)

    def __init__(
        self,
        access: JournalAccess,
        *,
        pause: Callable[[], None] = lambda: None,
        resume: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.access = access
        self._pause = pause
        self._resume = resume
        self.task: OffThread | None = None
        self.progress: ProgressDialog | None = None
        self._done_text = ""
        self._before = None  # the key the journal had (None: plain)

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, title: str, work: Callable, done_text: str, parent: QWidget | None = None) -> bool:
        """`work(report)` converts the closed journal and returns its new key (None: plain), or
        a (key, note) pair; run off the GUI thread. False when one is already running."""
        if self.task is not None:
            return False
        self._done_text = done_text
        self._before = self.access.key
        self.progress = ProgressDialog(title, parent)
        self.progress.show()
        try:
            self._pause()
            self.access.close()
        except Exception as exc:  # noqa: BLE001 - the journal stays as it was: open it again
            self._end(False, describe(exc), self._before)
            return True
        self.progress.label.setText(self.tr("Converting the journal…"))
        self.task = OffThread(work, reports=True, parent=self)
        self.task.progress.connect(self.progress.report)
        self.task.done.connect(self._converted)
        self.task.failed.connect(self._failed)
        self.task.start()
        return True

    def wait(self) -> None:
        if self.task is not None:
            self.task.wait()

    def _converted(self, result) -> None:
        key, note = result if isinstance(result, tuple) else (result, "")
        self.task = None
        text = self._done_text + (f" {note}" if note else "")
        self._end(True, text, key)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        converted, key = converted_key(exc)
        self._end(converted, describe(exc), key if converted else self._before)

    def _end(self, changed: bool, text: str, key) -> None:
        parent = self.progress.parentWidget() if self.progress is not None else None
        if self.progress is not None:
            self.progress.label.setText(self.tr("Opening the journal again…"))
        try:
            self.access.reopen(key)
        except JournalError as exc:
            self._close_progress()
            QMessageBox.critical(
                parent, APP_NAME,
                self.tr("The journal could not be opened again: {error} Quit and start {app} again.").format(
                    error=describe(exc), app=APP_NAME),
            )
            self.finished.emit(changed, text)
            return
        try:
            self._resume()
        finally:
            self._close_progress()
        self.finished.emit(changed, text)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress.deleteLater()
            self.progress = None
