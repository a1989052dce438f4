"""Search… (Ctrl+K) in the main window. The palette it opens is built on first use, so the
window's start-up pays only for the action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from journal.ui.search.palette import SearchPalette

SHORTCUT = "Ctrl+K"


def palette_of(window) -> SearchPalette:
    """The window's search palette, built the first time it is asked for."""
    palette = getattr(window, "_search_palette", None)
    if palette is None:
        from journal.ui.search.palette import SearchPalette

        palette = window._search_palette = SearchPalette(window)
    return palette


def install_search(window) -> QAction:
    """Add Search… (Ctrl+K) to the window's View menu."""
    action = QAction(QCoreApplication.translate("SearchPalette", "&Search…"), window, objectName="searchAction")
    action.setShortcuts([QKeySequence(SHORTCUT)])
    # Window-wide, a QAction's default shortcut context.
    action.triggered.connect(lambda _=False: palette_of(window).popup())
    window.view_menu.addSeparator()
    window.view_menu.addAction(action)
    window.addAction(action)
    window.search_action = action
    return action
