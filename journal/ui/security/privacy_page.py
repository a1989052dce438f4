"""Preferences > Privacy: the journal's encryption (encrypt, change the passphrase, decrypt, forget
the remembered passphrase) and the lock (after N idle minutes, when the screen locks, what
reminders say while locked)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.desktop import lock
from journal.desktop.preferences import MAX_LOCK_IDLE_MINUTES, Preferences
from journal.ui.security.conversion import JournalConversion
from journal.ui.security.passphrase_dialogs import CHANGE, DECRYPT, ENCRYPT, FINISH, PassphraseDialog
from journal.ui.security.widgets import MessageLine


class PrivacyPage(QWidget):
    def __init__(
        self,
        preferences: Preferences,
        access: lock.JournalAccess,
        conversion: JournalConversion,
        *,
        available: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacyPage")
        self.preferences = preferences
        self.access = access
        self.conversion = conversion
        self.available = lock.available() if available is None else available
        self.keyring = True  # until the keyring has been asked (off the GUI thread)
        self.remembered = False
        self.unfinished = False  # backups left plain by an encrypt that was stopped
        self.dialog: PassphraseDialog | None = None
        self._remembered_after = False

        # --- encryption
        self.state = QLabel(objectName="encryptionState")
        self.state.setWordWrap(True)
        self.missing = QLabel(self.tr(
            "Encryption needs the sqlcipher3 package, which is not installed here: "
            "pip install 'contact-journal[encryption]'."
        ), objectName="encryptionMissing")
        self.missing.setWordWrap(True)
        self.missing.setVisible(not self.available)
        self.encrypt_button = QPushButton(self.tr("&Encrypt the journal…"), objectName="encryptButton")
        self.encrypt_button.clicked.connect(lambda: self.ask(ENCRYPT))
        self.change_button = QPushButton(self.tr("C&hange passphrase…"), objectName="changeButton")
        self.change_button.clicked.connect(lambda: self.ask(CHANGE))
        self.decrypt_button = QPushButton(self.tr("&Decrypt…"), objectName="decryptButton")
        self.decrypt_button.clicked.connect(lambda: self.ask(DECRYPT))
        self.finish_button = QPushButton(self.tr("Encrypt the &backups…"), objectName="finishButton")
        self.finish_button.setToolTip(self.tr("Some backups are still unencrypted: encrypt them with the journal's passphrase."))
        self.finish_button.clicked.connect(lambda: self.ask(FINISH))
        self.forget_button = QPushButton(self.tr("&Forget the remembered passphrase"), objectName="forgetButton")
        self.forget_button.setToolTip(self.tr("Take the passphrase out of this computer's keyring: the journal asks for it at the next start."))
        self.forget_button.clicked.connect(self.forget)
        self.message = MessageLine("privacyMessage")

        encryption = QGroupBox(self.tr("Encryption"))
        buttons = QHBoxLayout()
        for button in (self.encrypt_button, self.change_button, self.decrypt_button, self.finish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(encryption)
        box.addWidget(self.state)
        box.addWidget(self.missing)
        box.addLayout(buttons)
        forget_row = QHBoxLayout()
        forget_row.addWidget(self.forget_button)
        forget_row.addStretch(1)
        box.addLayout(forget_row)
        box.addWidget(self.message)

        # --- the lock
        self.idle_minutes = QSpinBox(objectName="lockIdleMinutes")
        self.idle_minutes.setRange(0, MAX_LOCK_IDLE_MINUTES)
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setValue(preferences.lock_idle_minutes)
        self.idle_minutes.valueChanged.connect(self._minutes_suffix)
        self._minutes_suffix(self.idle_minutes.value())
        self.on_screen_lock = QCheckBox(self.tr("Lock when the &screen locks"), objectName="lockOnScreenLock")
        self.on_screen_lock.setChecked(preferences.lock_on_screen_lock)
        self.details = QCheckBox(self.tr("Reminders show &what is due while locked"), objectName="lockedReminderDetails")
        self.details.setChecked(preferences.locked_reminder_details)
        self.details.setToolTip(self.tr("Otherwise a reminder says only how many items are due, such as “3 items due”."))
        self.lock_note = QLabel(self.tr("The lock is there once the journal is encrypted."), objectName="lockNote")
        self.lock_note.setWordWrap(True)
        self.lock_note.setEnabled(False)
        self.lock_group = QGroupBox(self.tr("Lock"))
        lock_form = QFormLayout(self.lock_group)
        lock_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        lock_form.addRow(self.tr("Lock &after:"), self.idle_minutes)
        lock_form.addRow(self.on_screen_lock)
        lock_form.addRow(self.details)
        lock_form.addRow(self.lock_note)

        layout = QVBoxLayout(self)
        layout.addWidget(encryption)
        layout.addWidget(self.lock_group)
        layout.addStretch(1)
        order = [self.encrypt_button, self.change_button, self.decrypt_button, self.finish_button, self.forget_button,
                 self.idle_minutes, self.on_screen_lock, self.details]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        conversion.finished.connect(self._converted)
        self.refresh()
        self._ask_keyring()

    def _minutes_suffix(self, minutes: int) -> None:
        self.idle_minutes.setSuffix(self.tr(" idle minute") if minutes == 1 else self.tr(" idle minutes"))

    # --- state -------------------------------------------------------------------------------

    def refresh(self) -> None:
        encrypted = self.access.encrypted
        if encrypted and self.unfinished:
            self.state.setText(self.tr(
                "The journal is encrypted, but some of its backups are not: encrypting was stopped before they "
                "were done. Encrypt the backups to finish it."
            ))
        elif encrypted:
            self.state.setText(self.tr(
                "The journal is encrypted: its file and its backups cannot be read without the passphrase."
            ))
        else:
            self.state.setText(self.tr(
                "The journal is not encrypted: anyone who can copy its file or a backup can read it."
            ))
        busy = self.conversion.running
        self.encrypt_button.setVisible(not encrypted)
        self.change_button.setVisible(encrypted)
        self.decrypt_button.setVisible(encrypted)
        self.finish_button.setVisible(encrypted and self.unfinished)
        for button in (self.encrypt_button, self.change_button, self.decrypt_button, self.finish_button):
            button.setEnabled(self.available and not busy)
        self.forget_button.setVisible(encrypted and self.remembered)
        self.forget_button.setEnabled(not busy)
        for widget in (self.idle_minutes, self.on_screen_lock, self.details):
            widget.setEnabled(encrypted)
        self.lock_note.setVisible(not encrypted)

    def _ask_keyring(self) -> None:
        access = self.access
        self._keyring_task = lock.OffThread(
            lambda: (lock.keyring_available(), access.remembered(), self.available and access.unfinished()), parent=self
        )
        self._keyring_task.done.connect(self._keyring_known)
        self._keyring_task.start()

    def _keyring_known(self, result) -> None:
        self.keyring, self.remembered, self.unfinished = result
        self.refresh()

    # --- converting --------------------------------------------------------------------------

    def ask(self, mode: str) -> PassphraseDialog | None:
        if not self.available or self.conversion.running:
            return None
        dialog = PassphraseDialog(mode, check=self.access.matches, keyring=self.keyring,
                                  remembered=self.remembered, parent=self)
        dialog.accepted.connect(lambda: self._convert(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _convert(self, dialog: PassphraseDialog) -> None:
        access, mode, new, keep, current = self.access, dialog.mode, dialog.new, dialog.keep, dialog.current
        self.dialog = None

        def keyring(passphrase: str | None) -> str:
            """Remember (or forget) the passphrase as asked: "" or why it could not be done."""
            try:
                if passphrase is not None and keep:
                    access.remember(passphrase)
                else:
                    access.forget()
            except lock.PassphraseKeyringError as exc:
                return str(exc)
            return ""

        if mode == ENCRYPT:
            def work(report):
                key = access.encrypt(new, report)
                return key, keyring(new)
            title, done = self.tr("Encrypting the journal"), self.tr("The journal is encrypted.")
        elif mode == CHANGE:
            def work(report):
                key = access.change_passphrase(new, report)
                return key, keyring(new)
            title, done = self.tr("Changing the passphrase"), self.tr("The journal has its new passphrase.")
        elif mode == FINISH:
            def work(report):
                return access.encrypt(current, report), ""
            title, done = self.tr("Encrypting the backups"), self.tr("Every backup is encrypted now.")
        else:
            def work(report):
                access.decrypt(report)
                return None, keyring(None)
            title, done = self.tr("Decrypting the journal"), self.tr("The journal is not encrypted any more.")
        self.message.clear()
        self._remembered_after = self.remembered if mode == FINISH else keep and mode != DECRYPT
        self.conversion.start(title, work, done, parent=self.window())
        self.refresh()

    def _converted(self, changed: bool, text: str) -> None:
        if changed:
            self.remembered = self._remembered_after
            self._ask_keyring()  # whether backups are left plain, afresh
            self.message.note(text)
        else:
            self.message.error(text)
        self.refresh()

    def forget(self) -> None:
        try:
            self.access.forget()
        except lock.PassphraseKeyringError as exc:
            self.message.error(str(exc))
            return
        self.remembered = False
        self.message.note(self.tr("The passphrase is no longer kept on this computer."))
        self.refresh()

    # --- the dialog's OK ---------------------------------------------------------------------

    def apply(self) -> bool:
        prefs = self.preferences
        prefs.lock_idle_minutes = self.idle_minutes.value()
        prefs.lock_on_screen_lock = self.on_screen_lock.isChecked()
        prefs.locked_reminder_details = self.details.isChecked()
        return True

    def wait(self) -> None:
        """Before the dialog goes: whatever runs off the GUI thread is done."""
        self._keyring_task.wait()
        self.conversion.wait()
