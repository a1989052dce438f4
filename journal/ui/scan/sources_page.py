"""Preferences > Mail & calendars: what is read, from where, and forgetting it.

The privacy rules first, then the user's own e-mail addresses (kept when the dialog's OK is
pressed, refused with one line when one is no address), then the sources: each with a box to
turn it off or on, when it was last scanned, what it found and its last error. Calendar files,
mbox files, Maildir folders, IMAP accounts and the sync account's calendars are added here (each is scanned at once, off the
GUI thread, by the window's ScanController), removed, and "Forget what was scanned" removes
everything the scans derived after asking. Each change is written at once and announced.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.ui import dates

SOURCE_ROLE = Qt.ItemDataRole.UserRole
FAILED = object()  # a write that was refused
MAX_LABEL = 80  # characters of a source's name in the list (a long path loses its middle)
MAX_ERROR = 80  # characters of an error in the list; the tooltip and the line below have all of it

KIND_LABELS = {  # the list's words for each kind of source
    "calendar": QT_TRANSLATE_NOOP("SourcesPage", "Calendar file"),
    "mbox": QT_TRANSLATE_NOOP("SourcesPage", "Mbox file"),
    "maildir": QT_TRANSLATE_NOOP("SourcesPage", "Maildir folder"),
    "imap": QT_TRANSLATE_NOOP("SourcesPage", "IMAP account"),
    "caldav": QT_TRANSLATE_NOOP("SourcesPage", "Calendar on the sync server"),
}


def _middle(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[len(text) - (limit - 1 - half):]


def _end(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_addresses(text: str) -> list[str]:
    """"a@x.org, b@y.org; c@z.org" → the three, in order."""
    return [part for part in re.split(r"[,;\s]+", text) if part]


class SourcesPage(QWidget):
    """The Mail & calendars tab. `scan` asks the window's controller for a scan (a source id,
    or None for every source)."""

    def __init__(
        self,
        context,
        *,
        scan: Callable[[int | None], None] | None = None,
        controller=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scanSourcesPage")
        self.context = context
        self.clock = context.clock
        self._scan = scan
        self.controller = controller
        self._filling = False
        self._announcing = False
        self._saying_progress = False
        self.imap_dialog = None
        self.task = None  # asking the sync server for its calendars

        privacy = QLabel(self.tr(
            "Only the headers of messages are read (who wrote to whom, and when), never a subject or a body. "
            "Only the addresses of people already in the journal, and the dates, are kept; other addresses and "
            "subjects are never stored, except the title and place of a meeting with someone in the journal. "
            "Everything stays on this computer."
        ), objectName="scanPrivacy")
        privacy.setWordWrap(True)

        # --- own addresses -------------------------------------------------------------------
        own_box = QGroupBox(self.tr("My e-mail addresses"))
        self.own = QLineEdit(objectName="ownAddresses")
        self.own.setPlaceholderText(self.tr("you@example.com, you@work.example.com"))
        self.own.setAccessibleName(self.tr("My e-mail addresses"))
        own_label = QLabel(self.tr("&Addresses:"))
        own_label.setBuddy(self.own)
        own_hint = QLabel(self.tr("Mail from these is mail you sent; they never count as someone in the journal."))
        own_hint.setWordWrap(True)
        own_hint.setEnabled(False)
        self.own_error = QLabel(objectName="ownAddressesError")
        self.own_error.setWordWrap(True)
        self.own_error.hide()
        own_layout = QGridLayout(own_box)
        own_layout.addWidget(own_label, 0, 0)
        own_layout.addWidget(self.own, 0, 1)
        own_layout.addWidget(own_hint, 1, 1)
        own_layout.addWidget(self.own_error, 2, 1)

        # --- sources -------------------------------------------------------------------------
        sources_box = QGroupBox(self.tr("Read contact from"))
        self.list = QListWidget(objectName="scanSources")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setWordWrap(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long lines lose their middle
        self.list.setMinimumSize(420, 150)
        self.list.setSpacing(1)
        self.list.setAccessibleName(self.tr("Sources: Space turns the current one off or on"))
        self.list.setIconSize(QSize(16, 16))
        self._warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = QPixmap(self.list.iconSize())
        blank.fill(Qt.GlobalColor.transparent)
        self._blank = QIcon(blank)
        self.list.itemChanged.connect(self._item_changed)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(lambda: self.remove())
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        sources_label = QLabel(self.tr("&Sources:"))
        sources_label.setBuddy(self.list)
        self.details = QLabel(objectName="scanSourceDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.add_calendar_button = QPushButton(self.tr("Add &calendar file…"), objectName="addCalendarFile")
        self.add_calendar_button.setToolTip(self.tr("An iCalendar (.ics) file, e.g. exported from your calendar"))
        self.add_calendar_button.clicked.connect(lambda _=False: self.add_calendar())
        self.add_mbox_button = QPushButton(self.tr("Add m&box file…"), objectName="addMboxFile")
        self.add_mbox_button.setToolTip(self.tr("A mailbox file, as Thunderbird, mutt and Evolution keep them"))
        self.add_mbox_button.clicked.connect(lambda _=False: self.add_mbox())
        self.add_maildir_button = QPushButton(self.tr("Add Mail&dir folder…"), objectName="addMaildir")
        self.add_maildir_button.setToolTip(self.tr("A folder with cur/ and new/, as offlineimap, mbsync and mutt keep them"))
        self.add_maildir_button.clicked.connect(lambda _=False: self.add_maildir())
        self.add_imap_button = QPushButton(self.tr("Add IMA&P account…"), objectName="addImap")
        self.add_imap_button.clicked.connect(lambda _=False: self.add_imap())
        self.add_caldav_button = QPushButton(self.tr("Add &the sync calendars"), objectName="addCaldav")
        self.add_caldav_button.clicked.connect(lambda _=False: self.add_caldav())
        self.remove_button = QPushButton(self.tr("&Remove…"), objectName="removeSource")
        self.remove_button.setToolTip(self.tr("Stop reading it, and forget what it found (Delete in the list)"))
        self.remove_button.clicked.connect(lambda _=False: self.remove())
        self.scan_button = QPushButton(self.tr("Scan no&w"), objectName="scanSourcesNow")
        self.scan_button.setToolTip(self.tr("Read what is new in every source turned on (Ctrl+Shift+R)"))
        self.scan_button.clicked.connect(lambda _=False: self.scan_all())
        buttons = QVBoxLayout()
        for button in (self.add_calendar_button, self.add_mbox_button, self.add_maildir_button,
                       self.add_imap_button, self.add_caldav_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.scan_button)
        sources_layout = QGridLayout(sources_box)
        sources_layout.addWidget(sources_label, 0, 0)
        sources_layout.addWidget(self.list, 1, 0)
        sources_layout.addLayout(buttons, 1, 1)
        sources_layout.addWidget(self.details, 2, 0, 1, 2)
        sources_layout.setRowStretch(1, 1)

        self.message = QLabel(objectName="scanMessage")
        self.message.setWordWrap(True)
        self.forget_button = QPushButton(self.tr("&Forget what was scanned…"), objectName="forgetScanned")
        self.forget_button.setToolTip(self.tr("Remove the e-mail contact, meetings and hints every scan found"))
        self.forget_button.clicked.connect(lambda _=False: self.forget())
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.forget_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addWidget(privacy)
        layout.addWidget(own_box)
        layout.addWidget(sources_box, 1)
        layout.addLayout(bottom)

        order = (self.own, self.list, self.add_calendar_button, self.add_mbox_button, self.add_maildir_button,
                 self.add_imap_button, self.add_caldav_button, self.remove_button, self.scan_button,
                 self.forget_button)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for button in order[2:]:
            button.setAutoDefault(False)  # Enter in the addresses is the dialog's OK
        self.setFocusProxy(self.own)

        self._stored_own = self._own_addresses()
        self.own.setText(", ".join(self._stored_own))
        context.signals.changed.connect(self._journal_changed)
        if controller is not None:
            controller.state_changed.connect(self._scan_state)
            self._scan_state(controller.state)
        self.refresh()

    # --- showing -----------------------------------------------------------------------------

    def _own_addresses(self) -> list[str]:
        from journal.services.scan.known import own_addresses

        return own_addresses()

    def sources(self) -> list:
        from journal.services.scan.sources import list_sources

        return list_sources()

    def refresh(self) -> None:
        """Show the sources as the journal has them, keeping the current one."""
        current = self.current_source()
        keep = current.id if current is not None else None
        self._filling = True
        try:
            self.list.clear()
            for source in self.sources():
                item = QListWidgetItem(self.list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self._fill_item(item, source)
                if keep == source.id:
                    self.list.setCurrentItem(item)
            if self.list.currentItem() is None and self.list.count():
                self.list.setCurrentRow(0)
        finally:
            self._filling = False
        self._show_current()
        self._show_account()

    def _show_account(self) -> None:
        from journal.services.sync.account import get_account

        account = get_account()
        self.add_caldav_button.setEnabled(account is not None and not self.busy)
        self.add_caldav_button.setToolTip(
            self.tr("Read meetings from the calendars of {user} at {url} (read-only)").format(
                user=account.user, url=account.url) if account is not None
            else self.tr("Add a sync account in Preferences > Accounts first")
        )

    def _fill_item(self, item: QListWidgetItem, source) -> None:
        """A source in the list: its box, what and where it is, and under it when it was last
        scanned, what it found and its last error."""
        item.setCheckState(Qt.CheckState.Checked if source.enabled else Qt.CheckState.Unchecked)
        item.setData(SOURCE_ROLE, source)
        lines = [_middle(self.source_label(source), MAX_LABEL), self.state_line(source)]
        if source.last_error:
            lines.append(self.tr("Error: {error}").format(error=_end(source.last_error, MAX_ERROR)))
        item.setText("\n".join(lines))
        item.setToolTip(self.source_tooltip(source))
        item.setIcon(self._warning if source.last_error else self._blank)  # the names line up either way
        if not source.enabled:
            item.setForeground(self.palette().placeholderText().color())
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def state_line(self, source) -> str:
        parts = []
        if not source.enabled:
            parts.append(self.tr("Turned off"))
        parts.append(self.tr("Last scan {when}").format(when=self.when(source.last_scan_at)) if source.last_scan_at
                     else self.tr("Not scanned yet"))
        found = self.found(source)
        if found and (source.last_scan_at or source.people or source.meetings):
            parts.append(self.tr("found {what}").format(what=found))
        return " · ".join(parts)

    def source_label(self, source) -> str:
        kind = self.tr(KIND_LABELS.get(source.kind, source.kind))
        location = source.location
        if source.kind == "imap" and source.folders:
            location = f"{location} ({', '.join(source.folders)})"
        return f"{kind}: {location}"

    def source_tooltip(self, source) -> str:
        lines = [self.source_label(source), self.state_line(source)]
        if source.last_error:
            lines.append(self.tr("Error: {error}").format(error=source.last_error))
        if not source.enabled:
            lines.append(self.tr("Turned off: not scanned until it is turned on again."))
        return "\n".join(lines)

    def when(self, moment: dt.datetime) -> str:
        today = self.clock.today()
        clock = moment.strftime("%H:%M")
        if moment.date() == today:
            return self.tr("today {time}").format(time=clock)
        return f"{dates.short_in(moment.date(), today)} {clock}"

    def found(self, source) -> str:
        parts = []
        if source.kind in ("mbox", "maildir", "imap"):
            parts.append(self.tr("1 person") if source.people == 1
                         else self.tr("{count} people").format(count=source.people))
        if source.kind in ("calendar", "caldav") or source.meetings:
            parts.append(self.tr("1 meeting") if source.meetings == 1
                         else self.tr("{count} meetings").format(count=source.meetings))
        return ", ".join(parts)

    def current_source(self):
        item = self.list.currentItem()
        return item.data(SOURCE_ROLE) if item is not None else None

    def _show_current(self) -> None:
        source = self.current_source()
        self.remove_button.setEnabled(source is not None)
        if source is None:
            self.details.setText(self.tr("No sources yet: add a calendar file, a mailbox or an IMAP account."))
            self.details.setVisible(True)
            return
        lines = []  # what the list had to cut short, in full
        label = self.source_label(source)
        if len(label) > MAX_LABEL:
            lines.append(label)
        if len(source.last_error) > MAX_ERROR:
            lines.append(self.tr("Error: {error}").format(error=source.last_error))
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _journal_changed(self, changes) -> None:
        if self._announcing:
            return
        if changes.everything or changes.scanned or changes.people:
            self.refresh()

    def _scan_state(self, state) -> None:
        self.scan_button.setEnabled(not state.scanning)
        if state.scanning:
            from journal.ui.scan.status import progress_text

            self._say(progress_text(state.progress))
            self._saying_progress = True
        elif self._saying_progress:
            from journal.ui.scan.status import summary_text

            self._saying_progress = False
            self._say(summary_text(state.last) if state.last is not None and not state.error else state.error)

    # --- writing -----------------------------------------------------------------------------

    def _write(self, work, people: Callable[[object], set] = lambda _result: set()):
        """`work()` inside one write transaction, then the change notice; the result, or FAILED
        (and the one-line reason shown) when it was refused."""
        from journal.errors import JournalError
        from journal.services.changes import Changes, notify
        from journal.services.transaction import write

        try:
            with write():
                result = work()
        except JournalError as exc:
            self._say(str(exc))
            return FAILED
        self._announcing = True  # the list is brought up to date by the caller, not rebuilt
        try:
            notify(Changes(person_ids=frozenset(people(result)), scanned=True, tables=frozenset({"scan_source"})))
        finally:
            self._announcing = False
        return result

    def _request_scan(self, source_id: int | None) -> None:
        if self._scan is not None:
            self._scan(source_id)

    def scan_all(self) -> None:
        self._request_scan(None)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        source = item.data(SOURCE_ROLE)
        wanted = item.checkState() == Qt.CheckState.Checked
        if source is None or wanted == source.enabled:
            return
        from journal.services.scan.sources import set_enabled

        if self._write(lambda: set_enabled(source.id, wanted)) is FAILED:
            self._filling = True
            item.setCheckState(Qt.CheckState.Checked if source.enabled else Qt.CheckState.Unchecked)
            self._filling = False
            return
        source = replace(source, enabled=wanted)
        self._filling = True
        self._fill_item(item, source)
        self._filling = False
        self._show_current()
        label = self.source_label(source)
        if wanted:
            self._say(self.tr("{source} is read again: scanning it now.").format(source=label))
            self._request_scan(source.id)
        else:
            self._say(self.tr("{source} is turned off: it is not read until you turn it on.").format(source=label))

    def _added(self, source) -> None:
        self.refresh()
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(SOURCE_ROLE).id == source.id:
                self.list.setCurrentItem(item)
        self._say(self.tr("Added {source}: scanning it now.").format(source=self.source_label(source)))
        self._request_scan(source.id)

    def _add_path(self, kind: str, path: str):
        from journal.services.scan.sources import add_source

        resolved = str(Path(path).expanduser().resolve())
        source = self._write(lambda: add_source(kind, resolved))
        if source is FAILED:
            return None
        self._added(source)
        return source

    # --- adding ------------------------------------------------------------------------------

    def ask_calendar_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add calendar file"), str(Path.home()),
            self.tr("iCalendar files (*.ics *.ical *.ifb);;All files (*)"),
        )
        return name

    def ask_mbox_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add mbox file"), str(Path.home()), self.tr("All files (*)")
        )
        return name

    def ask_maildir(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Add Maildir folder"), str(Path.home()))

    def add_calendar(self):
        name = self.ask_calendar_file()
        if not name:
            return None
        if not Path(name).is_file():
            self._say(self.tr("{path} is not a file.").format(path=name))
            return None
        return self._add_path("calendar", name)

    def add_mbox(self):
        name = self.ask_mbox_file()
        if not name:
            return None
        if not Path(name).is_file():
            self._say(self.tr("{path} is not a file.").format(path=name))
            return None
        return self._add_path("mbox", name)

    def add_maildir(self):
        name = self.ask_maildir()
        if not name:
            return None
        folder = Path(name)
        if not folder.is_dir():
            self._say(self.tr("{path} is not a folder.").format(path=name))
            return None
        if not any((folder / part).is_dir() for part in ("cur", "new")) and not any(
            child.name.startswith(".") and (child / "cur").is_dir() for child in folder.iterdir()
        ):
            self._say(self.tr("{path} is not a Maildir folder: it has no cur or new folder.").format(path=name))
            return None
        return self._add_path("maildir", name)

    def add_imap(self):
        """Open Add IMAP account…; the source it adds is scanned once the dialog closes."""
        from journal.ui.scan.imap_dialog import ImapDialog

        dialog = ImapDialog(self)
        self.imap_dialog = dialog

        def closed(result: int) -> None:
            if self.imap_dialog is dialog:
                self.imap_dialog = None
            if result and dialog.source is not None:
                self._added(dialog.source)
            dialog.deleteLater()
            self.add_imap_button.setFocus()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def add_caldav(self) -> bool:
        """A source for each calendar of the sync account that holds events (asking its server,
        off the GUI thread); each new one is scanned at once."""
        if self.busy:
            return False
        from journal.services.scan.caldav import add_account_calendars
        from journal.ui.dialogs.background import BackgroundTask

        before = {s.id for s in self.sources()}
        self._say(self.tr("Asking the sync server for its calendars…"))
        self.task = BackgroundTask(lambda _report: add_account_calendars(announce=False), self)
        self.task.done.connect(lambda found: self._calendars_added(found, before))
        self.task.failed.connect(self._calendars_failed)
        self.add_caldav_button.setEnabled(False)
        self.task.start()
        return True

    def _calendars_failed(self, message: str) -> None:
        self._show_account()
        self._say(message)

    def _calendars_added(self, found, before: set[int]) -> None:
        from journal.services.changes import Changes, notify

        new = [s for s in found if s.id not in before]
        if new:
            self._announcing = True
            try:
                notify(Changes(scanned=True, tables=frozenset({"scan_source"})))
            finally:
                self._announcing = False
        self.refresh()
        if not found:
            self._say(self.tr("The sync server has no calendars with events."))
        elif not new:
            self._say(self.tr("Its calendars are in the list already."))
        else:
            self._say(self.tr("Added {count} calendar(s) from the sync server: scanning them now.").format(
                count=len(new)))
            for source in new:
                self._request_scan(source.id)

    # --- removing and forgetting -------------------------------------------------------------

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove(self) -> bool:
        source = self.current_source()
        if source is None:
            return False
        label = self.source_label(source)
        if not self._ask(self.tr("Remove source"), self.tr(
            "Stop reading {source}, and forget the e-mail contact and meetings it found?"
        ).format(source=label)):
            return False
        from journal.services.scan.sources import remove_source, settle

        if self._write(lambda: remove_source(source.id), people=lambda found: found) is FAILED:
            return False
        settle()  # what was forgotten leaves the write-ahead log now, not when the journal closes
        self.refresh()
        if source.kind == "imap":
            from journal.services.scan import secrets

            server, user = secrets.split_location(source.location)
            secrets.forget(server, user)
        self._say(self.tr("Removed {source}.").format(source=label))
        self.list.setFocus()
        return True

    def forget(self) -> bool:
        if not self._ask(self.tr("Forget what was scanned"), self.tr(
            "Forget everything the scans found: the e-mail contact, the meetings and the hints about "
            "introductions? What you logged or dismissed stays. The sources stay too, and the next scan "
            "reads those turned on again from the start: turn them off first to keep the journal clear of them."
        )):
            return False
        from journal.services.scan.sources import forget, settle

        if self._write(forget, people=lambda found: found) is FAILED:
            return False
        settle()  # what was forgotten leaves the write-ahead log now, not when the journal closes
        self.refresh()
        self._say(self.tr("Forgot what was scanned."))
        return True

    # --- the dialog's OK ---------------------------------------------------------------------

    def apply(self) -> bool:
        """Keep the own addresses typed; False (and why, shown) when one is no address."""
        from journal.errors import ValidationError
        from journal.services.changes import Changes, notify
        from journal.services.scan.known import set_own_addresses
        from journal.services.transaction import write

        wanted = split_addresses(self.own.text())
        if wanted == self._stored_own:
            return True
        try:
            with write():
                kept = set_own_addresses(wanted)
        except ValidationError as exc:
            self.own_error.setText(str(exc))
            self.own_error.show()
            self.own.setFocus()
            return False
        self.own_error.hide()
        self._stored_own = kept
        self.own.setText(", ".join(kept))
        notify(Changes(scanned=True, tables=frozenset({"scan_setting"})))
        return True

    def wait(self) -> None:
        """Let a connection under way end (the dialog is closing)."""
        if self.imap_dialog is not None:
            self.imap_dialog.wait()
        if self.task is not None and self.task.running:
            self.task.wait()
