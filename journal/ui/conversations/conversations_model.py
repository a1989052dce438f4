"""The Conversations journal's model: ids newest first, rows fetched a page at a time."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from journal.services.conversations import listing as conversation_list
from journal.services.conversations.listing import ConversationRow
from journal.ui.labels import channel_label
from journal.ui import dates

COLUMNS = (QT_TRANSLATE_NOOP("ConversationsModel", "Date"), QT_TRANSLATE_NOOP("ConversationsModel", "Channel"), QT_TRANSLATE_NOOP("ConversationsModel", "People"), QT_TRANSLATE_NOOP("ConversationsModel", "What about"))
PAGE_SIZE = 50
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ConversationsModel(QAbstractTableModel):
    def __init__(self, clock, parent=None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._ids: Sequence[int] = ()
        self._rows: dict[int, ConversationRow] = {}
        self.filter_text = ""
        self.reload()

    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = conversation_list.conversation_ids(text=self.filter_text)
        self._rows = {}
        self.endResetModel()

    def _row(self, row: int) -> ConversationRow | None:
        conversation_id = self._ids[row]
        if conversation_id not in self._rows:
            start = row - row % PAGE_SIZE
            page = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._rows]
            self._rows.update(conversation_list.fetch_rows(page))
        return self._rows.get(conversation_id)

    @property
    def fetched_count(self) -> int:
        return len(self._rows)

    def conversation_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, conversation_id: int) -> int:
        try:
            return self._ids.index(conversation_id)
        except ValueError:
            return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ConversationsModel", COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = index.column()
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
