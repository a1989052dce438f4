"""Icons for the views' actions: the desktop theme's when it has them, else simple drawn glyphs
in one consistent line style (so every platform shows an icon, and all of one family)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

# our name -> freedesktop theme name
THEME_NAMES = {
    "add": "list-add",
    "save": "document-save",
    "revert": "document-revert",
    "delete": "edit-delete",
    "archive": "folder",
    "restore": "edit-undo",
    "undo": "edit-undo",
    "mail": "mail-message-new",
    "advance": "go-next",
    "decline": "process-stop",
    "lapsed": "appointment-missed",
    "reopen": "view-refresh",
    "open": "go-jump",
    "edit": "document-properties",
    "step": "appointment-new",
    "done": "object-select",
    "chat": "internet-group-chat",
    "offer": "contact-new",
}


def _pen(painter: QPainter, color: QColor, width: float = 1.6) -> None:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _draw(name: str, painter: QPainter, color: QColor) -> None:
    """Glyphs on a 16x16 grid."""
    _pen(painter, color)
    p = QPointF
    if name == "add":
        painter.drawLine(p(8, 3), p(8, 13))
        painter.drawLine(p(3, 8), p(13, 8))
    elif name in ("save", "done"):
        painter.drawPolyline([p(3, 8.5), p(6.5, 12), p(13, 4.5)])
    elif name == "delete":
        painter.drawLine(p(3, 4.5), p(13, 4.5))
        painter.drawLine(p(6.5, 4.5), p(6.5, 2.5))
        painter.drawLine(p(6.5, 2.5), p(9.5, 2.5))
        painter.drawLine(p(9.5, 2.5), p(9.5, 4.5))
        painter.drawPolyline([p(4.5, 4.5), p(5.2, 13.5), p(10.8, 13.5), p(11.5, 4.5)])
    elif name == "archive":
        painter.drawRect(QRectF(2.5, 3, 11, 3))
        painter.drawPolyline([p(3.5, 6), p(3.5, 13), p(12.5, 13), p(12.5, 6)])
        painter.drawLine(p(6.5, 8.5), p(9.5, 8.5))
    elif name in ("undo", "restore", "revert", "reopen"):
        path = QPainterPath(p(4, 6))
        path.cubicTo(p(8, 2.5), p(14, 4), p(13, 9.5))
        path.cubicTo(p(12.5, 12), p(10, 13.5), p(7, 13))
        painter.drawPath(path)
        painter.drawPolyline([p(3.5, 2.5), p(4, 6), p(7.5, 6.5)])
    elif name == "mail":
        painter.drawRect(QRectF(2, 4, 12, 8.5))
        painter.drawPolyline([p(2.5, 4.5), p(8, 9), p(13.5, 4.5)])
    elif name in ("advance", "open"):
        painter.drawLine(p(3, 8), p(13, 8))
        painter.drawPolyline([p(9, 4), p(13, 8), p(9, 12)])
    elif name == "decline":
        painter.drawLine(p(4, 4), p(12, 12))
        painter.drawLine(p(12, 4), p(4, 12))
    elif name == "lapsed":
        painter.drawEllipse(QRectF(2.5, 2.5, 11, 11))
        painter.drawPolyline([p(8, 5), p(8, 8), p(10.5, 9.5)])
    elif name == "edit":
        painter.drawPolyline([p(3, 13), p(3.5, 10.5), p(11, 3), p(13, 5), p(5.5, 12.5), p(3, 13)])
    elif name == "step":
        painter.drawRect(QRectF(2.5, 3.5, 11, 10))
        painter.drawLine(p(2.5, 6.5), p(13.5, 6.5))
        painter.drawLine(p(5.5, 2), p(5.5, 4.5))
        painter.drawLine(p(10.5, 2), p(10.5, 4.5))
    elif name == "chat":
        path = QPainterPath(p(3.5, 3.5))
        path.lineTo(p(12.5, 3.5))
        path.quadTo(p(13.5, 3.5), p(13.5, 4.5))
        path.lineTo(p(13.5, 9.5))
        path.quadTo(p(13.5, 10.5), p(12.5, 10.5))
        path.lineTo(p(7, 10.5))
        path.lineTo(p(4, 13))
        path.lineTo(p(4.5, 10.5))
        path.lineTo(p(3.5, 10.5))
        path.quadTo(p(2.5, 10.5), p(2.5, 9.5))
        path.lineTo(p(2.5, 4.5))
        path.quadTo(p(2.5, 3.5), p(3.5, 3.5))
        painter.drawPath(path)
    elif name == "offer":
        painter.drawEllipse(QRectF(1.5, 5.5, 4, 4))
        painter.drawEllipse(QRectF(10.5, 5.5, 4, 4))
        painter.drawLine(p(6.5, 7.5), p(9.5, 7.5))
        painter.drawPolyline([p(8.3, 6.2), p(9.5, 7.5), p(8.3, 8.8)])
    else:
        raise KeyError(f"no glyph {name!r}")


def _glyph(name: str) -> QIcon:
    palette = QApplication.palette() if QApplication.instance() else QPalette()
    colors = {
        QIcon.Mode.Normal: palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText),
        QIcon.Mode.Disabled: palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText),
    }
    icon = QIcon()
    for mode, color in colors.items():
        for size in (16, 24, 32):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(size / 16, size / 16)
            _draw(name, painter, color)
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


@cache
def action_icon(name: str) -> QIcon:
    """The icon for action `name` (see THEME_NAMES)."""
    if name not in THEME_NAMES:
        raise KeyError(f"no action icon {name!r}")
    themed = QIcon.fromTheme(THEME_NAMES[name])
    return themed if not themed.isNull() else _glyph(name)
