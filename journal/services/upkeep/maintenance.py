"""Opening the journal for a session, backups, restore and integrity checks."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import JournalError, NewerJournalError, NotAJournalError
from journal.store import backups, db, migrations
from journal.store.models import ALL_MODELS, DB


def has_data() -> bool:
    """True once the open journal holds anything at all (a person, a conversation, a tag...)."""
    return any(model.select().exists() for model in ALL_MODELS)


def open_session(path: Path, *, auto_backup: bool = True, keep: int = backups.DEFAULT_KEEP, clock: Clock = SYSTEM_CLOCK):
    """Open the journal and take the daily backup if none was taken today.

    A journal with nothing in it yet (a brand-new one) is not backed up: there is nothing to lose.
    """
    database = db.open_journal(path)
    if auto_backup and has_data():
        backups.backup_if_due(Path(path).expanduser(), database, clock.now(), keep=keep)
    return database


def start_daily_backup(
    path: Path, *, keep: int = backups.DEFAULT_KEEP, clock: Clock = SYSTEM_CLOCK
) -> threading.Thread:
    """The daily backup, off the calling (GUI) thread: copying a large journal takes seconds.

    The thread uses its own connection (peewee keeps one per thread) and closes it; the online
    backup API reads a consistent snapshot while the window goes on writing (WAL). A failure is
    reported on stderr and never stops the app. Join the returned thread before closing the
    journal.
    """
    database = DB.obj
    journal = Path(path).expanduser()

    def run() -> None:
        try:
            with database.connection_context():
                if has_data():
                    backups.backup_if_due(journal, database, clock.now(), keep=keep)
        except Exception as exc:  # a backup that fails must not take the app down
            print(f"contact-journal: the daily backup of {journal} failed: {exc}", file=sys.stderr)

    thread = threading.Thread(target=run, name="daily-backup", daemon=True)
    thread.start()
    return thread


def current_path() -> Path:
    return Path(DB.obj.database)


def backup_now(path: Path, keep: int = backups.DEFAULT_KEEP, *, clock: Clock = SYSTEM_CLOCK) -> Path:
    return backups.backup(path, DB.obj, reason="manual", now=clock.now(), keep=keep)


def check(path: Path) -> str:
    """'ok', or what is wrong: SQLite's PRAGMA integrity_check, then that it is a Contact Journal."""
    status = backups.verify(path)
    if status != "ok":
        return status
    try:
        app_id, version, has_tables = db.inspect_file(path)
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
        return Path(database.database).resolve() == path.resolve()
    except OSError:
        return False


def restore(path: Path, source: Path, *, clock: Clock = SYSTEM_CLOCK) -> Path | None:
    """Replace the journal at `path` (which must be closed) with the journal `source`.

    Refused, with nothing changed, when the source is not a Contact Journal, comes from a newer
    version, or when the journal is open (in this process or another one, such as the window).
    """
    path = Path(path).expanduser()
    source = Path(source).expanduser()
    if not source.is_file():
        raise JournalError(f"{source} does not exist.")
    try:
        app_id, version, has_tables = db.inspect_file(source)
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
        return backups.restore(path, source, now=clock.now())
    except ValueError as exc:
        raise JournalError(str(exc)) from exc
