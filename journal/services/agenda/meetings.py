"""Meetings seen in calendars as the Calendar shows them: context beside what is due, never due
themselves (nothing to mark done, snooze or move).

A month of the grid reads its meetings once (journal.services.scan.suggestions.upcoming, over
the small start-indexed table of meetings with people in the journal); the chosen day's list
takes its own from that, so moving between days of a month reads nothing more.
"""

from __future__ import annotations

import datetime as dt

from journal.services.scan.suggestions import UpcomingMeeting, upcoming


def meetings_by_day(first: dt.date, last: dt.date) -> dict[dt.date, list[UpcomingMeeting]]:
    """day -> the meetings starting on it from `first` to `last` (both included), past ones
    too, soonest first (a day's all-day ones lead). A meeting none of whose people is left in
    the journal is left out: there is no one to open."""
    if last < first:
        return {}
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    out: dict[dt.date, list[UpcomingMeeting]] = {}
    for meeting in upcoming(start, end):
        if meeting.person_ids:
            out.setdefault(meeting.start.date(), []).append(meeting)
    return out
