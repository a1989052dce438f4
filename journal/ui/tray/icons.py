"""The tray's two looks: the app icon, and the app icon marked when something is due."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from journal.paths import resource
from journal.ui.icons import app_icon

BADGE_COLOR = QColor("#c62828")
SIZES = (16, 22, 24, 32, 48, 64)


def _resource_icon(name: str) -> QIcon | None:
    path = resource(f"icons/{name}")
    return QIcon(str(path)) if path.exists() else None


def tray_icon() -> QIcon:
    return _resource_icon("contact-journal-tray.svg") or app_icon()


def _badge_pixmap(base: QIcon, size: int, count: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base.paint(painter, 0, 0, size, size)
    diameter = size * 0.62
    badge = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(QPen(QColor("white"), max(1.0, size / 24)))
    painter.setBrush(BADGE_COLOR)
    painter.drawEllipse(badge)
    text = str(count) if count < 10 else "9+"
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(diameter * (0.62 if len(text) == 1 else 0.5))))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def due_icon(count: int) -> QIcon:
    """The tray icon with a red badge holding the number of due items."""
    base = tray_icon()
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_badge_pixmap(base, size, count))
    return icon
