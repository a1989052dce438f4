"""Opening an encrypted journal: with its key or passphrase only, and a wrong one changes nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from journal.errors import NotAJournalError
from journal.store import backups, cipher, db, encryption
from journal.store.cipher import EncryptionUnavailable, JournalKey, PassphraseRequired, WrongPassphrase
from journal.store.db import close_journal, open_journal
from journal.store.models import Conversation, Person

pytestmark = pytest.mark.skipif(not cipher.available(), reason="needs the encryption extra (sqlcipher3)")

PASSPHRASE = "correct horse battery staple"


def listing(folder: Path) -> list[tuple[str, int, int]]:
    """Every file under `folder` with its size and modification time."""
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    )


@pytest.fixture
def encrypted_journal(filled_journal) -> Path:
    encryption.encrypt(filled_journal, PASSPHRASE)
    return filled_journal


def test_plain_sqlite_cannot_read_an_encrypted_journal(encrypted_journal):
    assert cipher.is_encrypted(encrypted_journal)
    conn = sqlite3.connect(f"{encrypted_journal.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


@pytest.mark.parametrize("given", [{}, {"passphrase": "not it"}, {"passphrase": ""}])
def test_without_the_passphrase_nothing_changes_not_even_beside_it(encrypted_journal, given):
    folder = encrypted_journal.parent
    before_bytes = encrypted_journal.read_bytes()
    before = listing(folder)
    expected = PassphraseRequired if not given else WrongPassphrase
    with pytest.raises(expected) as info:
        open_journal(encrypted_journal, **given)
    assert str(encrypted_journal) in str(info.value)
    assert "\n" not in str(info.value)
    assert encrypted_journal.read_bytes() == before_bytes
    assert listing(folder) == before
    assert not Path(f"{encrypted_journal}-wal").exists()
    assert not Path(f"{encrypted_journal}-shm").exists()


def test_a_key_from_another_journal_is_wrong(encrypted_journal, tmp_path):
    other = cipher.new_key(PASSPHRASE)  # same passphrase, another salt: another key
    assert not cipher.check(encrypted_journal, other)
    with pytest.raises(WrongPassphrase):
        open_journal(encrypted_journal, key=other)


def test_the_passphrase_opens_it_and_reports_the_key(encrypted_journal):
    database = open_journal(encrypted_journal, passphrase=PASSPHRASE)
    try:
        assert database.encrypted
        assert isinstance(database.key, JournalKey)
        assert database.key.salt == encrypted_journal.read_bytes()[:16]
        assert Person.select().where(Person.name == "Person 1").exists()
        assert Conversation.select().count() == 3
        assert database.pragma("journal_mode") == "wal"
        assert database.pragma("foreign_keys") == 1
        assert database.pragma("cache_size") == db.CIPHER_PRAGMAS["cache_size"]
        Person.create(name="Written encrypted")
    finally:
        close_journal()
    assert b"Written encrypted" not in encrypted_journal.read_bytes()
    assert "JournalKey(<hidden>)" == repr(database.key)


def test_the_key_opens_it_without_deriving_again(encrypted_journal, monkeypatch):
    key = cipher.key_for(encrypted_journal, PASSPHRASE)

    def no_derivation(*args):
        raise AssertionError("derived a key again")

    monkeypatch.setattr(cipher, "derive", no_derivation)
    database = open_journal(encrypted_journal, key=key)
    try:
        assert database.key == key
        # A thread's connection, as the sync and scan workers open, gets the key too.
        seen: list = []

        def worker() -> None:
            with database.connection_context():
                seen.append(Person.select().count())

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert seen == [Person.select().count()] and seen[0] > 0
    finally:
        close_journal()


def test_a_plain_journal_opens_as_before(filled_journal):
    database = open_journal(filled_journal, passphrase="ignored for a plain journal")
    try:
        assert not database.encrypted and database.key is None
        assert Person.select().count() > 0
    finally:
        close_journal()
    assert not cipher.is_encrypted(filled_journal)


def test_is_encrypted(tmp_path, filled_journal):
    assert not cipher.is_encrypted(filled_journal)
    assert not cipher.is_encrypted(tmp_path / "missing")
    (tmp_path / "empty").touch()
    assert not cipher.is_encrypted(tmp_path / "empty")
    (tmp_path / "noise").write_bytes(os.urandom(4096))
    assert cipher.is_encrypted(tmp_path / "noise")


def test_a_file_that_is_no_database_at_all_is_still_not_a_journal(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a journal\n")
    with pytest.raises(NotAJournalError):
        open_journal(path)


def test_check_never_writes(encrypted_journal):
    folder = encrypted_journal.parent
    before = listing(folder)
    key = cipher.key_for(encrypted_journal, PASSPHRASE)
    assert cipher.check(encrypted_journal, key)
    assert not cipher.check(encrypted_journal, cipher.key_for(encrypted_journal, "nope"))
    assert listing(folder) == before


def test_the_daily_backup_of_an_encrypted_session_is_encrypted(encrypted_journal, clock):
    from journal.services.upkeep.maintenance import open_session

    database = open_session(encrypted_journal, passphrase=PASSPHRASE, clock=clock)
    try:
        assert database.backup_failure is None
        (daily,) = backups.list_backups(encrypted_journal, "daily")
    finally:
        close_journal()
    assert cipher.is_encrypted(daily)
    assert b"Person 1" not in daily.read_bytes()
    assert cipher.check(daily, database.key)
    assert backups.verify(daily, database.key) == "ok"


def test_open_session_without_the_passphrase_says_so(encrypted_journal):
    from journal.services.upkeep.maintenance import open_session

    with pytest.raises(PassphraseRequired):
        open_session(encrypted_journal)


def test_without_sqlcipher_an_encrypted_journal_says_how_to_get_it(encrypted_journal, monkeypatch):
    monkeypatch.setattr(cipher, "_sqlcipher", None)
    assert not cipher.available()
    with pytest.raises(EncryptionUnavailable, match=r"contact-journal\[encryption\]"):
        open_journal(encrypted_journal, passphrase=PASSPHRASE)
    with pytest.raises(EncryptionUnavailable):
        cipher.require()


def test_sqlcipher_itself_opens_it_with_the_passphrase(encrypted_journal):
    """The key is derived exactly as SQLCipher 4 derives it, so stock SQLCipher tools open the
    journal with its passphrase alone."""
    connection = cipher.driver().connect(f"{encrypted_journal.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        connection.execute("PRAGMA key = 'correct horse battery staple'")
        assert connection.execute("SELECT count(*) FROM person").fetchone()[0] > 0
    finally:
        connection.close()


def test_the_self_test_checks_encryption(tmp_path, monkeypatch):
    from journal.selftest import CheckFailed, SelfTest

    line = SelfTest(tmp_path).encryption()
    assert line.startswith("SQLCipher ") and "FTS5" in line and "key derivation" in line
    monkeypatch.setattr(cipher, "_sqlcipher", None)
    with pytest.raises(CheckFailed, match=r"contact-journal\[encryption\]"):
        SelfTest(tmp_path / "again").encryption()


def test_a_wrong_passphrase_leaves_a_crashed_journals_wal_and_shm_as_they_were(encrypted_journal, tmp_path):
    """A journal left with its -wal and -shm (a crash, or open elsewhere): a wrong passphrase
    reads and writes neither, and the right one then sees what the -wal holds."""
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    open_journal(encrypted_journal, passphrase=PASSPHRASE)
    try:
        Person.create(name="Only in the WAL")
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{encrypted_journal}{suffix}", crashed / f"journal.sqlite3{suffix}")
    finally:
        close_journal()
    copy = crashed / "journal.sqlite3"
    assert Path(f"{copy}-wal").stat().st_size > 0
    before = {path.name: path.read_bytes() for path in crashed.iterdir()}
    with pytest.raises(WrongPassphrase):
        open_journal(copy, passphrase="not it")
    assert {path.name: path.read_bytes() for path in crashed.iterdir()} == before
    open_journal(copy, passphrase=PASSPHRASE)
    try:
        assert Person.select().where(Person.name == "Only in the WAL").exists()
    finally:
        close_journal()
