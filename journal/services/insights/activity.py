"""Conversations per week or month, by channel, and the people met for the first time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.domain.channels import CHANNELS
from journal.domain.insights import Period, bucket_start, bucket_starts
from journal.services.insights import _rows
from journal.store.models import DB


@dataclass(frozen=True)
class Activity:
    bucket: str  # "week" | "month"
    buckets: list[dt.date]  # the first day of each week (a Monday) or month, oldest first
    by_channel: dict[str, list[int]]  # channel -> conversations in each bucket (every channel, zeros kept)
    new_people: list[int]  # people whose first conversation fell in each bucket

    def total(self) -> list[int]:
        return [sum(column) for column in zip(*self.by_channel.values(), strict=False)] if self.by_channel else []


def activity(period: Period, bucket: str = "week") -> Activity:
    """Conversations in `period` per bucket and channel, and new people per bucket. A period
    without a start begins with the first conversation. Three queries (each person's first day
    of conversation is kept in a table by triggers); kept until the journal changes (or another
    period is asked for). Treat it as read-only."""
    if bucket not in ("week", "month"):
        raise ValueError(f"There is no bucket {bucket!r}: week or month.")
    return _rows.kept("activity", (period, bucket), lambda: _activity(period, bucket))


def _activity(period: Period, bucket: str) -> Activity:
    start = period.start
    if start is None:
        (first,) = DB.execute_sql("SELECT min(occurred_at) FROM conversation").fetchone()
        start = _rows.day(first) or period.end
        start = min(start, period.end)
    starts = bucket_starts(start, period.end, bucket)
    index = {day: i for i, day in enumerate(starts)}
    low, high = start.isoformat(), (period.end + dt.timedelta(days=1)).isoformat()
    channels = {name: [0] * len(starts) for name in CHANNELS}
    for day, channel, count in DB.execute_sql(
        "SELECT substr(occurred_at, 1, 10), channel, count(*) FROM conversation "
        "WHERE occurred_at >= ? AND occurred_at < ? GROUP BY 1, 2",
        [low, high],
    ).fetchall():
        slot = index[bucket_start(dt.date.fromisoformat(day), bucket)]
        channels.setdefault(channel, [0] * len(starts))[slot] += count
    new = [0] * len(starts)
    # person_rhythm (journal.store.contact_days) keeps each person's first day of conversation.
    for first, count in DB.execute_sql(
        "SELECT first_day, count(*) FROM person_rhythm WHERE first_day BETWEEN ? AND ? GROUP BY first_day",
        [start.toordinal(), period.end.toordinal()],
    ).fetchall():
        new[index[bucket_start(dt.date.fromordinal(first), bucket)]] += count
    return Activity(bucket, starts, channels, new)
