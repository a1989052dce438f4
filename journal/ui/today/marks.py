"""The marks that tell a date that matters, a job change and a suggestion from a next step, in
Today and the calendar: a colour each and a small drawn icon (a star on a round badge, an arrow
for a move, a calendar page for a meeting seen, an envelope for a message seen)."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

DATE_COLOUR = QColor("#7b1fa2")  # purple: yearly, apart from the blue of due and red of overdue
RECONNECT_COLOUR = QColor("#00796b")  # teal
SUGGESTION_COLOUR = QColor("#3949ab")  # indigo: seen elsewhere, offered, never acted on alone


def _badge(colour: QColor, size: int, glyph) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    glyph(painter, size)
    painter.end()
    return pixmap


def _star(painter: QPainter, size: int) -> None:
    centre, outer, inner = size / 2, size * 0.36, size * 0.15
    path = QPainterPath()
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        point = QPointF(centre + radius * math.cos(angle), centre - radius * math.sin(angle))
        path.moveTo(point) if i == 0 else path.lineTo(point)
    path.closeSubpath()
    painter.setBrush(QColor("white"))
    painter.drawPath(path)


def _arrow(painter: QPainter, size: int) -> None:
    pen = QPen(QColor("white"), max(1.5, size / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s = size
    painter.drawLine(QPointF(s * 0.26, s * 0.5), QPointF(s * 0.72, s * 0.5))
    painter.drawPolyline([QPointF(s * 0.52, s * 0.3), QPointF(s * 0.74, s * 0.5), QPointF(s * 0.52, s * 0.7)])


def _page(painter: QPainter, size: int) -> None:
    """A calendar page: a white sheet, a band under its top edge and two rings above it."""
    s = size
    sheet = QRectF(s * 0.25, s * 0.3, s * 0.5, s * 0.44)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(sheet, s * 0.05, s * 0.05)
    painter.setBrush(SUGGESTION_COLOUR)
    painter.drawRect(QRectF(sheet.left(), sheet.top() + sheet.height() * 0.3, sheet.width(), max(1.0, s * 0.06)))
    pen = QPen(QColor("white"), max(1.2, s / 12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for x in (0.37, 0.63):
        painter.drawLine(QPointF(s * x, s * 0.24), QPointF(s * x, s * 0.33))


def _envelope(painter: QPainter, size: int) -> None:
    s = size
    sheet = QRectF(s * 0.25, s * 0.32, s * 0.5, s * 0.36)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawRect(sheet)
    pen = QPen(SUGGESTION_COLOUR, max(1.0, s / 16))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPolyline([sheet.topLeft(), QPointF(sheet.center().x(), sheet.top() + sheet.height() * 0.55), sheet.topRight()])


@cache
def meeting_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_badge(SUGGESTION_COLOUR, size, _page))
    return icon


@cache
def message_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_badge(SUGGESTION_COLOUR, size, _envelope))
    return icon


@cache
def date_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_badge(DATE_COLOUR, size, _star))
    return icon


@cache
def reconnect_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_badge(RECONNECT_COLOUR, size, _arrow))
    return icon
