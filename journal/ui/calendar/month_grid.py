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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.ui import dates
from journal.ui.calendar.meeting_marks import MEETING_COLOUR, draw_calendar_glyph
from journal.ui.today.marks import DATE_COLOUR

ITEM_MIME = "application/x-contact-journal-item"
ROWS, COLS = 6, 7
HEADER_HEIGHT = 24
OVERDUE_COLOR = QColor("#c62828")
DUE_COLOR = QColor("#1565c0")
# Looked up once: each enum attribute read from Python costs, and a paint reads them per cell.
_BASE = QPalette.ColorRole.Base
_ALTERNATE_BASE = QPalette.ColorRole.AlternateBase
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_TEXT = QPalette.ColorRole.Text
_PLACEHOLDER = QPalette.ColorRole.PlaceholderText
_MID = QPalette.ColorRole.Mid
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush
_NO_PEN = Qt.PenStyle.NoPen
_DASH_LINE = Qt.PenStyle.DashLine
_CENTER = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
_SHORT_FORMAT = QLocale.FormatType.ShortFormat
_WHITE = QColor("white")


@dataclass(frozen=True, slots=True)
class _Look:
    """What one paint of the grid draws with."""

    base: QColor
    other_month: QColor
    selected: QColor
    highlight: QColor
    highlighted_text: QColor
    text: QColor
    muted: QColor
    grid_pen: QPen
    selected_pen: QPen
    drop_pen: QPen
    font: QFont
    bold: QFont
    small: QFont
    small_bold: QFont
    small_bold_metrics: QFontMetrics


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
        self._label_widths: dict[str, int] = {}  # pill label -> width in the small bold font
        self._label_font = ""  # the key of the font those widths are of

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
        """Select `day`, turning to its month if needed (month_changed, then date_selected; the
        day is selected already when month_changed is emitted)."""
        changed = day != self._selected
        self._selected = day
        self.set_month(day.year, day.month)
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
        """Everything a paint needs that is the same in every cell (colours, pens, fonts, their
        metrics, the cell size) is made once per paint, and the cells' labels measured once per
        text: a month switch repaints 42 cells, and each Qt call from Python costs."""
        painter = QPainter(self)
        painter.setRenderHint(_ANTIALIASING)
        palette = self.palette()
        base = palette.color(_BASE)
        painter.fillRect(self.rect(), base)
        self._paint_header(painter, palette)
        font = self.font()
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        small_bold = QFont(small)
        small_bold.setBold(True)
        painter.setFont(small_bold)
        small_bold_metrics = painter.fontMetrics()  # the pills' labels, measured as drawn
        if small_bold.key() != self._label_font:
            self._label_font, self._label_widths = small_bold.key(), {}
        highlight = palette.color(_HIGHLIGHT)
        grid_pen = QPen(palette.color(_MID))
        grid_pen.setWidthF(0.5)
        selected_pen = QPen(highlight, 3 if self.hasFocus() else 2)
        look = _Look(
            base=base,
            other_month=palette.color(_ALTERNATE_BASE),
            selected=highlight.lighter(185),
            highlight=highlight,
            highlighted_text=palette.color(_HIGHLIGHTED_TEXT),
            text=palette.color(_TEXT),
            muted=palette.color(_PLACEHOLDER),
            grid_pen=grid_pen,
            selected_pen=selected_pen,
            drop_pen=QPen(highlight, 2, _DASH_LINE),
            font=font,
            bold=bold,
            small=small,
            small_bold=small_bold,
            small_bold_metrics=small_bold_metrics,
        )
        width, height = self._cell_size()
        day = self.first_visible()
        one = dt.timedelta(days=1)
        for index in range(ROWS * COLS):
            row, col = divmod(index, COLS)
            cell = QRectF(col * width, HEADER_HEIGHT + row * height, width, height).toAlignedRect()
            self._paint_cell(painter, look, day, QRectF(cell).adjusted(1, 1, -1, -1))
            day += one
        painter.end()

    def _paint_header(self, painter: QPainter, palette: QPalette) -> None:
        width, _ = self._cell_size()
        locale = QLocale()
        painter.setPen(palette.color(_PLACEHOLDER))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for col in range(COLS):
            weekday = (self._first_weekday - 1 + col) % 7 + 1
            name = locale.dayName(weekday, _SHORT_FORMAT)
            rect = QRectF(col * width, 0, width, HEADER_HEIGHT)
            painter.drawText(rect, _CENTER, name)

    def _pill_label(self, metrics: QFontMetrics, text: str, room: float) -> tuple[str, int]:
        """The pill's text (its last word dropped when it does not fit `room`) and its width."""
        widths = self._label_widths
        full = widths.get(text)
        if full is None:
            full = widths[text] = metrics.horizontalAdvance(text)
        label = text if full + 10 <= room else " ".join(text.split()[:-1])
        width = widths.get(label)
        if width is None:
            width = widths[label] = metrics.horizontalAdvance(label)
        return label, width

    def _paint_cell(self, painter: QPainter, look: _Look, day: dt.date, rect: QRectF) -> None:
        in_month = day.month == self._month
        selected = day == self._selected
        painter.fillRect(rect, look.selected if selected else look.base if in_month else look.other_month)
        painter.setBrush(_NO_BRUSH)
        painter.setPen(look.grid_pen)
        painter.drawRect(rect)
        if selected:
            painter.setPen(look.selected_pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if day == self._drop_target:
            painter.setPen(look.drop_pen)
            painter.drawRect(rect.adjusted(3, 3, -3, -3))

        # The day number; today's in a filled circle.
        is_today = day == self._today
        painter.setFont(look.bold if is_today else look.font)
        number_rect = QRectF(rect.left() + 4, rect.top() + 3, 24, 22)
        if is_today:
            painter.setPen(_NO_PEN)
            painter.setBrush(look.highlight)
            painter.drawEllipse(number_rect)
            painter.setBrush(_NO_BRUSH)
            painter.setPen(look.highlighted_text)
        else:
            painter.setPen(look.text if in_month else look.muted)
        painter.drawText(number_rect, _CENTER, str(day.day))

        count = self._counts.get(day)
        if count is None:
            return
        if count.meetings:
            self._paint_meetings(painter, rect, number_rect, count.meetings, look.small)
        if not count.total:
            return
        painter.setFont(look.small_bold)
        y = rect.bottom() - 4
        pills = []
        if count.overdue:
            pills.append((QCoreApplication.translate("MonthGrid", "{n} overdue").format(n=count.overdue), OVERDUE_COLOR))
        if count.due:
            pills.append((QCoreApplication.translate("MonthGrid", "{n} due").format(n=count.due), DUE_COLOR))
        if count.dates:
            text = QCoreApplication.translate("MonthGrid", "1 date") if count.dates == 1 else QCoreApplication.translate("MonthGrid", "{n} dates").format(n=count.dates)
            pills.append((f"★ {text}", DATE_COLOUR))
        metrics = look.small_bold_metrics
        height = metrics.height() + 2
        for text, color in pills:
            label, label_width = self._pill_label(metrics, text, rect.width() - 5)
            width = label_width + 10
            pill = QRectF(rect.right() - 4 - width, y - height, width, height)
            if pill.top() < number_rect.bottom():
                break
            painter.setPen(_NO_PEN)
            painter.setBrush(color)
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(_WHITE)
            painter.drawText(pill, _CENTER, label)
            painter.setBrush(_NO_BRUSH)
            y = pill.top() - 3

    def _paint_meetings(self, painter: QPainter, rect: QRectF, number_rect: QRectF, n: int, small: QFont) -> None:
        """A calendar page and the number of meetings, top right, in the muted grey: no pill,
        so that it never reads as something due."""
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
            _RIGHT,
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
