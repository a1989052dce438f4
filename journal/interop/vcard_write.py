"""Writing vCard 3.0 (RFC 2426), the version every CardDAV server accepts.

Written by hand rather than through vobject, which is about fifty times slower per card; the
tests read every written card back with vobject to hold this to the standard, and with the
journal's own reader to see every field come back equal.

Beyond RFC 2426 the card uses the properties Apple, Google and Thunderbird read:
- a birthday is BDAY (`--MM-DD` without a year); an anniversary, a work anniversary and a
  date of one's own are `itemN.X-ABDATE` with `itemN.X-ABLabel` (`_$!<Anniversary>!$_`, Apple's
  and Google's own form);
- a relation is `itemN.X-ABRELATEDNAMES` with its kind as `itemN.X-ABLabel`;
- a messaging handle is IMPP with X-SERVICE-TYPE, a social profile X-SOCIALPROFILE with its
  service as TYPE, another web address a further URL (written before the others, in the order
  the reader gives them back);
- a label that is not a plain type ("work", "home, fax") goes in an `itemN.X-ABLabel`;
- organisations beyond the first are `itemN.ORG` with their `itemN.TITLE`;
- the lines the journal does not model come last, as they were, only folded.
Group names are chosen so that none is one a kept line already uses.
"""

from __future__ import annotations

import re

from journal.interop.records import AddressRecord, PersonOut, split_name
from journal.interop.vcard_fields import APPLE_RELATIONS, CONNECTED_ON, WORK_ANNIVERSARY_LABEL

FOLD_AT = 75  # octets per line before folding

# Messaging services as Apple writes their X-SERVICE-TYPE (lower-cased, each is the service itself).
IM_NAMES = {"aim": "AIM", "icq": "ICQ", "msn": "MSN", "skype": "Skype", "yahoo": "Yahoo", "jabber": "Jabber",
            "qq": "QQ", "gadugadu": "GaduGadu", "googletalk": "GoogleTalk", "facebook": "Facebook"}
SOCIAL = frozenset({"linkedin", "twitter", "facebook", "flickr", "myspace", "sinaweibo", "tencentweibo", "yelp",
                    "instagram", "mastodon", "github", "xing", "youtube", "tiktok", "bluesky", "threads", "pinterest",
                    "reddit", "snapchat"})
_PLAIN_TYPES = re.compile(r"[a-z0-9-]+(?:, [a-z0-9-]+)*")
_RESERVED_TYPES = frozenset({"internet", "pref", "x400", "voice", "utf-8", "quoted-printable", "base64"})
_GROUP = re.compile(r"[ \t]*([A-Za-z0-9-]+)\.")


def escape(text: str) -> str:
    """A text value: backslash, newline, comma and semicolon escaped."""
    return (
        text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        .replace(",", "\\,").replace(";", "\\;")
    )


def _param(value: str) -> str:
    value = value.replace('"', "'")
    return f'"{value}"' if any(ch in value for ch in ':;,') else value


def fold(line: str) -> str:
    """Lines over 75 octets continue on the next line after a space, never inside a character,
    and (for a quoted-printable line kept as it was) never right after an `=`, which a reader
    would take for a soft line break."""
    if line.isascii():
        if len(line) <= FOLD_AT:
            return line + "\r\n"
        if "=" not in line:
            parts = [line[:FOLD_AT]] + [line[i:i + FOLD_AT - 1] for i in range(FOLD_AT, len(line), FOLD_AT - 1)]
            return "\r\n ".join(parts) + "\r\n"
    data = line.encode("utf-8")
    if len(data) <= FOLD_AT:
        return line + "\r\n"
    parts, start, limit = [], 0, FOLD_AT
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # back off a continuation byte
            end -= 1
        while end < len(data) and end - start > 1 and data[end - 1] == 0x3D:  # "="
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, FOLD_AT - 1  # continuation lines start with a space
    return "\r\n ".join(parts) + "\r\n"


def _line(name: str, value: str, types: list[str] = ()) -> str:
    params = "".join(f";TYPE={_param(t)}" for t in types if t)
    return fold(f"{name}{params}:{value}")


class _Groups:
    """itemN group names, skipping any a kept line already uses."""

    def __init__(self, extra_lines: list[str]) -> None:
        self.taken = {m.group(1).casefold() for m in map(_GROUP.match, extra_lines) if m}
        self.number = 0

    def next(self) -> str:
        while True:
            self.number += 1
            name = f"item{self.number}"
            if name not in self.taken:
                return name


def _plain(label: str) -> bool:
    """True for a label that TYPE parameters carry as it is ("work", "home, fax")."""
    return not label or (
        _PLAIN_TYPES.fullmatch(label) is not None and not any(t in _RESERVED_TYPES for t in label.split(", "))
    )


def _labelled(out: list[str], groups: _Groups, name: str, value: str, label: str, fixed: list[str] = ()) -> None:
    """`name` with its label as TYPE parameters, or in the X-ABLabel of a group of its own."""
    if _plain(label):
        out.append(_line(name, value, [*fixed, *label.split(", ")] if label else list(fixed)))
    else:
        group = groups.next()
        out.append(_line(f"{group}.{name}", value, list(fixed)))
        out.append(_line(f"{group}.X-ABLabel", escape(label)))


def _grouped(out: list[str], groups: _Groups, name: str, value: str, label: str) -> None:
    group = groups.next()
    out.append(_line(f"{group}.{name}", value))
    if label:
        out.append(_line(f"{group}.X-ABLabel", label))


def _address(address: AddressRecord) -> str:
    return ";".join(escape(part) for part in address.parts())


def _date_label(kind: str, label: str) -> str:
    if kind == "anniversary":
        return "_$!<Anniversary>!$_"
    if kind == "work_anniversary":
        return escape(WORK_ANNIVERSARY_LABEL)
    return escape(label)


def _relation_label(kind: str) -> str:
    return f"_$!<{kind.capitalize()}>!$_" if kind in APPLE_RELATIONS else escape(kind)


def _is_web(value: str) -> bool:
    return "://" in value or value.casefold().startswith("www.")


def _is_url(person: PersonOut, service: str, value: str) -> bool:
    """True for a profile written as a further URL: a web address of no social network, beside a website."""
    return _is_web(value) and service not in SOCIAL and bool(person.website)


def _profiles(out: list[str], groups: _Groups, person: PersonOut) -> None:
    """The further URLs first (as the reader gives them back), then IMPP and X-SOCIALPROFILE."""
    urls = [(s, v) for s, v in person.profiles if _is_url(person, s, v)]
    for service, value in urls:
        _labelled(out, groups, "URL", escape(value), "" if service == "url" else service)
    for service, value in person.profiles:
        if _is_url(person, service, value):
            continue
        if _is_web(value):
            out.append(_line("X-SOCIALPROFILE", escape(value), [service or "social"]))
        else:
            out.append(fold(f"IMPP;X-SERVICE-TYPE={_param(IM_NAMES.get(service, service) or 'impp')}:{escape(value)}"))


def _photo(mime: str, data: str) -> str:
    kind = mime.split("/", 1)[-1].upper() if "/" in mime else "JPEG"
    return fold(f"PHOTO;ENCODING=b;TYPE={_param(kind)}:{data}")


_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")


def org_line(organisation: str, kept: list[str]) -> str:
    """`ORG:<organisation>`, or the kept ORG line with departments that names this organisation
    (read from the card it came from); a kept line naming another organisation is out of date
    (the person moved) and is not written."""
    for line in kept:
        if org_of_line(line) == organisation.strip():
            return line
    return f"ORG:{escape(organisation)}"


def org_of_line(line: str) -> str:
    """The organisation an `ORG:` line names: its first component, unescaped."""
    return _unescape_text(_UNESCAPED_SEMICOLON.split(line[4:], 1)[0]).strip()


def _unescape_text(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def person_to_card(person: PersonOut) -> str:
    """One vCard 3.0 with FN, N and UID and every other field the journal holds."""
    given, family = split_name(person.name)
    groups = _Groups(person.extra_lines)
    out = ["BEGIN:VCARD\r\n", "VERSION:3.0\r\n", _line("UID", escape(person.uid)), _line("FN", escape(person.name)),
           _line("N", f"{escape(family)};{escape(given)};;;")]
    if person.nickname:
        out.append(_line("NICKNAME", escape(person.nickname)))
    org_lines = [line for line in person.extra_lines if line.startswith("ORG:")]
    if person.organisation:
        out.append(fold(org_line(person.organisation, org_lines)))
    if person.role:
        out.append(_line("TITLE", escape(person.role)))
    for organisation, role in person.other_jobs:
        group = groups.next()
        if organisation:
            out.append(fold(f"{group}." + org_line(organisation, org_lines)))
        if role:
            out.append(_line(f"{group}.TITLE", escape(role)))
    for value, label in person.emails:
        _labelled(out, groups, "EMAIL", escape(value), label, ["INTERNET"])
    for value, label in person.phones:
        _labelled(out, groups, "TEL", escape(value), label)
    if person.linkedin:
        url = person.linkedin if "://" in person.linkedin else f"https://{person.linkedin}"
        out.append(_line("URL", escape(url)))
        out.append(_line("X-SOCIALPROFILE", escape(person.linkedin), ["linkedin"]))
    if person.website:
        out.append(_line("URL", escape(person.website)))
    _profiles(out, groups, person)
    if person.addresses:
        for address in person.addresses:
            _labelled(out, groups, "ADR", _address(address), address.label)
    elif person.location:
        out.append(_line("ADR", f";;;{escape(person.location)};;;"))
    for date in person.dates:
        if date.kind == "birthday":
            out.append(_line("BDAY", date.date.text()))
        else:
            _grouped(out, groups, "X-ABDATE", date.date.text(), _date_label(date.kind, date.label))
    for kind, name in person.relations:
        _grouped(out, groups, "X-ABRELATEDNAMES", escape(name), _relation_label(kind) if kind else "")
    if person.photo:
        out.append(_photo(*person.photo))
    notes = "\n\n".join(n for n in (person.notes, f"How we met: {person.how_met}" if person.how_met else "") if n)
    if notes:
        out.append(_line("NOTE", escape(notes)))
    if person.tags:
        out.append(_line("CATEGORIES", ",".join(escape(t) for t in person.tags)))
    if person.connected_on:
        out.append(_line(CONNECTED_ON, person.connected_on.isoformat()))
    if person.updated_at:
        out.append(_line("REV", person.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ")))
    out.extend(fold(line) for line in person.extra_lines if not line.startswith("ORG:"))
    out.append("END:VCARD\r\n")
    return "".join(out)


def write(people, stream) -> int:
    count = 0
    for person in people:
        stream.write(person_to_card(person))
        count += 1
    return count
