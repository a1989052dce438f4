"""Shared fixtures. Tests never touch the user's data folder or settings, and never sleep."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from journal.clock import FixedClock

# A Wednesday mid-morning: tests that need "now" use this, through the `clock` fixture.
TEST_NOW = dt.datetime(2026, 3, 11, 9, 30)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """Point the data folder, the default journal and Qt settings at throwaway places."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CONTACT_JOURNAL_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("CONTACT_JOURNAL_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("HOME", str(home))
    # No test reaches the desktop's own session bus (real notifications would pop up and be
    # clicked on); the notification tests start a bus of their own.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    # No test reaches the user's keyring either: a program a test starts finds none at all, and
    # this process has an empty one in memory (the `memory_keyring` fixture below).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("CONTACT_JOURNAL_SYNC_PASSWORD", raising=False)
    monkeypatch.delenv("CONTACT_JOURNAL_IMAP_PASSWORD", raising=False)
    for name in ("CONTACT_JOURNAL_PASSPHRASE", "CONTACT_JOURNAL_NEW_PASSPHRASE", "CONTACT_JOURNAL_BACKUP_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover
        yield
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    yield


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """An empty in-memory keyring for every test; tests that look at what was stored use it as
    a fixture."""
    from tests.services.sync.keyrings import isolated_keyring

    with isolated_keyring(monkeypatch) as backend:
        yield backend


@pytest.fixture
def dovecot(tmp_path):
    """A real IMAP server on loopback (tests/scan/dovecot.py), for the scan tests and the
    command line's; skipped with the reason where it cannot start."""
    from tests.scan.dovecot import DovecotUnavailable, start_dovecot

    try:
        server = start_dovecot(tmp_path / "dovecot", "imap pässword")
    except DovecotUnavailable as exc:
        pytest.skip(f"Dovecot could not start here: {exc}")
    yield server
    server.stop()


@pytest.fixture
def local_zone(monkeypatch):
    """`local_zone("Europe/Berlin")` sets this process's local time zone (TZ + tzset) for the
    test; the one before comes back after."""
    import time

    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@pytest.fixture
def journal_path(tmp_path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def db(journal_path):
    """A fresh journal, open and bound to the models; closed afterwards."""
    from journal.store.db import open_journal

    database = open_journal(journal_path)
    yield database
    if not database.is_closed():
        database.close()


def dump_journal(database) -> list:
    """Everything in the journal, table by table, rowids included: the tables, the derived
    `person_last_contact` and what each full-text index holds. Two dumps are equal exactly when
    the journal reads the same; the FTS5 shadow tables' own b-trees are left out, as deleting and
    re-adding a row may lay them out differently for the same content."""
    out = []
    tables = database.execute_sql(
        "SELECT name, type FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    fts = {name for (name,) in database.execute_sql("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
    shadow = {f"{name}_{part}" for name in fts for part in ("data", "idx", "docsize", "config", "content")}
    for name, _type in tables:
        if name in shadow:
            continue
        without_rowid = database.execute_sql(
            "SELECT sql LIKE '%WITHOUT ROWID' FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()[0]
        rows = database.execute_sql(f'SELECT {"" if without_rowid else "rowid, "}* FROM "{name}"').fetchall()
        out.append((name, sorted(rows, key=repr)))
    for name in sorted(fts):  # and each index agrees with its rows (raises if not)
        database.execute_sql(f"INSERT INTO {name}({name}) VALUES ('integrity-check')")
    return out


@pytest.fixture
def dump(db):
    """`dump()`: the whole journal as comparable values (see dump_journal)."""
    return lambda: dump_journal(db)
