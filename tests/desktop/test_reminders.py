"""The reminder scheduler, driven by a fixed clock and a fake monotonic clock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from journal.desktop.preferences import Preferences
from journal.desktop.reminders import MAX_TIMER_MS, ReminderScheduler
from journal.services import operations
from journal.services.agenda import next_steps
from journal.services.people import records as people

# TEST_NOW is Wednesday 2026-03-11 09:30.


class FakeMonotonic:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def prefs(tmp_path):
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def mono():
    return FakeMonotonic()


@pytest.fixture
def make_scheduler(db, clock, prefs, mono, qapp):
    made = []

    def make(**kwargs):
        scheduler = ReminderScheduler(prefs, clock=clock, monotonic=mono, **kwargs)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.stop()


def fire(qtbot, scheduler, signal, clock, when):
    """Move the clock to `when` and let the armed timer run out now, inside the event loop."""
    clock.set(when)
    with qtbot.waitSignal(signal, timeout=2000) as blocker:
        scheduler.timer.start(0)
    return blocker.args


def test_arms_to_next_due_moment_at_reminder_time(qtbot, make_scheduler, clock, prefs):
    prefs.reminder_time = dt.time(8, 15)
    next_steps.add("Send Dana the deck", due=dt.date(2026, 3, 12))
    next_steps.add("Call Omar", due=dt.date(2026, 3, 11), due_time=dt.time(14, 0))
    scheduler = make_scheduler()
    with qtbot.waitSignal(scheduler.armed) as blocker:
        scheduler.start()
    assert blocker.args == [dt.datetime(2026, 3, 11, 14, 0)]
    assert scheduler.is_armed
    assert scheduler.interval_ms == 4.5 * 3600 * 1000

    (items,) = fire(qtbot, scheduler, scheduler.due, clock, dt.datetime(2026, 3, 11, 14, 0))
    assert [i.title for i in items] == ["Call Omar"]
    # Then the date-only step, at the preferred time of day.
    assert scheduler.target == dt.datetime(2026, 3, 12, 8, 15)


def test_several_items_falling_due_together_come_in_one_signal(qtbot, make_scheduler, clock):
    next_steps.add("A", due=dt.date(2026, 3, 12))
    next_steps.add("B", due=dt.date(2026, 3, 12))
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 3, 12, 9, 0)
    (items,) = fire(qtbot, scheduler, scheduler.due, clock, dt.datetime(2026, 3, 12, 9, 0))
    assert sorted(i.title for i in items) == ["A", "B"]


def test_rearms_on_every_change_to_the_journal(qtbot, make_scheduler):
    step = next_steps.add("Later", due=dt.date(2026, 3, 20))
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 3, 20, 9, 0)
    with qtbot.waitSignal(scheduler.armed) as blocker:
        operations.run(next_steps.add, "Sooner", due=dt.date(2026, 3, 11), due_time=dt.time(10, 0))
    assert blocker.args == [dt.datetime(2026, 3, 11, 10, 0)]
    with qtbot.waitSignal(scheduler.armed) as blocker:
        operations.run(next_steps.complete, step)
        operations.run(next_steps.delete, step + 1)
    assert blocker.args == [None]
    assert not scheduler.is_armed


def test_keep_in_touch_dates_are_reminded(qtbot, make_scheduler, clock):
    dana = people.create_person("Dana").id
    people.set_cadence(dana, 14, clock=clock)
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 3, 25, 9, 0)
    (items,) = fire(qtbot, scheduler, scheduler.due, clock, dt.datetime(2026, 3, 25, 9, 1))
    assert [i.title for i in items] == ["Keep in touch with Dana"]


def test_delays_beyond_the_timer_limit_are_split(qtbot, make_scheduler, clock):
    far = dt.date(2026, 4, 20)
    next_steps.add("Quarterly review", due=far)
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 4, 20, 9, 0)
    assert scheduler.interval_ms == MAX_TIMER_MS
    # The timer runs out early: nothing is announced and it waits for the rest.
    partway = clock.now() + dt.timedelta(milliseconds=MAX_TIMER_MS)
    fire(qtbot, scheduler, scheduler.armed, clock, partway)
    remaining = dt.datetime(2026, 4, 20, 9, 0) - partway
    assert scheduler.interval_ms == pytest.approx(remaining.total_seconds() * 1000, abs=1000)
    assert scheduler.target == dt.datetime(2026, 4, 20, 9, 0)


def test_sleep_is_noticed_and_what_fell_due_meanwhile_is_announced(qtbot, make_scheduler, clock, mono):
    next_steps.add("Call Omar", due=dt.date(2026, 3, 11), due_time=dt.time(11, 0))
    scheduler = make_scheduler(heartbeat_ms=1)
    scheduler.start()
    # One minute passes on both clocks: no jump.
    clock.advance(minutes=1)
    mono.value += 60
    assert scheduler.check_clock() is False
    # The machine sleeps for three hours: wall time moves, monotonic time does not.
    clock.advance(hours=3)
    jumps, announced = [], []
    scheduler.clock_jumped.connect(jumps.append)
    scheduler.due.connect(announced.append)
    with qtbot.waitSignal(scheduler.due, timeout=2000):
        pass  # the heartbeat notices on its own
    assert jumps == [dt.timedelta(hours=3)]
    assert [[i.title for i in items] for items in announced] == [["Call Omar"]]


def test_missed_while_closed_announced_once_at_next_start(qtbot, make_scheduler, clock, prefs):
    next_steps.add("Thank Priya", due=dt.date(2026, 3, 10))
    next_steps.add("Old and already announced", due=dt.date(2026, 3, 2))
    prefs.last_checked = dt.datetime(2026, 3, 9, 18, 0)  # the app was last running then
    first = make_scheduler()
    with qtbot.waitSignal(first.due) as blocker:
        first.start()
    assert [i.title for i in blocker.args[0]] == ["Thank Priya"]
    first.stop()
    assert prefs.last_checked == clock.now()

    second = make_scheduler()
    with qtbot.assertNotEmitted(second.due):
        second.start()


def test_first_run_does_not_announce_old_items(qtbot, make_scheduler):
    next_steps.add("Long overdue", due=dt.date(2026, 2, 1))
    scheduler = make_scheduler()
    with qtbot.assertNotEmitted(scheduler.due):
        scheduler.start()


def test_snooze_reminds_again_later(qtbot, make_scheduler, clock):
    next_steps.add("Call Omar", due=dt.date(2026, 3, 11), due_time=dt.time(10, 0))
    scheduler = make_scheduler()
    scheduler.start()
    (items,) = fire(qtbot, scheduler, scheduler.due, clock, dt.datetime(2026, 3, 11, 10, 0))
    until = scheduler.snooze(items, minutes=60)
    assert scheduler.target == until == dt.datetime(2026, 3, 11, 11, 0)
    (again,) = fire(qtbot, scheduler, scheduler.due, clock, until)
    assert [i.title for i in again] == ["Call Omar"]
    assert scheduler.preferences.snoozed == {}


def test_pause_holds_reminders_until_resumed(qtbot, make_scheduler, clock):
    next_steps.add("Call Omar", due=dt.date(2026, 3, 11), due_time=dt.time(10, 0))
    scheduler = make_scheduler()
    scheduler.start()
    scheduler.set_paused(True)
    assert not scheduler.is_armed
    clock.set(dt.datetime(2026, 3, 11, 12, 0))
    with qtbot.assertNotEmitted(scheduler.due):
        scheduler.check_now()
    with qtbot.waitSignal(scheduler.due) as blocker:
        scheduler.set_paused(False)
    assert [i.title for i in blocker.args[0]] == ["Call Omar"]


def test_clock_set_back_restarts_the_count(qtbot, make_scheduler, clock, prefs):
    scheduler = make_scheduler()
    scheduler.start()
    clock.set(dt.datetime(2026, 3, 1, 9, 0))
    scheduler.check_now()
    assert prefs.last_checked == dt.datetime(2026, 3, 1, 9, 0)


def test_heartbeat_notices_a_new_day(qtbot, make_scheduler, clock, mono):
    scheduler = make_scheduler()
    scheduler.start()
    clock.set(dt.datetime(2026, 3, 11, 23, 59, 30))
    mono.value += (clock.now() - dt.datetime(2026, 3, 11, 9, 30)).total_seconds()
    scheduler.check_clock()
    clock.advance(minutes=1)
    mono.value += 60
    with qtbot.waitSignal(scheduler.day_changed) as blocker:
        assert scheduler.check_clock() is False  # not a jump, just midnight
    assert blocker.args == [dt.date(2026, 3, 12)]


def test_a_journal_error_is_retried_not_raised(qtbot, prefs, clock, mono, qapp):
    import sqlite3

    from journal.desktop.reminders import RETRY_MS

    calls = []

    def flaky(start, end, *, clock):
        calls.append((start, end))
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return []

    scheduler = ReminderScheduler(prefs, clock=clock, monotonic=mono, source=flaky)
    try:
        scheduler.start()
        assert scheduler.is_armed and scheduler.interval_ms == RETRY_MS
        with qtbot.waitSignal(scheduler.armed) as blocker:
            scheduler.timer.start(0)
        assert blocker.args == [None]
    finally:
        scheduler.stop()
