"""vCard 2.1 (Outlook), 3.0 and 4.0 in (vobject parses each card); vCard 3.0 out (vcard_write).

Cards are cut out of the file here first, one at a time, so a broken card is rejected with its
line number and the others still come in; quoted-printable soft line breaks (Outlook's 2.1) are
joined before vobject sees them, and binary properties (a PHOTO's base64) are left out of what
vobject sees: the journal keeps no photos yet, and vobject would hold each of their lines as
objects costing far more than the line.
"""

from __future__ import annotations

import datetime as dt
import re

import vobject

from journal.interop.records import (
    ContactRecord,
    ImportFormatError,
    ParseResult,
    Rejected,
    clean,
    decode,
)
from journal.interop.vcard_write import CONNECTED_ON, person_to_card, write  # noqa: F401  (the writer)

SKIP_TYPES = {"INTERNET", "PREF", "X400", "VOICE", "UTF-8", "QUOTED-PRINTABLE", "BASE64"}


# Properties whose values are binary data (base64 in the file). The journal keeps none of them
# yet, and vobject turns each of their lines into objects costing over a hundred times the
# line's size, so they are cut out of the card before vobject sees it.
BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})

# One line as str.splitlines() cuts them (the same line breaks), matched one at a time so a big
# file is never held as a list of its lines.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(f"([^{_BREAKS}]*)(?:\r\n|[{_BREAKS}])?")
_PROPERTY_NAME = re.compile(r"[ \t]*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[ \t]*(?:[;:]|$)")


def _lines(text: str):
    """The lines of `text`, one at a time, exactly as `text.splitlines()` would give them."""
    pos, end = 0, len(text)
    while pos < end:
        match = _LINE.match(text, pos)
        yield match.group(1)
        pos = match.end()


def _is_binary(line: str) -> bool:
    """True for the first line of a PHOTO, LOGO, SOUND or KEY property (with or without a group)."""
    if line[:1] in (" ", "\t"):
        return False
    match = _PROPERTY_NAME.match(line, 0, 200)
    return bool(match) and match.group(1).upper() in BINARY_PROPERTIES


def split_cards(text: str):
    """(start line, card text, reason) for each BEGIN:VCARD block, one card at a time.

    Binary properties (BINARY_PROPERTIES, with their folded continuation lines) are left out of
    the card text, so no more than one card's other lines is held at once. A file that ends
    inside a card raises ImportFormatError once the cards before it have been given."""
    lines = _lines(text)
    start = None
    body: list[str] = []
    depth = 0
    number = 0  # the 1-based number of `line` in the file
    line = next(lines, None)
    while line is not None:
        number += 1
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if depth == 0:
                start, body = number, []
            depth += 1
        if depth and _is_binary(line):
            line = next(lines, None)
            while line is not None and line[:1] in (" ", "\t"):  # its folded continuation lines
                number += 1
                line = next(lines, None)
            continue
        if depth:
            if _is_soft_broken(line):
                while line.endswith("="):
                    following = next(lines, None)
                    if following is None:
                        break
                    number += 1
                    line = line[:-1] + following
            body.append(line)
        if upper == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                yield start, "\r\n".join(body) + "\r\n", ""
                body = []
        line = next(lines, None)
    if depth:
        raise ImportFormatError(
            f"The file ends inside the card that starts on line {start}: it looks cut off. Nothing was imported."
        )


def _is_soft_broken(line: str) -> bool:
    if not line.endswith("=") or line[:1] in (" ", "\t"):
        return False
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _label(prop, group_labels: dict[str, str]) -> str:
    if prop.group and prop.group.upper() in group_labels:
        return group_labels[prop.group.upper()]
    types = []
    for value in prop.params.get("TYPE", []) + list(getattr(prop, "singletonparams", [])):
        for part in str(value).split(","):
            part = part.strip()
            if part and part.upper() not in SKIP_TYPES:
                types.append(part.lower())
    return ", ".join(dict.fromkeys(types))


def _apple_label(text: str) -> str:
    text = text.strip()
    if text.startswith("_$!<") and text.endswith(">!$_"):
        text = text[4:-4]
    return text


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value if v)
    if isinstance(value, bytes):
        return ""
    return str(value or "")


def card_to_record(card, line: int) -> ContactRecord | Rejected:
    group_labels: dict[str, str] = {}
    for prop in card.getChildren():
        if prop.group and prop.name.upper() == "X-ABLABEL":
            group_labels[prop.group.upper()] = _apple_label(_text(prop.value))
    record = ContactRecord(line=line, name="")
    given_family = ""
    for prop in card.getChildren():
        if not isinstance(prop, vobject.base.ContentLine):
            continue  # a component nested in the card (BEGIN:VCARD inside a card) has no value
        name = prop.name.upper()
        value = prop.value
        if name == "FN":
            record.name = record.name or clean(_text(value))
        elif name == "N" and hasattr(value, "given"):
            given_family = clean(" ".join(_text(getattr(value, part)) for part in ("prefix", "given", "additional", "family", "suffix")))
        elif name == "EMAIL" and clean(_text(value)):
            record.emails.append((clean(_text(value)), _label(prop, group_labels)))
        elif name == "TEL" and clean(_text(value)):
            number = clean(_text(value))
            record.phones.append((number[4:] if number.lower().startswith("tel:") else number, _label(prop, group_labels)))
        elif name in ("URL", "X-SOCIALPROFILE"):
            url = clean(_text(value))
            is_linkedin = "linkedin.com" in url.casefold() or "linkedin" in str(prop.params.get("TYPE", "")).casefold()
            if is_linkedin and not record.linkedin:
                record.linkedin = url
            elif not is_linkedin and name == "URL" and not record.website:
                record.website = url
        elif name == "ORG":
            parts = value if isinstance(value, list) else [value]
            record.organisation = record.organisation or clean(_text(parts[0] if parts else ""))
        elif name == "TITLE":
            record.role = record.role or clean(_text(value))
        elif name == "ADR" and not record.location and hasattr(value, "city"):
            parts = [clean(_text(getattr(value, attr))) for attr in ("city", "region", "country")]
            record.location = ", ".join(p for p in parts if p)
        elif name == "NOTE":
            note = _text(value).replace("\r\n", "\n").replace("\r", "\n").strip()
            record.notes = f"{record.notes}\n{note}".strip() if record.notes else note
        elif name == "CATEGORIES":
            items = value if isinstance(value, list) else str(value).split(",")
            record.tags.extend(clean(str(t)) for t in items if clean(str(t)))
        elif name == "UID":
            record.uid = clean(_text(value))
        elif name == CONNECTED_ON:
            try:
                record.connected_on = dt.date.fromisoformat(clean(_text(value)))
            except ValueError:
                pass
    record.name = record.name or given_family or record.organisation or (record.emails[0][0] if record.emails else "")
    if not record.name:
        return Rejected(line, "the card has no name (FN or N), organisation or e-mail")
    return record


def parse(data: bytes) -> ParseResult:
    text = decode(data, "vCard")
    result = ParseResult("vcard")
    found = False
    for line, body, _reason in split_cards(text):
        found = True
        try:
            card = vobject.readOne(body, ignoreUnreadable=False)
        except Exception as exc:  # vobject raises many kinds of errors for a broken card
            message = re.sub(r"^At line \d+: ", "", str(exc)).strip() or type(exc).__name__
            result.rejected.append(Rejected(line, f"the card cannot be read: {message[:120]}"))
            continue
        if card.name.upper() != "VCARD":
            result.rejected.append(Rejected(line, "not a vCard"))
            continue
        outcome = card_to_record(card, line)
        if isinstance(outcome, Rejected):
            result.rejected.append(outcome)
        else:
            result.records.append(outcome)
    if not found:
        raise ImportFormatError("This is not a vCard file: no BEGIN:VCARD ... END:VCARD card was found.")
    return result
