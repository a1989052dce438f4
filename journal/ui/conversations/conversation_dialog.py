"""Editing a logged conversation: people, when, channel, summary and notes."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.services.conversations.listing import ConversationDetail, save_conversation
from journal.services.conversations.records import PersonRef
from journal.ui.labels import fill_channels
from journal.ui.widgets.people_picker import PeoplePicker


class ConversationDialog(QDialog):
    """Ctrl+Enter (or Save) writes the changes in one transaction; Esc cancels."""

    def __init__(self, context, detail: ConversationDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail = detail
        self.setObjectName("conversationDialog")
        self.setWindowTitle(self.tr("Edit conversation"))
        self.picker = PeoplePicker(self)
        for person_id, name in detail.participants:
            self.picker.add(person_id, name)
        self.when = QDateTimeEdit(QDateTime(detail.occurred_at), self, objectName="when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.when.setMaximumDateTime(QDateTime(context.clock.now()).addDays(1))
        self.channel = QComboBox(self, objectName="channel")
        fill_channels(self.channel, detail.channel)
        self.summary = QLineEdit(detail.summary, self, objectName="summary")
        self.summary.setPlaceholderText(self.tr("One line: what it was about"))
        self.notes = QPlainTextEdit(detail.notes, self, objectName="notes")
        self.notes.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&People"), self.picker)
        form.addRow(self.tr("&When"), self.when)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("Su&mmary"), self.summary)
        form.addRow(self.tr("&Notes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.resize(560, 420)
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        refs = [PersonRef(id=pid) if pid is not None else PersonRef(name=name) for pid, name in self.picker.people()]
        summary = " ".join(self.summary.text().split())
        result = self.context.operations.run(
            self.tr("Edit the conversation “{summary}”").format(summary=summary) if summary else self.tr("Edit a conversation"),
            save_conversation,
            self.detail.id,
            participants=refs,
            when=self.when.dateTime().toPython().replace(second=0, microsecond=0),
            channel=self.channel.currentData(),
            summary=self.summary.text(),
            notes=self.notes.toPlainText(),
            clock=self.context.clock,
            parent=self,
        )
        if result is not None:
            super().accept()
