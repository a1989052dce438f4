"""Bringing contacts in: parse, preview what would change, then write it in one transaction.

Parsing is interop's (plain records with line numbers). Here each record is matched against
the journal: a shared e-mail, phone, LinkedIn address or UID, or the exact name at the same
organisation, is the same person and only fills in what is missing; a close name at the same
organisation is offered for review. Nothing is ever overwritten, so importing a file twice
changes nothing the second time; only a job is followed: a known person shown at another
organisation, or in another role, has the move recorded (the old job kept, ended), counted in
the plan's `job_changes`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.contact_details import normalize_email, normalize_phone
from journal.errors import JournalError
from journal.interop import detect, google_csv, json_io, linkedin, outlook_csv, thunderbird_csv, vcard
from journal.interop.dedupe import DedupeIndex, Match, linkedin_key
from journal.interop.ids import person_uid
from journal.interop.records import MAX_FILE_BYTES, ContactRecord, ImportFormatError, ParseResult
from journal.services.interchange import json_restore
from journal.services.interchange.import_writer import (
    JOB_CHANGE,
    ExistingPerson,
    PendingPerson,
    existing_keys,
    has_extras,
    load_existing,
    write_plan,
)
from journal.store.models import DB
from journal.store.transactions import joined

FORMATS = {
    "vcard": ("vCard", vcard.parse),
    "linkedin": ("LinkedIn Connections.csv", linkedin.parse),
    "google": ("Google Contacts CSV", google_csv.parse),
    "outlook": ("Outlook CSV", outlook_csv.parse),
    "thunderbird": ("Thunderbird CSV", thunderbird_csv.parse),
    "json": ("Contact Journal JSON", None),
    "auto": ("the format its content shows", None),  # resolved to one of the above before reading
}
AUTO = "auto"

NEW, UPDATED, UNCHANGED, REVIEW, REJECTED = "new", "updated", "unchanged", "review", "rejected"
ADD_NEW, MERGE, SKIP = "add", "merge", "skip"
VERDICTS = {ADD_NEW: "added as a new person", MERGE: "merged into it", SKIP: "skipped"}
LISTED = 40  # rows listed per kind in the printed summary

Progress = Callable[[int, str], None]


@dataclass(slots=True)
class RowPlan:
    line: int
    outcome: str
    name: str
    organisation: str = ""
    detail: str = ""
    match_id: int | None = None
    match_name: str = ""
    action: str = ""  # for review rows: ADD_NEW, MERGE or SKIP
    job_change: str = ""  # "Acme, CTO → Globex, VP" where this row records a job change


@dataclass
class ImportPlan:
    format: str
    source: str
    rows: list[RowPlan] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    restore_counts: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def job_changes(self) -> int:
        """How many rows show a known person in another job (each one ends the old job, kept)."""
        return sum(1 for row in self.rows if row.job_change)


@dataclass
class ImportSummary:
    plan: ImportPlan
    dry_run: bool

    def __str__(self) -> str:
        plan = self.plan
        title = FORMATS[plan.format][0]
        lines = [f"{title} import of {plan.source}" + (" (dry run: nothing was changed)" if self.dry_run else "")]
        if plan.restore_counts:
            lines.append("  restored into the empty journal: " + ", ".join(f"{n} {t}" for t, n in plan.restore_counts.items()))
        for outcome, label in ((NEW, "new"), (UPDATED, "updated"), (UNCHANGED, "unchanged")):
            lines.append(f"  {label}: {plan.count(outcome)}")
        moved = [row for row in plan.rows if row.job_change]
        if moved:
            lines.append(f"  job changes: {len(moved)}")
            for row in moved[:LISTED]:
                lines.append(f"    line {row.line}: {row.match_name or row.name} — {row.job_change}")
            if len(moved) > LISTED:
                lines.append(f"    ... and {len(moved) - LISTED} more")
        for outcome, label in ((REVIEW, "duplicates for review"), (REJECTED, "rejected")):
            rows = [row for row in plan.rows if row.outcome == outcome]
            lines.append(f"  {label}: {len(rows)}")
            for row in rows[:LISTED]:
                lines.append(f"    line {row.line}: {row.name or '(no name)'} — {row.detail}")
            if len(rows) > LISTED:
                lines.append(f"    ... and {len(rows) - LISTED} more")
        lines.extend(f"  {note}" for note in plan.notes)
        return "\n".join(lines)


def read_file(path: Path) -> bytes:
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFormatError(
                f"{Path(path).name} is {size // 2**20} MB; contact files over {MAX_FILE_BYTES // 2**20} MB are not supported."
            )
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise ImportFormatError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise ImportFormatError(f"{path} cannot be read: {exc.strerror or exc}.") from None


def _readable(path: Path) -> Path:
    if path.is_dir():
        raise ImportFormatError(f"{path} is a folder, not a file.")
    try:
        with open(path, "rb"):
            return path
    except OSError as exc:
        raise ImportFormatError(f"{path} cannot be read: {exc.strerror or exc}.") from None


def detect_format(path: Path) -> str:
    """The format key of the file at `path`, told from its first bytes."""
    try:
        with open(_readable(Path(path)), "rb") as stream:
            head = stream.read(detect.HEAD_BYTES)
    except OSError as exc:
        raise ImportFormatError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    return detect.detect(head)


def parse(fmt: str, data: bytes) -> ParseResult:
    if fmt == AUTO:
        fmt = detect.detect(data)
        if fmt == "json":
            raise ImportFormatError("This is a Contact Journal export: it is restored whole by run_import, not read as records.")
    if fmt not in FORMATS or FORMATS[fmt][1] is None:
        raise JournalError(f"Unknown contact format {fmt!r}.")
    try:
        return FORMATS[fmt][1](data)
    except JournalError:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError, IndexError, KeyError, AttributeError, UnicodeError) as exc:
        raise ImportFormatError(f"This file cannot be read as {FORMATS[fmt][0]}: {str(exc)[:200]}") from None


# --- matching -------------------------------------------------------------------------------


def record_keys(record: ContactRecord) -> set[str]:
    keys = {f"email:{normalize_email(v)}" for v, _ in record.emails if v.strip()} if record.emails else set()
    if record.phones:
        keys |= {f"phone:{p}" for p in (normalize_phone(v) for v, _ in record.phones) if p.strip("+")}
    if record.linkedin:
        key = linkedin_key(record.linkedin)
        if key:
            keys.add(f"linkedin:{key}")
    if record.uid:
        keys.add(f"uid:{record.uid}")
    return keys


class Planner:
    """Decides, record by record, what an import would do; holds what the writer needs.

    `pending` holds everyone the import adds: a PendingPerson, or, for a record that brings no
    e-mails, phones or tags and that no later row has merged into, the record itself (most rows
    of a big file; the writer takes the same fields from either).
    """

    def __init__(self, records: list[ContactRecord], decisions: dict[int, str] | None = None) -> None:
        self.records = records
        self.decisions = decisions or {}
        self.existing = load_existing(
            with_tags=any(map(attrgetter("tags"), records)), with_extras=any(map(has_extras, records))
        )
        self.index = DedupeIndex()
        want_uids = any(map(attrgetter("uid"), records))
        add, folded = self.index.add_folded, self.index.folded
        for pid, name, organisation, keys in existing_keys(self.existing, with_uids=want_uids, uid_of=person_uid):
            add(pid, *folded(name, organisation), keys)
        self.touched: dict[int, ExistingPerson] = {}
        self.pending: dict[object, PendingPerson | ContactRecord] = {}
        self.rows: list[RowPlan] = []

    def _target_name(self, ref) -> str:
        return self.pending[ref].name if ref in self.pending else self.existing.name(ref)

    def _target(self, ref):
        pending = self.pending.get(ref)
        if pending is not None:
            if type(pending) is ContactRecord:
                pending = self.pending[ref] = PendingPerson.from_record(pending)
            return pending
        if ref not in self.touched:
            self.touched[ref] = self.existing.person(ref)
        return self.touched[ref]

    def _merge(self, ref, record: ContactRecord, keys: set[str]) -> list[str]:
        changes = self._target(ref).absorb(record, keys)
        self.index.add_keys(ref, keys)
        return changes

    def _add_new(self, record: ContactRecord, keys: set[str], nkey: str, okey: str) -> None:
        ref = ("new", record.line)
        plain = not (record.emails or record.phones or record.tags or has_extras(record))
        self.pending[ref] = record if plain else PendingPerson.from_record(record, keys)
        self.index.add_folded(ref, nkey, okey, keys)

    def plan(self, progress: Progress | None = None) -> list[RowPlan]:
        total = max(1, len(self.records))
        rows, plan_one = self.rows, self._plan_one
        for start in range(0, len(self.records), 2000):
            if progress:
                progress(start * 100 // total, f"Comparing row {start} of {total}")
            rows.extend(map(plan_one, self.records[start:start + 2000]))
        return rows

    def _plan_one(self, record: ContactRecord) -> RowPlan:
        keys = record_keys(record)
        index = self.index
        nkey, okey = index.folded(record.name, record.organisation)
        row = RowPlan(record.line, NEW, record.name, record.organisation)
        same = index.same_folded(nkey, okey, keys, record.organisation)
        if same is not None:
            return self._merged_row(row, same, record, keys)
        close = index.close_folded(nkey, okey, record.organisation)
        if close is None:
            self._add_new(record, keys, nkey, okey)
            return row
        row.outcome, row.match_name = REVIEW, self._target_name(close.ref)
        row.match_id = close.ref if isinstance(close.ref, int) else None
        row.action = self.decisions.get(record.line, ADD_NEW)
        where = f"#{close.ref}" if row.match_id else f"line {close.ref[1]} of this file"
        row.detail = f"{close.reason} to {row.match_name} ({where}); {VERDICTS[row.action]}"
        if row.action == ADD_NEW:
            self._add_new(record, keys, nkey, okey)
        elif row.action == MERGE:
            self._note_job_change(row, self._merge(close.ref, record, keys))
        return row

    @staticmethod
    def _note_job_change(row: RowPlan, changes: list[str]) -> None:
        if changes and changes[0].startswith(JOB_CHANGE):
            row.job_change = changes[0][len(JOB_CHANGE):]

    def _merged_row(self, row: RowPlan, same: Match, record: ContactRecord, keys: set[str]) -> RowPlan:
        changes = self._merge(same.ref, record, keys)
        row.match_name = self._target_name(same.ref)
        if isinstance(same.ref, int):
            row.match_id = same.ref
            row.outcome = UPDATED if changes else UNCHANGED
            self._note_job_change(row, changes)
            row.detail = f"{same.reason}: " + ("; ".join(changes) if changes else "nothing new")
        else:
            row.outcome = UPDATED
            row.detail = f"{same.reason} as line {same.ref[1]}; merged into it"
        return row


# --- the use cases -------------------------------------------------------------------------


def _rejected_rows(result: ParseResult) -> list[RowPlan]:
    return [RowPlan(r.line, REJECTED, "", detail=r.reason) for r in result.rejected]


def _people_plan(fmt: str, source: str, result: ParseResult, decisions, progress) -> tuple[ImportPlan, Planner]:
    planner = Planner(result.records, decisions)
    rows = planner.plan(progress) + _rejected_rows(result)
    rows.sort(key=attrgetter("line"))
    plan = ImportPlan(fmt, source, rows)
    # Lines a reader left out of a contact it otherwise read (a vCard's unreadable photo, say).
    dropped = getattr(result, "dropped_lines", None) or []
    if dropped:
        plan.notes.append(f"lines left out of contacts that were read: {len(dropped)}")
        plan.notes.extend(f"  line {r.line}: {r.reason}" for r in dropped[:LISTED])
        if len(dropped) > LISTED:
            plan.notes.append(f"  ... and {len(dropped) - LISTED} more")
    return plan, planner


def preview(fmt: str, path: Path, *, decisions: dict[int, str] | None = None, progress: Progress | None = None) -> ImportPlan:
    """What importing `path` would do; changes nothing."""
    return run_import(fmt, path, dry_run=True, decisions=decisions, progress=progress).plan


def run_import(
    fmt: str,
    path: Path,
    *,
    dry_run: bool = False,
    decisions: dict[int, str] | None = None,
    clock: Clock = SYSTEM_CLOCK,
    progress: Progress | None = None,
) -> ImportSummary:
    """Plan and (unless a dry run) write the import, all inside one transaction."""
    collecting = gc.isenabled()
    gc.disable()  # an import allocates ~10 objects per row and frees none until the end
    try:
        return _run_import(fmt, Path(path), dry_run, decisions, clock, progress)
    finally:
        if collecting:
            gc.enable()


def _json_plan(source: json_io.Export, source_name: str, decisions, report) -> tuple[ImportPlan, Planner | None, bool]:
    """(plan, planner or None, whether to restore every table as it was)."""
    contents = json_restore.read(source, report)
    if contents.into_empty:
        rows = [RowPlan(number, NEW, name, org) for number, (name, org) in enumerate(contents.people(), 1)]
        return ImportPlan("json", source_name, rows, restore_counts=contents.restored()), None, True
    planner = Planner(contents.records(), decisions)
    plan = ImportPlan("json", source_name, planner.plan(report))
    note = contents.not_merged()
    if note:
        plan.notes.append(note)
    return plan, planner, False


def _run_import(fmt, path, dry_run, decisions, clock, progress) -> ImportSummary:
    report = progress or (lambda _p, _m: None)
    report(0, f"Reading {path.name}")
    if fmt == AUTO:
        fmt = detect_format(path)
    if fmt == "json":
        source = json_io.Export(_readable(path))
    else:
        result = parse(fmt, read_file(path))
        if not result.records and not result.rejected:
            raise ImportFormatError(f"{path.name} holds no contacts.")
    # A real import takes the write lock up front, so the journal cannot change between matching
    # and writing; a preview only reads.
    # A preview rolls back what it read in a transaction of its own; a real import joins the
    # operation's transaction (no savepoint: see journal.store.transactions.joined).
    opened = DB.atomic() if dry_run else joined(DB, "IMMEDIATE")
    with opened as transaction:
        if fmt == "json":
            plan, planner, restore = _json_plan(source, path.name, decisions, report)
        else:
            plan, planner = _people_plan(fmt, path.name, result, decisions, report)
        if dry_run:
            transaction.rollback()
        else:
            report(90, "Writing")
            if planner is not None:
                write_plan(planner, clock)
            if fmt == "json" and restore:
                json_restore.write(source)
            report(95, "Saving")
    report(100, "Done")
    return ImportSummary(plan, dry_run)


def _entry(fmt: str):
    def importer(path, *, dry_run: bool = False, clock: Clock = SYSTEM_CLOCK) -> ImportSummary:
        return run_import(fmt, Path(path), dry_run=dry_run, clock=clock)

    importer.__name__ = f"import_{fmt}"
    importer.__doc__ = f"The command line's `import {fmt} FILE`."
    return importer


import_vcard = _entry("vcard")
import_linkedin = _entry("linkedin")
import_google = _entry("google")
import_outlook = _entry("outlook")
import_thunderbird = _entry("thunderbird")
import_auto = _entry("auto")
import_json = _entry("json")


def in_own_connection(function, *args, **kwargs):
    """Run `function` on this (worker) thread with its own connection to the journal file."""
    with DB.connection_context():
        return function(*args, **kwargs)
