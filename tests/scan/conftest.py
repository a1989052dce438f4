"""The IMAP server the scan tests run against (tests/scan/dovecot.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def dovecot(tmp_path):
    from tests.scan.dovecot import DovecotUnavailable, start_dovecot

    try:
        server = start_dovecot(tmp_path / "dovecot", "imap pässword")
    except DovecotUnavailable as exc:
        pytest.skip(f"Dovecot could not start here: {exc}")
    yield server
    server.stop()
