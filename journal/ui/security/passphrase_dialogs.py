"""The passphrase dialogs of Preferences > Privacy: Encrypt (a new passphrase, twice), Change
passphrase (the current one, then the new one twice) and Decrypt (the current one). The current
passphrase is checked against the key in memory, off the GUI thread, before the dialog closes."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal.desktop.lock import OffThread, describe
from journal.ui.security.widgets import BusyLine, MessageLine, PassphraseField

ENCRYPT, CHANGE, DECRYPT, FINISH = "encrypt", "change", "decrypt", "finish"


class PassphraseDialog(QDialog):
    """One of ENCRYPT, CHANGE, DECRYPT, FINISH (encrypt the backups an encrypt that was stopped
    left plain). Accepted with `current`, `new` and `remember` set."""

    def __init__(
        self,
        mode: str,
        *,
        check: Callable[[str], bool] | None = None,
        keyring: bool = True,
        remembered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{mode}Dialog")
        self.mode = mode
        self._check = check
        self.current = self.new = ""
        self.task: OffThread | None = None
        titles = {
            ENCRYPT: self.tr("Encrypt the journal"),
            CHANGE: self.tr("Change the passphrase"),
            DECRYPT: self.tr("Decrypt the journal"),
            FINISH: self.tr("Encrypt the backups"),
        }
        actions = {ENCRYPT: self.tr("&Encrypt"), CHANGE: self.tr("C&hange passphrase"), DECRYPT: self.tr("&Decrypt"),
                   FINISH: self.tr("&Encrypt the backups")}
        self.setWindowTitle(titles[mode])

        intro = QLabel(self._intro())
        intro.setWordWrap(True)
        intro.setObjectName("passphraseIntro")
        warning = QLabel(self._warning())
        warning.setWordWrap(True)
        warning.setObjectName("passphraseWarning")
        warning.setTextFormat(Qt.TextFormat.RichText)

        form = QFormLayout()
        self.current_field = self.new_field = self.again_field = None
        if mode in (CHANGE, DECRYPT, FINISH):
            self.current_field = PassphraseField("currentPassphrase")
            form.addRow(self.tr("C&urrent passphrase:"), self.current_field)
        if mode in (ENCRYPT, CHANGE):
            self.new_field = PassphraseField("newPassphrase")
            self.again_field = PassphraseField("againPassphrase")
            form.addRow(self.tr("&New passphrase:"), self.new_field)
            form.addRow(self.tr("&Again:"), self.again_field)
        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setObjectName("remember")
        if mode in (DECRYPT, FINISH):
            self.remember.hide()
        elif keyring:
            self.remember.setChecked(remembered)
            self.remember.setToolTip(self.tr("Keep the passphrase in this computer's keyring, so the journal opens without asking."))
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("No keyring was found on this computer to keep it in."))
        if mode not in (DECRYPT, FINISH):
            form.addRow("", self.remember)
        self.message = MessageLine("passphraseMessage")
        self.busy = BusyLine()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(actions[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("convertButton")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fields = [f for f in (self.current_field, self.new_field, self.again_field) if f is not None]
        fields[0].setFocus()
        order = [*fields, *([self.remember] if mode not in (DECRYPT, FINISH) else []), self.ok_button,
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.resize(max(self.sizeHint().width(), 480), self.sizeHint().height())

    def _intro(self) -> str:
        if self.mode == ENCRYPT:
            return self.tr(
                "The journal and every backup of it are written encrypted with this passphrase; "
                "from then on the journal opens only with it."
            )
        if self.mode == CHANGE:
            return self.tr("The journal, and every backup the current passphrase opens, take the new passphrase.")
        if self.mode == FINISH:
            return self.tr(
                "Encrypting the journal was stopped before its backups were done: some are still unencrypted. "
                "They are encrypted now with the journal's passphrase."
            )
        return self.tr(
            "The journal and its backups are written unencrypted again: anyone who can copy them can read "
            "them. A passphrase remembered on this computer is forgotten."
        )

    def _warning(self) -> str:
        if self.mode in (DECRYPT, FINISH):
            return ""
        return self.tr(
            "<b>A forgotten passphrase cannot be recovered.</b> Without it nobody, you included, can read the "
            "journal or its backups: keep it somewhere safe."
        )

    # --- checking what was typed ---------------------------------------------------------------

    def submit(self) -> None:
        if self.task is not None:
            return
        problem, field = self._problem()
        if problem:
            self.message.error(problem)
            field.setFocus()
            field.selectAll()
            return
        self.message.clear()
        if self.current_field is None or self._check is None:
            self._done()
            return
        current = self.current_field.text()
        self._set_busy(True)
        self.task = OffThread(lambda: self._check(current), parent=self)
        self.task.done.connect(self._checked)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _problem(self) -> tuple[str, QWidget | None]:
        if self.current_field is not None and not self.current_field.text():
            return self.tr("Type the current passphrase."), self.current_field
        if self.new_field is not None:
            if not self.new_field.text():
                return self.tr("Type a new passphrase."), self.new_field
            if self.new_field.text() != self.again_field.text():
                return self.tr("The two new passphrases differ: type the new one again, twice."), self.again_field
            if self.current_field is not None and self.new_field.text() == self.current_field.text():
                return self.tr("The new passphrase is the current one."), self.new_field
        return "", None

    def _set_busy(self, busy: bool) -> None:
        for field in (self.current_field, self.new_field, self.again_field):
            if field is not None:
                field.setReadOnly(busy)  # not disabled: the focus stays, Enter goes on working
        if busy:
            self.busy.start(self.tr("Checking the passphrase…"))
        else:
            self.busy.stop()

    def _checked(self, ok: bool) -> None:
        self.task = None
        self._set_busy(False)
        if ok:
            self._done()
            return
        self.message.error(self.tr("That is not the journal's current passphrase."))
        self.current_field.setFocus()
        self.current_field.selectAll()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        self.message.error(describe(exc))

    def _done(self) -> None:
        self.current = self.current_field.text() if self.current_field is not None else ""
        self.new = self.new_field.text() if self.new_field is not None else ""
        self.accept()

    @property
    def keep(self) -> bool:
        """Remember the (new) passphrase in the keyring."""
        return self.mode not in (DECRYPT, FINISH) and self.remember.isEnabled() and self.remember.isChecked()

    def reject(self) -> None:
        if self.task is None:  # not while a check runs: its answer comes back here
            super().reject()
