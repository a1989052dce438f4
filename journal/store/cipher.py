"""Encryption at rest: SQLCipher keys, derived once per process, and what tells a journal is encrypted.

The optional `sqlcipher3` package (the `encryption` extra) is a DB-API module of its own, with
SQLCipher 4 and FTS5 built in. Its exceptions are not sqlite3's: code that catches SQLite's
errors on a journal connection catches DATABASE_ERRORS (or OPERATIONAL_ERRORS, INTEGRITY_ERRORS).

Key derivation. A passphrase becomes a key here, in Python, once: PBKDF2-HMAC-SHA512 with
KDF_ITER iterations over the journal's salt (the file's first 16 bytes), 32 bytes, exactly what
SQLCipher 4 itself derives from `PRAGMA key = 'passphrase'`; so a journal stays openable by
stock SQLCipher tools (DB Browser for SQLite, the sqlcipher shell) with its passphrase. Every
connection is then given the raw key (`PRAGMA key = "x'<key><salt>'"`), which costs no
derivation: worker threads, backups and checks open as fast as a plain journal.

Measured on the 2-core development machine: one derivation at 256,000 iterations takes 0.18 s
on an idle core (0.17-0.24 s over repeated runs; 0.47-0.62 s while both cores were busy with
other work); a raw-key open costs what a plain one does (5-16 ms on a 236 MB journal). KDF_ITER
stays at SQLCipher 4's default of 256,000: it is paid once per unlock (off the GUI thread), inside
the 0.1-0.2 s budget on an idle machine. A quarter of the rounds (64,000: 0.16 s against 0.59 s
under the same load) would shorten that wait by the same factor it would speed up anyone guessing
passphrases against a stolen file, and any count but the default would stop stock SQLCipher
tools opening the file with its passphrase alone.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from journal.errors import JournalError

PLAIN_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITER = 256_000
# SQLCipher 4's page size: an encrypted file is a whole number of these.
CIPHER_PAGE_SIZE = 4096
EXTRA_HINT = "install the encryption extra: pip install 'contact-journal[encryption]'"

try:  # pragma: no branch - either the extra is installed or not
    from sqlcipher3 import dbapi2 as _sqlcipher
except ImportError:  # pragma: no cover - exercised where the extra is missing
    _sqlcipher = None


class EncryptionUnavailable(JournalError):
    def __init__(self, what: str = "Encryption is not available") -> None:
        super().__init__(f"{what}: {EXTRA_HINT}.")


class PassphraseRequired(JournalError):
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(f"{path} is encrypted: a passphrase is needed to open it.")


class WrongPassphrase(JournalError):
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(f"That is not the passphrase of {path}.")


def _errors(name: str) -> tuple[type[Exception], ...]:
    plain = getattr(sqlite3, name)
    return (plain, getattr(_sqlcipher, name)) if _sqlcipher is not None else (plain,)


# SQLite's errors from either driver: catch these, never sqlite3.Error alone, on a journal connection.
DATABASE_ERRORS: tuple[type[Exception], ...] = _errors("Error")
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = _errors("OperationalError")
INTEGRITY_ERRORS: tuple[type[Exception], ...] = _errors("IntegrityError")
CORRUPT_ERRORS: tuple[type[Exception], ...] = _errors("DatabaseError")  # "not a database", "malformed"


def available() -> bool:
    """True when SQLCipher (the sqlcipher3 package) can be used."""
    return _sqlcipher is not None


def require() -> None:
    if _sqlcipher is None:
        raise EncryptionUnavailable()


def driver() -> ModuleType:
    """The sqlcipher3 DB-API module (EncryptionUnavailable without it)."""
    require()
    return _sqlcipher


if _sqlcipher is not None:
    import datetime as _dt
    import decimal as _decimal

    # The values peewee gives sqlite3 as text, given to sqlcipher3 the same way (a date as
    # 2026-03-11, a datetime as 2026-03-11 09:30:00): both drivers write identical rows.
    for _type in (_decimal.Decimal, _dt.date, _dt.time):
        _sqlcipher.register_adapter(_type, str)
    _sqlcipher.register_adapter(_dt.datetime, lambda value: value.isoformat(" "))
    # SQLCipher logs every failed page decryption (a wrong key) to stderr; the journal reports
    # a wrong passphrase in one line of its own.
    _quiet = _sqlcipher.connect(":memory:")
    try:
        _quiet.execute("PRAGMA cipher_log_level = NONE")
    except _sqlcipher.Error:  # pragma: no cover - a SQLCipher before 4.6 logs nothing by default
        pass
    finally:
        _quiet.close()


@dataclass(frozen=True, repr=False)
class JournalKey:
    """A journal's raw key and salt, what is passed around once a journal is unlocked (never
    the passphrase). Its repr never shows the key."""

    key: bytes
    salt: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES or len(self.salt) != SALT_BYTES:
            raise ValueError("a journal key is 32 bytes of key and 16 of salt")

    def pragma_value(self) -> str:
        """The value for `PRAGMA key = ...` / `rekey` / `ATTACH ... KEY ...`: a raw key with its salt."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""

    def __repr__(self) -> str:
        return "JournalKey(<hidden>)"


def is_encrypted(path: Path | str) -> bool:
    """An existing non-empty file whose first 16 bytes are not SQLite's plain header."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False
    return len(head) > 0 and head != PLAIN_HEADER


def looks_encrypted(path: Path | str) -> bool:
    """is_encrypted, and a whole number of pages long: what an SQLCipher file can be. Any other
    file that is not plain SQLite is no journal at all (and is not asked a passphrase for)."""
    if not is_encrypted(path):
        return False
    size = os.stat(path).st_size
    return size >= 512 and size % 512 == 0


# Keys derived in this process, by a hash of (passphrase, salt) (never the passphrase itself), and
# derivations under way: start-up derives the key on a thread while the window is being built
# (prederive), and the unlock after the first paint then finds it instead of waiting ~0.2 s.
_DERIVED: dict[bytes, bytes] = {}
_UNDER_WAY: dict[bytes, threading.Event] = {}
_DERIVING = threading.Lock()


def _slot(passphrase: str, salt: bytes) -> bytes:
    return hashlib.sha256(f"{KDF_ITER}:".encode() + salt + b"\0" + passphrase.encode("utf-8")).digest()


def derive(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's key for `passphrase` and `salt` (PBKDF2-HMAC-SHA512, KDF_ITER, 32 bytes);
    once per process for the same pair (a derivation another thread began is waited for)."""
    slot = _slot(passphrase, salt)
    with _DERIVING:
        if slot in _DERIVED:
            return _DERIVED[slot]
        pending = _UNDER_WAY.get(slot)
        if pending is None:
            pending = _UNDER_WAY[slot] = threading.Event()
            mine = True
        else:
            mine = False
    if not mine:
        pending.wait()
        with _DERIVING:
            if slot in _DERIVED:
                return _DERIVED[slot]
        return derive(passphrase, salt)  # the other thread failed: derive here
    try:
        key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITER, KEY_BYTES)
        with _DERIVING:
            _DERIVED[slot] = key
        return key
    finally:
        with _DERIVING:
            _UNDER_WAY.pop(slot, None)
        pending.set()


def prederive(path: Path | str, passphrase: str) -> threading.Thread | None:
    """Begin deriving the key of the encrypted journal at `path` for `passphrase` on a thread
    (hashlib lets go of the GIL while it works), so that a later derive() of the same pair is
    at once; None where the file is not encrypted."""
    if not passphrase or not looks_encrypted(path):
        return None
    salt = salt_of(path)
    thread = threading.Thread(target=derive, args=(passphrase, salt), name="derive-key", daemon=True)
    thread.start()
    return thread


def new_key(passphrase: str) -> JournalKey:
    """The key of a journal about to be encrypted: a fresh random salt."""
    salt = os.urandom(SALT_BYTES)
    return JournalKey(derive(passphrase, salt), salt)


def salt_of(path: Path | str) -> bytes:
    with open(path, "rb") as handle:
        salt = handle.read(SALT_BYTES)
    if len(salt) != SALT_BYTES or salt == PLAIN_HEADER:
        raise JournalError(f"{path} is not an encrypted journal.")
    return salt


def key_for(path: Path | str, passphrase: str) -> JournalKey:
    """The key `passphrase` gives for the encrypted file at `path` (its salt is read from it).
    Whether it is the right one is `check`'s business."""
    salt = salt_of(path)
    return JournalKey(derive(passphrase, salt), salt)


def rekeyed(key: JournalKey, passphrase: str) -> JournalKey:
    """The key of the same journal (same salt) under another passphrase."""
    return JournalKey(derive(passphrase, key.salt), key.salt)


def apply_key(connection, key: JournalKey | None) -> None:
    """Give a fresh sqlcipher3 connection its key: the first statement it runs."""
    if key is not None:
        connection.execute(f"PRAGMA key = {key.pragma_value()}")


def read_only_uri(path: Path) -> str:
    """A URI that reads `path` without creating anything beside it: through its -wal when both
    -wal and -shm are there (open elsewhere, or left by a crash), else the main file as immutable."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    immutable = "" if wal.exists() and shm.exists() else "&immutable=1"
    return f"{Path(path).resolve().as_uri()}?mode=ro{immutable}"


def connect_read_only(path: Path, key: JournalKey | None):
    """A read-only sqlcipher3 connection to `path` with `key` applied; nothing is created beside it."""
    connection = driver().connect(read_only_uri(path), uri=True)
    try:
        apply_key(connection, key)
    except BaseException:
        connection.close()
        raise
    return connection


def check(path: Path | str, key: JournalKey) -> bool:
    """True when `key` opens the encrypted file at `path`. Never writes, never creates -wal/-shm."""
    path = Path(path)
    try:
        if salt_of(path) != key.salt:
            return False
    except (OSError, JournalError):
        return False
    try:
        # The main file alone, as immutable: no lock, nothing read from or written to a -wal or
        # -shm even where a crash left them. Its page 1 always carries the current key: every
        # conversion writes a whole new file, and a WAL never holds another key's pages.
        connection = driver().connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except DATABASE_ERRORS:
        return False
    try:
        apply_key(connection, key)
        # Reads page 1 only (its HMAC fails under another key): damage further on is not
        # taken for a wrong passphrase; the integrity check finds that.
        connection.execute("PRAGMA user_version").fetchone()
        return True
    except DATABASE_ERRORS:
        return False
    finally:
        connection.close()


def unlock(path: Path | str, *, key: JournalKey | None = None, passphrase: str | None = None) -> JournalKey:
    """The key of the encrypted file at `path` from `key` or `passphrase`, checked against it.

    PassphraseRequired with neither, WrongPassphrase when it does not open it, EncryptionUnavailable
    without SQLCipher. Nothing is written."""
    if _sqlcipher is None:
        raise EncryptionUnavailable(f"{path} is encrypted and this installation cannot decrypt it")
    if key is None and passphrase is None:
        raise PassphraseRequired(path)
    if key is None:
        key = key_for(path, passphrase)
    if not check(path, key):
        raise WrongPassphrase(path)
    return key


# Conversions (encrypt, decrypt, a new passphrase) write each file to a hidden temporary file
# beside it, `.<name>.<random>.converting`, held under an flock while it is written, then
# renamed over the original. One left by a conversion that was killed is removed at the next
# open or conversion; its -journal goes with it.
CONVERTING_SUFFIX = ".converting"


def converting_file(target: Path) -> tuple[int, Path]:
    """A new empty 0600 temporary file beside `target`, locked: (its fd, its path)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=CONVERTING_SUFFIX, dir=target.parent)
    lock_file(fd, blocking=True)
    return fd, Path(name)


def lock_file(fd: int, blocking: bool) -> bool:
    """An flock on a file being written (a partial backup, a conversion's temporary file): held
    while it is written, so a cleaner that cannot take it leaves the file alone."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def discard(path: Path) -> None:
    """Delete a database file and its -journal, -wal and -shm companions (those there are)."""
    for name in (str(path), f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        Path(name).unlink(missing_ok=True)


def remove_leftovers(journal: Path) -> list[Path]:
    """Delete what a killed conversion of `journal` or of its backups left: temporary files
    nobody holds locked (one being written now is left alone) and their companions."""
    removed: list[Path] = []
    folders = [journal.parent, journal.parent / "backups"]
    pattern = re.compile(r"^\..+\.[A-Za-z0-9_]{8}" + re.escape(CONVERTING_SUFFIX) + r"(-journal|-wal|-shm)?$")
    for folder in folders:
        try:
            names = [entry for entry in folder.iterdir() if pattern.match(entry.name)]
        except OSError:
            continue
        if folder == journal.parent:
            names = [entry for entry in names if entry.name.startswith(f".{journal.name}.")]
        for entry in names:
            if not entry.name.endswith(CONVERTING_SUFFIX):
                main = entry.with_name(entry.name.rsplit("-", 1)[0])
                if not main.exists():
                    entry.unlink(missing_ok=True)
                    removed.append(entry)
                continue
            try:
                fd = os.open(entry, os.O_RDONLY)
            except OSError:
                continue
            try:
                if lock_file(fd, blocking=False):
                    discard(entry)
                    removed.append(entry)
            finally:
                os.close(fd)
    return removed
