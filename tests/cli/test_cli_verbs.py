"""The command line through journal.cli.run(argv): every verb, its output and its refusals."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import stat

import pytest

from journal import __version__
from journal.store import backups, migrations

TODAY = dt.date(2026, 3, 11)  # the clock fixture: Wednesday 09:30


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def query(path, sql):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_version_and_help(cli):
    result = cli("--version", db=None)
    assert (result.code, result.out.strip()) == (0, f"contact-journal {__version__}")
    result = cli("--help", db=None)
    assert result.code == 0
    for verb in ("log", "agenda", "backup", "restore", "check"):
        assert verb in result.out


def test_log_with_people_note_channel_and_date(cli, journal_path):
    result = cli(
        "log", "--with", "Dana Smith", "--with", "Lee Park", "--date", day(-3), "--channel", "video", "--note", "Board role"
    )
    assert result.code == 0, result
    assert result.out == "Logged conversation 1 with Dana Smith, Lee Park; 2 new people.\n"
    assert query(journal_path, "SELECT occurred_at, channel, notes FROM conversation") == [
        (f"{day(-3)} 12:00:00", "video", "Board role")
    ]
    assert sorted(query(journal_path, "SELECT name, is_placeholder FROM person")) == [
        ("Dana Smith", 0),
        ("Lee Park", 0),
    ]


def test_log_today_uses_the_current_time(cli, journal_path):
    assert cli("log", "--with", "Dana Smith", "--date", day(0)).code == 0
    assert cli("log", "--with", "Dana Smith").code == 0
    assert query(journal_path, "SELECT occurred_at FROM conversation") == [("2026-03-11 09:30:00",)] * 2
    assert query(journal_path, "SELECT count(*) FROM person") == [(1,)]


def test_log_offer_creates_the_target_and_its_first_step_shows_in_the_agenda(cli, journal_path):
    result = cli("log", "--with", "Dana Smith", "--offer", "Ravi Jain")
    assert result.out == "Logged conversation 1 with Dana Smith; 2 new people; 1 offered introduction(s).\n"
    assert query(journal_path, "SELECT name, is_placeholder FROM person ORDER BY id") == [
        ("Dana Smith", 0),
        ("Ravi Jain", 0),
    ]
    agenda = json.loads(cli("agenda", "--json").out)
    assert agenda == [
        {
            "id": 1,
            "kind": "next_step",
            "title": "Ask Dana Smith for the introduction to Ravi Jain",
            "due": day(2),
            "overdue": False,
            "people": ["Dana Smith"],
        }
    ]


def test_log_offer_of_an_existing_person_does_not_duplicate_them(cli, journal_path):
    cli("log", "--with", "Ravi Jain")
    result = cli("log", "--with", "Dana Smith", "--offer", "ravi jain")
    assert "1 new person" in result.out
    assert query(journal_path, "SELECT count(*) FROM person") == [(2,)]


@pytest.mark.parametrize(
    "target", ["Dana's sister-in-law, CMO at AAMC", "Dana’s boss", "Someone at Stripe, payments team"]
)
def test_log_offer_of_a_description_makes_a_placeholder(cli, journal_path, target):
    assert cli("log", "--with", "Dana Smith", "--offer", target).code == 0
    assert query(journal_path, "SELECT name, is_placeholder FROM person ORDER BY id") == [
        ("Dana Smith", 0),
        (target, 1),
    ]


def test_log_several_offers_and_a_next_step(cli, journal_path):
    result = cli(
        "log", "--with", "Dana Smith", "--offer", "Ravi Jain", "--offer", "Zoë Müller",
        "--next", "Send my CV", "--due", day(1),
    )
    assert result.code == 0
    assert "2 offered introduction(s); 1 next step(s)" in result.out
    steps = query(journal_path, "SELECT text, due_date, person_id FROM next_step ORDER BY id")
    assert steps == [
        ("Ask Dana Smith for the introduction to Ravi Jain", day(2), 1),
        ("Ask Dana Smith for the introduction to Zoë Müller", day(2), 1),
        ("Send my CV", day(1), 1),
    ]


BAD_LOGS = {
    "no --with": ["log"],
    "bad date": ["log", "--with", "Dana", "--date", "11/03/2026"],
    "future date": ["log", "--with", "Dana", "--date", day(5)],
    "tomorrow": ["log", "--with", "Dana", "--date", day(1)],
    "bad channel": ["log", "--with", "Dana", "--channel", "fax"],
    "due without next": ["log", "--with", "Dana", "--due", day(1)],
    "next without due": ["log", "--with", "Dana", "--next", "Call back"],
    "bad due": ["log", "--with", "Dana", "--next", "Call back", "--due", "tomorrow"],
    "blank name": ["log", "--with", "   "],
    "blank second name": ["log", "--with", "Dana", "--with", ""],
    "offer to oneself": ["log", "--with", "Dana", "--offer", "dana"],
    "blank next step": ["log", "--with", "New Person", "--offer", "Another", "--next", "  ", "--due", day(1)],
    "unknown verb": ["frobnicate"],
    "unknown option": ["log", "--with", "Dana", "--mood", "happy"],
    "days not a number": ["agenda", "--days", "week"],
    "negative days": ["agenda", "--days", "-1"],
    "restore without file": ["restore"],
}


@pytest.mark.parametrize("name", sorted(BAD_LOGS))
def test_bad_input_is_one_line_a_non_zero_exit_and_nothing_written(cli, rows, refused, name):
    assert cli("log", "--with", "Dana", "--offer", "Lee").code == 0
    before = rows()
    result = cli(*BAD_LOGS[name])
    refused(result)
    assert rows() == before


def test_bad_arguments_on_a_journal_that_does_not_exist_yet_create_nothing(cli, journal_path, refused):
    refused(cli("log", "--with", "Dana", "--date", "yesterday"))
    refused(cli("log", "--with", "Dana", "--next", "x"))
    assert not journal_path.exists()


@pytest.fixture
def varied(cli, journal_path, clock):
    """A journal with something of every kind, some of it overdue."""
    from journal.services.agenda import next_steps
    from journal.services.people import records as people
    from journal.store.db import close_journal, open_journal

    assert cli("log", "--with", "Dana Smith", "--date", day(-10), "--offer", "Lee Park").code == 0
    open_journal(journal_path)
    ravi = people.create_person("Ravi Jain", clock=clock)
    people.set_cadence(ravi.id, 7, clock=clock)
    next_steps.add("Call the recruiter", due=TODAY, due_time=dt.time(9, 0), clock=clock)
    next_steps.add("Prepare the talk", due=TODAY + dt.timedelta(days=9), clock=clock)
    close_journal()


def test_agenda_json_is_exactly_the_contract(cli, varied):
    result = cli("agenda", "--json")
    assert result.code == 0 and result.err == ""
    assert json.loads(result.out) == [
        {
            "id": 1,
            "kind": "introduction",
            "title": "Stalled: Dana Smith → Lee Park (offered 10 days ago)",
            "due": day(-8),
            "overdue": True,
            "people": ["Dana Smith", "Lee Park"],
        },
        {
            "id": 1,
            "kind": "next_step",
            "title": "Ask Dana Smith for the introduction to Lee Park",
            "due": day(-8),
            "overdue": True,
            "people": ["Dana Smith"],
        },
        {
            "id": 2,
            "kind": "next_step",
            "title": "Call the recruiter",
            "due": day(0),
            "overdue": True,
            "people": [],
        },
        {
            "id": 3,
            "kind": "keep_in_touch",
            "title": "Keep in touch with Ravi Jain",
            "due": day(7),
            "overdue": False,
            "people": ["Ravi Jain"],
        },
    ]


def test_agenda_days_moves_the_horizon(cli, varied):
    titles = [i["title"] for i in json.loads(cli("agenda", "--days", "9", "--json").out)]
    assert titles[-1] == "Prepare the talk"
    titles = [i["title"] for i in json.loads(cli("agenda", "--days", "0", "--json").out)]
    assert "Keep in touch with Ravi Jain" not in titles and len(titles) == 3


def test_agenda_as_a_table(cli, varied):
    result = cli("agenda")
    lines = result.out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(f"{day(-8)}  OVERDUE  introduction   Stalled: Dana Smith → Lee Park")
    assert lines[1].startswith(f"{day(-8)}  OVERDUE  step")
    assert lines[1].endswith("Ask Dana Smith for the introduction to Lee Park  [Dana Smith]")
    assert lines[3].startswith(f"{day(7)}           keep in touch")


def test_agenda_of_an_empty_journal(cli, journal_path):
    from journal.store.db import close_journal, open_journal

    open_journal(journal_path)  # a new journal, as the app or a writing verb creates it
    close_journal()
    result = cli("agenda")
    assert (result.code, result.out) == (0, "Nothing due in the next 7 days.\n")
    assert cli("agenda", "--json").out.strip() == "[]"


def test_backup_restore_and_check(cli, journal_path, clock):
    cli("log", "--with", "Dana Smith")
    result = cli("backup")
    assert result.code == 0
    [copy] = backups.list_backups(journal_path)
    assert result.out == f"Backed up {journal_path} to {copy}\n"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    cli("log", "--with", "Lee Park")
    clock.advance(minutes=1)
    result = cli("restore", str(copy))
    assert result.code == 0, result
    [kept] = backups.list_backups(journal_path, "before-restore")
    assert result.out == f"Restored {journal_path} from {copy}; the replaced journal was kept as {kept}\n"
    assert query(journal_path, "SELECT name FROM person") == [("Dana Smith",)]
    assert sorted(query(kept, "SELECT name FROM person")) == [("Dana Smith",), ("Lee Park",)]
    result = cli("check")
    assert (result.code, result.out) == (0, f"{journal_path}: ok\n")


def test_the_daily_backup_is_taken_once_before_a_write_when_the_journal_has_data(cli, journal_path, clock):
    cli("log", "--with", "Dana Smith")
    assert backups.list_backups(journal_path) == []  # nothing to save in a new journal
    cli("agenda")
    cli("search", "Dana")
    cli("export", "json", "-o", str(journal_path.parent / "out.json"))
    assert backups.list_backups(journal_path) == []  # reading changes nothing: no copy to wait for
    cli("log", "--with", "Lee Park")
    cli("log", "--with", "Mo Ali")
    assert len(backups.list_backups(journal_path, "daily")) == 1
    clock.advance(days=1)
    cli("log", "--with", "Ana Pérez")
    assert len(backups.list_backups(journal_path, "daily")) == 2


def test_restore_refusals(cli, journal_path, tmp_path, refused, rows):
    cli("log", "--with", "Dana Smith")
    before = rows()
    refused(cli("restore", str(tmp_path / "missing.sqlite3")))
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    result = cli("restore", str(text))
    refused(result)
    assert str(text) in result.err
    assert rows() == before


def test_a_corrupt_journal_is_refused_by_every_verb_and_never_modified(cli, journal_path, refused, snapshot, corrupt):
    for name in ("Dana Smith", "Lee Park", "Ravi Jain"):
        cli("log", "--with", name, "--note", "x" * 3000)
    cli("backup")
    newest = backups.newest_backup(journal_path)
    corrupt(journal_path)
    before = snapshot(journal_path)
    for argv in (["agenda"], ["log", "--with", "Dana Smith"], ["backup"], ["check"]):
        result = cli(*argv)
        refused(result)
        assert str(journal_path) in result.err
        assert str(newest) in result.err
        assert snapshot(journal_path) == before


def test_a_file_that_is_not_a_journal_is_refused(cli, tmp_path, refused, snapshot):
    path = tmp_path / "contacts.csv"
    path.write_text("First Name,Last Name\nDana,Smith\n")
    before = snapshot(path)
    result = cli("agenda", db=path)
    refused(result)
    assert str(path) in result.err and "not an SQLite database" in result.err
    assert snapshot(path) == before


def test_an_sqlite_file_of_another_program_is_refused(cli, tmp_path, refused, snapshot):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY)")
    conn.close()
    before = snapshot(path)
    result = cli("log", "--with", "Dana", db=path)
    refused(result)
    assert "another program" in result.err
    assert snapshot(path) == before
    result = cli("check", db=path)
    refused(result)
    assert "another program" in result.err


def test_a_newer_journal_is_refused_and_left_untouched(cli, journal_path, refused, snapshot):
    cli("log", "--with", "Dana Smith")
    conn = sqlite3.connect(journal_path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    before = snapshot(journal_path)
    result = cli("agenda")
    refused(result)
    assert "newer Contact Journal" in result.err
    assert snapshot(journal_path) == before


def test_check_of_a_missing_journal(cli, journal_path, refused):
    refused(cli("check"))
    assert not journal_path.exists()


def test_the_default_journal_lives_in_the_private_data_folder(cli, tmp_path, monkeypatch):
    data = tmp_path / "data-home" / "contact-journal"
    monkeypatch.setenv("CONTACT_JOURNAL_DATA_DIR", str(data))
    assert cli("log", "--with", "Dana Smith", db=None).code == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "journal.sqlite3").stat().st_mode) == 0o600
    other = tmp_path / "env.sqlite3"
    monkeypatch.setenv("CONTACT_JOURNAL_DB", str(other))
    assert cli("log", "--with", "Lee Park", db=None).code == 0
    assert query(other, "SELECT name FROM person") == [("Lee Park",)]


def test_a_busy_journal_is_one_line_not_a_traceback(cli, journal_path, refused, monkeypatch):
    cli("log", "--with", "Dana Smith")
    import journal.store.db as store_db

    monkeypatch.setitem(store_db.PRAGMAS, "busy_timeout", 50)
    blocker = sqlite3.connect(journal_path, timeout=0.05)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 50)
        result = cli("log", "--with", "Lee Park")
    finally:
        blocker.rollback()
        blocker.close()
    refused(result)
    assert "busy" in result.err


def test_restore_onto_a_damaged_journal_then_check(cli, journal_path, corrupt, refused):
    for name in ("Dana Smith", "Lee Park", "Ravi Jain"):
        cli("log", "--with", name, "--note", "x" * 3000)
    cli("backup")
    newest = backups.newest_backup(journal_path)
    corrupt(journal_path)
    damaged = journal_path.read_bytes()
    refused(cli("check"))
    result = cli("restore", str(newest))
    assert result.code == 0, result
    [kept] = backups.list_backups(journal_path, "damaged")
    assert kept.read_bytes() == damaged
    assert cli("check").code == 0
    assert sorted(query(journal_path, "SELECT name FROM person")) == [("Dana Smith",), ("Lee Park",), ("Ravi Jain",)]
    assert cli("log", "--with", "Zoë Müller").code == 0


def test_search_table_names_each_kind_whole(cli):
    assert cli("log", "--with", "Quinn Zephyr", "--note", "zephyr talk").code == 0
    result = cli("search", "zephyr")
    assert result.code == 0
    kinds = {line.split()[0] for line in result.out.splitlines() if line.strip()}
    assert kinds <= {"person", "conversation", "introduction", "next"} and "person" in kinds
