"""Online backups with SQLite's backup API (never a file copy of a live WAL database)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from peewee import OperationalError, SqliteDatabase

from journal.errors import JournalError
from journal.store import cipher
from journal.store.cipher import DATABASE_ERRORS, JournalKey
from journal.store.identity import APPLICATION_ID

DEFAULT_KEEP = 10
SUFFIX = ".backup.sqlite3"


PARTIAL_SUFFIX = ".partial"
# SQLite's header: "SQLite format 3\0", then the page size at 16, the change counter at 24, the
# page count at 28, the application id at 68 and the version-valid-for number at 92.
_HEADER = b"SQLite format 3\x00"


def backup_dir(journal: Path) -> Path:
    return journal.parent / "backups"


class DiskFullError(JournalError):
    """The disk holding `folder` has no room left; `what` says what was not done."""

    def __init__(self, folder: Path, what: str = "no backup was taken", hint: str = "") -> None:
        self.folder = folder
        hint = hint or "Free some space and run `contact-journal backup`."
        super().__init__(f"The disk holding {folder} is full: {what}. {hint}")


def is_disk_full(exc: BaseException | None) -> bool:
    """True when `exc`, or an exception it was raised from or during, is a full disk or quota."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return True
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            return True
        if isinstance(exc, (*DATABASE_ERRORS, OperationalError)) and "disk is full" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


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
        if match and _looks_whole(path):
            day, time, reason, counter = match.groups()
            found.append(((day, time, int(counter or 1)), reason, path))
    found.sort(key=lambda item: item[0])
    return found


def _looks_whole(path: Path) -> bool:
    """A cheap look at the header: a whole SQLite file of a Contact Journal, as long as its
    header says. A 0-byte, cut-short or foreign file named like a backup is not a backup."""

    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return False
    if len(header) == 100 and not header.startswith(_HEADER) and cipher.available():
        # Encrypted (a backup of an encrypted journal): nothing is readable without its key, but
        # it is whole pages, as SQLCipher writes it. Backups are only named once verified.
        return size >= cipher.CIPHER_PAGE_SIZE and size % cipher.CIPHER_PAGE_SIZE == 0
    if len(header) < 100 or not header.startswith(_HEADER):
        return False
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or size % page_size:
        return False
    pages = int.from_bytes(header[28:32], "big")
    if pages and header[24:28] == header[92:96]:  # the in-header size is valid
        return size == pages * page_size
    return size >= page_size


def named_backups(journal: Path) -> list[Path]:
    """Every file in the backups folder named like a backup of `journal`, whole or not (a
    damaged journal moved aside included): what a conversion of its encryption goes through."""
    folder = backup_dir(journal)
    if not folder.is_dir():
        return []
    pattern = _pattern(journal)
    return [path for path in folder.iterdir() if pattern.match(path.name) and path.is_file()]


def list_backups(journal: Path, reason: str | None = None) -> list[Path]:
    """This journal's backups (optionally only those taken for `reason`), oldest first.

    Only whole files count: a backup cut short (a crash, a full disk) is not listed."""
    return [path for _, why, path in _parsed(journal) if reason is None or why == reason]


def newest_backup(journal: Path) -> Path | None:
    found = list_backups(journal)
    return found[-1] if found else None


def backup_reason(journal: Path, path: Path) -> str | None:
    match = _pattern(journal).match(path.name)
    return match.group(3) if match else None


def open_readonly(path: Path, key: JournalKey | None = None):
    """A read-only connection that leaves no -wal or -shm file behind (through SQLCipher, with
    `key` applied, for an encrypted file).

    A database closed cleanly (no -wal beside it) holds all its data in the main file and is
    read as immutable, so SQLite creates nothing next to it; one with a -wal (open elsewhere, or
    left by a crash) is read through it, since its latest data is there.
    """
    if key is not None:
        return cipher.connect_read_only(path, key)
    immutable = "&immutable=1" if not Path(f"{path}-wal").exists() else ""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)


def connect_target(path: Path, key: JournalKey | None):
    """A connection that writes the copy at `path`: encrypted with `key`, or plain."""
    if key is None:
        return sqlite3.connect(path)
    target = cipher.driver().connect(path)
    cipher.apply_key(target, key)
    return target


def _copy_online(source, target_path: Path, key: JournalKey | None = None) -> None:
    """Copy `source` into a new file; with `key`, source and copy are encrypted with that key
    (SQLCipher's backup API copies between databases with the same key only)."""
    fd = os.open(target_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    target = connect_target(target_path, key)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def _partials(journal: Path) -> list[Path]:
    """This journal's partial backups (mkstemp names: .<stem>-XXXXXXXX.partial) and their companions."""
    folder = backup_dir(journal)
    if not folder.is_dir():
        return []
    pattern = re.compile(
        r"\." + re.escape(_stem(journal)) + r"-[A-Za-z0-9_]{8}" + re.escape(PARTIAL_SUFFIX) + r"(-journal|-wal|-shm)?$"
    )
    return [path for path in folder.iterdir() if pattern.match(path.name)]


def remove_leftovers(journal: Path) -> list[Path]:
    """Delete partial backups left by a backup that was killed or ran out of space (and their
    -journal files); one being written right now (its writer holds a lock on it) is left alone."""
    removed = []
    for path in _partials(journal):
        if not path.name.endswith(PARTIAL_SUFFIX):  # a -journal beside a partial: goes with it
            if not path.with_name(path.name.rsplit("-", 1)[0]).exists():
                path.unlink(missing_ok=True)
                removed.append(path)
            continue
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            if cipher.lock_file(fd, blocking=False):
                cipher.discard(path)
                removed.append(path)
        finally:
            os.close(fd)
    return removed


def _check_copy(path: Path, key: JournalKey | None = None) -> str:
    """'ok' or what is wrong with a freshly written copy: SQLite's quick check, and that it is
    a Contact Journal."""

    try:
        conn = open_readonly(path, key)
        try:
            status = conn.execute("PRAGMA quick_check").fetchall()
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except DATABASE_ERRORS as exc:
        return " ".join(str(exc).split())
    messages = [row[0] for row in status]
    if messages != ["ok"]:
        return " ".join("; ".join(messages[:3]).split())
    if app_id != APPLICATION_ID:
        return "the copy is not a Contact Journal"
    return "ok"


def _write_backup(source, folder: Path, prefix: str, name_for, key: JournalKey | None = None) -> Path:
    """Copy `source` to a partial file in `folder` (encrypted with `key`, the source's own),
    verify and fsync it, then give it the first free name `name_for(counter)` without ever
    replacing a file. Returns the final path."""
    fd, partial_name = tempfile.mkstemp(prefix=prefix, suffix=PARTIAL_SUFFIX, dir=folder)  # 0600
    partial = Path(partial_name)
    try:
        cipher.lock_file(fd, blocking=True)
        target = connect_target(partial, key)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        status = _check_copy(partial) if key is None else _check_copy(partial, key)
        if status != "ok":
            raise JournalError(f"The backup written to {folder} did not verify ({status}); no backup was taken.")
        os.fsync(fd)
        counter = 1
        while True:
            final = folder / name_for(counter)
            try:
                os.link(partial, final)  # atomic, and never replaces a backup of the same name
            except FileExistsError:
                counter += 1
                continue
            except OSError as exc:
                if is_disk_full(exc):
                    raise
                if final.exists():  # pragma: no cover - a file system without hard links
                    counter += 1
                    continue
                os.replace(partial, final)  # pragma: no cover
            break
        partial.unlink(missing_ok=True)
        _fsync_dir(folder)
        return final
    except BaseException:
        cipher.discard(partial)
        raise
    finally:
        os.close(fd)


def backup(
    journal: Path,
    database: SqliteDatabase | None = None,
    *,
    reason: str = "manual",
    now: dt.datetime | None = None,
    keep: int = DEFAULT_KEEP,
    key: JournalKey | None = None,
) -> Path:
    """Copy the live journal into the backups folder; returns the copy.

    A backup of an encrypted journal is encrypted with its key: `database.key`, or `key` when
    no database is given (the journal is then read from its file).

    The copy is written to a hidden `.partial` file, checked (SQLite's quick check, and that it
    is a Contact Journal), fsync'ed and only then renamed to its backup name, so a crash or a
    full disk never leaves a file that looks like a backup. Partial files left by an earlier
    backup are removed first. A full disk raises DiskFullError with nothing left behind.
    Daily and manual copies are then pruned to the newest `keep` of their kind.
    """
    folder = backup_dir(journal)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem = _stem(journal)

    def name_for(counter: int) -> str:
        return f"{stem}-{stamp}-{reason}{'' if counter == 1 else f'-{counter}'}{SUFFIX}"

    if database is not None:
        key = getattr(database, "key", None)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        remove_leftovers(journal)
        if database is not None:
            # peewee keeps a connection per thread: one opened here (a worker thread) is closed again.
            opened_here = database.is_closed()
            try:
                target = _write_backup(database.connection(), folder, f".{stem}-", name_for, key)
            finally:
                if opened_here:
                    database.close()
        else:
            source = open_readonly(journal, key)
            try:
                target = _write_backup(source, folder, f".{stem}-", name_for, key)
            finally:
                source.close()
    except (OSError, *DATABASE_ERRORS) as exc:
        if is_disk_full(exc):
            raise DiskFullError(folder) from exc
        raise
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


def verify(path: Path, key: JournalKey | None = None) -> str:
    """'ok' or SQLite's description of what is wrong with the file at `path` (read with `key`
    when it is encrypted; SQLCipher then also checks every page's HMAC)."""
    try:
        conn = open_readonly(path, key)
    except DATABASE_ERRORS as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if key is not None and rows == [("ok",)]:
            failed = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            rows = [(row[0],) for row in failed] or rows
    except DATABASE_ERRORS as exc:
        return str(exc)
    finally:
        conn.close()
    messages = [row[0] for row in rows]
    return "ok" if messages == ["ok"] else "; ".join(messages[:5])


def export_copy(source: Path, source_key: JournalKey | None, target: Path, target_key: JournalKey | None) -> None:
    """Write `source` (read with `source_key`) into the new file `target`, encrypted with
    `target_key` or plain: SQLCipher's export, for copies the backup API cannot make (between
    a plain and an encrypted file, or two keys). The versions are copied as well."""
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    connection = cipher.driver().connect(str(target), isolation_level=None)
    try:
        cipher.apply_key(connection, target_key)
        value = "" if source_key is None else source_key.pragma_value().strip('"')
        connection.execute("ATTACH DATABASE ? AS source KEY ?", (cipher.read_only_uri(source), value))
        connection.execute("PRAGMA main.synchronous = OFF")  # fsync'ed once, whole, by the caller
        try:
            connection.execute("SELECT sqlcipher_export('main', 'source')")
            for pragma in ("user_version", "application_id"):
                value = int(connection.execute(f"PRAGMA source.{pragma}").fetchone()[0])
                connection.execute(f"PRAGMA main.{pragma} = {value}")
        finally:
            connection.execute("DETACH DATABASE source")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def restore(
    journal: Path,
    source: Path,
    *,
    now: dt.datetime | None = None,
    key: JournalKey | None = None,
    source_key: JournalKey | None = None,
) -> Path | None:
    """Replace the (closed) journal with `source`, keeping a copy of what is replaced.

    `key` is the journal's key (None when it is plain), `source_key` the source's (None when
    plain). An encrypted journal stays encrypted with its key, whatever the source's; a plain
    one takes the source's encryption. The copy kept of what is replaced keeps its own.

    The source is checked before anything changes. The current journal is kept as a backup:
    copied with the backup API when it is readable, moved aside as is (with its -wal file) when
    it is damaged. The restored copy is written beside the journal and swapped in with an atomic
    rename, so a crash leaves either the old journal or the restored one. Returns the kept copy,
    if there was one.
    """
    status = verify(source, source_key)
    if status != "ok":
        raise ValueError(f"{source} cannot be restored: {status}")
    current = journal.exists() and journal.stat().st_size > 0
    target_key = key if key is not None and current else source_key
    now = now or dt.datetime.now()
    journal.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    kept: Path | None = None
    if current:
        if verify(journal, key) == "ok":
            kept = backup(journal, reason="before-restore", now=now, key=key)
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
    if target_key == source_key:
        src = open_readonly(source, source_key)
        try:
            _copy_online(src, staging, source_key)
        finally:
            src.close()
    else:
        export_copy(source, source_key, staging, target_key)
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
