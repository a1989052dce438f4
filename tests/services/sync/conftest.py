"""No sync test reaches the user's keyring: each runs with an empty in-memory one."""

from __future__ import annotations

import pytest

from tests.services.sync.keyrings import isolated_keyring


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """The in-memory keyring in place for this test (the autouse safety net); tests that look
    at what was stored use it as a fixture."""
    with isolated_keyring(monkeypatch) as backend:
        yield backend
