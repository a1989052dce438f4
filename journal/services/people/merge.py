"""Merging two records of one person, and finding likely duplicates.

`merge_people(keep, drop)` moves everything of `drop` onto `keep` (conversations, offers given and
received, next steps, e-mails and phones, tags), fills what `keep` lacks, then deletes `drop`,
all in one transaction. Run as an operation (journal.services.operations), it is undone like
any other: every row it touched is put back.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, ForeignKeyField

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import ValidationError
from journal.interop.dedupe import Entry, duplicate_pairs, linkedin_key
from journal.services.transaction import write
from journal.store.models import (
    ALL_MODELS,
    ContactDetail,
    Introduction,
    NextStep,
    Organisation,
    Participant,
    Person,
    PersonTag,
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

    def lines(self) -> list[str]:
        moved = [
            f"{self.conversations} conversation(s)",
            f"{self.offers} offered introduction(s)",
            f"{self.next_steps} next step(s)",
            f"{self.details} e-mail address(es) and phone number(s)",
            f"{self.tags} tag(s)",
        ]
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


def _fills(keep: Person, drop: Person) -> dict[str, object]:
    values = {}
    for name in FILLED:
        if getattr(drop, name + "_id" if name == "organisation" else name) and not getattr(
            keep, name + "_id" if name == "organisation" else name
        ):
            values[name] = getattr(drop, name + "_id" if name == "organisation" else name)
    if drop.notes.strip() and drop.notes.strip() not in keep.notes:
        values["notes"] = f"{keep.notes}\n\n{drop.notes}".strip()
    if drop.connected_on and keep.connected_on and drop.connected_on < keep.connected_on:
        values["connected_on"] = drop.connected_on
    return values


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
    return MergePreview(
        keep=_brief(keep_id),
        drop=_brief(drop_id),
        conversations=Participant.select().where(Participant.person == drop_id).count(),
        offers=Introduction.select().where((Introduction.introducer == drop_id) | (Introduction.target == drop_id)).count(),
        next_steps=NextStep.select().where(NextStep.person == drop_id).count(),
        details=sum(1 for d in drop.details if (d.kind, d.normalized) not in keep_details),
        tags=sum(1 for t in drop.person_tags if t.tag_id not in keep_tags),
        fills=tuple(FIELD_NAMES.get(name, name.replace("_", " ")) for name in _fills(keep, drop)),
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
        _move_other_references(keep_id, drop_id)
        fills = _fills(keep, drop)
        Person.update(**fills, updated_at=clock.now()).where(Person.id == keep_id).execute()
        Person.delete().where(Person.id == drop_id).execute()  # what stayed behind goes with them
    return moved


HANDLED = {(Participant, "person"), (Introduction, "introducer"), (Introduction, "target"), (NextStep, "person"),
           (ContactDetail, "person"), (PersonTag, "person")}


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
