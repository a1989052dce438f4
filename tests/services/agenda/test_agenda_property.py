"""The agenda's SQL agrees with the plain rules for any mix of steps, snoozes and completions."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.agenda import in_window, is_overdue
from journal.services.agenda import next_steps
from journal.services.agenda.items import agenda
from journal.store.models import NextStep

NOW = dt.datetime(2026, 3, 11, 9, 30)

steps = st.lists(
    st.fixed_dictionaries(
        {
            "due": st.one_of(st.none(), st.integers(-20, 20)),
            "time": st.one_of(st.none(), st.integers(0, 23)),
            "snooze": st.one_of(st.none(), st.integers(-5, 20)),
            "done": st.booleans(),
        }
    ),
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=steps, days=st.integers(0, 14))
def test_agenda_matches_the_rules(db, clock, specs, days):
    NextStep.delete().execute()
    clock.set(NOW)
    expected = []
    for index, spec in enumerate(specs):
        due = NOW.date() + dt.timedelta(days=spec["due"]) if spec["due"] is not None else None
        due_time = dt.time(spec["time"]) if due is not None and spec["time"] is not None else None
        step = next_steps.add(f"step {index}", due=due, due_time=due_time, clock=clock)
        effective, timed = due, due_time
        if spec["snooze"] is not None:
            until = NOW.date() + dt.timedelta(days=spec["snooze"])
            next_steps.snooze(step, until)
            if due is not None:
                effective, timed = until, None
        if spec["done"]:
            next_steps.complete(step, clock=clock)
            continue
        if effective is not None and in_window(effective, NOW.date(), days):
            expected.append((f"step {index}", effective, is_overdue(effective, timed, NOW)))
    got = [(i.title, i.due, i.overdue) for i in agenda(days, clock=clock)]
    assert sorted(got) == sorted(expected)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=steps, minute=st.integers(0, 59), span=st.tuples(st.integers(-25, 5), st.integers(0, 25)))
def test_month_counts_agree_with_the_listed_items(db, clock, specs, minute, span):
    """The calendar grid counts in SQL exactly what due_between lists, overdue split included
    (timed steps due today on either side of the current minute)."""
    from journal.services.agenda.items import due_between, due_counts, open_item

    NextStep.delete().execute()
    now = NOW.replace(minute=minute)
    clock.set(now)
    for index, spec in enumerate(specs):
        due = NOW.date() + dt.timedelta(days=spec["due"]) if spec["due"] is not None else None
        due_time = dt.time(9, spec["time"] * 2) if due is not None and spec["time"] is not None else None
        step = next_steps.add(f"step {index}", due=due, due_time=due_time, clock=clock)
        if spec["snooze"] is not None:
            next_steps.snooze(step, NOW.date() + dt.timedelta(days=spec["snooze"]))
        if spec["done"]:
            next_steps.complete(step, clock=clock)
    start, end = NOW.date() + dt.timedelta(days=span[0]), NOW.date() + dt.timedelta(days=span[0] + span[1])
    listed = due_between(start, end, clock=clock)
    expected: dict[dt.date, tuple[int, int]] = {}
    for item in listed:
        total, late = expected.get(item.due, (0, 0))
        expected[item.due] = (total + 1, late + item.overdue)
    assert due_counts(start, end, clock=clock) == expected
    for item in listed:  # a key dropped on the grid finds the same item
        assert open_item(item.key, clock=clock) == item
