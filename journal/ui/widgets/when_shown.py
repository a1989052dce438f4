"""Refreshing a view from a change notice now if it is on screen, else once it is shown again.

A view hidden behind another one would otherwise re-read the journal on every operation made
elsewhere (a Done in Today re-reading 20,000 people in People), and that work would land in the
frame the user is waiting for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


class WhenShown:
    """`request()` calls `refresh` at once while `view` is visible; otherwise it remembers, and
    the view's showEvent calls `shown()`, which refreshes once however many requests came. (The
    view calls it, rather than an event filter seeing its events: a filter would hand every event
    of the view to Python, which a calendar month switch measurably paid for.)"""

    def __init__(self, view: QWidget, refresh: Callable[[], None]) -> None:
        self._view = view
        self._refresh = refresh
        self.stale = False

    def request(self) -> None:
        if self._view.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def shown(self) -> None:
        if self.stale:
            self.stale = False
            self._refresh()
