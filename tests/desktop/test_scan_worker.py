"""The scan controller: when scans run, on which thread, what they report, and where the change
notice is heard. Real mailboxes and calendars are scanned (tests/services/scan/helpers.py); time
never passes on its own: FakeTimers fires the controller's timers when the test says so."""

from __future__ import annotations

import datetime as dt
import mailbox
import threading

import pytest
from PySide6.QtCore import QObject, Signal

from journal.desktop.scan_worker import PERIOD_S, START_DELAY_S, ScanController, run_scan
from journal.services import changes
from journal.services.scan import secrets, sources
from journal.services.transaction import write
from journal.store.models import MailContact, MeetingPerson
from tests.desktop.test_sync_worker import FakeTimers
from tests.services.scan.helpers import event, ics, message, person, write_maildir, write_mbox

DAY = dt.timedelta(days=1)


@pytest.fixture
def timers():
    return FakeTimers()


@pytest.fixture
def make_controller(db, qapp, clock, timers):
    made = []

    def make(**kwargs):
        controller = ScanController(clock=clock, timers=timers, **kwargs)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.stop()


@pytest.fixture
def heard():
    """Every change notice, with the thread it was announced on."""
    notices = []

    def listener(notice):
        notices.append((threading.get_ident(), notice))

    changes.subscribe(listener)
    yield notices
    changes.unsubscribe(listener)


def add(kind, location, **kwargs):
    with write():
        return sources.add_source(kind, str(location), **kwargs)


def run_due(qtbot, controller, timers, seconds):
    """Let `seconds` pass and wait for the scan they start to end; its report."""
    with qtbot.waitSignal(controller.scan_done, timeout=10000) as blocker:
        timers.advance(seconds)
    return blocker.args[0]


@pytest.fixture
def journal_with_mail(db, clock, tmp_path):
    """Dana and Sam e-mailed (an mbox and a Maildir), Omar met in a calendar file."""
    now = clock.now()
    people = {
        "dana": person("Dana Smith", "dana@example.org"),
        "sam": person("Sam Lee", "sam@example.net"),
        "omar": person("Omar Haddad", "omar@example.com"),
    }
    box = write_mbox(tmp_path / "Inbox.mbox", [
        message("Dana Smith <dana@example.org>", "me@example.com", now - 3 * DAY),
        message("stranger@else.net", "me@example.com", now - 2 * DAY),
    ])
    folder = write_maildir(tmp_path / "Maildir", [message("me@example.com", "Sam <sam@example.net>", now - DAY)])
    calendar = tmp_path / "work.ics"
    calendar.write_text(ics(event("coffee-1", now - 2 * DAY, attendees=("omar@example.com", "me@example.com"),
                                  organizer="me@example.com")))
    return people, {"mbox": add("mbox", box), "maildir": add("maildir", folder), "calendar": add("calendar", calendar)}


def test_the_first_scan_runs_a_while_after_start_off_the_gui_thread_and_is_announced_on_it(
    qtbot, make_controller, timers, journal_with_mail, heard, clock
):
    people, added = journal_with_mail
    threads = []

    def scan(clock_, source_id, progress):
        threads.append(threading.get_ident())
        return run_scan(clock_, source_id, progress)

    controller = make_controller(scan_fn=scan)
    lines = []
    controller.progress.connect(lines.append)
    controller.start()
    assert timers.delay("scan") == START_DELAY_S
    timers.advance(START_DELAY_S - 1)
    assert controller.scans == 0
    report = run_due(qtbot, controller, timers, 1)

    assert threads and threads[0] != threading.get_ident()
    assert [r.error for r in report.results] == ["", "", ""]
    assert report.people == {people["dana"], people["sam"], people["omar"]}
    assert report.mail_people == 2 and report.meetings == 1 and report.finished_at == clock.now()
    assert {row.person_id for row in MailContact.select()} == {people["dana"], people["sam"]}
    assert [row.person_id for row in MeetingPerson.select()] == [people["omar"]]
    # Progress: short lines naming what is read, heard on the GUI thread.
    assert "Reading Inbox.mbox" in lines and "Reading work.ics" in lines and "Reading Maildir" in lines
    assert any(line.startswith("Keeping contact from ") for line in lines)
    # One notice, on the GUI thread, after the scan: the people it concerned, marked as scanned.
    [(thread, notice)] = heard
    assert thread == threading.get_ident()
    assert notice.scanned and notice.suggestions and notice.person_ids == report.people
    assert not controller.running and not controller.state.scanning and controller.state.last is report
    # Then every half hour.
    assert timers.delay("scan") == PERIOD_S
    again = run_due(qtbot, controller, timers, PERIOD_S)
    assert again.people == frozenset() and controller.scans == 2  # nothing new since


def test_a_failing_source_keeps_its_error_and_the_others_are_scanned(
    qtbot, make_controller, timers, journal_with_mail, tmp_path
):
    people, added = journal_with_mail
    missing = add("calendar", tmp_path / "gone.ics")
    imap = add("imap", sources.imap_location("mail.example.com", "dana"))  # no password kept anywhere
    controller = make_controller()
    controller.start(delay=0)
    report = run_due(qtbot, controller, timers, 0)
    failed = {r.source_id: r.error for r in report.failures}
    assert set(failed) == {missing.id, imap.id}
    assert "gone.ics cannot be read" in failed[missing.id]
    assert failed[imap.id].startswith("No password is stored for dana at mail.example.com")
    assert sources.get_source(missing.id).last_error == failed[missing.id]
    assert sources.get_source(imap.id).last_error == failed[imap.id]
    assert report.people == {people["dana"], people["sam"], people["omar"]}  # the others were read
    assert controller.state.failing and not controller.state.error
    # Once the file is there, the next scan reads it and the error goes.
    (tmp_path / "gone.ics").write_text(ics())
    report = run_due(qtbot, controller, timers, PERIOD_S)
    assert sources.get_source(missing.id).last_error == ""
    assert [r.source_id for r in report.failures] == [imap.id]


def test_a_turned_off_source_is_not_read_until_asked_for_by_itself(qtbot, make_controller, timers, journal_with_mail):
    people, added = journal_with_mail
    with write():
        sources.set_enabled(added["mbox"].id, False)
    controller = make_controller()
    controller.start(delay=0)
    report = run_due(qtbot, controller, timers, 0)
    assert {r.source_id for r in report.results} == {added["maildir"].id, added["calendar"].id}
    assert people["dana"] not in report.people
    with qtbot.waitSignal(controller.scan_done, timeout=10000) as blocker:
        assert controller.scan_now(added["mbox"].id)
    [result] = blocker.args[0].results
    assert result.source_id == added["mbox"].id and blocker.args[0].people == {people["dana"]}
    assert timers.delay("scan") == PERIOD_S  # one source read now does not move the next full scan


def test_never_two_scans_at_once_and_one_asked_for_meanwhile_follows(qtbot, make_controller, timers, journal_with_mail):
    people, added = journal_with_mail
    release = threading.Event()
    running = []
    overlap = []
    asked = []

    def scan(clock_, source_id, progress):
        running.append(source_id)
        overlap.append(len(running))
        asked.append(source_id)
        try:
            if len(asked) == 1:
                release.wait(5)
            return run_scan(clock_, source_id, progress)
        finally:
            running.pop()

    controller = make_controller(scan_fn=scan)
    controller.start(delay=0)
    timers.advance(0)
    assert controller.running and controller.state.scanning
    assert controller.scan_now() is False  # while one runs: this one waits
    assert controller.scan_now(added["mbox"].id) is False  # a whole scan follows already: it covers this
    timers.advance(PERIOD_S)  # the timer does not start another either
    done = []
    controller.scan_done.connect(done.append)
    release.set()
    qtbot.waitUntil(lambda: len(done) == 2 and not controller.running, timeout=10000)
    assert asked == [None, None] and max(overlap) == 1 and controller.scans == 2
    with qtbot.assertNotEmitted(controller.scan_done, wait=100):
        pass  # and nothing more


class FakeSync(QObject):
    """The sync controller as the scan sees it: `running`, and `state_changed`."""

    state_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.running = False


def test_a_scheduled_scan_lets_a_running_sync_round_end_first(qtbot, make_controller, timers, journal_with_mail):
    sync = FakeSync()
    controller = make_controller()
    controller.start(after=sync)
    sync.running = True
    timers.advance(START_DELAY_S)
    assert controller.scans == 0 and not controller.running
    sync.state_changed.emit("syncing")  # still running
    assert controller.scans == 0
    sync.running = False
    with qtbot.waitSignal(controller.scan_done, timeout=10000):
        sync.state_changed.emit("synced")
    assert controller.scans == 1
    sync.state_changed.emit("synced")  # no longer listened to
    assert controller.scans == 1 and timers.delay("scan") == PERIOD_S
    # Asked for by the user, a scan does not wait for the sync.
    sync.running = True
    with qtbot.waitSignal(controller.scan_done, timeout=10000):
        assert controller.scan_now()


def test_a_scan_that_cannot_run_at_all_is_a_state_not_a_crash(qtbot, make_controller, timers, db):
    def scan(clock_, source_id, progress):
        raise RuntimeError("disk on fire")

    controller = make_controller(scan_fn=scan)
    controller.start(delay=0)
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: not s.scanning, timeout=5000) as blocker:
        timers.advance(0)
    assert blocker.args[0].error == "Something went wrong: RuntimeError: disk on fire"
    assert timers.delay("scan") == PERIOD_S  # and the next one is still on


def test_a_source_removed_meanwhile_is_one_line(qtbot, make_controller, timers, db, tmp_path):
    source = add("calendar", tmp_path / "work.ics")
    with write():
        sources.remove_source(source.id)
    controller = make_controller()
    controller.start(delay=PERIOD_S)
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: not s.scanning, timeout=5000) as blocker:
        controller.scan_now(source.id)
    assert blocker.args[0].error == "This source is no longer in the journal."


# --- IMAP, against a real Dovecot (the `dovecot` fixture, tests/conftest.py) -------------------


def test_an_imap_account_is_scanned_with_the_password_from_the_keyring(
    qtbot, make_controller, timers, db, clock, dovecot, memory_keyring
):
    from tests.scan.dovecot import own_maildir

    dana = person("Dana Smith", "dana@example.org")
    box = mailbox.Maildir(dovecot.maildir)
    box.add(message("Dana Smith <dana@example.org>", "me@example.com", clock.now() - DAY))
    box.add(message("stranger@else.net", "me@example.com", clock.now() - DAY))
    own_maildir(dovecot)
    server = f"127.0.0.1:{dovecot.port}"
    secrets.remember(server, dovecot.user, dovecot.password)
    source = add("imap", sources.imap_location(server, dovecot.user), ca_file=str(dovecot.ca_file))
    controller = make_controller()
    lines = []
    controller.progress.connect(lines.append)
    controller.start(delay=0)
    report = run_due(qtbot, controller, timers, 0)
    assert [r.error for r in report.results] == [""], dovecot.log_tail()
    assert report.people == {dana} and report.mail_people == 1
    assert f"Reading INBOX on {server}" in lines
    assert sources.get_source(source.id).people == 1

    # A wrong password kept: one line, kept with the source.
    secrets.remember(server, dovecot.user, "wrong")
    report = run_due(qtbot, controller, timers, PERIOD_S)
    assert "refused the user name or password" in report.failures[0].error
    assert sources.get_source(source.id).last_error == report.failures[0].error
