"""Preferences > Accounts: the CardDAV/CalDAV server the journal syncs with.

With no account: the server's address, the user name, the password (kept in the keyring, never
in the settings), a CA file for a server with its own certificates and "Allow plain http" (asked
again when the host is not this computer). Test connection lists what the server has, to pick
the address book and the task list from; Add account connects, makes the journal's own
collections where none is picked, and keeps the password. With an account: what it syncs, how
the last sync went, and Remove account. Talking to the server happens off the GUI thread.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui.dialogs.background import BackgroundTask

NEW = ""  # the pickers' "make a new one" entry


def _host(url: str) -> str:
    text = url.strip()
    try:
        return urlsplit(text if "://" in text else f"https://{text}").hostname or ""
    except ValueError:
        return ""


def _is_plain_http_elsewhere(url: str) -> bool:
    from journal.services.sync.webdav import is_loopback

    text = url.strip().lower()
    return text.startswith("http://") and bool(_host(text)) and not is_loopback(_host(text))


class AccountsPage(QWidget):
    """The accounts tab. `account_changed` after one is added or removed."""

    account_changed = Signal()
    busy_changed = Signal(bool)

    def __init__(self, clock=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPage")
        self.clock = clock
        self.task: BackgroundTask | None = None
        self._http_confirmed_for = ""
        self.found: tuple[list, list] | None = None

        # --- the current account -----------------------------------------------------------
        self.current_box = QGroupBox(self.tr("Syncing with"))
        self.current_text = QLabel(objectName="accountSummary")
        self.current_text.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("&Remove account…"), objectName="removeAccount")
        self.remove_button.setToolTip(self.tr("Stop syncing: the journal and the server keep what they have"))
        self.remove_button.clicked.connect(lambda _=False: self.remove())
        current_layout = QVBoxLayout(self.current_box)
        current_layout.addWidget(self.current_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        current_layout.addLayout(row)

        # --- adding one ----------------------------------------------------------------------
        self.add_box = QGroupBox(self.tr("Add a CardDAV/CalDAV account"))
        self.url = QLineEdit(objectName="accountUrl")
        self.url.setPlaceholderText(self.tr("https://dav.example.com/"))
        self.user = QLineEdit(objectName="accountUser")
        self.password = QLineEdit(objectName="accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(self.tr("Kept in the system keyring, never in the settings or the journal"))
        self.ca_file = QLineEdit(objectName="accountCaFile")
        self.ca_file.setPlaceholderText(self.tr("Optional: a CA certificate (.pem)"))
        self.choose_ca = QPushButton(self.tr("Ch&oose…"), objectName="chooseCaFile")
        self.choose_ca.clicked.connect(lambda _=False: self.choose_ca_file())
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.choose_ca)
        self.allow_http = QCheckBox(self.tr("Allow plain &http (not encrypted)"), objectName="allowHttp")
        self.allow_http.setToolTip(self.tr("Only for a server you trust on your own network"))
        self.allow_http.toggled.connect(self._http_toggled)
        self.test_button = QPushButton(self.tr("&Test connection"), objectName="testConnection")
        self.test_button.clicked.connect(lambda _=False: self.test_connection())
        self.found_text = QLabel(objectName="connectionResult")
        self.found_text.setWordWrap(True)
        self.books = QComboBox(objectName="addressBooks")
        self.tasks = QComboBox(objectName="taskLists")
        self.add_button = QPushButton(self.tr("&Add account"), objectName="addAccount")
        self.add_button.clicked.connect(lambda _=False: self.add())
        self.message = QLabel(objectName="accountMessage")
        self.message.setWordWrap(True)

        form = QFormLayout(self.add_box)
        form.addRow(self.tr("Ser&ver address:"), self.url)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        ca_label = QLabel(self.tr("&CA file:"))
        ca_label.setBuddy(self.ca_file)  # (a row holding a layout gets no buddy of its own)
        form.addRow(ca_label, ca_row)
        form.addRow("", self.allow_http)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.found_text, 1)
        form.addRow("", test_row)
        form.addRow(self.tr("Address &book:"), self.books)
        form.addRow(self.tr("Tas&k list:"), self.tasks)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        form.addRow(add_row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.current_box)
        layout.addWidget(self.add_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for first, second in (
            (self.url, self.user), (self.user, self.password), (self.password, self.ca_file),
            (self.ca_file, self.choose_ca), (self.choose_ca, self.allow_http), (self.allow_http, self.test_button),
            (self.test_button, self.books), (self.books, self.tasks), (self.tasks, self.add_button),
        ):
            QWidget.setTabOrder(first, second)
        for button in (self.test_button, self.add_button, self.remove_button, self.choose_ca):
            button.setAutoDefault(False)  # Enter in a field is the dialog's OK, not a connection
        self._fill_pickers(None)
        self.refresh()

    # --- showing -----------------------------------------------------------------------------

    def account(self):
        from journal.services.sync.account import get_account

        return get_account()

    def refresh(self) -> None:
        """Show the account, or the form to add one."""
        info = self.account()
        self.current_box.setVisible(info is not None)
        self.add_box.setVisible(info is None)
        if info is not None:
            self.current_text.setText(self.summary(info))
        self.setFocusProxy(self.remove_button if info is not None else self.url)

    def summary(self, info) -> str:
        lines = [
            self.tr("{user} at {url}").format(user=info.user, url=info.url),
            self.tr("Address book: {url}").format(url=info.contacts_url),
            self.tr("Task list: {url}").format(url=info.tasks_url),
        ]
        if info.journal_url:
            lines.append(self.tr("Conversations: {url}").format(url=info.journal_url))
        else:
            lines.append(self.tr("Conversations are not synced: {why}").format(why=info.journal_note)
                         if info.journal_note else self.tr("Conversations are not synced."))
        if info.last_sync_at:
            lines.append(self.tr("Last synced {when}.").format(when=info.last_sync_at.strftime("%Y-%m-%d %H:%M")))
        else:
            lines.append(self.tr("Not synced yet."))
        if info.last_error:
            lines.append(self.tr("Last error: {error}").format(error=info.last_error))
        return "\n".join(lines)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # --- the form ----------------------------------------------------------------------------

    def choose_ca_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), self.ca_file.text(), self.tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if name:
            self.ca_file.setText(name)

    def _http_toggled(self, checked: bool) -> None:
        if checked and _is_plain_http_elsewhere(self.url.text()) and not self.confirm_http():
            self.allow_http.setChecked(False)

    def confirm_http(self) -> bool:
        """Ask before the password and the journal go unencrypted to a host that is not this one."""
        host = _host(self.url.text())
        if host and host == self._http_confirmed_for:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Allow plain http"),
            self.tr(
                "Over plain http, your password and everything the journal syncs travel unencrypted to {host}: "
                "anyone on the network between can read them. Allow it for this server?"
            ).format(host=host),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._http_confirmed_for = host
            return True
        return False

    def _entered(self) -> dict | None:
        """What the form holds, checked: None (and why, shown) when something is missing."""
        from journal.services.sync import secrets

        url, user = self.url.text().strip(), self.user.text().strip()
        if not url:
            self._say(self.tr("Give the server's address."))
            self.url.setFocus()
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
        allow_http = self.allow_http.isChecked()
        if allow_http and _is_plain_http_elsewhere(url) and not self.confirm_http():
            return None
        return {"url": url, "user": user, "password": password, "store": store,
                "ca_file": self.ca_file.text().strip(), "allow_http": allow_http}

    def _fill_pickers(self, found) -> None:
        self.found = found
        books, calendars = found if found is not None else ([], [])
        self.books.clear()
        self.books.addItem(self.tr("Make a new one (Contact Journal)"), NEW)
        for book in books:
            self.books.addItem(f"{book.name or book.url} ({book.url})", book.url)
        self.tasks.clear()
        self.tasks.addItem(self.tr("Make a new one (Contact Journal tasks)"), NEW)
        for calendar in calendars:
            if not calendar.components or "VTODO" in calendar.components:
                self.tasks.addItem(f"{calendar.name or calendar.url} ({calendar.url})", calendar.url)
        from journal.services.sync.account import ADDRESS_BOOK_NAME, TASKS_NAME

        for combo, name in ((self.books, ADDRESS_BOOK_NAME), (self.tasks, TASKS_NAME)):
            for index in range(1, combo.count()):
                if combo.itemText(index).startswith(f"{name} ("):
                    combo.setCurrentIndex(index)  # the journal's own from another computer
        for combo in (self.books, self.tasks):
            combo.setEnabled(found is not None)

    def _found_text(self, books, calendars) -> str:
        todo = [c for c in calendars if not c.components or "VTODO" in c.components]
        journal = any("VJOURNAL" in c.components for c in calendars)
        text = self.tr("Connected: {books} address book(s), {tasks} task list(s).").format(
            books=len(books), tasks=len(todo)
        )
        if journal:
            text += " " + self.tr("It keeps journal entries, so conversations can sync.")
        return text

    # --- talking to the server ---------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _run(self, work, done) -> bool:
        if self.busy:
            return False
        self.task = BackgroundTask(lambda _report: work(), self)
        self.task.done.connect(done)
        self.task.failed.connect(self._failed)
        for widget in (self.test_button, self.add_button, self.remove_button):
            widget.setEnabled(False)
        self.busy_changed.emit(True)
        self.task.start()
        return True

    def _idle(self) -> None:
        for widget in (self.test_button, self.add_button, self.remove_button):
            widget.setEnabled(True)
        self.busy_changed.emit(False)

    def _failed(self, message: str) -> None:
        self._idle()
        self._say(message)

    def test_connection(self) -> bool:
        entered = self._entered()
        if entered is None:
            return False
        from journal.services.sync.account import probe

        self._say(self.tr("Connecting to {host}…").format(host=_host(entered["url"])))
        self.found_text.clear()

        def work():
            return probe(entered["url"], entered["user"], entered["password"], ca_file=entered["ca_file"],
                         allow_http=entered["allow_http"])

        def done(found) -> None:
            self._idle()
            self._fill_pickers(found)
            self.found_text.setText(self._found_text(*found))
            self._say("")
            self.books.setFocus()

        return self._run(work, done)

    def add(self) -> bool:
        entered = self._entered()
        if entered is None:
            return False
        from journal.services.sync import secrets
        from journal.services.sync.account import add_account, remove_account

        if entered["store"]:
            try:
                secrets.require_keyring()
            except secrets.SyncSecretError as exc:
                self._say(str(exc))
                return False
        before = self.account()
        self._say(self.tr("Adding the account…"))
        contacts_url, tasks_url = self.books.currentData() or NEW, self.tasks.currentData() or NEW

        def work():
            info = add_account(entered["url"], entered["user"], entered["password"], ca_file=entered["ca_file"],
                               allow_http=entered["allow_http"], contacts_url=contacts_url, tasks_url=tasks_url)
            if entered["store"]:
                try:
                    secrets.remember(info.url, info.user, entered["password"])
                except secrets.SyncSecretError:
                    remove_account()
                    raise
            if before is not None and (before.url, before.user) != (info.url, info.user):
                secrets.forget(before.url, before.user)
            return info

        def done(info) -> None:
            self._idle()
            self.password.clear()
            self._fill_pickers(None)
            self.found_text.clear()
            self.refresh()
            self._say(self.tr("Added {user} at {url}: the first sync starts now.").format(user=info.user, url=info.url))
            self.remove_button.setFocus()
            self.account_changed.emit()

        return self._run(work, done)

    def remove(self) -> bool:
        info = self.account()
        if info is None or self.busy:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Stop syncing with {user} at {url}? The journal keeps everything it has, and so does the server."
            ).format(user=info.user, url=info.url),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from journal.errors import JournalError
        from journal.services.sync import secrets
        from journal.services.sync.account import remove_account

        try:
            remove_account()
        except JournalError as exc:
            self._say(str(exc))
            return False
        secrets.forget(info.url, info.user)
        self.refresh()
        self.url.setText(info.url)
        self.user.setText(info.user)
        self._say(self.tr("Removed {user} at {url}.").format(user=info.user, url=info.url))
        self.url.setFocus()
        self.account_changed.emit()
        return True

    def wait(self) -> None:
        """Let a connection under way end (the dialog is closing)."""
        if self.task is not None and self.task.running:
            self.task.wait()
