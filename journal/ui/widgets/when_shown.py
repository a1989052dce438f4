"""Refreshing a view from a change notice now if it is on screen, else once it is shown again.

A view hidden behind another one would otherwise re-read the journal on every operation made
elsewhere (a Done in Today re-reading 20,000 people in People), and that work would land in the
frame the user is waiting for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    """`request()` calls `refresh` at once while `view` is visible; otherwise it remembers, and
    `refresh` runs when the view is next shown (once, however many requests came)."""

    def __init__(self, view: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._refresh = refresh
        self.stale = False
        view.installEventFilter(self)

    def request(self) -> None:
        if self._view.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self._view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
