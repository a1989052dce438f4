"""The Today list as a two-level item model: groups (steps, introductions, keep in touch) and
their items, three columns (what, details, when)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from journal.domain.agenda import ItemKind
from journal.domain.cadence import describe_cadence
from journal.services.today import Group, TodayItem

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = (QT_TRANSLATE_NOOP("TodayModel", "What"), QT_TRANSLATE_NOOP("TodayModel", "Details"), QT_TRANSLATE_NOOP("TodayModel", "Due"))
OVERDUE_COLOUR = QColor("#b3261e")
GROUP_ID = 0  # internal id of a group row; an item row's id is its group's row + 1
# Combined once: the view asks for every row's flags, and each | on Qt's enums costs.
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
NO_FLAGS = Qt.ItemFlag.NoItemFlags


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayModel", text)


def describe_due(due: dt.date, today: dt.date) -> str:
    days = (today - due).days
    if days <= 0:
        return QCoreApplication.translate("TodayModel", "today")
    if days == 1:
        return QCoreApplication.translate("TodayModel", "yesterday")
    return QCoreApplication.translate("TodayModel", "{n} days overdue").format(n=days)


def describe_details(item: TodayItem) -> str:
    if item.kind is ItemKind.INTRODUCTION:
        days = item.days_waiting or 0
        waiting = QCoreApplication.translate("TodayModel", "since today") if days == 0 else (QCoreApplication.translate("TodayModel", "1 day") if days == 1 else QCoreApplication.translate("TodayModel", "{n} days").format(n=days))
        return QCoreApplication.translate("TodayModel", "{stage} · waiting {waiting}").format(stage=item.stage.label if item.stage else "", waiting=waiting)
    if item.kind is ItemKind.KEEP_IN_TOUCH:
        return describe_cadence(item.cadence_days)
    return ", ".join(item.people)


class TodayModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[Group, list[TodayItem]]] = []
        self._today = dt.date.min

    # --- contents ------------------------------------------------------------------------------

    def set_items(self, groups: dict[Group, list[TodayItem]], today: dt.date) -> None:
        self.beginResetModel()
        self._groups = [(group, list(items)) for group, items in groups.items() if items]
        self._today = today
        self.endResetModel()

    def is_empty(self) -> bool:
        return not self._groups

    def counts(self) -> dict[Group, int]:
        return {group: len(items) for group, items in self._groups}

    def item(self, index: QModelIndex) -> TodayItem | None:
        if not index.isValid() or index.internalId() == GROUP_ID:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, key: tuple[str, int]) -> QModelIndex:
        for g, (_group, items) in enumerate(self._groups):
            for r, item in enumerate(items):
                if (item.kind.value, item.id) == key:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def group_index(self, group: Group) -> QModelIndex:
        for g, (candidate, _items) in enumerate(self._groups):
            if candidate is group:
                return self.createIndex(g, 0, GROUP_ID)
        return QModelIndex()

    # --- QAbstractItemModel ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP_ID) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != GROUP_ID or parent.column() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        items = self._groups[parent.row()][1]
        return self.createIndex(row, column, parent.row() + 1) if row < len(items) else QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()):  # type: ignore[override]
        if not index.isValid() or index.internalId() == GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, GROUP_ID)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP_ID and parent.column() == 0 and parent.row() < len(self._groups):
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or index.internalId() == GROUP_ID:
            # Headings are not enabled, so the arrow keys step over them; painted in the normal colour.
            return NO_FLAGS
        return ITEM_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == GROUP_ID:
            return self._group_data(index, role)
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.title
            if column == 1:
                return describe_details(item)
            return describe_due(item.due, self._today)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = item.title + ("\n" + QCoreApplication.translate("TodayModel", "Next: {detail}").format(detail=item.detail) if item.detail else "")
            return tip + "\n" + QCoreApplication.translate("TodayModel", "Due {date}").format(date=f"{item.due:%a %d %b %Y}")
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and item.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == ITEM_ROLE:
            return item
        if role == KEY_ROLE:
            return f"{item.kind.value}:{item.id}"
        return None

    def _group_data(self, index: QModelIndex, role: int):
        if index.row() >= len(self._groups):
            return None
        group, items = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{group.title} ({len(items)})" if index.column() == 0 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QGuiApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText))
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == KEY_ROLE:
            return f"group:{group.value}"
        return None
