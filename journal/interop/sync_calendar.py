"""Next steps, keep-in-touch dates and dates that matter as VTODOs, conversations as VJOURNALs.

read_item reads the first VTODO or VJOURNAL of a calendar object into a CalendarFields (its kind
and the contract's dict of strings); write_item writes one back, patching the server's copy in
place when given: only the properties the journal owns change (UID, SUMMARY, DUE, STATUS,
COMPLETED, PERCENT-COMPLETE, DTSTART/DESCRIPTION/ATTENDEE of a VJOURNAL, X-CONTACT-JOURNAL-*,
LAST-MODIFIED, DTSTAMP); everything else (the phone's VALARMs, PRIORITY, CATEGORIES, X-APPLE-...,
a VTIMEZONE) stays as it was. A property whose value already reads as the journal's is left as it
was too (a DUE with the phone's TZID, a SUMMARY with a LANGUAGE).

Times: a DUE or DTSTART with a TZID (an IANA name, a Windows name such as "W. Europe Standard
Time", or one its VTIMEZONE defines) or in UTC is read as local floating time in the machine's
zone; an unknown TZID is taken as floating. The journal writes floating local times for DUE and
DTSTART; DTSTAMP, LAST-MODIFIED and COMPLETED in UTC. A local time that does not exist or exists
twice (the hour the clocks change) may come back an hour off.

A VTODO without X-CONTACT-JOURNAL-KIND was made by someone else: it reads as a "step" whose text
is its SUMMARY.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import icalendar
from icalendar.parser import Parameters
from icalendar.prop import vUnknown

from journal.interop.sync_cards import UNWRITABLE, ItemFormatError, x_escape, x_unescape

PRODID = "-//Contact Journal//Sync//EN"
X_PREFIX = "X-CONTACT-JOURNAL-"
X_KIND = X_PREFIX + "KIND"
X_DUE = X_PREFIX + "DUE"
X_PERSON = X_PREFIX + "PERSON"
X_CONVERSATION = X_PREFIX + "CONVERSATION"
X_INTRODUCTION = X_PREFIX + "INTRODUCTION"
X_ACKNOWLEDGED = X_PREFIX + "ACKNOWLEDGED"
X_CHANNEL = X_PREFIX + "CHANNEL"

KIND_KEYS = {
    "step": ("text", "due", "snoozed_until", "done_at", "person", "conversation", "introduction"),
    "keep": ("person", "summary", "due", "done"),
    "date": ("person", "summary", "due", "acknowledged"),
    "conversation": ("occurred_at", "channel", "summary", "notes", "participants"),
}
TODO_KINDS = ("step", "keep", "date")
DONE_STATUSES = ("COMPLETED", "CANCELLED")
URN = "urn:uuid:"


@dataclass
class CalendarFields:
    uid: str
    kind: str  # "step" | "keep" | "date" | "conversation"
    values: dict[str, str]
    changed_at: dt.datetime | None = None  # LAST-MODIFIED (or DTSTAMP), naive UTC


# --- times ----------------------------------------------------------------------------------------------------

def _local(value) -> dt.date | dt.datetime:
    """A DATE as it is; a DATE-TIME as naive local time (floating stays, TZID/UTC converted)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value.replace(tzinfo=None, microsecond=0)
    return value


def _text_of(value) -> str:
    """A date as YYYY-MM-DD, a date-time as YYYY-MM-DDTHH:MM:SS (local floating)."""
    value = _local(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value.isoformat()


def _parse_when(text: str) -> dt.date | dt.datetime | None:
    """YYYY-MM-DD as a date, YYYY-MM-DDTHH:MM[:SS] as a naive date-time; None for anything else."""
    text = (text or "").strip()
    try:
        if "T" in text:
            return dt.datetime.fromisoformat(text).replace(tzinfo=None, microsecond=0)
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _utc(value: dt.datetime) -> dt.datetime:
    """An aware UTC time for `value` (naive: local time)."""
    return value.astimezone(dt.UTC).replace(microsecond=0)


def _naive_utc(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(microsecond=0)  # LAST-MODIFIED and DTSTAMP are UTC by RFC 5545
        return value.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return None


def _as_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


# --- reading properties ---------------------------------------------------------------------------------------

def _one(comp, name: str):
    value = comp.get(name)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _when(comp, name: str):
    prop = _one(comp, name)
    if prop is None:
        return None
    value = getattr(prop, "dt", None)
    if value is None:
        value = icalendar.vDDDTypes.from_ical(prop.to_ical().decode()) if hasattr(prop, "to_ical") else None
    if not isinstance(value, (dt.date, dt.datetime)):
        raise ValueError(f"{name} is not a date or date-time")
    return value


def _str(comp, name: str) -> str:
    prop = _one(comp, name)
    return "" if prop is None else str(prop)


def _x(comp, name: str) -> str | None:
    """An X- property's text (unescaped), or None where there is none."""
    prop = _one(comp, name)
    if prop is None:
        return None
    raw = prop.to_ical() if hasattr(prop, "to_ical") else prop
    raw = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return x_unescape(raw)


def _status(comp) -> str:
    return _str(comp, "STATUS").strip().upper()


def _participants(comp) -> list[tuple[str, str]]:
    found = comp.get("ATTENDEE")
    if found is None:
        return []
    props = found if isinstance(found, list) else [found]
    out = []
    for prop in props:
        value = str(prop).strip()
        uid = value[len(URN):] if value.lower().startswith(URN) else value
        out.append((_clean_part(uid), _clean_part(str(prop.params.get("CN", "")))))
    return sorted(out)


def _clean_part(text: str) -> str:
    return re.sub(r"[\t\r\n]", " ", text)


def _rows(text: str) -> list[tuple[str, str]]:
    out = []
    for line in (text or "").split("\n"):
        if line:
            uid, _, name = line.partition("\t")
            out.append((uid, name))
    return out


# --- read -----------------------------------------------------------------------------------------------------

_BARE_ITEM = re.compile(r"^[ \t]*BEGIN:(VTODO|VJOURNAL)[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _calendar(text: str):
    """The VCALENDAR in `text`; a VTODO or VJOURNAL given without one is read inside one."""
    if isinstance(text, str) and "BEGIN:VCALENDAR" not in text.upper() and _BARE_ITEM.search(text):
        text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + text[_BARE_ITEM.search(text).start():].rstrip() + "\r\nEND:VCALENDAR\r\n"
    if not isinstance(text, str) or "BEGIN:VCALENDAR" not in text.upper():
        raise ItemFormatError("This is not a calendar item: no BEGIN:VCALENDAR was found.")
    start = text.upper().index("BEGIN:VCALENDAR")
    try:
        return icalendar.Calendar.from_ical(text[start:])
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError ... for broken text
        raise ItemFormatError(f"The calendar item cannot be read: {_one_line(exc)}") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _item(cal):
    for comp in cal.walk():
        if comp.name in ("VTODO", "VJOURNAL"):
            return comp
    return None


def read_item(text: str) -> CalendarFields:
    """The first VTODO or VJOURNAL in `text`. Lenient in what it reads (lower-case names, no
    VERSION, LF line ends, folded lines); ItemFormatError (one line) for nothing readable."""
    comp = _item(_calendar(text))
    if comp is None:
        raise ItemFormatError("The calendar item holds no VTODO or VJOURNAL.")
    try:
        return _read(comp)
    except ItemFormatError:
        raise
    except Exception as exc:
        raise ItemFormatError(f"The calendar item cannot be read: {_one_line(exc)}") from None


def _read(comp) -> CalendarFields:
    uid = _str(comp, "UID")
    if not uid.strip():
        raise ItemFormatError("The calendar item has no UID.")
    changed = _naive_utc(_when(comp, "LAST-MODIFIED") or _when(comp, "DTSTAMP"))
    if comp.name == "VJOURNAL":
        kind = "conversation"
    else:
        kind = (_x(comp, X_KIND) or "").strip().lower()
        kind = kind if kind in TODO_KINDS else "step"
    values = {key: "" for key in KIND_KEYS[kind]}
    if kind == "conversation":
        start = _when(comp, "DTSTART")
        values.update(
            occurred_at=_text_of(start) if start is not None else "",
            channel=_x(comp, X_CHANNEL) or "",
            summary=_str(comp, "SUMMARY"),
            notes=_str(comp, "DESCRIPTION"),
            participants="\n".join(f"{uid}\t{name}" for uid, name in _participants(comp)),
        )
        return CalendarFields(uid, kind, values, changed)
    due = _when(comp, "DUE")
    done = _status(comp) in DONE_STATUSES
    completed = _when(comp, "COMPLETED") if done else None
    if done and completed is None:
        completed = (changed.replace(tzinfo=dt.UTC) if changed else dt.datetime.now(dt.UTC))
    if kind == "step":
        original = _x(comp, X_DUE)
        if original is not None:
            values["due"] = original
            values["snoozed_until"] = _text_of(_local(due))[:10] if due is not None else ""
        else:
            values["due"] = _text_of(due) if due is not None else ""
        values["text"] = _str(comp, "SUMMARY")
        values["done_at"] = _text_of(_as_datetime(_local(completed))) if done else ""
        values["person"] = _x(comp, X_PERSON) or ""
        values["conversation"] = _x(comp, X_CONVERSATION) or ""
        values["introduction"] = _x(comp, X_INTRODUCTION) or ""
    else:
        values["person"] = _x(comp, X_PERSON) or ""
        values["summary"] = _str(comp, "SUMMARY")
        values["due"] = _text_of(due)[:10] if due is not None else ""
        if kind == "keep":
            values["done"] = _text_of(_local(completed))[:10] if done else ""
        elif done and due is not None:
            values["acknowledged"] = values["due"]
        else:
            values["acknowledged"] = _x(comp, X_ACKNOWLEDGED) or ""
    return CalendarFields(uid, kind, values, changed)


# --- write ----------------------------------------------------------------------------------------------------

def _drop(comp, name: str) -> None:
    while name in comp:
        del comp[name]


def _set(comp, name: str, value, same, parameters=None) -> None:
    """Set `name` to `value` (None: remove it), unless the property there already reads as `same` says."""
    existing = comp.get(name)
    if value is None:
        _drop(comp, name)
        return
    if existing is not None and not isinstance(existing, list):
        try:
            if same(existing):
                return
        except Exception:  # a value the phone wrote that cannot be read is replaced
            pass
    _drop(comp, name)
    comp.add(name, value, parameters=parameters)


def _set_text(comp, name: str, text: str) -> None:
    """A text property; a character no content line can hold (a control character, a line or
    paragraph separator) is written as a space."""
    text = UNWRITABLE.sub(" ", text)
    _set(comp, name, icalendar.vText(text) if text else None, lambda p: str(p) == text)


def _set_x(comp, name: str, text: str | None) -> None:
    """An X-CONTACT-JOURNAL-* property: None removes it; "" is written as an empty value."""
    _set(comp, name, None if text is None else vUnknown(x_escape(text)), lambda p: _x(comp, name) == text)


def _set_when(comp, name: str, text: str, *, date_only: bool = False) -> None:
    when = _parse_when(text)
    if when is not None and date_only and isinstance(when, dt.datetime):
        when = when.date()

    def same(prop) -> bool:
        value = _when(comp, name)
        shown = _text_of(value)
        return (shown[:10] if date_only else shown) == _text_of(when)

    _set(comp, name, when, same)


def _set_done(comp, completed: dt.datetime | None) -> None:
    """STATUS, COMPLETED and PERCENT-COMPLETE for done (a local time) or not done (None)."""
    status = _status(comp)
    if completed is not None:
        if status not in DONE_STATUSES:  # a task the phone cancelled stays cancelled
            _drop(comp, "STATUS")
            comp.add("STATUS", "COMPLETED")
        stamp = _utc(completed)
        _set(comp, "COMPLETED", stamp, lambda p: _naive_utc(_when(comp, "COMPLETED")) == stamp.replace(tzinfo=None))
        _set(comp, "PERCENT-COMPLETE", 100, lambda p: str(p).strip() == "100")
        return
    if status in DONE_STATUSES or not status:
        _drop(comp, "STATUS")
        comp.add("STATUS", "NEEDS-ACTION")
    _drop(comp, "COMPLETED")
    if _str(comp, "PERCENT-COMPLETE").strip() == "100":
        _drop(comp, "PERCENT-COMPLETE")


def _start_before_due(comp) -> None:
    """A VTODO's DTSTART (the phone's, not the journal's) is made the DUE where the DUE the journal
    wrote now comes before it or is of another value type, which RFC 5545 forbids."""
    if "DTSTART" not in comp or "DUE" not in comp:
        return
    try:
        start, due = _local(_when(comp, "DTSTART")), _local(_when(comp, "DUE"))
        wrong = isinstance(start, dt.datetime) != isinstance(due, dt.datetime) or start > due
    except (ValueError, TypeError):
        wrong = True
    if wrong:
        _drop(comp, "DTSTART")
        comp.add("DTSTART", due)


def _new_alarm(comp) -> None:
    due = _when(comp, "DUE")
    if due is None:
        return
    alarm = icalendar.Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", _str(comp, "SUMMARY") or "Reminder")
    offset = dt.timedelta(0) if isinstance(due, dt.datetime) else dt.timedelta(hours=9)
    alarm.add("TRIGGER", offset, parameters={"RELATED": "END"})
    comp.add_component(alarm)


def _write_step(comp, v: dict[str, str]) -> None:
    _set_text(comp, "SUMMARY", v.get("text", ""))
    due, snoozed = v.get("due", ""), v.get("snoozed_until", "")
    _set_when(comp, "DUE", snoozed or due)
    _set_x(comp, X_DUE, due if snoozed else None)
    done = _parse_when(v.get("done_at", ""))
    _set_done(comp, _as_datetime(done) if done is not None else None)
    for key, name in (("person", X_PERSON), ("conversation", X_CONVERSATION), ("introduction", X_INTRODUCTION)):
        _set_x(comp, name, v.get(key) or None)


def _write_keep_or_date(comp, kind: str, v: dict[str, str]) -> None:
    _set_x(comp, X_PERSON, v.get("person") or None)
    _set_text(comp, "SUMMARY", v.get("summary", ""))
    _set_when(comp, "DUE", v.get("due", ""), date_only=True)
    if kind == "keep":
        done = _parse_when(v.get("done", ""))
        if isinstance(done, dt.datetime):
            done = done.date()
        _set_done(comp, dt.datetime.combine(done, dt.time(12)) if done else None)
        return
    acknowledged = v.get("acknowledged", "")
    if acknowledged and acknowledged == v.get("due", ""):
        _set_x(comp, X_ACKNOWLEDGED, None)
        when = _parse_when(acknowledged)
        _set_done(comp, dt.datetime.combine(when, dt.time(12)) if isinstance(when, dt.date) else None)
    else:
        _set_x(comp, X_ACKNOWLEDGED, acknowledged or None)
        _set_done(comp, None)


def _backslashed(text: str) -> str:
    """A parameter value as icalendar reads it back: it takes `\\,` `\\;` `\\\\` for escapes."""
    return text.replace("\\", "\\\\")


class _QuotedParameters(Parameters):
    """Parameters with CN, and any value holding a backslash, in double quotes (and backslashes
    doubled): icalendar leaves a name like `a\\` bare, and reads a backslash back as an escape."""

    @property
    def always_quoted(self) -> tuple[str, ...]:
        backslashed = tuple(key.upper() for key, value in self.items() if "\\" in str(value))
        return (*Parameters.always_quoted, "CN", *backslashed)


def _quote_backslashes(cal) -> None:
    """Parameters holding a backslash (kept from the server's copy too) are written quoted."""
    for comp in cal.walk():
        for value in comp.values():
            for prop in value if isinstance(value, list) else [value]:
                params = getattr(prop, "params", None)
                if params and not isinstance(params, _QuotedParameters) and any(
                        "\\" in str(v) for v in params.values()):
                    prop.params = _QuotedParameters(
                        {key: _backslashed(v) if isinstance(v, str) else v for key, v in params.items()})


def _write_conversation(comp, v: dict[str, str]) -> None:
    _set_when(comp, "DTSTART", v.get("occurred_at", ""))
    _set_text(comp, "SUMMARY", v.get("summary", ""))
    _set_text(comp, "DESCRIPTION", v.get("notes", ""))
    _set_x(comp, X_CHANNEL, v.get("channel") or None)
    wanted = sorted((_clean_part(uid), _clean_part(name)) for uid, name in _rows(v.get("participants", "")))
    if _participants(comp) != wanted:
        _drop(comp, "ATTENDEE")
        for uid, name in wanted:
            attendee = icalendar.vCalAddress(URN + uid)
            if name:
                attendee.params = _QuotedParameters({"CN": _backslashed(UNWRITABLE.sub(" ", name))})
            comp.add("ATTENDEE", attendee)


def write_item(item: CalendarFields, server_text: str | None = None, *, now: dt.datetime) -> str:
    """The calendar object for `item`: the server's copy patched in place when given (only the
    journal's properties change), else a new one with a VALARM for a VTODO with a DUE.
    `now` becomes DTSTAMP and LAST-MODIFIED: naive means UTC, as changed_at reads it back."""
    if item.kind not in KIND_KEYS:
        raise ValueError(f"unknown calendar item kind {item.kind!r}")
    name = "VJOURNAL" if item.kind == "conversation" else "VTODO"
    cal = comp = None
    if server_text:
        cal = _calendar(server_text)
        comp = _item(cal)
        if comp is not None and comp.name != name:
            cal = comp = None
    new = comp is None
    if cal is None:
        cal = icalendar.Calendar()
        cal.add("PRODID", PRODID)
        cal.add("VERSION", "2.0")
    if comp is None:
        comp = icalendar.Journal() if name == "VJOURNAL" else icalendar.Todo()
        cal.add_component(comp)
    _set_text(comp, "UID", item.uid)
    if "VERSION" not in cal:
        cal.add("VERSION", "2.0")
    if "PRODID" not in cal:
        cal.add("PRODID", PRODID)
    stamp = (now.replace(tzinfo=dt.UTC) if now.tzinfo is None else now.astimezone(dt.UTC)).replace(microsecond=0)
    _set(comp, "DTSTAMP", stamp, lambda p: False)
    _set(comp, "LAST-MODIFIED", stamp, lambda p: False)
    if item.kind != "conversation":
        _set_x(comp, X_KIND, item.kind)
    if item.kind == "step":
        _write_step(comp, item.values)
    elif item.kind == "conversation":
        _write_conversation(comp, item.values)
    else:
        _write_keep_or_date(comp, item.kind, item.values)
    if name == "VTODO":
        _start_before_due(comp)
    if new and name == "VTODO":
        _new_alarm(comp)
    _quote_backslashes(cal)
    text = cal.to_ical(sorted=False).decode("utf-8")
    return text
