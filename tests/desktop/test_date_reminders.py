"""Reminders of dates that matter: on the day (or the days before Preferences say) at the
reminder time, for people whose reminders are on; job changes never remind."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from journal.desktop.preferences import Preferences
from journal.desktop.reminders import ReminderScheduler
from journal.domain.agenda import ItemKind
from journal.services import operations
from journal.services.agenda import due_actions
from journal.store.models import Job, Organisation, Person, PersonDate

# TEST_NOW is Wednesday 2026-03-11 09:30; the reminder time is 09:00 unless changed.


@pytest.fixture
def prefs(tmp_path):
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_scheduler(db, clock, prefs, qapp):
    made = []

    def make(**kwargs):
        scheduler = ReminderScheduler(prefs, clock=clock, monotonic=lambda: 1000.0, **kwargs)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.stop()


def birthday(name, month, day, year=None, **person):
    return PersonDate.create(person=Person.create(name=name, **person), kind="birthday", month=month, day=day, year=year)


def test_the_preferences_have_defaults_and_bounds(prefs):
    assert prefs.date_reminders is True
    assert prefs.date_days_before == 0
    assert prefs.today_date_days == 7
    prefs.date_days_before = 99
    assert prefs.date_days_before == 30
    prefs.today_date_days = -3
    assert prefs.today_date_days == 0
    prefs.date_reminders = False
    assert Preferences(prefs.settings).date_reminders is False


def test_todays_dates_count_as_due_now_per_person_or_preference(make_scheduler, prefs):
    birthday("Dana Smith", 3, 11, 1986)
    birthday("Never Person", 3, 11, date_reminders=False)
    birthday("Always Person", 3, 11, date_reminders=True)
    birthday("Tomorrow Person", 3, 12)
    scheduler = make_scheduler()
    assert sorted(i.people[0] for i in scheduler.due_now()) == ["Always Person", "Dana Smith"]
    prefs.date_reminders = False
    assert [i.people[0] for i in scheduler.due_now()] == ["Always Person"]
    prefs.date_reminders = True
    prefs.date_days_before = 1
    assert sorted(i.people[0] for i in scheduler.due_now()) == ["Always Person", "Dana Smith", "Tomorrow Person"]


def test_a_date_is_announced_at_the_reminder_time_of_its_day(qtbot, make_scheduler, clock, prefs):
    prefs.last_checked = clock.now()
    date = birthday("Dana Smith", 3, 12, 1986)
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 3, 12, 9, 0)
    clock.set(dt.datetime(2026, 3, 12, 9, 0))
    with qtbot.waitSignal(scheduler.due) as blocker:
        scheduler.timer.start(0)
    (item,) = blocker.args[0]
    assert (item.kind, item.id, item.title) == (ItemKind.DATE, date.id, "Dana Smith's birthday (turns 40)")
    # Marked done, it is no longer due, and next year's is what the timer looks for (by steps).
    operations.run(due_actions.mark_done, item, clock=clock, label="Done")
    assert scheduler.due_now() == []


def test_days_before_moves_the_reminder_earlier(qtbot, make_scheduler, clock, prefs):
    prefs.last_checked = clock.now()
    prefs.date_days_before = 3
    birthday("Dana Smith", 3, 16)
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 3, 13, 9, 0)
    clock.set(dt.datetime(2026, 3, 13, 9, 0))
    with qtbot.waitSignal(scheduler.due) as blocker:
        scheduler.timer.start(0)
    assert [i.due for i in blocker.args[0]] == [dt.date(2026, 3, 16)]


def test_dates_far_ahead_arm_a_look_again_not_a_year_of_queries(make_scheduler, clock, prefs):
    prefs.last_checked = clock.now()
    birthday("Dana Smith", 12, 1)
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 4, 20, 0, 0)  # 40 days on, it looks again


def test_people_who_said_no_and_the_archived_are_not_reminded(make_scheduler, clock, prefs):
    prefs.last_checked = clock.now()
    birthday("Quiet Person", 3, 12, date_reminders=False)
    birthday("Gone Person", 3, 12, archived=True)
    scheduler = make_scheduler()
    scheduler.start()
    assert scheduler.target == dt.datetime(2026, 4, 20, 0, 0)


def test_job_changes_never_remind(make_scheduler, clock):
    person = Person.create(name="Gus Mover")
    Job.create(person=person, organisation=Organisation.create(name="Acme"), role="VP", noticed_on=clock.today())
    scheduler = make_scheduler()
    assert scheduler.due_now() == []
