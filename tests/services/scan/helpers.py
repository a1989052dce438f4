"""People with addresses, and mailboxes and calendars written the way mail programs write them."""

from __future__ import annotations

import datetime as dt
import mailbox
from email.utils import format_datetime
from pathlib import Path

from journal.store.models import ContactDetail, Person


def person(name: str, *emails: str, cadence: int | None = None, set_on: dt.date | None = None) -> int:
    row = Person.create(name=name, cadence_days=cadence, cadence_set_on=set_on)
    for email in emails:
        ContactDetail.create(person=row.id, kind="email", value=email, normalized=email.lower())
    return row.id


def message(sender: str, to: str, when: dt.datetime | None, *, cc: str = "", subject: str = "Hello",
            message_id: str = "") -> str:
    lines = [f"From: {sender}", f"To: {to}"]
    if cc:
        lines.append(f"Cc: {cc}")
    lines.append(f"Subject: {subject}")
    if when is not None:
        lines.append(f"Date: {format_datetime(when.replace(tzinfo=dt.UTC))}")
    lines.append(f"Message-ID: {message_id or f'<{abs(hash((sender, to, when)))}@example.net>'}")
    return "\r\n".join(lines) + "\r\n\r\nThe body, which is never read.\r\n"


def write_mbox(path: Path, messages: list[str]) -> Path:
    box = mailbox.mbox(str(path))
    box.lock()
    for text in messages:
        box.add(text)
    box.flush()
    box.unlock()
    box.close()
    return path


def write_maildir(path: Path, messages: list[str]) -> Path:
    box = mailbox.Maildir(str(path))
    for text in messages:
        box.add(text)
    return path


def ics(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def event(uid: str, start: dt.datetime, *, summary: str = "Coffee chat", attendees: tuple[str, ...] = (),
          organizer: str = "", location: str = "", minutes: int = 60, extra: str = "") -> str:
    stamp = "%Y%m%dT%H%M%S"
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z", f"DTSTART:{start.strftime(stamp)}",
             f"DTEND:{(start + dt.timedelta(minutes=minutes)).strftime(stamp)}", f"SUMMARY:{summary}"]
    if location:
        lines.append(f"LOCATION:{location}")
    if organizer:
        lines.append(f"ORGANIZER:mailto:{organizer}")
    lines += [f"ATTENDEE;PARTSTAT=ACCEPTED:{a}" if a.startswith("mailto:") or ":" in a else f"ATTENDEE:mailto:{a}"
              for a in attendees]
    if extra:
        lines.append(extra)
    lines.append("END:VEVENT")
    return "\r\n".join(lines) + "\r\n"
