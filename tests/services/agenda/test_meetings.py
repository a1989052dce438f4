"""Meetings a calendar holds, as the Calendar's month reads them: by day, past ones too, in one
read per month, and never as something due."""

from __future__ import annotations

import datetime as dt

from playhouse.test_utils import count_queries

from journal.services.agenda.items import due_between, due_counts
from journal.services.agenda.meetings import meetings_by_day
from journal.services.people import records as people
from journal.services.scan import runner
from tests.services.scan.helpers import event, ics, person

TODAY = dt.date(2026, 3, 11)  # the clock fixture's day; now is 09:30


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute)


def scan(tmp_path, clock, *events: str):
    path = tmp_path / "work.ics"
    path.write_text(ics(*events), encoding="utf-8")
    return runner.scan_path("calendar", str(path), clock=clock)


def test_a_months_meetings_by_day_with_past_ones_and_people_by_name(db, clock, tmp_path):
    dana = person("Dana Smith", "dana@example.org")
    sam = person("Sam Lee", "sam@example.org")
    scan(
        tmp_path, clock,
        event("past", at(2, 15), summary="Retro", attendees=("dana@example.org",)),
        event("coffee", at(13, 10), summary="Coffee chat", attendees=("sam@example.org", "dana@example.org"),
              location="Café Blue"),
        event("lunch", at(13, 8), summary="Breakfast", attendees=("sam@example.org",)),
        event("nobody", at(14, 10), summary="Dentist", attendees=("stranger@else.net",)),
        event("april", dt.datetime(2026, 4, 20, 9), summary="Later", attendees=("dana@example.org",)),
    )
    found = meetings_by_day(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert sorted(found) == [dt.date(2026, 3, 2), dt.date(2026, 3, 13)]
    assert [m.summary for m in found[dt.date(2026, 3, 13)]] == ["Breakfast", "Coffee chat"]
    coffee = found[dt.date(2026, 3, 13)][1]
    assert coffee.people == ("Dana Smith", "Sam Lee") and coffee.person_ids == (dana, sam)
    assert coffee.location == "Café Blue" and coffee.start == at(13, 10) and coffee.end == at(13, 11)
    # Both ends of the range are whole days.
    assert list(meetings_by_day(dt.date(2026, 3, 13), dt.date(2026, 3, 13))) == [dt.date(2026, 3, 13)]
    assert meetings_by_day(dt.date(2026, 3, 14), dt.date(2026, 4, 19)) == {}
    assert meetings_by_day(dt.date(2026, 3, 31), dt.date(2026, 3, 1)) == {}


def test_meetings_are_not_due(db, clock, tmp_path):
    person("Dana Smith", "dana@example.org")
    scan(tmp_path, clock, event("coffee", at(13, 10), attendees=("dana@example.org",)))
    assert due_between(dt.date(2026, 3, 13), dt.date(2026, 3, 13), clock=clock, with_dates=True) == []
    assert due_counts(dt.date(2026, 3, 1), dt.date(2026, 3, 31), clock=clock) == {}


def test_a_meeting_whose_people_left_the_journal_is_not_shown(db, clock, tmp_path):
    dana = person("Dana Smith", "dana@example.org")
    scan(tmp_path, clock, event("coffee", at(13, 10), attendees=("dana@example.org",)))
    assert meetings_by_day(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    people.delete_person(dana)
    assert meetings_by_day(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == {}


def test_a_month_costs_the_same_few_queries_however_many_meetings(db, clock, tmp_path):
    person("Dana Smith", "dana@example.org")
    events = [event(f"e{n}", at(1 + n % 28, 8 + n % 10), attendees=("dana@example.org",)) for n in range(200)]
    scan(tmp_path, clock, *events)
    with count_queries() as counter:
        found = meetings_by_day(dt.date(2026, 2, 23), dt.date(2026, 4, 5))
    assert sum(len(v) for v in found.values()) == 200
    assert counter.count <= 3  # the meetings, their people, the people's names
