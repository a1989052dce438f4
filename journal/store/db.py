"""Opening a journal: private file permissions, pragmas, schema checks and migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import warnings
from pathlib import Path

from peewee import PeeweeException, SqliteDatabase

from journal.errors import JournalError, NewerJournalError, NotAJournalError
from journal.store import backups, migrations
from journal.store.models import DB

# 'CJNL' in ASCII: marks a SQLite file as a Contact Journal.
APPLICATION_ID = 0x434A4E4C
BUSY_TIMEOUT_MS = 5000

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed conversation survives a power cut.
    "busy_timeout": BUSY_TIMEOUT_MS,
    # 4 MB of SQLite's own page cache (twice its default): the OS keeps the file's pages anyway,
    # and on a 1 GB journal a 16 MB cache only added resident memory (measured in bench/).
    "cache_size": -4000,
    "temp_store": 2,
}

FILE_MODE = 0o600
DIR_MODE = 0o700


@contextlib.contextmanager
def private_umask():
    """Files SQLite creates (the journal, -wal, -shm) are created readable by the owner only."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def ensure_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)


def make_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist, else tighten its mode."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
        os.close(fd)
    except FileExistsError:
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(FILE_MODE)


# quick_check reads every page: ~0.5 s per GB. Journals up to this size (years of ordinary use)
# are checked at every open; a larger one gets the cheap checks (header, schema, versions) at
# open, SQLite's own refusal of any damaged page it reads, and the full `contact-journal check`.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def _read_facts(path: Path, immutable: bool) -> tuple[int, int, int, str]:
    """(application_id, user_version, table count, quick_check) read from `path`."""
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        small = path.stat().st_size <= QUICK_CHECK_MAX_BYTES
        ok = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if tables and small else "ok"
    finally:
        conn.close()
    return app_id, version, tables, ok


def _read_facts_settled(path: Path) -> tuple[int, int, int, str]:
    """_read_facts, as immutable when the file was closed cleanly (no -wal beside it), so SQLite
    creates no -wal or -shm file; through its -wal otherwise (open elsewhere, or after a crash),
    since that is where its latest data is. Read again through the -wal if one appeared meanwhile."""
    wal = Path(f"{path}-wal")
    immutable = not wal.exists()
    try:
        facts = _read_facts(path, immutable)
        if facts[3] == "ok" or not immutable or not wal.exists():
            return facts
    except sqlite3.DatabaseError:
        if not immutable or not wal.exists():
            raise
    return _read_facts(path, False)


def inspect_file(path: Path) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) of an existing file, read-only.

    Raises NotAJournalError for anything that is not a readable SQLite journal, JournalError
    when another program holds it locked. Nothing about the file changes and nothing is created
    beside it. It is only ever read through SQLite: closing a file of our own on it would drop
    the locks of any connection this process has to it.
    """
    if path.stat().st_size == 0:
        return 0, 0, False
    try:
        app_id, version, tables, ok = _read_facts_settled(path)
    except sqlite3.DatabaseError as exc:
        reason = " ".join(str(exc).split())
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in reason or "busy" in reason):
            raise JournalError(f"{path} is locked by another program; try again once it is done.") from exc
        if "not a database" in reason:
            reason = "it is not an SQLite database"
        raise NotAJournalError(path, reason, backups.newest_backup(path)) from exc
    if ok != "ok":
        raise NotAJournalError(path, f"the file is damaged: {ok}", backups.newest_backup(path))
    return app_id, version, bool(tables)


def open_journal(path: Path | str, *, backup_before_migrating: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the journal at `path` and bind the models to it.

    A file that is not a journal, is damaged or comes from a newer version is refused before
    anything is written to it.
    """
    path = Path(path).expanduser()
    ensure_private_dir(path.parent)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        app_id, version, has_tables = inspect_file(path)
        if app_id != APPLICATION_ID and (has_tables or app_id != 0):
            raise NotAJournalError(path, "it is an SQLite database of another program", backups.newest_backup(path))
        if version > migrations.SCHEMA_VERSION:
            raise NewerJournalError(path, version, migrations.SCHEMA_VERSION)
    else:
        version = 0
    # The journal and its WAL companions exist, owner-only, before SQLite first opens them.
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        make_private(Path(name))
    with private_umask():
        database = SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            database.connect()
        except (PeeweeException, sqlite3.Error) as exc:
            reason = " ".join(str(exc).split())
            if "locked" in reason or "busy" in reason:
                raise JournalError(f"{path} is locked by another program; try again once it is done.") from exc
            raise JournalError(f"{path} could not be opened ({reason}).") from exc
    DB.initialize(database)
    if version == 0:
        migrations.create_schema(database, APPLICATION_ID)
    elif version < migrations.SCHEMA_VERSION:
        copy = backups.backup(path, database, reason=f"before-upgrade-v{version}") if backup_before_migrating else None
        try:
            migrations.upgrade(database, version)
        except Exception as exc:  # the upgrade ran in one transaction: the file is as it was
            database.close()
            kept = f" A copy taken before the upgrade is {copy}." if copy else ""
            raise JournalError(
                f"{path} could not be upgraded from schema {version} to {migrations.SCHEMA_VERSION} ({exc}); "
                f"it was left at schema {version}.{kept}"
            ) from exc
    return database


# SQLite's unix VFS: every connection to a WAL database holds a shared lock on this byte of the
# -shm file for as long as it is open (the "dead man switch" byte, 120 + 8).
_SHM_DMS_OFFSET = 128


def in_use(path: Path) -> bool:
    """True when any connection, in any process (this one included), has the journal open.

    Every connection to a WAL journal holds a shared lock on one byte of its -shm file. The
    probe tries to take that byte exclusively from a forked child: POSIX locks belong to a
    process, so a probe made here could neither see this process's own connections nor be
    released without dropping their locks; from a child it sees them all and touches none.
    """
    shm = Path(f"{path}-shm")
    if not shm.exists():
        return False  # an open WAL database always has its -shm file
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: SQLite there refuses to replace an open file
        return False
    if not hasattr(os, "fork"):  # pragma: no cover
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "multi-threaded fork": the child only probes
        pid = os.fork()
    if pid == 0:  # the child: probe, then leave at once, without any clean-up of the parent's state
        status = 2
        try:
            fd = os.open(shm, os.O_RDWR)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_OFFSET)
                status = 0
            except OSError:
                status = 1
        finally:
            os._exit(status)
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status) == 1


def close_journal() -> None:
    database = DB.obj
    if database is not None and not database.is_closed():
        database.close()
