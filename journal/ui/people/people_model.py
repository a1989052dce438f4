"""The People table's model: the ids of one sorted query, rows fetched a page at a time when the
view first asks for them, sorting re-queried in SQL."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from journal.services.people import table as people_table
from journal.services.people.table import COLUMNS, PersonRow
from journal.ui import dates

HEADERS = {
    "name": QT_TRANSLATE_NOOP("PeopleModel", "Name"),
    "organisation": QT_TRANSLATE_NOOP("PeopleModel", "Organisation"),
    "role": QT_TRANSLATE_NOOP("PeopleModel", "Role"),
    "last_contact": QT_TRANSLATE_NOOP("PeopleModel", "Last contact"),
    "next_due": QT_TRANSLATE_NOOP("PeopleModel", "Next due"),
    "tags": QT_TRANSLATE_NOOP("PeopleModel", "Tags"),
}
PAGE_SIZE = 50
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def format_date(day: dt.date | None, today: dt.date | None = None) -> str:
    if day is None:
        return ""
    if today is not None and day.year == today.year:
        return dates.short(day)
    return dates.short_year(day)


class PeopleModel(QAbstractTableModel):
    """Rows are people; `ids` comes from one query, `PersonRow`s from a query per page."""

    reloaded = Signal()

    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._ids: list[int] = []
        self._rows: dict[int, PersonRow] = {}
        self.sort_column = "name"
        self.descending = False
        self.include_archived = False
        self.filter_text = ""
        self.reload()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-run the ids query (after a change, a new sort or filter); rows refetch when shown."""
        self.beginResetModel()
        self._ids = people_table.person_ids(
            self.sort_column,
            descending=self.descending,
            include_archived=self.include_archived,
            text=self.filter_text,
        )
        self._rows = {}
        self.endResetModel()
        self.reloaded.emit()

    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.reload()

    def set_include_archived(self, include: bool) -> None:
        if include != self.include_archived:
            self.include_archived = include
            self.reload()

    def _row(self, row: int) -> PersonRow | None:
        person_id = self._ids[row]
        found = self._rows.get(person_id)
        if found is None:
            start = row - row % PAGE_SIZE
            page = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._rows]
            self._rows.update(people_table.fetch_rows(page))
            found = self._rows.get(person_id)
        return found

    @property
    def fetched_count(self) -> int:
        return len(self._rows)

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: int) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def ids(self) -> list[int]:
        return list(self._ids)

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return QCoreApplication.translate("PeopleModel", HEADERS[COLUMNS[section]])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:  # deleted since the ids were read; the next reload drops it
            return None
        column = COLUMNS[index.column()]
        today = self._clock.today()
        if role == Qt.ItemDataRole.FontRole:
            if column == "name" and row.is_placeholder:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QApplication.palette()
            if column == "next_due" and row.next_due is not None and row.next_due <= today:
                return QBrush(palette.color(QPalette.ColorRole.Link))
            if row.archived:
                return QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "name" and row.is_placeholder:
                return QCoreApplication.translate(
                    "PeopleModel", "A placeholder: someone known only by a description. Fill in their name when you learn it."
                )
            if column == "next_due" and row.next_due is not None:
                overdue = QCoreApplication.translate("PeopleModel", " (overdue)") if row.next_due < today else ""
                return QCoreApplication.translate("PeopleModel", "Keep-in-touch is due") + overdue
            return None
        if column == "name":
            return row.name + (QCoreApplication.translate("PeopleModel", "  (archived)") if row.archived else "")
        if column == "organisation":
            return row.organisation
        if column == "role":
            return row.role
        if column == "last_contact":
            return format_date(row.last_contact, today)
        if column == "next_due":
            return format_date(row.next_due, today)
        return row.tags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if COLUMNS[column] == self.sort_column and descending == self.descending:
            return  # already in this order (a view announcing its initial sort)
        self.sort_column = COLUMNS[column]
        self.descending = descending
        self.layoutAboutToBeChanged.emit()
        old = self._ids
        self._ids = people_table.person_ids(
            self.sort_column,
            descending=self.descending,
            include_archived=self.include_archived,
            text=self.filter_text,
        )
        position = {person_id: row for row, person_id in enumerate(self._ids)}
        for index in self.persistentIndexList():
            new_row = position.get(old[index.row()]) if index.row() < len(old) else None
            target = self.index(new_row, index.column()) if new_row is not None else QModelIndex()
            self.changePersistentIndex(index, target)
        self.layoutChanged.emit()
