"""Tools > Find duplicates…: pairs of people who look like one person, reviewed and merged.

The search runs on a worker thread. Picking a pair shows what a merge would move; merging asks
for confirmation, runs in one transaction and can be undone from the same dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.services.people import merge
from journal.ui.context import AppContext
from journal.ui.dialogs.background import BackgroundTask
from journal.ui.widgets.rows_model import RowsModel


class PairsModel(RowsModel):
    CONTEXT = "PairsModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("PairsModel", "Person"),
        QT_TRANSLATE_NOOP("PairsModel", "Organisation"),
        QT_TRANSLATE_NOOP("PairsModel", "Looks like"),
        QT_TRANSLATE_NOOP("PairsModel", "Organisation"),
        QT_TRANSLATE_NOOP("PairsModel", "Why"),
    )

    def remove_person(self, person_id: int) -> None:
        """Drop every pair that names a person who no longer exists."""
        for row in reversed(range(len(self.rows))):
            pair = self.rows[row]
            if person_id in (pair.a.id, pair.b.id):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()

    def cell(self, pair: merge.DuplicatePair, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return (pair.a.name, pair.a.organisation, pair.b.name, pair.b.organisation, pair.reason)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 2):
            person = pair.a if column == 0 else pair.b
            return f"#{person.id}: " + (", ".join(person.details) or QCoreApplication.translate("PairsModel", "no e-mail or phone"))
        return None


class DuplicatesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.undo = None  # the UndoStep of the last merge made here
        self.undo_text = ""
        self.task: BackgroundTask | None = None

        self.status = QLabel(objectName="duplicatesStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(objectName="duplicatesProgress")
        self.progress.setRange(0, 0)
        self.model = PairsModel(self)
        self.table = QTableView(objectName="duplicatesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 160), (1, 130), (2, 160), (3, 130)):
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_preview())

        self.keep_box = QComboBox(objectName="keepBox")
        self.keep_box.currentIndexChanged.connect(lambda *_: self._render_preview())
        self.preview = QLabel(objectName="mergePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setMinimumHeight(70)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.merge_button = QPushButton(self.tr("&Merge…"), objectName="mergeButton")
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button = QPushButton(self.tr("&Undo merge"), objectName="undoButton")
        self.undo_button.clicked.connect(self.undo_last)
        self.refresh_button = QPushButton(self.tr("&Search again"), objectName="refreshButton")
        self.refresh_button.clicked.connect(self.search)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_last)

        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("&Keep:"), buddy=self.keep_box))
        keep_row.addWidget(self.keep_box, 1)
        keep_row.addWidget(self.merge_button)
        keep_row.addWidget(self.undo_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep_row)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.resize(860, 560)
        self._update_buttons()
        self.search()

    # --- searching -----------------------------------------------------------------------------

    def search(self) -> None:
        if self.task is not None and self.task.running:
            return
        self.status.setText(self.tr("Looking for people who appear twice…"))
        self.progress.show()
        self.refresh_button.setEnabled(False)
        self.task = BackgroundTask(lambda _report: merge.find_duplicates(), self)
        self.task.done.connect(self._found)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _found(self, pairs: list[merge.DuplicatePair]) -> None:
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        self.model.set_rows(pairs)
        self._update_status()
        if pairs:
            self.table.selectRow(0)
            self.table.setFocus()
        self.show_preview()

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("Could not look for duplicates: {error}").format(error=message))

    def _update_status(self) -> None:
        count = self.model.rowCount()
        done = f"{self.undo_text} " if self.undo_text else ""
        if count:
            self.status.setText(
                done
                + self.tr(
                    "{count} possible duplicate(s). The same e-mail, phone or LinkedIn means the same person; "
                    "a close name at the same organisation may not — check before merging."
                ).format(count=count)
            )
        else:
            self.status.setText(done + self.tr("No duplicates found."))

    # --- preview and merge ---------------------------------------------------------------------

    def current_pair(self) -> merge.DuplicatePair | None:
        row = self.table.currentIndex().row()
        return self.model.item(row)

    def show_preview(self) -> None:
        pair = self.current_pair()
        self.keep_box.blockSignals(True)
        self.keep_box.clear()
        if pair is not None:
            for person in (pair.a, pair.b):
                org = f", {person.organisation}" if person.organisation else ""
                self.keep_box.addItem(f"{person.name}{org} (#{person.id})", person.id)
        self.keep_box.blockSignals(False)
        self._render_preview()

    def _ids(self) -> tuple[int, int] | None:
        pair = self.current_pair()
        if pair is None or self.keep_box.count() < 2:
            return None
        keep = self.keep_box.currentData()
        return keep, (pair.b.id if keep == pair.a.id else pair.a.id)

    def _render_preview(self) -> None:
        ids = self._ids()
        if ids is None:
            self.preview.setText(self.undo_text)
        else:
            try:
                self.preview.setText("\n".join(merge.preview_merge(*ids).lines()))
            except JournalError as exc:
                self.preview.setText(str(exc))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(self._ids() is not None)
        self.keep_box.setEnabled(self._ids() is not None)
        self.undo_button.setEnabled(self.undo is not None)

    def confirm(self, preview: merge.MergePreview) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Merge people"), "\n\n".join(preview.lines()) + "\n\n" + self.tr("Merge them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def merge_selected(self) -> bool:
        ids = self._ids()
        if ids is None:
            return False
        keep, drop = ids
        try:
            preview = merge.preview_merge(keep, drop)
        except JournalError as exc:
            self.context.operations.show_failure(self.tr("Merge people"), exc, self)
            return False
        if not self.confirm(preview):
            return False
        result = self.context.operations.run(
            self.tr("Merge {drop} into {keep}").format(drop=preview.drop.name, keep=preview.keep.name),
            merge.merge_people, keep, drop, clock=self.context.clock, parent=self, destructive=True,
            done_text=self.tr("Merged {drop} into {keep}. Ctrl+Z or Undo takes it back.").format(
                drop=preview.drop.name, keep=preview.keep.name
            ),
        )
        if result is None:
            return False
        self.undo = result.step
        self.undo_text = self.tr("Merged {drop} into {keep} (Ctrl+Z undoes it).").format(
            drop=preview.drop.name, keep=preview.keep.name
        )
        self.model.remove_person(drop)
        self._update_status()
        if self.model.rowCount():
            self.table.selectRow(min(self.table.currentIndex().row(), self.model.rowCount() - 1) if self.table.currentIndex().isValid() else 0)
        self.show_preview()
        if not self.model.rowCount() or self._ids() is None:
            self.preview.setText(self.undo_text)
        return True

    def undo_last(self) -> None:
        """Undo the merge made here (only while it is still the latest thing done)."""
        if self.undo is None or self.context.operations.history.undo_step() is not self.undo:
            self.undo, self.undo_text = None, ""
            self._update_buttons()
            return
        self.undo, self.undo_text = None, ""
        if self.context.operations.undo(self) is not None:
            self.search()
        else:
            self._update_buttons()

    def done(self, result: int) -> None:
        if self.task is not None and self.task.running:
            self.task.wait()
        super().done(result)
