"""People: a lazy, SQL-sorted table of everyone, a filter, and the selected person's details."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.desktop.preferences import Preferences
from journal.errors import JournalError
from journal.services.people import records as people
from journal.services.people.detail import get_person, linked_counts
from journal.services.people.table import count_people, same_name_count
from journal.ui.context import AppContext
from journal.ui.people.people_model import PeopleModel
from journal.ui.people.person_editor import PersonEditor, archived_suffix
from journal.ui.widgets.action_icons import action_icon
from journal.ui.widgets.avatar import avatars
from journal.ui.widgets.empty_hint import EmptyHint
from journal.ui.widgets.filter_field import FilterField
from journal.ui.widgets.status import show_status
from journal.ui.widgets.table_selection import select_row
from journal.ui.widgets.when_shown import WhenShown

COLUMN_WIDTHS = (190, 150, 150, 95, 95, 140)


class PeopleView(QWidget):
    open_requested = Signal(str, int)
    # (person id, name): the window opens the Log dialog with them filled in.
    log_requested = Signal(int, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._deleted: tuple | None = None  # (the undo step, the person id) of the last delete here
        self._current_id: int | None = None

        self.filter = FilterField(
            self, self.tr("Filter by name, organisation, role, tag or notes (Ctrl+F)"), object_name="peopleFilter"
        )
        self.show_archived = QCheckBox(self.tr("Show arc&hived"), objectName="showArchived")
        self.add_button = QPushButton(action_icon("add"), self.tr("&Add person"), objectName="addPerson")
        self.add_button.setToolTip(self.tr("Add a person (Ctrl+Shift+N or Insert)"))
        self.archive_button = QPushButton(action_icon("archive"), self.tr("A&rchive"), objectName="archivePerson")
        self.archive_button.setToolTip(self.tr("Archive: hide from lists and reminders, keep everything (Ctrl+Shift+A)"))
        self.delete_button = QPushButton(action_icon("delete"), self.tr("&Delete…"), objectName="deletePerson")
        self.delete_button.setToolTip(self.tr("Delete the person and what belongs only to them (Delete; can be undone)"))
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.show_archived)
        bar.addWidget(self.add_button)
        bar.addWidget(self.archive_button)
        bar.addWidget(self.delete_button)

        row_height = self.fontMetrics().height() + 10
        avatar_size = max(16, row_height - 6)
        self.model = PeopleModel(context.clock, self, avatars=avatars(context), avatar_size=avatar_size)
        self.table = QTableView(objectName="peopleTable")
        self.table.setIconSize(QSize(avatar_size, avatar_size))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # clicking a header re-queries in SQL (PeopleModel.sort)

        self.empty = EmptyHint(
            self.tr("No people yet"),
            self.tr(
                "Log a conversation (Ctrl+N) and the people you talked to appear here, or add someone "
                "with Ctrl+Shift+N. You can also import contacts from LinkedIn, Google or a vCard file."
            ),
        )
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.count_label = QLabel(objectName="peopleCount")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.count_label)

        self.editor = PersonEditor(context)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="peopleSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.filter.changed.connect(self._apply_filter)
        self.filter.leave.connect(self._focus_table)
        self.show_archived.toggled.connect(self._toggle_archived)
        self.add_button.clicked.connect(self.add_person)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        # Enter or a double-click on a row goes to the details to edit them.
        self.table.activated.connect(self._edit_current)
        self.model.modelReset.connect(self._after_reload)
        self.editor.saved.connect(lambda _id: self._reload_keeping_selection())
        self.editor.open_requested.connect(self.open_requested)
        self._table_stale = False
        self._when_shown = WhenShown(self, self._refresh_from_journal)
        context.signals.changed.connect(self._journal_changed)
        self.setFocusProxy(self.table)  # the window's Ctrl+1.. put the keyboard in the list

        self._shortcut("Ctrl+Shift+N", self.add_person)
        self._shortcut("Ins", self.add_person)
        self._shortcut("Ctrl+Shift+A", self.toggle_archive)
        self._shortcut("Ctrl+Shift+L", self.log_with_current)
        self.editor.log_button.clicked.connect(self.log_with_current)
        context.operations.undone.connect(self._undone)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)
        self.filter.installEventFilter(self)

        self._restore_layout()
        self._after_reload()

    def _shortcut(self, keys, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # --- settings ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.context.settings
        for key, widget in (("people/splitter", self.splitter), ("people/header", self.table.horizontalHeader())):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() != 0 or header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def save_layout(self) -> None:
        self.context.settings.setValue("people/splitter", self.splitter.saveState())
        self.context.settings.setValue("people/header", self.table.horizontalHeader().saveState())

    def hideEvent(self, event) -> None:
        self.save_layout()
        super().hideEvent(event)

    # --- list ----------------------------------------------------------------------------------

    def current_person_id(self) -> int | None:
        return self._current_id

    def _edit_current(self, _index=None) -> None:
        if self._current_id is not None:
            self.editor.tabs.setCurrentIndex(0)
            self.editor.name.setFocus(Qt.FocusReason.OtherFocusReason)
            self.editor.name.selectAll()

    def _focus_table(self) -> None:
        self.filter.apply_now()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.select_person(self.model.person_id(0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.filter and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self._focus_table()
            return True
        return super().eventFilter(watched, event)

    def _apply_filter(self, text: str) -> None:
        selected = self._current_id
        self.model.set_filter(text)
        if selected is not None and self.model.row_of(selected) >= 0:
            self.select_person(selected, focus=False)

    def _toggle_archived(self, show: bool) -> None:
        selected = self._current_id
        self.model.set_include_archived(show)
        if selected is not None:
            self.select_person(selected, focus=False)

    def _after_reload(self) -> None:
        rows = self.model.rowCount()
        filtering = bool(self.filter.text().strip())
        if rows == 0:
            if filtering:
                self.empty.set_message(
                    self.tr("No one matches"),
                    self.tr("Nobody matches “{text}”. Press Esc to clear the filter.").format(text=self.filter.text().strip()),
                )
            elif count_people(include_archived=True):
                self.empty.set_message(
                    self.tr("Everyone is archived"), self.tr("Tick “Show archived” to see archived people, or add someone new.")
                )
            else:
                self.empty.set_message(
                    self.tr("No people yet"),
                    self.tr(
                        "Log a conversation (Ctrl+N) and the people you talked to appear here, or add someone "
                        "with Ctrl+Shift+N. You can also import contacts from LinkedIn, Google or a vCard file."
                    ),
                )
        self.list_stack.setCurrentWidget(self.table if rows else self.empty)
        total = count_people(include_archived=self.show_archived.isChecked())
        self.count_label.setText(
            self.tr("{rows} of {total} people").format(rows=rows, total=total)
            if filtering
            else self.tr("{total} people").format(total=total)
        )
        if self._current_id is not None and self.model.row_of(self._current_id) < 0 and not self.editor.dirty:
            self._set_current(None)  # (unsaved edits stay in the pane until saved or reverted)
        if self._current_id is None and rows and not self.editor.dirty:
            # Something is always selected, so the keys and the detail pane work at once.
            QTimer.singleShot(0, self._select_first_if_none)
        self._update_buttons()

    def _select_first_if_none(self) -> None:
        if self._current_id is None and self.model.rowCount():
            self.select_person(self.model.person_id(0), focus=False)

    def _reload_keeping_selection(self) -> None:
        selected = self._current_id
        self.model.reload()
        if selected is not None and self.model.row_of(selected) >= 0:
            self.select_person(selected, focus=False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._when_shown.shown()  # what changed while another view was in front

    def _journal_changed(self, changes) -> None:
        if changes.people or changes.conversations or changes.introductions or changes.next_steps:
            # Steps show only in the person's timeline; anything else may change the table's rows.
            # (A scan or a forget moves last contact, whichever tables its notice names.)
            self._table_stale = self._table_stale or changes.scanned or not changes.only("next_step")
            self._when_shown.request()

    def _refresh_from_journal(self) -> None:
        if self._table_stale:
            self._table_stale = False
            self._reload_keeping_selection()
        if self._current_id is not None:
            if self.editor.dirty:
                self.editor.refresh_timeline()
            else:
                self.editor.load(self._current_id)

    def select_person(self, person_id: int | None, *, focus: bool = True) -> bool:
        row = self.model.row_of(person_id) if person_id is not None else -1
        if row < 0:
            return False
        select_row(self.table, row, focus=focus)
        return True

    def open_person(self, person_id: int) -> None:
        """Show `person_id` whatever the filter (the window's opener for "person")."""
        if self.model.row_of(person_id) < 0:
            self.filter.set_quietly("")
            self.model.set_filter("")
            try:
                archived = get_person(person_id).archived
            except JournalError:
                return
            if archived and not self.show_archived.isChecked():
                self.show_archived.setChecked(True)
        self.select_person(person_id)

    def _current_changed(self, current, previous) -> None:
        person_id = self.model.person_id(current.row()) if current.isValid() else None
        if person_id == self._current_id:
            return
        if self.editor.dirty and self._current_id is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to {name}?").format(name=self.editor.name.text() or self.tr("this person")),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.editor.save()
            ):
                QTimer.singleShot(0, lambda pid=self._current_id: self.select_person(pid, focus=False))
                return
        self._set_current(person_id)

    def _set_current(self, person_id: int | None) -> None:
        self._current_id = person_id
        self.editor.load(person_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self._current_id is not None
        self.archive_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        archived = has and self.editor.heading.text().endswith(archived_suffix())
        self.archive_button.setText(self.tr("&Restore") if archived else self.tr("A&rchive"))
        self.archive_button.setIcon(action_icon("restore" if archived else "archive"))

    # --- actions -------------------------------------------------------------------------------

    def add_person(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add person"), self.tr("Name (or a description, like “Sam's CTO”):"))
        if not ok or not name.strip():
            return
        if same_name_count(name):
            answer = QMessageBox.question(
                self,
                self.tr("Add person"),
                self.tr("Someone called {name} is already in the journal. Add another person with that name?").format(
                    name=" ".join(name.split())
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        default_cadence = Preferences(self.context.settings).default_cadence_days
        clean = " ".join(name.split())
        result = self.context.operations.run(
            self.tr("Add {name}").format(name=clean), people.add_person, name,
            cadence_days=default_cadence, clock=self.context.clock, parent=self,
        )
        if result is None:
            return
        self.open_person(result.value)
        self.editor.organisation.setFocus()

    def log_with_current(self) -> None:
        if self._current_id is not None:
            self.log_requested.emit(self._current_id, self.editor.heading.text().removesuffix(archived_suffix()))

    def toggle_archive(self) -> None:
        person_id = self._current_id
        if person_id is None:
            return
        try:
            archived = get_person(person_id).archived
        except JournalError as exc:
            self.context.operations.show_failure(self.tr("Archive"), exc, self)
            return
        name = self.editor.name.text()
        label = (self.tr("Restore {name}") if archived else self.tr("Archive {name}")).format(name=name)
        done = (self.tr("Restored {name}.") if archived else self.tr("Archived {name}: hidden everywhere, nothing lost.")).format(name=name)
        self.context.operations.run(
            label, people.set_archived, person_id, not archived, clock=self.context.clock, parent=self,
            destructive=not archived, done_text=done,
        )

    def delete_current(self) -> None:
        person_id = self._current_id
        if person_id is None:
            return
        name = self.editor.name.text()
        counts = linked_counts(person_id)
        answer = QMessageBox.question(
            self,
            self.tr("Delete person"),
            self.tr(
                "Delete {name}?\n\nThis also removes them from {linked}. "
                "Conversations stay in the journal. You can undo this right away (Ctrl+Z); "
                "to keep them out of sight without deleting, use Archive instead."
            ).format(name=name, linked=counts.describe()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.model.row_of(person_id)
        result = self.context.operations.run(
            self.tr("Delete {name}").format(name=name), people.delete_person, person_id, parent=self, destructive=True,
            done_text=self.tr("Deleted {name}. Ctrl+Z or Undo brings them back.").format(name=name),
        )
        if result is None:
            return
        self._deleted = (result.step, person_id)
        next_id = self.model.person_id(min(row, self.model.rowCount() - 1))
        if next_id is not None:
            self.select_person(next_id)

    def _undone(self, step) -> None:
        """Undoing a delete made here shows the person again."""
        if self._deleted is not None and self._deleted[0] is step:
            self.open_person(self._deleted[1])
            self._deleted = None

    def _show_status(self, text: str) -> None:
        show_status(self, text)
