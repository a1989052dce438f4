"""Merging two people moves everything onto one, after a preview, and can be undone exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.errors import ValidationError
from journal.services import operations
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.interchange.json_tables import dump_tables
from journal.services.people import merge
from journal.services.people.records import add_detail, create_person, set_tags, tags_of
from journal.store.models import ContactDetail, Introduction, NextStep, Participant, Person


@pytest.fixture
def pair(db, clock):
    keep = create_person("Ana Pérez", organisation="Acme", clock=clock)
    add_detail(keep.id, "email", "ana@acme.com")
    drop = create_person("Perez, Ana", organisation="ACME", role="CTO", clock=clock, notes="Likes sailing")
    add_detail(drop.id, "email", "ANA@acme.com")
    add_detail(drop.id, "phone", "+1 415 555 0100")
    set_tags(keep.id, ["vc"])
    set_tags(drop.id, ["vc", "mentor"])
    log_conversation([PersonRef(id=keep.id), PersonRef(id=drop.id)], summary="both", clock=clock)
    log_conversation(
        [PersonRef(id=drop.id)], summary="only drop", clock=clock,
        offers=[OfferDraft(PersonRef.named("Zed Zulu"))],
        next_steps=[StepDraft("Call back", dt.date(2026, 3, 20), person=PersonRef(id=drop.id))],
    )
    log_conversation([PersonRef.named("Zed Zulu")], clock=clock,
                     offers=[OfferDraft(PersonRef(id=drop.id), introducer=PersonRef.named("Zed Zulu"))])
    return keep.id, drop.id


def test_find_duplicates_lists_the_pair_with_its_reason(pair):
    keep, drop = pair
    (found,) = merge.find_duplicates()
    assert {found.a.id, found.b.id} == {keep, drop}
    assert found.reason == "same e-mail ana@acme.com" and found.score == 100


def test_preview_counts_what_would_move_and_changes_nothing(pair):
    keep, drop = pair
    before = dump_tables()
    preview = merge.preview_merge(keep, drop)
    assert (preview.conversations, preview.offers, preview.next_steps) == (2, 2, 2)
    assert (preview.details, preview.tags) == (1, 1)
    assert "role" in preview.fills and "notes" in preview.fills
    assert f"Perez, Ana (#{drop}) is then removed." in preview.lines()
    assert dump_tables() == before


def test_merge_moves_everything_and_undo_restores_exactly(pair, clock, dump):
    keep, drop = pair
    before = dump()
    history = operations.History()
    history.record(operations.run(merge.merge_people, keep, drop, clock=clock, label="Merge"))
    assert not Person.select().where(Person.id == drop).exists()
    kept = Person.get_by_id(keep)
    assert (kept.role, kept.notes) == ("CTO", "Likes sailing")
    summaries = {p.conversation.summary for p in Participant.select().where(Participant.person == keep)}
    assert {"both", "only drop"} <= summaries
    assert Introduction.select().where((Introduction.introducer == drop) | (Introduction.target == drop)).count() == 0
    assert Introduction.select().where(Introduction.target == keep).count() == 1
    assert NextStep.select().where(NextStep.person == drop).count() == 0
    assert {d.normalized for d in ContactDetail.select().where(ContactDetail.person == keep)} == {"ana@acme.com", "+14155550100"}
    assert tags_of(keep) == ["mentor", "vc"]
    assert merge.find_duplicates() == []
    history.undo()
    assert dump() == before


def test_merge_refuses_nonsense(pair):
    keep, drop = pair
    with pytest.raises(ValidationError):
        merge.preview_merge(keep, keep)
    with pytest.raises(ValidationError):
        merge.merge_people(keep, 9999)


def test_undo_refuses_after_the_kept_person_changed(pair, clock, dump):
    keep, drop = pair
    history = operations.History()
    history.record(operations.run(merge.merge_people, keep, drop, clock=clock, label="Merge Ana"))
    from journal.services.people.records import set_cadence

    set_cadence(keep, 30, clock=clock)  # a later change, not on this history
    after = dump()
    with pytest.raises(operations.UndoRefused, match="Cannot undo “Merge Ana”: the person “Ana Pérez” was changed since"):
        history.undo()
    assert dump() == after


def test_close_names_at_the_same_organisation_are_found(db, clock):
    a = create_person("Łukasz Wiśniewski", organisation="Globex", clock=clock)
    b = create_person("Lukasz Wisniewski", organisation="Globex Inc", clock=clock)
    create_person("Lukasz Wisniewski", organisation="Initech", clock=clock)
    (found,) = merge.find_duplicates()
    assert (found.a.id, found.b.id, found.score) == (a.id, b.id, 100)


def test_two_ends_of_one_offer_are_not_merged(db, clock, dump):
    ann = create_person("Ann Ash", clock=clock)
    log_conversation([PersonRef(id=ann.id)], offers=[OfferDraft(PersonRef.named("Ann Ash (Acme)"))], clock=clock)
    other = Person.get(Person.name == "Ann Ash (Acme)")
    before = dump()
    with pytest.raises(ValidationError, match="introduce someone to themselves"):
        merge.merge_people(ann.id, other.id, clock=clock)
    assert dump() == before
