"""vCard 2.1 (Outlook), 3.0 and 4.0 in (vobject parses each card); vCard 3.0 out (vcard_write).

Cards are cut out of the file here first, so a broken card is rejected with its line number and
the others still come in; quoted-printable soft line breaks (Outlook's 2.1) are joined before
vobject sees them.
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


def split_cards(text: str) -> list[tuple[int, str | None, str]]:
    """(start line, card text or None when it is cut off, reason) for each BEGIN:VCARD block."""
    lines = text.splitlines()
    cards: list[tuple[int, str | None, str]] = []
    start = None
    body: list[str] = []
    depth = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if depth == 0:
                start, body = i + 1, []
            depth += 1
        if depth:
            if _is_soft_broken(line):
                while line.endswith("=") and i + 1 < len(lines):
                    i += 1
                    line = line[:-1] + lines[i]
            body.append(line)
        if upper == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                cards.append((start, "\r\n".join(body) + "\r\n", ""))
        i += 1
    if depth:
        raise ImportFormatError(
            f"The file ends inside the card that starts on line {start}: it looks cut off. Nothing was imported."
        )
    return cards


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
    cards = split_cards(text)
    if not cards:
        raise ImportFormatError("This is not a vCard file: no BEGIN:VCARD ... END:VCARD card was found.")
    result = ParseResult("vcard")
    for line, body, _reason in cards:
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
    return result
