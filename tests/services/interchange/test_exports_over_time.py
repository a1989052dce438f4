"""Exports carry everything of people over time: the vCard exporter's records get every new field
(in a few queries), a JSON backup restores the new tables exactly, and merging one into a
journal that has people brings those fields too."""

from __future__ import annotations

import io
import json

from playhouse.test_utils import count_queries

from journal.domain.dates import YearlyDate
from journal.interop.records import AddressRecord, DateRecord
from journal.services.interchange import exports, imports
from journal.services.interchange.json_tables import dump_tables
from journal.services.people import jobs
from journal.services.people.records import create_person
from journal.store.models import Address, Job, Person, PersonCard, PersonDate, PersonPhoto, Profile, Relation


def populate(clock) -> tuple[int, int]:
    ana = create_person("Ana Pérez", organisation="Acme", role="CTO", nickname="Annie", clock=clock)
    bo = create_person("Bo Li", clock=clock)
    Job.create(person=ana, role="Board member")  # a second current job
    jobs.add_job(ana.id, "Initech", "Engineer", None, None)
    Job.update(ended_on="2020-01-01").where(Job.role == "Engineer").execute()  # a former one
    PersonDate.create(person=ana, kind="birthday", month=4, day=2)
    PersonDate.create(person=ana, kind="custom", label="Met", month=6, day=1, year=2019)
    Address.create(person=ana, label="home", street="12 Rue X", locality="Paris", postcode="75001", country="France")
    Profile.create(person=ana, service="twitter", value="@ana")
    Relation.create(person=ana, kind="spouse", name="Bo (old name)", other=bo)
    Relation.create(person=ana, kind="child", name="Cleo Pérez")
    PersonPhoto.create(person=ana, mime="image/png", data="iVBORw0KGgo=")
    PersonCard.create(person=ana, extra="X-GENDER:F\r\nX-ASSISTANT:Dee")
    return ana.id, bo.id


def test_people_out_has_every_new_field(db, clock):
    populate(clock)
    ana = next(p for p in exports.people_out() if p.name == "Ana Pérez")
    assert (ana.organisation, ana.role, ana.nickname) == ("Acme", "CTO", "Annie")
    assert ana.dates == [DateRecord("birthday", YearlyDate(4, 2)), DateRecord("custom", YearlyDate(6, 1, 2019), "Met")]
    assert ana.addresses == [AddressRecord("home", street="12 Rue X", locality="Paris", postcode="75001", country="France")]
    assert ana.profiles == [("twitter", "@ana")]
    assert ana.relations == [("spouse", "Bo Li"), ("child", "Cleo Pérez")]  # a linked person by their name now
    assert ana.other_jobs == [("", "Board member")]  # current ones beyond the first; not the former
    assert ana.photo == ("image/png", "iVBORw0KGgo=")
    assert ana.extra_lines == ["X-GENDER:F", "X-ASSISTANT:Dee"]
    assert next(p for p in exports.people_out(with_photos=False) if p.name == "Ana Pérez").photo is None


def test_people_out_reads_one_query_per_table_however_many_people(db, clock):
    populate(clock)
    with count_queries() as few:
        exports.people_out()
    for n in range(40):
        person = create_person(f"Person {n}", organisation="Globex", clock=clock)
        PersonDate.create(person=person, kind="birthday", month=1, day=n % 28 + 1)
        Profile.create(person=person, service="x", value=f"@p{n}")
    with count_queries() as many:
        assert len(exports.people_out()) == 42
    assert many.count == few.count <= 12


def test_a_json_backup_restores_the_new_tables_exactly(db, clock, tmp_path):
    from journal.store.db import open_journal

    populate(clock)
    stream = io.StringIO()
    exports.export_json(stream, clock=clock)
    tables = json.loads(stream.getvalue())["tables"]
    for table in ("job", "person_date", "address", "profile", "relation", "person_photo", "person_card"):
        assert tables[table], table
    original = dump_tables()
    path = tmp_path / "journal.json"
    path.write_text(stream.getvalue(), encoding="utf-8")
    db.close()
    open_journal(tmp_path / "restored.sqlite3")
    summary = imports.import_json(path, clock=clock)
    assert "3 jobs" in str(summary) and "1 photos" in str(summary)
    assert dump_tables() == original


def test_a_json_export_merged_into_a_journal_with_people_brings_the_new_fields(db, clock, tmp_path):
    from journal.store.db import open_journal

    populate(clock)
    stream = io.StringIO()
    exports.export_json(stream, clock=clock)
    path = tmp_path / "journal.json"
    path.write_text(stream.getvalue(), encoding="utf-8")
    db.close()
    open_journal(tmp_path / "other.sqlite3")
    clock.advance(days=1)  # another journal's people, made at another time (so with other UIDs)
    create_person("Bo Li", clock=clock)
    create_person("Someone Else", clock=clock)
    assert imports.import_json(path, clock=clock).plan.count(imports.NEW) == 1  # Bo Li is matched by name
    ana = Person.get(Person.name == "Ana Pérez")
    out = next(p for p in exports.people_out() if p.name == "Ana Pérez")
    assert (out.nickname, out.photo, out.extra_lines) == ("Annie", ("image/png", "iVBORw0KGgo="), ["X-GENDER:F", "X-ASSISTANT:Dee"])
    assert [d.date.text() for d in out.dates] == ["--04-02", "2019-06-01"]
    assert out.other_jobs == [("", "Board member")] and out.addresses[0].street == "12 Rue X"
    bo = Person.get(Person.name == "Bo Li")
    assert [(r.kind, r.other_id) for r in Relation.select().where(Relation.person == ana).order_by(Relation.id)] == [
        ("spouse", bo.id), ("child", None)
    ]


def test_a_schema_3_export_restores_with_first_jobs(db, clock, tmp_path):
    from journal.store.db import open_journal

    create_person("Ana Pérez", organisation="Acme", role="CTO", clock=clock)
    create_person("Bo Li", clock=clock)
    stream = io.StringIO()
    exports.export_json(stream, clock=clock)
    document = json.loads(stream.getvalue())
    document["schema"] = 3
    for table in ("job", "person_date", "address", "profile", "relation", "person_photo", "person_card"):
        del document["tables"][table]
    for row in document["tables"]["person"]:
        del row["nickname"], row["date_reminders"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    db.close()
    open_journal(tmp_path / "restored.sqlite3")
    imports.import_json(path, clock=clock)
    ana = Person.get(Person.name == "Ana Pérez")
    assert [(j.organisation, j.role, j.ended_on) for j in jobs.jobs_of(ana.id)] == [("Acme", "CTO", None)]
    assert Job.select().count() == 1


def test_the_csv_export_has_nickname_and_birthday_columns(db, clock):
    import csv

    ana, _bo = populate(clock)
    PersonDate.create(person=create_person("Cy Young", nickname="=cmd", clock=clock), kind="birthday", month=2, day=29,
                      year=1988)
    stream = io.StringIO()
    assert exports.export_csv(stream, clock=clock) == 3
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows[0][-2:] == ["Nickname", "Birthday"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Ana Pérez"][-2:] == ["Annie", "--04-02"]
    assert by_name["Cy Young"][-2:] == ["'=cmd", "1988-02-29"]  # a nickname that reads as a formula is neutralised
    assert by_name["Bo Li"][-2:] == ["", ""]
