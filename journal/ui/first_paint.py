"""Run work right after a window's first paint: the window appears first, then fills in.

Start-up uses it to show the main window before the journal is opened and the first view is
read, so on a big journal (or one being upgraded) the window is there at once instead of after
every query.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# Some platforms never paint a window that is covered or on another desktop: go on regardless.
FALLBACK_MS = 300


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        QApplication.instance().installEventFilter(self)
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self._fallback.timeout.connect(self._go)
        self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            # After this paint has reached the screen; dropped if the window goes first.
            QTimer.singleShot(0, self, self._go)
        return False

    def _go(self) -> None:
        if self._done:
            return
        self._done = True
        QApplication.instance().removeEventFilter(self)
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
