"""A person as a vCard on a CardDAV server, and back: the field dict the sync compares.

read_card turns one card (written by the journal, a phone, Nextcloud or Thunderbird) into a
CardFields: the person's fields as the contract's dict of strings, the photo beside it and the
card's REV. write_card writes one vCard 3.0 (CRLF, folded at 75 octets) holding every value and,
when given the server's current copy, keeps every line of it the journal does not model verbatim.

How the fields travel:
- what vCard has a property for goes in that property, as the vCard export writes it
  (journal.interop.vcard_write.person_to_card), so phones show it; NOTE holds the notes only;
- the journal's own fields go in X-CONTACT-JOURNAL-* properties (HOW-MET, CADENCE-DAYS,
  CADENCE-SET-ON, KEEP-SNOOZED-UNTIL, PLACEHOLDER, ARCHIVED, CONNECTED-ON), each introduction
  that targets the person in one `X-CONTACT-JOURNAL-INTRODUCTION;X-ID=<uid>:<value>` line;
- where the standard reading of a property cannot give a value back exactly (a location that is
  not an address's town, profiles in an order the reader would change, a LinkedIn address without
  its scheme ...) the exact value is written once more in an
  `X-CONTACT-JOURNAL-EXACT;X-KEY=<key>;X-SEEN=<digest>` line, where the digest is that of the value
  the standard reading gives. It is believed only while the card still reads as it did: once a
  phone has edited that property, the phone's value wins;
- REV is written from changed_at (the time the journal's copy last changed, as naive UTC), and the
  server's own REV is replaced by it; a card's REV is read back into changed_at. It is what a
  conflict between two journals is decided by. PRODID is the server's where it had one, the journal's otherwise.

The values of X-CONTACT-JOURNAL-* lines are escaped as vCard text (backslash, newline, comma,
semicolon) and any other control or line-breaking character as `\\uXXXX`, so an introduction's
opaque value comes back byte for byte.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from journal.domain import dates
from journal.errors import JournalError
from journal.interop import vcard
from journal.interop.records import AddressRecord, DateRecord, ImportFormatError, PersonOut
from journal.interop.vcard_fields import CONTENT_LINE
from journal.interop.vcard_write import person_to_card

PERSON_KEYS = (
    "name", "nickname", "organisation", "role", "linkedin", "website", "location", "notes", "how_met",
    "connected_on", "cadence_days", "cadence_set_on", "keep_snoozed_until", "placeholder", "archived",
    "emails", "phones", "tags", "dates", "addresses", "profiles", "relations", "other_jobs", "photo",
)
INTRO_PREFIX = "intro:"
PRODID = "PRODID:-//Contact Journal//Sync//EN"

X_PREFIX = "X-CONTACT-JOURNAL-"
# The journal's own fields, one X- property each: key -> property name.
X_FIELDS = {
    "how_met": X_PREFIX + "HOW-MET",
    "cadence_days": X_PREFIX + "CADENCE-DAYS",
    "cadence_set_on": X_PREFIX + "CADENCE-SET-ON",
    "keep_snoozed_until": X_PREFIX + "KEEP-SNOOZED-UNTIL",
    "placeholder": X_PREFIX + "PLACEHOLDER",
    "archived": X_PREFIX + "ARCHIVED",
}
X_INTRODUCTION = X_PREFIX + "INTRODUCTION"
X_EXACT = X_PREFIX + "EXACT"
# On every card the journal writes: a card read back without it went through a client that keeps
# no property it does not know, so its journal-only fields were dropped, not cleared.
X_MARK = X_PREFIX + "SYNC"
MARK_LINE = f"{X_MARK}:1"
MODELLED_X = frozenset({*X_FIELDS.values(), X_INTRODUCTION, X_EXACT, X_MARK})
# Keys whose standard reading may differ from the value written; X-CONTACT-JOURNAL-EXACT keeps them.
STANDARD_KEYS = tuple(k for k in PERSON_KEYS if k not in X_FIELDS and k != "photo")


class ItemFormatError(JournalError):
    """A card or calendar item from the server cannot be read; one line fit to show as is."""


@dataclass
class CardFields:
    uid: str
    values: dict[str, str]  # PERSON_KEYS and "intro:<uid>" keys
    photo: tuple[str, str] | None = None  # (mime, base64 text); values["photo"] is "mime\t" + sha1(base64 text)
    changed_at: dt.datetime | None = None  # the card's REV, as naive UTC, where it has one


# --- values as strings ---------------------------------------------------------------------------------------

def _part(text: str) -> str:
    """One part of a list line: tabs and line breaks inside it become spaces."""
    return re.sub(r"[\t\r\n]", " ", text)


def _lines(rows) -> str:
    return "\n".join("\t".join(_part(p) for p in row) for row in rows)


def _rows(text: str, width: int) -> list[tuple[str, ...]]:
    """The lines of a list value, each cut into `width` parts (missing parts are "")."""
    out = []
    for line in (text or "").split("\n"):
        if not line:
            continue
        parts = line.split("\t")
        parts = parts[: width - 1] + ["\t".join(parts[width - 1:])] if len(parts) > width else parts
        out.append(tuple(parts + [""] * (width - len(parts))))
    return out


def photo_value(photo: tuple[str, str] | None) -> str:
    """values["photo"] for a photo: "mime\\t" + the sha1 of its base64 text, or ""."""
    if not photo:
        return ""
    mime, data = photo
    return f"{_part(mime)}\t{hashlib.sha1(data.encode('ascii', 'replace')).hexdigest()}"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --- X-CONTACT-JOURNAL-* values -------------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_X_ESCAPED = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)", re.DOTALL)


def x_escape(text: str) -> str:
    """Text for an X-CONTACT-JOURNAL-* value: vCard's escapes, and `\\uXXXX` for control and line
    breaking characters and for white space at either end (which some readers strip)."""
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")
    text = _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    body = text.strip()
    if body == text:
        return text
    start = text.index(body) if body else len(text)
    code = "".join(f"\\u{ord(ch):04x}" for ch in text[:start])
    return code + body + "".join(f"\\u{ord(ch):04x}" for ch in text[start + len(body):])


def _x_unescape_one(match: re.Match) -> str:
    code = match.group(1)
    if len(code) == 5:
        return chr(int(code[1:], 16))
    return "\n" if code in "nN" else code


def x_unescape(text: str) -> str:
    return _X_ESCAPED.sub(_x_unescape_one, text) if "\\" in text else text


def _param_value(text: str) -> str:
    text = _CONTROL.sub(" ", text.replace('"', "'").replace("\n", " "))
    return f'"{text}"' if any(ch in text for ch in ":;, ") or not text else text


_PARAM = re.compile(r';[ \t]*([A-Za-z0-9-]+)[ \t]*=[ \t]*("[^"]*"|[^;:]*)')


def _params(text: str) -> dict[str, str]:
    return {m.group(1).upper(): m.group(2).strip('"') for m in _PARAM.finditer(text)}


# --- raw lines (UID, REV, PRODID: the reader does not keep them as written) ----------------------------------

def _first_card_lines(text: str) -> list[str]:
    """The unfolded content lines of the first BEGIN:VCARD ... END:VCARD in `text`."""
    out: list[str] = []
    inside = False
    for line in re.split(r"\r\n|\r|\n", text):
        if not inside:
            if line.strip().upper() == "BEGIN:VCARD":
                inside = True
            continue
        if line[:1] in (" ", "\t") and out:
            out[-1] += line[1:]
            continue
        if not line.strip():
            continue
        if line.strip().upper() == "END:VCARD":
            break
        out.append(line)
    return out


def _name_value(line: str) -> tuple[str, str, str] | None:
    """(upper-cased name without group, parameters, value) of a content line, or None."""
    match = CONTENT_LINE.fullmatch(line)
    if match is None:
        return None
    return match.group(2).upper(), match.group(3), match.group(4)


def _rev(value: str) -> dt.datetime | None:
    """A REV as naive UTC: 2024-01-02T03:04:05Z, 20240102T030405Z, with an offset, or a date."""
    value = value.strip()
    if value.lower().startswith("timestamp:"):
        value = value[10:]
    match = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?"
                         r"(Z|[+-]\d{2}(?::?\d{2})?)?)?", value, re.IGNORECASE)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        when = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if zone and zone.upper() != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        when -= sign * offset
    return when


# --- reading --------------------------------------------------------------------------------------------------

def _record_values(record) -> dict[str, str]:
    """The PERSON_KEYS values a record from journal.interop.vcard holds (the standard reading)."""
    return {
        "name": record.name,
        "nickname": record.nickname,
        "organisation": record.organisation,
        "role": record.role,
        "linkedin": record.linkedin,
        "website": record.website,
        "location": record.location,
        "notes": record.notes,
        "connected_on": record.connected_on.isoformat() if record.connected_on else "",
        "emails": _lines(record.emails),
        "phones": _lines(record.phones),
        "tags": "\n".join(sorted((_part(t) for t in record.tags), key=lambda t: (t.casefold(), t))),
        "dates": "\n".join(sorted(_lines([(d.kind, d.label, d.date.text())]) for d in record.dates)),
        "addresses": _lines((a.label, *a.parts()) for a in record.addresses),
        "profiles": _lines(record.profiles),
        "relations": _lines(record.relations),
        "other_jobs": _lines(record.other_jobs),
        "photo": photo_value(record.photo),
    }


def _parse(text: str):
    """(the first card's record from journal.interop.vcard, its raw unfolded lines)."""
    if not isinstance(text, str):
        raise ItemFormatError("The card is not text.")
    try:
        result = vcard.parse(text)
    except ImportFormatError as exc:
        raise ItemFormatError(f"The card cannot be read: {' '.join(str(exc).split())}") from None
    raw = _first_card_lines(text)
    if result.records:
        return result.records[0], raw
    reason = result.rejected[0].reason if result.rejected else "no card"
    if "has no name" in reason:
        # A card with no name, organisation or e-mail (a phone number only): read it with a name to
        # be given, the number's when it has one.
        patched = re.sub(r"(?i)(BEGIN:VCARD[ \t]*)(\r\n|\r|\n)", r"\1\2FN:-\2", text, count=1)
        result = vcard.parse(patched)
        if result.records:
            record = result.records[0]
            record.name = record.phones[0][0] if record.phones else ""
            return record, raw
    raise ItemFormatError(f"The card cannot be read: {' '.join(reason.split())}")


def _uid(raw: list[str]) -> str:
    for line in raw:
        parts = _name_value(line)
        if parts and parts[0] == "UID":
            return x_unescape(parts[2]) if "\\" in parts[2] else parts[2]
    return ""


def kept_journal_fields(text: str) -> bool:
    """Whether a card still carries the mark the journal writes on every card (see X_MARK)."""
    return any(line.upper().startswith(X_MARK + ":") for line in text.replace("\r\n", "\n").split("\n"))


def read_card(text: str) -> CardFields:
    """The first card in `text` as CardFields. Lenient: lower-case names, no VERSION, LF line
    ends, folded lines, 2.1 to 4.0. Raises ItemFormatError (one line) when there is no card or it
    has no UID."""
    record, raw = _parse(text)
    uid = _uid(raw)
    if not uid.strip():
        raise ItemFormatError("The card has no UID.")
    values = {key: "" for key in PERSON_KEYS}
    values.update(_record_values(record))
    exact: dict[str, tuple[str, str]] = {}
    for line in record.extra_lines:
        parts = _name_value(line)
        if parts is None or parts[0] not in MODELLED_X:
            continue
        name, params, value = parts
        if name == X_INTRODUCTION:
            intro = _params(params).get("X-ID", "")
            if intro:
                values[INTRO_PREFIX + intro] = x_unescape(value)
        elif name == X_MARK:
            continue
        elif name == X_EXACT:
            found = _params(params)
            if found.get("X-KEY") in STANDARD_KEYS:
                exact[found["X-KEY"]] = (found.get("X-SEEN", ""), x_unescape(value))
        else:
            key = next(k for k, v in X_FIELDS.items() if v == name)
            values[key] = x_unescape(value)
    for key, (seen, value) in exact.items():
        if seen == _digest(values[key]):
            values[key] = value
    changed_at = None
    for line in raw:
        parts = _name_value(line)
        if parts and parts[0] == "REV":
            changed_at = _rev(parts[2])
            break
    return CardFields(uid=uid, values=values, photo=record.photo, changed_at=changed_at)


# --- writing --------------------------------------------------------------------------------------------------

def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _dates(text: str) -> list[DateRecord]:
    out = []
    for kind, label, when in _rows(text, 3):
        try:
            out.append(DateRecord(kind or "custom", dates.parse(when), label))
        except dates.DateValueError:
            continue  # kept exactly by X-CONTACT-JOURNAL-EXACT
    return out


UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


def _person(card: CardFields, photo: tuple[str, str] | None, extra_lines: list[str]) -> PersonOut:
    """The person for vcard_write. A character no content line can hold (a control character, a
    line or paragraph separator) is written as a space; X-CONTACT-JOURNAL-EXACT keeps the value."""
    v = {key: UNWRITABLE.sub(" ", value) for key, value in card.values.items()}
    return PersonOut(
        uid=card.uid,
        name=v.get("name", ""),
        organisation=v.get("organisation", ""),
        role=v.get("role", ""),
        emails=[(value, label) for value, label in _rows(v.get("emails", ""), 2)],
        phones=[(value, label) for value, label in _rows(v.get("phones", ""), 2)],
        linkedin=v.get("linkedin", ""),
        website=v.get("website", ""),
        location=v.get("location", ""),
        notes=v.get("notes", ""),
        tags=[t for (t,) in _rows(v.get("tags", ""), 1)],
        connected_on=_date(v.get("connected_on", "")),
        nickname=v.get("nickname", ""),
        dates=_dates(v.get("dates", "")),
        addresses=[AddressRecord(*row) for row in _rows(v.get("addresses", ""), 8)],
        profiles=[(s, value) for s, value in _rows(v.get("profiles", ""), 2)],
        relations=[(k, name) for k, name in _rows(v.get("relations", ""), 2)],
        other_jobs=[(o, r) for o, r in _rows(v.get("other_jobs", ""), 2)],
        photo=photo,
        extra_lines=extra_lines,
        updated_at=card.changed_at.replace(microsecond=0) if card.changed_at else None,
    )


def _server_photo(text: str | None) -> tuple[str, str] | None:
    if not text:
        return None
    try:
        record, _raw = _parse(text)
    except ItemFormatError:
        return None
    return record.photo


def _kept_lines(server_text: str) -> tuple[list[str], list[str]]:
    """(the server card's lines the journal does not model, verbatim; its PRODID lines)."""
    record, raw = _parse(server_text)
    kept = []
    for line in record.extra_lines:
        parts = _name_value(line)
        if parts is not None and parts[0] in MODELLED_X:
            continue
        kept.append(line)
    prodid = [line for line in raw if (parts := _name_value(line)) and parts[0] == "PRODID"]
    return kept, prodid[:1]


def _photo_to_write(card: CardFields, server_text: str | None) -> tuple[str, str] | None:
    wanted = card.values.get("photo", "")
    if not wanted:
        return None
    if card.photo:
        return card.photo
    server = _server_photo(server_text)
    if server and photo_value(server).split("\t")[-1] == wanted.split("\t")[-1]:
        return server
    raise ValueError("values['photo'] names a photo but CardFields.photo carries no data for it")


def write_card(card: CardFields, server_text: str | None = None) -> str:
    """One vCard 3.0 (CRLF, folded) holding every value of `card`; every line of `server_text`
    (the server's copy) the journal does not model is kept verbatim, after the journal's own.
    The server's UID is replaced by card.uid (read_card gives the server's exactly).

    The photo is written where values["photo"] names one: card.photo's data, else the server's
    photo when it is the one named (so an unchanged photo need not travel); values["photo"] naming
    a photo neither carries raises ValueError. values["photo"] == "" writes no photo."""
    kept, prodid = _kept_lines(server_text) if server_text else ([], [])
    values = card.values
    own = [MARK_LINE] + [f"{X_FIELDS[key]}:{x_escape(values[key])}" for key in X_FIELDS if values.get(key)]
    own += [
        f"{X_INTRODUCTION};X-ID={_param_value(key[len(INTRO_PREFIX):])}:{x_escape(value)}"
        for key, value in sorted(values.items()) if key.startswith(INTRO_PREFIX) and value
    ]
    photo = _photo_to_write(card, server_text)
    head = prodid or [PRODID]
    first = person_to_card(_person(card, photo, head + own + kept))
    record, _raw = _parse(first)
    standard = _record_values(record)
    exact = [
        f"{X_EXACT};X-KEY={key};X-SEEN={_digest(standard[key])}:{x_escape(values.get(key, ''))}"
        for key in STANDARD_KEYS if values.get(key, "") != standard[key]
    ]
    if not exact:
        return first
    return person_to_card(_person(card, photo, head + own + exact + kept))

