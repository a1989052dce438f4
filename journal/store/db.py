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
from journal.store import backups, cipher, migrations
from journal.store.cipher import DATABASE_ERRORS, JournalKey
from journal.store.identity import APPLICATION_ID
from journal.store.models import DB

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
# A worker's read-only connection (journal.desktop.reader): 1 MB of page cache. Insights' reads
# there were no slower with it, and each 4 MB connection added up to 3 MB to the peak.
READER_CACHE_SIZE = -1000


class JournalDatabase(SqliteDatabase):
    """A plain journal: SQLite through sqlite3."""

    key: JournalKey | None = None
    encrypted = False


class CipherDatabase(JournalDatabase):
    """An encrypted journal: SQLCipher through sqlcipher3. Every connection peewee opens (one
    per thread: the window's, the sync and scan workers', a backup's) gets the raw key as its
    first statement, before the pragmas (WAL and the rest), so none derives a key again."""

    encrypted = True
    server_version = cipher.driver().sqlite_version_info if cipher.available() else (3, 0, 0)

    def __init__(self, database, *, key: JournalKey, **kwargs) -> None:
        self.key = key
        super().__init__(database, **kwargs)

    def _connect(self):
        connection = cipher.driver().connect(
            self.database, timeout=self._timeout, isolation_level=None, **self.connect_params
        )
        try:
            cipher.apply_key(connection, self.key)
            self._add_conn_hooks(connection)
        except Exception:
            connection.close()
            raise
        return connection


# An encrypted journal: the same pragmas, the same 4 MB cache. SQLCipher decrypts each page it
# reads into SQLite's page cache (the OS caches only the encrypted bytes), so a bigger cache
# could matter more than for a plain journal; measured on a 236 MB journal (4,000 people, 40,000
# conversations) on the 2-core development machine, fresh process per setting, plain beside
# encrypted, two rounds:
#   cache      search keystroke p95 (plain / encrypted)   indexed page (p / e)   full scan of conversation (p / e)
#   4 MB       20-34 ms / 19-33 ms                        0.5-0.7 / 0.2-0.3 ms    97-114 ms / 434-584 ms
#   16 MB      17-28 ms / 20-23 ms                        0.4 / 0.2-0.3 ms        92-111 ms / 422-568 ms
#   64 MB      13-24 ms / 23-24 ms                        0.3 / 0.4-0.8 ms        72-79 ms / 546-705 ms
# Search and indexed reads are as fast encrypted at any size (within the machine's noise): their
# pages stay in the cache. A full scan reads far more than any cache holds, so it pays the
# decryption of every page (4-7x) whatever the size. A larger cache only added resident memory
# (+12 MB at 16 MB, +61 MB at 64 MB): it stays at 4 MB. Opening with the raw key took 5-16 ms,
# as plain (5-17 ms); only the passphrase's one key derivation costs more (cipher.py).
CIPHER_PRAGMAS = dict(PRAGMAS)

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
    """Create the folder `path` and any missing folders above it, each 0700 whatever the umask.

    Refused (JournalError) when a folder above it that already exists can be written to by other
    users without the sticky bit: another user could then move the private folder away and put
    one of their own in its place. Sticky folders such as /tmp stay usable.
    """
    from journal.paths import unsafe_ancestor

    unsafe = unsafe_ancestor(path)
    if unsafe is not None:
        raise JournalError(
            f"{unsafe} can be changed by other users (it is world-writable without the sticky bit); "
            f"choose a private folder for {path}."
        )
    missing: list[Path] = []
    folder = path
    while not folder.exists() and not folder.is_symlink() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    with private_umask():
        for folder in reversed(missing):
            try:
                os.mkdir(folder, DIR_MODE)
            except FileExistsError:  # made meanwhile by another process
                pass
    if not path.is_dir():
        raise JournalError(f"{path} is not a folder.")


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def refuse_odd_file(path: Path) -> bool:
    """True when a regular file (or a symlink to one) is at `path`, False when nothing is there.

    Anything else (a FIFO, a folder, a device, a socket) raises JournalError, decided from its
    stat alone: opening a FIFO would block, and SQLite would chmod it and put -wal/-shm beside it.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    except NotADirectoryError:
        raise JournalError(f"{path} cannot be a journal: a part of that path is a file, not a folder.") from None
    if stat.S_ISREG(info.st_mode):
        return True
    kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
    raise JournalError(f"{path} is {kind}, not a journal file; it was left untouched.")


def cannot_save_reason(path: Path) -> str | None:
    """None when changes to the journal at `path` can be saved, else why not (a short phrase)."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system"
    except (OSError, AttributeError):  # pragma: no cover - no statvfs (Windows)
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        if companion.exists() and not os.access(companion, os.W_OK):
            return f"{companion.name} is read-only"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "its folder is read-only"
    return None


def unreadable_wal(path: Path) -> str | None:
    """Why the journal at `path` cannot be read as it stands, or None: its latest changes are in
    a -wal that SQLite can read only through a -shm, and there is none and none can be made."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not wal.exists() or wal.stat().st_size == 0 or shm.exists():
        return None
    blocked = cannot_save_reason(path)
    if blocked is None:
        return None
    return (
        f"{path} has changes in {wal.name} that cannot be read without {shm.name}, which cannot be made "
        f"there ({blocked}); copy the journal with its {wal.name} to a writable folder to read it."
    )


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


def _read_facts(path: Path, immutable: bool, key: JournalKey | None = None) -> tuple[int, int, int, str]:
    """(application_id, user_version, table count, quick_check) read from `path` (with `key`
    when it is encrypted)."""
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    driver = cipher.driver() if key is not None else sqlite3
    conn = driver.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        cipher.apply_key(conn, key)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        small = path.stat().st_size <= QUICK_CHECK_MAX_BYTES
        ok = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if tables and small else "ok"
    finally:
        conn.close()
    return app_id, version, tables, ok


def _read_facts_settled(path: Path, key: JournalKey | None = None) -> tuple[int, int, int, str]:
    """_read_facts, as immutable when the file was closed cleanly (no -wal beside it), so SQLite
    creates no -wal or -shm file; through its -wal otherwise (open elsewhere, or after a crash),
    since that is where its latest data is. Read again through the -wal if one appeared meanwhile."""
    wal = Path(f"{path}-wal")
    immutable = not wal.exists()
    try:
        facts = _read_facts(path, immutable, key)
        if facts[3] == "ok" or not immutable or not wal.exists():
            return facts
    except cipher.CORRUPT_ERRORS:
        if not immutable or not wal.exists():
            raise
    return _read_facts(path, False, key)


def inspect_file(path: Path, key: JournalKey | None = None) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) of an existing file, read-only.

    Raises NotAJournalError for anything that is not a readable SQLite journal, JournalError
    when another program holds it locked. Nothing about the file changes and nothing is created
    beside it. It is only ever read through SQLite: closing a file of our own on it would drop
    the locks of any connection this process has to it. An encrypted file is read with `key`
    (PassphraseRequired without one).
    """
    if path.stat().st_size == 0:
        return 0, 0, False
    if key is None and cipher.looks_encrypted(path):
        raise cipher.PassphraseRequired(path)
    try:
        app_id, version, tables, ok = _read_facts_settled(path, key)
    except cipher.CORRUPT_ERRORS as exc:
        reason = " ".join(str(exc).split())
        if isinstance(exc, cipher.OPERATIONAL_ERRORS) and ("locked" in reason or "busy" in reason):
            raise JournalError(f"{path} is locked by another program; try again once it is done.") from exc
        detail = None
        if "not a database" in reason:
            reason = "it is not an SQLite database"
        elif "malformed" in reason or "corrupt" in reason:
            reason, detail = "the file is damaged", reason
        raise NotAJournalError(path, reason, backups.newest_backup(path), detail=detail) from exc
    if ok != "ok":
        raise NotAJournalError(path, "the file is damaged", backups.newest_backup(path), detail=ok)
    return app_id, version, bool(tables)


def open_journal(
    path: Path | str,
    *,
    key: JournalKey | None = None,
    passphrase: str | None = None,
    backup_before_migrating: bool = True,
    read_only: bool = False,
) -> JournalDatabase:
    """Open (creating if needed) the journal at `path` and bind the models to it.

    An encrypted journal needs its `key` (a JournalKey, no derivation) or its `passphrase`:
    without either PassphraseRequired, with a wrong one WrongPassphrase, and without SQLCipher
    EncryptionUnavailable, in each case before anything is written or created beside the file.
    A plain journal opens as it always did (a key or passphrase given for it is not used). The
    database returned has `.key` (the JournalKey, None when plain) and `.encrypted`.

    A file that is not a journal, is damaged or comes from a newer version is refused before
    anything is written to it, and so is anything that is not a regular file. Where changes
    cannot be saved (a read-only file, folder or file system) opening for writing is refused in
    one line. `read_only` (the verbs that only read) never creates a journal: nothing there, or
    an empty file, is "no journal at PATH yet"; where nothing can be saved it reads the journal
    through SQLite's read-only modes.
    """
    path = Path(path).expanduser()
    present = refuse_odd_file(path)
    existed = present and path.stat().st_size > 0
    if read_only and not existed:
        raise JournalError(f"no journal at {path} yet")
    if existed and cipher.looks_encrypted(path):
        key = cipher.unlock(path, key=key, passphrase=passphrase)
    else:
        key = None
    if not read_only:
        ensure_private_dir(path.parent)
    blocked = cannot_save_reason(path)
    if blocked and not read_only:
        raise JournalError(f"{path}: changes cannot be saved there ({blocked}).")
    if blocked and unreadable_wal(path):
        raise JournalError(unreadable_wal(path))
    if existed:
        app_id, version, has_tables = inspect_file(path, key)
        if app_id != APPLICATION_ID and (has_tables or app_id != 0):
            raise NotAJournalError(path, "it is an SQLite database of another program", backups.newest_backup(path))
        if version > migrations.SCHEMA_VERSION:
            raise NewerJournalError(path, version, migrations.SCHEMA_VERSION)
    else:
        version = 0
    if blocked:
        return _open_read_only(path, version, blocked, key)
    cipher.remove_leftovers(path)
    # The journal and its WAL companions exist, owner-only, before SQLite first opens them.
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        make_private(Path(name))
    with private_umask():
        if key is not None:
            database = CipherDatabase(str(path), key=key, pragmas=CIPHER_PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            database = JournalDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            database.connect()
        except (PeeweeException, *DATABASE_ERRORS) as exc:
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


READ_ONLY_PRAGMAS = {
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": PRAGMAS["cache_size"],
    "temp_store": 2,
    "query_only": 1,
}


def _open_read_only(path: Path, version: int, blocked: str, key: JournalKey | None = None) -> JournalDatabase:
    """The journal at `path`, where nothing can be written, open for reading only.

    With a -wal beside it (the journal is open elsewhere, or was left by a crash) its latest data
    is there: read with mode=ro, which needs the -shm. Without one the main file holds it all and
    is read as immutable, so SQLite needs nothing beside it.
    """
    if version < migrations.SCHEMA_VERSION:
        raise JournalError(
            f"{path} needs an upgrade to schema {migrations.SCHEMA_VERSION}, which cannot be saved there ({blocked})."
        )
    wal = Path(f"{path}-wal")
    mode = "mode=ro" if wal.exists() and wal.stat().st_size > 0 else "mode=ro&immutable=1"
    uri = f"{path.resolve().as_uri()}?{mode}"
    if key is not None:
        database = CipherDatabase(uri, key=key, uri=True, pragmas=READ_ONLY_PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        database = JournalDatabase(uri, uri=True, pragmas=READ_ONLY_PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
    database.journal_path = path  # the URI is no path: what current_path() reports
    try:
        database.connect()
    except (PeeweeException, *DATABASE_ERRORS) as exc:
        reason = " ".join(str(exc).split())
        raise JournalError(f"{path} could not be read ({reason}; {blocked}).") from exc
    DB.initialize(database)
    return database


def journal_file(database: SqliteDatabase) -> Path:
    """The journal file `database` was opened on (a read-only one is opened by URI)."""
    return Path(getattr(database, "journal_path", None) or database.database)


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
