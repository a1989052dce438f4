"""A daily backup that failed is told in the window's status line; one that worked says nothing."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMainWindow

from journal.errors import JournalError
from journal.ui.backup_notice import watch_daily_backup


class Finished(threading.Thread):
    def __init__(self, error=None) -> None:
        super().__init__()
        self.error = error

    def run(self) -> None:
        pass


def test_a_failed_backup_is_told_in_the_status_line(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    thread = Finished(JournalError("The disk holding /data/backups is full: no backup was taken."))
    thread.start()
    thread.join()
    timer = watch_daily_backup(window, thread)
    qtbot.waitUntil(lambda: not timer.isActive())
    assert window.statusBar().currentMessage() == (
        "Today's backup could not be taken: The disk holding /data/backups is full: no backup was taken. "
        "Your changes are saved as usual."
    )


def test_a_backup_that_worked_says_nothing(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    thread = Finished()
    thread.start()
    thread.join()
    timer = watch_daily_backup(window, thread)
    qtbot.waitUntil(lambda: not timer.isActive())
    assert window.statusBar().currentMessage() == ""
