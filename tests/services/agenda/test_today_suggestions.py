"""Today's suggestions group and the operations that act on a suggestion, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.pipeline import Stage
from journal.errors import ValidationError
from journal.services import operations
from journal.services.agenda.today import (
    Group,
    Suggested,
    accept_stage,
    log_suggested_meeting,
    today_items,
    today_suggestions,
)
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.scan import known, runner
from journal.services.transaction import write
from journal.store.models import ContactDetail, Conversation, Introduction, Person, SuggestionState
from tests.services.scan.helpers import event, ics, message, person, write_mbox

DAY = dt.timedelta(days=1)


@pytest.fixture
def dana(db, clock, tmp_path):
    """Dana Smith, and a coffee with her two days ago, scanned from a calendar."""
    dana = person("Dana Smith", "dana@example.org")
    with write():
        known.set_own_addresses(["me@example.com"])
    path = tmp_path / "cal.ics"
    path.write_text(ics(event("coffee-1", clock.now() - 2 * DAY, attendees=("me@example.com", "dana@example.org"),
                              location="Café Rosa")))
    runner.scan_path("calendar", str(path), clock=clock)
    return dana


def test_today_lists_a_meeting_to_log_as_a_suggestion_with_its_key(dana, clock):
    groups = today_items(clock=clock)
    (item,) = groups[Group.SUGGESTIONS]
    assert item.kind is Suggested.MEETING and item.group is Group.SUGGESTIONS
    assert item.key.startswith("meeting:") and item.ident == item.key
    assert item.people == ("Dana Smith",) and item.person_id == dana and item.due == (clock.now() - 2 * DAY).date()
    assert item.suggestion.summary == "Coffee chat" and item.suggestion.channel == "in person"
    assert today_suggestions(clock=clock) == [item]


def test_logging_a_suggested_meeting_marks_it_and_one_undo_takes_both_back(dana, clock):
    (item,) = today_suggestions(clock=clock)
    history = operations.History()
    result = history.record(operations.run(
        log_suggested_meeting, item.key, [PersonRef(id=dana)], when=item.suggestion.start, channel="in person",
        summary="Coffee chat", clock=clock, label="Log",
    ))
    assert result.changes.suggestions and result.changes.conversation_ids
    assert Conversation.get_by_id(result.value.conversation_id).occurred_at == item.suggestion.start
    assert SuggestionState.get(SuggestionState.key == item.key).state == "logged"
    assert today_suggestions(clock=clock) == []
    history.undo()
    assert Conversation.select().count() == 0 and SuggestionState.select().count() == 0
    assert [i.key for i in today_suggestions(clock=clock)] == [item.key]


def test_a_log_that_fails_marks_nothing(dana, clock):
    (item,) = today_suggestions(clock=clock)
    with pytest.raises(ValidationError, match="at least one person"):
        operations.run(log_suggested_meeting, item.key, [], clock=clock, label="Log")
    assert SuggestionState.select().count() == 0 and Conversation.select().count() == 0
    with pytest.raises(ValidationError, match="not a meeting's suggestion"):
        operations.run(log_suggested_meeting, "stage:1:introduced", [PersonRef(id=dana)], clock=clock, label="Log")
    assert Conversation.select().count() == 0


def test_accepting_a_stage_hint_moves_the_introduction_and_marks_it_in_one_operation(db, clock, tmp_path):
    now = clock.now()
    result = log_conversation([PersonRef.named("Dana Smith")], when=now - 10 * DAY, clock=clock,
                              offers=[OfferDraft(PersonRef.named("Sam Lee"))])
    intro = result.introduction_ids[0]
    for name, address in (("Dana Smith", "dana@example.org"), ("Sam Lee", "sam@example.org")):
        ContactDetail.create(person=Person.get(Person.name == name).id, kind="email", value=address, normalized=address)
    with write():
        known.set_own_addresses(["me@example.com"])
    box = write_mbox(tmp_path / "mbox", [message("sam@example.org", "me@example.com", now - 3 * DAY, cc="dana@example.org")])
    runner.scan_path("mail", str(box), clock=clock)
    (item,) = today_suggestions(clock=clock)
    assert item.kind is Suggested.STAGE and item.stage is Stage.INTRODUCED
    assert item.suggestion.writer == "Sam Lee" and item.suggestion.introduction_id == intro

    with pytest.raises(ValidationError, match="not an introduction's suggestion"):
        operations.run(accept_stage, "meeting:x", intro, "introduced", clock=clock, label="Accept")
    history = operations.History()
    done = history.record(operations.run(accept_stage, item.key, intro, item.suggestion.stage, clock=clock, label="Accept"))
    assert done.value is Stage.INTRODUCED
    assert Introduction.get_by_id(intro).stage == "introduced"
    assert SuggestionState.get(SuggestionState.key == item.key).state == "logged"
    assert today_suggestions(clock=clock) == []
    history.undo()
    assert Introduction.get_by_id(intro).stage == "offered" and SuggestionState.select().count() == 0
    assert [i.key for i in today_suggestions(clock=clock)] == [item.key]


def test_the_suggestions_take_a_few_queries_however_many_meetings(db, clock, tmp_path):
    from playhouse.test_utils import count_queries

    now = clock.now()
    people = [person(f"Person {n}", f"p{n}@example.org") for n in range(60)]
    path = tmp_path / "cal.ics"
    path.write_text(ics(event("one", now - DAY, attendees=("p0@example.org",))))
    runner.scan_path("calendar", str(path), clock=clock)
    with count_queries() as one:
        assert len(today_suggestions(clock=clock)) == 1
    path.write_text(ics(*(
        event(f"m{n}", now - (n % 25 + 1) * DAY - dt.timedelta(hours=n % 5), attendees=(f"p{n}@example.org", f"p{(n + 1) % 60}@example.org"))
        for n in range(len(people))
    )))
    runner.scan_path("calendar", str(path), clock=clock)
    with count_queries() as many:
        assert len(today_suggestions(clock=clock)) == 60
    assert many.count == one.count <= 8
