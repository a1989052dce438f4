"""A month grid that shows, on each day, how many items fall due (overdue ones apart), how
many dates that matter fall on it (yearly, in their own colour), and, as context in a muted
grey at the top right, how many meetings with people in the journal a calendar holds on it.

Painted by hand rather than a QCalendarWidget so that each cell can carry two labelled counts
and accept an item dropped onto it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.ui import dates
from journal.ui.calendar.meeting_marks import MEETING_COLOUR, draw_calendar_glyph
from journal.ui.today.marks import DATE_COLOUR

ITEM_MIME = "application/x-contact-journal-item"
ROWS, COLS = 6, 7
HEADER_HEIGHT = 24
OVERDUE_COLOR = QColor("#c62828")
DUE_COLOR = QColor("#1565c0")


@dataclass(frozen=True)
class DayCount:
    due: int = 0  # not overdue
    overdue: int = 0
    dates: int = 0  # dates that matter on the day (birthdays, anniversaries)
    meetings: int = 0  # meetings seen in a calendar: context, never counted as due

    @property
    def total(self) -> int:
        """What falls due or comes back on the day (meetings are not in it)."""
        return self.due + self.overdue + self.dates

    def describe(self) -> str:
        parts = []
        if self.due:
            parts.append(QCoreApplication.translate("MonthGrid", "{n} due").format(n=self.due))
        if self.overdue:
            parts.append(QCoreApplication.translate("MonthGrid", "{n} overdue").format(n=self.overdue))
        if self.dates:
            parts.append(
                QCoreApplication.translate("MonthGrid", "1 date that matters")
                if self.dates == 1
                else QCoreApplication.translate("MonthGrid", "{n} dates that matter").format(n=self.dates)
            )
        text = ", ".join(parts) or QCoreApplication.translate("MonthGrid", "Nothing due")
        if self.meetings:
            meetings = (
                QCoreApplication.translate("MonthGrid", "1 meeting in your calendar")
                if self.meetings == 1
                else QCoreApplication.translate("MonthGrid", "{n} meetings in your calendar").format(n=self.meetings)
            )
            text = f"{text}; {meetings}"
        return text


class MonthGrid(QWidget):
    """Six weeks around one month. Arrows move by day and week, Page Up/Down by month."""

    date_selected = Signal(object)  # dt.date
    date_activated = Signal(object)  # dt.date (double-click or Enter)
    month_changed = Signal(int, int)  # year, month
    item_dropped = Signal(str, object)  # item key, dt.date

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Month calendar"))
        self._today = today
        self._selected = today
        self._year, self._month = today.year, today.month
        self._counts: dict[dt.date, DayCount] = {}
        self._drop_target: dt.date | None = None
        self._first_weekday = QLocale().firstDayOfWeek().value  # 1 = Monday ... 7 = Sunday

    # --- state -------------------------------------------------------------------------------

    @property
    def selected_date(self) -> dt.date:
        return self._selected

    @property
    def year_month(self) -> tuple[int, int]:
        return self._year, self._month

    def set_today(self, today: dt.date) -> None:
        self._today = today
        self.update()

    def set_counts(self, counts: dict[dt.date, DayCount]) -> None:
        self._counts = dict(counts)
        self.update()

    def count_on(self, day: dt.date) -> DayCount:
        return self._counts.get(day, DayCount())

    def first_visible(self) -> dt.date:
        first = dt.date(self._year, self._month, 1)
        offset = (first.isoweekday() - self._first_weekday) % 7
        return first - dt.timedelta(days=offset)

    def last_visible(self) -> dt.date:
        return self.first_visible() + dt.timedelta(days=ROWS * COLS - 1)

    def set_month(self, year: int, month: int) -> None:
        if (year, month) == (self._year, self._month):
            return
        self._year, self._month = year, month
        self.update()
        self.month_changed.emit(year, month)

    def select_date(self, day: dt.date) -> None:
        """Select `day`, turning to its month if needed."""
        self.set_month(day.year, day.month)
        changed = day != self._selected
        self._selected = day
        self.update()
        if changed:
            self.date_selected.emit(day)

    def shift_month(self, months: int) -> None:
        index = self._year * 12 + (self._month - 1) + months
        year, month = divmod(index, 12)
        month += 1
        day = min(self._selected.day, calendar.monthrange(year, month)[1])
        self.select_date(dt.date(year, month, day))

    # --- geometry ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(7 * 96, HEADER_HEIGHT + 6 * 76)

    def minimumSizeHint(self) -> QSize:
        return QSize(7 * 48, HEADER_HEIGHT + 6 * 44)

    def _cell_size(self) -> tuple[float, float]:
        return self.width() / COLS, (self.height() - HEADER_HEIGHT) / ROWS

    def cell_rect(self, day: dt.date) -> QRect:
        index = (day - self.first_visible()).days
        if not 0 <= index < ROWS * COLS:
            return QRect()
        width, height = self._cell_size()
        row, col = divmod(index, COLS)
        return QRectF(col * width, HEADER_HEIGHT + row * height, width, height).toAlignedRect()

    def date_at(self, pos: QPoint) -> dt.date | None:
        width, height = self._cell_size()
        if pos.y() < HEADER_HEIGHT or width <= 0 or height <= 0:
            return None
        col = int(pos.x() // width)
        row = int((pos.y() - HEADER_HEIGHT) // height)
        if not (0 <= col < COLS and 0 <= row < ROWS):
            return None
        return self.first_visible() + dt.timedelta(days=row * COLS + col)

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_header(painter, palette)
        day = self.first_visible()
        for _ in range(ROWS * COLS):
            self._paint_cell(painter, palette, day)
            day += dt.timedelta(days=1)
        painter.end()

    def _paint_header(self, painter: QPainter, palette: QPalette) -> None:
        width, _ = self._cell_size()
        locale = QLocale()
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for col in range(COLS):
            weekday = (self._first_weekday - 1 + col) % 7 + 1
            name = locale.dayName(weekday, QLocale.FormatType.ShortFormat)
            rect = QRectF(col * width, 0, width, HEADER_HEIGHT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_cell(self, painter: QPainter, palette: QPalette, day: dt.date) -> None:
        rect = QRectF(self.cell_rect(day)).adjusted(1, 1, -1, -1)
        in_month = day.month == self._month
        base = palette.color(QPalette.ColorRole.Base)
        if not in_month:
            base = palette.color(QPalette.ColorRole.AlternateBase)
        if day == self._selected:
            base = palette.color(QPalette.ColorRole.Highlight).lighter(185)
        painter.fillRect(rect, base)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        grid_pen.setWidthF(0.5)
        painter.setPen(grid_pen)
        painter.drawRect(rect)
        if day == self._selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            if self.hasFocus():
                pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if day == self._drop_target:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(3, 3, -3, -3))

        # The day number; today's in a filled circle.
        font = QFont(self.font())
        font.setBold(day == self._today)
        painter.setFont(font)
        number_rect = QRectF(rect.left() + 4, rect.top() + 3, 24, 22)
        if day == self._today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawEllipse(number_rect)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            role = QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText
            painter.setPen(palette.color(role))
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, str(day.day))

        count = self._counts.get(day)
        if count is None:
            return
        if count.meetings:
            self._paint_meetings(painter, rect, number_rect, count.meetings)
        if not count.total:
            return
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        small.setBold(True)
        painter.setFont(small)
        y = rect.bottom() - 4
        pills = []
        if count.overdue:
            pills.append((QCoreApplication.translate("MonthGrid", "{n} overdue").format(n=count.overdue), OVERDUE_COLOR))
        if count.due:
            pills.append((QCoreApplication.translate("MonthGrid", "{n} due").format(n=count.due), DUE_COLOR))
        if count.dates:
            text = QCoreApplication.translate("MonthGrid", "1 date") if count.dates == 1 else QCoreApplication.translate("MonthGrid", "{n} dates").format(n=count.dates)
            pills.append((f"★ {text}", DATE_COLOUR))
        for text, color in pills:
            metrics = painter.fontMetrics()
            label = text if metrics.horizontalAdvance(text) + 10 <= rect.width() - 5 else " ".join(text.split()[:-1])
            width = metrics.horizontalAdvance(label) + 10
            height = metrics.height() + 2
            pill = QRectF(rect.right() - 4 - width, y - height, width, height)
            if pill.top() < number_rect.bottom():
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(QColor("white"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            y = pill.top() - 3

    def _paint_meetings(self, painter: QPainter, rect: QRectF, number_rect: QRectF, n: int) -> None:
        """A calendar page and the number of meetings, top right, in the muted grey: no pill,
        so that it never reads as something due."""
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        side = float(min(metrics.height(), 14))
        text = str(n)
        text_width = metrics.horizontalAdvance(text)
        right = rect.right() - 5
        top = number_rect.center().y() - side / 2
        if right - side - 3 - text_width < number_rect.right() + 2:
            return  # a cell too narrow for both: the tooltip still says it
        painter.setPen(MEETING_COLOUR)
        painter.drawText(
            QRectF(right - text_width, number_rect.top(), text_width, number_rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            text,
        )
        draw_calendar_glyph(painter, QRectF(right - text_width - 3 - side, top, side, side))

    # --- input -------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select_date(day)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position().toPoint())
        if day is not None:
            self.select_date(day)
            self.date_activated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in steps and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_date(self._selected + dt.timedelta(days=steps[key]))
        elif key == Qt.Key.Key_PageUp:
            self.shift_month(-1)
        elif key == Qt.Key.Key_PageDown:
            self.shift_month(1)
        elif key == Qt.Key.Key_Home:
            self.select_date(self._selected.replace(day=1))
        elif key == Qt.Key.Key_End:
            last = calendar.monthrange(self._selected.year, self._selected.month)[1]
            self.select_date(self._selected.replace(day=last))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.date_activated.emit(self._selected)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.date_at(event.pos())
            if day is not None:
                QToolTip.showText(event.globalPos(), f"{dates.long_padded(day)}: {self.count_on(day).describe()}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    # --- drop an item on a day to reschedule it ----------------------------------------------

    def _drop_date(self, event) -> dt.date | None:
        if not event.mimeData().hasFormat(ITEM_MIME):
            return None
        return self.date_at(event.position().toPoint())

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(ITEM_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        day = self._drop_date(event)
        if day != self._drop_target:
            self._drop_target = day
            self.update()
        if day is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self._drop_target = None
        self.update()

    def dropEvent(self, event) -> None:
        day = self._drop_date(event)
        self._drop_target = None
        self.update()
        if day is None:
            event.ignore()
            return
        key = bytes(event.mimeData().data(ITEM_MIME)).decode()
        event.acceptProposedAction()
        self.item_dropped.emit(key, day)
