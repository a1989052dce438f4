"""Merging keeps everything of both people over time: jobs, dates, addresses, profiles,
relations, the photo and the card lines, and undo puts every row back."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.services import operations
from journal.services.interchange.json_tables import dump_tables
from journal.services.people import jobs, merge
from journal.services.people.records import create_person
from journal.store.models import (
    Address,
    Job,
    Person,
    PersonCard,
    PersonDate,
    PersonPhoto,
    Profile,
    Relation,
)


@pytest.fixture
def pair(db, clock):
    keep = create_person("Ana Pérez", organisation="Acme", role="", clock=clock)
    drop = create_person("Perez, Ana", organisation="ACME", role="CTO", clock=clock)
    other = create_person("Bo Li", clock=clock)
    # Drop's career: a former job and a second current one.
    Job.create(person=drop, organisation=None, role="Intern", started_on=dt.date(2010, 1, 1), ended_on=dt.date(2011, 1, 1))
    Job.create(person=drop, role="Board member")
    PersonDate.create(person=keep, kind="birthday", month=4, day=2)
    PersonDate.create(person=drop, kind="birthday", month=4, day=2, year=1990)
    PersonDate.create(person=drop, kind="anniversary", month=9, day=9, year=2015)
    Address.create(person=keep, street="12 Rue X", locality="Paris")
    Address.create(person=drop, street="12 rue x", locality="PARIS")
    Address.create(person=drop, street="1 Main St", locality="Springfield")
    Profile.create(person=keep, service="twitter", value="@ana")
    Profile.create(person=drop, service="Twitter", value="@ANA")
    Profile.create(person=drop, service="xmpp", value="ana@jabber.org")
    Relation.create(person=drop, kind="spouse", name="Bo Li", other=other)
    Relation.create(person=drop, kind="friend", name="Ana Pérez", other=keep)  # would be herself
    Relation.create(person=keep, kind="twin", name="Perez, Ana", other=drop)  # would be herself
    Relation.create(person=other, kind="spouse", name="Perez, Ana", other=drop)  # re-pointed at keep
    PersonPhoto.create(person=drop, mime="image/png", data="iVBORw0KGgo=")
    PersonCard.create(person=keep, extra="X-GENDER:F")
    PersonCard.create(person=drop, extra="X-GENDER:F\r\nX-ASSISTANT:Dee")
    return keep.id, drop.id, other.id


def test_preview_counts_what_moves(pair):
    keep, drop, _other = pair
    before = dump_tables()
    preview = merge.preview_merge(keep, drop)
    assert (preview.jobs, preview.dates, preview.addresses, preview.profiles, preview.relations) == (2, 2, 1, 1, 1)
    assert preview.photo and preview.card_lines == 1
    assert "role" in preview.fills
    assert "2 job(s), 2 date(s), 1 address(es), 1 profile(s), 1 relation(s), the photo, 1 kept card line(s)" in preview.lines()[0]
    assert dump_tables() == before


def test_merge_keeps_the_union_and_undo_restores_it(pair, clock):
    keep, drop, other = pair
    before = dump_tables()
    history = operations.History()
    history.record(operations.run(merge.merge_people, keep, drop, clock=clock, label="Merge Ana"))
    assert not Person.select().where(Person.id == drop).exists()
    ana = Person.get_by_id(keep)
    assert (ana.organisation.name, ana.role) == ("Acme", "CTO")  # drop's role filled into keep's job
    rows = jobs.jobs_of(keep)
    assert sorted((j.organisation, j.role, j.ended_on) for j in rows) == [
        ("", "Board member", None), ("", "Intern", dt.date(2011, 1, 1)), ("Acme", "CTO", None)
    ]
    first = Job.select().where((Job.person == keep) & Job.ended_on.is_null()).order_by(Job.id).first()
    assert (first.organisation.name, first.role) == ("Acme", "CTO")  # still the first current job
    assert sorted((d.kind, d.month, d.day, d.year) for d in PersonDate.select().where(PersonDate.person == keep)) == [
        ("anniversary", 9, 9, 2015), ("birthday", 4, 2, 1990)
    ]
    assert [a.street for a in Address.select().where(Address.person == keep).order_by(Address.id)] == ["12 Rue X", "1 Main St"]
    assert [p.value for p in Profile.select().where(Profile.person == keep).order_by(Profile.id)] == ["@ana", "ana@jabber.org"]
    assert [(r.kind, r.other_id) for r in Relation.select().where(Relation.person == keep)] == [("spouse", other)]
    assert [(r.kind, r.other_id) for r in Relation.select().where(Relation.person == other)] == [("spouse", keep)]
    assert PersonPhoto.get(PersonPhoto.person == keep).data == "iVBORw0KGgo="
    assert PersonCard.get(PersonCard.person == keep).extra == "X-GENDER:F\r\nX-ASSISTANT:Dee"
    history.undo()
    assert dump_tables() == before
    history.redo()
    assert PersonPhoto.get(PersonPhoto.person == keep).data == "iVBORw0KGgo="


def test_the_survivors_photo_stays(pair, clock):
    keep, drop, _other = pair
    PersonPhoto.create(person=keep, mime="image/jpeg", data="/9j/mine")
    assert not merge.preview_merge(keep, drop).photo
    merge.merge_people(keep, drop, clock=clock)
    assert [(p.mime, p.data) for p in PersonPhoto.select()] == [("image/jpeg", "/9j/mine")]


def test_someone_without_a_job_takes_the_others_career(db, clock):
    keep = create_person("Ana Pérez", clock=clock)
    drop = create_person("Ana Perez", organisation="Globex", role="VP", clock=clock)
    Job.update(ended_on=dt.date(2020, 1, 1)).where(Job.person == drop).execute()
    Job.create(person=drop, organisation=Person.get_by_id(drop.id).organisation, role="SVP")
    merge.merge_people(keep.id, drop.id, clock=clock)
    ana = Person.get_by_id(keep.id)
    assert (ana.organisation.name, ana.role) == ("Globex", "SVP")
    assert [(j.role, j.ended_on) for j in jobs.jobs_of(keep.id)] == [("SVP", None), ("VP", dt.date(2020, 1, 1))]


def test_another_current_job_of_the_removed_person_comes_after_the_survivors(db, clock):
    drop = create_person("Ana Perez", organisation="Globex", role="Advisor", clock=clock)
    keep = create_person("Ana Pérez", organisation="Acme", role="CTO", clock=clock)  # a later first job
    merge.merge_people(keep.id, drop.id, clock=clock)
    ana = Person.get_by_id(keep.id)
    assert (ana.organisation.name, ana.role) == ("Acme", "CTO")
    current = Job.select().where((Job.person == keep.id) & Job.ended_on.is_null()).order_by(Job.id)
    assert [(j.organisation.name, j.role) for j in current] == [("Acme", "CTO"), ("Globex", "Advisor")]
