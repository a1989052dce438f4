"""Opening the journal for a session, backups, restore and integrity checks."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from peewee import PeeweeException

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import JournalError, NewerJournalError, NotAJournalError
from journal.store import backups, cipher, db, migrations
from journal.store.cipher import (  # noqa: F401 - what the window and the CLI see of encryption
    DATABASE_ERRORS,
    EncryptionUnavailable,
    JournalKey,
    PassphraseRequired,
    WrongPassphrase,
)
from journal.store.models import ALL_MODELS, DB


def encryption_available() -> bool:
    """True when this installation can encrypt journals (the `encryption` extra, SQLCipher)."""
    return cipher.available()


def is_encrypted(path: Path) -> bool:
    """True when the journal at `path` is encrypted (read from its first bytes, nothing opened)."""
    return cipher.looks_encrypted(Path(path).expanduser())


def unlock(path: Path, passphrase: str) -> JournalKey:
    """The key of the encrypted journal at `path`: one key derivation (~0.2 s, run it off the GUI
    thread), then checked against the file, which is never written. WrongPassphrase when it is
    not its passphrase."""
    return cipher.unlock(Path(path).expanduser(), passphrase=passphrase)


def same_passphrase(key: JournalKey, passphrase: str) -> bool:
    """True when `passphrase` gives `key` (a lock's check: one derivation, no file read)."""
    import hmac

    return hmac.compare_digest(cipher.derive(passphrase, key.salt), key.key)


def has_data() -> bool:
    """True once the open journal holds anything at all (a person, a conversation, a tag...)."""
    return any(model.select().exists() for model in ALL_MODELS)


def warn(message: str) -> None:
    """The default for open_session's `on_backup_failure`: one line on stderr."""
    print(f"contact-journal: warning: {' '.join(message.split())}", file=sys.stderr)


def open_session(
    path: Path,
    *,
    key: JournalKey | None = None,
    passphrase: str | None = None,
    auto_backup: bool = True,
    keep: int = backups.DEFAULT_KEEP,
    clock: Clock = SYSTEM_CLOCK,
    on_backup_failure: Callable[[str], None] | None = warn,
):
    """Open the journal and take the daily backup if none was taken today.

    A journal with nothing in it yet (a brand-new one) is not backed up: there is nothing to lose.
    A daily backup that fails (a full disk) never stops the session: the journal is returned
    open, and the reason goes to `on_backup_failure` (by default one warning line on stderr)
    and is kept as `database.backup_failure` (None when the backup was taken or not due).
    An encrypted journal needs `key` or `passphrase` (see db.open_journal); its backups are
    encrypted with its key.
    """
    database = db.open_journal(path, key=key, passphrase=passphrase)
    database.backup_failure = None
    if auto_backup and has_data():
        try:
            backups.backup_if_due(Path(path).expanduser(), database, clock.now(), keep=keep)
        except (JournalError, OSError, PeeweeException, *DATABASE_ERRORS) as exc:
            database.backup_failure = _backup_failure(exc)
            if on_backup_failure is not None:
                on_backup_failure(database.backup_failure)
    return database


def _backup_failure(exc: BaseException) -> str:
    if isinstance(exc, JournalError):
        return " ".join(str(exc).split())
    return f"the daily backup failed: {' '.join(str(exc).split())}"


class DailyBackup(threading.Thread):
    """The daily backup's thread; once joined, `result` is the copy taken (None when none was
    due) and `error` the exception it failed with (None when it did not)."""

    def __init__(self, target: Callable[[], Path | None]) -> None:
        super().__init__(name="daily-backup", daemon=True)
        self._work = target
        self.result: Path | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except Exception as exc:  # a backup that fails must not take the app down
            self.error = exc
            print(f"contact-journal: warning: the daily backup failed: {_backup_failure(exc)}", file=sys.stderr)


def start_daily_backup(path: Path, *, keep: int = backups.DEFAULT_KEEP, clock: Clock = SYSTEM_CLOCK) -> DailyBackup:
    """The daily backup, off the calling (GUI) thread: copying a large journal takes seconds.

    The thread uses its own connection (peewee keeps one per thread) and closes it; the online
    backup API reads a consistent snapshot while the window goes on writing (WAL). A failure (a
    full disk) is reported on stderr, kept as the thread's `error`, and never stops the app.
    Join the returned thread before closing the journal.
    """
    database = DB.obj
    journal = Path(path).expanduser()

    def work() -> Path | None:
        with database.connection_context():
            if has_data():
                return backups.backup_if_due(journal, database, clock.now(), keep=keep)
        return None

    thread = DailyBackup(work)
    thread.start()
    return thread


def current_path() -> Path:
    return db.journal_file(DB.obj)


def backup_now(path: Path, keep: int = backups.DEFAULT_KEEP, *, clock: Clock = SYSTEM_CLOCK) -> Path:
    """A manual backup. A full disk is a DiskFullError (a JournalError) naming the backups folder,
    with nothing left behind; any other failure of SQLite or the file system is a JournalError."""
    try:
        return backups.backup(path, DB.obj, reason="manual", now=clock.now(), keep=keep)
    except JournalError:
        raise
    except (OSError, *DATABASE_ERRORS) as exc:
        folder = backups.backup_dir(Path(path).expanduser())
        raise JournalError(f"No backup was taken in {folder}: {' '.join(str(exc).split())}") from exc


def check(path: Path, *, key: JournalKey | None = None, passphrase: str | None = None) -> str:
    """'ok', or what is wrong (one line): SQLite's PRAGMA integrity_check, then that it is a
    Contact Journal. SQLite's own multi-line report is added only with CONTACT_JOURNAL_DEBUG set.
    An encrypted journal needs its `key` or `passphrase` (PassphraseRequired, WrongPassphrase);
    SQLCipher then also checks every page's HMAC.

    Raises JournalError, before anything opens it, for a path that is not a regular file.
    """
    import os

    db.refuse_odd_file(Path(path))
    unreadable = db.unreadable_wal(Path(path))
    if unreadable:
        raise JournalError(unreadable)
    path = Path(path)
    if cipher.looks_encrypted(path):
        key = cipher.unlock(path, key=key, passphrase=passphrase)
    else:
        key = None
    status = backups.verify(path, key)
    if status != "ok":
        detail = " ".join(status.split())
        if "not a database" in detail:
            return "it is not an SQLite database"
        return "the file is damaged" + (f": {detail}" if os.environ.get("CONTACT_JOURNAL_DEBUG") else "")
    try:
        app_id, version, has_tables = db.inspect_file(path, key)
    except NotAJournalError as exc:  # pragma: no cover - verify() already read every page
        return str(exc)
    if has_tables and app_id != db.APPLICATION_ID:
        return "it is an SQLite database of another program, not a Contact Journal"
    if version > migrations.SCHEMA_VERSION:
        return f"it was written by a newer Contact Journal (schema {version})"
    return "ok"


def _open_here(path: Path) -> bool:
    database = DB.obj
    if database is None or database.is_closed():
        return False
    try:
        return db.journal_file(database).resolve() == path.resolve()
    except OSError:
        return False


def _source_key(
    source: Path, key: JournalKey | None, passphrase: str | None, journal_key: JournalKey | None, journal_passphrase: str | None
) -> JournalKey:
    """The key that opens the encrypted backup `source`: the one given for it (WrongPassphrase
    when it does not open it), else the journal's own when it is the same (PassphraseRequired,
    naming the backup, when it is not)."""
    if key is not None or passphrase is not None:
        return cipher.unlock(source, key=key, passphrase=passphrase)
    cipher.require()
    if journal_key is not None and cipher.check(source, journal_key):
        return journal_key
    if journal_passphrase is not None:
        candidate = cipher.key_for(source, journal_passphrase)
        if cipher.check(source, candidate):
            return candidate
    raise PassphraseRequired(source)


def restore(
    path: Path,
    source: Path,
    *,
    clock: Clock = SYSTEM_CLOCK,
    key: JournalKey | None = None,
    passphrase: str | None = None,
    source_key: JournalKey | None = None,
    source_passphrase: str | None = None,
) -> Path | None:
    """Replace the journal at `path` (which must be closed) with the journal `source`.

    An encrypted journal needs its `key` or `passphrase`, and stays encrypted with it: the
    backup is written into it with that key. An encrypted backup opens with the journal's own
    key or passphrase when it has the same one, else it needs `source_key`/`source_passphrase`
    (PassphraseRequired / WrongPassphrase naming the backup). A plain journal restored from an
    encrypted backup becomes encrypted with the backup's passphrase.

    Refused, with nothing changed, when the source is not a Contact Journal, comes from a newer
    version, or when the journal is open (in this process or another one, such as the window).
    A journal path that is a symlink is restored at its target, which is where SQLite keeps the
    -wal and -shm (and so the locks the in-use check looks at); the link itself stays a link.
    """
    path = Path(path).expanduser()
    if path.is_symlink():
        path = path.resolve()
    source = Path(source).expanduser()
    if not db.refuse_odd_file(source):
        raise JournalError(f"{source} does not exist.")
    db.refuse_odd_file(path)
    journal_key = None
    if path.exists() and cipher.looks_encrypted(path):
        journal_key = cipher.unlock(path, key=key, passphrase=passphrase)
    source_key_found = None
    if cipher.looks_encrypted(source):
        source_key_found = _source_key(source, source_key, source_passphrase, journal_key or key, passphrase)
    try:
        app_id, version, has_tables = db.inspect_file(source, source_key_found)
    except NotAJournalError as exc:
        raise JournalError(f"{source} is not a Contact Journal backup: {exc}") from exc
    if not has_tables or app_id != db.APPLICATION_ID:
        raise JournalError(f"{source} is not a Contact Journal backup.")
    if version > migrations.SCHEMA_VERSION:
        raise NewerJournalError(source, version, migrations.SCHEMA_VERSION)
    if _open_here(path):
        raise JournalError(f"{path} is open; close it before restoring a backup over it.")
    if db.in_use(path):
        raise JournalError(f"{path} is in use (is Contact Journal running?); quit it, then restore.")
    try:
        return backups.restore(path, source, now=clock.now(), key=journal_key, source_key=source_key_found)
    except ValueError as exc:
        raise JournalError(str(exc)) from exc
