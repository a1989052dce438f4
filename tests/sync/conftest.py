"""Fixtures that start real Radicale and Xandikos servers (see servers.py); each test gets its own."""

from __future__ import annotations

import pytest

from tests.sync.servers import DavServer, ServerPool, ServerStartError

SERVER_KINDS = ["radicale", "xandikos"]
TEST_PASSWORD = "correct horse ±battery"  # not Latin-1: checks that the password travels as UTF-8


@pytest.fixture(scope="session")
def _server_pool(tmp_path_factory):
    pool = ServerPool(lambda kind: tmp_path_factory.mktemp(f"{kind}-server"), TEST_PASSWORD)
    yield pool
    pool.close()


def _serve(kind: str, pool: ServerPool) -> DavServer:
    try:
        return pool.take(kind)
    except ServerStartError as exc:
        pytest.skip(f"{kind} could not start here: {exc}")


@pytest.fixture
def radicale_server(_server_pool):
    server = _serve("radicale", _server_pool)
    yield server
    server.stop()


@pytest.fixture
def xandikos_server(_server_pool):
    server = _serve("xandikos", _server_pool)
    yield server
    server.stop()


@pytest.fixture(params=SERVER_KINDS)
def dav_server(request, _server_pool):
    """Each real server in turn, started for this test alone (its data in a fresh temporary
    directory) and stopped after it."""
    server = _serve(request.param, _server_pool)
    yield server
    server.stop()
