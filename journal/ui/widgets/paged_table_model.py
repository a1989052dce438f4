"""A table over the ids of one sorted query, its rows fetched a page at a time when first shown.

The service returns every matching id, in display order: in one query (cheap even for 200,000
rows), or as a sequence that counts them first and reads the ids a window at a time as they are
asked for (the Conversations journal's 1,000,000: journal.services.conversations.listing); the
model keeps only those and the rows fetched so far. When the view first asks for a
cell of a row, that row is fetched together with the rest of its page not yet fetched, in one
query. A view asks only for the cells it paints, so rows off screen are never read.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

PAGE_SIZE = 50
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's id, without fetching the row

# Up to this many ids, finding their rows is one C-speed scan of the ids each; more, one pass in Python.
_FEW_IDS = 8


class PagedTableModel(QAbstractTableModel):
    """Subclasses say how to get the ids (`query_ids`, which may read `filter_text`), how to fetch
    the rows of some ids (`fetch_rows`) and what a cell shows (`cell`); they name their column
    headings in TITLES (marked with QT_TRANSLATE_NOOP in CONTEXT) and, in ROW_ROLES, the roles
    `cell` answers: only those fetch a row. Subclasses call `reload()` once set up."""

    CONTEXT = ""
    TITLES: tuple[str, ...] = ()
    ROW_ROLES: frozenset[int] = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})
    PAGE_SIZE = PAGE_SIZE

    # After every reload (the model has been reset with a new list of ids).
    reloaded = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: Sequence[int] = ()
        self._rows: dict[int, Any] = {}
        # Ids asked for that the row query no longer returned (deleted since the ids were read):
        # remembered so that painting them does not query again; the next reload drops them.
        self._missing: set[int] = set()
        self.filter_text = ""

    # --- what subclasses say -------------------------------------------------------------------

    def query_ids(self) -> Sequence[int]:
        """Every id to list, in display order, in one query."""
        raise NotImplementedError

    def fetch_rows(self, ids: list[int]) -> dict[int, Any]:
        """The rows of `ids`, by id, in one query; an id left out is a row that no longer exists."""
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int):
        """What `column` of the fetched `row` shows for `role` (one of ROW_ROLES)."""
        raise NotImplementedError

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-run the ids query (after a change, or a new filter) and forget the fetched rows,
        which are fetched again when shown. This resets the model: a view keeping its selection
        selects the id again (`row_of`)."""
        self.beginResetModel()
        self._ids = self.query_ids()
        self._rows = {}
        self._missing = set()
        self.endResetModel()
        self.reloaded.emit()

    def reorder(self) -> None:
        """Re-run the ids query when only the order has changed (a new sort): the fetched rows are
        kept, and persistent indexes (the view's selection and current row) follow their ids."""
        self.layoutAboutToBeChanged.emit()
        old = self._ids
        self._ids = self.query_ids()
        persistent = self.persistentIndexList()
        if persistent:
            moved = {old[index.row()] for index in persistent if 0 <= index.row() < len(old)}
            if self._read_at_once():
                position = {item_id: row for row, item_id in enumerate(self._ids) if item_id in moved}
            else:
                position = {item_id: row for item_id in moved if (row := self.row_of(item_id)) >= 0}
            for index in persistent:
                new_row = position.get(old[index.row()]) if 0 <= index.row() < len(old) else None
                target = self.index(new_row, index.column()) if new_row is not None else QModelIndex()
                self.changePersistentIndex(index, target)
        self.layoutChanged.emit()

    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.reload()

    def refresh_ids(self, ids: Iterable[int]) -> list[int]:
        """Fetch again, in one query, those of `ids` whose rows have been fetched, and tell the
        view they changed; the others are fetched when shown, as usual. Returns the ids fetched,
        in row order. Rows keep their places: a change that moves a row in the order, or in or out
        of the list, needs `reload()`."""
        loaded = {item_id for item_id in ids if item_id in self._rows or item_id in self._missing}
        if not loaded:
            return []
        rows = self._rows_of(loaded)
        if not rows:
            return []
        stale = sorted(rows, key=rows.get)
        self._keep(stale, self.fetch_rows(stale))
        last_column = self.columnCount() - 1
        for first, last in _runs(sorted(rows.values())):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        return stale

    def item(self, row: int) -> Any | None:
        """The fetched row at `row`, fetching its page first if need be; None outside the list
        or for a row deleted since the ids were read (the next reload drops it)."""
        if not 0 <= row < len(self._ids):
            return None
        item_id = self._ids[row]
        if item_id not in self._rows and item_id not in self._missing:
            start = row - row % self.PAGE_SIZE
            page = [i for i in self._ids[start : start + self.PAGE_SIZE] if i not in self._rows and i not in self._missing]
            self._keep(page, self.fetch_rows(page))
        return self._rows.get(item_id)

    def _keep(self, ids: list[int], fetched: dict[int, Any]) -> None:
        for item_id in ids:
            found = fetched.get(item_id)
            if found is None:
                self._rows.pop(item_id, None)
                self._missing.add(item_id)
            else:
                self._rows[item_id] = found
                self._missing.discard(item_id)

    def _read_at_once(self) -> bool:
        """Whether the ids are all in memory; else they are read a window at a time, and only
        their `index` finds an id without reading them all."""
        return isinstance(self._ids, (list, tuple, array, range))

    def _rows_of(self, ids: set[int]) -> dict[int, int]:
        """The rows of those of `ids` that are listed, by id."""
        if len(ids) <= _FEW_IDS or not self._read_at_once():
            return {item_id: row for item_id in ids if (row := self.row_of(item_id)) >= 0}
        return {item_id: row for row, item_id in enumerate(self._ids) if item_id in ids}

    # --- ids -----------------------------------------------------------------------------------

    @property
    def fetched_count(self) -> int:
        """How many rows have been fetched since the last reload."""
        return len(self._rows)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int:
        """The row listing `item_id`, or -1."""
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def ids(self) -> list[int]:
        return list(self._ids)

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.TITLES):
            return QCoreApplication.translate(self.CONTEXT, self.TITLES[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in self.ROW_ROLES:
            return None
        row = self.item(index.row())
        if row is None:
            return None
        return self.cell(row, index.column(), role)


def _runs(rows: list[int]) -> Iterable[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    start = previous = None
    for row in rows:
        if previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None:
            yield start, previous
        start = previous = row
    if start is not None:
        yield start, previous
