"""File > Sync conflicts…: the fields both sides changed since the last sync, where the later
change won. Each row says what was kept and what the other side had; Swap (S) puts the other
value back (it goes to the server with the next round), Dismiss (Del) keeps what won. A swap is
an operation like any other: Ctrl+Z (here too) takes the value back, and the conflict stays
settled."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.ui.context import AppContext
from journal.ui.widgets.rows_model import RowsModel

MAX_CELL = 80  # characters of a value in the table; the tooltip has all of it


def _cell(text: str) -> str:
    one = " / ".join(part for part in text.replace("\t", " ").splitlines() if part.strip())
    return one if len(one) <= MAX_CELL else one[: MAX_CELL - 1] + "…"


def side_label(side: str) -> str:
    if side == "server":
        return QCoreApplication.translate("ConflictsModel", "Server")
    return QCoreApplication.translate("ConflictsModel", "This computer")


class ConflictsModel(RowsModel):
    CONTEXT = "ConflictsModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ConflictsModel", "Item"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Field"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Kept"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Other value"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Kept from"),
        QT_TRANSLATE_NOOP("ConflictsModel", "When"),
    )

    def cell(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            empty = QCoreApplication.translate("ConflictsModel", "(empty)")
            return (
                row.title or QCoreApplication.translate("ConflictsModel", "(untitled)"),
                getattr(row, "label", "") or row.field,
                _cell(row.kept) or empty,
                _cell(row.other) or empty,
                side_label(row.kept_side),
                row.at.strftime("%Y-%m-%d %H:%M") if row.at else "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            return (row.kept, row.other)[column - 2] or None
        return None


def _services():
    from journal.services.sync import conflicts

    return conflicts


class ConflictsDialog(QDialog):
    """The conflicts list. `source()` gives the open ConflictRows (conflicts.open_conflicts)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, source=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self._source = source

        self.intro = QLabel(
            self.tr(
                "Both this computer and the server changed these fields since the last sync. The later change "
                "was kept; the other value is here. Swap puts it back, Dismiss keeps what was kept."
            )
        )
        self.intro.setWordWrap(True)
        self.model = ConflictsModel(self)
        self.table = QTableView(objectName="conflictsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 110, 170, 170, 100, 120)):
            self.table.setColumnWidth(column, width)
        for column in (2, 3):  # the values take the room there is
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No conflicts: whatever both sides changed has been settled."))
        self.empty.setObjectName("conflictsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="conflictsMessage")
        self.message.setWordWrap(True)

        self.swap_button = QPushButton(self.tr("&Swap"), objectName="swapConflict")
        self.swap_button.setToolTip(self.tr("Put the other value back (S)"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"), objectName="dismissConflict")
        self.dismiss_button.setToolTip(self.tr("Keep what was kept and take the conflict off the list (Del)"))
        self.swap_button.clicked.connect(lambda _=False: self.swap())
        self.dismiss_button.clicked.connect(lambda _=False: self.dismiss())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        for keys, slot in (("S", self.swap), (QKeySequence.StandardKey.Delete, self.dismiss)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.undo)

        buttons = QHBoxLayout()
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.swap_button)
        self.setTabOrder(self.swap_button, self.dismiss_button)
        self.setTabOrder(self.dismiss_button, close.button(QDialogButtonBox.StandardButton.Close))
        self.resize(900, 420)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        context.signals.changed.connect(self._journal_changed)
        self.reload()
        self.table.setFocus()

    # --- rows --------------------------------------------------------------------------------

    def rows(self):
        return self._source() if self._source is not None else _services().open_conflicts()

    def reload(self, row: int | None = None) -> None:
        """Read the open conflicts again; the cursor stays at `row` (or where it was)."""
        keep = self.table.currentIndex().row() if row is None else row
        self.model.set_rows(self.rows())
        count = self.model.rowCount()
        self.table.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        if count:
            self.table.selectRow(min(max(keep, 0), count - 1))
        self._enable()

    def _journal_changed(self, changes) -> None:
        if changes.everything or changes.touches("sync_conflict"):
            self.reload()

    def current(self):
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        row = self.current()
        self.swap_button.setEnabled(row is not None)
        self.dismiss_button.setEnabled(row is not None)

    # --- actions -----------------------------------------------------------------------------

    def swap(self) -> bool:
        row = self.current()
        if row is None:
            return False
        conflicts = _services()
        label = self.tr("Swap conflict: {field} of {item}").format(field=getattr(row, "label", row.field), item=row.title)
        done = self.context.operations.run(
            label, conflicts.swap, row.id, clock=self.context.clock, failure=self._say, done_text=label
        )
        return self._after(done, label)

    def dismiss(self) -> bool:
        row = self.current()
        if row is None:
            return False
        conflicts = _services()
        label = self.tr("Dismiss conflict: {field} of {item}").format(field=getattr(row, "label", row.field), item=row.title)
        done = self.context.operations.run(label, conflicts.dismiss, row.id, failure=self._say, done_text=label)
        return self._after(done, label)

    def _after(self, done, label: str) -> bool:
        at = self.table.currentIndex().row()
        self.reload(at)
        if done is None:
            return False
        self.message.setText(label)
        self.table.setFocus()
        return True

    def undo(self) -> None:
        """Ctrl+Z here takes back the latest operation, a swap or a dismissal made here too."""
        step = self.context.operations.undo(self)
        if step is not None:
            self.message.setText(self.tr("Undone: {what}").format(what=step.label))
        self.reload()

    def _say(self, message: str) -> None:
        self.message.setText(message)
