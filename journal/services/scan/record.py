"""Writing what a scan found, filtered to the people in the journal.

Only this is kept: for each person, the date of the latest e-mail with them and its direction
(per source); the meetings that have someone in the journal among their attendees (date, title,
place); and the messages that suggest an introduction moved on (which introduction, which
stage, when). Every other address, every subject and every message id is dropped here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from journal.domain.contact_seen import hinted_stage
from journal.domain.pipeline import Stage
from journal.interop.mail_headers import MailHeaders
from journal.interop.meetings import Meeting, declined, is_cancelled
from journal.services.scan.known import Known
from journal.store.models import (
    DB,
    Introduction,
    MailContact,
    MeetingPerson,
    ScanSource,
    SeenMeeting,
    StageHint,
)

_OPEN = (Stage.OFFERED.value, Stage.ASKED.value, Stage.MET.value)


@dataclass
class Outcome:
    """What one scan read and kept."""

    messages: int = 0  # messages read
    exchanges: int = 0  # messages that were contact with someone in the journal
    meetings: int = 0  # meetings with someone in the journal, now held for the source
    hints: int = 0  # new hints that an introduction moved on
    skipped: list[str] = field(default_factory=list)  # what could not be read, one line each
    people: set[int] = field(default_factory=set)  # people whose contact changed

    def to_json(self) -> dict:
        return {"messages": self.messages, "exchanges": self.exchanges, "meetings": self.meetings,
                "hints": self.hints, "people": len(self.people), "skipped": list(self.skipped)}


def to_local(utc: dt.datetime) -> dt.datetime:
    """A naive UTC time as the machine's naive local time (how conversations are stored)."""
    return utc.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None, microsecond=0)


@contextlib.contextmanager
def zeroing() -> Iterator[None]:
    """While in it, what is deleted or rewritten is overwritten with zeros in the file (SQLite's
    secure_delete), whatever the build's default (Debian's zeroes, python.org's and most others'
    do not): a meeting or an exchange that is forgotten does not linger in a free page."""
    database = DB.obj
    (before,) = database.execute_sql("PRAGMA secure_delete").fetchone()
    if before:
        yield
        return
    database.execute_sql("PRAGMA secure_delete = 1")
    try:
        yield
    finally:
        database.execute_sql("PRAGMA secure_delete = 0")


def meeting_key(uid: str, recurrence_id: str) -> str:
    """A meeting's identity across scans and sources, without its UID in clear."""
    return hashlib.sha256(f"{uid}\x00{recurrence_id}".encode()).hexdigest()[:20]


# --- mail -------------------------------------------------------------------------------------


@dataclass
class _Latest:
    at: dt.datetime
    direction: str
    count: int = 0


def _introductions() -> dict[tuple[int, int], list[tuple[int, Stage, dt.date]]]:
    """Open introductions by (introducer, target): id, stage and the day it reached it."""
    pairs: dict[tuple[int, int], list[tuple[int, Stage, dt.date]]] = {}
    rows = Introduction.select(
        Introduction.id, Introduction.introducer, Introduction.target, Introduction.stage, Introduction.stage_changed_on
    ).where(Introduction.stage.in_(_OPEN)).tuples()
    for intro_id, introducer, target, stage, changed in rows:
        pairs.setdefault((introducer, target), []).append((intro_id, Stage(stage), changed))
    return pairs


def record_mail(source_id: int, headers: Iterable[MailHeaders], known: Known, *, now: dt.datetime,
                from_start: bool = False) -> Outcome:
    """Keep the latest exchange per person and the introduction hints from these messages.

    With the user's own addresses known, a message from one of them is sent to every person on
    it, and a message to one of them is received from its sender; others are not contact.
    Without them, the mailbox is taken to be the user's: a message from a person is received,
    and a message from someone else to a person is sent."""
    outcome = Outcome()
    latest: dict[int, _Latest] = {}
    pairs = _introductions()
    by_person: dict[int, list[tuple[int, int]]] = {}
    for pair in pairs:
        by_person.setdefault(pair[0], []).append(pair)
        by_person.setdefault(pair[1], []).append(pair)
    hints: dict[tuple[int, str], tuple[dt.datetime, int | None]] = {}
    future = now + dt.timedelta(days=1)
    own = known.own
    for message in headers:
        outcome.messages += 1
        if message.date is None:
            continue
        when = to_local(message.date)
        if when > future:  # a sender's clock far ahead says nothing about when
            continue
        senders = [p for a in message.sender if (p := known.person_of(a)) is not None]
        recipients = [p for a in message.to + message.cc if (p := known.person_of(a)) is not None]
        if not senders and not recipients:
            continue
        if own:
            from_user = any(a in own for a in message.sender)
            to_user = any(a in own for a in message.to + message.cc)
        else:
            from_user = not senders
            to_user = bool(senders)
        if from_user:
            contacts, direction = set(recipients) | set(senders), "sent"
        elif to_user:
            contacts, direction = set(senders), "received"
        else:
            continue
        if not contacts:
            continue
        outcome.exchanges += 1
        for pid in contacts:
            seen = latest.get(pid)
            if seen is None:
                latest[pid] = _Latest(when, direction, 1)
            else:
                seen.count += 1
                if when > seen.at:
                    seen.at, seen.direction = when, direction
        if pairs:
            _hints_of(message, when, set(senders), set(senders) | set(recipients), from_user, pairs, by_person, hints)
    _save_latest(source_id, latest, outcome, from_start=from_start)
    outcome.hints = _save_hints(source_id, hints)
    return outcome


def _hints_of(message, when, senders, present, from_user, pairs, by_person, hints) -> None:
    candidates = {pair for pid in present for pair in by_person.get(pid, ())}
    for pair in candidates:
        introducer, target = pair
        for intro_id, stage, changed in pairs[pair]:
            if when.date() < changed:
                continue
            suggested = hinted_stage(
                stage, introducer=introducer in present, target=target in present,
                sender_is_party=bool(senders & {introducer, target}), from_user=from_user,
            )
            if suggested is None:
                continue
            key = (intro_id, suggested.value)
            writer = next(iter(senders & {introducer, target}), None) if not from_user else None
            if key not in hints or when < hints[key][0]:
                hints[key] = (when, writer)


def _save_latest(source_id: int, latest: dict[int, _Latest], outcome: Outcome, *, from_start: bool = False) -> None:
    """Keep each person's latest exchange; `from_start`: the messages are the whole mailbox
    again, so they are counted afresh rather than added to the count kept."""
    if not latest:
        return
    current = {
        pid: (at, direction, count)
        for pid, at, direction, count in MailContact.select(
            MailContact.person, MailContact.last_at, MailContact.direction, MailContact.exchanges
        ).where(MailContact.source == source_id).tuples()
    }
    rows = []
    for pid, seen in latest.items():
        before = current.get(pid)
        if before is None:
            rows.append((source_id, pid, seen.at, seen.direction, seen.count))
            outcome.people.add(pid)
            continue
        at, direction, count = before
        if isinstance(at, str):
            at = dt.datetime.fromisoformat(at)
        if seen.at > at:
            rows.append((source_id, pid, seen.at, seen.direction, seen.count if from_start else count + seen.count))
            outcome.people.add(pid)
        else:
            rows.append((source_id, pid, at, direction, seen.count if from_start else count + seen.count))
    fields = [MailContact.source, MailContact.person, MailContact.last_at, MailContact.direction, MailContact.exchanges]
    for start in range(0, len(rows), 200):
        MailContact.insert_many(rows[start:start + 200], fields=fields).on_conflict(
            conflict_target=[MailContact.source, MailContact.person],
            preserve=[MailContact.last_at, MailContact.direction, MailContact.exchanges],
        ).execute()


def _save_hints(source_id: int, hints: dict[tuple[int, str], tuple[dt.datetime, int | None]]) -> int:
    added = 0
    for (intro_id, stage), (when, writer) in hints.items():
        existing = StageHint.get_or_none(
            (StageHint.source == source_id) & (StageHint.introduction == intro_id) & (StageHint.stage == stage)
        )
        if existing is None:
            StageHint.create(source=source_id, introduction=intro_id, stage=stage, on=when, person=writer)
            added += 1
    return added


# --- meetings ---------------------------------------------------------------------------------


def record_meetings(
    source_id: int, meetings: Iterable[Meeting], known: Known, *, start: dt.datetime, end: dt.datetime
) -> Outcome:
    """Hold, for this source, the meetings between `start` and `end` that have someone in the
    journal on them (replacing what the source held for that window): cancelled meetings and
    those the user declined are left out. A meeting held from before whose people have all left
    the journal since goes too, whenever it was: it is with nobody in the journal now."""
    with zeroing():
        outcome = _record_meetings(source_id, meetings, known, start=start, end=end)
        SeenMeeting.delete().where(
            (SeenMeeting.source == source_id) & SeenMeeting.id.not_in(MeetingPerson.select(MeetingPerson.meeting))
        ).execute()
    return outcome


def _record_meetings(
    source_id: int, meetings: Iterable[Meeting], known: Known, *, start: dt.datetime, end: dt.datetime
) -> Outcome:
    outcome = Outcome()
    before = {
        key: (mid, person_ids)
        for mid, key, person_ids in _held(source_id, start, end)
    }
    keep: set[str] = set()
    for meeting in meetings:
        outcome.messages += 1
        if is_cancelled(meeting) or declined(meeting):
            continue
        people = _people_of(meeting, known)
        if not people:
            continue
        key = meeting_key(meeting.uid, meeting.recurrence_id)
        if key in keep:
            continue
        keep.add(key)
        values = {"start": meeting.start, "end": meeting.end, "all_day": meeting.all_day,
                  "summary": meeting.summary, "location": meeting.location, "status": meeting.status}
        held = before.get(key)
        if held is None:
            row = SeenMeeting.get_or_none((SeenMeeting.source == source_id) & (SeenMeeting.key == key))
            if row is None:
                row = SeenMeeting.create(source=source_id, key=key, **values)
            else:
                SeenMeeting.update(**values).where(SeenMeeting.id == row.id).execute()
            mid, old_people = row.id, set()
        else:
            mid, old_people = held
            SeenMeeting.update(**values).where(SeenMeeting.id == mid).execute()
        if people != old_people:
            MeetingPerson.delete().where(MeetingPerson.meeting == mid).execute()
            MeetingPerson.insert_many([(mid, pid) for pid in sorted(people)],
                                      fields=[MeetingPerson.meeting, MeetingPerson.person]).execute()
        if held is None or people != old_people:
            outcome.people |= people | old_people
        outcome.meetings += 1
    gone = [mid for key, (mid, _people) in before.items() if key not in keep]
    for key, (_mid, people) in before.items():
        if key not in keep:
            outcome.people |= people
    for start_at in range(0, len(gone), 500):
        SeenMeeting.delete().where(SeenMeeting.id.in_(gone[start_at:start_at + 500])).execute()
    return outcome


def _held(source_id: int, start: dt.datetime, end: dt.datetime) -> list[tuple[int, str, set[int]]]:
    rows = SeenMeeting.select(SeenMeeting.id, SeenMeeting.key).where(
        (SeenMeeting.source == source_id) & (SeenMeeting.start >= start) & (SeenMeeting.start < end)
    ).tuples()
    held = {mid: (key, set()) for mid, key in rows}
    if held:
        ids = list(held)
        for start_at in range(0, len(ids), 500):
            chunk = ids[start_at:start_at + 500]
            for mid, pid in MeetingPerson.select(MeetingPerson.meeting, MeetingPerson.person).where(
                MeetingPerson.meeting.in_(chunk)
            ).tuples():
                held[mid][1].add(pid)
    return [(mid, key, people) for mid, (key, people) in held.items()]


def _people_of(meeting: Meeting, known: Known) -> set[int]:
    """The people in the journal a meeting is with: by attendee or organizer address, else by a
    full name only one person has. The user's own addresses are not people."""
    found: set[int] = set()
    if meeting.organizer and (pid := known.person_of(meeting.organizer)) is not None:
        found.add(pid)
    for attendee in meeting.attendees:
        if attendee.email in known.own:
            continue
        pid = known.person_of(attendee.email) if attendee.email else None
        if pid is None and attendee.name:
            pid = known.person_named(attendee.name)
        if pid is not None:
            found.add(pid)
    return found


def finish(source_id: int, mark: str, *, now: dt.datetime, error: str = "", addresses: str | None = None) -> None:
    """Where the scan stopped, and when (and, for mail, the hashes of the addresses it knew)."""
    values = {"mark": mark, "last_scan_at": now, "last_error": error}
    if addresses is not None:
        values["addresses"] = addresses
    ScanSource.update(**values).where(ScanSource.id == source_id).execute()


def address_hashes(known: Known) -> set[str]:
    """Short hashes of the journal's addresses: enough to tell that one is new, not what it is."""
    return {hashlib.sha256(address.encode()).hexdigest()[:12] for address in known.by_address}


def new_addresses(stored: str, known: Known) -> bool:
    """True when the journal knows an address the last scan (whose hashes are `stored`) did not."""
    if not stored:
        return False
    try:
        before = set(json.loads(stored))
    except (ValueError, TypeError):
        return True
    return bool(address_hashes(known) - before)


def hashes_json(known: Known) -> str:
    return json.dumps(sorted(address_hashes(known)), separators=(",", ":"))
