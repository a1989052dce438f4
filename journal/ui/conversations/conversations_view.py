"""Conversations: the journal, newest first; Enter or a double-click opens one to edit."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.services.conversations.listing import get_conversation
from journal.services.conversations.records import delete_conversation
from journal.ui.context import AppContext
from journal.ui.conversations.conversation_dialog import ConversationDialog
from journal.ui.conversations.conversations_model import ConversationsModel
from journal.ui.widgets.action_icons import action_icon
from journal.ui.widgets.empty_hint import EmptyHint
from journal.ui.widgets.filter_field import FilterField
from journal.ui.widgets.status import show_status
from journal.ui.widgets.table_selection import select_row
from journal.ui.widgets.when_shown import WhenShown

EMPTY = (
    QT_TRANSLATE_NOOP("ConversationsView", "No conversations yet"),
    QT_TRANSLATE_NOOP(
        "ConversationsView",
        "Press Ctrl+N after a coffee, a call or an e-mail exchange to log who you talked to, "
        "what was offered and what to do next.",
    ),
)


class ConversationsView(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: ConversationDialog | None = None
        self._deleted: tuple | None = None  # (the undo step, the conversation id) of the last delete here
        self.model = ConversationsModel(context.clock, self)
        self.table = QTableView(objectName="conversationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 80, 220)):
            header.resizeSection(column, width)

        self.edit_button = QPushButton(action_icon("edit"), self.tr("&Edit…"), objectName="editConversation")
        self.edit_button.setToolTip(self.tr("Edit the selected conversation (Enter)"))
        self.delete_button = QPushButton(action_icon("delete"), self.tr("&Delete…"), objectName="deleteConversation")
        self.delete_button.setToolTip(self.tr("Delete the selected conversation (Delete)"))
        self.count_label = QLabel(objectName="conversationCount")
        self.filter = FilterField(
            self, self.tr("Filter by words in the notes or a person's name (Ctrl+F)"), object_name="conversationFilter"
        )
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 2)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)

        self.empty = EmptyHint(*map(self.tr, EMPTY))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.table.activated.connect(lambda index: self.edit_conversation(self.model.conversation_id(index.row())))
        self.edit_button.clicked.connect(lambda: self.edit_conversation(self.current_id()))
        self.delete_button.clicked.connect(self.delete_current)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._after_reload)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)
        context.operations.undone.connect(self._undone)
        self.filter.changed.connect(self.model.set_filter)
        self.filter.leave.connect(self._focus_table)
        self._when_shown = WhenShown(self, self._reload_keeping_selection)
        context.signals.changed.connect(self._journal_changed)
        self.setFocusProxy(self.table)  # the window's Ctrl+1.. put the keyboard in the list
        self._after_reload()

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.conversation_id(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _after_reload(self) -> None:
        rows = self.model.rowCount()
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        if self.model.filter_text.strip():
            self.count_label.setText(self.tr("{n} matching, newest first").format(n=rows))
            if not rows:
                self.empty.set_message(self.tr("No conversation matches"), self.tr("Press Esc to clear the filter."))
        else:
            self.count_label.setText(
                (self.tr("{n} conversation, newest first") if rows == 1 else self.tr("{n} conversations, newest first")).format(n=rows)
            )
            self.empty.set_message(*map(self.tr, EMPTY))
        if rows and not self.table.currentIndex().isValid():
            self.select(self.model.conversation_id(0), focus=False)
        self._update_buttons()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._when_shown.shown()  # what changed while another view was in front

    def _journal_changed(self, changes) -> None:
        if changes.touches("conversation", "participant", "person"):  # its rows, who took part, their names
            self._when_shown.request()

    def _reload_keeping_selection(self) -> None:
        selected = self.current_id()
        self.model.reload()
        if selected is not None:
            self.select(selected, focus=False)

    def select(self, conversation_id: int, *, focus: bool = True) -> bool:
        row = self.model.row_of(conversation_id)
        if row < 0:
            return False
        select_row(self.table, row, focus=focus)
        self._update_buttons()
        return True

    def open_conversation(self, conversation_id: int) -> None:
        """The window's opener for "conversation": select it and open it to edit."""
        if self.select(conversation_id):
            self.edit_conversation(conversation_id)

    def edit_conversation(self, conversation_id: int | None) -> None:
        if conversation_id is None:
            return
        try:
            detail = get_conversation(conversation_id)
        except JournalError as exc:
            self.context.operations.show_failure(self.tr("Cannot open the conversation"), exc, self)
            self.model.reload()
            return
        self.dialog = ConversationDialog(self.context, detail, self)
        self.dialog.finished.connect(lambda _result: self.table.setFocus())
        self.dialog.finished.connect(self.dialog.deleteLater)  # each opening makes its own
        self.dialog.open()

    def delete_current(self) -> None:
        conversation_id = self.current_id()
        if conversation_id is None:
            return
        index = self.table.currentIndex()
        when = self.model.index(index.row(), 0).data()
        who = self.model.index(index.row(), 2).data()
        answer = QMessageBox.question(
            self,
            self.tr("Delete conversation"),
            self.tr(
                "Delete the conversation of {when} with {who}?\n\n"
                "Offers and next steps logged with it are kept. You can undo this right away (Ctrl+Z)."
            ).format(when=when, who=who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = index.row()
        result = self.context.operations.run(
            self.tr("Delete the conversation of {when} with {who}").format(when=when, who=who),
            delete_conversation, conversation_id, parent=self, destructive=True,
            done_text=self.tr("Deleted the conversation of {when} with {who}. Ctrl+Z or Undo brings it back.").format(
                when=when, who=who
            ),
        )
        if result is None:
            return
        self._deleted = (result.step, conversation_id)
        next_id = self.model.conversation_id(min(row, self.model.rowCount() - 1))
        if next_id is not None:
            self.select(next_id)

    def _undone(self, step) -> None:
        """Undoing a delete made here selects the conversation again."""
        if self._deleted is not None and self._deleted[0] is step:
            self.model.reload()  # at once, so the restored row can be selected
            self.select(self._deleted[1])
            self._deleted = None

    def _show_status(self, text: str) -> None:
        show_status(self, text)
