"""File > Import…: pick a format and a file, preview every row, then import in one transaction.

Reading, matching and writing run on a worker thread with a progress bar. The preview lists new,
updated, unchanged, duplicate (for review) and rejected rows with their file line numbers and
reasons; a row offered for review can be added as new, merged into its match, or skipped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from journal.services.interchange import imports
from journal.ui.context import AppContext
from journal.ui.dialogs.background import BackgroundTask
from journal.ui.widgets.rows_model import RowsModel

FORMAT_CHOICES = [
    ("linkedin", QT_TRANSLATE_NOOP("ImportWizard", "LinkedIn (Connections.csv)"), QT_TRANSLATE_NOOP("ImportWizard", "CSV files (*.csv)")),
    ("google", QT_TRANSLATE_NOOP("ImportWizard", "Google Contacts (CSV)"), QT_TRANSLATE_NOOP("ImportWizard", "CSV files (*.csv)")),
    (
        "vcard",
        QT_TRANSLATE_NOOP("ImportWizard", "vCard (.vcf: Apple, Outlook, Android, CardDAV)"),
        QT_TRANSLATE_NOOP("ImportWizard", "vCard files (*.vcf *.vcard)"),
    ),
    ("json", QT_TRANSLATE_NOOP("ImportWizard", "Contact Journal (JSON export)"), QT_TRANSLATE_NOOP("ImportWizard", "JSON files (*.json)")),
    ("outlook", QT_TRANSLATE_NOOP("ImportWizard", "Outlook (CSV export)"), QT_TRANSLATE_NOOP("ImportWizard", "CSV files (*.csv)")),
    ("thunderbird", QT_TRANSLATE_NOOP("ImportWizard", "Thunderbird (address book as CSV)"), QT_TRANSLATE_NOOP("ImportWizard", "CSV files (*.csv)")),
    (
        imports.AUTO,
        QT_TRANSLATE_NOOP("ImportWizard", "Detect from the file"),
        QT_TRANSLATE_NOOP("ImportWizard", "Contact files (*.csv *.vcf *.vcard *.json)"),
    ),
]
OUTCOME_TEXT = {
    imports.NEW: QT_TRANSLATE_NOOP("ImportWizard", "New"),
    imports.UPDATED: QT_TRANSLATE_NOOP("ImportWizard", "Updated"),
    imports.UNCHANGED: QT_TRANSLATE_NOOP("ImportWizard", "Unchanged"),
    imports.REVIEW: QT_TRANSLATE_NOOP("ImportWizard", "Duplicate?"),
    imports.REJECTED: QT_TRANSLATE_NOOP("ImportWizard", "Rejected"),
}
ACTION_TEXT = {
    imports.ADD_NEW: QT_TRANSLATE_NOOP("ImportWizard", "Add as new"),
    imports.MERGE: QT_TRANSLATE_NOOP("ImportWizard", "Merge into match"),
    imports.SKIP: QT_TRANSLATE_NOOP("ImportWizard", "Skip"),
}
OUTCOME_COLOURS = {
    imports.NEW: "#2e7d32",
    imports.UPDATED: "#1565c0",
    imports.REVIEW: "#b26a00",
    imports.REJECTED: "#c62828",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


class PreviewModel(RowsModel):
    CONTEXT = "ImportWizard"
    COLUMNS = (QT_TRANSLATE_NOOP("ImportWizard", "Line"), QT_TRANSLATE_NOOP("ImportWizard", "Outcome"), QT_TRANSLATE_NOOP("ImportWizard", "Name"), QT_TRANSLATE_NOOP("ImportWizard", "Organisation"), QT_TRANSLATE_NOOP("ImportWizard", "What happens"))

    def cell(self, row: imports.RowPlan, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return row.line if role == Qt.ItemDataRole.DisplayRole else QCoreApplication.translate("ImportWizard", "Line {line} of the file").format(line=row.line)
            if column == 1:
                text = _t(OUTCOME_TEXT[row.outcome])
                return f"{text} → {_t(ACTION_TEXT[row.action])}" if row.outcome == imports.REVIEW else text
            if column == 2:
                return row.name or QCoreApplication.translate("ImportWizard", "(no name)")
            if column == 3:
                return row.organisation
            return row.detail or {imports.NEW: QCoreApplication.translate("ImportWizard", "a new person")}.get(row.outcome, "")
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and row.outcome in OUTCOME_COLOURS:
            return QBrush(QColor(OUTCOME_COLOURS[row.outcome]))
        if role == Qt.ItemDataRole.UserRole:
            return row.outcome
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_action(self, row_number: int, action: str) -> None:
        row = self.rows[row_number]
        reason = row.detail.rsplit(";", 1)[0]
        row.action, row.detail = action, f"{reason}; {imports.VERDICTS[action]}"
        self.dataChanged.emit(self.index(row_number, 0), self.index(row_number, self.columnCount() - 1))


class SourcePage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import contacts"))
        self.setSubTitle(self.tr("Choose what kind of file it is and where it is. Nothing changes until you confirm."))
        self.format_box = QComboBox(objectName="importFormat")
        for key, title, _filter in FORMAT_CHOICES:
            self.format_box.addItem(_t(title), key)
        self.path_edit = QLineEdit(objectName="importPath")
        self.path_edit.setPlaceholderText(self.tr("Path of the file to import"))
        self.browse = QPushButton(self.tr("&Browse…"), objectName="importBrowse")
        self.browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        self.error = QLabel(objectName="sourceError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        # One label (two wrapped labels in a row of the form were laid out with a gap between).
        hint = QLabel(
            self.tr(
                "LinkedIn: Settings → Data privacy → Get a copy of your data → Connections.<br>"
                "Google: contacts.google.com → Export → Google CSV. Apple Contacts and Outlook: export as vCard."
            )
            + "<br>"
            + self.tr(
                "Outlook: File → Open &amp; Export → Import/Export → Export to a file → Comma Separated Values.<br>"
                "Thunderbird: Address Book → Tools → Export → Comma Separated. Not sure? Choose Detect from the file."
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("&Format:"), buddy=self.format_box), self.format_box)
        form.addRow(QLabel(self.tr("&File:"), buddy=self.path_edit), row)
        form.addRow("", hint)
        form.addRow("", self.error)
        self.registerField("importPath*", self.path_edit)
        self.setTabOrder(self.format_box, self.path_edit)
        self.setTabOrder(self.path_edit, self.browse)

    def fmt(self) -> str:
        return self.format_box.currentData()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def choose_file(self) -> None:
        file_filter = _t(next(f for key, _title, f in FORMAT_CHOICES if key == self.fmt()))
        all_files = self.tr("All files (*)")
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import contacts"), str(Path.home()), f"{file_filter};;{all_files}")
        if name:
            self.path_edit.setText(name)

    def validatePage(self) -> bool:
        if not self.path().is_file():
            self.error.setText(self.tr("{path} is not a file.").format(path=self.path()))
            return False
        self.error.clear()
        return True


class PreviewPage(QWizardPage):
    def __init__(self, source: SourcePage, parent=None) -> None:
        super().__init__(parent)
        self.source = source
        self.setTitle(self.tr("Preview"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.plan: imports.ImportPlan | None = None
        self.task: BackgroundTask | None = None
        self._generation = 0
        self.progress = QProgressBar(objectName="previewProgress")
        self.status = QLabel(objectName="previewStatus")
        self.status.setWordWrap(True)
        self.model = PreviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(1)
        self.filter_box = QComboBox(objectName="previewFilter")
        self.filter_box.addItem(self.tr("All rows"), "")
        for outcome in (imports.NEW, imports.UPDATED, imports.UNCHANGED, imports.REVIEW, imports.REJECTED):
            self.filter_box.addItem(_t(OUTCOME_TEXT[outcome]), outcome)
        self.filter_box.currentIndexChanged.connect(self._filter)
        self.table = QTableView(objectName="previewTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((0, 50), (1, 190), (2, 170), (3, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.detail = QLabel(objectName="previewDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.buttons = {}
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Show:")))
        actions.addWidget(self.filter_box)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Selected duplicates:")))
        for action, text, _mnemonic in (
            (imports.ADD_NEW, self.tr("Add as &new"), "Alt+N"),
            (imports.MERGE, self.tr("&Merge into match"), "Alt+M"),
            (imports.SKIP, self.tr("S&kip"), "Alt+K"),
        ):
            button = QPushButton(text, objectName=f"review_{action}")
            button.clicked.connect(lambda _=False, a=action: self.decide(a))
            actions.addWidget(button)
            self.buttons[action] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self._update_buttons()

    # --- preview on a worker -----------------------------------------------------------------

    def initializePage(self) -> None:
        self.plan = None
        self.model.set_rows([])
        fmt, path = self.source.fmt(), self.source.path()
        self.setSubTitle(self.tr("{file} read as {format}.").format(file=path.name, format=imports.FORMATS[fmt][0]))
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading the file and comparing it with your journal…"))
        self.progress.setValue(0)
        self.progress.show()
        self._generation += 1
        current = self._generation  # a result from an earlier file (Back, then Next) is ignored
        self.task = BackgroundTask(lambda report: imports.preview(fmt, path, progress=report), self)
        self.task.progress.connect(lambda percent, message: current == self._generation and self._progress(percent, message))
        self.task.done.connect(lambda plan: current == self._generation and self._previewed(plan))
        self.task.failed.connect(lambda message: current == self._generation and self._failed(message))
        self.task.start()
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self._generation += 1
        self.plan = None
        super().cleanupPage()

    def _progress(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(message + "…")

    def _previewed(self, plan: imports.ImportPlan) -> None:
        self.plan = plan
        if self.source.fmt() == imports.AUTO:  # say what the content showed
            name = self.source.path().name
            self.setSubTitle(self.tr("{file} read as {format}.").format(file=name, format=imports.FORMATS[plan.format][0]))
        self.progress.hide()
        self.model.set_rows(plan.rows)
        self.status.setText(self.counts_text())
        if plan.count(imports.REVIEW):
            self.filter_box.setCurrentIndex(self.filter_box.findData(imports.REVIEW))
        self.table.setFocus()
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setStyleSheet("color: #c62828")
        self.status.setText(self.tr("This file cannot be imported: {error}").format(error=message))
        self.completeChanged.emit()

    def counts_text(self) -> str:
        plan = self.plan
        parts = [
            QCoreApplication.translate("ImportWizard", "{n} new").format(n=plan.count(imports.NEW)),
            QCoreApplication.translate("ImportWizard", "{n} updated").format(n=plan.count(imports.UPDATED)),
            QCoreApplication.translate("ImportWizard", "{n} unchanged").format(n=plan.count(imports.UNCHANGED)),
            QCoreApplication.translate("ImportWizard", "{n} possible duplicate(s) to review").format(n=plan.count(imports.REVIEW)),
            QCoreApplication.translate("ImportWizard", "{n} rejected").format(n=plan.count(imports.REJECTED)),
        ]
        if plan.job_changes:  # known people seen in another job: the old one is kept and ended
            parts.insert(2, QCoreApplication.translate("ImportWizard", "{n} job change(s)").format(n=plan.job_changes))
        text = " · ".join(parts)
        if plan.restore_counts:
            text = QCoreApplication.translate("ImportWizard", "Restores the whole journal: ") + ", ".join(f"{n} {t}" for t, n in plan.restore_counts.items())
        return text + "".join(f"\n{note}" for note in plan.notes)

    def isComplete(self) -> bool:
        return self.plan is not None

    # --- review decisions ----------------------------------------------------------------------

    def _selected_review_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return sorted(r for r in rows if self.model.rows[r].outcome == imports.REVIEW)

    def _update_buttons(self) -> None:
        enabled = bool(self._selected_review_rows())
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def decide(self, action: str) -> None:
        for row in self._selected_review_rows():
            self.model.set_action(row, action)
        self._show_detail()

    def _show_detail(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.detail.clear()
            return
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        what = self.model.data(self.model.index(self.model.rows.index(row), 4))
        self.detail.setText(self.tr("Line {line} · {name}: {what}").format(line=row.line, name=row.name or QCoreApplication.translate("ImportWizard", "(no name)"), what=what))

    def decisions(self) -> dict[int, str]:
        return {row.line: row.action for row in self.model.rows if row.outcome == imports.REVIEW}

    def _filter(self) -> None:
        outcome = self.filter_box.currentData()
        self.proxy.setFilterFixedString(outcome)
        self._update_buttons()


class CommitPage(QWizardPage):
    def __init__(self, source: SourcePage, preview: PreviewPage, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.source, self.preview, self.context = source, preview, context
        self.setTitle(self.tr("Importing"))
        self.summary: imports.ImportSummary | None = None
        self.failure = ""
        self.progress = QProgressBar(objectName="commitProgress")
        self.status = QLabel(objectName="commitStatus")
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit(objectName="commitReport")
        self.report.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        self.task: BackgroundTask | None = None

    def initializePage(self) -> None:
        fmt, path = self.source.fmt(), self.source.path()
        decisions = self.preview.decisions()
        clock = self.context.clock
        self.status.setText(self.tr("Writing everything in one transaction…"))
        self.task = self.context.operations.run_in_background(
            self.tr("Import {file}").format(file=path.name),
            lambda report: imports.run_import(fmt, path, decisions=decisions, clock=clock, progress=report),
            parent=self,
            destructive=True,
            done=self._done,
            failed=self._failed,
            progress=lambda percent, _m: self.progress.setValue(percent),
        )

    def _done(self, result) -> None:
        summary: imports.ImportSummary = result.value
        self.summary = summary
        self.progress.setValue(100)
        self.setTitle(self.tr("Import finished"))
        self.status.setText(self.tr("Everything below was written to your journal in one go."))
        self.report.setPlainText(str(summary))
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.failure = message
        self.progress.hide()
        self.status.setStyleSheet("color: #c62828")
        self.status.setText(self.tr("Nothing was imported: {error}").format(error=message))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.summary is not None or bool(self.failure)


class ImportWizard(QWizard):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # the write cannot be cancelled
        self.source_page = SourcePage()
        self.preview_page = PreviewPage(self.source_page)
        self.commit_page = CommitPage(self.source_page, self.preview_page, context)
        for page in (self.source_page, self.preview_page, self.commit_page):
            self.addPage(page)
        self.resize(900, 600)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._advance)

    def _advance(self) -> None:
        page = self.currentPage()
        if page is self.commit_page:
            if page.isComplete():
                self.accept()
        elif page.isComplete() or page is self.source_page:
            self.next()

    def reject(self) -> None:
        if self.commit_page.task is not None and self.commit_page.task.running:
            return  # the import is writing; it finishes in one transaction, then the wizard can close
        if self.preview_page.task is not None and self.preview_page.task.running:
            self.preview_page.task.wait()
        super().reject()

    def done(self, result: int) -> None:
        for page in (self.preview_page, self.commit_page):
            if page.task is not None and page.task.running:
                page.task.wait()
        super().done(result)
