"""Importing the journal's own JSON: an exact restore into an empty journal; into a journal
that already holds people, its people are matched and merged like any other import."""

from __future__ import annotations

import datetime as dt

from peewee import IntegrityError, chunked

from journal.interop.ids import person_uid
from journal.interop.records import ContactRecord, ImportFormatError
from journal.services.json_tables import rows_for, table_models
from journal.store.migrations import SCHEMA_VERSION

BATCH = 400


def _journal_is_empty() -> bool:
    return all(not model.select().exists() for model in table_models())


def _converted(tables: dict) -> dict:
    models = {model._meta.table_name: model for model in table_models()}
    unknown = set(tables) - set(models)
    if unknown:
        raise ImportFormatError(f"This export has tables this journal does not know: {', '.join(sorted(unknown))}.")
    return {name: rows_for(models[name], tables.get(name, [])) for name in models}


def _records(tables: dict) -> list[ContactRecord]:
    orgs = {row.get("id"): row.get("name", "") for row in tables.get("organisation", [])}
    tag_names = {row.get("id"): row.get("name", "") for row in tables.get("tag", [])}
    details: dict[int, list[dict]] = {}
    for row in tables.get("contact_detail", []):
        details.setdefault(row.get("person"), []).append(row)
    tags: dict[int, list[str]] = {}
    for row in tables.get("person_tag", []):
        tags.setdefault(row.get("person"), []).append(tag_names.get(row.get("tag"), ""))
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
                emails=[(d["value"], d.get("label") or "") for d in mine if d.get("kind") == "email"],
                phones=[(d["value"], d.get("label") or "") for d in mine if d.get("kind") == "phone"],
                linkedin=row.get("linkedin") or "",
                website=row.get("website") or "",
                location=row.get("location") or "",
                notes=row.get("notes") or "",
                connected_on=row.get("connected_on"),
                tags=[t for t in tags.get(pid, []) if t],
                uid=person_uid(pid, created.isoformat() if isinstance(created, dt.datetime) else created),
            )
        )
    return records


def plan(document: dict, source: str, decisions, report):
    """(plan, planner or None, converted tables or None)."""
    from journal.services.imports import NEW, ImportPlan, Planner, RowPlan

    schema = document.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise ImportFormatError(
            f"This export comes from a newer Contact Journal (schema {schema}); this version reads up to {SCHEMA_VERSION}."
        )
    converted = _converted(document["tables"])
    report(30, "Checking the export")
    if _journal_is_empty():
        result = ImportPlan("json", source)
        orgs = {row["id"]: row["name"] for row in converted.get("organisation", [])}
        for number, row in enumerate(converted.get("person", []), 1):
            result.rows.append(RowPlan(number, NEW, row.get("name", ""), orgs.get(row.get("organisation"), "")))
        result.restore_counts = {name.replace("_", " "): len(rows) for name, rows in converted.items() if rows}
        return result, None, converted
    records = [r for r in _records(converted) if r.name.strip()]
    planner = Planner(records, decisions)
    rows = planner.plan(report)
    result = ImportPlan("json", source, rows)
    skipped = {name: len(converted.get(name, [])) for name in ("conversation", "introduction", "next_step")}
    if any(skipped.values()):
        result.notes.append(
            "The journal already holds people, so only people were merged; "
            + ", ".join(f"{n} {name.replace('_', ' ')}(s)" for name, n in skipped.items() if n)
            + " are restored only into an empty journal."
        )
    return result, planner, None


def write(converted: dict | None) -> None:
    """Insert every table's rows as they were, ids included. The caller holds the transaction."""
    if not converted:
        return
    for model in table_models():
        for batch in chunked(converted.get(model._meta.table_name, []), BATCH):
            try:
                model.insert_many(batch).execute()
            except IntegrityError as exc:
                raise ImportFormatError(f"This export is damaged: {model._meta.table_name} rows break a rule ({exc}).") from None
