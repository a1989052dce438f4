"""The agenda: everything overdue plus the next N days, with its boundaries and timed items."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal.errors import ValidationError
from journal.services.agenda import next_steps
from journal.services.agenda.items import agenda, due_between
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.people import records as people

TODAY = dt.date(2026, 3, 11)  # the clock fixture's day; now is 09:30


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def titles(items) -> list[str]:
    return [i.title for i in items]


@pytest.fixture
def steps(db, clock):
    for offset in (-30, -1, 0, 7, 8):
        next_steps.add(f"step {offset:+d}", due=day(offset), clock=clock)
    next_steps.add("no date", clock=clock)
    done = next_steps.add("done already", due=day(1), clock=clock)
    next_steps.complete(done, clock=clock)


def test_overdue_plus_the_next_seven_days_by_default(steps, clock):
    items = agenda(clock=clock)
    assert titles(items) == ["step -30", "step -1", "step +0", "step +7"]
    assert [i.overdue for i in items] == [True, True, False, False]


def test_the_number_of_days_moves_the_upper_boundary_only(steps, clock):
    assert titles(agenda(0, clock=clock)) == ["step -30", "step -1", "step +0"]
    assert titles(agenda(8, clock=clock)) == ["step -30", "step -1", "step +0", "step +7", "step +8"]
    with pytest.raises(ValidationError):
        agenda(-1, clock=clock)


def test_timed_items_are_overdue_from_their_time(db, clock):
    next_steps.add("call at nine", due=TODAY, due_time=dt.time(9, 0), clock=clock)
    next_steps.add("call at two", due=TODAY, due_time=dt.time(14, 0), clock=clock)
    next_steps.add("sometime today", due=TODAY, clock=clock)
    items = agenda(clock=clock)
    assert [(i.title, i.overdue, i.due_time) for i in items] == [
        ("call at nine", True, dt.time(9, 0)),
        ("call at two", False, dt.time(14, 0)),
        ("sometime today", False, None),
    ]


def test_a_snoozed_step_shows_on_its_snooze_day(db, clock):
    step = next_steps.add("late", due=day(-3), due_time=dt.time(8), clock=clock)
    next_steps.snooze(step, day(10))
    assert agenda(clock=clock) == []
    [item] = agenda(10, clock=clock)
    assert (item.due, item.overdue, item.due_time) == (day(10), False, None)
    next_steps.reschedule(step, day(1))
    assert agenda(clock=clock)[0].due == day(1)


def test_every_kind_together_and_the_json_shape(db, clock):
    log_conversation(
        [PersonRef.named("Dana Smith")],
        when=dt.datetime(2026, 3, 1, 12, 0),
        offers=[OfferDraft(PersonRef.named("Lee Park"))],
        next_steps=[StepDraft("Send CV", day(3))],
        clock=clock,
    )
    ravi = people.create_person("Ravi Jain", clock=clock)
    people.set_cadence(ravi.id, 7, clock=clock)
    clock.advance(days=2)
    items = agenda(clock=clock)
    data = json.loads(json.dumps([i.to_json() for i in items]))
    for entry in data:
        assert set(entry) == {"id", "kind", "title", "due", "overdue", "people"}
        assert entry["kind"] in {"next_step", "keep_in_touch", "introduction"}
        dt.date.fromisoformat(entry["due"])
        assert isinstance(entry["overdue"], bool)
        assert all(isinstance(name, str) for name in entry["people"])
    by_kind = {(e["kind"], e["title"]): e for e in data}
    ask = by_kind[("next_step", "Ask Dana Smith for the introduction to Lee Park")]
    assert (ask["due"], ask["overdue"], ask["people"]) == ("2026-03-03", True, ["Dana Smith"])
    stalled = [e for e in data if e["kind"] == "introduction"]
    assert len(stalled) == 1 and stalled[0]["people"] == ["Dana Smith", "Lee Park"]
    assert by_kind[("keep_in_touch", "Keep in touch with Ravi Jain")]["due"] == "2026-03-18"
    assert by_kind[("next_step", "Send CV")]["due"] == "2026-03-14"


def test_due_between_is_a_closed_range_for_the_calendar(steps, clock):
    assert titles(due_between(day(-1), day(7), clock=clock)) == ["step -1", "step +0", "step +7"]


def test_grid_counts_include_keep_in_touch_dates_and_their_keys_resolve(db, clock):
    from journal.services.agenda.items import due_counts, open_item

    ravi = people.create_person("Ravi Jain", clock=clock)
    people.set_cadence(ravi.id, 7, clock=clock)
    mia = people.create_person("Mia Chen", clock=clock)
    people.set_cadence(mia.id, 3, clock=clock)
    next_steps.add("Send CV", due=day(7), clock=clock)
    clock.advance(days=5)  # Mia's date (day 3) is now two days overdue
    counts = due_counts(day(0), day(10), clock=clock)
    assert counts == {day(3): (1, 1), day(7): (2, 0)}
    ravi_item = open_item(f"keep_in_touch:{ravi.id}", clock=clock)
    assert (ravi_item.title, ravi_item.due, ravi_item.overdue) == ("Keep in touch with Ravi Jain", day(7), False)
    assert open_item("next_step:9999", clock=clock) is None
    assert open_item("introduction:1", clock=clock) is None
    assert open_item("nonsense", clock=clock) is None


def test_a_month_of_counts_is_one_query_with_the_keep_in_touch_dates_read_once(db, clock):
    from playhouse.test_utils import count_queries

    from journal.services.agenda.items import all_keep_in_touch, due_between, due_counts
    from journal.services.upkeep.demo import populate

    populate(clock=clock)
    known = all_keep_in_touch(clock=clock)
    with count_queries() as counter:
        counts = due_counts(day(-10), day(30), clock=clock, keep_in_touch=known)
        listed = due_between(day(3), day(3), clock=clock, keep_in_touch=known)
    assert sum(total for total, _late in counts.values()) >= 10
    assert counter.count == 2  # the month's step counts, the day's steps
    assert len(listed) == counts.get(day(3), (0, 0))[0]


def test_keep_in_touch_dates_read_once_give_what_reading_them_per_range_gives(db, clock):
    import random

    from journal.services.agenda.items import KeepInTouchDates, all_keep_in_touch, due_between, due_counts
    from journal.services.people import records as people
    from journal.services.upkeep.demo import populate

    populate(clock=clock)
    rng = random.Random(7)
    for i in range(40):  # several people due on the same days, some overdue
        people.set_cadence(people.create_person(f"Cadence {i}").id, rng.choice([1, 7, 14, 30]), clock=clock)
    known = all_keep_in_touch(clock=clock)
    assert isinstance(known, KeepInTouchDates) and len(known) >= 40
    plain = list(known)
    for _ in range(30):
        start = day(rng.randint(-60, 60))
        end = start + dt.timedelta(days=rng.randint(0, 45))
        expected = due_counts(start, end, clock=clock)
        assert due_counts(start, end, clock=clock, keep_in_touch=known) == expected
        assert due_counts(start, end, clock=clock, keep_in_touch=plain) == expected
        listed = due_between(start, end, clock=clock)
        assert due_between(start, end, clock=clock, keep_in_touch=known) == listed
        assert due_between(start, end, clock=clock, keep_in_touch=plain) == listed


def test_stalled_introductions_are_those_whose_earliest_open_step_is_overdue(db, clock):
    """Read straight from the overdue open steps: the same items, in the same order, as the rule
    applied to every open card (earliest open step, snoozes applied; closed stages never)."""
    from journal.domain.pipeline import Stage, is_stalled
    from journal.services.agenda.items import _stalled_introductions
    from journal.services.pipeline.introductions import cards
    from journal.store.models import Introduction, NextStep, Person

    a, b = Person.create(name="Ana"), Person.create(name="Ben")
    cases = [  # stage, days ago it changed, open steps as (due offset, snoozed offset), a done step's offset
        ("offered", 10, [(-3, None)], None),  # stalled
        ("asked", 4, [(-1, 2)], None),  # snoozed past today: not stalled
        ("introduced", 20, [(5, None), (-2, None)], -40),  # the earlier, overdue, is the one shown
        ("met", 9, [(0, None)], -5),  # due today: not yet
        ("thanked", 30, [(-9, None)], None),  # closed: never
        ("declined", 30, [(-9, None)], None),
        ("offered", 2, [], -3),  # only a done step
        ("asked", 2, [(None, None), (-4, None)], None),  # an undated step and an overdue one
        ("offered", 10, [(-3, None), (-3, None)], None),  # two as early: the first made
        ("met", 1, [(-1, -2)], None),  # snoozed, still overdue
    ]
    for n, (stage, ago, open_steps, done) in enumerate(cases):
        intro = Introduction.create(
            introducer=a if n % 2 else b, target=b if n % 2 else a, stage=stage,
            offered_on=day(-ago), stage_changed_on=day(-ago),
        )
        for k, (due, snoozed) in enumerate(open_steps):
            NextStep.create(
                text=f"step {n}.{k}", introduction=intro, due_date=None if due is None else day(due),
                snoozed_until=None if snoozed is None else day(snoozed),
            )
        if done is not None:
            NextStep.create(text=f"done {n}", introduction=intro, due_date=day(done), done_at=clock.now())
    items = _stalled_introductions(TODAY)
    expected = [c for c in cards([s for s in Stage if not s.is_closed]) if is_stalled(c.stage, c.next_step_due, TODAY)]
    assert [(i.id, i.due, i.detail, i.people) for i in items] == [
        (c.id, c.next_step_due, c.next_step, (c.introducer, c.target)) for c in expected
    ]
    assert [i.detail for i in items] == ["step 2.1", "step 0.0", "step 8.0", "step 7.1", "step 9.0"]
    assert items[0].title == "Stalled: Ben → Ana (introduced 20 days ago)"
