"""A one-line message in the status bar of whatever main window holds a view."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SHOWN_MS = 5000


def show_status(widget: QWidget, text: str, ms: int = SHOWN_MS) -> None:
    """Show `text` in the status bar of `widget`'s window, if it has one (a view shown on its
    own, as in tests, has none)."""
    window = widget.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, ms)
