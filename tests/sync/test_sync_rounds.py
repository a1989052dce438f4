"""Sync rounds against real servers (Radicale and Xandikos, each test its own): two journals on
two computers end up holding the same things, edits on both sides between syncs included."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.clock import FixedClock
from journal.services.agenda import next_steps
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people.records import add_detail, create_person, set_cadence, set_tags
from journal.services.pipeline import introductions
from journal.store.models import NextStep, Person
from tests.sync.harness import add_account, contents, do, opened, sync

T0 = dt.datetime(2026, 11, 2, 9, 0)


def _seed(clock):
    dana = create_person("Dana Smith", organisation="Northwind Clinic", role="Head of Cardiology", clock=clock)
    dana.notes = "Runs the hospital's new heart unit."
    dana.how_met = "Conference in Lyon"
    dana.save()
    add_detail(dana.id, "email", "dana@northwind.example", "work")
    set_tags(dana.id, ["health", "mentors"])
    set_cadence(dana.id, 30, clock=clock)
    sam = create_person("Sam Lee", clock=clock)
    log_conversation([PersonRef(id=dana.id)], when=T0 - dt.timedelta(days=3), channel="in person",
                     summary="Coffee at the station", notes="Offered to introduce me to Sam.", clock=clock)
    intro = introductions.create_offer(dana, sam, clock=clock, offered_on=T0.date() - dt.timedelta(days=3))
    introductions.advance(intro.id, clock=clock, on=T0.date() - dt.timedelta(days=1))
    next_steps.create_step("Send Dana my CV", due=T0.date() + dt.timedelta(days=2), person_id=dana.id, clock=clock)


@pytest.fixture
def journals(tmp_path):
    return tmp_path / "desk.sqlite3", tmp_path / "laptop.sqlite3"


def test_two_computers_end_up_with_the_same_journal(dav_server, journals):
    desk, laptop = journals
    clock = FixedClock(T0)
    do(desk, _seed, clock, clock=clock)
    add_account(desk, dav_server)
    first = sync(desk, dav_server, clock)
    assert "Dana Smith" in first.up and "Send Dana my CV" in first.up
    add_account(laptop, dav_server)
    down = sync(laptop, dav_server, clock)
    assert "Dana Smith" in down.down
    theirs = contents(laptop)
    assert theirs == contents(desk)
    assert theirs["people"]["Dana Smith"]["cadence"] == 30
    assert theirs["introductions"][0][:3] == ("Dana Smith", "Sam Lee", "asked")

    # Edits on both sides between syncs: each goes to the other.
    clock.set(T0 + dt.timedelta(hours=2))

    def rename_step():
        step = NextStep.get(NextStep.text == "Send Dana my CV")
        step.text = "Send Dana my CV and the portfolio"
        step.save()

    def new_notes():
        person = Person.get(Person.name == "Dana Smith")
        person.notes = "Moving to the board in spring."
        person.save()

    do(desk, rename_step, clock=clock)
    do(laptop, new_notes, clock=clock)
    sync(desk, dav_server, clock)
    sync(laptop, dav_server, clock)
    sync(desk, dav_server, clock)
    assert contents(desk) == contents(laptop)
    assert contents(desk)["people"]["Dana Smith"]["notes"] == "Moving to the board in spring."
    assert "Send Dana my CV and the portfolio" in [step[0] for step in contents(laptop)["steps"]]

    # Nothing to do: at most two requests per collection.
    quiet = sync(desk, dav_server, clock)
    assert quiet.is_empty()
    with opened(desk):
        from journal.store.models import SyncCollection

        collections = SyncCollection.select().count()
    assert quiet.requests <= 2 * collections

    # One change: one upload, plus one report per collection.
    def rename_again():
        Person.update(role="Chief Medical Officer").where(Person.name == "Dana Smith").execute()

    do(desk, rename_again, clock=clock)
    one = sync(desk, dav_server, clock)
    assert one.up == ["Dana Smith"]
    assert one.requests == collections + 1
    assert sync(laptop, dav_server, clock).down == ["Dana Smith"]


def test_a_round_run_twice_creates_nothing_twice(dav_server, journals):
    desk, _ = journals
    clock = FixedClock(T0)
    do(desk, _seed, clock, clock=clock)
    add_account(desk, dav_server)
    sync(desk, dav_server, clock)
    with opened(desk):
        from journal.store.models import SyncItem

        # As if the round had been killed after sending: the server has them, the journal does not know.
        SyncItem.update(etag="", base="").execute()
    again = sync(desk, dav_server, clock)
    assert again.conflicted == []
    with opened(desk):
        from journal.store.models import SyncItem

        assert all(item.etag for item in SyncItem.select() if item.kind != "introduction")
    from journal.services.sync.webdav import DavClient

    client = DavClient(dav_server.url, dav_server.user, dav_server.password)
    books, _ = client.discover()
    [book] = [b for b in books if b.name == "Contact Journal"]
    assert len(client.list_etags(book.url)) == 2  # Dana and Sam, once each
