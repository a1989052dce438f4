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


@pytest.fixture(params=["radicale", "xandikos"])
def dav_server(request, tmp_path):
    """Each real server in turn (tests/sync/servers.py), started for this test and stopped after."""
    from tests.sync.servers import ServerStartError, start_server

    try:
        server = start_server(request.param, tmp_path / "servers", "correct horse ±battery")
    except ServerStartError as exc:
        pytest.skip(f"{request.param} could not start here: {exc}")
    yield server
    server.stop()
