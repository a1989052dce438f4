"""Lists of due items for the calendar: one day's items, and the agenda grouped by day.

Rows can be dragged onto the month grid to reschedule them; a date that matters (yearly, with
its own mark and colour) stays on its day. A day's list also holds the meetings a calendar has
on it, after what is due: muted, with a calendar mark, never dragged, done or snoozed; Enter on
one opens the first person in it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from journal.domain.agenda import AgendaItem, ItemKind
from journal.services.scan.suggestions import UpcomingMeeting
from journal.ui import dates
from journal.ui.calendar.meeting_marks import MEETING_COLOUR, meeting_icon, meeting_row_text
from journal.ui.calendar.month_grid import ITEM_MIME, OVERDUE_COLOR
from journal.ui.labels import item_title
from journal.ui.today import words
from journal.ui.today.marks import DATE_COLOUR, date_icon, reconnect_icon

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MEETING_ROLE = Qt.ItemDataRole.UserRole + 2  # an UpcomingMeeting (context, not an AgendaItem)
# Combined once: the agenda can hold thousands of rows, and each | on Qt's enums costs.
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
FIXED_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # not dragged to another day
HEADING_FLAGS = Qt.ItemFlag.ItemIsEnabled
_OVERDUE_BRUSH = QBrush(OVERDUE_COLOR)
_DATE_BRUSH = QBrush(DATE_COLOUR)
KIND_LABELS = {
    ItemKind.NEXT_STEP: QT_TRANSLATE_NOOP("DueItemList", "Next step"),
    ItemKind.KEEP_IN_TOUCH: QT_TRANSLATE_NOOP("DueItemList", "Keep in touch"),
    ItemKind.INTRODUCTION: QT_TRANSLATE_NOOP("DueItemList", "Introduction"),
    ItemKind.DATE: QT_TRANSLATE_NOOP("DueItemList", "Every year"),
    ItemKind.RECONNECT: QT_TRANSLATE_NOOP("DueItemList", "Job change"),
}


def describe(item: AgendaItem, *, with_date: bool = False, today: dt.date | None = None) -> str:
    """Second line of a row: overdue flag, kind, date (with its year when not this year's),
    time, people."""
    parts = []
    if item.overdue:
        parts.append(QCoreApplication.translate("DueItemList", "Overdue"))
    if item.kind is ItemKind.DATE:
        parts.append(words.date_kind_label(item.fact("date_kind", "custom")))
    parts.append(QCoreApplication.translate("DueItemList", KIND_LABELS[item.kind]))
    if item.kind is ItemKind.DATE and item.fact("done"):
        parts.append(QCoreApplication.translate("DueItemList", "done this year"))
    if with_date:
        parts.append(dates.weekday(item.due) if today is None or item.due.year == today.year else dates.short_year(item.due))
    if item.due_time:
        parts.append(item.due_time.strftime("%H:%M"))
    if item.people and item.kind not in (ItemKind.KEEP_IN_TOUCH, ItemKind.DATE, ItemKind.RECONNECT):
        parts.append(", ".join(item.people))
    return " · ".join(parts)


def day_heading(day: dt.date, today: dt.date) -> str:
    delta = (day - today).days
    relative = {
        0: QCoreApplication.translate("DueItemList", "Today"),
        1: QCoreApplication.translate("DueItemList", "Tomorrow"),
        -1: QCoreApplication.translate("DueItemList", "Yesterday"),
    }.get(delta)
    label = dates.long_padded(day)
    return f"{relative} — {label}" if relative else label


class DueItemList(QListWidget):
    """Rows of AgendaItems; `current_agenda_item()` is the selected one."""

    item_activated = Signal(object)  # AgendaItem (double-click or Enter)
    meeting_activated = Signal(object)  # UpcomingMeeting (double-click or Enter)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setSpacing(1)
        # Rows are laid out 200 at a time between events: a big journal's agenda (thousands of
        # overdue steps) shows its first rows at once instead of after measuring every one.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.itemActivated.connect(self._on_activated)

    def _on_activated(self, row: QListWidgetItem) -> None:
        item = row.data(ITEM_ROLE)
        if item is not None:
            self.item_activated.emit(item)
            return
        meeting = row.data(MEETING_ROLE)
        if meeting is not None:
            self.meeting_activated.emit(meeting)

    def add_heading(self, text: str) -> None:
        row = QListWidgetItem(text)
        font = QFont(self.font())
        font.setBold(True)
        row.setFont(font)
        row.setFlags(HEADING_FLAGS)
        self.addItem(row)

    def add_note(self, text: str) -> None:
        """A line of explanation between rows: not selectable, in the muted colour."""
        row = QListWidgetItem(text)
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        row.setForeground(self.palette().placeholderText())
        self.addItem(row)

    def add_agenda_item(self, item: AgendaItem, *, with_date: bool = False, today: dt.date | None = None) -> None:
        title = item_title(item)
        row = QListWidgetItem(f"{title}\n{describe(item, with_date=with_date, today=today)}")
        row.setData(ITEM_ROLE, item)
        row.setToolTip(item.detail or title)
        kind = item.kind
        if kind is ItemKind.DATE:
            row.setIcon(date_icon())
            row.setForeground(_DATE_BRUSH)
            row.setFlags(FIXED_FLAGS)
        else:
            if item.overdue:
                row.setForeground(_OVERDUE_BRUSH)
            if kind is ItemKind.RECONNECT:
                row.setIcon(reconnect_icon())
                row.setFlags(FIXED_FLAGS)
            else:
                row.setFlags(ITEM_FLAGS)
        self.addItem(row)

    def add_meeting(self, meeting: UpcomingMeeting) -> None:
        row = QListWidgetItem(meeting_icon(), meeting_row_text(meeting))
        row.setData(MEETING_ROLE, meeting)
        row.setFlags(FIXED_FLAGS)
        row.setForeground(QBrush(MEETING_COLOUR))
        row.setToolTip(
            QCoreApplication.translate("DueItemList", "From your calendar, not due: Enter opens {name}").format(
                name=meeting.people[0]
            )
            if meeting.people
            else QCoreApplication.translate("DueItemList", "From your calendar, not due")
        )
        self.addItem(row)

    def meetings(self) -> list[UpcomingMeeting]:
        rows = (self.item(i).data(MEETING_ROLE) for i in range(self.count()))
        return [r for r in rows if r is not None]

    def current_meeting(self) -> UpcomingMeeting | None:
        row = self.currentItem()
        return row.data(MEETING_ROLE) if row is not None and row.isSelected() else None

    def select_meeting(self, meeting: UpcomingMeeting) -> bool:
        for i in range(self.count()):
            if self.item(i).data(MEETING_ROLE) == meeting:
                self.setCurrentRow(i)
                return True
        return False

    def agenda_items(self) -> list[AgendaItem]:
        rows = (self.item(i).data(ITEM_ROLE) for i in range(self.count()))
        return [r for r in rows if r is not None]

    def current_agenda_item(self) -> AgendaItem | None:
        row = self.currentItem()
        return row.data(ITEM_ROLE) if row is not None and row.isSelected() else None

    def select_key(self, key: str) -> bool:
        for i in range(self.count()):
            item = self.item(i).data(ITEM_ROLE)
            if item is not None and item.key == key:
                self.setCurrentRow(i)
                return True
        return False

    def select_first_item(self) -> None:
        """The first due item, or the first meeting when nothing is due."""
        for i in range(self.count()):
            row = self.item(i)
            if row.data(ITEM_ROLE) is not None or row.data(MEETING_ROLE) is not None:
                self.setCurrentRow(i)
                return

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME]

    def mimeData(self, rows) -> QMimeData:
        data = QMimeData()
        items = [r.data(ITEM_ROLE) for r in rows if r.data(ITEM_ROLE) is not None]
        if items:
            data.setData(ITEM_MIME, items[0].key.encode())
            data.setText(items[0].title)
        return data
