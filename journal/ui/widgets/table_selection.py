"""Selecting a whole row of a table view, as "open this item" links do."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView


def select_row(table: QTableView, row: int, *, focus: bool = True) -> None:
    """Make `row` current and selected, scroll to it, and focus the table if asked."""
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(index)
    if focus:
        table.setFocus(Qt.FocusReason.OtherFocusReason)
