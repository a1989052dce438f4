"""Preferences > Mail & calendars, used with keys and clicks: adding sources (scanned at once by a
real ScanController on its worker thread), turning one off, removing, forgetting after asking,
the user's own addresses refused when one is no address, and an IMAP account checked against a
real Dovecot before its password goes to the keyring."""

from __future__ import annotations

import datetime as dt
import mailbox

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from journal.desktop.scan_worker import ScanController
from journal.services import changes
from journal.services.scan import known, secrets, sources
from journal.services.transaction import write
from journal.store.models import MailContact, SeenMeeting
from tests.desktop.test_sync_worker import FakeTimers
from tests.services.scan.helpers import event, ics, message, person, write_maildir, write_mbox

SHOTS = "/tmp/work/shots"
DAY = dt.timedelta(days=1)


@pytest.fixture
def controller(db, qapp, clock):
    made = ScanController(clock=clock, timers=FakeTimers())
    made.start(delay=3600)
    yield made
    made.stop()


@pytest.fixture
def page(qtbot, context, controller):
    from journal.ui.scan.sources_page import SourcesPage

    made = SourcesPage(context, scan=controller.scan_now, controller=controller)
    qtbot.addWidget(made)
    made.resize(640, 560)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    yield made
    made.wait()


@pytest.fixture
def questions(monkeypatch):
    """QMessageBox.question answered from `answers` (Yes when empty); the texts asked are kept."""
    asked = []
    answers = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    question.asked, question.answers = asked, answers
    return question


@pytest.fixture
def chosen(monkeypatch):
    """The file dialogs answered with the path the test puts in `chosen.path` (never a native one)."""

    class Chosen:
        path = ""
        asked = []

    def open_file(parent, title, *args, **kwargs):
        Chosen.asked.append(title)
        return Chosen.path, ""

    def folder(parent, title, *args, **kwargs):
        Chosen.asked.append(title)
        return Chosen.path

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    return Chosen


@pytest.fixture
def heard():
    notices = []
    changes.subscribe(notices.append)
    yield notices
    changes.unsubscribe(notices.append)


@pytest.fixture
def mail(db, clock, tmp_path):
    """Dana e-mailed in an mbox, Omar met in a calendar file."""
    now = clock.now()
    dana = person("Dana Smith", "dana@example.org")
    omar = person("Omar Haddad", "omar@example.com")
    box = write_mbox(tmp_path / "Inbox", [message("Dana Smith <dana@example.org>", "me@example.com", now - 2 * DAY)])
    calendar = tmp_path / "work.ics"
    calendar.write_text(ics(event("coffee-1", now - DAY, attendees=("omar@example.com",))))
    return {"dana": dana, "omar": omar, "mbox": box, "calendar": calendar}


def rows(page):
    return [page.list.item(i).text().splitlines() for i in range(page.list.count())]


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def added_and_scanned(qtbot, page, controller, button):
    """Click an Add button and wait for the scan of what it added."""
    with qtbot.waitSignal(controller.scan_done, timeout=10000) as blocker:
        click(qtbot, button)
    return blocker.args[0]


def test_the_page_says_what_is_read_and_kept(page):
    text = page.findChild(type(page.message), "scanPrivacy").text()
    assert "Only the headers" in text and "never a subject or a body" in text
    assert "Only the addresses of people already in the journal, and the dates, are kept" in text
    assert "except the title and place of a meeting with someone in the journal" in text
    assert page.list.count() == 0 and "No sources yet" in page.details.text()
    assert not page.remove_button.isEnabled()


def test_a_calendar_file_and_a_mailbox_are_added_and_scanned_at_once(
    qtbot, page, controller, chosen, mail, heard, clock
):
    chosen.path = str(mail["calendar"])
    report = added_and_scanned(qtbot, page, controller, page.add_calendar_button)
    assert chosen.asked == ["Add calendar file"]
    [source] = sources.list_sources()
    assert source.kind == "calendar" and source.location == str(mail["calendar"].resolve())
    assert [r.source_id for r in report.results] == [source.id] and report.people == {mail["omar"]}
    assert rows(page) == [[page.list.item(0).text().splitlines()[0], "Last scan today 09:30 · found 1 meeting"]]
    assert page.list.item(0).toolTip().splitlines()[0] == f"Calendar file: {source.location}"  # in full
    assert rows(page)[0][0].startswith("Calendar file: /") and rows(page)[0][0].endswith("/work.ics")
    assert heard and all(n.scanned for n in heard)

    chosen.path = str(mail["mbox"])
    added_and_scanned(qtbot, page, controller, page.add_mbox_button)
    assert rows(page)[1][1] == "Last scan today 09:30 · found 1 person"
    assert page.list.item(1).toolTip().splitlines()[0] == f"Mbox file: {mail['mbox'].resolve()}"
    assert page.current_source().kind == "mbox"  # the one just added
    assert MailContact.select().count() == 1 and SeenMeeting.select().count() == 1


def test_a_maildir_folder_is_added_and_a_folder_that_is_none_refused(
    qtbot, page, controller, chosen, mail, tmp_path, clock
):
    (tmp_path / "Photos").mkdir()
    chosen.path = str(tmp_path / "Photos")
    click(qtbot, page.add_maildir_button)
    assert page.message.text() == f"{tmp_path / 'Photos'} is not a Maildir folder: it has no cur or new folder."
    assert sources.list_sources() == []
    folder = write_maildir(tmp_path / "Mail", [message("dana@example.org", "me@example.com", clock.now() - DAY)])
    chosen.path = str(folder)
    report = added_and_scanned(qtbot, page, controller, page.add_maildir_button)
    assert report.people == {mail["dana"]}
    assert [s.kind for s in sources.list_sources()] == ["maildir"]


def test_space_turns_the_current_source_off_and_on(qtbot, page, controller, chosen, mail, heard):
    chosen.path = str(mail["calendar"])
    added_and_scanned(qtbot, page, controller, page.add_calendar_button)
    [source] = sources.list_sources()
    page.list.setFocus()
    heard.clear()
    qtbot.keyClick(page.list, Qt.Key.Key_Space)
    assert sources.get_source(source.id).enabled is False
    assert page.list.item(0).checkState() == Qt.CheckState.Unchecked
    assert rows(page)[0][1].startswith("Turned off · Last scan today 09:30")
    assert "is turned off: it is not read until you turn it on." in page.message.text()
    assert heard and heard[-1].scanned
    # A scan of everything turned on now leaves it out.
    with qtbot.waitSignal(controller.scan_done, timeout=10000) as blocker:
        click(qtbot, page.scan_button)
    assert blocker.args[0].results == ()
    # On again: read at once.
    with qtbot.waitSignal(controller.scan_done, timeout=10000) as blocker:
        qtbot.keyClick(page.list, Qt.Key.Key_Space)
    assert [r.source_id for r in blocker.args[0].results] == [source.id]
    assert sources.get_source(source.id).enabled is True


def test_remove_asks_then_forgets_what_the_source_found(qtbot, page, controller, chosen, mail, questions):
    chosen.path = str(mail["calendar"])
    added_and_scanned(qtbot, page, controller, page.add_calendar_button)
    questions.answers.append(QMessageBox.StandardButton.No)
    click(qtbot, page.remove_button)
    assert "Stop reading Calendar file:" in questions.asked[-1]
    assert len(sources.list_sources()) == 1 and SeenMeeting.select().count() == 1
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)  # the same, from the list
    assert len(questions.asked) == 2
    assert sources.list_sources() == [] and SeenMeeting.select().count() == 0
    assert page.list.count() == 0 and page.message.text().startswith("Removed Calendar file:")


def test_forget_asks_then_forgets_everything_scanned(qtbot, page, controller, chosen, mail, questions, heard):
    chosen.path = str(mail["calendar"])
    added_and_scanned(qtbot, page, controller, page.add_calendar_button)
    chosen.path = str(mail["mbox"])
    added_and_scanned(qtbot, page, controller, page.add_mbox_button)
    assert MailContact.select().count() == 1 and SeenMeeting.select().count() == 1

    questions.answers.append(QMessageBox.StandardButton.No)
    page.forget_button.setFocus()
    qtbot.keyClick(page.forget_button, Qt.Key.Key_Space)
    assert "Forget everything the scans found" in questions.asked[-1]
    assert MailContact.select().count() == 1  # No: nothing forgotten

    heard.clear()
    qtbot.keyClick(page.forget_button, Qt.Key.Key_Space)
    assert MailContact.select().count() == 0 and SeenMeeting.select().count() == 0
    assert [n.person_ids for n in heard] == [frozenset({mail["dana"], mail["omar"]})] and heard[0].scanned
    assert page.message.text() == "Forgot what was scanned."
    assert all(row[1] == "Not scanned yet" for row in rows(page))  # the next scan reads everything again
    assert len(sources.list_sources()) == 2  # the sources stay


def test_the_tab_order_runs_down_the_page(qtbot, page):
    page.own.setFocus()
    seen = [page.focusWidget()]
    for _ in range(8):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        seen.append(page.focusWidget())
    assert seen == [page.own, page.list, page.add_calendar_button, page.add_mbox_button, page.add_maildir_button,
                    page.add_imap_button, page.scan_button, page.forget_button, page.own]  # Remove: nothing to remove


# --- in the Preferences dialog -----------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, context, controller, tmp_path):
    from journal.desktop.autostart import Autostart
    from journal.desktop.preferences import Preferences
    from journal.ui.dialogs.preferences import PreferencesDialog
    from journal.ui.scan.sources_page import SourcesPage

    page = SourcesPage(context, scan=controller.scan_now, controller=controller)
    made = PreferencesDialog(Preferences(context.settings), autostart=Autostart("linux", config_home=tmp_path / "cfg"),
                             pages=(("Ma&il && calendars", page),))
    made.sources = page
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def test_own_addresses_are_kept_on_ok_and_refused_when_one_is_not_an_address(qtbot, dialog, db):
    page = dialog.sources
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # the tab's mnemonic
    assert dialog.tabs.currentWidget() is page
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Addresses
    assert page.focusWidget() is page.own
    qtbot.keyClicks(page.own, "Me@Example.com; dana at home")
    qtbot.keyClick(page.own, Qt.Key.Key_Return)  # the dialog's OK
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert page.own_error.isVisible() and page.own_error.text() == "'dana' is not an e-mail address."
    assert known.own_addresses() == [] and page.focusWidget() is page.own

    page.own.selectAll()
    qtbot.keyClicks(page.own, "Me@Example.com, me@work.example.org")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(page.own, Qt.Key.Key_Return)
    assert known.own_addresses() == ["me@example.com", "me@work.example.org"]


def test_the_dialog_shows_the_addresses_kept_and_cancel_keeps_them(qtbot, context, controller, tmp_path):
    with write():
        known.set_own_addresses(["me@example.com"])
    from journal.desktop.preferences import Preferences
    from journal.ui.dialogs.preferences import PreferencesDialog
    from journal.ui.scan.sources_page import SourcesPage

    page = SourcesPage(context, scan=controller.scan_now, controller=controller)
    dialog = PreferencesDialog(Preferences(context.settings), pages=(("Ma&il && calendars", page),))
    qtbot.addWidget(dialog)
    dialog.show()
    assert page.own.text() == "me@example.com"
    page.own.setText("other@example.com")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert known.own_addresses() == ["me@example.com"]


def test_the_tab_with_a_few_sources_looks_right(qtbot, dialog, controller, tmp_path, mail):
    """The screenshot the README and reviews look at; also that nothing is cut off."""
    page = dialog.sources
    with write():
        known.set_own_addresses(["me@example.com"])
        calendar = sources.add_source("calendar", str(mail["calendar"]))
        box = sources.add_source("mbox", str(mail["mbox"]))
        sources.add_source("imap", sources.imap_location("mail.example.com", "dana"), folders=("INBOX", "Sent"))
        off = sources.add_source("maildir", str(tmp_path / "Mail" / "Archive" / "2024" / "with a long name"))
        sources.set_enabled(off.id, False)
    for source_id in (calendar.id, box.id):
        with qtbot.waitSignal(controller.scan_done, timeout=10000):
            controller.scan_now(source_id)
    with qtbot.waitSignal(controller.scan_done, timeout=10000):
        controller.scan_now()  # the IMAP account fails: no password kept
    dialog.tabs.setCurrentWidget(page)
    page.own.setText(", ".join(known.own_addresses()))
    QApplication.processEvents()
    texts = rows(page)
    assert len(texts) == 4
    imap_row = next(r for r in texts if r[0].startswith("IMAP account"))
    assert imap_row[2].startswith("Error: No password is stored for dana at mail.example.com")
    for widget in (page.add_calendar_button, page.add_imap_button, page.forget_button, page.scan_button):
        assert widget.width() >= widget.sizeHint().width()
    assert page.list.viewport().width() > 400
    dialog.grab().save(f"{SHOTS}/preferences_mail_calendars.png")


# --- IMAP, against a real Dovecot (the `dovecot` fixture, tests/conftest.py) -------------------


def fill(server, clock):
    from tests.scan.dovecot import own_maildir

    box = mailbox.Maildir(server.maildir)
    box.add(message("Dana Smith <dana@example.org>", "me@example.com", clock.now() - DAY))
    own_maildir(server)


def open_imap(qtbot, page):
    click(qtbot, page.add_imap_button)
    qtbot.waitUntil(lambda: page.imap_dialog is not None and page.imap_dialog.isVisible())
    dialog = page.imap_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_imap(qtbot, dialog, server, user, password, folders=None, ca_file=""):
    assert dialog.focusWidget() is dialog.server
    qtbot.keyClicks(dialog.server, server)
    for widget, text in ((dialog.user, user), (dialog.password, password)):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is widget
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.folders and dialog.folders.text() == "INBOX"
    if folders is not None:
        dialog.folders.selectAll()
        qtbot.keyClicks(dialog.folders, folders)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ca_file
    qtbot.keyClicks(dialog.ca_file, ca_file)


def test_an_imap_account_is_checked_before_its_password_is_kept(
    qtbot, page, controller, dovecot, memory_keyring, clock, db, questions
):
    dana = person("Dana Smith", "dana@example.org")
    fill(dovecot, clock)
    server = f"127.0.0.1:{dovecot.port}"

    # A wrong password: one line in the dialog, nothing kept.
    dialog = open_imap(qtbot, page)
    type_imap(qtbot, dialog, server, dovecot.user, "wrong", ca_file=str(dovecot.ca_file))
    qtbot.keyClick(dialog.ca_file, Qt.Key.Key_Return)  # Add account
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert dialog.isVisible() and dialog.message.text() == "127.0.0.1 refused the user name or password."
    assert sources.list_sources() == [] and memory_keyring.passwords == {}
    # A folder that is not there: named, nothing kept.
    dialog.password.setText(dovecot.password)
    dialog.folders.setText("INBOX, Archive")
    qtbot.keyClick(dialog.ca_file, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert dialog.message.text().startswith("127.0.0.1 has no folder “Archive” (it has INBOX")
    assert sources.list_sources() == [] and memory_keyring.passwords == {}

    dialog.folders.setText("INBOX")
    with qtbot.waitSignal(controller.scan_done, timeout=15000) as blocker:
        qtbot.keyClick(dialog.ca_file, Qt.Key.Key_Return)
    assert page.imap_dialog is None and page.focusWidget() is page.add_imap_button  # closed, and gone
    [source] = sources.list_sources()
    assert (source.kind, source.location, source.folders) == ("imap", f"{dovecot.user}@{server}", ("INBOX",))
    assert source.ca_file == str(dovecot.ca_file.resolve())
    assert memory_keyring.passwords == {(secrets.SERVICE, f"{dovecot.user}@{server}"): dovecot.password}
    assert blocker.args[0].failures == (), dovecot.log_tail()
    assert blocker.args[0].people == {dana}
    assert rows(page) == [[f"IMAP account: {dovecot.user}@{server} (INBOX)", "Last scan today 09:30 · found 1 person"]]

    # Removing it takes its password out of the keyring too.
    click(qtbot, page.remove_button)
    assert questions.asked and f"Stop reading IMAP account: {dovecot.user}@{server}" in questions.asked[-1]
    assert sources.list_sources() == [] and memory_keyring.passwords == {}


# --- the sync account's calendars, against a real Radicale --------------------------------------


@pytest.fixture
def radicale(tmp_path):
    from tests.sync.servers import ServerStartError, start_server

    try:
        server = start_server("radicale", tmp_path / "servers", "correct horse ±battery")
    except ServerStartError as exc:
        pytest.skip(f"radicale could not start here: {exc}")
    yield server
    server.stop()


def test_the_sync_accounts_calendars_are_added_and_read_with_its_password(
    qtbot, page, controller, radicale, memory_keyring, db, local_zone
):
    from journal.services.sync import account
    from journal.services.sync import secrets as sync_secrets
    from tests.scan.test_caldav_calendars import _calendar, _event, _mkcalendar, _put

    local_zone("UTC")
    dana = person("Dana Smith", "dana@example.org")
    assert not page.add_caldav_button.isEnabled()  # no sync account yet
    assert page.add_caldav_button.toolTip() == "Add a sync account in Preferences > Accounts first"
    work = _mkcalendar(radicale, "/dana/work/", "Work", ("VEVENT",))
    _put(radicale, f"{work}coffee.ics", _calendar(_event("coffee-1", "20260309T100000Z", "20260309T110000Z",
                                                         "Coffee with Dana", "dana@example.org")))
    info = account.add_account(radicale.url, radicale.user, radicale.password)
    sync_secrets.remember(info.url, info.user, radicale.password)
    page.refresh()
    assert page.add_caldav_button.isEnabled()

    done = []
    controller.scan_done.connect(done.append)
    click(qtbot, page.add_caldav_button)
    qtbot.waitUntil(lambda: not page.busy and bool(done), timeout=20000)
    caldav_sources = [s for s in sources.list_sources() if s.kind == "caldav"]
    assert [s.location.rstrip("/").rsplit("/", 1)[-1] for s in caldav_sources] == ["work"]
    assert page.message.text() == "1 meeting"  # what the scan of it found, once it ended
    assert done[0].people == {dana} and done[0].failures == ()
    row = next(r for r in rows(page) if r[0].startswith("Calendar on the sync server: "))
    assert row[1] == "Last scan today 09:30 · found 1 meeting"
    # Asked again: nothing new.
    click(qtbot, page.add_caldav_button)
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    assert page.message.text() == "Its calendars are in the list already."
