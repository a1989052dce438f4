"""A message to edit and hand to the mail app as a mailto: URL: To, Subject and Body, with
"Open in mail app" (Ctrl+Enter) and "Copy text". The introduction drafts and Today's greetings
are both this dialog with their own rows above it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QUrl
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

from journal.services.pipeline.drafts import mailto_url
from journal.ui.widgets.action_icons import action_icon


class MailMessageDialog(QDialog):
    """`form` holds the To, Subject and Body rows; a subclass inserts its own rows before them.
    Accepting opens the message through `open_url` (else QDesktopServices.openUrl; tests pass
    their own) and says so when no mail app took it."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        copy_name: str = "copyText",
        open_url: Callable[[QUrl], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self.to = QLineEdit(self, objectName="to")
        self.to.setPlaceholderText(QCoreApplication.translate("MailMessageDialog", "E-mail address (none on file; type one or leave it for the mail app)"))
        self.subject = QLineEdit(self, objectName="subject")
        self.body = QPlainTextEdit(self, objectName="body")
        self.body.setTabChangesFocus(True)
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("MailMessageDialog", "&To"), self.to)
        self.form.addRow(QCoreApplication.translate("MailMessageDialog", "&Subject"), self.subject)
        self.form.addRow(QCoreApplication.translate("MailMessageDialog", "&Body"), self.body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = QPushButton(action_icon("mail"), QCoreApplication.translate("MailMessageDialog", "&Open in mail app"), objectName="openMail")
        self.send_button.setToolTip(QCoreApplication.translate("MailMessageDialog", "Opens a new message in your mail app to review and send (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.copy_button = QPushButton(QCoreApplication.translate("MailMessageDialog", "&Copy text"), objectName=copy_name)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_text)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)

    def set_message(self, to: str, subject: str, body: str) -> None:
        self.to.setText(to)
        self.subject.setText(subject)
        self.body.setPlainText(body)

    def url(self) -> QUrl:
        return QUrl(mailto_url(self.to.text(), self.subject.text(), self.body.toPlainText()))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.subject.text()}\n\n{self.body.toPlainText()}")

    def accept(self) -> None:
        open_url = self._open_url or QDesktopServices.openUrl  # looked up now, not at import
        if not open_url(self.url()):
            QMessageBox.warning(
                self,
                QCoreApplication.translate("MailMessageDialog", "No mail app"),
                QCoreApplication.translate("MailMessageDialog", "No mail app opened the message. Use “Copy text” and paste it into your mail or messaging app."),
            )
            return
        super().accept()
