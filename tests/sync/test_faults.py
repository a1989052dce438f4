"""Faults during a sync: the server killed in the middle of a round, the journal's own process
killed with SIGKILL at several moments and started again (no duplicates, nothing lost), wrong
passwords. Malformed replies and 500s are the client's (tests/sync/test_webdav.py)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.clock import FixedClock
from journal.services.agenda import next_steps
from journal.services.people.records import add_detail, create_person
from journal.services.sync.webdav import AuthFailed, DavClient, SyncError
from journal.store.models import SyncAccount
from tests.sync.harness import add_account, contents, do, opened, sync

T0 = dt.datetime(2026, 11, 2, 9, 0)
ROOT = Path(__file__).resolve().parents[2]


def _seed(clock, names):
    for name in names:
        person = create_person(name, clock=clock)
        add_detail(person.id, "email", f"{name.split()[0].lower()}@example.org")
        next_steps.create_step(f"Write to {name}", due=T0.date() + dt.timedelta(days=3), person_id=person.id, clock=clock)


def _server_uids(server) -> list[str]:
    client = DavClient(server.url, server.user, server.password)
    books, calendars = client.discover()
    uids = []
    for collection in [b for b in books if b.name == "Contact Journal"] + [c for c in calendars if c.name.startswith("Contact Journal")]:
        hrefs = list(client.list_etags(collection.url))
        for _etag, text in client.multiget(collection.url, hrefs, collection.kind).values():
            uids += [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("UID:")]
    client.close()
    return uids


class _KillsTheServer(DavClient):
    def __init__(self, *args, server, after, **kwargs):
        super().__init__(*args, **kwargs)
        self.server, self.after, self.puts = server, after, 0

    def put(self, *args, **kwargs):
        etag = super().put(*args, **kwargs)
        self.puts += 1
        if self.puts == self.after:
            self.server.kill()
        return etag


def test_the_server_killed_in_the_middle_of_a_round(dav_server, tmp_path):
    path = tmp_path / "journal.sqlite3"
    clock = FixedClock(T0)
    do(path, _seed, clock, ["Dana Smith", "Sam Lee", "Priya Raman"], clock=clock)
    add_account(path, dav_server)
    client = _KillsTheServer(dav_server.url, dav_server.user, dav_server.password, server=dav_server, after=2)
    with pytest.raises(SyncError, match="Cannot reach"):
        sync(path, dav_server, clock, client=client)
    with opened(path):
        assert "Cannot reach" in SyncAccount.get().last_error
    dav_server.restart()
    sync(path, dav_server, clock)
    uids = _server_uids(dav_server)
    assert len(uids) == len(set(uids)) == 3 + 3  # three cards, three tasks
    with opened(path):
        assert SyncAccount.get().last_error == ""


@pytest.mark.parametrize("point, after", [("put", 1), ("put", 4), ("fetch", 1)])
def test_killed_with_sigkill_and_started_again(dav_server, tmp_path, point, after):
    desk, laptop, third = (tmp_path / name for name in ("desk.sqlite3", "laptop.sqlite3", "third.sqlite3"))
    clock = FixedClock(T0)
    do(desk, _seed, clock, ["Dana Smith", "Sam Lee"], clock=clock)
    do(laptop, _seed, clock, ["Priya Raman", "Jo Bloggs"], clock=clock)
    add_account(desk, dav_server)
    add_account(laptop, dav_server)
    sync(laptop, dav_server, clock)  # the desk has something to fetch and something to send
    env = {**os.environ, "CONTACT_JOURNAL_SYNC_PASSWORD": dav_server.password, "PYTHONPATH": str(ROOT)}
    probe = subprocess.run([sys.executable, "-m", "tests.sync.kill_probe", str(desk), dav_server.url, dav_server.user,
                            point, str(after)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert probe.returncode == -9, probe.stdout + probe.stderr
    sync(desk, dav_server, clock)
    sync(laptop, dav_server, clock)
    sync(desk, dav_server, clock)
    uids = _server_uids(dav_server)
    assert len(uids) == len(set(uids)) == 4 + 4
    add_account(third, dav_server)
    sync(third, dav_server, clock)
    assert contents(desk) == contents(laptop) == contents(third)
    assert sorted(contents(third)["people"]) == ["Dana Smith", "Jo Bloggs", "Priya Raman", "Sam Lee"]


def test_a_wrong_password_changes_nothing(dav_server, tmp_path):
    path = tmp_path / "journal.sqlite3"
    clock = FixedClock(T0)
    do(path, _seed, clock, ["Dana Smith"], clock=clock)
    add_account(path, dav_server)
    before = contents(path)
    with opened(path):
        from journal.services.sync import engine

        with pytest.raises(AuthFailed, match="refused the user name or password"):
            engine.sync("not the password", clock=clock)
    assert contents(path) == before
    assert _server_uids(dav_server) == []
