"""Deleting a conversation keeps its offers and next steps, and can be undone exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.services.agenda.items import last_contacts
from journal.services.conversations.records import (
    OfferDraft,
    PersonRef,
    StepDraft,
    delete_conversation,
    log_conversation,
    restore_conversation,
)
from journal.services.people.records import delete_person
from journal.services.search import search
from journal.errors import ValidationError
from journal.store.models import Conversation, Introduction, NextStep, Participant, Person


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


def test_delete_then_restore_puts_everything_back(db, clock):
    earlier = _log(clock, clock.now() - dt.timedelta(days=30))
    result = _log(clock)
    dana = Person.get(Person.name == "Dana Smith").id
    before = Conversation.select().where(Conversation.id == result.conversation_id).dicts().get()
    assert last_contacts([dana])[dana] == clock.today()

    snapshot = delete_conversation(result.conversation_id)
    assert Conversation.get_or_none(Conversation.id == result.conversation_id) is None
    assert Introduction.get_by_id(result.introduction_ids[0]).conversation_id is None  # kept, unlinked
    assert all(NextStep.get_by_id(s).conversation_id is None for s in result.next_step_ids)
    assert last_contacts([dana])[dana] == (clock.now() - dt.timedelta(days=30)).date()
    assert [r.id for r in search("zeppelin")["conversation"]] == [earlier.conversation_id]

    assert restore_conversation(snapshot) == result.conversation_id
    assert Conversation.select().where(Conversation.id == result.conversation_id).dicts().get() == before
    names = {p.person.name for p in Participant.select().where(Participant.conversation == result.conversation_id)}
    assert names == {"Dana Smith", "Lee Park"}
    assert Introduction.get_by_id(result.introduction_ids[0]).conversation_id == result.conversation_id
    assert all(NextStep.get_by_id(s).conversation_id == result.conversation_id for s in result.next_step_ids)
    assert last_contacts([dana])[dana] == clock.today()
    assert {r.id for r in search("zeppelin")["conversation"]} == {earlier.conversation_id, result.conversation_id}


def test_restore_leaves_out_people_deleted_since_and_refuses_twice(db, clock):
    result = _log(clock)
    snapshot = delete_conversation(result.conversation_id)
    delete_person(Person.get(Person.name == "Lee Park").id)
    restore_conversation(snapshot)
    names = {p.person.name for p in Participant.select().where(Participant.conversation == result.conversation_id)}
    assert names == {"Dana Smith"}
    with pytest.raises(ValidationError, match="already in the journal"):
        restore_conversation(snapshot)


def test_deleting_a_conversation_that_is_gone_says_so(db, clock):
    with pytest.raises(ValidationError, match="no longer exists"):
        delete_conversation(999)
