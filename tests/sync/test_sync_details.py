"""The rest of what a round promises: the server's changes are undoable like any other
operation, a deleted person who has conversations is archived, a broken sync token falls back
to comparing ETags, and a server that keeps no VJOURNAL is said so once while the rest syncs."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.clock import FixedClock
from journal.services import operations
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people.records import create_person
from journal.services.sync.webdav import DavClient, SyncError
from journal.store.models import Conversation, Person, SyncCollection
from tests.sync.harness import add_account, contents, do, opened, start_synced, sync
from tests.sync.harness import card as _card
from tests.sync.test_conflicts import _phone_sets_notes

T0 = dt.datetime(2026, 11, 2, 9, 0)


def _seed(clock):
    dana = create_person("Dana Smith", clock=clock)
    dana.notes = "First notes"
    dana.save()
    create_person("Sam Lee", clock=clock)
    log_conversation([PersonRef(id=dana.id)], when=T0 - dt.timedelta(days=1), channel="call", summary="Catch-up",
                     clock=clock)


@pytest.fixture
def synced(dav_server, tmp_path):
    return start_synced(tmp_path / "journal.sqlite3", dav_server, _seed, FixedClock(T0))


def test_what_came_from_the_server_can_be_undone(dav_server, synced):
    path, clock, info = synced
    _phone_sets_notes(dav_server, info, "Notes from the phone", dt.datetime(2026, 11, 2, 9, 30))
    clock.set(T0 + dt.timedelta(hours=1))
    report = sync(path, dav_server, clock)
    [step] = report.steps
    assert step.label == "Sync with server"
    history = operations.History()
    history.push(step)
    with opened(path):
        history.undo()
        assert Person.get(Person.name == "Dana Smith").notes == "First notes"
    # The undo is a change like any other: the next round sends it.
    sync(path, dav_server, clock)
    assert "NOTE:First notes" in _card(dav_server, info, "Dana Smith")[2]


def test_a_person_deleted_there_who_has_conversations_is_archived(dav_server, synced):
    from tests.sync.servers import raw_request

    path, clock, info = synced
    href, etag, _ = _card(dav_server, info, "Dana Smith")
    raw_request(dav_server, "DELETE", href, headers={"If-Match": etag})
    href, etag, _ = _card(dav_server, info, "Sam Lee")
    raw_request(dav_server, "DELETE", href, headers={"If-Match": etag})
    report = sync(path, dav_server, clock)
    assert report.deleted_here == ["Dana Smith (archived: they have conversations)", "Sam Lee"] or sorted(
        report.deleted_here) == sorted(["Dana Smith (archived: they have conversations)", "Sam Lee"])
    with opened(path):
        assert Person.get(Person.name == "Dana Smith").archived
        assert Person.get_or_none(Person.name == "Sam Lee") is None
        assert Conversation.select().count() == 1
    # Archived here and gone there: it is not sent back.
    again = sync(path, dav_server, clock)
    assert again.is_empty() and _card(dav_server, info, "Dana Smith") is None


def test_a_broken_token_falls_back_to_comparing_etags(dav_server, synced):
    from tests.sync.servers import raw_request

    path, clock, info = synced
    with opened(path):
        SyncCollection.update(token="http://example.invalid/not-a-token").execute()
    href, etag, _ = _card(dav_server, info, "Sam Lee")
    raw_request(dav_server, "DELETE", href, headers={"If-Match": etag})
    _phone_sets_notes(dav_server, info, "Notes from the phone", dt.datetime(2026, 11, 2, 9, 30))
    report = sync(path, dav_server, clock)
    assert report.deleted_here == ["Sam Lee"] and report.down == ["Dana Smith"]
    with opened(path):
        assert all(c.token and "not-a-token" not in c.token for c in SyncCollection.select() if c.sync_supported)
    assert sync(path, dav_server, clock).is_empty()


class _NoJournals(DavClient):
    """A server (as some hosted ones are) that refuses calendars for VJOURNAL."""

    def make_calendar(self, home, name, components):
        if "VJOURNAL" in components:
            raise SyncError("The server refused to make a calendar for VJOURNAL.")
        return super().make_calendar(home, name, components)


def test_without_vjournal_conversations_stay_and_the_rest_syncs(dav_server, tmp_path):
    path, laptop = tmp_path / "desk.sqlite3", tmp_path / "laptop.sqlite3"
    clock = FixedClock(T0)
    do(path, _seed, clock, clock=clock)
    info = add_account(path, dav_server, client_factory=_NoJournals)
    assert info.journal_url == "" and "VJOURNAL" in info.journal_note
    first = sync(path, dav_server, clock)
    assert first.notes == [info.journal_note]
    assert sync(path, dav_server, clock).notes == []  # said once
    add_account(laptop, dav_server, client_factory=_NoJournals)
    sync(laptop, dav_server, clock)
    assert sorted(contents(laptop)["people"]) == ["Dana Smith", "Sam Lee"]
    assert contents(laptop)["conversations"] == []


def test_a_change_made_without_an_operation_is_found_by_the_next_process(dav_server, synced):
    from journal.services.sync import engine

    path, clock, info = synced
    with opened(path):
        # Another program wrote this straight into the file: no operation marked it.
        Person.update(notes="Written by another program").where(Person.name == "Dana Smith").execute()
    assert sync(path, dav_server, clock).up == []  # this process compares only what it saw change
    engine._COMPARED_ALL.clear()  # a new process
    assert sync(path, dav_server, clock).up == ["Dana Smith"]
    assert "NOTE:Written by another program" in _card(dav_server, info, "Dana Smith")[2]


def test_a_collection_without_sync_collection_is_compared_by_etags(dav_server, synced):
    from tests.sync.servers import raw_request

    path, clock, info = synced
    with opened(path):
        SyncCollection.update(sync_supported=False, token="").execute()  # as a server without RFC 6578
    assert sync(path, dav_server, clock).is_empty()  # the listing matches what the journal knows
    href, etag, _ = _card(dav_server, info, "Sam Lee")
    raw_request(dav_server, "DELETE", href, headers={"If-Match": etag})
    _phone_sets_notes(dav_server, info, "Notes from the phone", dt.datetime(2026, 11, 2, 9, 30))
    report = sync(path, dav_server, clock)
    assert report.deleted_here == ["Sam Lee"] and report.down == ["Dana Smith"]
    quiet = sync(path, dav_server, clock)
    assert quiet.is_empty() and quiet.requests <= 2 * 3
