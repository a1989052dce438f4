"""Moving offered introductions through the pipeline, with the next steps each move creates."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.pipeline import Stage
from journal.errors import ValidationError
from journal.services.agenda.items import agenda
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.pipeline import introductions
from journal.store.models import Introduction, NextStep

TODAY = dt.date(2026, 3, 11)


@pytest.fixture
def intro_id(db, clock) -> int:
    result = log_conversation(
        [PersonRef.named("Dana Smith")], offers=[OfferDraft(PersonRef.named("Lee Park"))], clock=clock
    )
    return result.introduction_ids[0]


def open_steps(intro_id: int) -> list[tuple[str, dt.date, str]]:
    query = NextStep.select().where((NextStep.introduction == intro_id) & NextStep.done_at.is_null())
    return [(s.text, s.due_date, s.person.name) for s in query]


def test_an_offer_asks_to_ask_the_introducer_in_two_days(intro_id):
    intro = Introduction.get_by_id(intro_id)
    assert (intro.stage, intro.offered_on, intro.stage_changed_on) == ("offered", TODAY, TODAY)
    assert open_steps(intro_id) == [
        ("Ask Dana Smith for the introduction to Lee Park", TODAY + dt.timedelta(days=2), "Dana Smith")
    ]


@pytest.mark.parametrize(
    ("stage", "date_field", "step"),
    [
        (Stage.ASKED, "asked_on", ("Nudge Dana Smith about the introduction to Lee Park", 7, "Dana Smith")),
        (Stage.INTRODUCED, "introduced_on", ("Reach out to Lee Park", 2, "Lee Park")),
        (Stage.MET, "met_on", ("Thank Dana Smith for the introduction to Lee Park", 1, "Dana Smith")),
    ],
)
def test_each_transition_records_its_date_closes_old_steps_and_creates_the_next(intro_id, clock, stage, date_field, step):
    clock.advance(days=3)
    day = clock.today()
    assert introductions.advance(intro_id, stage, clock=clock) is stage
    intro = Introduction.get_by_id(intro_id)
    assert intro.stage == stage.value
    assert getattr(intro, date_field) == day
    assert intro.stage_changed_on == day
    text, days, person = step
    assert open_steps(intro_id) == [(text, day + dt.timedelta(days=days), person)]
    ask = NextStep.get(NextStep.text.startswith("Ask "))
    assert ask.done_at == clock.now()


def test_the_whole_pipeline_forward_ends_with_no_open_step(intro_id, clock):
    seen = []
    for _ in range(4):
        clock.advance(days=1)
        seen.append(introductions.advance(intro_id, clock=clock))
    assert seen == [Stage.ASKED, Stage.INTRODUCED, Stage.MET, Stage.THANKED]
    intro = Introduction.get_by_id(intro_id)
    assert [intro.asked_on, intro.introduced_on, intro.met_on, intro.thanked_on] == [
        TODAY + dt.timedelta(days=n) for n in (1, 2, 3, 4)
    ]
    assert open_steps(intro_id) == []
    assert NextStep.select().where(NextStep.introduction == intro_id).count() == 4
    with pytest.raises(ValidationError, match="end of its pipeline"):
        introductions.advance(intro_id, clock=clock)


@pytest.mark.parametrize("closing", [Stage.DECLINED, Stage.LAPSED])
def test_declined_or_lapsed_closes_the_steps_and_creates_none(intro_id, clock, closing):
    clock.advance(days=5)
    introductions.advance(intro_id, closing, clock=clock)
    intro = Introduction.get_by_id(intro_id)
    assert intro.stage == closing.value
    assert intro.closed_on == clock.today()
    assert open_steps(intro_id) == []


def test_reopening_a_lapsed_offer_keeps_the_first_offer_date(intro_id, clock):
    clock.advance(days=5)
    introductions.advance(intro_id, Stage.LAPSED, clock=clock)
    clock.advance(days=10)
    introductions.advance(intro_id, Stage.OFFERED, clock=clock)
    intro = Introduction.get_by_id(intro_id)
    assert intro.stage == "offered"
    assert intro.offered_on == TODAY
    assert intro.closed_on is None
    assert intro.stage_changed_on == clock.today()
    assert open_steps(intro_id) == [
        ("Ask Dana Smith for the introduction to Lee Park", clock.today() + dt.timedelta(days=2), "Dana Smith")
    ]


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([Stage.ASKED], Stage.OFFERED),
        ([Stage.THANKED], Stage.OFFERED),
        ([Stage.DECLINED], Stage.ASKED),
        ([Stage.MET], Stage.INTRODUCED),
    ],
)
def test_disallowed_transitions_are_refused_and_change_nothing(intro_id, clock, path, refused):
    for stage in path:
        introductions.advance(intro_id, stage, clock=clock)
    before = (Introduction.get_by_id(intro_id).stage, NextStep.select().count())
    with pytest.raises(ValidationError, match="cannot move"):
        introductions.advance(intro_id, refused, clock=clock)
    assert (Introduction.get_by_id(intro_id).stage, NextStep.select().count()) == before


def test_unknown_introduction_or_stage(intro_id, clock):
    with pytest.raises(ValidationError, match="no introduction 999"):
        introductions.advance(999, clock=clock)
    with pytest.raises(ValidationError, match="no stage"):
        introductions.advance(intro_id, "pending", clock=clock)


def test_stalled_when_the_next_step_is_overdue(intro_id, clock):
    clock.advance(days=2)  # the ask is due today: not yet stalled
    assert not introductions.cards()[0].stalled(clock.today())
    assert not [i for i in agenda(7, clock=clock) if i.kind == "introduction"]
    clock.advance(days=1)
    card = introductions.cards()[0]
    assert card.stalled(clock.today())
    stalled = [i for i in agenda(7, clock=clock) if i.kind == "introduction"]
    assert len(stalled) == 1
    assert stalled[0].id == intro_id
    assert stalled[0].overdue
    assert stalled[0].people == ("Dana Smith", "Lee Park")
    assert "offered 3 days ago" in stalled[0].title


def test_a_snoozed_step_is_not_stalled_and_undated_steps_do_not_hide_a_late_one(intro_id, clock):
    from journal.services.agenda import next_steps

    next_steps.add("Find Lee's profile", introduction_id=intro_id, clock=clock)  # no date
    clock.advance(days=5)
    assert introductions.cards()[0].next_step.startswith("Ask ")
    assert introductions.cards()[0].stalled(clock.today())
    ask = NextStep.get(NextStep.text.startswith("Ask "))
    next_steps.snooze(ask.id, clock.today() + dt.timedelta(days=2))
    assert not introductions.cards()[0].stalled(clock.today())


def test_offer_between_people_by_id(db, clock):
    a = log_conversation([PersonRef.named("Dana Smith")], clock=clock).people_created[0]
    b = log_conversation([PersonRef.named("Lee Park")], clock=clock).people_created[0]
    intro = introductions.offer(a, b, notes=" via e-mail ", clock=clock)
    assert Introduction.get_by_id(intro).notes == "via e-mail"
    with pytest.raises(ValidationError, match="no longer in the journal"):
        introductions.offer(a, 999, clock=clock)
    with pytest.raises(ValidationError, match="themselves"):
        introductions.offer(a, a, clock=clock)
