"""Draft a message about an introduction, edit it, then hand it to the mail app (mailto:)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.services.pipeline import drafts
from journal.services.pipeline.introductions import IntroductionCard
from journal.ui.widgets.action_icons import action_icon


class DraftDialog(QDialog):
    """Pick ask / nudge / reach out / thank you, edit the text; Ctrl+Enter opens the mail app."""

    def __init__(self, card: IntroductionCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName("draftDialog")
        self.setWindowTitle(self.tr("Draft a message — {introducer} → {target}").format(introducer=card.introducer, target=card.target))
        self.kind = QComboBox(self, objectName="kind")
        for kind, label in drafts.KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.to = QLineEdit(self, objectName="to")
        self.to.setPlaceholderText(self.tr("E-mail address (none on file; type one or leave it for the mail app)"))
        self.subject = QLineEdit(self, objectName="subject")
        self.body = QPlainTextEdit(self, objectName="body")
        self.body.setTabChangesFocus(True)
        self.recipient = QLabel(self, objectName="recipient")
        form = QFormLayout()
        form.addRow(self.tr("&Message"), self.kind)
        form.addRow("", self.recipient)
        form.addRow(self.tr("&To"), self.to)
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("&Body"), self.body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = QPushButton(action_icon("mail"), self.tr("&Open in mail app"), objectName="openMail")
        self.send_button.setToolTip(self.tr("Opens a new message in your mail app to review and send (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.copy_button = QPushButton(self.tr("&Copy text"), objectName="copyDraft")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.kind.setCurrentIndex(self.kind.findData(drafts.default_kind(card)))
        self.kind.currentIndexChanged.connect(self._fill)
        self._fill()
        self.resize(580, 440)
        self.body.setFocus()

    def _fill(self, *_args) -> None:
        draft = drafts.draft(self.card, self.kind.currentData())
        self.recipient.setText(
            self.tr("To {recipient}").format(recipient=draft.recipient) + ("" if draft.to else self.tr(" — no e-mail address on file"))
        )
        self.to.setText(draft.to)
        self.subject.setText(draft.subject)
        self.body.setPlainText(draft.body)

    def url(self) -> QUrl:
        return QUrl(drafts.mailto_url(self.to.text(), self.subject.text(), self.body.toPlainText()))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.subject.text()}\n\n{self.body.toPlainText()}")

    def accept(self) -> None:
        if not QDesktopServices.openUrl(self.url()):
            QMessageBox.warning(
                self,
                self.tr("No mail app"),
                self.tr("No mail app opened the message. Use “Copy text” and paste it into your mail or messaging app."),
            )
            return
        super().accept()
