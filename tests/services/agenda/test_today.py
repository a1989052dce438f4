import datetime as dt

import pytest

from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage
from journal.services.pipeline import introductions
from journal.services.people import records as people
from journal.services.agenda.items import agenda
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.agenda.today import Group, mark_contacted, snooze_introduction, today_items
from journal.errors import ValidationError
from journal.store.models import NextStep, Person

DAY = dt.timedelta(days=1)


def test_an_introduction_shows_once_with_its_stage_not_also_as_a_step(db, clock):
    log_conversation(
        [PersonRef.named("Cy")], when=clock.now() - 3 * DAY, clock=clock, offers=[OfferDraft(PersonRef.named("Di"))]
    )
    assert any(i.kind is ItemKind.NEXT_STEP for i in agenda(0, clock=clock))  # the agenda lists its step
    groups = today_items(clock=clock)
    assert groups[Group.STEPS] == []
    (item,) = groups[Group.INTRODUCTIONS]
    assert item.stage is Stage.OFFERED and item.days_waiting == 3 and item.overdue
    assert item.title == "Cy → Di" and item.detail.startswith("Ask Cy")


def test_an_introduction_whose_step_is_not_due_is_not_waiting_on_you(db, clock):
    result = log_conversation([PersonRef.named("Cy")], clock=clock, offers=[OfferDraft(PersonRef.named("Di"))])
    introductions.advance(result.introduction_ids[0], Stage.ASKED, clock=clock)
    assert today_items(clock=clock)[Group.INTRODUCTIONS] == []


def test_steps_carry_what_open_needs(db, clock):
    result = log_conversation(
        [PersonRef.named("Ann")], clock=clock, next_steps=[StepDraft("Write", clock.today() - DAY)]
    )
    (item,) = today_items(clock=clock)[Group.STEPS]
    assert item.person_id == Person.get(Person.name == "Ann").id
    assert item.conversation_id == result.conversation_id


def test_mark_contacted_moves_the_reminder_one_cadence_on(db, clock):
    log_conversation([PersonRef.named("Eve")], when=clock.now() - 40 * DAY, clock=clock)
    eve = Person.get(Person.name == "Eve")
    people.set_cadence(eve.id, 30, clock=clock)
    assert [i.id for i in today_items(clock=clock)[Group.KEEP_IN_TOUCH]] == [eve.id]
    assert mark_contacted(eve.id, clock=clock) == clock.today() + 30 * DAY
    assert today_items(clock=clock)[Group.KEEP_IN_TOUCH] == []
    later = type(clock)(clock.now() + 30 * DAY)
    assert [i.id for i in today_items(clock=later)[Group.KEEP_IN_TOUCH]] == [eve.id]


def test_mark_contacted_and_snooze_refuse_clearly(db, clock):
    log_conversation([PersonRef.named("Ann")], clock=clock)
    ann = Person.get(Person.name == "Ann")
    with pytest.raises(ValidationError, match="no keep-in-touch cadence"):
        mark_contacted(ann.id, clock=clock)
    with pytest.raises(ValidationError, match="no person"):
        mark_contacted(9999, clock=clock)
    result = log_conversation([PersonRef.named("Cy")], clock=clock, offers=[OfferDraft(PersonRef.named("Di"))])
    intro = result.introduction_ids[0]
    snooze_introduction(intro, clock.today() + 5 * DAY)
    assert NextStep.get(NextStep.introduction == intro).snoozed_until == clock.today() + 5 * DAY
    introductions.advance(intro, Stage.DECLINED, clock=clock)
    with pytest.raises(ValidationError, match="no open next step"):
        snooze_introduction(intro, clock.today() + DAY)


def test_the_today_list_takes_a_few_queries_however_many_items(db, clock):
    from playhouse.test_utils import count_queries

    from journal.services.upkeep.demo import populate

    populate(clock=clock)
    with count_queries() as counter:
        groups = today_items(clock=clock)
    assert sum(len(items) for items in groups.values()) >= 10
    assert counter.count == 3  # open steps, keep-in-touch people, introductions' due steps
