"""A person in full: details, timeline, and delete with a restore that puts everything back."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.errors import ValidationError
from journal.services import operations
from journal.services.conversations import listing as conversation_list
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.people import detail as person_detail
from journal.services.people import records as people
from journal.services.people.records import PersonChanges
from journal.services.pipeline import drafts
from journal.store.models import ContactDetail, Introduction, Person


@pytest.fixture
def journal(db, clock):
    result = log_conversation(
        [PersonRef.named("Dana Smith"), PersonRef.named("Bo Chen")],
        when=dt.datetime(2026, 3, 2, 10),
        summary="Coffee",
        offers=[OfferDraft(target=PersonRef.named("Ali Khan"))],
        next_steps=[StepDraft("Send the deck", due=dt.date(2026, 3, 13), person=PersonRef.named("Dana Smith"))],
        clock=clock,
    )
    dana = people.find_by_name("Dana Smith").id
    people.update_person(
        dana,
        PersonChanges(name="Dana Smith", emails=("dana@acme.test",), phones=("+1 415 555 0100",), tags=("vc",)),
        clock=clock,
    )
    return {"dana": dana, "conv": result.conversation_id, "intro": result.introduction_ids[0]}


def test_detail_and_timeline(journal, clock):
    detail = person_detail.get_person(journal["dana"])
    assert detail.emails == ("dana@acme.test",) and detail.tags == ("vc",)
    assert detail.last_contact == dt.date(2026, 3, 2)
    entries = person_detail.timeline(journal["dana"], clock=clock)
    kinds = [(e.kind, e.title) for e in entries]
    assert kinds[0] == ("next_step", "Ask Dana Smith for the introduction to Ali Khan")
    assert entries[0].overdue
    assert ("next_step", "Send the deck") in kinds
    assert ("conversation", "Coffee") in kinds
    assert ("offer_given", "Offered to introduce you to Ali Khan") in kinds
    conv = next(e for e in entries if e.kind == "conversation")
    assert "with Bo Chen" in conv.detail


def test_update_keeps_labels_and_refuses_bad_input(journal, clock):
    ContactDetail.update(label="work").where(ContactDetail.value == "dana@acme.test").execute()
    people.update_person(
        journal["dana"],
        PersonChanges(name="Dana Smith", emails=("DANA@acme.test", "d@x.org")),
        clock=clock,
    )
    labels = {d.value: d.label for d in ContactDetail.select().where(ContactDetail.kind == "email")}
    assert labels == {"DANA@acme.test": "work", "d@x.org": ""}
    for bad in (PersonChanges(name="  "), PersonChanges(name="X", emails=("nope",)), PersonChanges(name="X", cadence_days=0)):
        with pytest.raises(ValidationError):
            people.update_person(journal["dana"], bad, clock=clock)
    assert Person.get_by_id(journal["dana"]).name == "Dana Smith"


def test_delete_is_undone_exactly(journal, clock, dump):
    dana = journal["dana"]
    before = dump()
    counts = person_detail.linked_counts(dana)
    assert counts.describe() == "1 conversation, 1 introduction, 2 next steps"
    history = operations.History()
    history.record(operations.run(people.delete_person, dana, label="Delete Dana"))
    assert Person.get_or_none(Person.id == dana) is None
    assert Introduction.select().count() == 0
    history.undo()
    assert dump() == before
    history.redo()
    assert Person.get_or_none(Person.id == dana) is None


def test_undoing_a_delete_is_refused_when_their_offer_lost_its_other_person(journal, clock, dump):
    history = operations.History()
    history.record(operations.run(people.delete_person, journal["dana"], label="Delete Dana"))
    people.delete_person(people.find_by_name("Ali Khan").id)  # not through this history
    after = dump()
    with pytest.raises(operations.UndoRefused, match="Delete Dana"):
        history.undo()
    assert dump() == after


def test_conversation_list_and_save(journal, clock):
    rows = conversation_list.fetch_rows(conversation_list.conversation_ids())
    assert rows[journal["conv"]].participants == "Bo Chen, Dana Smith"
    created = conversation_list.save_conversation(
        journal["conv"],
        participants=[PersonRef(id=journal["dana"]), PersonRef(name="Erin Park")],
        when=dt.datetime(2026, 3, 3, 9),
        channel="call",
        summary="Coffee, revised",
        notes="",
        clock=clock,
    )
    assert len(created) == 1
    detail = conversation_list.get_conversation(journal["conv"])
    assert [name for _id, name in detail.participants] == ["Dana Smith", "Erin Park"]
    with pytest.raises(ValidationError):
        conversation_list.save_conversation(
            journal["conv"], participants=[PersonRef(id=journal["dana"])], when=dt.datetime(2027, 1, 1),
            channel="call", summary="", notes="", clock=clock,
        )


def test_snippet_cuts_at_a_word():
    assert conversation_list.snippet("", "one two three", length=9) == "one two…"
    assert conversation_list.snippet("Sum", "notes\nhere") == "Sum — notes here"


def test_mailto_encodes_everything():
    url = drafts.mailto_url("a@b.test", "Hi & bye?", "Line one\nLine 2: 100% #1")
    assert url == "mailto:a@b.test?subject=Hi%20%26%20bye%3F&body=Line%20one%0D%0ALine%202%3A%20100%25%20%231"
