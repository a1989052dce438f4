"""Unlocking an encrypted journal at start-up, once the window has painted: the passphrase the
keyring remembers for it, else CONTACT_JOURNAL_PASSPHRASE (scripted starts, the benchmark), else
the Unlock dialog. Every try runs off the GUI thread; none writes to the journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from journal.desktop import lock
from journal.errors import JournalError
from journal.ui.security.unlock_dialog import UnlockDialog


class StartupUnlock(QObject):
    """`unlocked(key)` once a passphrase opened it, `cancelled()` when the user quit, `failed(line)`
    when it cannot be opened here at all (no SQLCipher). `note` is a line to show once the
    window is open (the keyring could not keep the passphrase), or ""."""

    unlocked = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, window, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.path = Path(path)
        self.dialog: UnlockDialog | None = None
        self.how = ""  # "keyring", "environment" or "dialog": what unlocked it
        self.note = ""
        self._stale = False  # the keyring's passphrase did not open it
        self._task: lock.OffThread | None = None

    def start(self) -> None:
        try:
            lock.require_encryption()
        except JournalError as exc:
            self.failed.emit(str(exc))
            return
        self._task = lock.OffThread(self._quietly, parent=self)
        self._task.done.connect(self._tried)
        self._task.failed.connect(lambda exc: self.ask(lock.describe(exc), keyring=False))
        self._task.start()

    def _quietly(self):
        """Off the GUI thread: the quiet tries, and (only when they did not open it) whether a
        keyring is there to offer remembering."""
        key, why = lock.unlock_quietly(self.path)
        return (key, why), (key is None and lock.keyring_available())

    def _tried(self, result) -> None:
        (key, why), keyring = result
        self._task = None
        if key is not None:
            self.how = why
            self.unlocked.emit(key)
            return
        self._stale = why.startswith("The passphrase remembered")
        self.ask(why, keyring=keyring)

    def ask(self, message: str = "", *, keyring: bool = True) -> UnlockDialog:
        parent = self.window if self.window.isVisible() else None
        dialog = UnlockDialog(self.path, self._unlock, keyring=keyring, message=message, parent=parent)
        dialog.accepted.connect(self._accepted)
        dialog.rejected.connect(self.cancelled)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _unlock(self, passphrase: str, remember: bool):
        """Off the GUI thread: the key, then the keyring as asked."""
        key = lock.unlock(self.path, passphrase)
        note = ""
        try:
            if remember:
                lock.remember_passphrase(self.path, passphrase)
            elif self._stale:  # it no longer opens the journal: nothing to keep
                lock.forget_passphrase(self.path)
        except JournalError as exc:
            note = str(exc)
        return key, note

    def _accepted(self) -> None:
        dialog = self.dialog
        self.dialog = None
        self.how = "dialog"
        self.note = dialog.note
        dialog.deleteLater()
        self.unlocked.emit(dialog.key)
