"""No service lets a raw database error reach a user: refusals are ValidationErrors, rolled back."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import IntegrityError

from journal.errors import ValidationError
from journal.services.agenda import next_steps
from journal.services.conversations import records as conversations
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people import records as people
from journal.services.pipeline import introductions
from journal.services.transaction import explain, write
from journal.store.models import ALL_MODELS, Conversation, Participant, Tag


def counts():
    return {model.__name__: model.select().count() for model in ALL_MODELS}


@pytest.fixture
def logged(db, clock):
    return log_conversation([PersonRef.named("Dana Smith")], clock=clock)


CALLS = {
    "step for a missing person": lambda: next_steps.add("x", due=dt.date(2026, 3, 12), person_id=999),
    "step for a missing conversation": lambda: next_steps.add("x", conversation_id=999),
    "step for a missing introduction": lambda: next_steps.add("x", introduction_id=999),
    "tags of a missing person": lambda: people.set_tags(999, ["mentor"]),
    "detail of a missing person": lambda: people.add_detail(999, "email", "a@b.c"),
    "participants that are missing": lambda: conversations.update_conversation(
        1, participant_ids=[1, 999], when=dt.datetime(2026, 3, 1, 12), channel="call", summary="", notes=""
    ),
    "offer from a missing person": lambda: introductions.offer(999, 1),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_dangling_reference_is_a_validation_error_and_nothing_changes(logged, name):
    before = counts()
    participants = list(Participant.select().tuples())
    with pytest.raises(ValidationError) as info:
        CALLS[name]()
    assert not isinstance(info.value.__cause__, ValidationError)
    assert "\n" not in str(info.value)
    assert counts() == before
    assert list(Participant.select().tuples()) == participants


def test_step_operations_on_a_missing_step(db):
    for call in (next_steps.complete, next_steps.reopen, lambda i: next_steps.edit_text(i, "new")):
        with pytest.raises(ValidationError, match="no next step 5"):
            call(5)
    with pytest.raises(ValidationError, match="no next step 5"):
        next_steps.snooze(5, dt.date(2026, 3, 12))


def test_update_of_a_missing_conversation(db):
    with pytest.raises(ValidationError, match="no conversation 7"):
        conversations.update_conversation(
            7, participant_ids=[1], when=dt.datetime(2026, 3, 1), channel="call", summary="", notes=""
        )


def test_write_turns_a_unique_violation_into_a_sentence_and_rolls_back(db):
    with pytest.raises(ValidationError, match="already a tag with that name"):
        with write():
            Tag.create(name="mentor")
            Tag.create(name="MENTOR")  # the column is case-insensitive
    assert Tag.select().count() == 0


def test_explain_covers_the_constraint_kinds():
    assert "no longer exists" in explain(IntegrityError("FOREIGN KEY constraint failed"))
    assert explain(IntegrityError("NOT NULL constraint failed: next_step.person_id")) == "A next step needs a person."
    assert "refused" in explain(IntegrityError("CHECK constraint failed: x"))


def test_next_step_lifecycle(logged, clock):
    step = next_steps.add("  Send   the deck ", due=dt.date(2026, 3, 12), person_id=1, clock=clock)
    next_steps.edit_text(step, "Send the new deck")
    next_steps.complete(step, clock=clock)
    from journal.store.models import NextStep

    assert NextStep.get_by_id(step).done_at == clock.now()
    next_steps.reopen(step)
    assert NextStep.get_by_id(step).done_at is None
    assert NextStep.get_by_id(step).text == "Send the new deck"
    with pytest.raises(ValidationError, match="time needs a date"):
        next_steps.add("x", due_time=dt.time(9), clock=clock)
    next_steps.delete(step)
    assert NextStep.get_or_none(NextStep.id == step) is None
    assert Conversation.select().count() == 1


def test_a_journal_locked_by_another_program_is_a_busy_error(logged, journal_path, db):
    import sqlite3

    from journal.errors import BusyError

    db.execute_sql("PRAGMA busy_timeout = 20")
    blocker = sqlite3.connect(journal_path, timeout=0.02)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(BusyError, match="busy"):
            next_steps.add("Call back", due=dt.date(2026, 3, 12))
    finally:
        blocker.rollback()
        blocker.close()
    assert next_steps.add("Call back", due=dt.date(2026, 3, 12)) > 0


def test_editing_a_conversation(logged, clock):
    lee = log_conversation([PersonRef.named("Lee Park")], clock=clock).people_created[0]
    cid = logged.conversation_id
    conversations.update_conversation(
        cid, participant_ids=[1, lee, 1], when=dt.datetime(2026, 3, 2, 15), channel="call",
        summary=" Catch-up ", notes="", clock=clock,
    )
    conversation = Conversation.get_by_id(cid)
    assert (conversation.summary, conversation.channel) == ("Catch-up", "call")
    assert sorted(p.person_id for p in Participant.select().where(Participant.conversation == cid)) == [1, lee]
    before = counts()
    for bad, message in (
        ({"participant_ids": []}, "at least one person"),
        ({"channel": "fax"}, "Unknown channel"),
        ({"when": dt.datetime(2026, 4, 1)}, "future"),
    ):
        kwargs = {"participant_ids": [1], "when": dt.datetime(2026, 3, 2), "channel": "call", "summary": "",
                  "notes": "", "clock": clock} | bad
        with pytest.raises(ValidationError, match=message):
            conversations.update_conversation(cid, **kwargs)
    assert counts() == before
    assert Conversation.get_by_id(cid).summary == "Catch-up"
