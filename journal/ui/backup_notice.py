"""Telling the window's user that today's backup could not be taken (a full disk, say): the
journal keeps working and their changes are saved; only the copy is missing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

CHECK_MS = 500


def watch_daily_backup(window, thread) -> QTimer:
    """Once the backup `thread` (journal.services.upkeep.maintenance.DailyBackup) has finished,
    say in the status line if it failed, until the user does something else there. Polled on a
    coarse timer: the thread may not touch the window."""
    timer = QTimer(window, interval=CHECK_MS)

    def check() -> None:
        if thread.is_alive():
            return
        timer.stop()
        error = getattr(thread, "error", None)
        if error is not None:
            text = QCoreApplication.translate(
                "MainWindow", "Today's backup could not be taken: {error} Your changes are saved as usual."
            ).format(error=" ".join(str(error).split()))
            window.statusBar().showMessage(text)

    timer.timeout.connect(check)
    timer.start()
    return timer
