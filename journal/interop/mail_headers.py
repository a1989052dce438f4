"""Mail headers, and nothing else: who wrote to whom and when, read from mbox files and Maildir folders.

Only From, Sender, To, Cc, Date and Message-ID are read; subjects and bodies never leave the
file. Addresses are normalised (lower case, IDNA domains as Unicode, display names dropped) so
that a later layer can keep only those that belong to people already in the journal.

Scans are incremental: `scan_mbox` and `scan_maildir` return a mark (JSON-serialisable) that the
next scan takes to read only what is new, and a rescan with nothing new only stats the files.
No Qt, no database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
import mmap
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_tz
from pathlib import Path
from typing import Literal

from journal.interop.records import ImportFormatError

# The fields read; every other header line is dropped before the parser sees it.
# Its name is written again without the space some mailers put before the colon ("To :"), which
# the parser would take for the start of the body.
_WANTED = re.compile(rb"^(from|sender|to|cc|date|message-id)[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_SPACE = re.compile(r"\s")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_COMMENT = re.compile(r"\([^()]*\)")
_PLAIN_DATE = re.compile(
    r"(?:[A-Za-z]{3}, ?)?(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3}) (?P<year>\d{4}) (?P<hour>\d{1,2}):(?P<minute>\d\d)"
    r"(?::(?P<second>\d\d))? (?P<zone>[+-]\d{4})(?: \([^()]*\))?")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# compat32, measured against policy.default (bench/mail_bench.py --parsers, the same 2,000 whole
# header blocks of ~25 fields): 147 us against 1,431 us a message, ten times as slow, because
# policy.default builds a structured object for every address and date, only for us to throw
# the display names away. compat32 hands back the raw strings, which are read leniently below;
# and only the six wanted fields are handed to it, which halves its time again.
_PARSER = BytesHeaderParser(policy=policy.compat32)
# Python 3.12.6+ / 3.13 added strict address parsing that turns a whole header with one odd
# part into nothing; mail in the wild wants the lenient reading where there is a choice.
_LENIENT = {"strict": False} if "strict" in inspect.signature(getaddresses).parameters else {}
_MAX_HEADER_BYTES = 256 * 1024  # a header block longer than this is read up to here
_READ_CHUNK = 8192
HEAD_BYTES = 4096  # the start of an mbox file that tells a rewritten file from a grown one
# A folder changed within this many seconds of a scan may change again within the same mtime
# tick (coarse file systems) and is listed again next time.
_RACY_NS = 2_000_000_000

Direction = Literal["sent", "received"]


@dataclass(frozen=True, slots=True)
class MailHeaders:
    """What one message says about contact. `date` is naive UTC, None when missing or unreadable;
    `sender` holds every From address (the Sender address only when From has none)."""

    message_id: str
    date: dt.datetime | None
    sender: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Exchange:
    """Contact with `address` on `date` (naive UTC): a message the user sent it or received from it."""

    address: str
    date: dt.datetime
    direction: Direction


# --- one message ------------------------------------------------------------------------------


def _text(value: object) -> str:
    """A header value as text: compat32 keeps undecodable bytes as surrogate escapes; they are
    read as UTF-8 if they are UTF-8, else as Windows-1252 (Latin-1 where it has no character)."""
    if not isinstance(value, str):  # a header object from a malformed line
        value = str(value)
    if value.isascii():
        return value
    try:
        raw = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:  # real characters, not escaped bytes
        return value
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1")


def _domain(domain: str) -> str:
    """`domain` with its ACE labels ("xn--...") in Unicode. Plain Punycode, not the idna codec:
    IDNA 2003 refuses labels IDNA 2008 allows (faß.de), which would then stay ASCII while the
    same domain written in UTF-8 stays Unicode."""
    labels = domain.split(".")
    for number, label in enumerate(labels):
        if label.startswith("xn--"):
            try:
                decoded = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                continue  # kept as written: a broken ACE label still names the same domain
            if not decoded.isascii():  # an ACE label always stands for something that is not ASCII
                labels[number] = unicodedata.normalize("NFC", decoded.lower())
    return ".".join(labels)


def normalise_address(address: str) -> str | None:
    """`address` lower-cased, its domain in Unicode; None when it is not an address (no domain,
    spaces, nothing before the @)."""
    address = address.strip().strip("<>").strip().lower()
    local, at, domain = address.rpartition("@")
    if not local or not domain or _SPACE.search(address):
        return None
    if not address.isascii():
        local = unicodedata.normalize("NFC", local)
        domain = unicodedata.normalize("NFC", domain)
    if "xn--" in domain:
        domain = _domain(domain)
    domain = domain.rstrip(".")
    if not domain or domain.startswith(".") or ".." in domain or not local.strip('"'):
        return None
    return f"{local}@{domain}"


def _addresses(values: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for text in values or ():
        found = _parse_addresses(text)
        if not found and "=?" in text:
            # Some mailers encode the whole "Name <address>" as one encoded word.
            found = _parse_addresses(_decoded(text))
        out.extend(a for a in found if a not in out)
    return out


def _plain_addresses(text: str) -> list[str] | None:
    """The addresses of a list without quoted local parts, routes, domain literals or nested
    comments (nearly every header), read a few times faster than getaddresses reads them; None
    for any other list, which getaddresses reads."""
    if "\\" in text or '"@' in text or "<@" in text or "[" in text:
        return None
    if '"' in text:
        text = _QUOTED.sub(" ", text)
        if '"' in text:
            return None
    if "(" in text or ")" in text:
        text = _COMMENT.sub(" ", text)
        if "(" in text or ")" in text:
            return None
    out: list[str] = []
    for part in text.replace(";", ",").split(","):
        if ":" in part:  # a group's name ("Team: a@x, b@y;"), or a colon in a display name
            part = part.rpartition(":")[2]
        if "<" in part:
            start = part.rfind("<")
            end = part.find(">", start)
            if end < 0:
                return None
            part = part[start + 1:end]
        if "@" in part:
            normal = normalise_address(part)
            if normal and normal not in out:
                out.append(normal)
    return out


def _parse_addresses(text: str) -> list[str]:
    plain = _plain_addresses(text)
    if plain is not None:
        return plain
    try:
        pairs = getaddresses([text], **_LENIENT)
    except Exception:  # the stdlib's lenient parser on hostile input: nothing rather than a crash
        pairs = []
    out: list[str] = []
    for _name, address in pairs:
        normal = normalise_address(address) if address else None
        if normal and normal not in out:
            out.append(normal)
    return out


def _decoded(text: str) -> str:
    try:
        parts = decode_header(text)
    except Exception:
        return text
    chunks = []
    for part, charset in parts:
        if isinstance(part, bytes):
            try:
                part = part.decode(charset or "ascii", "replace")
            except LookupError:
                part = part.decode("latin-1")
        chunks.append(part)
    return "".join(chunks)


def parse_date(value: str) -> dt.datetime | None:
    """An RFC 5322 date (leniently: no seconds, two-digit years, zone names, comments, or ISO 8601)
    as naive UTC; None when it cannot be read."""
    value = " ".join(value.split())
    if not value:
        return None
    match = _PLAIN_DATE.fullmatch(value)
    if match and match["month"].lower() in _MONTHS:  # most dates, read without parsedate_tz
        day, year, hour, minute = int(match["day"]), int(match["year"]), int(match["hour"]), int(match["minute"])
        second = min(int(match["second"] or 0), 59)
        sign, zone = (-1 if match["zone"][0] == "-" else 1), match["zone"][1:]
        offset = sign * (int(zone[:2]) * 3600 + int(zone[2:]) * 60)
        try:
            return dt.datetime(year, _MONTHS[match["month"].lower()], day, hour, minute, second) - dt.timedelta(seconds=offset)
        except (ValueError, OverflowError):
            return None
    try:
        parts = parsedate_tz(value)
    except Exception:  # older Pythons raise on some garbage
        parts = None
    try:
        if parts is None:
            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if when.tzinfo is not None:
                when = when.astimezone(dt.UTC).replace(tzinfo=None)
            return when
        year, month, day, hour, minute, second = parts[:6]
        offset = parts[9] or 0
        return dt.datetime(year, month, day, hour, minute, min(second, 59)) - dt.timedelta(seconds=offset)
    except (ValueError, OverflowError, TypeError):
        return None


def _message_id(values: Sequence[str] | None) -> str:
    if not values:
        return ""
    text = values[0]
    start = text.find("<")
    end = text.find(">", start + 1)
    if start >= 0 and end > start:
        return "".join(text[start:end + 1].split())
    return "".join(text.split())


def header_block(raw: bytes) -> bytes:
    """The header part of a message: everything before the first blank line."""
    if raw.startswith((b"\n", b"\r\n")):  # an empty header block: what follows is body
        return b""
    match = _BLANK_LINE.search(raw, 0, _MAX_HEADER_BYTES)
    return raw[:match.start()] if match else raw[:_MAX_HEADER_BYTES]


def parse_headers(raw: bytes) -> MailHeaders | None:
    """The contact headers of one message (its header block, or the whole message); None when
    `raw` holds no From, Sender, To, Cc, Date or Message-ID field at all. Never raises."""
    if not isinstance(raw, bytes | bytearray | memoryview):
        return None
    wanted = _WANTED.findall(header_block(bytes(raw)))
    if not wanted:
        return None
    try:
        message = _PARSER.parsebytes(b"\n".join(name + b":" + value for name, value in wanted))
    except Exception:  # the feed parser registers defects rather than raising; in case it does not
        return None
    # raw_items(), not get_all(): compat32 turns a value with bytes that are not ASCII into a
    # Header whose str() replaces them; the raw value keeps them, for _text to decode.
    fields: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        fields.setdefault(name.strip().lower(), []).append(_text(value))
    sender = _addresses(fields.get("from"))
    if not sender:
        sender = _addresses(fields.get("sender"))[:1]
    dates = fields.get("date")
    return MailHeaders(
        message_id=_message_id(fields.get("message-id")),
        date=parse_date(dates[0]) if dates else None,
        sender=tuple(sender),
        to=tuple(_addresses(fields.get("to"))),
        cc=tuple(_addresses(fields.get("cc"))),
    )


# --- contact ----------------------------------------------------------------------------------


def exchanges(headers: Iterable[MailHeaders], own_addresses: Iterable[str]) -> list[Exchange]:
    """Contact each message shows between the user (`own_addresses`) and someone else.

    A message from one of the user's addresses is "sent" to every other address in To and Cc
    (and From, when the user wrote together with someone). A message from someone else that
    names one of the user's addresses in To or Cc is "received" from each other From address;
    the other recipients of a received message were not in contact with the user by it. A
    message without a readable date says nothing about when, and a message among the user's own
    addresses only is no contact: neither makes an exchange."""
    own = {normal for a in own_addresses if (normal := normalise_address(a))}
    out: list[Exchange] = []
    for message in headers:
        if message.date is None:
            continue
        if any(a in own for a in message.sender):
            others, direction = message.to + message.cc + message.sender, "sent"
        elif any(a in own for a in message.to + message.cc):
            others, direction = message.sender, "received"
        else:
            continue
        seen: set[str] = set()
        for address in others:
            if address not in own and address not in seen:
                seen.add(address)
                out.append(Exchange(address, message.date, direction))
    return out


# --- mbox -------------------------------------------------------------------------------------


def _mark_error(kind: str, text: object) -> ImportFormatError:
    return ImportFormatError(f"The saved {kind} scan position cannot be read ({str(text)[:80]}); scan again from the start.")


@dataclass(frozen=True, slots=True)
class MboxMark:
    """How far an mbox file was read: its size and mtime then, the offset reading ends at, and a
    hash of its first HEAD_BYTES (of the first min(size, HEAD_BYTES) bytes) to notice a file that
    was rewritten rather than appended to."""

    size: int
    mtime_ns: int
    offset: int
    head_sha256: str

    def to_json(self) -> str:
        return json.dumps({"kind": "mbox", "version": 1, "size": self.size, "mtime_ns": self.mtime_ns,
                           "offset": self.offset, "head_sha256": self.head_sha256})

    @classmethod
    def from_json(cls, text: str) -> MboxMark:
        try:
            data = json.loads(text)
            if data.get("kind") != "mbox" or data.get("version") != 1:
                raise ValueError("not an mbox mark of version 1")
            mark = cls(int(data["size"]), int(data["mtime_ns"]), int(data["offset"]), str(data["head_sha256"]))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise _mark_error("mbox", exc) from None
        if not 0 <= mark.offset <= mark.size:
            raise _mark_error("mbox", "offset beyond the file")
        return mark


def _head_hash(data: bytes | mmap.mmap, size: int) -> str:
    return hashlib.sha256(data[:min(size, HEAD_BYTES)]).hexdigest()


def _is_separator(data: bytes | mmap.mmap, pos: int) -> bool:
    return data[pos:pos + 5] == b"From "


def _mbox_messages(data: bytes | mmap.mmap, start: int, end: int) -> tuple[list[MailHeaders], int]:
    """The headers of each message from `start` (a "From " line) to `end`, and where the next
    scan should start: `end`, or the start of a last message whose header block is not complete."""
    found: list[MailHeaders] = []
    pos = start
    while pos < end:
        line_end = data.find(b"\n", pos, end)
        if line_end < 0:  # the envelope line itself is still being written
            return found, pos
        following = data.find(b"\nFrom ", line_end, end)
        next_start = following + 1 if following >= 0 else end
        crlf = data[line_end - 1:line_end] == b"\r"
        first, second = (b"\r\n\r\n", b"\n\n") if crlf else (b"\n\n", b"\r\n\r\n")
        limit = min(next_start, line_end + _MAX_HEADER_BYTES)
        blank = data.find(first, line_end - (1 if crlf else 0), limit)
        if blank < 0:
            blank = data.find(second, line_end - 1, limit)
        if blank < 0:
            if next_start == end and limit == end:  # the last message's header block is not complete yet
                return found, pos
            block_end = limit
        else:
            block_end = blank + 1
        headers = parse_headers(bytes(data[line_end + 1:block_end]) + b"\n")
        if headers is not None:
            found.append(headers)
        pos = next_start
    return found, end


def scan_mbox(path: str | os.PathLike[str], since: MboxMark | None = None) -> tuple[list[MailHeaders], MboxMark]:
    """The headers of the messages in the mbox file at `path` that `since` did not cover, and the
    mark for the next scan. A file that only grew is read from where the last scan ended; a file
    that was rewritten (compacted, messages deleted) is read again from the start. A last message
    whose header block is still being written is left for the next scan."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if since is not None and st.st_size == since.size and st.st_mtime_ns == since.mtime_ns:
                return [], since
            size = st.st_size
            if size == 0:
                return [], MboxMark(0, st.st_mtime_ns, 0, _head_hash(b"", 0))
            with mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_READ) as data:
                start = 0
                if (since is not None and size >= since.size and since.offset <= size
                        and _head_hash(data, since.size) == since.head_sha256):
                    start = since.offset
                    if not _is_separator(data, start):
                        # The last scan ended inside a message still being written: its next
                        # message starts at the next "From " line.
                        following = data.find(b"\nFrom ", max(start - 1, 0))
                        start = following + 1 if following >= 0 else size
                else:
                    first = data.find(b"From ", 0, 64)
                    if first < 0 or data[:first].strip():
                        raise ImportFormatError(f"{path} is not an mbox file: it does not start with a \"From \" line.")
                    start = first
                found, offset = _mbox_messages(data, start, size)
                return found, MboxMark(size, st.st_mtime_ns, offset, _head_hash(data, size))
    except IsADirectoryError:
        raise ImportFormatError(f"{path} is a folder, not an mbox file.") from None
    except OSError as exc:
        raise ImportFormatError(f"{path} cannot be read: {exc.strerror or exc}.") from None


# --- Maildir ----------------------------------------------------------------------------------


@dataclass(slots=True)
class FolderMark:
    """One Maildir folder: the base names of the messages read (the file name before ":2,": it
    stays when flags change or a message moves from new/ to cur/) and the mtimes of cur/ and
    new/ when they were listed (None: list it again next time)."""

    seen: frozenset[str] = frozenset()
    mtimes: dict[str, int | None] = field(default_factory=dict)


@dataclass(slots=True)
class MaildirMark:
    """What was read of a Maildir and its Maildir++ subfolders, by folder name ("" is the top)."""

    folders: dict[str, FolderMark] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"kind": "maildir", "version": 1, "folders": {
            name: {"mtimes": folder.mtimes, "seen": sorted(folder.seen)} for name, folder in sorted(self.folders.items())
        }}, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> MaildirMark:
        try:
            data = json.loads(text)
            if data.get("kind") != "maildir" or data.get("version") != 1:
                raise ValueError("not a Maildir mark of version 1")
            folders = {}
            for name, folder in data["folders"].items():
                mtimes = {sub: None if value is None else int(value) for sub, value in folder["mtimes"].items()}
                if not set(mtimes) <= {"cur", "new"}:
                    raise ValueError(f"unknown folder part in {name!r}")
                folders[str(name)] = FolderMark(frozenset(str(s) for s in folder["seen"]), mtimes)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise _mark_error("Maildir", exc) from None
        return cls(folders)


def _base_name(file_name: str) -> str:
    return "" if file_name.startswith(".") else file_name.split(":", 1)[0]


def _read_header_block(path: str) -> bytes | None:
    """The start of a message file up to its first blank line; None when it is gone."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_READ_CHUNK)
            searched = 0
            while len(data) < _MAX_HEADER_BYTES and not _BLANK_LINE.search(data, searched):
                more = handle.read(_READ_CHUNK * 4)
                if not more:
                    break
                searched = max(len(data) - 3, 0)  # a blank line may straddle the two reads
                data += more
            return data
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return None


def _folder_names(root: Path, folders: Iterable[str] | Literal["all"] | None) -> list[str]:
    if folders is None:
        return [""]
    if folders == "all":
        names = [""]
        try:
            entries = sorted(os.scandir(root), key=lambda e: e.name)
        except OSError:
            entries = []
        for entry in entries:
            if entry.name.startswith(".") and entry.name not in (".", "..") and entry.is_dir() and (
                    os.path.isdir(os.path.join(entry.path, "cur")) or os.path.isdir(os.path.join(entry.path, "new"))):
                names.append(entry.name)
        return names
    names = []
    for name in folders:
        name = name.strip().strip("/")
        if name in ("", "INBOX", "."):
            name = ""
        elif not name.startswith("."):
            name = "." + name
        if "/" in name or name == "..":
            raise ImportFormatError(f"{name!r} is not a Maildir++ folder name.")
        if name not in names:
            names.append(name)
    return names


def _scan_folder(folder: Path, mark: FolderMark | None) -> tuple[list[MailHeaders], FolderMark]:
    if mark is not None and mark.mtimes:
        unchanged = True
        for sub in ("cur", "new"):
            try:
                now_ns = os.stat(folder / sub).st_mtime_ns
            except OSError:
                now_ns = None
            if mark.mtimes.get(sub) is None or now_ns != mark.mtimes.get(sub):
                unchanged = False
                break
        if unchanged:
            return [], mark
    seen = mark.seen if mark is not None else frozenset()
    present: set[str] = set()
    fresh: list[str] = []
    mtimes: dict[str, int | None] = {}
    wall_ns = time.time_ns()  # the file system's clock, not the journal's: no Clock here
    for sub in ("cur", "new"):
        directory = folder / sub
        try:
            mtime_ns = os.stat(directory).st_mtime_ns  # before listing: a later change shows next time
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            mtimes[sub] = None
            continue
        except OSError as exc:
            raise ImportFormatError(f"{directory} cannot be read: {exc.strerror or exc}.") from None
        mtimes[sub] = mtime_ns if wall_ns - mtime_ns > _RACY_NS else None
        for entry in entries:
            base = _base_name(entry.name)
            if not base or base in present:
                continue
            present.add(base)
            if base not in seen:
                fresh.append(entry.path)
    found: list[MailHeaders] = []
    for file_path in fresh:
        data = _read_header_block(file_path)
        if data is None:  # moved or deleted since the listing: looked for again next time
            present.discard(_base_name(os.path.basename(file_path)))
            mtimes = dict.fromkeys(mtimes)
            continue
        headers = parse_headers(data)
        if headers is not None:
            found.append(headers)
    return found, FolderMark(frozenset(present), mtimes)


def scan_maildir(
    path: str | os.PathLike[str],
    since: MaildirMark | None = None,
    *,
    folders: Iterable[str] | Literal["all"] | None = None,
) -> tuple[list[MailHeaders], MaildirMark]:
    """The headers of the messages in the Maildir at `path` (cur/ and new/) that `since` did not
    cover, and the mark for the next scan.

    `folders` names Maildir++ subfolders to read besides or instead of the top one ("" or
    "INBOX": the top; "Sent" or ".Sent", "INBOX.Archive"...), or "all" for the top and every
    subfolder; None reads the top only. A folder whose cur/ and new/ kept their mtimes is not
    listed; of the others, only files whose base name was not seen before are read, each up to
    its first blank line."""
    root = Path(path)
    names = _folder_names(root, folders)
    if not any((root / name / sub).is_dir() for name in names for sub in ("cur", "new")):
        if not root.exists():
            raise ImportFormatError(f"{root} does not exist.")
        raise ImportFormatError(f"{root} is not a Maildir folder: it has no cur/ or new/ folder.")
    previous = since.folders if since is not None else {}
    found: list[MailHeaders] = []
    marks: dict[str, FolderMark] = {}
    for name in names:
        headers, mark = _scan_folder(root / name if name else root, previous.get(name))
        found.extend(headers)
        marks[name] = mark
    for name, mark in previous.items():  # folders not asked for this time keep what they had
        marks.setdefault(name, mark)
    return found, MaildirMark(marks)
