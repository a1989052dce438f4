"""Writing the journal out: vCard 3.0 and CSV of people, JSON of everything."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from peewee import JOIN

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import JournalError
from journal.interop import csv_export, json_io, vcard
from journal.interop.ids import person_uid
from journal.interop.records import PersonOut
from journal.services.interchange.json_tables import iter_table, table_models
from journal.store.migrations import SCHEMA_VERSION
from journal.store.models import DB, ContactDetail, Organisation, Person, PersonTag, Tag


def people_out(*, include_placeholders: bool = False) -> list[PersonOut]:
    """Everyone, with details and tags, in four queries, ordered by name."""
    query = (
        Person.select(Person, Organisation.name.alias("org_name"))
        .join(Organisation, JOIN.LEFT_OUTER)
        .order_by(Person.name, Person.id)
    )
    if not include_placeholders:
        query = query.where(Person.is_placeholder == False)  # noqa: E712
    people: dict[int, PersonOut] = {}
    for p in query.objects():
        people[p.id] = PersonOut(
            uid=person_uid(p.id, p.created_at), name=p.name, organisation=p.org_name or "", role=p.role,
            linkedin=p.linkedin, website=p.website, location=p.location, how_met=p.how_met, notes=p.notes,
            connected_on=p.connected_on, archived=p.archived, updated_at=p.updated_at,
        )
    details = ContactDetail.select(ContactDetail.person, ContactDetail.kind, ContactDetail.value, ContactDetail.label)
    for pid, kind, value, label in details.order_by(ContactDetail.id).tuples():
        if pid in people:
            (people[pid].emails if kind == "email" else people[pid].phones).append((value, label))
    for pid, tag in PersonTag.select(PersonTag.person, Tag.name).join(Tag).order_by(Tag.name).tuples():
        if pid in people:
            people[pid].tags.append(tag)
    return list(people.values())


def export_vcard(stream, *, clock: Clock = SYSTEM_CLOCK) -> int:
    with DB.atomic():
        people = people_out()
    return vcard.write(people, stream)


def export_csv(stream, *, clock: Clock = SYSTEM_CLOCK) -> int:
    with DB.atomic():
        people = people_out(include_placeholders=True)
    return csv_export.write(people, stream)


def export_json(stream, *, clock: Clock = SYSTEM_CLOCK) -> int:
    """Every table, every row, streamed from one read transaction (a consistent snapshot)."""
    with DB.atomic():
        tables = ((model._meta.table_name, iter_table(model)) for model in table_models())
        return json_io.dump(tables, schema=SCHEMA_VERSION, exported_at=clock.now().isoformat(), stream=stream)


EXPORTERS: dict[str, tuple[str, str, Callable]] = {
    "vcard": ("vCard 3.0", "vcf", export_vcard),
    "csv": ("CSV of people", "csv", export_csv),
    "json": ("Contact Journal JSON (everything)", "json", export_json),
}


def export_to_file(fmt: str, target: Path, *, clock: Clock = SYSTEM_CLOCK) -> int:
    """Write `fmt` to `target` whole or not at all (staged next to it, then renamed)."""
    if fmt not in EXPORTERS:
        raise JournalError(f"Unknown export format {fmt!r}.")
    target = Path(target).expanduser()
    staging = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(staging, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            count = EXPORTERS[fmt][2](handle, clock=clock)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staging, target)
    except OSError as exc:
        raise JournalError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    finally:
        staging.unlink(missing_ok=True)
    return count
