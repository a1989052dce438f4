"""Deleting a conversation keeps its offers and next steps, and is undone exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.errors import ValidationError
from journal.services import operations
from journal.services.agenda.items import last_contacts
from journal.services.conversations.records import (
    OfferDraft,
    PersonRef,
    StepDraft,
    delete_conversation,
    log_conversation,
)
from journal.services.people.records import delete_person
from journal.services.search import search
from journal.store.models import Conversation, Introduction, NextStep, Person


def _log(clock, when=None):
    return log_conversation(
        [PersonRef.named("Dana Smith"), PersonRef.named("Lee Park")],
        when=when or clock.now(),
        channel="video",
        summary="Coffee about the zeppelin project",
        notes="She knows the harbour master.",
        offers=[OfferDraft(PersonRef.named("Ravi Jain"))],
        next_steps=[StepDraft("Send my CV", dt.date(2026, 3, 13))],
        clock=clock,
    )


def test_delete_keeps_offers_and_steps_and_undo_puts_everything_back(db, clock, dump):
    earlier = _log(clock, clock.now() - dt.timedelta(days=30))
    result = _log(clock)
    dana = Person.get(Person.name == "Dana Smith").id
    before = dump()
    history = operations.History()

    history.record(operations.run(delete_conversation, result.conversation_id, label="Delete"))
    assert Conversation.get_or_none(Conversation.id == result.conversation_id) is None
    assert Introduction.get_by_id(result.introduction_ids[0]).conversation_id is None  # kept, unlinked
    assert all(NextStep.get_by_id(s).conversation_id is None for s in result.next_step_ids)
    assert last_contacts([dana])[dana] == (clock.now() - dt.timedelta(days=30)).date()
    assert [r.id for r in search("zeppelin")["conversation"]] == [earlier.conversation_id]

    history.undo()
    assert dump() == before
    assert last_contacts([dana])[dana] == clock.today()
    assert {r.id for r in search("zeppelin")["conversation"]} == {earlier.conversation_id, result.conversation_id}


def test_undo_is_refused_once_someone_in_it_was_deleted(db, clock, dump):
    result = _log(clock)
    history = operations.History()
    history.record(operations.run(delete_conversation, result.conversation_id, label="Delete the coffee"))
    delete_person(Person.get(Person.name == "Lee Park").id)  # elsewhere: the command line, say
    after = dump()
    with pytest.raises(operations.UndoRefused, match="Delete the coffee.*the person it involves was deleted since"):
        history.undo()
    assert dump() == after  # nothing half-undone
    assert not history.can_undo()


def test_deleting_a_conversation_that_is_gone_says_so(db, clock):
    with pytest.raises(ValidationError, match="no longer exists"):
        delete_conversation(999)
