"""Online backups with SQLite's backup API (never a file copy of a live WAL database)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

DEFAULT_KEEP = 10
SUFFIX = ".backup.sqlite3"


def backup_dir(journal: Path) -> Path:
    return journal.parent / "backups"


def _stem(journal: Path) -> str:
    return journal.name.removesuffix(".sqlite3").removesuffix(".db")


def list_backups(journal: Path) -> list[Path]:
    """This journal's backups, oldest first (names sort by time)."""
    folder = backup_dir(journal)
    if not folder.is_dir():
        return []
    prefix = _stem(journal) + "-"
    return sorted(p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(SUFFIX))


def newest_backup(journal: Path) -> Path | None:
    found = list_backups(journal)
    return found[-1] if found else None


def _copy_online(source: sqlite3.Connection, target_path: Path) -> None:
    fd = os.open(target_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def backup(
    journal: Path,
    database: SqliteDatabase | None = None,
    *,
    reason: str = "manual",
    now: dt.datetime | None = None,
    keep: int = DEFAULT_KEEP,
) -> Path:
    """Copy the live journal into the backups folder and prune old copies; returns the copy."""
    folder = backup_dir(journal)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{_stem(journal)}-{stamp}-{reason}{SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{_stem(journal)}-{stamp}-{reason}-{counter}{SUFFIX}"
    if database is not None:
        _copy_online(database.connection(), target)
    else:
        source = sqlite3.connect(f"{journal.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _copy_online(source, target)
        finally:
            source.close()
    prune(journal, keep)
    return target


def prune(journal: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic and manual backups."""
    found = list_backups(journal)
    doomed = found[: max(0, len(found) - max(1, keep))]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def backup_if_due(journal: Path, database: SqliteDatabase, today: dt.date, keep: int = DEFAULT_KEEP) -> Path | None:
    """The automatic start-up backup: at most once a day."""
    newest = newest_backup(journal)
    if newest is not None and newest.name.startswith(f"{_stem(journal)}-{today:%Y%m%d}"):
        return None
    return backup(journal, database, reason="daily", keep=keep)


def verify(path: Path) -> str:
    """'ok' or SQLite's description of what is wrong with the file at `path`."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    messages = [row[0] for row in rows]
    return "ok" if messages == ["ok"] else "; ".join(messages[:5])


def restore(journal: Path, source: Path) -> Path | None:
    """Replace the (closed) journal with `source`, keeping a copy of what is replaced.

    The source is checked before anything changes. The current journal is kept as a backup:
    copied with the backup API when it is readable, moved aside as is when it is damaged. The
    restored copy is written beside the journal and swapped in with an atomic rename, so a crash
    leaves either the old journal or the restored one. Returns the kept copy, if there was one.
    """
    status = verify(source)
    if status != "ok":
        raise ValueError(f"{source} cannot be restored: {status}")
    kept: Path | None = None
    if journal.exists() and journal.stat().st_size > 0:
        if verify(journal) == "ok":
            kept = backup(journal, reason="before-restore", keep=10_000)
        else:
            folder = backup_dir(journal)
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            kept = folder / f"{_stem(journal)}-{dt.datetime.now():%Y%m%d-%H%M%S}-damaged{SUFFIX}"
            os.replace(journal, kept)
    staging = journal.with_name(journal.name + ".restoring")
    staging.unlink(missing_ok=True)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy_online(src, staging)
    finally:
        src.close()
    with open(staging, "rb") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        Path(f"{journal}{suffix}").unlink(missing_ok=True)
    os.replace(staging, journal)
    return kept
