"""Add IMAP account…: the server, the user name, the password (kept in the keyring, never in the
settings or the journal), the folders to read and a CA file for a server with its own
certificate. Before anything is kept, the dialog logs in (off the GUI thread) and checks that
the folders are there; a refusal is one line in the dialog, which stays open."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui.dialogs.background import BackgroundTask

DEFAULT_FOLDERS = ("INBOX",)


def split_folders(text: str) -> tuple[str, ...]:
    """"INBOX, Sent" → ("INBOX", "Sent"); each once, in the order given."""
    found: list[str] = []
    for part in re.split(r"[,;\n]", text):
        name = part.strip()
        if name and name not in found:
            found.append(name)
    return tuple(found)


def probe(server: str, user: str, password: str, folders: tuple[str, ...], ca_file: str = "") -> list[str]:
    """Log in and check the folders are there (on a worker thread); the server's folders, or an
    ImapError (one line)."""
    from journal.services.scan.imap import ImapError, ImapReader

    with ImapReader(server, user, password, ca_file=ca_file) as reader:
        have = reader.folders()
        known = {name.casefold() if name.upper() == "INBOX" else name for name in have}
        for folder in folders:
            if (folder.casefold() if folder.upper() == "INBOX" else folder) not in known:
                listed = ", ".join(have[:8]) + (", …" if len(have) > 8 else "")
                raise ImapError(f"{reader.host} has no folder “{folder}” (it has {listed or 'none'}).")
        return have


class ImapDialog(QDialog):
    """Asks for an IMAP account, checks it, keeps the password and adds the source. `source`
    holds the source added once the dialog is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imapDialog")
        self.setWindowTitle(self.tr("Add IMAP account"))
        self.task: BackgroundTask | None = None
        self.source = None
        self._closed = False  # cancelled while connecting: what the connection brings is dropped

        self.server = QLineEdit(objectName="imapServer")
        self.server.setPlaceholderText(self.tr("mail.example.com or mail.example.com:993"))
        self.user = QLineEdit(objectName="imapUser")
        self.password = QLineEdit(objectName="imapPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(self.tr("Kept in the system keyring, never in the settings or the journal"))
        self.folders = QLineEdit(", ".join(DEFAULT_FOLDERS), objectName="imapFolders")
        self.folders.setToolTip(self.tr("The folders to read, separated by commas, e.g. INBOX, Sent"))
        self.ca_file = QLineEdit(objectName="imapCaFile")
        self.ca_file.setPlaceholderText(self.tr("Optional: a CA certificate (.pem)"))
        self.choose_ca = QPushButton(self.tr("Ch&oose…"), objectName="imapChooseCa")
        self.choose_ca.setAutoDefault(False)
        self.choose_ca.clicked.connect(lambda _=False: self.choose_ca_file())
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.choose_ca)
        note = QLabel(self.tr(
            "Folders are opened read-only over TLS and only the headers are fetched: nothing is marked as read."
        ))
        note.setWordWrap(True)
        self.message = QLabel(objectName="imapMessage")
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(self.tr("&Add account"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("imapAdd")
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Ser&ver:"), self.server)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("&Folders:"), self.folders)
        ca_label = QLabel(self.tr("&CA file:"))
        ca_label.setBuddy(self.ca_file)
        form.addRow(ca_label, ca_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for first, second in ((self.server, self.user), (self.user, self.password), (self.password, self.folders),
                              (self.folders, self.ca_file), (self.ca_file, self.choose_ca),
                              (self.choose_ca, self.buttons)):
            QWidget.setTabOrder(first, second)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.add_button.setDefault(True)  # (once in the dialog: Enter in any field adds)
        self.resize(460, self.sizeHint().height())
        self.server.setFocus()

    # --- the form ----------------------------------------------------------------------------

    def choose_ca_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), self.ca_file.text(), self.tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if name:
            self.ca_file.setText(name)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _entered(self) -> dict | None:
        """What the form holds, checked: None (and why, shown) when something is missing."""
        from journal.services.scan import secrets

        server, user = self.server.text().strip(), self.user.text().strip()
        if not server:
            self._say(self.tr("Give the server's name."))
            self.server.setFocus()
            return None
        if not user:
            self._say(self.tr("Give the user name for the server."))
            self.user.setFocus()
            return None
        password, store = self.password.text(), True
        if not password:
            password, store = secrets.from_environment() or "", False
        if not password:
            self._say(self.tr("Give the password."))
            self.password.setFocus()
            return None
        folders = split_folders(self.folders.text()) or DEFAULT_FOLDERS
        ca_file = self.ca_file.text().strip()
        if ca_file:
            path = Path(ca_file).expanduser()
            if not path.is_file():
                self._say(self.tr("{path} is not a file.").format(path=ca_file))
                self.ca_file.setFocus()
                return None
            ca_file = str(path.resolve())
        return {"server": server, "user": user, "password": password, "store": store, "folders": folders,
                "ca_file": ca_file}

    # --- checking and adding -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def add(self) -> bool:
        """Log in, check the folders, keep the password, add the source, close."""
        if self.busy:
            return False
        entered = self._entered()
        if entered is None:
            return False
        from journal.services.scan import secrets

        if entered["store"]:
            try:
                secrets.require_keyring()
            except secrets.ScanSecretError as exc:
                self._say(str(exc))
                return False
        self._say(self.tr("Connecting to {server}…").format(server=entered["server"]))
        self.task = BackgroundTask(lambda _report: probe(entered["server"], entered["user"], entered["password"],
                                                         entered["folders"], entered["ca_file"]), self)
        self.task.done.connect(lambda _folders: self._checked(entered))
        self.task.failed.connect(self._failed)
        self._set_busy(True)
        self.task.start()
        return True

    def _set_busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        for widget in (self.server, self.user, self.password, self.folders, self.ca_file, self.choose_ca):
            widget.setEnabled(not busy)

    def _failed(self, message: str) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self._say(message)
        self.password.setFocus() if "password" in message else self.server.setFocus()

    def _checked(self, entered: dict) -> None:
        from journal.errors import JournalError
        from journal.services.changes import Changes, notify
        from journal.services.scan import secrets
        from journal.services.scan.sources import add_source, imap_location
        from journal.services.transaction import write

        if self._closed:
            return
        self._set_busy(False)
        try:
            if entered["store"]:
                secrets.remember(entered["server"], entered["user"], entered["password"])
            with write():
                self.source = add_source("imap", imap_location(entered["server"], entered["user"]),
                                         folders=entered["folders"], ca_file=entered["ca_file"])
        except JournalError as exc:
            self._say(str(exc))
            return
        notify(Changes(scanned=True))
        self.accept()

    def reject(self) -> None:
        self._closed = True
        if self.busy:  # the connection ends first (at most its timeout)
            self.task.wait()
        super().reject()

    def wait(self) -> None:
        if self.task is not None and self.task.running:
            self.task.wait()
