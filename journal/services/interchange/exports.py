"""Writing the journal out: vCard 3.0 and CSV of people, JSON of everything."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path

from peewee import JOIN

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.dates import DateValueError, YearlyDate
from journal.errors import JournalError
from journal.interop import csv_export, json_io, vcard
from journal.interop.ids import person_uid
from journal.interop.records import AddressRecord, DateRecord, PersonOut
from journal.services.interchange.json_tables import iter_table, table_models
from journal.store.migrations import SCHEMA_VERSION
from journal.store.models import (
    DB,
    Address,
    ContactDetail,
    Job,
    Organisation,
    Person,
    PersonCard,
    PersonDate,
    PersonPhoto,
    PersonTag,
    Profile,
    Relation,
    Tag,
)

CARD_SEPARATOR = "\r\n"


def people_out(*, include_placeholders: bool = False, with_photos: bool = True) -> list[PersonOut]:
    """Everyone, with details, tags, dates, addresses, profiles, relations, other current jobs,
    photos (unless `with_photos` is off) and kept card lines: one query per table, ordered by name."""
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
            connected_on=p.connected_on, archived=p.archived, updated_at=p.updated_at, nickname=p.nickname or "",
        )
    details = ContactDetail.select(ContactDetail.person, ContactDetail.kind, ContactDetail.value, ContactDetail.label)
    for pid, kind, value, label in details.order_by(ContactDetail.id).tuples():
        if pid in people:
            (people[pid].emails if kind == "email" else people[pid].phones).append((value, label))
    for pid, tag in PersonTag.select(PersonTag.person, Tag.name).join(Tag).order_by(Tag.name).tuples():
        if pid in people:
            people[pid].tags.append(tag)
    _add_extras(people, with_photos=with_photos)
    return list(people.values())


def _add_extras(people: dict[int, PersonOut], *, with_photos: bool) -> None:
    dates = PersonDate.select(PersonDate.person, PersonDate.kind, PersonDate.label, PersonDate.month,
                              PersonDate.day, PersonDate.year)
    for pid, kind, label, month, day, year in dates.order_by(PersonDate.month, PersonDate.day, PersonDate.id).tuples():
        if pid in people:
            try:
                people[pid].dates.append(DateRecord(kind, YearlyDate(month, day, year), label or ""))
            except DateValueError:  # a row another tool wrote out of range: left out of the card
                continue
    parts = [getattr(Address, name) for name in AddressRecord.PARTS]
    for pid, label, *values in Address.select(Address.person, Address.label, *parts).order_by(Address.id).tuples():
        if pid in people:
            people[pid].addresses.append(AddressRecord(label or "", *(v or "" for v in values)))
    for pid, service, value in Profile.select(Profile.person, Profile.service, Profile.value).order_by(Profile.id).tuples():
        if pid in people:
            people[pid].profiles.append((service or "", value))
    other = Person.alias()
    relations = (
        Relation.select(Relation.person, Relation.kind, Relation.name, other.name)
        .join(other, JOIN.LEFT_OUTER, on=(Relation.other == other.id))
        .order_by(Relation.id)
        .tuples()
    )
    for pid, kind, name, other_name in relations:
        if pid in people and (other_name or name):
            people[pid].relations.append((kind or "", other_name or name))
    # The current jobs beyond the first (the first is the person's organisation and role).
    seen: set[int] = set()
    jobs = (
        Job.select(Job.person, Organisation.name, Job.role)
        .join(Organisation, JOIN.LEFT_OUTER, on=(Job.organisation == Organisation.id))
        .where(Job.ended_on.is_null())
        .order_by(Job.person, Job.id)
        .tuples()
    )
    for pid, org, role in jobs:
        if pid not in people:
            continue
        if pid not in seen:
            seen.add(pid)
            continue
        people[pid].other_jobs.append((org or "", role or ""))
    if with_photos:
        for pid, mime, data in PersonPhoto.select(PersonPhoto.person, PersonPhoto.mime, PersonPhoto.data).tuples():
            if pid in people and data:
                people[pid].photo = (mime or "image/jpeg", data)
    for pid, extra in PersonCard.select(PersonCard.person, PersonCard.extra).tuples():
        if pid in people and extra:
            people[pid].extra_lines = [line for line in extra.split(CARD_SEPARATOR) if line]


def export_vcard(stream, *, clock: Clock = SYSTEM_CLOCK) -> int:
    with DB.atomic():
        people = people_out()
    return vcard.write(people, stream)


# Columns after the CSV exporter's own: a birthday is YYYY-MM-DD, or --MM-DD without a year.
CSV_COLUMNS = ["Nickname", "Birthday"]


def _birthday(person: PersonOut) -> str:
    return next((d.date.text() for d in person.dates if d.kind == "birthday"), "")


def export_csv(stream, *, clock: Clock = SYSTEM_CLOCK) -> int:
    with DB.atomic():
        people = people_out(include_placeholders=True, with_photos=False)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(csv_export.HEADER + CSV_COLUMNS)
    for person in people:
        # The birthday is written by the journal (digits and dashes), never a formula to neutralise.
        writer.writerow(csv_export.row(person) + [csv_export.neutralise(person.nickname), _birthday(person)])
    return len(people)


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
