"""Fixtures of the sync tests here (the in-memory keyring every test runs with is in tests/conftest.py)."""

from __future__ import annotations

import pytest


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
