"""Figures for the Today view: conversations per week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.clock import SYSTEM_CLOCK, Clock
from journal.store.models import DB, Conversation

WEEKS = 12


@dataclass(frozen=True)
class WeekCount:
    start: dt.date  # the Monday that begins the week
    count: int


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def conversations_per_week(weeks: int = WEEKS, *, clock: Clock = SYSTEM_CLOCK) -> list[WeekCount]:
    """Conversations in each of the last `weeks` calendar weeks (Monday to Sunday), oldest first,
    the current week last; weeks without any are counted as 0. One query: a count per week over
    the occurred_at index, so no row (nor a date function per row) is read."""
    if weeks <= 0:
        return []
    first = week_start(clock.today()) - dt.timedelta(weeks=weeks - 1)
    starts = [first + dt.timedelta(weeks=i) for i in range(weeks + 1)]
    column = Conversation.occurred_at
    bounds = [column.db_value(dt.datetime.combine(day, dt.time.min)) for day in starts]
    table, name = Conversation._meta.table_name, column.column_name
    count = f'(SELECT count(*) FROM "{table}" WHERE "{name}" >= ? AND "{name}" < ?)'
    params = [value for i in range(weeks) for value in (bounds[i], bounds[i + 1])]
    counts = DB.execute_sql("SELECT " + ", ".join([count] * weeks), params).fetchone()
    return [WeekCount(starts[i], counts[i]) for i in range(weeks)]
