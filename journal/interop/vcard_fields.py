"""Which vCard properties the journal models, and reading the ones read by hand.

A content line of a card is either modelled (its data goes into the record's fields and
vcard_write writes it back in an equivalent form) or kept verbatim in the record's
extra_lines. MODELLED_BY_VOBJECT are read through vobject; HAND_READ are read here, from the
line as card_text makes it readable (charset and quoted-printable decoded, 2.1 escaped as 3.0);
FILE_PROPERTIES describe the file rather than the person and are neither kept nor written back
(the writer writes its own REV). X-ABLabel is modelled where its group holds a property whose
label the journal keeps (LABELLED), and kept verbatim otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from journal.domain import dates
from journal.interop.records import DateRecord

CONNECTED_ON = "X-CONTACT-JOURNAL-CONNECTED-ON"

MODELLED_BY_VOBJECT = frozenset({
    "BEGIN", "END", "VERSION", "N", "FN", "UID", "EMAIL", "TEL", "URL", "ORG", "TITLE", "ADR", "NOTE", "CATEGORIES",
    CONNECTED_ON,
})
FILE_PROPERTIES = frozenset({"REV", "PRODID"})

# Dates that matter: property -> kind (X-ABDATE's kind comes from its group's X-ABLabel).
DATE_PROPERTIES = {
    "BDAY": "birthday",
    "ANNIVERSARY": "anniversary",
    "X-ANNIVERSARY": "anniversary",
    "X-EVOLUTION-ANNIVERSARY": "anniversary",
    "X-KADDRESSBOOK-X-ANNIVERSARY": "anniversary",
    "X-MS-ANNIVERSARY": "anniversary",
    "X-ABDATE": "",
}
# Someone related, by name: property -> kind (X-ABRELATEDNAMES and RELATED take theirs from a label or TYPE).
RELATION_PROPERTIES = {
    "X-ABRELATEDNAMES": "",
    "RELATED": "",
    "X-SPOUSE": "spouse",
    "X-MANAGER": "manager",
    "X-ASSISTANT": "assistant",
    "X-EVOLUTION-SPOUSE": "spouse",
    "X-EVOLUTION-MANAGER": "manager",
    "X-EVOLUTION-ASSISTANT": "assistant",
    "X-KADDRESSBOOK-X-SPOUSENAME": "spouse",
    "X-KADDRESSBOOK-X-MANAGERSNAME": "manager",
    "X-KADDRESSBOOK-X-ASSISTANTSNAME": "assistant",
}
# Messaging handles written one property per service: property -> service.
IM_PROPERTIES = {
    "X-AIM": "aim",
    "X-JABBER": "jabber",
    "X-ICQ": "icq",
    "X-MSN": "msn",
    "X-YAHOO": "yahoo",
    "X-SKYPE": "skype",
    "X-SKYPE-USERNAME": "skype",
    "X-TWITTER": "twitter",
    "X-GOOGLE-TALK": "googletalk",
    "X-GADUGADU": "gadugadu",
}
HAND_READ = frozenset({"NICKNAME", "IMPP", "X-SOCIALPROFILE", "X-ABLABEL", *DATE_PROPERTIES, *RELATION_PROPERTIES,
                       *IM_PROPERTIES})
# Properties whose group's X-ABLabel the journal keeps as their label.
LABELLED = frozenset({"EMAIL", "TEL", "ADR", "URL", "X-ABDATE", "X-ABRELATEDNAMES"})

# Relation kinds: Apple's labels and RFC 6350's RELATED types, read case-insensitively.
APPLE_RELATIONS = ("father", "mother", "parent", "brother", "sister", "child", "friend", "spouse", "partner",
                   "assistant", "manager", "other")
RELATION_KINDS = frozenset(APPLE_RELATIONS) | {
    "contact", "acquaintance", "met", "co-worker", "colleague", "co-resident", "neighbor", "sibling", "kin", "muse",
    "crush", "date", "sweetheart", "me", "agent", "emergency",
}
ANNIVERSARY_LABELS = {"anniversary": "anniversary", "work anniversary": "work_anniversary"}
WORK_ANNIVERSARY_LABEL = "Work anniversary"

_NAME = re.compile(r"[ \t]*(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)")
CONTENT_LINE = re.compile(
    r'[ \t]*(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)[ \t]*((?:;(?:"[^"]*"|[^";:])*)*):(.*)', re.DOTALL
)
PARAM = re.compile(r';((?:"[^"]*"|[^";:])*)')
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S")
_SKIP_SERVICE_TYPES = {"PREF", "HOME", "WORK", "OTHER", "INTERNET", "X-SERVICE-TYPE"}


def name_of(line: str) -> tuple[str, str]:
    """(group upper-cased or "", property name upper-cased) of a content line."""
    match = _NAME.match(line)
    if match is None:
        return "", ""
    return (match.group(1) or "").upper(), match.group(2).upper()


def params_of(text: str) -> dict[str, list[str]]:
    """A line's parameters by upper-cased name; a bare one (vCard 2.1 `TEL;WORK:`) is a TYPE."""
    out: dict[str, list[str]] = {}
    for param in PARAM.findall(text):
        key, equals, value = param.partition("=")
        key = key.strip().upper()
        if not equals:
            key, value = "TYPE", param
        for part in re.findall(r'"[^"]*"|[^,]+', value):
            part = part.strip().strip('"').strip()
            if part:
                out.setdefault(key, []).append(part)
    return out


def _unescape_one(match: re.Match) -> str:
    char = match.group(1)
    return "\n" if char in "nN" else char


def unescape(text: str) -> str:
    """A 3.0 text value: `\\n` a new line, `\\,` `\\;` `\\\\` the character itself."""
    return _ESCAPED.sub(_unescape_one, text) if "\\" in text else text


def split_unescaped(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` that no backslash escapes; the pieces stay escaped."""
    pieces, current, chars = [], [], iter(text)
    for char in chars:
        if char == "\\":
            current.append(char)
            current.append(next(chars, ""))
        elif char == separator:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return pieces


def apple_label(text: str) -> str:
    """`_$!<Anniversary>!$_` -> "Anniversary"; a label of one's own stays as it is."""
    text = text.strip()
    if text.startswith("_$!<") and text.endswith(">!$_"):
        text = text[4:-4]
    return text


def relation_kind(label: str) -> str:
    """A relation's kind from a label or TYPE: a known kind in lower case, else the label itself."""
    label = apple_label(label)
    return label.casefold() if label.casefold() in RELATION_KINDS else label


def types_of(params: dict[str, list[str]]) -> list[str]:
    return [t for t in params.get("TYPE", []) if t.upper() not in _SKIP_SERVICE_TYPES]


def is_uri(text: str) -> bool:
    return _URI.match(text) is not None


_MIME_BY_MAGIC = (("/9j/", "image/jpeg"), ("iVBORw0KGgo", "image/png"), ("R0lGOD", "image/gif"), ("UklGR", "image/webp"))
_NOT_IMAGE_TYPES = {"ENCODING", "B", "BASE64", "VALUE", "CHARSET", "PREF"}


def photo_mime(head: str, data: str) -> str:
    """The image type a PHOTO line declares (TYPE=JPEG, a 2.1 bare `JPEG`, MEDIATYPE=image/png),
    else the one its first base64 bytes show (JPEG if none)."""
    params = params_of(head[head.find(";"):] if ";" in head else "")
    declared = params.get("MEDIATYPE", []) + [t for t in params.get("TYPE", []) if t.upper() not in _NOT_IMAGE_TYPES]
    for value in declared:
        value = value.lower()
        if "/" in value:
            return value
        if value.isascii() and value.replace("+", "").replace("-", "").isalnum():
            return "image/" + ("jpeg" if value == "jpg" else value)
    return next((mime for magic, mime in _MIME_BY_MAGIC if data.startswith(magic)), "image/jpeg")


@dataclass
class HandLine:
    """One hand-read line: where it is, its parts as card_text made them readable, and the line as written."""

    at: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: str  # still escaped as vCard 3.0
    original: str


@dataclass
class HandFields:
    """What the hand-read lines of one card hold."""

    nickname: list[str] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)
    profiles: list[tuple[str, str]] = field(default_factory=list)
    social_linkedin: list[str] = field(default_factory=list)  # X-SOCIALPROFILE values that are LinkedIn
    relations: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[int, str]] = field(default_factory=list)  # lines found not to be modelled after all
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)


def read_date(line: HandLine, labels: dict[str, str]) -> DateRecord:
    """A DateRecord for a BDAY, ANNIVERSARY, X-ABDATE ... line. Raises dates.DateValueError."""
    value = unescape(line.value).strip()
    if value.lower().startswith("date:"):
        value = value[5:]
    omit = line.params.get("X-APPLE-OMIT-YEAR", [])
    parsed = dates.parse(value)
    if parsed.year is not None and str(parsed.year) in omit:
        parsed = dates.YearlyDate(parsed.month, parsed.day)
    kind = DATE_PROPERTIES[line.name]
    label = ""
    if not kind:
        label = labels.get(line.group, "") if line.group else ""
        kind = ANNIVERSARY_LABELS.get(label.casefold(), "custom")
        if kind != "custom":
            label = ""
    return DateRecord(kind, parsed, label)


def _profile(line: HandLine) -> tuple[str, str] | None:
    value = unescape(line.value).strip()
    if not value:
        return None
    if line.name in IM_PROPERTIES:
        return IM_PROPERTIES[line.name], value
    if line.name == "IMPP":
        service = next(iter(line.params.get("X-SERVICE-TYPE", [])), "")
        if not service and is_uri(value):
            service = value.split(":", 1)[0]
        return (service or "impp").lower(), value
    # X-SOCIALPROFILE
    types = [t for t in line.params.get("TYPE", []) if t.upper() != "PREF"]
    service = next(iter(types), "") or next(iter(line.params.get("X-SERVICE-TYPE", [])), "")
    return (service or "social").lower(), value


def read_hand_lines(lines: list[HandLine], labels: dict[str, str]) -> HandFields:
    """The fields the hand-read lines hold; a date that cannot be read is dropped with its reason."""
    out = HandFields()
    for line in lines:
        name = line.name
        if name == "NICKNAME":
            out.nickname.extend(n for n in (" ".join(unescape(p).split()) for p in split_unescaped(line.value, ",")) if n)
        elif name in DATE_PROPERTIES:
            try:
                out.dates.append(read_date(line, labels))
            except dates.DateValueError as exc:
                out.dropped.append((line.at, f"line dropped: {name}: {exc}"))
        elif name in RELATION_PROPERTIES:
            value = " ".join(unescape(line.value).split())
            if name == "RELATED":
                is_text = any(v.lower() == "text" for v in line.params.get("VALUE", []))
                if not is_text and is_uri(value):
                    out.extras.append((line.at, line.original))  # a reference to another card, not a name
                    continue
                kind = relation_kind(next(iter(types_of(line.params)), ""))
            elif name == "X-ABRELATEDNAMES":
                kind = relation_kind(labels.get(line.group, "") if line.group else "")
            else:
                kind = RELATION_PROPERTIES[name]
            if value:
                out.relations.append((kind, value))
        elif name in IM_PROPERTIES or name in ("IMPP", "X-SOCIALPROFILE"):
            profile = _profile(line)
            if profile is None:
                continue
            if name == "X-SOCIALPROFILE" and (profile[0] == "linkedin" or "linkedin.com" in profile[1].casefold()):
                out.social_linkedin.append(profile[1])
            else:
                out.profiles.append(profile)
    return out


def same_linkedin(a: str, b: str) -> bool:
    """True when two LinkedIn addresses point at the same profile (scheme, www. and a final / aside)."""
    def bare(url: str) -> str:
        url = url.strip().casefold()
        url = url.split("://", 1)[-1]
        url = url[4:] if url.startswith("www.") else url
        return url.rstrip("/")

    return bare(a) == bare(b)
