"""Write to someone about a reason to get in touch (a new job, a birthday): a short prefilled
message to edit, then handed to the mail app as a mailto: URL."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget

from journal.services.agenda import greetings
from journal.ui.dialogs.mail_message import MailMessageDialog


class GreetingDialog(MailMessageDialog):
    """The greeting's To, Subject and Body, editable; Ctrl+Enter opens the mail app."""

    def __init__(
        self,
        draft: greetings.Draft,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] | None = None,
    ) -> None:
        super().__init__(parent, copy_name="copyGreeting", open_url=open_url)
        self.setObjectName("greetingDialog")
        self.draft = draft
        self.setWindowTitle(self.tr("Write to {name}").format(name=draft.recipient))
        self.set_message(draft.to, draft.subject, draft.body)
        self.resize(540, 360)
        self.body.setFocus()
