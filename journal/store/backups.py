"""Online backups with SQLite's backup API (never a file copy of a live WAL database)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

DEFAULT_KEEP = 10
SUFFIX = ".backup.sqlite3"


def backup_dir(journal: Path) -> Path:
    return journal.parent / "backups"


def _stem(journal: Path) -> str:
    return journal.name.removesuffix(".sqlite3").removesuffix(".db")


# Reasons whose copies are pruned to the last N; the safety copies taken before an upgrade, a
# restore or of a damaged journal are never deleted automatically.
PRUNED_REASONS = ("daily", "manual")


def _pattern(journal: Path) -> re.Pattern[str]:
    # <stem>-YYYYMMDD-HHMMSS-<reason>[-<n>].backup.sqlite3
    return re.compile(
        re.escape(_stem(journal)) + r"-(\d{8})-(\d{6})-([a-z][a-z0-9-]*?)(?:-(\d+))?" + re.escape(SUFFIX) + "$"
    )


def _parsed(journal: Path) -> list[tuple[tuple[str, str, int], str, Path]]:
    folder = backup_dir(journal)
    if not folder.is_dir():
        return []
    pattern = _pattern(journal)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match:
            day, time, reason, counter = match.groups()
            found.append(((day, time, int(counter or 1)), reason, path))
    found.sort(key=lambda item: item[0])
    return found


def list_backups(journal: Path, reason: str | None = None) -> list[Path]:
    """This journal's backups (optionally only those taken for `reason`), oldest first."""
    return [path for _, why, path in _parsed(journal) if reason is None or why == reason]


def newest_backup(journal: Path) -> Path | None:
    found = list_backups(journal)
    return found[-1] if found else None


def backup_reason(journal: Path, path: Path) -> str | None:
    match = _pattern(journal).match(path.name)
    return match.group(3) if match else None


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no -wal or -shm file behind.

    A database closed cleanly (no -wal beside it) holds all its data in the main file and is
    read as immutable, so SQLite creates nothing next to it; one with a -wal (open elsewhere, or
    left by a crash) is read through it, since its latest data is there.
    """
    immutable = "&immutable=1" if not Path(f"{path}-wal").exists() else ""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)


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
    """Copy the live journal into the backups folder; returns the copy.

    Daily and manual copies are then pruned to the newest `keep` of their kind.
    """
    folder = backup_dir(journal)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{_stem(journal)}-{stamp}-{reason}{SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{_stem(journal)}-{stamp}-{reason}-{counter}{SUFFIX}"
    if database is not None:
        # peewee keeps a connection per thread: one opened here (a worker thread) is closed again.
        opened_here = database.is_closed()
        try:
            _copy_online(database.connection(), target)
        finally:
            if opened_here:
                database.close()
    else:
        source = open_readonly(journal)
        try:
            _copy_online(source, target)
        finally:
            source.close()
    if reason in PRUNED_REASONS:
        prune(journal, keep, reason)
    return target


def prune(journal: Path, keep: int, reason: str = "daily") -> list[Path]:
    """Delete all but the newest `keep` (at least one) backups taken for `reason`."""
    found = list_backups(journal, reason)
    doomed = found[: max(0, len(found) - max(1, keep))]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def backup_if_due(journal: Path, database: SqliteDatabase, now: dt.datetime, keep: int = DEFAULT_KEEP) -> Path | None:
    """The automatic start-up backup: at most once a calendar day (any backup today counts)."""
    today = now.strftime("%Y%m%d")
    if any(key[0] == today for key, _, _ in _parsed(journal)):
        return None
    return backup(journal, database, reason="daily", now=now, keep=keep)


def verify(path: Path) -> str:
    """'ok' or SQLite's description of what is wrong with the file at `path`."""
    try:
        conn = open_readonly(path)
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


def restore(journal: Path, source: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Replace the (closed) journal with `source`, keeping a copy of what is replaced.

    The source is checked before anything changes. The current journal is kept as a backup:
    copied with the backup API when it is readable, moved aside as is (with its -wal file) when
    it is damaged. The restored copy is written beside the journal and swapped in with an atomic
    rename, so a crash leaves either the old journal or the restored one. Returns the kept copy,
    if there was one.
    """
    status = verify(source)
    if status != "ok":
        raise ValueError(f"{source} cannot be restored: {status}")
    now = now or dt.datetime.now()
    journal.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    kept: Path | None = None
    if journal.exists() and journal.stat().st_size > 0:
        if verify(journal) == "ok":
            kept = backup(journal, reason="before-restore", now=now)
        else:
            folder = backup_dir(journal)
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            kept = folder / f"{_stem(journal)}-{now:%Y%m%d-%H%M%S}-damaged{SUFFIX}"
            counter = 1
            while kept.exists():
                counter += 1
                kept = folder / f"{_stem(journal)}-{now:%Y%m%d-%H%M%S}-damaged-{counter}{SUFFIX}"
            wal = Path(f"{journal}-wal")
            if wal.exists():
                os.replace(wal, Path(f"{kept}-wal"))
            os.replace(journal, kept)
    staging = journal.with_name(journal.name + ".restoring")
    staging.unlink(missing_ok=True)
    src = open_readonly(source)
    try:
        _copy_online(src, staging)
    finally:
        src.close()
    with open(staging, "rb") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        Path(f"{journal}{suffix}").unlink(missing_ok=True)
    os.replace(staging, journal)
    _fsync_dir(journal.parent)
    return kept


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
