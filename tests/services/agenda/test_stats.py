import datetime as dt

from playhouse.test_utils import count_queries

from journal.services.agenda.stats import conversations_per_week, week_start
from journal.services.conversations.records import PersonRef, log_conversation


def _log(clock, when):
    log_conversation([PersonRef.named("Dana Smith")], when=when, clock=clock)


def test_counts_each_of_the_last_twelve_weeks_in_one_query(db, clock):
    today = clock.today()  # a Wednesday
    monday = week_start(today)
    _log(clock, dt.datetime.combine(today, dt.time(8, 0)))
    _log(clock, dt.datetime.combine(monday, dt.time(0, 0)))
    _log(clock, dt.datetime.combine(monday - dt.timedelta(days=1), dt.time(23, 59)))  # last Sunday
    _log(clock, dt.datetime.combine(monday - dt.timedelta(weeks=11), dt.time(9, 0)))  # oldest week
    _log(clock, dt.datetime.combine(monday - dt.timedelta(weeks=11, days=1), dt.time(9, 0)))  # too old
    with count_queries() as counter:
        weeks = conversations_per_week(clock=clock)
    assert counter.count == 1
    assert len(weeks) == 12
    assert weeks[-1].start == monday
    assert weeks[0].start == monday - dt.timedelta(weeks=11)
    assert [w.count for w in weeks] == [1] + [0] * 9 + [1, 2]


def test_an_empty_journal_has_twelve_zero_weeks(db, clock):
    weeks = conversations_per_week(clock=clock)
    assert [w.count for w in weeks] == [0] * 12
    assert all(w.start.weekday() == 0 for w in weeks)
