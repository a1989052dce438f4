"""The Unlock dialog: the passphrase of an encrypted journal, asked once the window has painted.

The key is derived off the GUI thread (about 0.2 s) while a busy line shows; a wrong passphrase
says so in one line and leaves the field ready for another try. Nothing is written to the
journal by a try, right or wrong: the check only reads its first page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal import APP_NAME
from journal.desktop.lock import OffThread, describe
from journal.ui.security.widgets import BusyLine, MessageLine, PassphraseField, lock_picture

# (passphrase, remember it) -> (the journal's key, a note to show once open: "" for none)
Unlocker = Callable[[str, bool], tuple]


class UnlockDialog(QDialog):
    """Unlock (Enter) or Quit (Esc). `key` and `note` are set when it is accepted."""

    def __init__(
        self,
        path: Path,
        unlock: Unlocker,
        *,
        keyring: bool = True,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Unlock the journal — {app}").format(app=APP_NAME))
        self.path = Path(path)
        self._unlock = unlock
        self.key = None
        self.note = ""
        self.task: OffThread | None = None
        self._keyring = keyring

        heading = QLabel(self.tr("<b>{name} is encrypted.</b>").format(name=self.path.name))
        heading.setTextFormat(Qt.TextFormat.RichText)
        explain = QLabel(self.tr("Enter its passphrase to open it."))
        explain.setWordWrap(True)
        where = QLabel(str(self.path))
        where.setEnabled(False)  # the full path, quietly
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.passphrase = PassphraseField("passphrase")
        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setObjectName("remember")
        if keyring:
            self.remember.setToolTip(self.tr("Keep the passphrase in this computer's keyring, so the journal opens without asking."))
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("No keyring was found on this computer to keep it in."))
        self.message = MessageLine("unlockMessage")
        if message:
            self.message.error(message)
        self.busy = BusyLine()

        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.quit_button = self.buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quitButton")
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.remember)
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(explain)
        text.addWidget(where)
        text.addSpacing(6)
        text.addLayout(form)
        text.addWidget(self.message)
        text.addWidget(self.busy)
        top = QHBoxLayout()
        top.addWidget(lock_picture(), 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.passphrase, self.remember)
        self.setTabOrder(self.remember, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.quit_button)
        self.passphrase.setFocus()
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    @property
    def busy_now(self) -> bool:
        return self.task is not None

    def try_unlock(self) -> None:
        """Derive the key off the GUI thread; accepted when it opens the journal."""
        if self.task is not None:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.error(self.tr("Type the passphrase first."))
            self.passphrase.setFocus()
            return
        remember = self.remember.isChecked()
        self.message.clear()
        self._set_busy(True)
        self.task = OffThread(lambda: self._unlock(passphrase, remember), parent=self)
        self.task.done.connect(self._unlocked)
        self.task.failed.connect(self._refused)
        self.task.start()

    def _set_busy(self, busy: bool) -> None:
        # Read-only rather than disabled: the field keeps the focus, so Enter goes on working.
        self.passphrase.setReadOnly(busy)
        self.remember.setEnabled(not busy and self._keyring)
        if busy:
            self.busy.start(self.tr("Checking the passphrase…"))
        else:
            self.busy.stop()

    def _unlocked(self, result) -> None:
        self.task = None
        self.key, self.note = result
        self._set_busy(False)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        self.message.error(describe(exc))
        self.passphrase.setFocus()
        self.passphrase.selectAll()  # typing again replaces it
