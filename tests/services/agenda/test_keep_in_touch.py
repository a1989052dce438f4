"""Keep-in-touch cadence through the services: due, reset by logging, moved by snoozing."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.errors import ValidationError
from journal.services.agenda.items import agenda
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people import records as people
from journal.store.models import Person


@pytest.fixture
def dana(db, clock) -> Person:
    person = people.create_person("Dana Smith", clock=clock)
    people.set_cadence(person.id, 30, clock=clock)
    return Person.get_by_id(person.id)


def keep_in_touch(clock, days=7):
    return [(i.id, i.due, i.overdue) for i in agenda(days, clock=clock) if i.kind == "keep_in_touch"]


def test_due_counts_from_the_day_the_cadence_was_set(dana, clock):
    assert people.next_contact_due(dana) == clock.today() + dt.timedelta(days=30)
    assert keep_in_touch(clock) == []
    clock.advance(days=25)
    assert keep_in_touch(clock) == [(dana.id, dt.date(2026, 4, 10), False)]
    clock.advance(days=6)
    assert keep_in_touch(clock) == [(dana.id, dt.date(2026, 4, 10), True)]


def test_logging_any_conversation_resets_it(dana, clock):
    clock.advance(days=40)
    assert keep_in_touch(clock)[0][2]  # overdue
    log_conversation([PersonRef(id=dana.id), PersonRef.named("Lee Park")], clock=clock)
    assert people.next_contact_due(Person.get_by_id(dana.id)) == clock.today() + dt.timedelta(days=30)
    assert keep_in_touch(clock) == []


def test_a_backdated_conversation_counts_from_its_own_day(dana, clock):
    clock.advance(days=40)
    log_conversation([PersonRef(id=dana.id)], when=clock.now() - dt.timedelta(days=20), clock=clock)
    assert people.next_contact_due(Person.get_by_id(dana.id)) == clock.today() + dt.timedelta(days=10)


def test_snooze_moves_it_and_logging_clears_the_snooze(dana, clock):
    clock.advance(days=31)
    until = clock.today() + dt.timedelta(days=14)
    people.snooze_keep_in_touch(dana.id, until, clock=clock)
    assert people.next_contact_due(Person.get_by_id(dana.id)) == until
    assert keep_in_touch(clock) == []
    assert keep_in_touch(clock, days=14) == [(dana.id, until, False)]
    log_conversation([PersonRef(id=dana.id)], clock=clock)
    refreshed = Person.get_by_id(dana.id)
    assert refreshed.keep_in_touch_snoozed_until is None
    assert people.next_contact_due(refreshed) == clock.today() + dt.timedelta(days=30)


def test_clearing_or_changing_the_cadence(dana, clock):
    people.set_cadence(dana.id, None, clock=clock)
    assert people.next_contact_due(Person.get_by_id(dana.id)) is None
    with pytest.raises(ValidationError, match="positive"):
        people.set_cadence(dana.id, 0, clock=clock)
    with pytest.raises(ValidationError, match="no person 999"):
        people.set_cadence(999, 30, clock=clock)
    with pytest.raises(ValidationError, match="no person 999"):
        people.snooze_keep_in_touch(999, clock.today(), clock=clock)


def test_archived_people_are_not_due(dana, clock):
    Person.update(archived=True).where(Person.id == dana.id).execute()
    clock.advance(days=60)
    assert keep_in_touch(clock) == []
