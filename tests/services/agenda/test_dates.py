"""Dates that matter and job changes in the agenda: occurrences, Today, Done and its undo."""

from __future__ import annotations

import datetime as dt

import pytest
from playhouse.test_utils import count_queries

from journal.clock import FixedClock
from journal.domain.agenda import ItemKind
from journal.errors import ValidationError
from journal.services import operations
from journal.services.agenda import dates, due_actions
from journal.services.agenda.items import agenda, date_counts, due_between
from journal.services.agenda.today import Group, today_items
from journal.store.models import ContactDetail, Job, Organisation, Person, PersonDate


def _date(name, month, day, year=None, kind="birthday", label="", **person):
    person_row = Person.get_or_none(Person.name == name) or Person.create(name=name, **person)
    return PersonDate.create(person=person_row, kind=kind, label=label, month=month, day=day, year=year)


def test_a_birthday_says_the_age_turned_and_a_yearless_one_says_none(db):
    _date("Dana Smith", 4, 2, 1986)
    _date("Eli Noyear", 4, 3)
    items = dates.date_items(dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert [(i.title, i.due) for i in items] == [
        ("Dana Smith's birthday (turns 40)", dt.date(2026, 4, 2)),
        ("Eli Noyear's birthday", dt.date(2026, 4, 3)),
    ]
    assert items[0].kind is ItemKind.DATE and items[0].key == f"date:{items[0].id}"
    assert items[0].fact("years") == 40 and items[1].fact("years") is None


def test_each_kind_is_worded(db):
    _date("Dana Smith", 6, 1, 2016, kind="anniversary")
    _date("Dana Smith", 6, 2, None, kind="anniversary")
    _date("Dana Smith", 6, 3, 2021, kind="work_anniversary")
    _date("Dana Smith", 6, 4, None, kind="custom", label="Name day")
    _date("Dana Smith", 6, 5, 2025, kind="anniversary")
    titles = [i.title for i in dates.date_items(dt.date(2026, 6, 1), dt.date(2026, 6, 5))]
    assert titles == [
        "Dana Smith: 10 years married",
        "Dana Smith's anniversary",
        "Dana Smith: 5 years at work",
        "Dana Smith: Name day",
        "Dana Smith: 1 year married",
    ]


def test_29_february_falls_on_the_28th_in_common_years(db):
    leap = _date("Leap Day", 2, 29, 2000)
    for year, expected in ((2027, dt.date(2027, 2, 28)), (2028, dt.date(2028, 2, 29)), (2029, dt.date(2029, 2, 28))):
        found = dates.occurrences(dt.date(year, 2, 1), dt.date(year, 3, 31))
        assert [(o.date_id, o.on) for o in found] == [(leap.id, expected)]
    # A range ending on the 28th of a common February still reads the 29th.
    assert [o.on for o in dates.occurrences(dt.date(2027, 2, 28), dt.date(2027, 2, 28))] == [dt.date(2027, 2, 28)]
    # In a leap year the 28th is not the 29th's day.
    assert dates.occurrences(dt.date(2028, 2, 28), dt.date(2028, 2, 28)) == []
    assert dates.date_items(dt.date(2027, 2, 28), dt.date(2027, 2, 28))[0].title == "Leap Day's birthday (turns 27)"


def test_a_range_across_new_year_and_a_long_range(db):
    _date("Dec Person", 12, 30)
    _date("Jan Person", 1, 2)
    _date("Mid Person", 7, 1)
    found = dates.occurrences(dt.date(2026, 12, 28), dt.date(2027, 1, 5))
    assert [o.on for o in found] == [dt.date(2026, 12, 30), dt.date(2027, 1, 2)]
    two_years = dates.occurrences(dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert len(two_years) == 6


def test_archived_people_are_left_out(db):
    _date("Gone Person", 3, 12, archived=True)
    _date("Here Person", 3, 12)
    assert [o.person for o in dates.occurrences(dt.date(2026, 3, 12), dt.date(2026, 3, 12))] == ["Here Person"]


def test_a_month_is_read_by_month_and_day_over_the_index(db):
    for n in range(200):
        _date(f"Person {n}", 1 + n % 12, 1 + n % 28)
    with count_queries() as counter:
        found = dates.occurrences(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert counter.count == 1
    assert len(found) == sum(1 for n in range(200) if n % 12 == 2)
    plan = " ".join(
        str(row[-1])
        for row in db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT d.id FROM person_date d JOIN person p ON p.id = d.person_id "
            "WHERE NOT p.archived AND ((d.month = ? AND d.day BETWEEN ? AND ?))", [3, 1, 31]
        ).fetchall()
    )
    assert "INDEX" in plan and "person_date" in plan


def test_today_lists_dates_up_to_the_days_ahead_until_done_then_next_year(db, clock):
    today = clock.today()  # 11 March 2026
    dana = _date("Dana Smith", 3, 11, 1986)
    later = _date("Later Person", 3, 16)
    _date("Far Person", 3, 25)
    listed = today_items(clock=clock)[Group.DATES]
    assert [(i.title, i.due) for i in listed] == [
        ("Dana Smith's birthday (turns 40)", today),
        ("Later Person's birthday", dt.date(2026, 3, 16)),
    ]
    assert [i.id for i in today_items(clock=clock, date_days=0)[Group.DATES]] == [dana.id]
    assert len(today_items(clock=clock, date_days=14)[Group.DATES]) == 3

    result = operations.run(due_actions.mark_done, listed[0], clock=clock, label="Done")
    assert result.changes.due_items  # the views hear of it
    assert PersonDate.get_by_id(dana.id).acknowledged_on == today
    assert [i.id for i in today_items(clock=clock)[Group.DATES]] == [later.id]
    history = operations.History()
    history.push(result.step)
    history.undo()
    assert PersonDate.get_by_id(dana.id).acknowledged_on is None
    assert [i.id for i in today_items(clock=clock)[Group.DATES]] == [dana.id, later.id]
    history.redo()

    next_year = FixedClock(dt.datetime(2027, 3, 10, 9, 0))
    assert [(i.id, i.title) for i in today_items(clock=next_year)[Group.DATES]] == [
        (dana.id, "Dana Smith's birthday (turns 41)"),
        (later.id, "Later Person's birthday"),
    ]


def test_done_by_kind_and_id_means_the_next_occurrence(db, clock):
    dana = _date("Dana Smith", 3, 13)
    due_actions.mark_done((ItemKind.DATE, dana.id), clock=clock)
    assert PersonDate.get_by_id(dana.id).acknowledged_on == dt.date(2026, 3, 13)


def test_dates_are_neither_snoozed_nor_moved(db, clock):
    dana = _date("Dana Smith", 3, 11)
    (item,) = dates.date_items(clock.today(), clock.today())
    assert not due_actions.can_move(item)
    with pytest.raises(ValidationError, match="each year"):
        due_actions.snooze(item, 1, clock=clock)
    with pytest.raises(ValidationError, match="each year"):
        due_actions.reschedule(item, clock.today(), clock=clock)
    assert due_actions.open_target(item) == ("person", dana.person_id)
    assert due_actions.open_target((ItemKind.DATE, dana.id)) == ("person", dana.person_id)


def test_the_calendar_range_shows_dates_done_ones_flagged_and_counts(db, clock):
    dana = _date("Dana Smith", 3, 11)
    _date("Bo Two", 3, 11, kind="custom", label="Name day")
    _date("Cy Later", 3, 20)
    PersonDate.update(acknowledged_on=dt.date(2026, 3, 11)).where(PersonDate.id == dana.id).execute()
    items = due_between(dt.date(2026, 3, 1), dt.date(2026, 3, 31), clock=clock, with_dates=True)
    assert [(i.title, i.fact("done")) for i in items] == [
        ("Bo Two: Name day", False), ("Dana Smith's birthday", True), ("Cy Later's birthday", False),
    ]
    assert due_between(dt.date(2026, 3, 1), dt.date(2026, 3, 31), clock=clock) == []  # the reminders' source
    assert date_counts(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == {dt.date(2026, 3, 11): 2, dt.date(2026, 3, 20): 1}


def test_reminders_follow_the_person_then_the_preference(db):
    _date("Default Person", 3, 11)
    _date("Always Person", 3, 11, date_reminders=True)
    _date("Never Person", 3, 11, date_reminders=False)
    day = dt.date(2026, 3, 11)

    def names(**kw):
        return sorted(i.people[0] for i in dates.reminder_items(day, day, **kw))

    assert names(default_on=True) == ["Always Person", "Default Person"]
    assert names(default_on=False) == ["Always Person"]
    # Two days before: the reminder day of 13 March's date is the 11th.
    _date("Soon Person", 3, 13)
    assert "Soon Person" in names(default_on=True, days_before=2)
    assert "Soon Person" not in names(default_on=True)
    assert "Default Person" not in names(default_on=True, days_before=2)


def _job_change(name, old_org, new_org, role, on, *, email=""):
    person = Person.create(name=name)
    old = Organisation.create(name=old_org)
    Job.create(person=person, organisation=old, role="Engineer", ended_on=on)
    new = old if new_org == old_org else Organisation.create(name=new_org)
    job = Job.create(person=person, organisation=new, role=role, noticed_on=on)
    if email:
        ContactDetail.create(person=person, kind="email", value=email, normalized=email)
    return job


def test_job_changes_are_reconnect_items_and_done_dismisses(db, clock):
    moved = _job_change("Dana Smith", "Initech", "Acme", "VP Engineering", clock.today() - dt.timedelta(days=3))
    promoted = _job_change("Eve Stay", "Globex", "Globex", "CTO", clock.today() - dt.timedelta(days=1))
    listed = today_items(clock=clock)[Group.RECONNECT]
    assert [(i.id, i.title) for i in listed] == [
        (promoted.id, "Eve Stay is now CTO at Globex"),
        (moved.id, "Dana Smith moved to Acme as VP Engineering"),
    ]
    assert listed[1].previous == "Initech"
    in_agenda = [i for i in agenda(7, clock=clock) if i.kind is ItemKind.RECONNECT]
    assert {i.fact("organisation") for i in in_agenda} == {"Acme", "Globex"}
    result = operations.run(due_actions.mark_done, listed[1], clock=clock, label="Dismiss")
    assert result.changes.due_items
    assert Job.get_by_id(moved.id).dismissed
    assert [i.id for i in today_items(clock=clock)[Group.RECONNECT]] == [promoted.id]
    with pytest.raises(ValidationError, match="dismiss"):
        due_actions.snooze(listed[0], 1, clock=clock)
    assert due_actions.open_target(listed[0]) == ("person", listed[0].person_id)


def test_the_agenda_json_has_the_new_kinds_facts(db, clock):
    _date("Dana Smith", 3, 12, 1986)
    _job_change("Eli Move", "Initech", "Acme", "VP", clock.today())
    data = {i.kind.value: i.to_json() for i in agenda(7, clock=clock)}
    assert data["date"] == {
        "id": data["date"]["id"], "kind": "date", "title": "Dana Smith's birthday (turns 40)", "due": "2026-03-12",
        "overdue": False, "people": ["Dana Smith"], "person_id": data["date"]["person_id"], "person": "Dana Smith",
        "date_kind": "birthday", "label": "", "years": 40, "date": "1986-03-12", "done": False,
    }
    reconnect = data["reconnect"]
    assert (reconnect["organisation"], reconnect["role"], reconnect["previous"], reconnect["person"]) == ("Acme", "VP", "Initech", "Eli Move")
    assert reconnect["noticed_on"] == "2026-03-11"


def test_the_command_line_agenda_lists_dates_and_job_changes(db, journal_path, clock, monkeypatch, capsys):
    import json

    import journal.clock
    from journal.cli import run

    _date("Dana Smith", 3, 12, 1986)
    _job_change("Eli Move", "Initech", "Acme", "VP", clock.today())
    db.close()
    monkeypatch.setattr(journal.clock, "SYSTEM_CLOCK", clock)
    assert run(["--db", str(journal_path), "agenda"]) == 0
    out = capsys.readouterr().out
    assert "2026-03-12           date           Dana Smith's birthday (turns 40)  [Dana Smith]" in out
    assert "reconnect      Eli Move moved to Acme as VP" in out
    assert run(["--db", str(journal_path), "agenda", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["kind"], d["person"]) for d in data] == [("reconnect", "Eli Move"), ("date", "Dana Smith")]
    assert data[1]["date_kind"] == "birthday" and data[1]["years"] == 40
    assert (data[0]["organisation"], data[0]["role"]) == ("Acme", "VP")


def test_counts_agree_with_the_occurrences_archived_people_and_29_february_included(db):
    import random
    from collections import Counter

    rng = random.Random(4)
    for n in range(300):
        month = rng.randint(1, 12)
        day = rng.randint(1, 29 if month == 2 else 30)
        _date(f"Person {n}", month, day, archived=n % 7 == 0)
    _date("Lea Leap", 2, 29)
    for start, end in ((dt.date(2027, 1, 25), dt.date(2027, 3, 7)), (dt.date(2028, 1, 31), dt.date(2028, 3, 12)),
                       (dt.date(2026, 12, 1), dt.date(2027, 1, 11))):
        expected = Counter(o.on for o in dates.occurrences(start, end))
        assert date_counts(start, end) == dict(expected)
    assert date_counts(dt.date(2027, 2, 28), dt.date(2027, 2, 28))[dt.date(2027, 2, 28)] >= 1
