"""Exporting next steps and keep-in-touch dates to an iCalendar file of to-dos, and the dates
that matter as yearly all-day events.

Open next steps are NEEDS-ACTION; steps completed in the last RECENT_DAYS days are exported as
COMPLETED so that re-importing the file ticks them off in the calendar app too. Each date that
matter of an active person is one VEVENT repeating every year (UID "date-<id>@contact-journal"),
from its year where known, else from a recent leap year (so a 29 February starts on one).
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from pathlib import Path
from typing import TextIO

from peewee import JOIN

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import AgendaItem, ItemKind
from journal.interop.ical import COMPLETED, NEEDS_ACTION, UID_DOMAIN, TodoEntry, YearlyEntry, write_calendar
from journal.services.agenda.dates import KIND_NOUNS, summary_title
from journal.services.agenda.items import keep_in_touch_items
from journal.store.models import DB, Conversation, NextStep, Person, PersonDate

RECENT_DAYS = 30
KEEP_IN_TOUCH_HORIZON_DAYS = 3660
CATEGORY = "Contact Journal"


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _step_entries(now: dt.datetime, reminder_time: dt.time) -> list[TodoEntry]:
    since = now - dt.timedelta(days=RECENT_DAYS)
    query = (
        NextStep.select(NextStep, Person.name.alias("person_name"), Conversation.summary.alias("conversation"))
        .join(Person, JOIN.LEFT_OUTER, on=(NextStep.person == Person.id))
        .switch(NextStep)
        .join(Conversation, JOIN.LEFT_OUTER, on=(NextStep.conversation == Conversation.id))
        .where(NextStep.done_at.is_null() | (NextStep.done_at >= since))
        .order_by(NextStep.id)
    )
    entries = []
    for step in query.objects():
        due = step.snoozed_until or step.due_date
        due_time = step.due_time if step.snoozed_until is None else None
        done = step.done_at is not None
        lines = []
        if step.person_name:
            lines.append(f"With {step.person_name}")
        if step.conversation:
            lines.append(f"From the conversation: {step.conversation}")
        alarm = dt.datetime.combine(due, due_time or reminder_time) if due and not done else None
        entries.append(
            TodoEntry(
                key=f"{ItemKind.NEXT_STEP.value}:{step.id}",
                summary=step.text,
                due=due,
                due_time=due_time,
                status=COMPLETED if done else NEEDS_ACTION,
                completed_at=_as_datetime(step.done_at),
                description="\n".join(lines),
                categories=(CATEGORY, "Next step"),
                alarm_at=alarm,
            )
        )
    return entries


def _keep_in_touch_entry(item: AgendaItem, reminder_time: dt.time) -> TodoEntry:
    return TodoEntry(
        key=item.key,
        summary=item.title,
        due=item.due,
        description="A keep-in-touch date: log a conversation with them to reset it.",
        categories=(CATEGORY, "Keep in touch"),
        alarm_at=dt.datetime.combine(item.due, reminder_time),
    )


def _recent_leap_year(year: int) -> int:
    while not calendar.isleap(year):
        year -= 1
    return year


def yearly_entries(*, clock: Clock = SYSTEM_CLOCK) -> list[YearlyEntry]:
    """Every active person's dates that matter, as yearly all-day events."""
    query = (
        PersonDate.select(PersonDate, Person.name.alias("person_name"))
        .join(Person, on=(PersonDate.person == Person.id))
        .where(~Person.archived)
        .order_by(PersonDate.id)
    )
    recent = _recent_leap_year(clock.today().year)
    entries = []
    for row in query.objects():
        year = row.year
        if year is None or not 1 <= year <= 9999 or (row.month, row.day) == (2, 29) and not calendar.isleap(year):
            year = recent
        try:
            start = dt.date(year, row.month, row.day)
        except ValueError:  # a row another tool wrote wrongly: left out
            continue
        kind = row.kind if row.kind in KIND_NOUNS else "custom"
        since = f"Since {row.year}." if row.year else "Year not known."
        entries.append(
            YearlyEntry(
                uid=f"date-{row.id}@{UID_DOMAIN}",
                summary=summary_title(row.person_name, kind, row.label or ""),
                start=start,
                description=f"{KIND_NOUNS[kind].capitalize()} of {row.person_name}. {since}",
                categories=(CATEGORY, "Date that matters"),
            )
        )
    return entries


def calendar_entries(*, clock: Clock = SYSTEM_CLOCK, reminder_time: dt.time) -> list[TodoEntry]:
    """Every to-do of the calendar; date-only ones alarm at `reminder_time` (the user's preference,
    which the caller reads: the services know nothing of where preferences are kept)."""
    now = clock.now()
    horizon = now.date() + dt.timedelta(days=KEEP_IN_TOUCH_HORIZON_DAYS)
    with DB.atomic():  # one consistent snapshot
        entries = _step_entries(now, reminder_time)
        people = keep_in_touch_items(None, horizon, now.date())
    return entries + [_keep_in_touch_entry(item, reminder_time) for item in people]


def _calendar_bytes(clock: Clock, reminder_time: dt.time) -> tuple[bytes, int]:
    with DB.atomic():  # one consistent snapshot
        entries = calendar_entries(clock=clock, reminder_time=reminder_time)
        yearly = yearly_entries(clock=clock)
    return write_calendar(entries, now=clock.now(), yearly=yearly), len(entries) + len(yearly)


def export_ics(stream: TextIO, *, clock: Clock = SYSTEM_CLOCK, reminder_time: dt.time) -> int:
    """Write the calendar to a text stream; returns how many to-dos and yearly events it holds
    (the CLI's exporter)."""
    data, count = _calendar_bytes(clock, reminder_time)
    stream.write(data.decode("utf-8"))
    return count


def export_ics_file(target: Path, *, clock: Clock = SYSTEM_CLOCK, reminder_time: dt.time) -> int:
    """Write the calendar to `target` atomically: a partial file never replaces a good one."""
    data, count = _calendar_bytes(clock, reminder_time)
    target = Path(target).expanduser()
    staging = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(staging, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staging, target)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return count
