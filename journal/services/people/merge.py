"""Merging two records of one person, and finding likely duplicates.

`merge_people(keep, drop)` moves everything of `drop` onto `keep` (conversations, offers given and
received, next steps, e-mails and phones, tags, jobs, dates, addresses, profiles, relations, the
photo where `keep` has none, the kept card lines), fills what `keep` lacks, re-points relations
that named `drop` at `keep`, then deletes `drop`, all in one transaction. Run as an operation (journal.services.operations), it is undone like
any other: every row it touched is put back.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, ForeignKeyField, fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import ValidationError
from journal.interop.dedupe import Entry, duplicate_pairs, fold, linkedin_key, org_key
from journal.services.transaction import write
from journal.store.models import (
    ALL_MODELS,
    Address,
    ContactDetail,
    Introduction,
    Job,
    NextStep,
    Organisation,
    Participant,
    Person,
    PersonCard,
    PersonDate,
    PersonPhoto,
    PersonTag,
    Profile,
    Relation,
)

FILLED = ("organisation", "role", "linkedin", "website", "location", "how_met", "connected_on", "cadence_days", "cadence_set_on")

FIELD_NAMES = {"linkedin": "LinkedIn", "how_met": "how you met", "cadence_days": "keep-in-touch cadence",
               "cadence_set_on": "cadence start"}


@dataclass(frozen=True)
class PersonBrief:
    id: int
    name: str
    organisation: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class DuplicatePair:
    a: PersonBrief
    b: PersonBrief
    reason: str
    score: int


@dataclass(frozen=True)
class MergePreview:
    keep: PersonBrief
    drop: PersonBrief
    conversations: int
    offers: int
    next_steps: int
    details: int
    tags: int
    fills: tuple[str, ...]
    jobs: int = 0
    dates: int = 0
    addresses: int = 0
    profiles: int = 0
    relations: int = 0
    photo: bool = False
    card_lines: int = 0

    def lines(self) -> list[str]:
        moved = [
            f"{self.conversations} conversation(s)",
            f"{self.offers} offered introduction(s)",
            f"{self.next_steps} next step(s)",
            f"{self.details} e-mail address(es) and phone number(s)",
            f"{self.tags} tag(s)",
        ]
        for count, what in ((self.jobs, "job(s)"), (self.dates, "date(s)"), (self.addresses, "address(es)"),
                            (self.profiles, "profile(s)"), (self.relations, "relation(s)"),
                            (int(self.photo), "photo"), (self.card_lines, "kept card line(s)")):
            if count:
                moved.append(f"{count} {what}" if what != "photo" else "the photo")
        out = [f"Keep {self.keep.name} (#{self.keep.id}) and move onto them: " + ", ".join(moved) + "."]
        if self.fills:
            out.append(f"{self.keep.name} gets from {self.drop.name}: " + ", ".join(self.fills) + ".")
        out.append(f"{self.drop.name} (#{self.drop.id}) is then removed.")
        return out


def _brief(person_id: int) -> PersonBrief:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValidationError(f"There is no person {person_id}; they may have been merged or deleted already.")
    details = tuple(d.value for d in person.details.order_by(ContactDetail.id))
    return PersonBrief(person.id, person.name, person.organisation.name if person.organisation else "", details)


def _fills(keep: Person, drop: Person, extras: _Extras | None = None) -> dict[str, object]:
    values = {}
    for name in FILLED:
        if extras is not None and extras.mirror is not None and name in ("organisation", "role"):
            # The first current job after the merge decides (Person mirrors it).
            value = extras.mirror[0] if name == "organisation" else extras.mirror[1]
            if value != getattr(keep, "organisation_id" if name == "organisation" else "role") and value:
                values[name] = value
            continue
        if getattr(drop, name + "_id" if name == "organisation" else name) and not getattr(
            keep, name + "_id" if name == "organisation" else name
        ):
            values[name] = getattr(drop, name + "_id" if name == "organisation" else name)
    if drop.notes.strip() and drop.notes.strip() not in keep.notes:
        values["notes"] = f"{keep.notes}\n\n{drop.notes}".strip()
    if drop.connected_on and keep.connected_on and drop.connected_on < keep.connected_on:
        values["connected_on"] = drop.connected_on
    return values


def _job_key(job: Job) -> tuple[str, str]:
    return org_key(job.org_name or "") if job.organisation_id else "", fold(job.role or "")


def _compatible(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One job told twice: the same organisation and role where both say one."""
    return all(x == y or not x or not y for x, y in zip(a, b, strict=True))


def _jobs(person_id: int) -> list[Job]:
    return list(
        Job.select(Job, Organisation.name.alias("org_name"))
        .join(Organisation, JOIN.LEFT_OUTER, on=(Job.organisation == Organisation.id))
        .where(Job.person == person_id)
        .order_by(Job.id)
        .objects()
    )


@dataclass
class _Extras:
    """What a merge does with jobs, dates, addresses, profiles, relations, the photo and card lines."""

    job_fills: dict[int, dict]  # keep's job id -> fields it gains
    jobs_moved: list[int]  # drop's jobs that become keep's as they are
    jobs_copied: list[Job]  # drop's current jobs added after keep's (keep's first job stays first)
    mirror: tuple[int | None, str] | None  # keep's organisation and role after the merge
    dates_moved: list[int]
    year_fills: dict[int, int]
    addresses_moved: list[int]
    profiles_moved: list[int]
    relations_moved: list[int]
    photo: PersonPhoto | None
    card: str | None  # keep's card lines after the merge, where they change
    card_added: int
    keep_has_card: bool

    @property
    def jobs(self) -> int:
        return len(self.jobs_moved) + len(self.jobs_copied)


def _plan_extras(keep_id: int, drop_id: int) -> _Extras:
    keep_jobs, drop_jobs = _jobs(keep_id), _jobs(drop_id)
    keep_current = [j for j in keep_jobs if j.ended_on is None]
    job_fills: dict[int, dict] = {}
    moved, copied = [], []
    state = {j.id: [j.organisation_id, j.org_name if j.organisation_id else "", j.role] for j in keep_current}
    for job in drop_jobs:
        key = _job_key(job)
        if job.ended_on is not None:
            if not any(k.ended_on == job.ended_on and _job_key(k) == key for k in keep_jobs):
                moved.append(job.id)
            continue
        if not keep_current:
            moved.append(job.id)
            continue
        twin = next(
            (k for k in keep_current
             if _compatible((org_key(state[k.id][1]) if state[k.id][0] else "", fold(state[k.id][2])), key)),
            None,
        )
        if twin is None:
            copied.append(job)
            continue
        held = state[twin.id]
        if held[0] is None and job.organisation_id:
            held[0], held[1] = job.organisation_id, job.org_name or ""
            job_fills.setdefault(twin.id, {})["organisation"] = job.organisation_id
        if not held[2] and job.role:
            held[2] = job.role
            job_fills.setdefault(twin.id, {})["role"] = job.role
        if twin.started_on is None and job.started_on is not None:
            job_fills.setdefault(twin.id, {})["started_on"] = job.started_on
    if keep_current:
        first = state[keep_current[0].id]
        mirror = (first[0], first[2])
    else:
        first_moved = next((j for j in drop_jobs if j.ended_on is None), None)
        mirror = (first_moved.organisation_id, first_moved.role) if first_moved else None

    keep_dates = {(d.kind, d.month, d.day): d for d in PersonDate.select().where(PersonDate.person == keep_id)}
    dates_moved, year_fills = [], {}
    for d in PersonDate.select().where(PersonDate.person == drop_id).order_by(PersonDate.id):
        known = keep_dates.get((d.kind, d.month, d.day))
        if known is None:
            dates_moved.append(d.id)
            keep_dates[(d.kind, d.month, d.day)] = d
        elif known.year is None and d.year is not None and known.person_id == keep_id:
            year_fills[known.id] = d.year

    def unique(model, key, owner_key=None) -> list[int]:
        seen = {key(row) for row in model.select().where(model.person == keep_id)}
        out = []
        for row in model.select().where(model.person == drop_id).order_by(model.id):
            k = key(row)
            if k not in seen and (owner_key is None or owner_key(row)):
                seen.add(k)
                out.append(row.id)
        return out

    addresses = unique(Address, lambda a: tuple(fold(getattr(a, n) or "") for n in
                                                ("po_box", "extended", "street", "locality", "region", "postcode", "country")))
    profiles = unique(Profile, lambda p: (fold(p.service or ""), " ".join((p.value or "").split()).casefold()))
    # A relation of `drop` to `keep` (or `keep` to `drop`) would relate the person to themselves.
    relations = unique(
        Relation,
        lambda r: (fold(r.kind or ""), r.other_id if r.other_id and r.other_id != drop_id else fold(r.name or "")),
        owner_key=lambda r: r.other_id not in (keep_id, drop_id),
    )
    photo = None
    if not PersonPhoto.select().where(PersonPhoto.person == keep_id).exists():
        photo = PersonPhoto.get_or_none(PersonPhoto.person == drop_id)
    keep_card, drop_card = PersonCard.get_or_none(PersonCard.person == keep_id), PersonCard.get_or_none(PersonCard.person == drop_id)
    card, added = None, 0
    if drop_card and drop_card.extra:
        lines = [line for line in (keep_card.extra if keep_card else "").split("\r\n") if line]
        new = [line for line in dict.fromkeys(drop_card.extra.split("\r\n")) if line and line not in lines]
        if new:
            card, added = "\r\n".join(lines + new), len(new)
    return _Extras(job_fills, moved, copied, mirror, dates_moved, year_fills, addresses, profiles, relations, photo,
                   card, added, keep_card is not None)


def preview_merge(keep_id: int, drop_id: int) -> MergePreview:
    if keep_id == drop_id:
        raise ValidationError("Pick two different people to merge.")
    keep, drop = Person.get_or_none(Person.id == keep_id), Person.get_or_none(Person.id == drop_id)
    if keep is None or drop is None:
        raise ValidationError("One of these people no longer exists.")
    between = Introduction.select().where(
        ((Introduction.introducer == keep_id) & (Introduction.target == drop_id))
        | ((Introduction.introducer == drop_id) & (Introduction.target == keep_id))
    )
    if between.exists():
        raise ValidationError(
            f"{drop.name} and {keep.name} are on two ends of an offered introduction; merged, it would introduce "
            "someone to themselves. Decline or delete that offer first if they are one person."
        )
    keep_details = {(d.kind, d.normalized) for d in keep.details}
    keep_tags = {t.tag_id for t in keep.person_tags}
    extras = _plan_extras(keep_id, drop_id)
    return MergePreview(
        keep=_brief(keep_id),
        drop=_brief(drop_id),
        conversations=Participant.select().where(Participant.person == drop_id).count(),
        offers=Introduction.select().where((Introduction.introducer == drop_id) | (Introduction.target == drop_id)).count(),
        next_steps=NextStep.select().where(NextStep.person == drop_id).count(),
        details=sum(1 for d in drop.details if (d.kind, d.normalized) not in keep_details),
        tags=sum(1 for t in drop.person_tags if t.tag_id not in keep_tags),
        fills=tuple(FIELD_NAMES.get(name, name.replace("_", " ")) for name in _fills(keep, drop, extras)),
        jobs=extras.jobs,
        dates=len(extras.dates_moved) + len(extras.year_fills),
        addresses=len(extras.addresses_moved),
        profiles=len(extras.profiles_moved),
        relations=len(extras.relations_moved),
        photo=extras.photo is not None,
        card_lines=extras.card_added,
    )


def merge_people(keep_id: int, drop_id: int, *, clock: Clock = SYSTEM_CLOCK) -> MergePreview:
    """Move everything of `drop_id` onto `keep_id` and remove `drop_id`; one transaction.
    Returns what moved (the preview as it was just before)."""
    moved = preview_merge(keep_id, drop_id)  # validates both
    with write():
        keep, drop = Person.get_by_id(keep_id), Person.get_by_id(drop_id)
        shared = Participant.select(Participant.conversation).where(Participant.person == keep_id)
        Participant.update(person=keep_id).where(
            (Participant.person == drop_id) & Participant.conversation.not_in(shared)
        ).execute()
        Introduction.update(introducer=keep_id).where(Introduction.introducer == drop_id).execute()
        Introduction.update(target=keep_id).where(Introduction.target == drop_id).execute()
        NextStep.update(person=keep_id).where(NextStep.person == drop_id).execute()
        keep_details = {(d.kind, d.normalized) for d in keep.details}
        moving = [d.id for d in drop.details if (d.kind, d.normalized) not in keep_details]
        ContactDetail.update(person=keep_id).where(ContactDetail.id.in_(moving)).execute()
        keep_tags = [t.tag_id for t in keep.person_tags]
        PersonTag.update(person=keep_id).where((PersonTag.person == drop_id) & PersonTag.tag.not_in(keep_tags)).execute()
        extras = _plan_extras(keep_id, drop_id)
        _merge_extras(keep_id, drop_id, extras)
        _move_other_references(keep_id, drop_id)
        fills = _fills(keep, drop, extras)
        Person.update(**fills, updated_at=clock.now()).where(Person.id == keep_id).execute()
        Person.delete().where(Person.id == drop_id).execute()  # what stayed behind goes with them
    return moved


HANDLED = {(Participant, "person"), (Introduction, "introducer"), (Introduction, "target"), (NextStep, "person"),
           (ContactDetail, "person"), (PersonTag, "person"), (Job, "person"), (PersonDate, "person"),
           (Address, "person"), (Profile, "person"), (Relation, "person"), (Relation, "other"),
           (PersonPhoto, "person"), (PersonCard, "person")}


def _merge_extras(keep_id: int, drop_id: int, extras: _Extras) -> None:
    """Jobs, dates, addresses, profiles, relations, photo and card lines onto `keep_id`; what is
    left on `drop_id` (duplicates) goes with them."""
    for job_id, values in extras.job_fills.items():
        Job.update(**values).where(Job.id == job_id).execute()
    if extras.jobs_moved:
        Job.update(person=keep_id).where(Job.id.in_(extras.jobs_moved)).execute()
    for job in extras.jobs_copied:
        Job.create(person=keep_id, organisation=job.organisation_id, role=job.role, started_on=job.started_on,
                   ended_on=job.ended_on, noticed_on=job.noticed_on, dismissed=job.dismissed)
    for year_id, year in extras.year_fills.items():
        PersonDate.update(year=year).where(PersonDate.id == year_id).execute()
    for model, ids in ((PersonDate, extras.dates_moved), (Address, extras.addresses_moved),
                       (Profile, extras.profiles_moved), (Relation, extras.relations_moved)):
        if ids:
            model.update(person=keep_id).where(model.id.in_(ids)).execute()
    # Relations that named the removed person now name the kept one (none of keep to themselves,
    # none twice).
    Relation.delete().where((Relation.person == keep_id) & (Relation.other == drop_id)).execute()
    for relation in Relation.select().where(Relation.other == drop_id):
        twin = Relation.select().where(
            (Relation.person == relation.person_id) & (Relation.other == keep_id)
            & (fn.lower(Relation.kind) == (relation.kind or "").lower())
        )
        if twin.exists():
            relation.delete_instance()
        else:
            Relation.update(other=keep_id).where(Relation.id == relation.id).execute()
    if extras.photo is not None:  # a new row: the photo's key is its person
        PersonPhoto.create(person=keep_id, mime=extras.photo.mime, data=extras.photo.data)
    if extras.card is not None:
        if extras.keep_has_card:
            PersonCard.update(extra=extras.card).where(PersonCard.person == keep_id).execute()
        else:
            PersonCard.create(person=keep_id, extra=extras.card)


def _move_other_references(keep_id: int, drop_id: int) -> None:
    """Tables added later that point at a person follow the merge too."""
    for model in ALL_MODELS:
        for fk in model._meta.fields.values():
            if isinstance(fk, ForeignKeyField) and fk.rel_model is Person and (model, fk.name) not in HANDLED:
                model.update({fk: keep_id}).where(fk == drop_id).execute()


def find_duplicates() -> list[DuplicatePair]:
    """People who look like one person: shared e-mail, phone or LinkedIn, or a close name at
    the same organisation. Placeholders are left out."""
    people = {}
    query = (
        Person.select(Person.id, Person.name, Organisation.name, Person.linkedin)
        .join(Organisation, JOIN.LEFT_OUTER)
        .where(Person.is_placeholder == False)  # noqa: E712
        .order_by(Person.id)
        .tuples()
    )
    for pid, name, org, linkedin in query:
        keys = {f"linkedin:{linkedin_key(linkedin)}"} if linkedin and linkedin_key(linkedin) else set()
        people[pid] = Entry(pid, name, org or "", keys)
    details: dict[int, list[str]] = {}
    for pid, kind, value, normalized in ContactDetail.select(
        ContactDetail.person, ContactDetail.kind, ContactDetail.value, ContactDetail.normalized
    ).tuples():
        if pid in people:
            details.setdefault(pid, []).append(value)
            if normalized.strip("+"):
                people[pid].keys.add(f"{kind}:{normalized}")

    def brief(pid: int) -> PersonBrief:
        entry = people[pid]
        return PersonBrief(pid, entry.name, entry.organisation, tuple(details.get(pid, ())))

    return [DuplicatePair(brief(a), brief(b), reason, score) for a, b, reason, score in duplicate_pairs(list(people.values()))]
