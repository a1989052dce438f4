"""Sessions, the daily backup, restore and check, as the window and the command line use them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from journal.errors import JournalError, NewerJournalError
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.upkeep import maintenance
from journal.store import backups, migrations
from journal.store.db import close_journal
from journal.store.models import Person


def test_a_new_empty_journal_gets_no_daily_backup(journal_path, clock):
    maintenance.open_session(journal_path, clock=clock)
    close_journal()
    maintenance.open_session(journal_path, clock=clock)
    close_journal()
    assert backups.list_backups(journal_path) == []


def test_a_journal_with_data_gets_one_backup_a_day(journal_path, clock):
    maintenance.open_session(journal_path, clock=clock)
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    close_journal()
    for _ in range(3):
        maintenance.open_session(journal_path, clock=clock)
        close_journal()
    [first] = backups.list_backups(journal_path, "daily")
    assert first.name.startswith("journal-20260311-093000-daily")
    clock.advance(days=1)
    maintenance.open_session(journal_path, clock=clock)
    close_journal()
    assert len(backups.list_backups(journal_path, "daily")) == 2


def test_daily_backups_are_pruned_to_keep(journal_path, clock):
    maintenance.open_session(journal_path, clock=clock)
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    close_journal()
    for _ in range(6):
        clock.advance(days=1)
        maintenance.open_session(journal_path, clock=clock, keep=4)
        close_journal()
    assert len(backups.list_backups(journal_path, "daily")) == 4


def test_backup_now_and_restore_round_trip(journal_path, clock):
    maintenance.open_session(journal_path, clock=clock)
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    copy = maintenance.backup_now(journal_path, clock=clock)
    log_conversation([PersonRef.named("Lee Park")], clock=clock)
    close_journal()
    kept = maintenance.restore(journal_path, copy, clock=clock)
    maintenance.open_session(journal_path, clock=clock)
    assert [p.name for p in Person.select()] == ["Dana Smith"]
    close_journal()
    conn = sqlite3.connect(kept)
    assert sorted(r[0] for r in conn.execute("SELECT name FROM person")) == ["Dana Smith", "Lee Park"]
    conn.close()


def test_restore_refuses_while_the_journal_is_open_here(db, journal_path, clock):
    Person.create(name="Dana Smith")
    copy = maintenance.backup_now(journal_path, clock=clock)
    with pytest.raises(JournalError, match="is open; close it"):
        maintenance.restore(journal_path, copy, clock=clock)


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1])
    conn.execute("SELECT count(*) FROM person").fetchone()
    print("ready", flush=True)
    sys.stdin.read()
    conn.close()
    """
)


def test_restore_refuses_while_another_program_has_the_journal_open(journal_path, clock, snapshot_bytes):
    maintenance.open_session(journal_path, clock=clock)
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    copy = maintenance.backup_now(journal_path, clock=clock)
    log_conversation([PersonRef.named("Lee Park")], clock=clock)
    close_journal()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        before = snapshot_bytes(journal_path)
        with pytest.raises(JournalError, match="is in use"):
            maintenance.restore(journal_path, copy, clock=clock)
        assert snapshot_bytes(journal_path) == before
        assert backups.list_backups(journal_path, "before-restore") == []
    finally:
        holder.communicate("", timeout=20)
    maintenance.restore(journal_path, copy, clock=clock)
    maintenance.open_session(journal_path, clock=clock)
    assert [p.name for p in Person.select()] == ["Dana Smith"]
    close_journal()


@pytest.fixture
def snapshot_bytes():
    return lambda path: path.read_bytes()


def test_restore_refuses_sources_that_are_not_journal_backups(journal_path, tmp_path, clock):
    maintenance.open_session(journal_path, clock=clock)
    close_journal()
    missing = tmp_path / "missing.sqlite3"
    with pytest.raises(JournalError, match="does not exist"):
        maintenance.restore(journal_path, missing)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(JournalError, match="not a Contact Journal backup"):
        maintenance.restore(journal_path, text)
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(JournalError, match="not a Contact Journal backup"):
        maintenance.restore(journal_path, foreign)
    newer = tmp_path / "newer.sqlite3"
    maintenance.open_session(newer, clock=clock)
    close_journal()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerJournalError):
        maintenance.restore(journal_path, newer)


def test_check(journal_path, tmp_path, clock):
    maintenance.open_session(journal_path, clock=clock)
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    close_journal()
    assert maintenance.check(journal_path) == "ok"
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert "another program" in maintenance.check(foreign)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert maintenance.check(garbage) != "ok"


def test_restore_refuses_while_another_thread_of_this_process_has_the_journal_open(journal_path, clock):
    import threading

    from journal.store.db import in_use

    maintenance.open_session(journal_path, clock=clock)
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    copy = maintenance.backup_now(journal_path, clock=clock)
    close_journal()
    opened, release, finished = threading.Event(), threading.Event(), []

    def worker():
        from journal.store.models import DB

        DB.connect(reuse_if_open=True)  # peewee keeps one connection per thread
        Person.select().count()
        opened.set()
        release.wait(10)
        Person.create(name="Written by the worker after the probes")
        finished.append(Person.select().count())
        DB.close()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert opened.wait(10)
        assert in_use(journal_path) and in_use(journal_path)  # probing drops nobody's locks
        with pytest.raises(JournalError, match="is in use"):
            maintenance.restore(journal_path, copy, clock=clock)
    finally:
        release.set()
        thread.join(10)
    assert finished == [2]
    assert not in_use(journal_path)
