"""Run work right after a window's first paint: the window appears first, then fills in.

Start-up uses it to show the main window before the journal is opened and the first view is
read, so on a big journal (or one being upgraded) the window is there at once instead of after
every query.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Some platforms never paint a window that is covered or on another desktop: go on regardless.
FALLBACK_MS = 300


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        # On the window alone: the window paints first in its first frame, and an application-wide
        # filter would hand every event of every object to Python, making PySide build Python
        # types (and their enums) for objects it never needed: ~12 ms more before the first frame.
        window.installEventFilter(self)
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self._fallback.timeout.connect(self._go)
        self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self._done and event.type() == QEvent.Type.Paint:
            # After this paint has reached the screen; dropped if the window goes first.
            QTimer.singleShot(0, self, self._go)
        return False

    def _go(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._fallback.stop()
        self.deleteLater()
        self._then()


def after_first_paint(window: QWidget, then: Callable[[], None], *, fallback_ms: int = FALLBACK_MS) -> None:
    """Call `then` once `window` has painted for the first time (at the next turn of the event
    loop when it is not shown at all)."""
    if not window.isVisible():
        QTimer.singleShot(0, then)
        return
    _FirstPaint(window, then, fallback_ms)
