"""One path for acting on due items: Done, Snooze and Reschedule mean the same for each kind,
wherever they are pressed (Today, the calendar, the tray, a notification)."""

import datetime as dt

import pytest

from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage
from journal.errors import ValidationError
from journal.services.agenda import due_actions
from journal.services.agenda.today import Group, today_items
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.people import records as people
from journal.services.pipeline import introductions
from journal.store.models import Introduction, NextStep, Person

DAY = dt.timedelta(days=1)


def _offer(clock):
    result = log_conversation([PersonRef.named("Cy")], clock=clock, offers=[OfferDraft(PersonRef.named("Di"))])
    return result.introduction_ids[0]


def test_done_on_a_step_completes_it(db, clock):
    result = log_conversation([PersonRef.named("Ann")], clock=clock, next_steps=[StepDraft("Send CV", clock.today())])
    (step_id,) = result.next_step_ids
    outcome = due_actions.mark_done((ItemKind.NEXT_STEP.value, step_id), clock=clock)
    assert outcome.kind is ItemKind.NEXT_STEP
    assert NextStep.get_by_id(step_id).done_at == clock.now()


def test_done_on_an_introduction_advances_it_and_creates_the_implied_step(db, clock):
    intro = _offer(clock)
    outcome = due_actions.mark_done((ItemKind.INTRODUCTION.value, intro), clock=clock)
    assert outcome.stage == Stage.ASKED.value
    assert Introduction.get_by_id(intro).stage == Stage.ASKED.value
    open_steps = NextStep.select().where((NextStep.introduction == intro) & NextStep.done_at.is_null())
    assert [s.text for s in open_steps] and all("Cy" in s.text for s in open_steps)


def test_done_on_keep_in_touch_moves_it_one_cadence_on_without_a_conversation(db, clock):
    log_conversation([PersonRef.named("Eve")], when=clock.now() - 40 * DAY, clock=clock)
    eve = Person.get(Person.name == "Eve")
    people.set_cadence(eve.id, 30, clock=clock)
    assert [i.id for i in today_items(clock=clock)[Group.KEEP_IN_TOUCH]] == [eve.id]
    outcome = due_actions.mark_done((ItemKind.KEEP_IN_TOUCH.value, eve.id), clock=clock)
    assert outcome.until == clock.today() + 30 * DAY
    assert today_items(clock=clock)[Group.KEEP_IN_TOUCH] == []
    assert people.last_contact(eve.id) == (clock.now() - 40 * DAY).date()  # no conversation was made up
    later = type(clock)(clock.now() + 30 * DAY)
    assert [i.id for i in today_items(clock=later)[Group.KEEP_IN_TOUCH]] == [eve.id]


def test_keep_in_touch_without_a_cadence_or_person_is_refused_clearly(db, clock):
    log_conversation([PersonRef.named("Ann")], clock=clock)
    ann = Person.get(Person.name == "Ann")
    with pytest.raises(ValidationError, match="no keep-in-touch cadence"):
        due_actions.mark_done((ItemKind.KEEP_IN_TOUCH.value, ann.id), clock=clock)
    with pytest.raises(ValidationError, match="no person"):
        due_actions.mark_done((ItemKind.KEEP_IN_TOUCH.value, 9999), clock=clock)


@pytest.mark.parametrize("verb", ["snooze", "reschedule"])
def test_snooze_and_reschedule_move_an_introductions_open_step(db, clock, verb):
    intro = _offer(clock)
    day = clock.today() + 5 * DAY
    if verb == "snooze":
        outcome = due_actions.snooze((ItemKind.INTRODUCTION.value, intro), 5, clock=clock)
    else:
        outcome = due_actions.reschedule((ItemKind.INTRODUCTION.value, intro), day, clock=clock)
    assert outcome.until == day
    step = NextStep.get(NextStep.introduction == intro)
    assert step.effective_due == day


def test_a_closed_introduction_has_nothing_to_snooze(db, clock):
    intro = _offer(clock)
    introductions.advance(intro, Stage.DECLINED, clock=clock)
    with pytest.raises(ValidationError, match="no open next step"):
        due_actions.snooze((ItemKind.INTRODUCTION.value, intro), 1, clock=clock)
    with pytest.raises(ValidationError, match="no open next step"):
        due_actions.reschedule((ItemKind.INTRODUCTION.value, intro), clock.today() + DAY, clock=clock)


def test_snooze_into_the_past_is_refused(db, clock):
    result = log_conversation([PersonRef.named("Ann")], clock=clock, next_steps=[StepDraft("Call", clock.today())])
    with pytest.raises(ValidationError, match="today or a later day"):
        due_actions.snooze_until((ItemKind.NEXT_STEP.value, result.next_step_ids[0]), clock.today() - DAY, clock=clock)


def test_a_keep_in_touch_date_cannot_move_before_its_cadence(db, clock):
    log_conversation([PersonRef.named("Eve")], when=clock.now() - 10 * DAY, clock=clock)
    eve = Person.get(Person.name == "Eve")
    people.set_cadence(eve.id, 30, clock=clock)
    with pytest.raises(ValidationError, match="can move later"):
        due_actions.reschedule((ItemKind.KEEP_IN_TOUCH.value, eve.id), clock.today() + DAY, clock=clock)
    outcome = due_actions.reschedule((ItemKind.KEEP_IN_TOUCH.value, eve.id), clock.today() + 40 * DAY, clock=clock)
    assert outcome.until == clock.today() + 40 * DAY
