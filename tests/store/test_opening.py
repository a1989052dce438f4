"""Opening a journal: pragmas, private permissions, and refusing files it must not touch."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from journal.errors import NewerJournalError, NotAJournalError
from journal.store import backups, migrations
from journal.store.db import APPLICATION_ID, close_journal, open_journal
from journal.store.models import Person


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_journal_is_private_and_stamped(tmp_path):
    path = tmp_path / "new" / "private" / "journal.sqlite3"
    database = open_journal(path)
    try:
        Person.create(name="Dana Smith")
        assert mode(path.parent) == 0o700
        for name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"):
            assert mode(path.parent / name) == 0o600, name
        assert database.pragma("journal_mode") == "wal"
        assert database.pragma("foreign_keys") == 1
        assert database.pragma("synchronous") == 2
        assert database.pragma("busy_timeout") >= 1000
        assert database.pragma("application_id") == APPLICATION_ID
        assert database.pragma("user_version") == migrations.SCHEMA_VERSION
    finally:
        close_journal()


def test_an_existing_journal_readable_by_others_is_tightened(filled_journal):
    filled_journal.chmod(0o644)
    open_journal(filled_journal)
    close_journal()
    assert mode(filled_journal) == 0o600


def test_an_empty_file_becomes_a_new_journal(journal_path):
    journal_path.touch()
    open_journal(journal_path)
    assert Person.select().count() == 0
    close_journal()


def test_a_newer_schema_is_refused_and_left_untouched(filled_journal, snapshot):
    conn = sqlite3.connect(filled_journal)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    before = snapshot(filled_journal)
    with pytest.raises(NewerJournalError) as info:
        open_journal(filled_journal)
    message = str(info.value)
    assert str(filled_journal) in message
    assert f"schema {migrations.SCHEMA_VERSION + 1}" in message
    assert "untouched" in message
    assert snapshot(filled_journal) == before
    assert not Path(f"{filled_journal}-wal").exists()
    assert backups.list_backups(filled_journal) == []


def test_a_corrupt_journal_names_itself_and_the_newest_backup_and_stays_as_is(filled_journal, clock, corrupt, snapshot):
    older = backups.backup(filled_journal, reason="daily", now=clock.now())
    clock.advance(days=1)
    newest = backups.backup(filled_journal, reason="manual", now=clock.now())
    assert older != newest
    corrupt(filled_journal)
    before = snapshot(filled_journal)
    with pytest.raises(NotAJournalError) as info:
        open_journal(filled_journal)
    message = str(info.value)
    assert str(filled_journal) in message
    assert str(newest) in message and str(older) not in message
    assert info.value.newest_backup == newest
    assert snapshot(filled_journal) == before


def test_a_corrupt_journal_without_backups_says_so(filled_journal, corrupt):
    corrupt(filled_journal)
    with pytest.raises(NotAJournalError, match="No backup of it was found"):
        open_journal(filled_journal)


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path, snapshot):
    path = tmp_path / "notes.sqlite3"
    path.write_text("Dana Smith, call on Tuesday\n" * 50)
    before = snapshot(path)
    with pytest.raises(NotAJournalError, match="not an SQLite database") as info:
        open_journal(path)
    assert str(path) in str(info.value)
    assert snapshot(path) == before


def test_an_sqlite_file_of_another_program_is_refused_and_left_untouched(tmp_path, snapshot):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(NotAJournalError, match="another program"):
        open_journal(path)
    assert snapshot(path) == before
    assert not Path(f"{path}-wal").exists()


def test_an_empty_sqlite_file_stamped_by_another_program_is_refused(tmp_path, snapshot):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    before = snapshot(path)
    with pytest.raises(NotAJournalError, match="another program"):
        open_journal(path)
    assert snapshot(path) == before


def test_refused_files_get_no_wal_or_shm_beside_them(filled_journal, corrupt):
    corrupt(filled_journal)
    with pytest.raises(NotAJournalError):
        open_journal(filled_journal)
    assert sorted(p.name for p in filled_journal.parent.iterdir()) == ["journal.sqlite3"]


def test_a_journal_left_with_a_wal_after_a_crash_opens_with_its_latest_data(journal_path):
    """Simulate a crash: a second connection commits, then the process 'dies' without checkpointing."""
    open_journal(journal_path)
    Person.create(name="Committed before the crash")
    writer = sqlite3.connect(journal_path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO person (name, is_placeholder, role, linkedin, website, location, how_met, notes,"
                   " archived, created_at, updated_at) VALUES ('In the WAL only', 0, '', '', '', '', '', '', 0,"
                   " '2026-03-11 09:30:00', '2026-03-11 09:30:00')")
    writer.commit()
    wal = Path(f"{journal_path}-wal").read_bytes()
    shm = Path(f"{journal_path}-shm").read_bytes()
    main = journal_path.read_bytes()
    writer.close()
    close_journal()
    # Put back the files as a killed process would have left them.
    journal_path.write_bytes(main)
    Path(f"{journal_path}-wal").write_bytes(wal)
    Path(f"{journal_path}-shm").write_bytes(shm)
    open_journal(journal_path)
    assert {p.name for p in Person.select()} == {"Committed before the crash", "In the WAL only"}
    close_journal()


def test_a_journal_locked_by_another_program_is_reported_as_such(filled_journal, monkeypatch, snapshot):
    from journal.errors import JournalError
    from journal.store import db as store_db

    holder = sqlite3.connect(filled_journal, timeout=0.01)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setitem(store_db.PRAGMAS, "busy_timeout", 10)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 10)
    try:
        before = snapshot(filled_journal)
        with pytest.raises(JournalError, match="is locked by another program") as info:
            open_journal(filled_journal)
        assert not isinstance(info.value, NotAJournalError)
        assert snapshot(filled_journal) == before
    finally:
        holder.rollback()
        holder.close()


def test_files_are_private_even_with_a_permissive_umask(tmp_path):
    import os

    old = os.umask(0)
    try:
        path = tmp_path / "open" / "journal.sqlite3"
        open_journal(path)
        Person.create(name="Dana Smith")
        from journal.store import backups as store_backups

        copy = store_backups.backup(path, Person._meta.database.obj, reason="manual")
        modes = {p.name: mode(p) for p in path.parent.iterdir() if p.is_file()}
        close_journal()
    finally:
        os.umask(old)
    assert modes == {"journal.sqlite3": 0o600, "journal.sqlite3-wal": 0o600, "journal.sqlite3-shm": 0o600}
    assert mode(path.parent) == 0o700
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
