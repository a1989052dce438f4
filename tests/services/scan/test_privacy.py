"""What a scan leaves on disk: after reading an mbox, a Maildir, an .ics and an IMAP folder, the
raw bytes of the journal, its -wal and -shm and every backup hold no address of anyone outside
the journal, no subject, no message id and nothing of a meeting with nobody in the journal;
"forget what was scanned" leaves no meeting title in the file either."""

from __future__ import annotations

import datetime as dt
import mailbox
from pathlib import Path

import pytest

from journal.services import operations
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.scan import known, runner, sources, suggestions
from journal.services.transaction import write
from journal.services.upkeep import maintenance
from journal.store import backups
from journal.store.db import close_journal, open_journal
from journal.store.models import ContactDetail, MailContact, MeetingPerson, Person, SeenMeeting, StageHint
from tests.conftest import TEST_NOW
from tests.services.scan.helpers import event, ics, message, write_maildir, write_mbox

DAY = dt.timedelta(days=1)
NOW = TEST_NOW  # the `clock` fixture's

DANA, SAM, ME = "dana.smith@example.org", "sam.lee@example.org", "me@example.com"

# What belongs to nobody in the journal, and what no scan may keep of anyone.
STRANGERS = ["zed.unknown@strangers.example", "ola@nordmann.example", "list@lists.example",
             "reception@dentist.example", "boss@bigcorp.example", "Zed Unknown", "Ola Nordmann", "Otto Imapson",
             "otto@imap-strangers.example", "cousin@family.example"]
SUBJECTS = ["Quarterly numbers Zq7", "Re: the Alpine trip Kx2", "Invoice 4471-W", "Your prescription Pq",
            "Lunch next week Mv3", "Imap subject Tr9", "Imap reply Yh4"]
MESSAGE_IDS = ["<mid-a17f@mail.strangers.example>", "<mid-b28e@mail.example.org>", "<mid-c39d@lists.example>",
               "<mid-d40c@dentist.example>", "<mid-e51b@example.com>", "<mid-f62a@imap.example>",
               "<mid-g739@imap.example>"]
NOBODYS_EVENTS = ["Therapy with Dr Vogel", "Vogel practice, room 3", "therapy-uid-91", "Cancelled brunch Bq",
                  "Declined pitch Dq", "Secret agenda Hq5"]
BODY = "The body, which is never read"
# What may be kept: the addresses of people in the journal, a meeting with one of them.
KEPT_TITLES = ["Coffee with Dana Rq", "Lunch with Sam Lq"]


def _messages(offset: int) -> list[str]:
    """Mail between the user, Dana, Sam and strangers (Dana's reply to the thread with Sam among it)."""
    at = NOW - dt.timedelta(days=offset)
    return [
        message(f"Dana Smith <{DANA}>", ME, at - 6 * DAY, cc="Zed Unknown <zed.unknown@strangers.example>",
                subject=SUBJECTS[0], message_id=MESSAGE_IDS[0]),
        message(ME, f"{SAM}, Ola Nordmann <ola@nordmann.example>", at - 5 * DAY, subject=SUBJECTS[1],
                message_id=MESSAGE_IDS[1]),
        message("list@lists.example", f"{ME}, {DANA}", at - 4 * DAY, subject=SUBJECTS[2], message_id=MESSAGE_IDS[2]),
        message("reception@dentist.example", ME, at - 3 * DAY, subject=SUBJECTS[3], message_id=MESSAGE_IDS[3]),
        message(DANA, f"{ME}, boss@bigcorp.example", at - 2 * DAY, cc=SAM, subject=SUBJECTS[4],
                message_id=MESSAGE_IDS[4]),
    ]


def _imap_messages() -> list[str]:
    return [
        message("Otto Imapson <otto@imap-strangers.example>", ME, NOW - 2 * DAY, subject=SUBJECTS[5],
                message_id=MESSAGE_IDS[5]),
        message(ME, f"{DANA}, cousin@family.example", NOW - DAY, subject=SUBJECTS[6], message_id=MESSAGE_IDS[6]),
    ]


def _calendar() -> str:
    return ics(
        event("coffee-uid-1", NOW - 2 * DAY, summary=KEPT_TITLES[0], location="Café Rosa",
              attendees=(ME, DANA, "zed.unknown@strangers.example"), extra=f"DESCRIPTION:{NOBODYS_EVENTS[5]}"),
        event("lunch-uid-2", NOW + 3 * DAY, summary=KEPT_TITLES[1], organizer=SAM, attendees=(ME,)),
        event("therapy-uid-91", NOW - DAY, summary=NOBODYS_EVENTS[0], location=NOBODYS_EVENTS[1],
              organizer="reception@dentist.example", attendees=(ME,)),
        event("brunch-uid-3", NOW - 3 * DAY, summary=NOBODYS_EVENTS[3], attendees=(DANA,), extra="STATUS:CANCELLED"),
        event("pitch-uid-4", NOW - 4 * DAY, summary=NOBODYS_EVENTS[4], attendees=(SAM,),
              extra=f"ATTENDEE;PARTSTAT=DECLINED:mailto:{ME}"),
    )


def _on_disk(journal: Path) -> dict[str, bytes]:
    """The raw bytes of the journal, its companions and every file in its backups folder."""
    found = {}
    for name in (journal, Path(f"{journal}-wal"), Path(f"{journal}-shm")):
        if name.exists():
            found[name.name] = name.read_bytes()
    folder = backups.backup_dir(journal)
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        found[f"backups/{path.name}"] = path.read_bytes()
    return found


def _holding(files: dict[str, bytes], needles: list[str]) -> list[tuple[str, str]]:
    """(file, needle) for each needle found in a file, case-insensitively (UTF-8, as SQLite keeps text)."""
    lowered = {name: data.lower() for name, data in files.items()}
    return [(name, needle) for needle in needles for name, data in lowered.items()
            if needle.lower().encode("utf-8") in data]


def _people() -> tuple[int, int]:
    result = log_conversation([PersonRef.named("Dana Smith")], when=NOW - 20 * DAY,
                              offers=[OfferDraft(PersonRef.named("Sam Lee"))])
    assert result.introduction_ids
    ids = tuple(Person.get(Person.name == name).id for name in ("Dana Smith", "Sam Lee"))
    for pid, address in zip(ids, (DANA, SAM), strict=True):
        ContactDetail.create(person=pid, kind="email", value=address, normalized=address)
    with write():
        known.set_own_addresses([ME])
    return ids


def _scan_files(tmp_path: Path, clock) -> None:
    (tmp_path / "mail").mkdir(exist_ok=True)
    box = write_mbox(tmp_path / "mail" / "Inbox", _messages(0))
    folder = write_maildir(tmp_path / "mail" / "Maildir", _messages(7))
    calendar = tmp_path / "calendar.ics"
    calendar.write_text(_calendar(), encoding="utf-8")
    for kind, path in (("mail", box), ("mail", folder), ("calendar", calendar)):
        runner.scan_path(kind, str(path), clock=clock)


def _scan_imap(server, clock) -> None:
    from tests.scan.dovecot import own_maildir

    box = mailbox.Maildir(server.maildir)
    for text in _imap_messages():
        box.add(text)
    own_maildir(server)
    with write():
        source = sources.add_source("imap", sources.imap_location(f"127.0.0.1:{server.port}", server.user),
                                    ca_file=str(server.ca_file))
    outcome, _changes = runner.scan_source(source.id, password=server.password, clock=clock)
    assert outcome.messages == 2 and outcome.exchanges == 1  # the mail to Dana; none from the stranger


@pytest.fixture
def journal(journal_path):
    database = open_journal(journal_path)
    # A build of SQLite whose default leaves deleted content in the file (Debian's zeroes it).
    database.execute_sql("PRAGMA secure_delete = 0")
    yield journal_path
    close_journal()


@pytest.mark.parametrize("imap", [False, True], ids=["files", "files and imap"])
def test_nothing_of_strangers_subjects_or_message_ids_is_kept_anywhere_on_disk(request, imap, journal, clock,
                                                                             tmp_path):
    server = request.getfixturevalue("dovecot") if imap else None  # skips where Dovecot cannot start
    dana, sam = _people()
    _scan_files(tmp_path, clock)
    if server is not None:
        _scan_imap(server, clock)
    # What was kept: contact with Dana and Sam, the meetings with them, Dana's reply on the thread.
    assert {row.person_id for row in MailContact.select()} == {dana, sam}
    assert sorted({row.summary for row in SeenMeeting.select()}) == KEPT_TITLES
    assert StageHint.select().count() >= 1
    titles = {s.summary for s in suggestions.suggestions(clock=clock) if s.kind == "meeting"}
    assert titles == {KEPT_TITLES[0]}

    # While the journal is open, the scans' writes are in its -wal.
    open_files = _on_disk(journal)
    assert _holding(open_files, STRANGERS + SUBJECTS + MESSAGE_IDS + NOBODYS_EVENTS + [BODY]) == []
    assert {name for name, _ in _holding(open_files, [KEPT_TITLES[0]])} >= {f"{journal.name}-wal"}

    # The automatic backup the next start takes (the first of the day), and one taken by hand.
    close_journal()
    database = maintenance.open_session(journal, clock=clock)
    assert database.backup_failure is None and backups.list_backups(journal, "daily")
    maintenance.backup_now(journal, clock=clock)
    assert backups.list_backups(journal, "manual")

    files = _on_disk(journal)
    assert {f"backups/{p.name}" for p in backups.list_backups(journal)} <= set(files)
    leaked = _holding(files, STRANGERS + SUBJECTS + MESSAGE_IDS + NOBODYS_EVENTS + [BODY])
    assert leaked == [], leaked
    # The search finds what is there: the people's addresses and the meetings with them, in the
    # journal (or its -wal) and in each backup.
    for needle in [DANA, SAM, *KEPT_TITLES]:
        where = {name for name, _ in _holding(files, [needle])}
        assert where & {journal.name, f"{journal.name}-wal"}, needle
        assert all(f"backups/{p.name}" in where for p in backups.list_backups(journal)), needle


def test_forgetting_what_was_scanned_leaves_no_meeting_in_the_file(journal, clock, tmp_path):
    dana, _sam = _people()
    # Enough meetings to fill many pages, scanned twice (a rescan rewrites them).
    many = tmp_path / "many.ics"
    many.write_text(ics(*(event(f"standup-{n}", NOW - dt.timedelta(hours=n + 1), minutes=15, attendees=(DANA,),
                                summary=f"Standup {n:03d} Wq", location=f"Room {n:03d} Wq") for n in range(400))))
    runner.scan_path("calendar", str(many), clock=clock)
    _scan_files(tmp_path, clock)
    runner.scan_path("calendar", str(many), clock=clock)
    offered = suggestions.suggestions(clock=clock)
    (dismissed,) = [s for s in offered if s.summary == KEPT_TITLES[0]]
    operations.run(suggestions.dismiss, dismissed.key, clock=clock, label="Dismiss")
    assert SeenMeeting.select().count() > 400

    with write():
        people = sources.forget()
    assert dana in people
    for model in (MailContact, SeenMeeting, MeetingPerson, StageHint):
        assert model.select().count() == 0, model
    assert suggestions.suggestions(clock=clock) == []
    assert all(s.last_scan_at is None and s.people == 0 and s.meetings == 0 for s in sources.list_sources())
    titles = [f"{what} {n:03d} Wq" for n in range(400) for what in ("Standup", "Room")] + [*KEPT_TITLES, "Café Rosa"]
    assert _holding(_on_disk(journal), titles)  # still in the -wal while the journal is open

    # The app closes the journal: SQLite copies its -wal into the file and deletes it.
    close_journal()
    files = _on_disk(journal)
    assert set(files) <= {journal.name}
    assert _holding(files, titles) == []
    assert _holding(files, [DANA]) != []  # the people's own addresses stay

    # What the user dismissed stays dismissed (its key is a hash of the event, not its title).
    database = open_journal(journal)
    runner.scan_path("calendar", str(tmp_path / "calendar.ics"), clock=clock)
    assert [s.summary for s in suggestions.suggestions(clock=clock)] == []  # dismissed for good
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def _meetings_file(path: Path, word: str, count: int) -> Path:
    path.write_text(ics(*(event(f"{word}-{n}", NOW - dt.timedelta(hours=n + 1), minutes=15, attendees=(DANA,),
                                summary=f"{word} meeting {n:03d}") for n in range(count))), encoding="utf-8")
    return path


def test_removing_one_source_leaves_nothing_of_its_meetings_and_all_of_the_others(journal, clock, tmp_path):
    _people()
    alpha, beta = tmp_path / "alpha.ics", tmp_path / "beta.ics"
    # Two sources whose meetings end up side by side in the same pages.
    for count in (100, 250):
        for word, path in (("Alpha", alpha), ("Beta", beta)):
            runner.scan_path("calendar", str(_meetings_file(path, word, count)), clock=clock)
    (source,) = [s for s in sources.list_sources() if s.location.endswith("alpha.ics")]
    with write():
        sources.remove_source(source.id)
    # With the journal still open, its -wal is copied into the file and emptied.
    assert sources.settle()
    assert {row.summary.split()[0] for row in SeenMeeting.select()} == {"Beta"}
    files = _on_disk(journal)
    assert len(files.get(f"{journal.name}-wal", b"")) == 0
    assert _holding(files, [f"Alpha meeting {n:03d}" for n in range(250)]) == []
    assert len(_holding(files, [f"Beta meeting {n:03d}" for n in range(250)])) == 250
    assert MeetingPerson.select().count() == SeenMeeting.select().count() == 250


def test_a_meeting_whose_people_left_the_journal_is_not_kept(journal, clock, tmp_path):
    from journal.clock import FixedClock
    from journal.services.people.records import delete_person

    dana, sam = _people()
    path = tmp_path / "calendar.ics"
    path.write_text(_calendar(), encoding="utf-8")
    runner.scan_path("calendar", str(path), clock=clock)
    assert sorted(row.summary for row in SeenMeeting.select()) == KEPT_TITLES
    operations.run(delete_person, dana, label="Delete")
    # Months later the coffee is far behind the part of the calendar read, and still goes.
    later = FixedClock(NOW + 200 * DAY)
    runner.scan_path("calendar", str(path), clock=later)
    assert [row.summary for row in SeenMeeting.select()] == [KEPT_TITLES[1]]
    assert sources.settle()
    assert _holding(_on_disk(journal), [KEPT_TITLES[0], "Café Rosa"]) == []
