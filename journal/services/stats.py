"""Figures for the Today view: conversations per week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import SQL, fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.store.models import Conversation

WEEKS = 12


@dataclass(frozen=True)
class WeekCount:
    start: dt.date  # the Monday that begins the week
    count: int


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def conversations_per_week(weeks: int = WEEKS, *, clock: Clock = SYSTEM_CLOCK) -> list[WeekCount]:
    """Conversations in each of the last `weeks` calendar weeks (Monday to Sunday), oldest first,
    the current week last; weeks without any are counted as 0. One query."""
    if weeks <= 0:
        return []
    first = week_start(clock.today()) - dt.timedelta(weeks=weeks - 1)
    end = week_start(clock.today()) + dt.timedelta(weeks=1)
    start_at = dt.datetime.combine(first, dt.time.min)
    end_at = dt.datetime.combine(end, dt.time.min)
    bucket = SQL("CAST((julianday(date(occurred_at)) - julianday(?)) / 7 AS INTEGER)", [first.isoformat()])
    rows = (
        Conversation.select(bucket.alias("week"), fn.COUNT(Conversation.id).alias("n"))
        # Plain bounds on the column, so the occurred_at index does the work.
        .where((Conversation.occurred_at >= start_at) & (Conversation.occurred_at < end_at))
        .group_by(SQL("week"))
        .tuples()
    )
    counts = dict.fromkeys(range(weeks), 0)
    for week, n in rows:
        if week in counts:
            counts[week] = n
    return [WeekCount(first + dt.timedelta(weeks=i), counts[i]) for i in range(weeks)]
