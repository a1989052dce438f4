"""Write to someone about a reason to get in touch (a new job, a birthday): a short prefilled
message to edit, then handed to the mail app as a mailto: URL."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.services.agenda import greetings
from journal.ui.widgets.action_icons import action_icon


class GreetingDialog(QDialog):
    """To, subject and body, editable; Ctrl+Enter (or the default button) opens the mail app
    through `open_url` (QDesktopServices.openUrl; tests pass their own)."""

    def __init__(
        self,
        draft: greetings.Draft,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("greetingDialog")
        self.draft = draft
        self._open_url = open_url
        self.setWindowTitle(self.tr("Write to {name}").format(name=draft.recipient))
        self.to = QLineEdit(draft.to, self, objectName="to")
        self.to.setPlaceholderText(self.tr("E-mail address (none on file; type one or leave it for the mail app)"))
        self.subject = QLineEdit(draft.subject, self, objectName="subject")
        self.body = QPlainTextEdit(self, objectName="body")
        self.body.setPlainText(draft.body)
        self.body.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&To"), self.to)
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("&Body"), self.body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = QPushButton(action_icon("mail"), self.tr("&Open in mail app"), objectName="openMail")
        self.send_button.setToolTip(self.tr("Opens a new message in your mail app to review and send (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.copy_button = QPushButton(self.tr("&Copy text"), objectName="copyGreeting")
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
        self.resize(540, 360)
        self.body.setFocus()

    def url(self) -> QUrl:
        return QUrl(greetings.mailto_url(self.to.text(), self.subject.text(), self.body.toPlainText()))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.subject.text()}\n\n{self.body.toPlainText()}")

    def accept(self) -> None:
        if not self._open_url(self.url()):
            QMessageBox.warning(
                self,
                self.tr("No mail app"),
                self.tr("No mail app opened the message. Use “Copy text” and paste it into your mail or messaging app."),
            )
            return
        super().accept()
