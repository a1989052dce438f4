"""Importing the journal's own JSON: an exact restore into an empty journal; into a journal
that already holds people, its people are matched and merged like any other import (the
import plans from what `read` found; this module knows the export, not the plan).

The export is read twice when restoring (once to check every row, once to write), table by
table, so a journal of any size restores without being held in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import IntegrityError

from journal.domain.dates import DateValueError, YearlyDate
from journal.interop.ids import person_uid
from journal.interop.json_io import Export
from journal.interop.records import AddressRecord, ContactRecord, DateRecord, ImportFormatError
from journal.services.interchange.import_writer import bulk_insert, stored
from journal.services.interchange.json_tables import convert_row, table_models
from journal.store.cipher import INTEGRITY_ERRORS
from journal.store.migrations import SCHEMA_VERSION

BATCH = 2000
JOBS_SCHEMA = 4  # the first schema with the job table
TABLE_WORDS = {"organisation": "organisations", "person": "people", "contact_detail": "e-mails and phones",
               "tag": "tags", "person_tag": "tag links", "conversation": "conversations",
               "participant": "conversation participants", "introduction": "introductions", "next_step": "next steps",
               "job": "jobs", "person_date": "dates", "address": "addresses", "profile": "profiles",
               "relation": "relations", "person_photo": "photos", "person_card": "kept card lines"}
PEOPLE_TABLES = ("organisation", "person", "contact_detail", "tag", "person_tag", "job", "person_date", "address",
                 "profile", "relation", "person_photo", "person_card")


def _journal_is_empty() -> bool:
    return all(not model.select().exists() for model in table_models())


def _models() -> dict:
    return {model._meta.table_name: model for model in table_models()}


def _checked_tables(source: Export):
    """(name, model, converted rows iterator) for every table; unknown tables are refused."""
    models = _models()
    for name, rows in source.tables():
        if name not in models:
            raise ImportFormatError(f"This export has a table this journal does not know: {name}.")
        model = models[name]
        yield name, model, (convert_row(model, row, number) for number, row in enumerate(rows, 1))


def _by_person(tables: dict, table: str) -> dict[int, list[dict]]:
    rows: dict[int, list[dict]] = {}
    for row in sorted(tables.get(table, []), key=lambda r: r.get("id") or 0):
        rows.setdefault(row.get("person"), []).append(row)
    return rows


def _dates(rows: list[dict]) -> list[DateRecord]:
    out = []
    for row in rows:
        try:
            when = YearlyDate(row.get("month") or 0, row.get("day") or 0, row.get("year"))
        except DateValueError:
            continue
        out.append(DateRecord(row.get("kind") or "custom", when, row.get("label") or ""))
    return out


def _add_extras(record: ContactRecord, pid, tables: dict, parts: dict, names: dict, orgs: dict) -> None:
    """The export's jobs, dates, addresses, profiles, relations, photo and card lines of `pid`."""
    current = [j for j in parts["job"].get(pid, []) if j.get("ended_on") is None]
    record.other_jobs = [(orgs.get(j.get("organisation"), "") or "", j.get("role") or "") for j in current[1:]]
    record.dates = _dates(parts["person_date"].get(pid, []))
    record.addresses = [
        AddressRecord(a.get("label") or "", *((a.get(name) or "") for name in AddressRecord.PARTS))
        for a in parts["address"].get(pid, [])
    ]
    record.profiles = [(p.get("service") or "", p.get("value") or "") for p in parts["profile"].get(pid, [])]
    record.relations = [
        (r.get("kind") or "", names.get(r.get("other")) or r.get("name") or "") for r in parts["relation"].get(pid, [])
    ]
    photo = parts["person_photo"].get(pid)
    if photo and photo[0].get("data"):
        record.photo = (photo[0].get("mime") or "image/jpeg", photo[0]["data"])
    card = parts["person_card"].get(pid)
    if card and card[0].get("extra"):
        record.extra_lines = [line for line in card[0]["extra"].split("\r\n") if line]


def _records(tables: dict) -> list[ContactRecord]:
    orgs = {row.get("id"): row.get("name", "") for row in tables.get("organisation", [])}
    tag_names = {row.get("id"): row.get("name", "") for row in tables.get("tag", [])}
    details: dict[int, list[dict]] = {}
    for row in tables.get("contact_detail", []):
        details.setdefault(row.get("person"), []).append(row)
    tags: dict[int, list[str]] = {}
    for row in tables.get("person_tag", []):
        tags.setdefault(row.get("person"), []).append(tag_names.get(row.get("tag"), ""))
    parts = {table: _by_person(tables, table) for table in PEOPLE_TABLES[5:]}
    names = {row.get("id"): row.get("name") or "" for row in tables.get("person", [])}
    records = []
    for number, row in enumerate(tables.get("person", []), 1):
        pid = row.get("id")
        created = row.get("created_at")
        mine = details.get(pid, [])
        records.append(
            ContactRecord(
                line=number,
                name=row.get("name") or "",
                organisation=orgs.get(row.get("organisation"), "") or "",
                role=row.get("role") or "",
                emails=[(d.get("value") or "", d.get("label") or "") for d in mine if d.get("kind") == "email"],
                phones=[(d.get("value") or "", d.get("label") or "") for d in mine if d.get("kind") == "phone"],
                linkedin=row.get("linkedin") or "",
                website=row.get("website") or "",
                location=row.get("location") or "",
                notes=row.get("notes") or "",
                connected_on=row.get("connected_on"),
                tags=[t for t in tags.get(pid, []) if t],
                uid=person_uid(pid, created.isoformat() if isinstance(created, dt.datetime) else created),
                nickname=row.get("nickname") or "",
            )
        )
        _add_extras(records[-1], pid, tables, parts, names, orgs)
    return records


@dataclass
class Contents:
    """What the first read of an export found (the import plans from it)."""

    counts: dict[str, int]  # rows per table
    kept: dict[str, list[dict]]  # the rows of the people tables
    into_empty: bool  # the journal holds nothing yet: every table is restored as it was

    def restored(self) -> dict[str, int]:
        """Rows per table, in the words a user knows them by."""
        return {TABLE_WORDS.get(t, t.replace("_", " ")): n for t, n in self.counts.items() if n}

    def people(self) -> list[tuple[str, str]]:
        """(name, organisation) of every person row, in the export's order."""
        orgs = {row["id"]: row["name"] for row in self.kept.get("organisation", [])}
        return [(row.get("name", ""), orgs.get(row.get("organisation"), "")) for row in self.kept.get("person", [])]

    def records(self) -> list[ContactRecord]:
        """The people as records to match against the journal; nameless rows left out."""
        return [r for r in _records(self.kept) if r.name.strip()]

    def not_merged(self) -> str | None:
        """Why conversations, introductions and next steps are left out of a merge, if there are any."""
        skipped = {t: self.counts.get(t, 0) for t in ("conversation", "introduction", "next_step")}
        if not any(skipped.values()):
            return None
        return (
            "The journal already holds people, so only people were merged; "
            + ", ".join(f"{n} {TABLE_WORDS[t]}" for t, n in skipped.items() if n)
            + " are restored only into an empty journal."
        )


def read(source: Export, report) -> Contents:
    """Check the export's schema and every row of it, keeping only the people tables' rows."""
    schema = source.header.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise ImportFormatError(
            f"This export comes from a newer Contact Journal (schema {schema}); this version reads up to {SCHEMA_VERSION}."
        )
    report(10, "Checking every row of the export")
    empty = _journal_is_empty()
    kept: dict[str, list[dict]] = {}
    counts: dict[str, int] = {}
    for table, _model, rows in _checked_tables(source):
        counts[table] = 0
        keep = table in PEOPLE_TABLES
        for row in rows:
            counts[table] += 1
            if keep:
                kept.setdefault(table, []).append(row)
    return Contents(counts, kept, empty)


def write(source: Export) -> None:
    """Insert every table's rows as they were, ids included. The caller holds the transaction."""
    for _table, model, rows in _checked_tables(source):
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                _insert(model, batch)
                batch = []
        if batch:
            _insert(model, batch)
    schema = source.header.get("schema")
    if isinstance(schema, int) and schema < JOBS_SCHEMA:
        _first_jobs()


def _first_jobs() -> None:
    """An export from before jobs (schema 3) has each person's organisation and role only:
    those become their first jobs, as the upgrade of a schema 3 journal makes them."""
    from journal.store.models import DB

    DB.execute_sql(
        "INSERT INTO job (person_id, organisation_id, role, dismissed) "
        "SELECT p.id, p.organisation_id, p.role, 0 FROM person p "
        "WHERE (p.organisation_id IS NOT NULL OR p.role != '') AND NOT EXISTS (SELECT 1 FROM job j WHERE j.person_id = p.id) "
        "ORDER BY p.id"
    )


def _insert(model, batch: list[dict]) -> None:
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for row in batch:
        columns = tuple(row)
        groups.setdefault(columns, []).append(tuple(stored(row[c]) for c in columns))
    try:
        for columns, values in groups.items():
            bulk_insert(model, list(columns), values)
    except (IntegrityError, *INTEGRITY_ERRORS) as exc:  # sqlite3's or sqlcipher3's
        raise ImportFormatError(f"This export is damaged: {model._meta.table_name} rows break a rule ({exc}).") from None
