"""Logging a conversation: everything it implies, in one transaction or not at all."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.errors import ValidationError
from journal.services import changes, operations
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.store.models import ALL_MODELS, Conversation, Introduction, NextStep, Participant, Person


def row_counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in ALL_MODELS}


def test_log_creates_conversation_people_offer_and_steps(db, clock):
    result = log_conversation(
        [PersonRef.named("Dana Smith"), PersonRef.named("Lee Park")],
        channel="video",
        summary="  Coffee about the board role ",
        offers=[OfferDraft(PersonRef.named("Ravi Jain"))],
        next_steps=[StepDraft("Send my CV", dt.date(2026, 3, 13), person=PersonRef.named("Dana Smith"))],
        clock=clock,
    )
    conversation = Conversation.get_by_id(result.conversation_id)
    assert conversation.summary == "Coffee about the board role"
    assert conversation.channel == "video"
    assert conversation.occurred_at == clock.now()
    names = {p.person.name for p in Participant.select().where(Participant.conversation == conversation)}
    assert names == {"Dana Smith", "Lee Park"}
    assert len(result.people_created) == 3
    intro = Introduction.get_by_id(result.introduction_ids[0])
    assert (intro.introducer.name, intro.target.name, intro.stage) == ("Dana Smith", "Ravi Jain", "offered")
    assert intro.conversation_id == conversation.id
    steps = {s.text: s for s in NextStep.select()}
    assert set(steps) == {"Send my CV", "Ask Dana Smith for the introduction to Ravi Jain"}
    assert steps["Send my CV"].person.name == "Dana Smith"


def test_existing_people_are_found_by_name_not_duplicated(db, clock):
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    result = log_conversation([PersonRef.named("  dana   SMITH ")], clock=clock)
    assert result.people_created == []
    assert Person.select().count() == 1


def test_a_failure_midway_leaves_nothing_behind(db, clock):
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    before = row_counts()
    with pytest.raises(ValidationError, match="needs some text"):
        log_conversation(
            [PersonRef.named("Dana Smith"), PersonRef.named("New Person")],
            offers=[OfferDraft(PersonRef.named("Another New One"))],
            next_steps=[StepDraft("ok step", dt.date(2026, 3, 20)), StepDraft("   ", dt.date(2026, 3, 20))],
            clock=clock,
        )
    assert row_counts() == before


def test_an_offer_to_oneself_rolls_back_the_new_people(db, clock):
    with pytest.raises(ValidationError, match="themselves"):
        log_conversation(
            [PersonRef.named("Dana Smith"), PersonRef.named("Lee Park")],
            offers=[OfferDraft(PersonRef.named("Dana Smith"))],
            clock=clock,
        )
    assert all(count == 0 for count in row_counts().values())


def test_a_dangling_participant_id_is_a_clear_error_and_nothing_is_written(db, clock):
    with pytest.raises(ValidationError, match="no person 42"):
        log_conversation([PersonRef.named("Dana Smith"), PersonRef(id=42)], clock=clock)
    assert all(count == 0 for count in row_counts().values())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channel": "carrier pigeon"}, "Unknown channel"),
        ({"when": dt.datetime(2026, 3, 20, 9, 0)}, "future"),
    ],
)
def test_bad_input_is_refused_before_writing(db, clock, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        log_conversation([PersonRef.named("Dana Smith")], clock=clock, **kwargs)
    assert all(count == 0 for count in row_counts().values())


def test_no_participants_or_blank_name(db, clock):
    with pytest.raises(ValidationError, match="at least one person"):
        log_conversation([], clock=clock)
    with pytest.raises(ValidationError, match="needs a name"):
        log_conversation([PersonRef.named("  ")], clock=clock)


def test_a_described_target_becomes_a_placeholder(db, clock):
    log_conversation(
        [PersonRef.named("Dana Smith")],
        offers=[OfferDraft(PersonRef.named("Dana's sister-in-law, CMO at AAMC"), target_is_description=True)],
        clock=clock,
    )
    target = Person.get(Person.name == "Dana's sister-in-law, CMO at AAMC")
    assert target.is_placeholder
    assert not Person.get(Person.name == "Dana Smith").is_placeholder


def test_listeners_hear_what_a_committed_log_changed_and_nothing_of_a_refused_one(db, clock):
    heard = []
    changes.subscribe(heard.append)
    try:
        result = operations.run(log_conversation, [PersonRef.named("Dana Smith")], clock=clock).value
        with pytest.raises(ValidationError):
            operations.run(log_conversation, [PersonRef.named("Dana Smith")], channel="nope", clock=clock)
    finally:
        changes.unsubscribe(heard.append)
    (notice,) = heard
    dana = Person.get(Person.name == "Dana Smith").id
    assert notice.conversation_ids == {result.conversation_id} and notice.person_ids == {dana}
    assert notice.conversations and notice.people and not notice.introductions and not notice.next_steps


@pytest.mark.parametrize("typed", ["ZOË MÜLLER", "zoë müller", "Zoë  Müller"])
def test_names_match_ignoring_case_in_any_script(db, clock, typed):
    log_conversation([PersonRef.named("Zoë Müller")], clock=clock)
    assert log_conversation([PersonRef.named(typed)], clock=clock).people_created == []
    assert Person.select().count() == 1


def test_an_ambiguous_name_is_refused_and_an_archived_one_is_found_last(db, clock):
    from journal.services.people.records import create_person, find_by_name

    first = create_person("Sam Lee", clock=clock)
    create_person("sam lee", clock=clock)
    with pytest.raises(ValidationError, match="Several people"):
        log_conversation([PersonRef.named("Sam Lee")], clock=clock)
    Person.update(archived=True).execute()
    assert find_by_name("SAM LEE").id == first.id


def test_new_participants_get_the_default_cadence_but_offered_targets_do_not(db, clock):
    known = log_conversation([PersonRef.named("Known Person")], clock=clock)
    result = log_conversation(
        [PersonRef.named("Known Person"), PersonRef.named("New Person")],
        offers=[OfferDraft(PersonRef.named("Target Person"))],
        clock=clock,
        new_people_cadence_days=30,
    )
    assert known.people_created and len(result.people_created) == 2
    by_name = {p.name: p for p in Person.select()}
    assert by_name["New Person"].cadence_days == 30
    assert by_name["New Person"].cadence_set_on == clock.today()
    assert by_name["Known Person"].cadence_days is None
    assert by_name["Target Person"].cadence_days is None
