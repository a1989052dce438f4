"""How a meeting seen in a calendar looks in the Calendar view: a small drawn calendar page in a
muted grey, and its time, title and people. Meetings are context, so nothing about them borrows
the blue of due items, the red of overdue ones or the purple of dates that matter."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from journal.services.scan.suggestions import UpcomingMeeting

MEETING_COLOUR = QColor("#607d8b")  # blue-grey: muted, apart from every colour that means "due"


def draw_calendar_glyph(painter: QPainter, rect: QRectF, colour: QColor = MEETING_COLOUR) -> None:
    """A calendar page (a frame, its binding band and two rings) filling `rect`."""
    painter.save()
    side = min(rect.width(), rect.height())
    page = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    line = max(1.0, side / 11)
    body = page.adjusted(line / 2, side * 0.16 + line / 2, -line / 2, -line / 2)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, line))
    painter.drawRoundedRect(body, side * 0.1, side * 0.1)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(QRectF(body.left(), body.top(), body.width(), body.height() * 0.28))
    ring = QPen(colour, line)
    ring.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(ring)
    for x in (0.3, 0.7):
        ring_x = page.left() + side * x
        painter.drawLine(QPointF(ring_x, page.top() + line / 2), QPointF(ring_x, page.top() + side * 0.28))
    # Two rows of days, as dots.
    painter.setPen(Qt.PenStyle.NoPen)
    dot = max(1.0, side / 9)
    for row in (0.55, 0.76):
        for col in (0.3, 0.5, 0.7):
            painter.drawRect(QRectF(page.left() + side * col - dot / 2, page.top() + side * row - dot / 2, dot, dot))
    painter.restore()


def _glyph_pixmap(size: int, colour: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_calendar_glyph(painter, QRectF(1, 1, size - 2, size - 2), colour)
    painter.end()
    return pixmap


@cache
def meeting_icon() -> QIcon:
    """The grey page, and a white one on a selected row's highlight."""
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_glyph_pixmap(size, MEETING_COLOUR))
        icon.addPixmap(_glyph_pixmap(size, QColor("white")), QIcon.Mode.Selected)
    return icon


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeetingMarks", text)


def meeting_time(meeting: UpcomingMeeting) -> str:
    """"10:00–11:00", "10:00" or "All day"."""
    if meeting.all_day:
        return QCoreApplication.translate("MeetingMarks", "All day")
    start = meeting.start.strftime("%H:%M")
    end = meeting.end
    if end is None or end <= meeting.start or end.date() != meeting.start.date():
        return start
    return f"{start}–{end.strftime('%H:%M')}"


def meeting_title(meeting: UpcomingMeeting) -> str:
    return meeting.summary.strip() or QCoreApplication.translate("MeetingMarks", "Meeting")


def meeting_people(meeting: UpcomingMeeting) -> str:
    """"Dana Smith", "Dana Smith, Sam Lee", "Dana Smith, Sam Lee and 3 others"."""
    names = list(meeting.people)
    if len(names) <= 3:
        return ", ".join(names)
    return QCoreApplication.translate("MeetingMarks", "{first}, {second} and {n} others").format(first=names[0], second=names[1], n=len(names) - 2)


def meeting_row_text(meeting: UpcomingMeeting) -> str:
    """Two lines, as the due rows have: the time and title, then what it is and with whom."""
    parts = [QCoreApplication.translate("MeetingMarks", "Meeting"), meeting_people(meeting)]
    if meeting.location.strip():
        parts.append(meeting.location.strip())
    return f"{meeting_time(meeting)}  {meeting_title(meeting)}\n" + " · ".join(p for p in parts if p)
