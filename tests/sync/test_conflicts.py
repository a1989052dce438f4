"""Conflicts: the same field changed on both sides (the later change wins, the other value is
kept to review and swap), a 412 in the middle of a round, and a delete on one side against an
edit on the other. Nothing is lost."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from journal.clock import FixedClock
from journal.services import operations
from journal.services.agenda import next_steps
from journal.services.people.records import create_person
from journal.services.sync import conflicts
from journal.services.sync.webdav import DavClient
from journal.store.models import NextStep, Person
from tests.sync.harness import add_account, card, do, opened, start_synced, sync
from tests.sync.servers import raw_request

T0 = dt.datetime(2026, 11, 2, 9, 0)


def _seed(clock):
    dana = create_person("Dana Smith", clock=clock)
    dana.notes = "First notes"
    dana.save()
    next_steps.create_step("Send Dana my CV", due=T0.date() + dt.timedelta(days=2), person_id=dana.id, clock=clock)


@pytest.fixture
def synced(dav_server, tmp_path):
    return start_synced(tmp_path / "journal.sqlite3", dav_server, _seed, FixedClock(T0))


_card = card


def _phone_sets_notes(server, info, notes, at: dt.datetime):
    href, etag, text = _card(server, info, "Dana Smith")
    text = re.sub(r"NOTE:[^\r\n]*\r\n", "", text)
    text = re.sub(r"REV:[^\r\n]*\r\n", "", text)
    text = text.replace("END:VCARD", f"NOTE:{notes}\r\nREV:{at.strftime('%Y%m%dT%H%M%SZ')}\r\nEND:VCARD")
    answer = raw_request(server, "PUT", href, text, {"Content-Type": "text/vcard", "If-Match": etag})
    assert answer.status_code in (200, 201, 204), answer.text


def _set_notes(notes):
    person = Person.get(Person.name == "Dana Smith")
    person.notes = notes
    person.save()


def _notes(path):
    with opened(path):
        return Person.get(Person.name == "Dana Smith").notes


def test_the_later_change_wins_and_the_other_can_be_swapped_back(dav_server, synced):
    path, clock, info = synced
    clock.set(T0 + dt.timedelta(hours=1))
    do(path, _set_notes, "Notes from the desk", clock=clock)  # 10:00 local
    _phone_sets_notes(dav_server, info, "Notes from the phone", (T0 + dt.timedelta(hours=5)).astimezone(dt.UTC))
    clock.set(T0 + dt.timedelta(hours=6))
    report = sync(path, dav_server, clock)
    assert report.conflicted == ["Dana Smith"]
    assert _notes(path) == "Notes from the phone"
    with opened(path):
        [conflict] = conflicts.open_conflicts()
        assert (conflict.field, conflict.kept, conflict.other, conflict.kept_side) == (
            "notes", "Notes from the phone", "Notes from the desk", "server")
        operations.run(conflicts.swap, conflict.id, clock=clock, label="Swap")
        assert conflicts.open_conflicts() == []
    assert _notes(path) == "Notes from the desk"
    sync(path, dav_server, clock)
    assert "NOTE:Notes from the desk" in _card(dav_server, info, "Dana Smith")[2]


def test_a_later_change_here_wins_over_an_earlier_one_there(dav_server, synced):
    path, clock, info = synced
    _phone_sets_notes(dav_server, info, "Notes from the phone", (T0 + dt.timedelta(minutes=10)).astimezone(dt.UTC))
    clock.set(T0 + dt.timedelta(hours=3))
    do(path, _set_notes, "Notes from the desk", clock=clock)
    report = sync(path, dav_server, clock)
    assert report.conflicted == ["Dana Smith"]
    assert _notes(path) == "Notes from the desk"
    assert "NOTE:Notes from the desk" in _card(dav_server, info, "Dana Smith")[2]
    with opened(path):
        [conflict] = conflicts.open_conflicts()
        assert (conflict.kept_side, conflict.other) == ("journal", "Notes from the phone")
        conflicts.dismiss(conflict.id)
        assert conflicts.open_conflicts() == []


class _PhoneInTheMiddle(DavClient):
    """Before the round's first upload of a card, the phone changes that card: a real 412."""

    def __init__(self, *args, server, info, **kwargs):
        super().__init__(*args, **kwargs)
        self.server, self.info, self.done = server, info, False

    def put(self, href, text, content_type, **kwargs):
        if not self.done and href.endswith(".vcf"):
            self.done = True
            _phone_sets_notes(self.server, self.info, "Phone notes", dt.datetime(2026, 11, 2, 8, 0))
            old, etag, card = _card(self.server, self.info, "Dana Smith")
            card = card.replace("END:VCARD", "X-PHONE-PINNED:yes\r\nEND:VCARD")
            raw_request(self.server, "PUT", old, card, {"Content-Type": "text/vcard", "If-Match": etag})
        return super().put(href, text, content_type, **kwargs)


def test_a_412_in_the_middle_of_a_round_is_fetched_and_merged(dav_server, synced):
    path, clock, info = synced
    clock.set(T0 + dt.timedelta(hours=1))

    def edit():
        Person.update(role="Chief of Staff").where(Person.name == "Dana Smith").execute()

    do(path, edit, clock=clock)
    client = _PhoneInTheMiddle(dav_server.url, dav_server.user, dav_server.password, server=dav_server, info=info)
    report = sync(path, dav_server, clock, client=client)
    assert client.done and "Dana Smith" in report.up
    text = _card(dav_server, info, "Dana Smith")[2]
    assert "TITLE:Chief of Staff" in text and "X-PHONE-PINNED:yes" in text
    assert _notes(path) == "Phone notes"  # the phone's edit of another field arrived too


def test_a_delete_there_against_an_edit_here_keeps_the_edit(dav_server, synced):
    path, clock, info = synced
    href, etag, _ = _card(dav_server, info, "Dana Smith")
    raw_request(dav_server, "DELETE", href, headers={"If-Match": etag})
    clock.set(T0 + dt.timedelta(hours=1))
    do(path, _set_notes, "Still here", clock=clock)
    report = sync(path, dav_server, clock)
    assert any("changed here" in note for note in report.notes)
    assert _notes(path) == "Still here"
    assert "NOTE:Still here" in _card(dav_server, info, "Dana Smith")[2]


def test_a_delete_here_against_an_edit_there_keeps_the_edit(dav_server, synced):
    path, clock, _ = synced
    from tests.sync.test_phone import _calendar, _todo

    todo = _todo(_calendar(dav_server, "Contact Journal tasks"), "Send Dana my CV")
    todo.icalendar_component["SUMMARY"] = "Send Dana my CV (updated on the phone)"
    todo.save()

    def delete_step():
        NextStep.delete().where(NextStep.text == "Send Dana my CV").execute()

    do(path, delete_step, clock=clock)
    sync(path, dav_server, clock)
    with opened(path):
        assert [s.text for s in NextStep.select()] == ["Send Dana my CV (updated on the phone)"]
    sync(path, dav_server, clock)
    with opened(path):
        assert NextStep.select().count() == 1


def test_between_two_journals_the_later_edit_wins(dav_server, synced, tmp_path):
    desk, clock, info = synced
    laptop = tmp_path / "laptop.sqlite3"
    add_account(laptop, dav_server)
    sync(laptop, dav_server, clock)
    clock.set(T0 + dt.timedelta(hours=1))
    do(desk, _set_notes, "Written on the desk", clock=clock)
    clock.set(T0 + dt.timedelta(hours=2))
    do(laptop, _set_notes, "Written on the laptop, later", clock=clock)
    sync(desk, dav_server, clock)
    report = sync(laptop, dav_server, clock)
    assert report.conflicted == ["Dana Smith"]
    sync(desk, dav_server, clock)
    assert _notes(desk) == _notes(laptop) == "Written on the laptop, later"
    with opened(laptop):
        [conflict] = conflicts.open_conflicts()
        assert (conflict.kept_side, conflict.other) == ("journal", "Written on the desk")


def test_a_client_that_drops_unknown_properties_does_not_clear_the_journals_own(dav_server, synced):
    from journal.services.people.records import set_cadence

    path, clock, info = synced

    def cadence():
        person = Person.get(Person.name == "Dana Smith")
        person.how_met = "Conference in Lyon"
        person.save()
        set_cadence(person.id, 30, clock=clock)

    do(path, cadence, clock=clock)
    sync(path, dav_server, clock)
    href, etag, text = _card(dav_server, info, "Dana Smith")
    assert "X-CONTACT-JOURNAL-CADENCE-DAYS:30" in text
    stripped = "".join(line + "\r\n" for line in text.split("\r\n") if line and not line.startswith("X-"))
    stripped = stripped.replace("NOTE:First notes", "NOTE:Edited on a plain client")
    assert raw_request(dav_server, "PUT", href, stripped, {"Content-Type": "text/vcard", "If-Match": etag}).ok
    sync(path, dav_server, clock)
    with opened(path):
        dana = Person.get(Person.name == "Dana Smith")
        assert (dana.notes, dana.how_met, dana.cadence_days) == ("Edited on a plain client", "Conference in Lyon", 30)
