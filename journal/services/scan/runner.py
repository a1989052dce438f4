"""Scanning one source: read what is new (outside any transaction, it can take a while), then
keep what concerns people in the journal and where the scan stopped, in one write.

The window runs this on a worker thread (journal.desktop.scan_worker), the command line
directly; both hear about the result through the same change notice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.contact_seen import MEETINGS_AHEAD_DAYS, SUGGEST_DAYS
from journal.errors import JournalError, ValidationError
from journal.interop import mail_headers
from journal.interop.meetings import read_meetings
from journal.interop.records import ImportFormatError
from journal.services.changes import Changes, notify
from journal.services.scan import record
from journal.services.scan.known import load_known
from journal.services.scan.record import Outcome
from journal.services.scan.sources import Source, add_source, get_source
from journal.services.transaction import write
from journal.store.models import ScanSource

Progress = Callable[[str], None]
SCANNED_TABLES = frozenset({"mail_contact", "seen_meeting", "meeting_person", "stage_hint"})


def _quiet(_text: str) -> None:
    pass


def window(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The part of a calendar that is read: the days a past meeting is offered to log, and
    the months ahead the calendar and the person pane show."""
    day = dt.datetime.combine(now.date(), dt.time())
    return day - dt.timedelta(days=SUGGEST_DAYS + 1), day + dt.timedelta(days=MEETINGS_AHEAD_DAYS)


def scan_source(
    source_id: int,
    *,
    password: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
    progress: Progress = _quiet,
    announce: bool = True,
    client=None,
) -> tuple[Outcome, Changes]:
    """Scan one source now. A source that cannot be read keeps its last error (one line) and
    raises it; nothing it held is lost."""
    source = get_source(source_id)
    now = clock.now()
    try:
        outcome, mark = _read_and_record(source, password=password, now=now, progress=progress, client=client)
    except JournalError as exc:
        keep_error(source.id, str(exc), now)
        raise
    changes = Changes(person_ids=frozenset(outcome.people), scanned=True, tables=SCANNED_TABLES)
    if announce:
        notify(changes)
    return outcome, changes


def keep_error(source_id: int, message: str, now: dt.datetime) -> None:
    """Remember why a source could not be scanned (one line), and when."""
    with write():
        ScanSource.update(last_error=message[:300], last_scan_at=now).where(ScanSource.id == source_id).execute()


def _read_and_record(source: Source, *, password, now, progress, client) -> tuple[Outcome, str]:
    kind = source.kind
    location = source.location
    if kind == "calendar":
        progress(f"Reading {Path(location).name}")
        try:
            data = Path(location).read_bytes()
        except OSError as exc:
            raise ImportFormatError(f"{location} cannot be read ({exc.strerror or exc}).") from None
        return _record_calendar(source, [data], now, progress), ""
    if kind == "caldav":
        from journal.services.scan import caldav

        progress("Reading the calendars on the sync server")
        texts = caldav.read_calendars(source.location, window(now), password=password, client=client)
        return _record_calendar(source, texts, now, progress), ""
    if kind == "mbox":
        progress(f"Reading {Path(location).name}")
        again = _reads_again(source)
        since = None if again else _mark(source.id, mail_headers.MboxMark)
        try:
            headers, mark = mail_headers.scan_mbox(location, since)
        except OSError as exc:
            raise ImportFormatError(f"{location} cannot be read ({exc.strerror or exc}).") from None
        return _record_mail(source, headers, mark.to_json(), now, progress, from_start=again), mark.to_json()
    if kind == "maildir":
        progress(f"Reading {Path(location).name}")
        again = _reads_again(source)
        since = None if again else _mark(source.id, mail_headers.MaildirMark)
        try:
            folders = "all" if "all" in source.folders else (list(source.folders) or None)  # all: every subfolder
            headers, mark = mail_headers.scan_maildir(location, since, folders=folders)
        except OSError as exc:
            raise ImportFormatError(f"{location} cannot be read ({exc.strerror or exc}).") from None
        return _record_mail(source, headers, mark.to_json(), now, progress, from_start=again), mark.to_json()
    if kind == "imap":
        return _scan_imap(source, password, now, progress)
    raise ValidationError(f"Unknown kind of source {kind!r}.")


def _stored_mark(source_id: int) -> str:
    return ScanSource.get_by_id(source_id).mark


def _mark(source_id: int, kind):
    """Where the last scan stopped; None (read from the start) where nothing or nothing readable
    is kept: reading again only costs time, since what is kept is the latest per person."""
    previous = _stored_mark(source_id)
    if not previous:
        return None
    try:
        return kind.from_json(previous)
    except ImportFormatError:
        return None


def _reads_again(source: Source, extra_own=()) -> bool:
    """Read the mailbox from the start: someone in the journal has an address the last scan did
    not know, and their older mail counts too."""
    stored = ScanSource.get_by_id(source.id).addresses
    return record.new_addresses(stored, load_known(tuple(extra_own)))


def _record_mail(source: Source, headers, mark: str, now: dt.datetime, progress: Progress, extra_own=(),
                 from_start: bool = False) -> Outcome:
    progress(f"Keeping contact from {len(headers)} new messages")
    with write():
        known = load_known(tuple(extra_own))
        outcome = record.record_mail(source.id, headers, known, now=now, from_start=from_start)
        record.finish(source.id, mark, now=now, addresses=record.hashes_json(known))
    return outcome


def _record_calendar(source: Source, texts, now: dt.datetime, progress: Progress) -> Outcome:
    start, end = window(now)
    with write():
        known = load_known()
        meetings = []
        skipped = []
        for data in texts:
            found = read_meetings(data, start=start, end=end, own_addresses=known.own)
            meetings.extend(found)
            skipped.extend(s.reason for s in found.skipped)
        progress(f"Keeping meetings from {len(meetings)} events")
        outcome = record.record_meetings(source.id, meetings, known, start=start, end=end)
        outcome.skipped = skipped
        record.finish(source.id, "", now=now)
    return outcome


def _imap_parts(location: str) -> tuple[str, str]:
    user, _, server = location.rpartition("@")
    return server, user


def _scan_imap(source: Source, password: str | None, now: dt.datetime, progress: Progress) -> tuple[Outcome, str]:
    from journal.services.scan.imap import ImapMark, ImapReader

    if password is None:
        raise ValidationError("Scanning an IMAP account needs its password.")
    server, user = _imap_parts(source.location)
    own = (user,) if "@" in user else ()
    again = _reads_again(source, own)
    previous = "" if again else _stored_mark(source.id)
    try:
        stored = json.loads(previous) if previous else {}
        marks = {name: ImapMark.from_json(value) for name, value in stored.items()}
    except (ValueError, TypeError, KeyError, AttributeError):
        marks = {}
    folders = list(source.folders) or ["INBOX"]
    progress(f"Connecting to {server}")
    headers = []
    with ImapReader(server, user, password, ca_file=source.ca_file) as reader:
        for folder in folders:
            progress(f"Reading {folder} on {server}")
            scanned = reader.scan_folder(folder, marks.get(folder))
            headers.extend(scanned.headers)
            marks[folder] = scanned.mark
    mark = json.dumps({name: m.to_json() for name, m in sorted(marks.items())}, separators=(",", ":"))
    return _record_mail(source, headers, mark, now, progress, own, from_start=again), mark


def scan_path(kind: str, path: str, *, clock: Clock = SYSTEM_CLOCK, progress: Progress = _quiet,
              folders: tuple[str, ...] = (), announce: bool = True) -> tuple[Source, Outcome]:
    """Scan a calendar file, an mbox file or a Maildir folder (kind "mail": whichever it is),
    adding it as a source the first time."""
    resolved = str(Path(path).expanduser().resolve())
    if kind == "mail":
        kind = mail_kind(resolved)
    elif kind == "calendar" and not Path(resolved).is_file():
        raise ImportFormatError(f"{path} is not a file.")
    with write():
        source = add_source(kind, resolved, folders=folders)
    outcome, _changes = scan_source(source.id, clock=clock, progress=progress, announce=announce)
    return get_source(source.id), outcome


def mail_kind(path: str) -> str:
    """"maildir" for a folder with cur/ or new/ (or Maildir++ subfolders), "mbox" for a file."""
    target = Path(path)
    if target.is_dir():
        return "maildir"
    if target.is_file():
        return "mbox"
    raise ImportFormatError(f"{path} does not exist.")


def scan_enabled(*, passwords: Callable[[Source], str | None] = lambda s: None, clock: Clock = SYSTEM_CLOCK,
                 progress: Progress = _quiet, announce: bool = True) -> list[tuple[Source, Outcome | None, str]]:
    """Scan every source that is turned on: (source, outcome, error) for each, one failing
    source never stopping the others."""
    from journal.services.scan.sources import list_sources

    results = []
    for source in list_sources():
        if not source.enabled:
            continue
        try:
            password = passwords(source)
        except JournalError as exc:  # no password to be had: the source keeps why, like any failure
            keep_error(source.id, str(exc), clock.now())
            results.append((source, None, str(exc)))
            continue
        try:
            outcome, _ = scan_source(source.id, password=password, clock=clock, progress=progress,
                                     announce=announce)
            results.append((source, outcome, ""))
        except JournalError as exc:
            results.append((source, None, str(exc)))
    return results
