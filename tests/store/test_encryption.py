"""Encrypting, decrypting and re-keying a journal with its backups: no plain copy left, nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from journal.errors import JournalError
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people.records import add_detail, create_person
from journal.services.search import search
from journal.services.upkeep import maintenance
from journal.store import backups, cipher, encryption, migrations
from journal.store.cipher import PassphraseRequired, WrongPassphrase
from journal.store.db import close_journal, open_journal
from journal.store.models import DB, Conversation, Person
from tests.conftest import dump_journal

pytestmark = pytest.mark.skipif(not cipher.available(), reason="needs the encryption extra (sqlcipher3)")

PASSPHRASE = "correct horse battery staple"
# Known to be in the journal: none may be readable anywhere in its folder once it is encrypted.
NAME = "Philippa Quenneville"
NOTE = "prefers lapsang souchong at the Tuesday board lunch"
EMAIL = "philippa.quenneville@example-hidden.org"
SECRETS = (NAME, NOTE, EMAIL)
V5 = Path(__file__).resolve().parent.parent / "fixtures" / "journals" / "v5.sqlite3"


@pytest.fixture(autouse=True)
def quick_derivation(monkeypatch):
    """1,000 rounds of key derivation instead of 256,000 (0.2-0.6 s each, many per test): these
    tests are about the files; test_encryption_open keeps the real count, and checks that
    SQLCipher's own derivation opens the journal."""
    monkeypatch.setattr(cipher, "KDF_ITER", 1000)


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def leaks(folder: Path) -> list[tuple[str, str]]:
    """(file, secret) for every secret readable in any file under `folder`, in UTF-8 or UTF-16."""
    found = []
    for path in files_under(folder):
        data = path.read_bytes()
        for secret in SECRETS:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if secret.encode(encoding) in data:
                    found.append((path.name, secret))
    return found


@pytest.fixture
def secret_journal(tmp_path, clock) -> Path:
    """A closed plain journal holding NAME with NOTE and EMAIL, a conversation about them, and
    a manual and a daily backup."""
    path = tmp_path / "data" / "journal.sqlite3"
    maintenance.open_session(path, clock=clock)
    person = create_person(NAME, notes=NOTE, clock=clock)
    add_detail(person.id, "email", EMAIL)
    log_conversation([PersonRef.named(NAME)], summary=f"Lunch: {NOTE}", clock=clock)
    maintenance.backup_now(path, clock=clock)
    close_journal()
    clock.advance(days=1)
    maintenance.open_session(path, clock=clock)  # the daily backup
    close_journal()
    assert len(backups.list_backups(path)) == 2
    assert leaks(path.parent), "the test journal should hold its secrets in plain text to begin with"
    return path


def journal_dump(path: Path, **given) -> list:
    database = open_journal(path, **given)
    try:
        return dump_journal(database)
    finally:
        close_journal()


def iterdump(path: Path) -> list[str]:
    """SQLite's own dump of a fresh copy of a plain journal, its lines sorted: the export may
    list the schema's indexes in another order in sqlite_master, which changes nothing."""
    copy = path.with_name("copy-for-dump.sqlite3")
    copy.unlink(missing_ok=True)
    source = backups.open_readonly(path)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
        return sorted(target.iterdump())
    finally:
        source.close()
        target.close()
        copy.unlink()


def test_after_encrypt_no_secret_is_readable_anywhere_in_the_folder(secret_journal, clock):
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    folder = secret_journal.parent
    assert leaks(folder) == []
    names = [path.name for path in files_under(folder)]
    assert not [name for name in names if name.endswith((".converting", ".partial", ".restoring"))], names
    for path in [secret_journal, *backups.list_backups(secret_journal)]:
        assert cipher.is_encrypted(path), path
        assert cipher.check(path, key), path
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT * FROM person").fetchall()
        conn.close()
    # While it is open and written to, the -wal and -shm hold nothing readable either; nor does
    # a backup taken then.
    database = maintenance.open_session(secret_journal, key=key, clock=clock)
    try:
        log_conversation([PersonRef.named(NAME)], summary=f"Again: {NOTE} with {EMAIL}", clock=clock)
        assert Path(f"{secret_journal}-wal").stat().st_size > 0
        maintenance.backup_now(secret_journal, clock=clock)
        assert leaks(folder) == []
        assert database.encrypted
    finally:
        close_journal()
    assert leaks(folder) == []


def test_encrypt_then_decrypt_gives_back_the_same_journal(secret_journal):
    before = journal_dump(secret_journal)
    before_sql = iterdump(secret_journal)
    backup_dumps = [iterdump(path) for path in backups.list_backups(secret_journal)]
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    assert journal_dump(secret_journal, key=key) == before
    encryption.decrypt(secret_journal, PASSPHRASE)
    assert not cipher.is_encrypted(secret_journal)
    assert journal_dump(secret_journal) == before
    assert iterdump(secret_journal) == before_sql
    assert [iterdump(path) for path in backups.list_backups(secret_journal)] == backup_dumps
    assert all(not cipher.is_encrypted(path) for path in backups.list_backups(secret_journal))


def test_encrypt_reports_progress_over_the_journal_and_its_backups(secret_journal):
    seen = []
    encryption.encrypt(secret_journal, PASSPHRASE, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_encrypt_is_refused_while_the_journal_is_open(secret_journal):
    before = secret_journal.read_bytes()
    open_journal(secret_journal)
    try:
        with pytest.raises(JournalError, match="close it first"):
            encryption.encrypt(secret_journal, PASSPHRASE)
    finally:
        close_journal()
    assert secret_journal.read_bytes() == before
    assert not cipher.is_encrypted(secret_journal)


def test_encrypt_twice_is_refused_and_an_empty_passphrase_too(secret_journal):
    with pytest.raises(JournalError, match="cannot be empty"):
        encryption.encrypt(secret_journal, "")
    encryption.encrypt(secret_journal, PASSPHRASE)
    assert not encryption.unfinished(secret_journal)
    with pytest.raises(JournalError, match="already encrypted"):
        encryption.encrypt(secret_journal, PASSPHRASE)
    encryption.decrypt(secret_journal, PASSPHRASE)
    with pytest.raises(JournalError, match="not encrypted"):
        encryption.decrypt(secret_journal, PASSPHRASE)


def test_running_encrypt_again_finishes_backups_left_plain(secret_journal, clock):
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    # A plain backup beside the encrypted journal, as an encrypt killed half-way leaves.
    stray = backups.backup_dir(secret_journal) / "journal-20260301-080000-manual.backup.sqlite3"
    shutil.copy(V5, stray)
    assert encryption.unfinished(secret_journal)
    with pytest.raises(WrongPassphrase):
        encryption.encrypt(secret_journal, "not it")
    assert encryption.encrypt(secret_journal, PASSPHRASE) == key
    assert cipher.is_encrypted(stray) and cipher.check(stray, key)
    assert not encryption.unfinished(secret_journal)


def test_a_wrong_passphrase_changes_nothing_in_any_conversion(secret_journal):
    encryption.encrypt(secret_journal, PASSPHRASE)
    before = {path: path.read_bytes() for path in files_under(secret_journal.parent)}
    with pytest.raises(WrongPassphrase):
        encryption.decrypt(secret_journal, "not it")
    with pytest.raises(WrongPassphrase):
        encryption.change_passphrase(secret_journal, "not it", "new one")
    assert {path: path.read_bytes() for path in files_under(secret_journal.parent)} == before


def test_change_passphrase_rekeys_the_journal_and_its_backups(secret_journal):
    before = journal_dump(secret_journal)
    old = encryption.encrypt(secret_journal, PASSPHRASE)
    new = encryption.change_passphrase(secret_journal, PASSPHRASE, "a new passphrase")
    assert new.salt == old.salt and new.key != old.key
    assert new == cipher.key_for(secret_journal, "a new passphrase")
    with pytest.raises(WrongPassphrase):
        open_journal(secret_journal, passphrase=PASSPHRASE)
    assert journal_dump(secret_journal, passphrase="a new passphrase") == before
    for path in backups.list_backups(secret_journal):
        assert cipher.check(path, new) and not cipher.check(path, old)
    assert leaks(secret_journal.parent) == []


def test_full_text_search_works_encrypted(secret_journal, clock):
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    open_journal(secret_journal, key=key)
    try:
        assert [r.kind for r in search("lapsang")["conversation"]] == ["conversation"]
        log_conversation([PersonRef.named("Dana Smith")], summary="quokkas at the harbour", clock=clock)
        assert len(search("quokkas")["conversation"]) == 1
        DB.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_journal()
    assert b"quokkas" not in secret_journal.read_bytes()


def test_an_old_schema_encrypted_is_upgraded_with_an_encrypted_backup_first(tmp_path):
    path = tmp_path / "journal.sqlite3"
    shutil.copy(V5, path)
    conn = sqlite3.connect(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert version < migrations.SCHEMA_VERSION
    key = encryption.encrypt(path, PASSPHRASE)
    database = open_journal(path, passphrase=PASSPHRASE)
    try:
        assert database.pragma("user_version") == migrations.SCHEMA_VERSION
        assert Person.select().count() > 0
    finally:
        close_journal()
    (copy,) = backups.list_backups(path, f"before-upgrade-v{version}")
    assert cipher.check(copy, key)
    assert maintenance.check(copy, key=key) == "ok"
    assert maintenance.check(path, passphrase=PASSPHRASE) == "ok"


def test_check_an_encrypted_journal(secret_journal, corrupt):
    encryption.encrypt(secret_journal, PASSPHRASE)
    assert maintenance.check(secret_journal, passphrase=PASSPHRASE) == "ok"
    with pytest.raises(PassphraseRequired):
        maintenance.check(secret_journal)
    with pytest.raises(WrongPassphrase):
        maintenance.check(secret_journal, passphrase="not it")
    # Damage past the first page: the key still opens it, the check finds the damage.
    data = bytearray(secret_journal.read_bytes())
    for offset in range(4096 * 2, len(data), 97):
        data[offset] ^= 0x5A
    secret_journal.write_bytes(bytes(data))
    status = maintenance.check(secret_journal, passphrase=PASSPHRASE)
    assert status != "ok" and "\n" not in status


def test_restore_a_backup_with_the_same_passphrase(secret_journal, clock):
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    before = journal_dump(secret_journal, key=key)
    maintenance.open_session(secret_journal, key=key, clock=clock)
    copy = maintenance.backup_now(secret_journal, clock=clock)
    log_conversation([PersonRef.named("Lee Park")], summary="after the backup", clock=clock)
    close_journal()
    with pytest.raises(PassphraseRequired):
        maintenance.restore(secret_journal, copy, clock=clock)
    kept = maintenance.restore(secret_journal, copy, key=key, clock=clock)
    assert cipher.check(kept, key) and cipher.check(secret_journal, key)
    assert journal_dump(secret_journal, key=key) == before
    assert leaks(secret_journal.parent) == []


def test_restore_a_backup_with_another_passphrase_needs_it(secret_journal, clock, tmp_path):
    old = encryption.encrypt(secret_journal, PASSPHRASE)
    before = journal_dump(secret_journal, key=old)
    (first, *_) = backups.list_backups(secret_journal)
    elsewhere = tmp_path / "old-backup.sqlite3"
    shutil.copy(first, elsewhere)
    new = encryption.change_passphrase(secret_journal, PASSPHRASE, "the new one")
    open_journal(secret_journal, key=new)
    log_conversation([PersonRef.named("Lee Park")], summary="after the change", clock=clock)
    close_journal()
    with pytest.raises(PassphraseRequired) as info:
        maintenance.restore(secret_journal, elsewhere, key=new, clock=clock)
    assert info.value.path == elsewhere
    with pytest.raises(WrongPassphrase) as info:
        maintenance.restore(secret_journal, elsewhere, key=new, source_passphrase="guess", clock=clock)
    assert info.value.path == elsewhere
    maintenance.restore(secret_journal, elsewhere, key=new, source_passphrase=PASSPHRASE, clock=clock)
    # The journal keeps its current passphrase, and holds what the old backup held.
    assert cipher.check(secret_journal, new)
    restored = journal_dump(secret_journal, key=new)
    assert restored == before
    open_journal(secret_journal, key=new)
    try:
        assert not Conversation.select().where(Conversation.summary == "after the change").exists()
        assert Person.select().where(Person.name == NAME).exists()
    finally:
        close_journal()
    assert leaks(secret_journal.parent) == []


def test_restoring_a_plain_backup_into_an_encrypted_journal_keeps_it_encrypted(secret_journal, clock, tmp_path):
    (plain_copy,) = backups.list_backups(secret_journal, "manual")
    outside = tmp_path / "plain-copy.sqlite3"
    shutil.copy(plain_copy, outside)
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    maintenance.restore(secret_journal, outside, passphrase=PASSPHRASE, clock=clock)
    assert cipher.check(secret_journal, key)
    assert leaks(secret_journal.parent) == []
    assert journal_dump(secret_journal, key=key)


def test_a_plain_journal_restored_from_an_encrypted_backup_takes_its_passphrase(secret_journal, clock, tmp_path):
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    (copy,) = backups.list_backups(secret_journal, "manual")
    outside = tmp_path / "encrypted-copy.sqlite3"
    shutil.copy(copy, outside)
    other = tmp_path / "fresh" / "journal.sqlite3"
    open_journal(other)
    close_journal()
    with pytest.raises(PassphraseRequired):
        maintenance.restore(other, outside, clock=clock)
    maintenance.restore(other, outside, source_passphrase=PASSPHRASE, clock=clock)
    assert cipher.check(other, key)


def test_listed_backups_of_an_encrypted_journal_are_whole_ones(secret_journal):
    encryption.encrypt(secret_journal, PASSPHRASE)
    found = backups.list_backups(secret_journal)
    assert len(found) == 2
    cut = found[0].with_name("journal-20260101-000000-manual.backup.sqlite3")
    cut.write_bytes(found[0].read_bytes()[:5000])
    assert cut not in backups.list_backups(secret_journal)


def export_json_text(path: Path, clock, **given) -> str:
    import io

    from journal.services.interchange.exports import export_json

    open_journal(path, **given)
    try:
        stream = io.StringIO()
        export_json(stream, clock=clock)
        return stream.getvalue()
    finally:
        close_journal()


def test_the_json_export_is_the_same_plain_and_encrypted_and_imports_back(secret_journal, clock, tmp_path):
    from journal.services.interchange.imports import run_import

    before = export_json_text(secret_journal, clock)
    key = encryption.encrypt(secret_journal, PASSPHRASE)
    assert export_json_text(secret_journal, clock, key=key) == before
    # The export imported into a new encrypted journal (on a worker thread's connection, as the
    # window imports) gives the same export back.
    exported = tmp_path / "export.json"
    exported.write_text(before)
    other = tmp_path / "other" / "journal.sqlite3"
    open_journal(other)
    close_journal()
    other_key = encryption.encrypt(other, "another passphrase")
    database = open_journal(other, key=other_key)
    try:
        import threading

        from journal.services.interchange.imports import in_own_connection

        failures: list[BaseException] = []

        def worker() -> None:
            try:
                in_own_connection(run_import, "json", exported, clock=clock)
            except BaseException as exc:  # reported below, on the test's thread
                failures.append(exc)

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert failures == []
        assert database.encrypted
    finally:
        close_journal()
    assert export_json_text(other, clock, key=other_key) == before
    assert leaks(other.parent) == []


def test_read_only_verbs_read_an_encrypted_journal(secret_journal):
    encryption.encrypt(secret_journal, PASSPHRASE)
    before = files_under(secret_journal.parent)
    with pytest.raises(PassphraseRequired):
        open_journal(secret_journal, read_only=True)
    database = open_journal(secret_journal, read_only=True, passphrase=PASSPHRASE)
    try:
        assert database.encrypted
        assert Person.select().where(Person.name == NAME).exists()
    finally:
        close_journal()
    assert files_under(secret_journal.parent) == before


def test_a_damaged_backup_that_cannot_be_encrypted_is_named(secret_journal):
    damaged = backups.backup_dir(secret_journal) / "journal-20260101-000000-damaged.backup.sqlite3"
    first = backups.list_backups(secret_journal)[0].read_bytes()
    damaged.write_bytes(first[:4096] + bytes(len(first) - 4096))  # the header, then zeros
    with pytest.raises(encryption.BackupsNotConverted) as info:
        encryption.encrypt(secret_journal, PASSPHRASE)
    assert info.value.paths == [damaged]
    assert damaged.name in str(info.value) and "\n" not in str(info.value)
    assert cipher.is_encrypted(secret_journal) and cipher.check(secret_journal, info.value.key)
    assert all(cipher.is_encrypted(path) for path in backups.list_backups(secret_journal) if path != damaged)
    assert not [p for p in files_under(secret_journal.parent) if p.name.endswith(".converting")]
