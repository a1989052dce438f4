"""A read-only table as Insights' lists have it: whole rows, one at a time, Tab leaving it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def make_table(object_name: str, model, *, stretch: int = 0, samples: dict[int, str] | None = None) -> QTableView:
    """`stretch` takes the room left; every other column is as wide as its title or its
    `samples` text (never sized to its contents: that would measure every row of a big list)."""
    table = QTableView(objectName=object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setCornerButtonEnabled(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    metrics = table.fontMetrics()
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        text = max((title, (samples or {}).get(column, "")), key=metrics.horizontalAdvance)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, metrics.horizontalAdvance(text) + 24)
    return table


def select(table: QTableView, row: int, column: int = 0) -> None:
    """Make `row` current (in `column`) and selected, and scroll to it."""
    if not 0 <= row < table.model().rowCount():
        return
    index = table.model().index(row, column)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(index)


def current_row(table: QTableView) -> int:
    index = table.currentIndex()
    return index.row() if index.isValid() else -1
