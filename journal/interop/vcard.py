"""vCard 2.1 (Outlook), 3.0 and 4.0 in (vobject parses each card); vCard 3.0 out (vcard_write).

Cards are cut out of the file here first, one at a time, so a broken card is rejected with its
line number and the others still come in. Each card's lines are unfolded and read here before
vobject sees them:

- a line that cannot be read (a `#` comment, a property name such as `X-messaging/gadu-All`, a
  value that is not its declared charset) is left out and listed in the result's dropped_lines
  with its file line number and reason; the card comes in with its other fields. So is a line
  with no colon at all (likely a fold that lost its indent), with a warning that the value before
  it may be cut short;
- quoted-printable values (soft line breaks joined) and CHARSET parameters (Shift-JIS,
  Windows-125x, ISO-8859-n ...) are decoded; an undeclared non-UTF-8 value, quoted-printable or
  raw bytes, is read in the charset the card's other lines declare, else as Windows-1252, and
  noted among the dropped lines as read with a guess;
- in vCard 2.1 commas are literal and `\\:` is a colon, so values are re-escaped as 3.0;
- a card nested in another (a 2.1 AGENT) or written inside an AGENT value (3.0) is a card of
  its own;
- binary properties (PHOTO, LOGO, SOUND, KEY) never reach vobject, which would hold each of
  their lines as objects costing far more than the line: the first inline PHOTO (2.1 BASE64, 3.0
  ENCODING=b, a 4.0 data: URI) becomes the record's photo, read here; the others, and a PHOTO
  that is a URL, are kept verbatim. A base64 value that cannot be decoded is listed among the
  dropped lines;
- every line is either modelled (vcard_fields says which: read through vobject or by hand) or
  kept verbatim, unfolded, in the record's extra_lines in file order, for the writer to give
  back (a kept line's quoted-printable stays as it is; one whose bytes had to be decoded from
  its CHARSET is kept decoded). Only the lines vobject reads are given to it. REV and PRODID
  describe the file, not the person, and are not kept; nor is the empty AGENT line that opens
  a nested card. A date that cannot be read costs its line, listed among the dropped lines.
  An ORG with departments ("Acme;Engineering") models the organisation and keeps the whole line
  too, which the writer puts in place of its own ORG while the person is still at Acme.
"""

from __future__ import annotations

import binascii
import datetime as dt
import re
from dataclasses import dataclass, field

import vobject

from journal.interop.records import (
    AddressRecord,
    ContactRecord,
    ImportFormatError,
    ParseResult,
    Rejected,
    clean,
)
from journal.interop.text_decoding import decode_file, decode_value, has_undecoded, known_charset, raw_bytes
from journal.interop.vcard_fields import (
    CONTENT_LINE,
    FILE_PROPERTIES,
    HAND_READ,
    LABELLED,
    MODELLED_BY_VOBJECT,
    HandLine,
    apple_label,
    name_of,
    params_of,
    photo_mime,
    read_hand_lines,
    same_linkedin,
    unescape,
)
from journal.interop.vcard_write import CONNECTED_ON, escape, org_of_line, person_to_card, write  # noqa: F401  (the writer)

SKIP_TYPES = {"INTERNET", "PREF", "X400", "VOICE", "UTF-8", "QUOTED-PRINTABLE", "BASE64"}


# Properties whose values are binary data (base64 in the file). vobject turns each of their lines
# into objects costing over a hundred times the line's size, so they are cut out of the card
# before vobject sees it: the photo is read here, the others are kept verbatim.
BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})

# One line as str.splitlines() cuts them (the same line breaks, but CR CR LF, as iOS ends its
# photo lines, is one break), matched one at a time so a big file is never held as a list.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(f"([^{_BREAKS}]*)(?:\r+\n|[{_BREAKS}])?")
_PROPERTY_NAME = re.compile(r"[ \t]*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[ \t]*(?:[;:]|$)")
_CONTENT_LINE = CONTENT_LINE
_PARAM = re.compile(r';((?:"[^"]*"|[^";:])*)')
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
_ESCAPE_21 = re.compile(r"\\(.)|\\$|,|\r\n|\n|\r", re.DOTALL)
_CHARSET = re.compile(r';[ \t]*CHARSET=([^;:]+)', re.IGNORECASE)
TEXT_LIST_PROPERTIES = frozenset({"CATEGORIES", "NICKNAME"})


def _lines(text: str):
    """The lines of `text`, one at a time."""
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


def _is_base64(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "ENCODING=B" in head or "BASE64" in head


@dataclass
class RawCard:
    """One BEGIN:VCARD block: its unfolded content lines with their file line numbers."""

    start: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    dropped: list[Rejected] = field(default_factory=list)
    agents: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of AGENT cards in values
    photo: tuple[str, str] | None = None  # (mime type, base64 without white space)
    extras: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of lines kept verbatim
    hand: list[HandLine] = field(default_factory=list)  # the modelled lines read by hand (vcard_fields)

    def take_binary(self, at: int, first: str, rest: list[str]) -> None:
        """A binary property's lines (`first` and its continuation lines): the card's photo, a
        line kept verbatim, or a base64 value that cannot be decoded, listed as dropped."""
        match = _PROPERTY_NAME.match(first, 0, 200)
        name = match.group(1).upper() if match else "PHOTO"
        head, _, value = first.partition(":")
        data_uri = value[:5].lower() == "data:" and ";base64," in value[:200].lower()
        if not (data_uri or _is_base64(first)):
            self._keep(at, first, rest)  # a URL (VALUE=uri), a value of some other kind
            return
        mime = ""
        if data_uri:
            prefix, _, value = value.partition(",")
            mime = prefix[5:].split(";", 1)[0].strip().lower()
        payload = "".join((value + "".join(rest)).split())
        if len(payload) % 4 or _BASE64.fullmatch(payload) is None:
            what = "photo" if name == "PHOTO" else name
            self.dropped.append(Rejected(at, f"the {what}'s base64 data cannot be decoded; the {what} is left out"))
        elif name == "PHOTO" and self.photo is None and payload:
            self.photo = (mime if "/" in mime else photo_mime(head, payload), payload)
        else:
            self._keep(at, first, rest)

    def _keep(self, at: int, first: str, rest: list[str]) -> None:
        line = first + "".join(part[1:] for part in rest)
        if has_undecoded(line):
            self.dropped.append(Rejected(at, "line dropped: it is not UTF-8 and a binary value declares no CHARSET"))
        else:
            self.extras.append((at, line))


def split_cards(text: str):
    """Each BEGIN:VCARD block as a RawCard, one card at a time; a card nested in another (a
    vCard 2.1 AGENT) is given as a card of its own.

    Folded lines are unfolded and quoted-printable soft line breaks joined. Binary properties
    (BINARY_PROPERTIES, with their continuation lines) are taken out of the lines, as the card's
    photo or a line kept verbatim (RawCard.take_binary); a base64 value that cannot be decoded
    is reported. A file that
    ends inside a card raises ImportFormatError once the cards before it have been given."""
    lines = _lines(text)
    stack: list[RawCard] = []
    number = 0  # the 1-based number of `line` in the file
    line = next(lines, None)
    while line is not None:
        number += 1
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            stack.append(RawCard(number))
            stack[-1].lines.append((number, "BEGIN:VCARD"))
            line = next(lines, None)
            continue
        if not stack:
            line = next(lines, None)
            continue
        card = stack[-1]
        if _is_binary(line):
            first, at, rest = line, number, []
            line = next(lines, None)
            while line is not None and (line[:1] in (" ", "\t") or not line.strip()):  # continuation lines
                number += 1
                if line.strip():
                    rest.append(line)
                line = next(lines, None)
            card.take_binary(at, first, rest)
            continue
        if not line.strip(" \t"):  # blank in vCard terms: a no-break space is content
            line = next(lines, None)
            continue
        if line[:1] in (" ", "\t") and len(card.lines) > 1:
            at, previous = card.lines[-1]
            card.lines[-1] = (at, previous + line[1:])
            line = next(lines, None)
            continue
        at = number
        if _is_soft_broken(line):
            while line.endswith("="):
                following = next(lines, None)
                if following is None:
                    break
                number += 1
                line = line[:-1] + following
        card.lines.append((at, line))
        if upper == "END:VCARD":
            stack.pop()
            yield card
        line = next(lines, None)
    if stack:
        raise ImportFormatError(
            f"The file ends inside the card that starts on line {stack[0].start}: it looks cut off. Nothing was imported."
        )


def _is_soft_broken(line: str) -> bool:
    if not line.endswith("=") or line[:1] in (" ", "\t"):
        return False
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _escape_21(value: str, name: str) -> str:
    """A vCard 2.1 value escaped as vCard 3.0 reads it: commas are literal, `\\:` is a colon."""
    keep_commas = name in TEXT_LIST_PROPERTIES

    def one(match: re.Match) -> str:
        text = match.group(0)
        if text == ",":
            return "," if keep_commas else "\\,"
        if text in ("\r\n", "\n", "\r"):
            return "\\n"
        escaped = match.group(1)
        if escaped is None:
            return "\\\\"
        if escaped in ";,\\":
            return text
        if escaped in "nN":
            return "\\n"
        if escaped == ":":
            return ":"
        return "\\\\" + escaped

    return _ESCAPE_21.sub(one, value)


# Properties holding one text value: a comma in them is the text's own even where a writer did
# not escape it (vobject would keep only the text before it: "Lisbon in April, not March" read
# as "Lisbon in April").
SINGLE_TEXT = frozenset({"FN", "NOTE", "TITLE", "ROLE"})


def _escape_bare_commas(value: str) -> str:
    out, escaped = [], False
    for char in value:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == ",":
            out.append("\\,")
        else:
            out.append(char)
    return "".join(out)


def _readable_line(at: int, line: str, version: str, fallback: str | None = None) -> tuple[str | None, str]:
    """(the line as vobject should read it, or None to drop it; why it was dropped or guessed)."""
    if line.lstrip().startswith("#"):
        return None, "a comment line"
    match = _CONTENT_LINE.fullmatch(line)
    if match is None:
        head = line.split(":", 1)[0].split(";", 1)[0].strip()
        if ":" in line and head:
            return None, f"{head[:60]!r} is not a valid property name"
        # No colon at all: most likely a folded line that lost its indent. The line is left out and
        # said to be, with the warning that the value before it may be cut short.
        return None, "it is not a property (no NAME:value); if it continued the line before, that value is cut short"
    group, name, params, value = match.groups()
    upper = name.upper()
    if upper in ("BEGIN", "END", "VERSION"):
        return line, ""
    kept, charset, quoted = [], None, False
    for param in _PARAM.findall(params):
        key, _, val = param.partition("=")
        key_upper = key.strip().upper()
        if key_upper == "CHARSET" and val:
            charset = val.strip().strip('"')
        elif (key_upper == "ENCODING" and val.strip().upper() == "QUOTED-PRINTABLE") or key_upper == "QUOTED-PRINTABLE":
            quoted = True
        else:
            kept.append(param)
    changed = bool(charset) or quoted or has_undecoded(value)
    note = ""
    if changed:
        codec = known_charset(charset) if charset else None
        if charset and codec is None:
            note = f"its CHARSET {charset[:30]} is unknown; read as UTF-8"
        raw = raw_bytes(value)
        if quoted:
            raw = binascii.a2b_qp(raw)
        text, guessed = decode_value(raw, codec, fallback)
        if text is None:
            return None, f"{upper}: {guessed}"
        note = note or (f"{upper}: {guessed}" if guessed else "")
        value = text
    if version.startswith("2"):
        value = _escape_21(value, upper)
    else:
        if changed:
            value = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
        if upper in SINGLE_TEXT and "," in value:
            value = _escape_bare_commas(value)
    head = (f"{group}." if group else "") + name + "".join(f";{p}" for p in kept)
    if has_undecoded(head):
        return None, f"{upper}: its parameters are not {charset} text"
    return f"{head}:{value}", note


def _agent_inline(line: str) -> bool:
    match = _PROPERTY_NAME.match(line, 0, 200)
    return bool(match) and match.group(1).upper() == "AGENT" and "BEGIN:VCARD" in line.upper()


_INLINE_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unescape_inline(match: re.Match) -> str:
    char = match.group(1)
    return "\r\n" if char in "nN" else char


def card_text(card: RawCard) -> str:
    """The card as vobject should read it: the lines vobject reads (MODELLED_BY_VOBJECT). The
    lines read by hand go to card.hand, the lines not modelled to card.extras (as written,
    unless their bytes had to be decoded), the lines that cannot be read to card.dropped."""
    version = next((line.split(":", 1)[1].strip() for _, line in card.lines if line.upper().startswith("VERSION:")), "3.0")
    declared = (_CHARSET.search(line.split(":", 1)[0]) for _, line in card.lines)
    fallback = next((known_charset(m.group(1)) for m in declared if m and known_charset(m.group(1))), None)
    names = [name_of(line) for _, line in card.lines]
    labelled = {group for group, name in names if group and name in LABELLED}
    out = []
    for (at, line), (group, name) in zip(card.lines, names, strict=True):
        if _agent_inline(line):
            card.agents.append((at, _INLINE_ESCAPE.sub(_unescape_inline, line.split(":", 1)[1])))
            continue
        if name in FILE_PROPERTIES or (name == "AGENT" and not line.split(":", 1)[-1].strip()):
            continue  # about the file; or the opener of a nested AGENT card, which is a person of its own
        readable, why = _readable_line(at, line, version, fallback)
        if readable is None:
            card.dropped.append(Rejected(at, f"line dropped: {why}"))
            continue
        if name in MODELLED_BY_VOBJECT:
            out.append(readable)
        elif name in HAND_READ and (name != "X-ABLABEL" or group in labelled):
            match = CONTENT_LINE.fullmatch(readable)
            card.hand.append(HandLine(at, group, name, params_of(match.group(3)), match.group(4), line))
        elif has_undecoded(line):
            card.extras.append((at, readable))  # its bytes decoded: the file's own bytes are no text to keep
        else:
            card.extras.append((at, line))
            continue  # kept as written: nothing was guessed
        if why:
            card.dropped.append(Rejected(at, f"line read with a guess: {why}"))
    return "\r\n".join(out) + "\r\n"


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
    return apple_label(text)


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value if v)
    if isinstance(value, bytes):
        return ""
    return str(value or "")


def _part(value) -> str:
    """One part of an ADR: several values (unescaped commas) joined with ", "."""
    if isinstance(value, (list, tuple)):
        return ", ".join(clean(str(v)) for v in value if clean(str(v)))
    return clean(_text(value))


_PLACE = ("city", "region", "country")


def _org_units(prop) -> str:
    """For an ungrouped ORG with departments ("Acme;Engineering;Platform"), that ORG line as
    vCard 3.0 writes it: the journal models the organisation only, and the writer puts this line
    in place of its own ORG while the person is still there (vcard_write.org_line). Else ""."""
    parts = prop.value if isinstance(prop.value, list) else [prop.value]
    parts = [_text(part) for part in parts]
    if prop.group or len(parts) < 2 or not any(p.strip() for p in parts[1:]) or not parts[0].strip():
        return ""
    return "ORG:" + ";".join(escape(part) for part in parts)


def _jobs(props) -> list[tuple[str, str]]:
    """(organisation, role) of each ORG and TITLE: ungrouped ones paired in order, grouped ones by group."""
    orgs: list[tuple[str, str]] = []  # (group, organisation)
    titles: list[tuple[str, str]] = []
    for prop in props:
        if prop.name.upper() == "ORG":
            parts = prop.value if isinstance(prop.value, list) else [prop.value]
            orgs.append(((prop.group or "").upper(), clean(_text(parts[0] if parts else ""))))
        else:
            titles.append(((prop.group or "").upper(), clean(_text(prop.value))))
    plain_orgs = [o for g, o in orgs if not g]
    plain_titles = [t for g, t in titles if not g]
    jobs = [(plain_orgs[i] if i < len(plain_orgs) else "", plain_titles[i] if i < len(plain_titles) else "")
            for i in range(max(len(plain_orgs), len(plain_titles)))]
    grouped: dict[str, list[str]] = {}
    for group, org in orgs:
        if group:
            grouped.setdefault(group, ["", ""])[0] = grouped.get(group, ["", ""])[0] or org
    for group, title in titles:
        if group:
            grouped.setdefault(group, ["", ""])[1] = grouped.get(group, ["", ""])[1] or title
    jobs.extend((org, title) for org, title in grouped.values())
    return [job for job in jobs if job[0] or job[1]]


def card_to_record(card, line: int, raw: RawCard | None = None) -> ContactRecord | Rejected:
    """A record from the vobject component and what card_text read by hand into `raw`."""
    hand = raw.hand if raw is not None else []
    group_labels = {h.group: apple_label(unescape(h.value)) for h in hand if h.name == "X-ABLABEL" and h.group}
    record = ContactRecord(line=line, name="")
    given_family = ""
    jobs = []
    org_lines: list[str] = []  # ORG lines with departments, which the writer gives back whole
    url_profiles = []
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
        elif name == "URL":
            url = clean(_text(value))
            if not url:
                continue
            is_linkedin = "linkedin.com" in url.casefold() or "linkedin" in str(prop.params.get("TYPE", "")).casefold()
            if is_linkedin and not record.linkedin:
                record.linkedin = url
            elif is_linkedin and same_linkedin(url, record.linkedin):
                continue
            elif not is_linkedin and not record.website:
                record.website = url
            else:
                url_profiles.append(("linkedin" if is_linkedin else (_label(prop, group_labels).lower() or "url"), url))
        elif name in ("ORG", "TITLE"):
            jobs.append(prop)
            units = _org_units(prop)
            if units and org_of_line(units) not in map(org_of_line, org_lines):  # one kept line per organisation
                org_lines.append(units)
        elif name == "ADR" and hasattr(value, "city"):
            address = AddressRecord(
                label=_label(prop, group_labels), po_box=_part(value.box), extended=_part(value.extended),
                street=_part(value.street), locality=_part(value.city), region=_part(value.region),
                postcode=_part(value.code), country=_part(value.country),
            )
            if not address.is_empty():
                record.addresses.append(address)
            if not record.location:
                record.location = ", ".join(p for p in (_part(getattr(value, attr)) for attr in _PLACE) if p)
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
    all_jobs = _jobs(jobs)
    if all_jobs:
        (record.organisation, record.role), record.other_jobs = all_jobs[0], all_jobs[1:]
    fields = read_hand_lines(hand, group_labels)
    record.nickname = ", ".join(fields.nickname)
    record.dates = fields.dates
    record.relations = fields.relations
    record.profiles = url_profiles
    for url in fields.social_linkedin:
        if not record.linkedin:
            record.linkedin = url
        elif not same_linkedin(url, record.linkedin):
            record.profiles.append(("linkedin", url))
    record.profiles.extend(fields.profiles)
    if raw is not None:
        raw.dropped.extend(Rejected(at, why) for at, why in fields.dropped)
        record.photo = raw.photo
        kept = sorted(raw.extras + fields.extras, key=lambda item: item[0])
        record.extra_lines = [text for _, text in kept]
    record.extra_lines.extend(org_lines)
    record.name = record.name or given_family or record.organisation or (record.emails[0][0] if record.emails else "")
    if not record.name:
        return Rejected(line, "the card has no name (FN or N), organisation or e-mail")
    return record


@dataclass
class VCardParseResult(ParseResult):
    """A ParseResult that also lists the lines left out of cards that were imported anyway
    (file line number and reason, as Rejected rows), and the lines read with a guess."""

    dropped_lines: list[Rejected] = field(default_factory=list)


_FAILED_LINE = re.compile(r"Failed to parse line: (.*?)(?: \d+)?$", re.DOTALL)


def _read_card(card: RawCard):
    """The vobject component for `card`; a line vobject still cannot read is dropped and noted."""
    text = card_text(card)
    for _attempt in range(5):
        try:
            return vobject.readOne(text, ignoreUnreadable=False)
        except Exception as exc:  # vobject raises many kinds of errors for a broken card
            message = re.sub(r"^At line \d+: ", "", str(exc)).strip() or type(exc).__name__
            failed = _FAILED_LINE.search(message)
            lines = text.split("\r\n")
            if failed is None or failed.group(1) not in lines:
                raise ValueError(message) from None
            bad = lines.index(failed.group(1))
            at = next((n for n, line in card.lines if line.startswith(failed.group(1)[:20])), card.start)
            card.dropped.append(Rejected(at, "line dropped: it cannot be read as a vCard property"))
            text = "\r\n".join(lines[:bad] + lines[bad + 1:])
    raise ValueError("too many unreadable lines")


def _cards_and_agents(cards, result: VCardParseResult):
    """Each card, then the AGENT cards written inside its values (vCard 3.0), as cards of their
    own numbered with the AGENT's line; an AGENT that holds no whole card is listed as rejected."""
    for card in cards:
        yield card
        pending = list(card.agents)
        while pending:
            at, text = pending.pop(0)
            try:
                inner = list(split_cards(text))
            except ImportFormatError:
                inner = []
            if not inner:
                result.rejected.append(Rejected(at, "the AGENT card in this line cannot be read"))
            for agent in inner:
                agent.start, agent.lines = at, [(at, body) for _, body in agent.lines]
                yield agent
                pending.extend(agent.agents)


def parse(data: bytes | str) -> VCardParseResult:
    """The cards in a vCard file (bytes in any encoding decode_file reads, or text)."""
    text = data if isinstance(data, str) else decode_file(data, "vCard")
    result = VCardParseResult("vcard")
    found = False
    for card in _cards_and_agents(split_cards(text), result):
        found = True
        line = card.start
        try:
            component = _read_card(card)
        except ImportFormatError:
            raise
        except Exception as exc:
            result.dropped_lines.extend(card.dropped)
            result.rejected.append(Rejected(line, f"the card cannot be read: {str(exc)[:120]}"))
            continue
        if component.name.upper() != "VCARD":
            result.dropped_lines.extend(card.dropped)
            result.rejected.append(Rejected(line, "not a vCard"))
            continue
        outcome = card_to_record(component, line, card)
        result.dropped_lines.extend(card.dropped)
        if isinstance(outcome, Rejected):
            result.rejected.append(outcome)
        else:
            result.records.append(outcome)
    if not found:
        raise ImportFormatError("This is not a vCard file: no BEGIN:VCARD ... END:VCARD card was found.")
    result.dropped_lines.sort(key=lambda r: r.line)
    return result
