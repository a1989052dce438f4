"""The People table's model: the ids of one sorted query, rows fetched a page at a time when the
view first asks for them (journal.ui.widgets.paged_table_model), sorting re-queried in SQL."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from journal.services.people import table as people_table
from journal.services.people.table import COLUMNS, PersonRow
from journal.ui import dates
from journal.ui.widgets.paged_table_model import ID_ROLE, PAGE_SIZE, PagedTableModel

__all__ = ["COLUMNS", "HEADERS", "ID_ROLE", "PAGE_SIZE", "PeopleModel", "format_date"]

HEADERS = {
    "name": QT_TRANSLATE_NOOP("PeopleModel", "Name"),
    "organisation": QT_TRANSLATE_NOOP("PeopleModel", "Organisation"),
    "role": QT_TRANSLATE_NOOP("PeopleModel", "Role"),
    "last_contact": QT_TRANSLATE_NOOP("PeopleModel", "Last contact"),
    "next_due": QT_TRANSLATE_NOOP("PeopleModel", "Next due"),
    "tags": QT_TRANSLATE_NOOP("PeopleModel", "Tags"),
}


def format_date(day: dt.date | None, today: dt.date | None = None) -> str:
    if day is None:
        return ""
    if today is not None and day.year == today.year:
        return dates.short(day)
    return dates.short_year(day)


class PeopleModel(PagedTableModel):
    """Rows are people; the ids come from one query, `PersonRow`s from a query per page."""

    CONTEXT = "PeopleModel"
    TITLES = tuple(HEADERS[column] for column in COLUMNS)
    ROW_ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ForegroundRole,
        }
    )

    def __init__(self, clock, parent=None, *, avatars=None, avatar_size: int = 20) -> None:
        super().__init__(parent)
        self._clock = clock
        # Avatars in the Name column: painted rows ask, the cache reads their photos in one go.
        self._avatars = avatars
        self.avatar_size = avatar_size
        if avatars is not None:
            self.ROW_ROLES = type(self).ROW_ROLES | {Qt.ItemDataRole.DecorationRole}
            avatars.updated.connect(self._avatars_updated)
        self.sort_column = "name"
        self.descending = False
        self.include_archived = False
        self.reload()

    def query_ids(self) -> list[int]:
        return people_table.person_ids(
            self.sort_column,
            descending=self.descending,
            include_archived=self.include_archived,
            text=self.filter_text,
        )

    def fetch_rows(self, ids: list[int]) -> dict[int, PersonRow]:
        return people_table.fetch_rows(ids)

    def set_include_archived(self, include: bool) -> None:
        if include != self.include_archived:
            self.include_archived = include
            self.reload()

    def person_id(self, row: int) -> int | None:
        return self.id_at(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if COLUMNS[column] == self.sort_column and descending == self.descending:
            return  # already in this order (a view announcing its initial sort)
        self.sort_column = COLUMNS[column]
        self.descending = descending
        self.reorder()

    def _avatars_updated(self, ids) -> None:
        rows = sorted(r for r in (self.row_of(i) for i in ids) if r >= 0) if ids else range(self.rowCount())
        for row in rows:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def cell(self, row: PersonRow, column: int, role: int):
        key = COLUMNS[column]
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "name" and self._avatars is not None:
                return self._avatars.pixmap(row.id, row.name, self.avatar_size)
            return None
        today = self._clock.today()
        if role == Qt.ItemDataRole.FontRole:
            if key == "name" and row.is_placeholder:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QApplication.palette()
            if key == "next_due" and row.next_due is not None and row.next_due <= today:
                return QBrush(palette.color(QPalette.ColorRole.Link))
            if row.archived:
                return QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "name" and row.is_placeholder:
                return QCoreApplication.translate(
                    "PeopleModel", "A placeholder: someone known only by a description. Fill in their name when you learn it."
                )
            if key == "next_due" and row.next_due is not None:
                overdue = QCoreApplication.translate("PeopleModel", " (overdue)") if row.next_due < today else ""
                return QCoreApplication.translate("PeopleModel", "Keep-in-touch is due") + overdue
            return None
        if key == "name":
            return row.name + (QCoreApplication.translate("PeopleModel", "  (archived)") if row.archived else "")
        if key == "organisation":
            return row.organisation
        if key == "role":
            return row.role
        if key == "last_contact":
            return format_date(row.last_contact, today)
        if key == "next_due":
            return format_date(row.next_due, today)
        return row.tags
