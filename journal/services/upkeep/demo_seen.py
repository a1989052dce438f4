"""The demo journal's contact seen elsewhere: a small calendar and inbox written beside the demo
journal and scanned the way the app scans yours, so Today offers meetings to log and an
introduction that moved on, the Calendar shows meetings ahead, and people show "last e-mailed"."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from pathlib import Path

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.pipeline import Stage
from journal.services.scan import known, runner
from journal.services.transaction import write
from journal.store.models import ContactDetail, Introduction, Person

OWN = "me@demo.example"
_STAMP = "%Y%m%dT%H%M%S"


def _emails() -> dict[int, str]:
    rows = ContactDetail.select(ContactDetail.person, ContactDetail.value).where(ContactDetail.kind == "email")
    found: dict[int, str] = {}
    for person_id, value in rows.tuples():
        found.setdefault(person_id, value)
    return found


def _event(uid: str, start: dt.datetime, minutes: int, summary: str, location: str, addresses: list[str]) -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}@demo.example", "DTSTAMP:20260101T000000Z",
             f"DTSTART:{start.strftime(_STAMP)}", f"DTEND:{(start + dt.timedelta(minutes=minutes)).strftime(_STAMP)}",
             f"SUMMARY:{summary}", f"LOCATION:{location}", f"ORGANIZER:mailto:{OWN}",
             f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{OWN}"]
    lines += [f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{a}" for a in addresses]
    return "\r\n".join([*lines, "END:VEVENT"]) + "\r\n"


def _message(sender: str, to: str, when: dt.datetime, cc: str = "") -> str:
    utc = when.astimezone(dt.UTC)
    head = [f"From {sender} {utc.strftime('%a %b %d %H:%M:%S %Y')}", f"From: {sender}", f"To: {to}"]
    if cc:
        head.append(f"Cc: {cc}")
    head += ["Subject: (demo)", f"Date: {format_datetime(utc)}", f"Message-ID: <{abs(hash((sender, when)))}@demo.example>"]
    return "\n".join(head) + "\n\nA demo message.\n\n"


def add_contact_seen(folder: Path, *, clock: Clock = SYSTEM_CLOCK) -> None:
    now = clock.now().replace(second=0)
    day = dt.datetime.combine(now.date(), dt.time())
    emails = _emails()
    # People without a keep-in-touch cadence, so the demo's keep-in-touch reminders stay due.
    quiet = Person.select(Person.id).where((Person.archived == False) & Person.cadence_days.is_null())  # noqa: E712
    people = [pid for (pid,) in quiet.order_by(Person.name).tuples() if pid in emails]
    if len(people) < 6:
        return
    a, b, c, d, e, f = (emails[p] for p in people[:6])
    events = [
        _event("coffee", day - dt.timedelta(days=2) + dt.timedelta(hours=10), 45, "Coffee chat", "Café Rosa", [a]),
        _event("review", day - dt.timedelta(days=5) + dt.timedelta(hours=15), 30, "Portfolio review",
               "https://meet.example/abc", [b, c]),
        _event("call", day + dt.timedelta(days=1) + dt.timedelta(hours=16), 30, "Catch-up call", "Phone", [d]),
        _event("lunch", day + dt.timedelta(days=3) + dt.timedelta(hours=12, minutes=30), 60, "Lunch",
               "Dishoom, King's Cross", [e, a]),
        _event("talk", day + dt.timedelta(days=9) + dt.timedelta(hours=18), 90, "Meetup talk", "Newspeak House", [f]),
    ]
    calendar = folder / "demo-calendar.ics"
    calendar.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Contact Journal//Demo//EN\r\n" + "".join(events)
                        + "END:VCALENDAR\r\n", "utf-8")
    local = now.astimezone()
    messages = [_message(a, OWN, local - dt.timedelta(days=1, hours=3)), _message(OWN, d, local - dt.timedelta(days=4)),
                _message(e, OWN, local - dt.timedelta(days=6))]
    offers = Introduction.select().where(Introduction.stage.in_([Stage.OFFERED.value, Stage.ASKED.value]))
    offer = next((o for o in offers.order_by(Introduction.id) if o.introducer_id in emails and o.target_id in emails), None)
    if offer is not None:
        messages.append(_message(emails[offer.introducer_id], OWN, local - dt.timedelta(hours=20),
                                 cc=emails[offer.target_id]))
    inbox = folder / "demo-inbox.mbox"
    inbox.write_text("".join(messages), "utf-8")
    with write():
        known.set_own_addresses([OWN])
    runner.scan_path("calendar", str(calendar), clock=clock, announce=False)
    runner.scan_path("mail", str(inbox), clock=clock, announce=False)
