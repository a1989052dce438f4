"""Turning a journal's encryption on and off, and changing its passphrase, with its backups.

Each file (the journal, then each of its backups) is converted the same way: written whole to
a hidden temporary file beside it (`.<name>.<random>.converting`, 0600, locked while written),
verified (SQLite's integrity check, SQLCipher's HMAC check of every page, the same row count in
every table, the same user_version and application_id), fsync'ed, and renamed over the original,
so a crash at any moment leaves the old file or the new one, whole. The journal's -wal and -shm
(empty after the checkpoint) are removed before the rename, so no old WAL is ever read into the
new file. Leftovers of a conversion that was killed are removed by the next open or conversion;
running the conversion again finishes the backups it had not reached.

The journal must not be open anywhere (db.in_use refuses in one line); the caller closes its own
connection first.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from journal.errors import JournalError
from journal.store import backups, cipher, db
from journal.store.cipher import DATABASE_ERRORS, JournalKey, WrongPassphrase

# progress(done, total): files converted so far, of all (the journal and its backups).
Progress = Callable[[int, int], None]


class BackupsNotConverted(JournalError):
    """The journal was converted, but some backups could not be (damaged ones): they are named,
    and so is the way out. `key` is the journal's key now (None when it is plain)."""

    def __init__(self, journal: Path, paths: list[Path], key: JournalKey | None, what: str) -> None:
        self.journal = journal
        self.paths = paths
        self.key = key
        names = ", ".join(path.name for path in paths)
        super().__init__(
            f"{journal} is {what}, but {len(paths)} backup(s) could not be: {names} (in {backups.backup_dir(journal)}); "
            "delete them, or run the same command again."
        )


def _journal_path(path: Path | str) -> Path:
    path = Path(path).expanduser()
    if path.is_symlink():
        path = path.resolve()  # SQLite keeps the -wal and -shm beside the target
    if not db.refuse_odd_file(path) or path.stat().st_size == 0:
        raise JournalError(f"no journal at {path} yet")
    return path


def _refuse_in_use(path: Path) -> None:
    if db.in_use(path):
        raise JournalError(f"{path} is open (is Contact Journal running?); close it first.")


def _resolve(path: Path, key_or_passphrase: JournalKey | str) -> JournalKey:
    if isinstance(key_or_passphrase, JournalKey):
        return cipher.unlock(path, key=key_or_passphrase)
    return cipher.unlock(path, passphrase=key_or_passphrase)


def _named_backups(journal: Path) -> list[Path]:
    """Every file named like a backup of `journal` (damaged copies included), oldest first."""
    return sorted(backups.named_backups(journal))


def _row_counts(connection, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


def _versions(connection, schema: str = "main") -> tuple[int, int]:
    return (
        connection.execute(f"PRAGMA {schema}.user_version").fetchone()[0],
        connection.execute(f"PRAGMA {schema}.application_id").fetchone()[0],
    )


def _verify(path: Path, key: JournalKey | None, counts: dict[str, int], versions: tuple[int, int]) -> str | None:
    """None when the converted file at `path` reads as its source did, else what differs."""
    try:
        connection = sqlite3.connect(path) if key is None else cipher.driver().connect(str(path))
        try:
            cipher.apply_key(connection, key)
            status = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if status != ["ok"]:
                return "; ".join(status[:3])
            if key is not None:
                failed = [row[0] for row in connection.execute("PRAGMA cipher_integrity_check")]
                if failed:
                    return "; ".join(failed[:3])
            if _versions(connection) != versions:
                return "its schema version differs"
            if _row_counts(connection) != counts:
                return "its tables do not hold the same rows"
        finally:
            connection.close()
    except DATABASE_ERRORS as exc:
        return " ".join(str(exc).split())
    return None


def _convert(source: Path, source_key: JournalKey | None, target_key: JournalKey | None, *, live: bool) -> None:
    """Rewrite `source` (read with `source_key`) encrypted with `target_key` (plain when None),
    in place, atomically. `live` for the journal: its WAL is checkpointed first and its -wal and
    -shm removed before the swap. Raises JournalError (nothing changed) when it fails."""
    fd, temporary = cipher.converting_file(source)
    try:
        connection = cipher.driver().connect(str(source), isolation_level=None)
        try:
            cipher.apply_key(connection, source_key)
            connection.execute(f"PRAGMA busy_timeout = {db.BUSY_TIMEOUT_MS}")
            if live:
                busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if busy:
                    raise JournalError(f"{source} is in use (is Contact Journal running?); close it first.")
            counts = _row_counts(connection)
            versions = _versions(connection)
            if source_key is not None and target_key is not None:
                # Same salt, a new key: a copy with the backup API, given the new key by PRAGMA rekey.
                target = cipher.driver().connect(str(temporary), isolation_level=None)
                try:
                    cipher.apply_key(target, source_key)
                    connection.backup(target)
                    target.execute("PRAGMA journal_mode = DELETE")
                    target.execute(f"PRAGMA rekey = {target_key.pragma_value()}")
                finally:
                    target.close()
            else:
                # Plain to encrypted or back: SQLCipher's export, which the backup API cannot do.
                value = "" if target_key is None else target_key.pragma_value().strip('"')
                connection.execute("ATTACH DATABASE ? AS converted KEY ?", (str(temporary), value))
                try:
                    # The copy is verified and fsync'ed as a whole before it is used, and thrown
                    # away if anything stops it: no journal or sync per statement (10x faster).
                    connection.execute("PRAGMA converted.journal_mode = OFF")
                    connection.execute("PRAGMA converted.synchronous = OFF")
                    connection.execute("SELECT sqlcipher_export('converted')")
                    user_version, application_id = versions
                    connection.execute(f"PRAGMA converted.user_version = {int(user_version)}")
                    connection.execute(f"PRAGMA converted.application_id = {int(application_id)}")
                finally:
                    connection.execute("DETACH DATABASE converted")
        finally:
            connection.close()
        problem = _verify(temporary, target_key, counts, versions)
        if problem:
            raise JournalError(f"{source} could not be converted: the new copy did not verify ({problem}); it was left as it was.")
        os.fsync(fd)
        if live:
            _refuse_in_use(source)
            wal = Path(f"{source}-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise JournalError(f"{source} is in use (is Contact Journal running?); close it first.")
            wal.unlink(missing_ok=True)
            Path(f"{source}-shm").unlink(missing_ok=True)
        os.replace(temporary, source)
        backups._fsync_dir(source.parent)
    except DATABASE_ERRORS as exc:
        cipher.discard(temporary)
        if backups.is_disk_full(exc):
            raise backups.DiskFullError(source.parent, f"{source.name} was left as it was", "Free some space and try again.") from exc
        raise JournalError(f"{source} could not be converted ({' '.join(str(exc).split())}); it was left as it was.") from exc
    except BaseException:
        cipher.discard(temporary)
        raise
    finally:
        os.close(fd)
        Path(f"{temporary}-journal").unlink(missing_ok=True)


def _clear_leftovers(path: Path) -> None:
    cipher.remove_leftovers(path)
    backups.remove_leftovers(path)
    path.with_name(path.name + ".restoring").unlink(missing_ok=True)  # a restore that was killed


def _convert_backups(
    journal: Path, todo: list[tuple[Path, JournalKey | None]], target_key: JournalKey | None,
    done: int, total: int, progress: Progress | None, what: str,
) -> None:
    failed: list[Path] = []
    for path, source_key in todo:
        try:
            _convert(path, source_key, target_key, live=False)
        except backups.DiskFullError:
            raise
        except JournalError:
            failed.append(path)
        done += 1
        if progress is not None:
            progress(done, total)
    if failed:
        raise BackupsNotConverted(journal, failed, target_key, what)


def unfinished(path: Path | str) -> bool:
    """True when an encrypted journal still has plain backups (an `encrypt` that was stopped):
    running `encrypt` again with its passphrase converts them."""
    path = Path(path).expanduser()
    return cipher.is_encrypted(path) and any(not cipher.is_encrypted(b) for b in _named_backups(path))


def encrypt(path: Path | str, passphrase: str, *, progress: Progress | None = None) -> JournalKey:
    """Encrypt the closed journal at `path` and every backup of it with `passphrase`; returns its key.

    Afterwards no plain copy of the journal is left in its folder or its backups folder. A
    journal already encrypted is refused, unless backups were left plain by an encrypt that was
    stopped: with its passphrase those are converted now."""
    cipher.require()
    path = _journal_path(path)
    if not passphrase:
        raise JournalError("The passphrase cannot be empty.")
    _refuse_in_use(path)
    _clear_leftovers(path)
    if cipher.is_encrypted(path):
        key = cipher.unlock(path, passphrase=passphrase)
        todo = [(b, None) for b in _named_backups(path) if not cipher.is_encrypted(b)]
        if not todo:
            raise JournalError(f"{path} is already encrypted.")
        _convert_backups(path, todo, key, 0, len(todo), progress, "encrypted")
        return key
    db.inspect_file(path)  # a Contact Journal, whole: NotAJournalError otherwise, untouched
    key = cipher.new_key(passphrase)
    todo = [(b, None) for b in _named_backups(path) if not cipher.is_encrypted(b)]
    total = 1 + len(todo)
    _convert(path, None, key, live=True)
    if progress is not None:
        progress(1, total)
    _convert_backups(path, todo, key, 1, total, progress, "encrypted")
    return key


def decrypt(path: Path | str, key_or_passphrase: JournalKey | str, *, progress: Progress | None = None) -> None:
    """Turn encryption off: the closed journal at `path` and every backup its key opens are
    written plain again. Backups with another passphrase stay as they are (encrypted)."""
    cipher.require()
    path = _journal_path(path)
    _refuse_in_use(path)
    _clear_leftovers(path)
    if not cipher.is_encrypted(path):
        raise JournalError(f"{path} is not encrypted.")
    key = _resolve(path, key_or_passphrase)
    todo = [(b, key) for b in _named_backups(path) if cipher.is_encrypted(b) and cipher.check(b, key)]
    total = 1 + len(todo)
    _convert(path, key, None, live=True)
    if progress is not None:
        progress(1, total)
    _convert_backups(path, todo, None, 1, total, progress, "decrypted")


def change_passphrase(
    path: Path | str, old: JournalKey | str, new: str, *, progress: Progress | None = None
) -> JournalKey:
    """A new passphrase for the closed encrypted journal at `path` (same salt, a new key, given
    with PRAGMA rekey to a copy that then replaces it) and for every backup the old key opens.
    Returns the new key. WrongPassphrase (nothing changed) when `old` is not its passphrase."""
    cipher.require()
    path = _journal_path(path)
    if not new:
        raise JournalError("The passphrase cannot be empty.")
    _refuse_in_use(path)
    _clear_leftovers(path)
    if not cipher.is_encrypted(path):
        raise JournalError(f"{path} is not encrypted.")
    old_key = _resolve(path, old)
    new_key = cipher.rekeyed(old_key, new)
    todo = [(b, old_key) for b in _named_backups(path) if cipher.is_encrypted(b) and cipher.check(b, old_key)]
    total = 1 + len(todo)
    _convert(path, old_key, new_key, live=True)
    if progress is not None:
        progress(1, total)
    _convert_backups(path, todo, new_key, 1, total, progress, "given the new passphrase")
    return new_key


__all__ = [
    "BackupsNotConverted",
    "Progress",
    "WrongPassphrase",
    "change_passphrase",
    "decrypt",
    "encrypt",
    "unfinished",
]
