"""Icons from resources/icons, falling back to the desktop theme."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from journal.paths import resource


@cache
def app_icon() -> QIcon:
    return QIcon(str(resource("icons/contact-journal.svg")))


def themed(name: str, fallback: str | None = None) -> QIcon:
    """A freedesktop theme icon, or one of ours when the theme lacks it."""
    icon = QIcon.fromTheme(name)
    if icon.isNull() and fallback:
        path = resource(f"icons/{fallback}")
        if path.exists():
            return QIcon(str(path))
    return icon
