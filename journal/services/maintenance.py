"""Opening the journal for a session, backups, restore and integrity checks."""

from __future__ import annotations

from pathlib import Path

from journal.clock import SYSTEM_CLOCK, Clock
from journal.store import backups, db, migrations
from journal.store.errors import JournalError, NewerJournalError, NotAJournalError
from journal.store.models import DB


def open_session(path: Path, *, auto_backup: bool = True, keep: int = backups.DEFAULT_KEEP, clock: Clock = SYSTEM_CLOCK):
    """Open the journal and take the daily backup if none was taken today."""
    database = db.open_journal(path)
    if auto_backup:
        backups.backup_if_due(path, database, clock.today(), keep=keep)
    return database


def current_path() -> Path:
    return Path(DB.obj.database)


def backup_now(path: Path, keep: int = backups.DEFAULT_KEEP) -> Path:
    return backups.backup(path, DB.obj, reason="manual", keep=keep)


def check(path: Path) -> str:
    """'ok' or what SQLite found wrong, from PRAGMA integrity_check."""
    return backups.verify(path)


def restore(path: Path, source: Path) -> Path | None:
    """Replace the journal at `path` (which must be closed) with the journal `source`."""
    source = source.expanduser()
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
    try:
        return backups.restore(path, source)
    except ValueError as exc:
        raise JournalError(str(exc)) from exc
