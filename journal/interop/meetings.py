"""Meetings read from iCalendar (RFC 5545): every occurrence of every VEVENT in a window of time.

read_meetings(data, start=..., end=...) returns the occurrences overlapping [start, end), sorted by
start, in this machine's local time (naive). It never raises: what cannot be read is left out and
named, with its reason, in the result's `skipped` list.

Recurrences (RRULE, RDATE, EXDATE and occurrences overridden by RECURRENCE-ID) are expanded by
recurring-ical-events, only as far as the window needs, so an endless series costs what its
occurrences in the window cost. Each series is expanded on its own, so that one broken series
leaves the others readable.

Times: a TZID defined by a VTIMEZONE, an IANA name, a Microsoft name ("W. Europe Standard Time",
through icalendar's own table), UTC and floating times (taken as local, or in the calendar's
X-WR-TIMEZONE when it has one). An all-day event (DATE values) starts at local midnight of its day.

Cancelled occurrences (STATUS:CANCELLED on the event or an override, or a METHOD:CANCEL message
for its UID, for one occurrence or all of them) are kept with status "CANCELLED", so that the
caller can tell "cancelled" from "never was".

Lenient about what clients write: LF line ends, lines that are no content line (dropped), several
VCALENDARs in one file, VEVENTs without a VCALENDAR, no DTEND (DURATION, or no end), "mailto:" in
any case or missing, the EMAIL parameter Apple and Nextcloud use, a CN with RFC 6868 (^') or MIME
(=?utf-8?q?...?=) encoding, a VEVENT without UID (given one made from its content), an update
sent twice (the higher SEQUENCE wins; an iTIP REPLY only when it is the one copy).

icalendar keeps the time zone a VTIMEZONE defines for a TZID that is neither an IANA nor a
Microsoft name for the rest of the process, by that TZID: two files giving the same such TZID
different rules read with the first one's.
"""

from __future__ import annotations

import datetime as dt
import email.header
import hashlib
import re
import urllib.parse
import zoneinfo
from dataclasses import dataclass, field

import icalendar
import recurring_ical_events

CONFIRMED = "CONFIRMED"
TENTATIVE = "TENTATIVE"
CANCELLED = "CANCELLED"
DECLINED = "DECLINED"
STATUSES = (CONFIRMED, TENTATIVE, CANCELLED)

# A series with more occurrences than this in one window is cut there (and said so in `skipped`):
# an event every minute is no meeting, and would only cost time.
MAX_OCCURRENCES = 5000
# The expansion runs over a window this much wider than asked (time zones move an occurrence by
# up to a day); the exact window is applied after converting to local time.
_PAD = dt.timedelta(days=2)
# A rule is expanded from its DTSTART: one that would take more steps than this to reach the end of
# the window (an event every minute since 1990) is left out rather than read for minutes.
MAX_STEPS = 100_000
_FREQ_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 604800,
                 "MONTHLY": 2629746, "YEARLY": 31556952}
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_GENERATED_UID = "{digest}@generated.contact-journal"

_CONTENT_LINE = re.compile(r'^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:')
_MAILTO = re.compile(r"^\s*mailto:", re.IGNORECASE)
# iTIP messages that answer an invitation rather than make one (RFC 5546).
_REPLIES = frozenset({"REPLY", "REFRESH", "COUNTER", "DECLINECOUNTER"})


@dataclass(frozen=True)
class Attendee:
    email: str  # lower-case, "" when the calendar gives none
    name: str
    partstat: str  # NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED, ...
    role: str  # REQ-PARTICIPANT, OPT-PARTICIPANT, CHAIR, NON-PARTICIPANT


@dataclass(frozen=True)
class Meeting:
    uid: str
    recurrence_id: str  # "" for a one-off event; else the occurrence's original start (UTC "…Z", floating or a date)
    start: dt.datetime  # naive local time
    end: dt.datetime | None
    all_day: bool
    summary: str
    location: str
    organizer: str  # e-mail, lower-case, "" if none
    attendees: tuple[Attendee, ...]
    status: str  # CONFIRMED | TENTATIVE | CANCELLED
    my_response: str  # the PARTSTAT of the attendee who is one of own_addresses, "" if none


@dataclass(frozen=True)
class Skipped:
    uid: str
    summary: str
    reason: str  # one line


class MeetingList(list):
    """The meetings read (a list of Meeting), and what was left out of them in `skipped`."""

    def __init__(self, meetings=(), skipped=()) -> None:
        super().__init__(meetings)
        self.skipped: list[Skipped] = list(skipped)


def declined(meeting: Meeting) -> bool:
    return meeting.my_response == DECLINED


def is_cancelled(meeting: Meeting) -> bool:
    return meeting.status == CANCELLED


# --- text and lines --------------------------------------------------------------------------------------------

def _decode(data) -> str:
    if isinstance(data, str):
        return data
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    return ""


def _content_lines(text: str) -> tuple[list[str], int]:
    """The unfolded content lines of `text`, and how many lines were not content lines."""
    text = text.replace("\x00", "")
    unfolded: list[str] = []
    for line in re.split(r"\r\n|\r|\n", text):
        if line[:1] in (" ", "\t") and unfolded:
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    lines, dropped = [], 0
    for line in unfolded:
        if not line.strip():
            continue
        if _CONTENT_LINE.match(line):
            lines.append(line)
        else:
            dropped += 1
    return lines, dropped


def _begin(line: str) -> str | None:
    return line.split(":", 1)[1].strip().upper() if line.upper().startswith("BEGIN:") else None


def _end(line: str) -> str | None:
    return line.split(":", 1)[1].strip().upper() if line.upper().startswith("END:") else None


def _blocks(lines: list[str], name: str) -> list[list[str]]:
    """Every BEGIN:name … END:name in `lines`, outermost ones only; one left open runs to the end."""
    blocks, current, depth = [], None, 0
    for line in lines:
        if _begin(line) == name:
            if depth == 0:
                current = []
            depth += 1
        if current is not None:
            current.append(line)
        if _end(line) == name and depth:
            depth -= 1
            if depth == 0:
                blocks.append(current)
                current = None
    if current:
        blocks.append(current + [f"END:{name}"] * depth)
    return blocks


def _parse_calendar(lines: list[str]) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical("\r\n".join(lines) + "\r\n")
    if not isinstance(calendar, icalendar.Calendar):
        raise ValueError("not a VCALENDAR")
    return calendar


def _calendars(lines: list[str], skipped: list[Skipped]) -> list[icalendar.Calendar]:
    """Each VCALENDAR; one that does not parse is read event by event, with its own header and
    time zones, so that one broken event costs only itself."""
    blocks = _blocks(lines, "VCALENDAR")
    if not blocks and any(_begin(line) == "VEVENT" for line in lines):
        blocks = [["BEGIN:VCALENDAR", *lines, "END:VCALENDAR"]]
    calendars = []
    for block in blocks:
        try:
            calendars.append(_parse_calendar(block))
            continue
        except Exception:  # noqa: BLE001 - icalendar raises many kinds; read it piece by piece below
            pass
        header, depth = [], 0
        for line in block[1:-1]:
            if _begin(line):
                depth += 1
            elif _end(line):
                depth = max(0, depth - 1)
            elif depth == 0:
                header.append(line)
        zones = []
        for zone in _blocks(block[1:-1], "VTIMEZONE"):
            try:
                _parse_calendar(["BEGIN:VCALENDAR", *zone, "END:VCALENDAR"])
                zones.extend(zone)
            except Exception:  # noqa: BLE001
                pass
        for event in _blocks(block[1:-1], "VEVENT"):
            try:
                calendars.append(_parse_calendar(["BEGIN:VCALENDAR", *header, *zones, *event, "END:VCALENDAR"]))
            except Exception as exc:  # noqa: BLE001
                uid = next((line.split(":", 1)[1] for line in event if line.upper().startswith("UID")), "")
                summary = next((line.split(":", 1)[1] for line in event if line.upper().startswith("SUMMARY")), "")
                skipped.append(Skipped(uid.strip(), summary.strip(), _reason("unreadable event", exc)))
    return calendars


def _reason(what: str, exc: BaseException) -> str:
    detail = " ".join(str(exc).split())
    return f"{what}: {detail[:200]}" if detail else what


# --- values ----------------------------------------------------------------------------------------------------

def _text(comp, name: str) -> str:
    value = comp.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return ""
    try:
        return " ".join(str(value).split()) if name != "DESCRIPTION" else str(value)
    except Exception:  # noqa: BLE001
        return ""


def _param(prop, name: str) -> str:
    params = getattr(prop, "params", None) or {}
    value = params.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "")


def _unescape_cn(name: str) -> str:
    """A CN as a person reads it: RFC 6868 (^' ^n ^^), MIME encoded words, stray quotes."""
    name = re.sub(r"\^(['n^])", lambda m: {"'": '"', "n": " ", "^": "^"}[m.group(1)], name)
    if "=?" in name:
        try:
            name = str(email.header.make_header(email.header.decode_header(name)))
        except Exception:  # noqa: BLE001 - an encoded word that is not one stays as written
            pass
    return " ".join(name.strip().strip('"').split())


def _address(prop) -> str:
    """The e-mail of an ATTENDEE or ORGANIZER, lower-case: its EMAIL parameter, else its value
    without mailto: (in any case, or none); "" when it is no address (urn:uuid:, invalid:nomail)."""
    candidates = [_param(prop, "EMAIL"), str(prop)]
    for candidate in candidates:
        value = urllib.parse.unquote(_MAILTO.sub("", candidate.strip())).strip().strip("<>").strip()
        if "@" in value and ":" not in value and " " not in value:
            return value.lower()
    return ""


def _people(comp, name: str) -> list:
    value = comp.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _attendees(comp) -> tuple[Attendee, ...]:
    out = []
    for prop in _people(comp, "ATTENDEE"):
        email_address = _address(prop)
        name = _unescape_cn(_param(prop, "CN"))
        if not email_address and not name:
            continue
        partstat = (_param(prop, "PARTSTAT") or "NEEDS-ACTION").strip().upper()
        role = (_param(prop, "ROLE") or "REQ-PARTICIPANT").strip().upper()
        out.append(Attendee(email_address, name, partstat, role))
    return tuple(out)


def _organizer(comp) -> str:
    people = _people(comp, "ORGANIZER")
    return _address(people[0]) if people else ""


def _status(comp, cancelled: bool) -> str:
    if cancelled:
        return CANCELLED
    status = _text(comp, "STATUS").upper()
    return status if status in STATUSES else CONFIRMED


def _decoded(comp, name: str):
    prop = comp.get(name)
    if isinstance(prop, list):
        prop = prop[0] if prop else None
    if prop is None:
        return None
    try:
        return prop.dt
    except Exception:  # noqa: BLE001 - a broken property (icalendar's vBroken) reads as none
        return None


def _zone(name: str) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return icalendar.timezone.tzp.timezone(name)
    except Exception:  # noqa: BLE001
        try:
            return zoneinfo.ZoneInfo(name)
        except Exception:  # noqa: BLE001
            return None


def _local(value, floating_zone: dt.tzinfo | None) -> tuple[dt.datetime, bool]:
    """A DATE or DATE-TIME as naive local time, and whether it was a DATE (all day)."""
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day), True
    if value.tzinfo is None or value.utcoffset() is None:
        if floating_zone is None:
            return value.replace(tzinfo=None, microsecond=0), False
        value = value.replace(tzinfo=floating_zone)
    return value.astimezone().replace(tzinfo=None, microsecond=0), False


def _rid_key(value) -> str:
    """An occurrence's original start as text: UTC with Z, floating as written, or a date."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y%m%d")
    return ""


def _generated_uid(comp) -> str:
    """A UID for an event that has none, the same each time the same event is read (DTSTAMP is
    left out: exports write the time of export there)."""
    parts = []
    for name in ("DTSTART", "DTEND", "DURATION", "SUMMARY", "LOCATION", "ORGANIZER", "RRULE", "RECURRENCE-ID"):
        value = comp.get(name)
        try:
            parts.append(f"{name}={value.to_ical().decode('utf-8', 'replace') if value is not None else ''}")
        except Exception:  # noqa: BLE001
            parts.append(f"{name}={value!r}")
    digest = hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:20]
    return _GENERATED_UID.format(digest=digest)


def _sequence(comp) -> tuple[int, str]:
    try:
        sequence = int(str(comp.get("SEQUENCE", 0)).strip() or 0)
    except ValueError:
        sequence = 0
    stamp = _decoded(comp, "LAST-MODIFIED") or _decoded(comp, "DTSTAMP")
    return sequence, _rid_key(stamp) if stamp is not None else ""


# --- the series ------------------------------------------------------------------------------------------------

@dataclass
class _Series:
    uid: str
    floating_zone: dt.tzinfo | None = None
    master: object | None = None
    overrides: dict[str, object] = field(default_factory=dict)
    rank: dict[str, tuple[int, int, str]] = field(default_factory=dict)

    def add(self, comp, rid: str, *, reply: bool = False) -> None:
        """Keep the newest copy of each occurrence (an update sent twice, an export with both); a
        reply (which names only the attendee who replied) counts only when nothing else does."""
        rank = (0 if reply else 1, *_sequence(comp))
        if rid in self.rank and rank < self.rank[rid]:
            return
        self.rank[rid] = rank
        if rid:
            self.overrides[rid] = comp
        else:
            self.master = comp

    @property
    def recurring(self) -> bool:
        return bool(self.overrides) or (
            self.master is not None and (self.master.get("RRULE") is not None or self.master.get("RDATE") is not None)
        )

    def components(self) -> list:
        return ([self.master] if self.master is not None else []) + list(self.overrides.values())

    def source(self, rid: str):
        return self.overrides.get(rid, self.master if self.master is not None else next(iter(self.overrides.values())))


def _check(comp) -> str:
    """Why an event cannot be read, or ""."""
    start = _decoded(comp, "DTSTART")
    if not isinstance(start, dt.date):
        return "no DTSTART" if comp.get("DTSTART") is None else "a DTSTART that is no date or time"
    errors = getattr(comp, "errors", None) or []
    for name, message in errors:
        if str(name).upper() in ("DTSTART", "DTEND", "DURATION", "RRULE", "RECURRENCE-ID"):
            return f"{name}: {' '.join(str(message).split())[:200]}"
    return ""


def _first(rule, name: str):
    value = rule.get(name)
    if isinstance(value, list | tuple):
        return value[0] if value else None
    return value


def _never(rule) -> bool:
    """Whether BYMONTHDAY names no day that the rule's months have (30 February)."""
    days = rule.get("BYMONTHDAY") or []
    months = rule.get("BYMONTH") or range(1, 13)
    try:
        return bool(days) and not any(abs(int(d)) <= _MONTH_DAYS[int(m) - 1] for d in days for m in months)
    except (TypeError, ValueError, IndexError):
        return False


def _rule_problem(master, end: dt.datetime) -> str:
    """Why the master's RRULE cannot be expanded in reasonable time, or ""."""
    rules = master.get("RRULE")
    if rules is None:
        return ""
    first_start, _ = _local(_decoded(master, "DTSTART"), None)
    for rule in rules if isinstance(rules, list) else [rules]:
        if not hasattr(rule, "get"):
            continue
        freq = str(_first(rule, "FREQ") or "").upper()
        try:
            interval = int(_first(rule, "INTERVAL")) if _first(rule, "INTERVAL") is not None else 1
            count = int(_first(rule, "COUNT")) if _first(rule, "COUNT") is not None else None
        except (TypeError, ValueError):
            return "an RRULE with an INTERVAL or COUNT that is no number"
        if interval < 1:
            return "an RRULE with an INTERVAL below 1"
        if _never(rule):
            return "an RRULE that never occurs (BYMONTHDAY beyond the end of its months)"
        if freq not in _FREQ_SECONDS:
            continue  # recurring-ical-events says what is wrong with it
        until = _first(rule, "UNTIL")
        last = end + _PAD
        if isinstance(until, dt.date):
            last = min(last, _local(until, None)[0])
        steps = (last - first_start).total_seconds() / (_FREQ_SECONDS[freq] * interval)
        if count is not None:
            steps = min(steps, count)
        if steps > MAX_STEPS:
            return f"an RRULE (FREQ={freq}) that repeats too often to read: more than {MAX_STEPS} steps"
    return ""


def read_meetings(data: bytes | str, *, start: dt.datetime, end: dt.datetime,
                  own_addresses: frozenset[str] = frozenset()) -> MeetingList:
    """Every occurrence of every VEVENT in `data` overlapping [start, end) (naive local times),
    sorted by start; what could not be read is in the result's `skipped`."""
    skipped: list[Skipped] = []
    try:
        own = frozenset(_MAILTO.sub("", str(a)).strip().lower() for a in own_addresses or ())
        return _read(data, start, end, own, skipped)
    except Exception as exc:  # noqa: BLE001 - never raise on what a user brings; say what went wrong
        return MeetingList([], [*skipped, Skipped("", "", _reason("unreadable calendar", exc))])


def _read(data, start: dt.datetime, end: dt.datetime, own: frozenset[str], skipped: list[Skipped]) -> MeetingList:
    lines, dropped = _content_lines(_decode(data))
    if dropped:
        skipped.append(Skipped("", "", f"{dropped} line(s) that are no iCalendar content line left out"))
    series: dict[str, _Series] = {}
    cancelled: set[tuple[str, str]] = set()  # (uid, rid); rid "" for every occurrence
    for calendar in _calendars(lines, skipped):
        method = _text(calendar, "METHOD").upper()
        floating_zone = _zone(_text(calendar, "X-WR-TIMEZONE"))
        for comp in calendar.walk("VEVENT"):
            uid = _text(comp, "UID") or _generated_uid(comp)
            reason = _check(comp)
            if reason:
                skipped.append(Skipped(uid, _text(comp, "SUMMARY"), reason))
                continue
            rid = _rid_key(_decoded(comp, "RECURRENCE-ID"))
            if method == "CANCEL":
                cancelled.add((uid, rid))
                continue
            if "UID" not in comp:
                comp["UID"] = uid
            one = series.setdefault(uid, _Series(uid, floating_zone))
            one.add(comp, rid, reply=method in _REPLIES)
    meetings = []
    for one in series.values():
        try:
            meetings.extend(_expand(one, start, end, own, cancelled, skipped))
        except Exception as exc:  # noqa: BLE001 - one series that cannot be read leaves the others readable
            source = one.source("")
            skipped.append(Skipped(one.uid, _text(source, "SUMMARY"), _reason("event not readable", exc)))
    meetings.sort(key=lambda m: (m.start, m.end or m.start, m.summary, m.uid, m.recurrence_id))
    return MeetingList(meetings, skipped)


def _expand(one: _Series, start: dt.datetime, end: dt.datetime, own: frozenset[str],
            cancelled: set[tuple[str, str]], skipped: list[Skipped]) -> list[Meeting]:
    calendar = icalendar.Calendar()
    for comp in one.components():
        calendar.add_component(comp)
    out = []
    summary = _text(one.source(""), "SUMMARY")
    if not one.recurring:  # one event, one occurrence: nothing to expand
        meeting = _meeting(one, one.master, own, cancelled)
        return [meeting] if _overlaps(meeting, start, end) else []
    problem = _rule_problem(one.master, end) if one.master is not None else ""
    if problem:
        skipped.append(Skipped(one.uid, summary, problem))
        return []
    try:
        for count, occurrence in enumerate(recurring_ical_events.of(calendar).after(start - _PAD)):
            begin = _decoded(occurrence, "DTSTART")
            begin_local, _ = _local(begin, one.floating_zone)
            if begin_local >= end + _PAD:
                break
            if count >= MAX_OCCURRENCES:
                skipped.append(Skipped(one.uid, summary, f"more than {MAX_OCCURRENCES} occurrences in the window; the rest left out"))
                break
            meeting = _meeting(one, occurrence, own, cancelled)
            if _overlaps(meeting, start, end):
                out.append(meeting)
    except Exception as exc:  # noqa: BLE001 - a series that cannot be expanded is left out, the others stay
        skipped.append(Skipped(one.uid, summary, _reason("recurrence not readable", exc)))
        return []
    return out


def _overlaps(meeting: Meeting, start: dt.datetime, end: dt.datetime) -> bool:
    if meeting.start >= end:
        return False
    if meeting.end is None or meeting.end <= meeting.start:
        return meeting.start >= start
    return meeting.end > start


def _end_of(comp):
    """DTEND, or DTSTART + DURATION (recurring-ical-events writes a DTEND on each occurrence)."""
    end = _decoded(comp, "DTEND")
    if end is None:
        begin, duration = _decoded(comp, "DTSTART"), _decoded(comp, "DURATION")
        if isinstance(begin, dt.date) and isinstance(duration, dt.timedelta):
            try:
                end = begin + duration
            except OverflowError:
                end = None
    return end


def _meeting(one: _Series, occurrence, own: frozenset[str], cancelled: set[tuple[str, str]]) -> Meeting:
    rid = _rid_key(_decoded(occurrence, "RECURRENCE-ID")) if one.recurring else ""
    source = one.source(rid)
    begin, all_day = _local(_decoded(occurrence, "DTSTART"), one.floating_zone)
    finish = None
    if source.get("DTEND") is not None or source.get("DURATION") is not None:
        value = _end_of(occurrence)
        if isinstance(value, dt.date):
            finish, _ = _local(value, one.floating_zone)
            if finish < begin:
                finish = None
    attendees = _attendees(occurrence)
    mine = next((a.partstat for a in attendees if a.email and a.email in own), "")
    is_cancelled = (one.uid, "") in cancelled or (rid and (one.uid, rid) in cancelled)
    return Meeting(
        uid=one.uid,
        recurrence_id=rid,
        start=begin,
        end=finish,
        all_day=all_day,
        summary=_text(occurrence, "SUMMARY"),
        location=_text(occurrence, "LOCATION"),
        organizer=_organizer(occurrence),
        attendees=attendees,
        status=_status(occurrence, bool(is_cancelled)),
        my_response=mine,
    )
