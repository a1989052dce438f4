"""The Conversations journal's model: ids newest first, rows fetched a page at a time
(journal.ui.widgets.paged_table_model)."""

from __future__ import annotations

from array import array

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from journal.services.conversations import listing as conversation_list
from journal.services.conversations.listing import ConversationRow
from journal.ui import dates
from journal.ui.labels import channel_label
from journal.ui.widgets.paged_table_model import ID_ROLE, PAGE_SIZE, PagedTableModel

__all__ = ["COLUMNS", "ID_ROLE", "PAGE_SIZE", "ConversationsModel"]

COLUMNS = (
    QT_TRANSLATE_NOOP("ConversationsModel", "Date"),
    QT_TRANSLATE_NOOP("ConversationsModel", "Channel"),
    QT_TRANSLATE_NOOP("ConversationsModel", "People"),
    QT_TRANSLATE_NOOP("ConversationsModel", "What about"),
)


class ConversationsModel(PagedTableModel):
    CONTEXT = "ConversationsModel"
    TITLES = COLUMNS

    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.reload()

    def query_ids(self) -> array:
        return conversation_list.conversation_ids(text=self.filter_text)

    def fetch_rows(self, ids: list[int]) -> dict[int, ConversationRow]:
        return conversation_list.fetch_rows(ids)

    def conversation_id(self, row: int) -> int | None:
        return self.id_at(row)

    def cell(self, row: ConversationRow, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.snippet if column == 3 and row.snippet else None
        if column == 0:
            today = self._clock.today()
            when = row.occurred_at
            if when.year == today.year:
                return f"{dates.weekday(when)}, {when:%H:%M}"
            return f"{dates.short_year(when)}, {when:%H:%M}"
        if column == 1:
            return channel_label(row.channel)
        if column == 2:
            return row.participants or QCoreApplication.translate("ConversationsModel", "(no one)")
        return row.snippet
