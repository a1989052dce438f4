from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

PASSPHRASE = "lantern orchard 47"


@pytest.fixture(autouse=True)
def _no_passphrase_in_the_environment(monkeypatch):
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE", raising=False)


def fingerprint(path: Path) -> dict[str, str | None]:
    """The journal and its companions, byte for byte (None: not there)."""
    out = {}
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        file = Path(name)
        out[file.name] = hashlib.sha256(file.read_bytes()).hexdigest() if file.exists() else None
    return out


@pytest.fixture
def encrypted_journal(journal_path, clock):
    """A closed encrypted journal (passphrase PASSPHRASE) with Dana Whitfield and a step due today."""
    import datetime as dt

    from journal.services.agenda import next_steps
    from journal.services.people.records import add_person
    from journal.store import encryption
    from journal.store.db import open_journal

    database = open_journal(journal_path)
    add_person("Dana Whitfield", clock=clock)
    next_steps.add("Send Dana the deck", due=dt.date(2026, 3, 11), clock=clock)
    database.close()
    encryption.encrypt(journal_path, PASSPHRASE)
    return journal_path
