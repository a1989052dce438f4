"""Draft a message about an introduction, edit it, then hand it to the mail app (mailto:)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from journal.services.pipeline import drafts
from journal.services.pipeline.introductions import IntroductionCard
from journal.ui.dialogs.mail_message import MailMessageDialog


class DraftDialog(MailMessageDialog):
    """Pick ask / nudge / reach out / thank you, edit the text; Ctrl+Enter opens the mail app."""

    def __init__(self, card: IntroductionCard, parent: QWidget | None = None) -> None:
        super().__init__(parent, copy_name="copyDraft")
        self.card = card
        self.setObjectName("draftDialog")
        self.setWindowTitle(self.tr("Draft a message — {introducer} → {target}").format(introducer=card.introducer, target=card.target))
        self.kind = QComboBox(self, objectName="kind")
        for kind, label in drafts.KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.recipient = QLabel(self, objectName="recipient")
        self.form.insertRow(0, self.tr("&Message"), self.kind)
        self.form.insertRow(1, "", self.recipient)
        QWidget.setTabOrder(self.kind, self.to)  # the message kind first, as it reads
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
        self.set_message(draft.to, draft.subject, draft.body)
