from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest


def _snapshot(path: Path) -> tuple[bytes, int]:
    """A file's bytes and modification time, to prove it was left untouched."""
    return path.read_bytes(), os.stat(path).st_mtime_ns


def _corrupt(path: Path) -> None:
    """Overwrite the journal's second and later pages with garbage, keeping the SQLite header."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    assert len(data) >= 3 * page, "the journal is too small to damage realistically"
    for offset in range(page, len(data)):
        data[offset] = (offset * 37 + 11) % 251
    path.write_bytes(bytes(data))


@pytest.fixture
def snapshot():
    return _snapshot


@pytest.fixture
def corrupt():
    return _corrupt


@pytest.fixture
def filled_journal(journal_path, clock) -> Path:
    """A closed journal holding a couple of conversations, an offer and steps."""
    from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
    from journal.store.db import close_journal, open_journal

    open_journal(journal_path)
    for index in range(3):
        log_conversation(
            [PersonRef.named(f"Person {index}")],
            summary="lunch " * 200,
            offers=[OfferDraft(PersonRef.named(f"Target {index}"))],
            next_steps=[StepDraft(f"Follow up {index}", clock.today() + dt.timedelta(days=index))],
            clock=clock,
        )
    close_journal()
    return journal_path
