"""`scan` and `suggestions` on the command line: mbox, Maildir and calendar files the tests write,
an IMAP account on a real Dovecot, and every refusal one line with nothing written."""

from __future__ import annotations

import datetime as dt
import json
import mailbox
import sqlite3
import subprocess
import sys

import pytest

from journal.services.scan.secrets import SERVICE
from tests.conftest import TEST_NOW
from tests.scan.dovecot import own_maildir
from tests.services.scan.helpers import event, ics, message, write_maildir, write_mbox

DAY = dt.timedelta(days=1)
SOURCE_KEYS = {"id", "kind", "location", "folders", "enabled", "last_scan_at", "last_error", "people", "meetings"}
OUTCOME_KEYS = {"messages", "exchanges", "meetings", "hints", "people", "skipped"}
SUGGESTION_KEYS = {"id", "kind", "title", "date", "people"}


@pytest.fixture(autouse=True)
def _utc(local_zone):
    local_zone("UTC")  # the times a scan keeps are local: make them read as written


@pytest.fixture
def journal_people(cli, journal_path):
    """Dana and Sam in the journal with their addresses; Omar with none."""
    from journal.services.people import records
    from journal.store.db import close_journal, open_journal

    assert cli("log", "--with", "Omar Haddad", "--date", "2026-02-01").code == 0
    open_journal(journal_path)
    dana = records.create_person("Dana Smith").id
    records.add_detail(dana, "email", "Dana@Example.org")
    sam = records.create_person("Sam Lee").id
    records.add_detail(sam, "email", "sam@example.org")
    close_journal()
    return dana, sam


def people_json(cli) -> dict[str, dict]:
    result = cli("people", "--json")
    assert result.code == 0, result
    return {p["name"]: p for p in json.loads(result.out)}


def table(path, sql):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def typed_password(monkeypatch, text):
    """Standard input is a terminal and the user types `text` at the prompt."""
    prompts = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or text)
    return prompts


def no_terminal(monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)


# --- mail files -------------------------------------------------------------------------------


def test_an_mbox_is_contact_and_people_json_reports_it(cli, journal_people, tmp_path, journal_path):
    box = write_mbox(tmp_path / "Inbox", [
        message("Dana Smith <dana@example.org>", "me@example.com", TEST_NOW - 3 * DAY),
        message("me@example.com", "DANA@example.org", TEST_NOW - 2 * DAY, subject="Secret plans"),
        message("stranger@else.net", "me@example.com", TEST_NOW - DAY),
    ])
    result = cli("scan", "mail", str(box), "--me", "me@example.com")
    assert result.code == 0 and result.err == "", result
    assert result.out == "Read 3 messages: e-mail with 1 person in the journal.\n"

    listed = people_json(cli)
    dana = listed["Dana Smith"]
    assert dana["last_emailed"] == (TEST_NOW - 2 * DAY).isoformat(timespec="seconds")
    assert dana["last_contact"] == (TEST_NOW - 2 * DAY).date().isoformat()  # e-mail counts as contact
    assert listed["Sam Lee"]["last_emailed"] is None and listed["Sam Lee"]["last_contact"] is None
    assert listed["Omar Haddad"] == {**listed["Omar Haddad"], "last_contact": "2026-02-01", "last_emailed": None}
    assert set(dana) == {"id", "name", "organisation", "role", "emails", "phones", "tags", "last_contact",
                         "last_emailed", "next_keep_in_touch", "jobs", "dates"}
    raw = journal_path.read_bytes()
    assert b"stranger@else.net" not in raw and b"Secret plans" not in raw

    again = cli("scan", "mail", str(box), "--json")  # nothing new
    assert again.code == 0, again
    report = json.loads(again.out)
    assert set(report) == {"source"} | OUTCOME_KEYS
    assert {k: report[k] for k in OUTCOME_KEYS} == {"messages": 0, "exchanges": 0, "meetings": 0, "hints": 0,
                                                     "people": 0, "skipped": []}
    assert set(report["source"]) == SOURCE_KEYS
    assert report["source"] | {"last_scan_at": None} == {
        "id": 1, "kind": "mbox", "location": str(box.resolve()), "folders": [], "enabled": True,
        "last_scan_at": None, "last_error": "", "people": 1, "meetings": 0,
    }
    assert report["source"]["last_scan_at"] == TEST_NOW.isoformat(sep=" ")
    assert table(journal_path, "SELECT value FROM scan_setting") == [('["me@example.com"]',)]


def test_me_addresses_add_to_those_kept(cli, journal_people, tmp_path, journal_path):
    box = write_mbox(tmp_path / "mbox", [message("dana@example.org", "me@example.com", TEST_NOW - DAY)])
    assert cli("scan", "mail", str(box), "--me", "me@example.com").code == 0
    assert cli("scan", "mail", str(box), "--me", "Me@Work.example", "--me", "me@example.com").code == 0
    (kept,) = table(journal_path, "SELECT value FROM scan_setting WHERE key = 'own_addresses'")
    assert json.loads(kept[0]) == ["me@example.com", "me@work.example"]


def test_a_maildir_reads_its_subfolders_when_asked(cli, journal_people, tmp_path):
    root = tmp_path / "Mail"
    write_maildir(root, [message("dana@example.org", "me@example.com", TEST_NOW - 5 * DAY)])
    write_maildir(root / ".Sent", [message("me@example.com", "sam@example.org", TEST_NOW - 4 * DAY)])
    write_maildir(root / ".Archive", [message("me@example.com", "dana@example.org", TEST_NOW - DAY)])

    top = cli("scan", "mail", str(root), "--me", "me@example.com", "--json")
    assert top.code == 0, top
    assert json.loads(top.out)["messages"] == 1 and json.loads(top.out)["source"]["kind"] == "maildir"
    sent = cli("scan", "mail", str(root), "--folder", "INBOX", "--folder", "Sent")
    assert sent.code == 0, sent
    # The top is read again (its folders changed); only Sam's contact is new.
    assert sent.out == "Read 2 messages: e-mail with 1 person in the journal.\n"
    assert people_json(cli)["Sam Lee"]["last_emailed"] == (TEST_NOW - 4 * DAY).isoformat(timespec="seconds")
    every = cli("scan", "mail", str(root), "--folder", "all", "--json")
    assert every.code == 0, every
    report = json.loads(every.out)
    assert report["source"]["folders"] == ["all"] and report["messages"] == 3
    assert people_json(cli)["Dana Smith"]["last_emailed"] == (TEST_NOW - DAY).isoformat(timespec="seconds")


def test_bad_mail_paths_are_one_line_and_nothing_is_written(cli, journal_people, tmp_path, refused, rows):
    (tmp_path / "Mail").mkdir()
    (tmp_path / "Mail" / "notes.txt").write_text("not mail")
    write_maildir(tmp_path / "Real", [message("dana@example.org", "me@example.com", TEST_NOW - DAY)])
    box = write_mbox(tmp_path / "mbox", [message("dana@example.org", "me@example.com", TEST_NOW - DAY)])
    before = rows()
    cases = {
        ("scan", "mail", str(tmp_path / "missing")): f"{tmp_path / 'missing'} does not exist.",
        ("scan", "mail", str(tmp_path / "Mail"), "--me", "me@example.com"):
            f"{tmp_path / 'Mail'} is not a Maildir folder: it has no cur/ or new/ folder.",
        ("scan", "mail", str(tmp_path / "Real"), "--folder", "Sent"):
            f"{tmp_path / 'Real'} has no Maildir folder 'Sent' (no .Sent/cur or /new).",
        ("scan", "mail", str(tmp_path / "Real"), "--me", "not an address"): "--me 'not an address' is not an e-mail address.",
    }
    for argv, message_text in cases.items():
        result = cli(*argv)
        refused(result)
        assert (result.code, result.err) == (1, f"contact-journal: {message_text}\n"), argv
        assert rows() == before, argv
    folder_on_a_file = cli("scan", "mail", str(box), "--folder", "Sent")
    refused(folder_on_a_file)
    assert folder_on_a_file.code == 2 and "--folder is for Maildir folders" in folder_on_a_file.err
    assert rows() == before


# --- calendars and suggestions ----------------------------------------------------------------


@pytest.fixture
def calendar(tmp_path):
    path = tmp_path / "work.ics"
    path.write_text(ics(
        event("coffee-1", TEST_NOW - 2 * DAY, attendees=("me@example.com", "dana@example.org"), location="Café Rosa"),
        event("dentist", TEST_NOW - DAY, summary="Dentist"),
        event("lunch", TEST_NOW + 2 * DAY, summary="Lunch", organizer="sam@example.org"),
    ))
    return path


def test_a_calendar_gives_meetings_and_a_suggestion_that_can_be_dismissed(cli, journal_people, calendar, rows,
                                                                         journal_path, monkeypatch):
    result = cli("scan", "calendar", str(calendar), "--me", "me@example.com")
    assert result.code == 0, result
    assert result.out == "Read work.ics: 2 meetings with people in the journal.\n"
    assert b"Dentist" not in journal_path.read_bytes()

    listed = cli("suggestions", "--json")
    assert listed.code == 0, listed
    (suggestion,) = json.loads(listed.out)
    assert set(suggestion) == SUGGESTION_KEYS
    assert suggestion["kind"] == "meeting" and suggestion["people"] == ["Dana Smith"]
    assert suggestion["date"] == (TEST_NOW - 2 * DAY).date().isoformat()
    assert suggestion["title"] == "You met Dana Smith on Mon 9 Mar (Coffee chat) — log it?"
    plain = cli("suggestions")
    assert plain.out == f"{suggestion['id']}  2026-03-09  {suggestion['title']}\n"

    # Dismissing is an operation: it can be undone like any other.
    from journal.services import operations

    steps = []
    run = operations.run
    monkeypatch.setattr(operations, "run", lambda *a, **k: steps.append(run(*a, **k)) or steps[-1])
    dismissed = cli("suggestions", "dismiss", suggestion["id"])
    assert dismissed.code == 0, dismissed
    assert dismissed.out == f"Dismissed {suggestion['id']}: {suggestion['title']}\n"
    assert cli("suggestions", "--json").out == "[]\n"
    assert cli("suggestions").out == "No suggestions: nothing scanned asks to be logged.\n"
    (step,) = [s.step for s in steps]
    assert step is not None and step.label == "Dismiss suggestion" and step.changeset
    from journal.store.db import close_journal, open_journal

    open_journal(journal_path)
    try:
        history = operations.History()
        history.push(step)
        _undone, changes = history.undo()
        assert changes.scanned
    finally:
        close_journal()
    assert json.loads(cli("suggestions", "--json").out) == [suggestion]


def test_bad_calendars_and_suggestion_ids_are_one_line_and_nothing_is_written(cli, journal_people, calendar,
                                                                              tmp_path, refused, rows):
    assert cli("scan", "calendar", str(calendar)).code == 0
    before = rows()
    missing = cli("scan", "calendar", str(tmp_path / "nothere.ics"), "--me", "me@example.com")
    refused(missing)
    assert (missing.code, missing.err) == (1, f"contact-journal: {tmp_path / 'nothere.ics'} is not a file.\n")
    folder = cli("scan", "calendar", str(tmp_path))
    refused(folder)
    assert folder.code == 1
    for key in ("meeting:0000", "nonsense", "stage:1:introduced"):
        unknown = cli("suggestions", "dismiss", key)
        refused(unknown)
        assert unknown.code == 1
        assert unknown.err == (
            f"contact-journal: There is no open suggestion {key!r}; it may have been dismissed or logged.\n"
        )
    assert rows() == before


# --- sources ----------------------------------------------------------------------------------


def test_sources_are_listed_turned_off_and_on_forgotten_and_removed(cli, journal_people, calendar, tmp_path):
    box = write_mbox(tmp_path / "mbox", [message("dana@example.org", "me@example.com", TEST_NOW - DAY)])
    assert cli("scan", "list").out.startswith("Nothing is scanned yet.")
    assert cli("scan", "list", "--json").out == "[]\n"
    assert cli("scan", "calendar", str(calendar)).code == 0
    assert cli("scan", "mail", str(box)).code == 0
    listed = json.loads(cli("scan", "list", "--json").out)
    assert [(s["id"], s["kind"], s["enabled"], s["people"], s["meetings"]) for s in listed] == [
        (1, "calendar", True, 0, 2), (2, "mbox", True, 1, 0),
    ]
    assert all(set(s) == SOURCE_KEYS for s in listed)
    plain = cli("scan", "list").out.splitlines()
    assert plain[0] == f"   1  on   calendar file {calendar.resolve()}  0 people, 2 meetings  last scan 2026-03-11 09:30"
    assert plain[1] == f"   2  on   mbox file {box.resolve()}  1 person, 0 meetings  last scan 2026-03-11 09:30"

    off = cli("scan", "off", "2")
    assert off.code == 0 and off.out.startswith(f"Turned off mbox file {box.resolve()}; what it gave is kept"), off
    write_mbox(box, [message("dana@example.org", "me@example.com", TEST_NOW - DAY / 2)])
    rescan = cli("scan", "rescan", "--json")
    assert rescan.code == 0, rescan
    (only,) = json.loads(rescan.out)
    assert only["source"]["id"] == 1 and only["error"] is None and only["meetings"] == 2
    assert set(only) == {"source", "error"} | OUTCOME_KEYS
    assert people_json(cli)["Dana Smith"]["last_emailed"] == (TEST_NOW - DAY).isoformat(timespec="seconds")
    assert cli("scan", "on", "2").out.startswith(f"Turned on mbox file {box.resolve()}")
    rescan = cli("scan", "rescan")
    assert rescan.code == 0, rescan
    assert rescan.out.splitlines() == [
        f"calendar file {calendar.resolve()}: Read work.ics: 2 meetings with people in the journal.",
        f"mbox file {box.resolve()}: Read 1 message: e-mail with 1 person in the journal.",
    ]

    forgot = cli("scan", "forget", "2")
    assert forgot.out == (f"Forgot what was scanned from mbox file {box.resolve()} (1 person concerned); "
                          "what you dismissed stays dismissed.\n")
    assert people_json(cli)["Dana Smith"]["last_emailed"] is None
    assert len(json.loads(cli("suggestions", "--json").out)) == 1
    everything = cli("scan", "forget")
    assert everything.code == 0 and everything.out.startswith("Forgot what was scanned from every source (2 people")  # the meetings
    assert json.loads(cli("suggestions", "--json").out) == []
    assert [s["meetings"] for s in json.loads(cli("scan", "list", "--json").out)] == [0, 0]

    removed = cli("scan", "remove", "1")
    assert removed.out == f"Removed calendar file {calendar.resolve()} and what was scanned from it.\n"
    assert [s["id"] for s in json.loads(cli("scan", "list", "--json").out)] == [2]


def test_an_unknown_source_is_one_line(cli, journal_people, refused, rows):
    before = rows()
    for argv in (("scan", "off", "7"), ("scan", "on", "7"), ("scan", "forget", "7"), ("scan", "remove", "7")):
        result = cli(*argv)
        refused(result)
        assert (result.code, result.err) == (1, "contact-journal: There is no source 7; `contact-journal scan list` shows them.\n")
    bad = cli("scan", "off", "two")
    refused(bad)
    assert bad.code == 2
    assert rows() == before


def test_a_rescan_goes_on_past_a_source_that_fails(cli, journal_people, tmp_path):
    gone = write_mbox(tmp_path / "gone", [message("sam@example.org", "me@example.com", TEST_NOW - DAY)])
    box = write_mbox(tmp_path / "mbox", [message("dana@example.org", "me@example.com", TEST_NOW - DAY)])
    assert cli("scan", "mail", str(gone)).code == 0 and cli("scan", "mail", str(box)).code == 0
    gone.unlink()
    write_mbox(box, [message("dana@example.org", "me@example.com", TEST_NOW - DAY / 2)])
    result = cli("scan", "rescan")
    assert result.code == 1
    assert result.out == f"mbox file {box.resolve()}: Read 1 message: e-mail with 1 person in the journal.\n"
    assert result.err.startswith(f"contact-journal: mbox file {gone.resolve()}: {gone.resolve()} cannot be read")
    assert result.err.count("\n") == 1
    (failed,) = [s for s in json.loads(cli("scan", "list", "--json").out) if s["last_error"]]
    assert failed["location"] == str(gone.resolve())
    report = json.loads(cli("scan", "rescan", "--json").out)
    assert [(r["source"]["id"], r["messages"], bool(r["error"])) for r in report] == [(1, None, True), (2, 0, False)]


# --- IMAP -------------------------------------------------------------------------------------


def _fill(server, *messages: str) -> None:
    box = mailbox.Maildir(server.maildir)
    for text in messages:
        box.add(text)
    own_maildir(server)


def _imap(server, *extra: str) -> tuple[str, ...]:
    return ("scan", "imap", "--server", f"127.0.0.1:{server.port}", "--user", server.user,
            "--ca-file", str(server.ca_file), *extra)


def test_imap_with_the_password_from_the_environment(cli, journal_people, dovecot, monkeypatch, memory_keyring,
                                                     journal_path):
    _fill(dovecot, message("Dana Smith <dana@example.org>", "me@example.com", TEST_NOW - 2 * DAY, subject="Private"),
          message("me@example.com", "sam@example.org", TEST_NOW - DAY),
          message("stranger@else.net", "me@example.com", TEST_NOW - DAY))
    monkeypatch.setenv("CONTACT_JOURNAL_IMAP_PASSWORD", dovecot.password)
    result = cli(*_imap(dovecot, "--me", "me@example.com", "--json"))
    assert result.code == 0, result
    report = json.loads(result.out)
    assert (report["messages"], report["exchanges"], report["people"]) == (3, 2, 2)
    assert report["source"]["kind"] == "imap" and report["source"]["location"] == f"dana@127.0.0.1:{dovecot.port}"
    assert report["source"]["folders"] == []
    assert memory_keyring.passwords == {}
    raw = journal_path.read_bytes()
    assert dovecot.password.encode() not in raw and b"stranger@else.net" not in raw and b"Private" not in raw
    # Nothing was marked read.
    assert all("S" not in m.get_flags() for m in mailbox.Maildir(dovecot.maildir).values())

    _fill(dovecot, message("dana@example.org", "me@example.com", TEST_NOW - DAY / 4))
    again = cli("scan", "rescan")
    assert again.code == 0, again
    assert again.out == (f"IMAP account dana@127.0.0.1:{dovecot.port}: "
                         "Read 1 message: e-mail with 1 person in the journal.\n")


def test_a_typed_password_is_kept_with_remember_and_rescan_uses_it(cli, journal_people, dovecot, monkeypatch,
                                                                   memory_keyring):
    _fill(dovecot, message("dana@example.org", "me@example.com", TEST_NOW - DAY))
    prompts = typed_password(monkeypatch, dovecot.password)
    result = cli(*_imap(dovecot, "--folder", "INBOX", "--remember"))
    assert result.code == 0, result
    assert result.out == "Read 1 message: e-mail with 1 person in the journal.\nThe password is in the keyring.\n"
    assert prompts == [f"IMAP password for dana at 127.0.0.1:{dovecot.port}: "]
    assert memory_keyring.passwords == {(SERVICE, f"dana@127.0.0.1:{dovecot.port}"): dovecot.password}

    no_terminal(monkeypatch)
    assert cli(*_imap(dovecot)).code == 0  # from the keyring, nothing asked
    assert len(prompts) == 1
    rescan = cli("scan", "rescan", "--json")
    assert rescan.code == 0 and json.loads(rescan.out)[0]["error"] is None, rescan

    # Removing the source takes its password out of the keyring too.
    assert cli("scan", "remove", "1").code == 0
    assert memory_keyring.passwords == {}


def test_a_typed_password_without_remember_is_not_kept(cli, journal_people, dovecot, monkeypatch, memory_keyring):
    _fill(dovecot, message("dana@example.org", "me@example.com", TEST_NOW - DAY))
    typed_password(monkeypatch, dovecot.password)
    result = cli(*_imap(dovecot))
    assert result.code == 0 and result.out == "Read 1 message: e-mail with 1 person in the journal.\n", result
    assert memory_keyring.passwords == {}
    no_terminal(monkeypatch)
    rescan = cli("scan", "rescan")
    assert rescan.code == 1
    assert rescan.err == (
        f"contact-journal: IMAP account dana@127.0.0.1:{dovecot.port}: No password is stored for dana at "
        f"127.0.0.1:{dovecot.port}: add it again in Preferences > Mail & calendars or with scan imap --remember, "
        "or set CONTACT_JOURNAL_IMAP_PASSWORD.\n"
    )


def test_imap_refusals_are_one_line_and_nothing_is_written(cli, journal_people, dovecot, monkeypatch, refused,
                                                           rows, memory_keyring, tmp_path):
    _fill(dovecot, message("dana@example.org", "me@example.com", TEST_NOW - DAY))
    before = rows()
    prompts = typed_password(monkeypatch, "wrong")
    wrong = cli(*_imap(dovecot, "--remember", "--me", "me@example.com"))
    refused(wrong)
    assert (wrong.code, wrong.err) == (1, "contact-journal: 127.0.0.1 refused the user name or password.\n")
    assert len(prompts) == 1 and memory_keyring.passwords == {}  # a refused password is not kept
    assert rows() == before

    monkeypatch.setenv("CONTACT_JOURNAL_IMAP_PASSWORD", "wrong too")
    refused(cli(*_imap(dovecot)))
    monkeypatch.delenv("CONTACT_JOURNAL_IMAP_PASSWORD")
    assert rows() == before

    no_terminal(monkeypatch)
    nothing = cli(*_imap(dovecot))
    refused(nothing)
    assert (nothing.code, nothing.err) == (1, (
        f"contact-journal: No password for dana at 127.0.0.1:{dovecot.port}: set CONTACT_JOURNAL_IMAP_PASSWORD, "
        "or run this on a terminal to type it (--remember keeps it in the keyring).\n"
    ))
    no_ca = cli("scan", "imap", "--server", f"127.0.0.1:{dovecot.port}", "--user", "dana",
                "--ca-file", str(tmp_path / "none.pem"))
    refused(no_ca)
    assert no_ca.err == f"contact-journal: The CA file {tmp_path / 'none.pem'} is not a file.\n"
    assert rows() == before


def test_no_keyring_with_remember_is_said_before_the_password_is_asked(cli, journal_people, monkeypatch, refused):
    from keyring.backends import fail

    from tests.services.sync.keyrings import keyring_in_place

    prompts = typed_password(monkeypatch, "secret")
    with keyring_in_place(fail.Keyring()):
        result = cli("scan", "imap", "--server", "mail.example.org", "--user", "dana", "--remember")
    refused(result)
    assert result.err.startswith("contact-journal: No keyring is available on this computer (")
    assert prompts == []


def test_no_password_and_no_terminal_in_a_new_process(journal_path):
    """As a script runs it: no keyring (the children's PYTHON_KEYRING_BACKEND is the failing
    one), no variable, stdin not a terminal; the journal is not even created."""
    result = subprocess.run(
        [sys.executable, "-m", "journal", "--db", str(journal_path), "scan", "imap", "--server", "127.0.0.1:9",
         "--user", "dana"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "contact-journal: No password for dana at 127.0.0.1:9: set CONTACT_JOURNAL_IMAP_PASSWORD, or run this "
        "on a terminal to type it (--remember keeps it in the keyring).\n"
    )
    assert not journal_path.exists()


def test_remember_replaces_a_password_the_keyring_kept_that_no_longer_works(cli, journal_people, dovecot,
                                                                          monkeypatch, memory_keyring, refused):
    from journal.services.scan import secrets

    _fill(dovecot, message("dana@example.org", "me@example.com", TEST_NOW - DAY))
    server = f"127.0.0.1:{dovecot.port}"
    secrets.remember(server, "dana", "old password")
    no_terminal(monkeypatch)
    stale = cli(*_imap(dovecot))
    refused(stale)
    assert stale.err == "contact-journal: 127.0.0.1 refused the user name or password.\n"
    without_terminal = cli(*_imap(dovecot, "--remember"))
    refused(without_terminal)
    assert without_terminal.err == (
        "contact-journal: --remember keeps a password typed on a terminal, and there is none here: run it on a "
        "terminal, or set CONTACT_JOURNAL_IMAP_PASSWORD.\n"
    )
    typed_password(monkeypatch, dovecot.password)
    assert cli(*_imap(dovecot, "--remember")).code == 0
    assert memory_keyring.passwords == {(SERVICE, f"dana@{server}"): dovecot.password}
    monkeypatch.setattr("getpass.getpass", lambda prompt: "")
    empty = cli(*_imap(dovecot, "--remember"))
    refused(empty)
    assert empty.err == "contact-journal: No password was given; nothing was scanned.\n"


def test_remember_with_the_variable_stores_nothing_and_says_so(cli, journal_people, dovecot, monkeypatch,
                                                               memory_keyring):
    _fill(dovecot, message("dana@example.org", "me@example.com", TEST_NOW - DAY))
    monkeypatch.setenv("CONTACT_JOURNAL_IMAP_PASSWORD", dovecot.password)
    result = cli(*_imap(dovecot, "--remember"))
    assert result.code == 0, result
    assert result.out.splitlines()[1] == "The password comes from CONTACT_JOURNAL_IMAP_PASSWORD and was not stored."
    assert memory_keyring.passwords == {}
