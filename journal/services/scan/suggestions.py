"""What Today offers from contact seen elsewhere: past meetings to log, introductions that a
message suggests moved on; and the meetings ahead, for the calendar and the person pane.

A suggestion is never acted on by itself. Its key is stable across scans (a meeting's is a hash
of its UID and RECURRENCE-ID, an introduction's is its id and the stage), so dismissing one is
for good, even after "forget what was scanned" and a new scan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.contact_seen import SUGGEST_DAYS, meeting_channel
from journal.domain.pipeline import FORWARD, Stage
from journal.errors import ValidationError
from journal.store.models import (
    DB,
    Introduction,
    MeetingPerson,
    Person,
    SeenMeeting,
    StageHint,
    SuggestionState,
)

MEETING = "meeting"
STAGE = "stage"
DISMISSED = "dismissed"
LOGGED = "logged"


@dataclass(frozen=True)
class Suggestion:
    key: str  # "meeting:<hash>" | "stage:<introduction id>:<stage>"
    kind: str  # MEETING | STAGE
    title: str  # in English, for the command line; the window words its own
    date: dt.date
    people: tuple[str, ...]
    person_ids: tuple[int, ...]
    # A meeting: its start, end, title, place and the channel they suggest (Log's prefill).
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    summary: str = ""
    location: str = ""
    channel: str = ""
    # An introduction: which, the stage suggested, who wrote (a name; "" when it was the user).
    introduction_id: int | None = None
    stage: str = ""
    introducer: str = ""
    target: str = ""
    writer: str = ""

    def to_json(self) -> dict:
        return {"id": self.key, "kind": self.kind, "title": self.title, "date": self.date.isoformat(),
                "people": list(self.people)}


@dataclass(frozen=True)
class UpcomingMeeting:
    start: dt.datetime
    end: dt.datetime | None
    all_day: bool
    summary: str
    location: str
    people: tuple[str, ...]
    person_ids: tuple[int, ...]


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _when(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _decided() -> set[str]:
    return {key for (key,) in SuggestionState.select(SuggestionState.key).tuples()}


def _names(person_ids) -> dict[int, str]:
    ids = list(set(person_ids))
    names: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        names.update(Person.select(Person.id, Person.name).where(Person.id.in_(ids[start:start + 500])).tuples())
    return names


def _meeting_people(meeting_ids) -> dict[int, list[int]]:
    ids = list(meeting_ids)
    out: dict[int, list[int]] = {}
    for start in range(0, len(ids), 500):
        rows = MeetingPerson.select(MeetingPerson.meeting, MeetingPerson.person).where(
            MeetingPerson.meeting.in_(ids[start:start + 500])
        ).tuples()
        for mid, pid in rows:
            out.setdefault(mid, []).append(pid)
    return out


def _logged_days(person_ids, since: dt.date) -> set[tuple[int, dt.date]]:
    """(person, day) of every conversation since `since` with these people: a meeting already
    logged by hand is not offered again."""
    ids = list(set(person_ids))
    found: set[tuple[int, dt.date]] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = DB.obj.execute_sql(
            "SELECT p.person_id, date(c.occurred_at) FROM participant p JOIN conversation c ON c.id = p.conversation_id "
            f"WHERE p.person_id IN ({', '.join('?' * len(chunk))}) AND c.occurred_at >= ?",
            [*chunk, since.isoformat()],
        ).fetchall()
        found |= {(pid, dt.date.fromisoformat(day)) for pid, day in rows}
    return found


def _meeting_title(names: list[str], start: dt.datetime, all_day: bool, summary: str) -> str:
    who = _together(names)
    day = start.strftime("%a %d %b").replace(" 0", " ")
    what = f" ({summary})" if summary else ""
    return f"You met {who} on {day}{what} — log it?"


def _together(names: list[str]) -> str:
    if len(names) <= 1:
        return names[0] if names else "someone"
    if len(names) <= 3:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return f"{names[0]}, {names[1]} and {len(names) - 2} others"


def meeting_suggestions(*, clock: Clock = SYSTEM_CLOCK, decided: set[str] | None = None) -> list[Suggestion]:
    now = clock.now()
    since = now - dt.timedelta(days=SUGGEST_DAYS)
    rows = list(
        SeenMeeting.select(SeenMeeting.id, SeenMeeting.key, SeenMeeting.start, SeenMeeting.end, SeenMeeting.all_day,
                           SeenMeeting.summary, SeenMeeting.location)
        .where((SeenMeeting.start >= since) & (SeenMeeting.start <= now))
        .order_by(SeenMeeting.start.desc())
        .tuples()
    )
    decided = _decided() if decided is None else decided
    people = _meeting_people(r[0] for r in rows)
    names = _names(pid for pids in people.values() for pid in pids)
    logged = _logged_days(names, since.date())
    seen_keys: set[str] = set()
    out: list[Suggestion] = []
    for mid, key, start, end, all_day, summary, location in rows:
        start, end = _when(start), _when(end)
        finished = end if end is not None and not all_day else start
        if finished > now and not all_day:
            continue  # still going on
        if all_day and start.date() >= now.date():
            continue
        skey = f"{MEETING}:{key}"
        if skey in decided or skey in seen_keys:  # the same meeting from two sources shows once
            continue
        pids = sorted((pid for pid in people.get(mid, []) if pid in names), key=lambda p: names[p].casefold())
        if not pids or any((pid, start.date()) in logged for pid in pids):
            continue
        seen_keys.add(skey)
        who = [names[p] for p in pids]
        out.append(Suggestion(
            skey, MEETING, _meeting_title(who, start, all_day, summary), start.date(), tuple(who), tuple(pids),
            start=start, end=end, summary=summary, location=location, channel=meeting_channel(location, summary),
        ))
    return out


_ORDER = {stage: n for n, stage in enumerate(FORWARD)}


def stage_suggestions(*, decided: set[str] | None = None) -> list[Suggestion]:
    decided = _decided() if decided is None else decided
    introducer, target = Person.alias(), Person.alias()
    rows = (
        StageHint.select(StageHint.introduction, StageHint.stage, StageHint.on, StageHint.person,
                         Introduction.stage.alias("current"), introducer.name.alias("introducer_name"),
                         target.name.alias("target_name"), Introduction.introducer.alias("introducer_id"),
                         Introduction.target.alias("target_id"))
        # From the hints (a few) to their introductions, never the other way: without figures for
        # an empty or new hints table the planner walked every introduction (6 ms on the big journal).
        .join(Introduction, JOIN.CROSS)
        .join(introducer, on=(Introduction.introducer == introducer.id))
        .switch(Introduction)
        .join(target, on=(Introduction.target == target.id))
        .where(StageHint.introduction == Introduction.id)
        .order_by(StageHint.on)
        .dicts()
    )
    best: dict[str, dict] = {}
    for row in rows:
        key = f"{STAGE}:{row['introduction']}:{row['stage']}"
        current, hinted = Stage(row["current"]), Stage(row["stage"])
        if key in decided or current.is_closed or _ORDER.get(current, 99) >= _ORDER[hinted]:
            continue
        best.setdefault(key, row)  # the earliest message that says so
    writers = _names(r["person"] for r in best.values() if r["person"])
    out = []
    for key, row in best.items():
        when = _when(row["on"])
        writer = writers.get(row["person"], "") if row["person"] else ""
        intro, tgt = row["introducer_name"], row["target_name"]
        if row["stage"] == Stage.INTRODUCED.value:
            other = tgt if writer == intro else intro
            title = f"{writer or intro} replied on the thread with {other} — mark introduced?"
        else:
            title = f"You wrote to {intro} on {when.strftime('%a %d %b').replace(' 0', ' ')} after meeting {tgt} — mark thanked?"
        out.append(Suggestion(
            key, STAGE, title, when.date(), (intro, tgt), (row["introducer_id"], row["target_id"]),
            introduction_id=row["introduction"], stage=row["stage"], introducer=intro, target=tgt, writer=writer,
        ))
    return out


def suggestions(*, clock: Clock = SYSTEM_CLOCK) -> list[Suggestion]:
    """Every open suggestion, newest first."""
    decided = _decided()  # what the user dismissed or logged, read once for both kinds
    found = meeting_suggestions(clock=clock, decided=decided) + stage_suggestions(decided=decided)
    return sorted(found, key=lambda s: (s.date, s.key), reverse=True)


def get_suggestion(key: str, *, clock: Clock = SYSTEM_CLOCK) -> Suggestion:
    for suggestion in suggestions(clock=clock):
        if suggestion.key == key:
            return suggestion
    raise ValidationError(f"There is no open suggestion {key!r}; it may have been dismissed or logged.")


def _decide(key: str, state: str, clock: Clock) -> None:
    if not (key.startswith(f"{MEETING}:") or key.startswith(f"{STAGE}:")):
        raise ValidationError(f"{key!r} is not a suggestion's id.")
    existing = SuggestionState.get_or_none(SuggestionState.key == key)
    if existing is None:
        SuggestionState.create(key=key, state=state, at=clock.now())
    elif existing.state != state:
        SuggestionState.update(state=state, at=clock.now()).where(SuggestionState.id == existing.id).execute()


def dismiss(key: str, *, clock: Clock = SYSTEM_CLOCK) -> None:
    """Never offer this suggestion again (an operation: run it with services.operations.run)."""
    _decide(key, DISMISSED, clock)


def mark_logged(key: str, *, clock: Clock = SYSTEM_CLOCK) -> None:
    """The suggestion was acted on (a conversation logged from it, a stage moved)."""
    _decide(key, LOGGED, clock)


def upcoming(start: dt.datetime, end: dt.datetime, person_id: int | None = None) -> list[UpcomingMeeting]:
    """Meetings with people in the journal from `start` to `end` (one per meeting, however many
    sources hold it), soonest first; with `person_id`, only theirs."""
    query = SeenMeeting.select(SeenMeeting.id, SeenMeeting.key, SeenMeeting.start, SeenMeeting.end,
                               SeenMeeting.all_day, SeenMeeting.summary, SeenMeeting.location)
    if person_id is not None:
        query = query.join(MeetingPerson).where(MeetingPerson.person == person_id)
    rows = list(query.where((SeenMeeting.start >= start) & (SeenMeeting.start < end)).order_by(SeenMeeting.start).tuples())
    people = _meeting_people(r[0] for r in rows)
    names = _names(pid for pids in people.values() for pid in pids)
    seen: set[str] = set()
    out = []
    for mid, key, begin, finish, all_day, summary, location in rows:
        if key in seen:
            continue
        seen.add(key)
        pids = sorted((p for p in people.get(mid, []) if p in names), key=lambda p: names[p].casefold())
        out.append(UpcomingMeeting(_when(begin), _when(finish), bool(all_day), summary, location,
                                   tuple(names[p] for p in pids), tuple(pids)))
    return out


def next_meeting(person_id: int, *, clock: Clock = SYSTEM_CLOCK) -> UpcomingMeeting | None:
    """The next meeting with this person that has not ended yet."""
    now = clock.now()
    for meeting in upcoming(now - dt.timedelta(days=1), now + dt.timedelta(days=400), person_id):
        finish = meeting.end or meeting.start
        if meeting.all_day:
            if meeting.start.date() >= now.date():
                return meeting
        elif finish >= now:
            return meeting
    return None
