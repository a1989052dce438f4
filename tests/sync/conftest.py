"""Fixtures that start real Radicale and Xandikos servers (see servers.py); each test gets its own."""

from __future__ import annotations

import pytest

from tests.sync.servers import DavServer, ServerStartError, start_server

SERVER_KINDS = ["radicale", "xandikos"]
TEST_PASSWORD = "correct horse ±battery"  # not Latin-1 safe everywhere: checks the client's encoding


def _serve(kind: str, tmp_path) -> DavServer:
    try:
        return start_server(kind, tmp_path / "servers", TEST_PASSWORD)
    except ServerStartError as exc:
        pytest.skip(f"{kind} could not start here: {exc}")


@pytest.fixture
def radicale_server(tmp_path):
    server = _serve("radicale", tmp_path)
    yield server
    server.stop()


@pytest.fixture
def xandikos_server(tmp_path):
    server = _serve("xandikos", tmp_path)
    yield server
    server.stop()


@pytest.fixture(params=SERVER_KINDS)
def dav_server(request, tmp_path):
    """Each real server in turn, started for this test alone and stopped after it."""
    server = _serve(request.param, tmp_path)
    yield server
    server.stop()
