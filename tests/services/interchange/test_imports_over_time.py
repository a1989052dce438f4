"""Imports keep people over time: every field a file brings is stored, and a re-import that
shows someone in another job records the move instead of keeping the old one forever."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.dates import YearlyDate
from journal.interop.records import AddressRecord, ContactRecord, DateRecord
from journal.services import operations
from journal.services.interchange import imports
from journal.services.interchange.import_writer import write_plan
from journal.services.interchange.json_tables import dump_tables
from journal.services.people import jobs
from journal.services.people.records import create_person
from journal.store.models import (
    Address,
    Person,
    PersonCard,
    PersonDate,
    PersonPhoto,
    Profile,
    Relation,
)
from tests.interop import samples

URL = "https://www.linkedin.com/in/"


def run(records, clock, decisions=None) -> imports.ImportPlan:
    """Plan and write `records` as one operation, as File > Import does with a file's records."""

    def op():
        planner = imports.Planner(records, decisions)
        rows = planner.plan()
        write_plan(planner, clock)
        return imports.ImportPlan("vcard", "test", rows)

    return operations.run(op, label="Import").value


def record(line: int, name: str, organisation: str = "", role: str = "", who: str = "", **fields) -> ContactRecord:
    return ContactRecord(line, name, organisation, role, linkedin=URL + (who or name.split()[0].lower()), **fields)


def known(name: str, organisation: str = "", role: str = "", **fields) -> Person:
    return create_person(name, organisation=organisation, role=role, linkedin=URL + name.split()[0].lower(), **fields)


def jobs_of(person: Person) -> list[tuple[str, str, dt.date | None, dt.date | None]]:
    return [(j.organisation, j.role, j.ended_on, j.noticed_on) for j in jobs.jobs_of(person.id)]


def fresh(person: Person) -> Person:
    return Person.get_by_id(person.id)


# --- the planner's rules for job changes ------------------------------------------------------


def test_same_person_at_a_new_company_is_a_job_change(db, clock):
    ana = known("Ana Pérez", "Acme", "CTO")
    plan = run([record(2, "Ana Pérez", "Globex", "VP Engineering")], clock)
    row = plan.rows[0]
    assert (row.outcome, row.match_id, plan.job_changes) == (imports.UPDATED, ana.id, 1)
    assert row.job_change == "Acme, CTO → Globex, VP Engineering"
    ana = fresh(ana)
    assert (ana.organisation.name, ana.role) == ("Globex", "VP Engineering")
    today = clock.today()
    assert jobs_of(ana) == [("Globex", "VP Engineering", None, today), ("Acme", "CTO", today, None)]
    assert [c.person_id for c in jobs.recent_changes(today)] == [ana.id]
    assert jobs.recent_changes(today)[0].previous == "Acme"


def test_same_company_with_a_new_role_is_a_job_change(db, clock):
    ana = known("Ana Pérez", "Acme, Inc.", "Engineer")
    plan = run([record(2, "Ana Pérez", "ACME", "Engineering Manager")], clock)
    assert plan.job_changes == 1
    ana = fresh(ana)
    assert ana.role == "Engineering Manager"
    assert [(org, role, ended) for org, role, ended, _ in jobs_of(ana)] == [
        ("Acme, Inc.", "Engineering Manager", None), ("Acme, Inc.", "Engineer", clock.today())
    ]


@pytest.mark.parametrize("organisation, role", [
    ("ACME Inc", "cto"),  # the same company and role once folded
    ("acme", " Cto "),
    ("", ""),  # the file says nothing
    ("", "Founder"),  # no organisation in the file: it does not say they left
    ("Acme", ""),  # no role in the file
])
def test_what_is_not_a_job_change(db, clock, organisation, role):
    ana = known("Ana Pérez", "Acme", "CTO")
    before = dump_tables()
    plan = run([record(2, "Ana Pérez", organisation, role)], clock)
    assert plan.job_changes == 0 and plan.rows[0].job_change == ""
    assert plan.rows[0].outcome == imports.UNCHANGED
    assert dump_tables() == before
    assert jobs_of(fresh(ana)) == [("Acme", "CTO", None, None)]


def test_a_first_organisation_is_filled_in_as_a_first_job(db, clock):
    bo = known("Bo Li")
    cy = known("Cy Young", role="Designer")
    plan = run([record(2, "Bo Li", "Globex", "Engineer"), record(3, "Cy Young", "Initech", "Architect")], clock)
    assert plan.job_changes == 0
    assert [r.detail.split(": ")[1] for r in plan.rows] == ["adds organisation; adds role", "adds organisation"]
    assert jobs_of(fresh(bo)) == [("Globex", "Engineer", None, None)]
    cy = fresh(cy)
    assert (cy.organisation.name, cy.role) == ("Initech", "Designer")
    assert jobs_of(cy) == [("Initech", "Designer", None, None)]


def test_a_close_name_merged_after_review_counts_its_job_change(db, clock):
    ana = known("Anna Perez", "Acme", "CTO")
    row = ContactRecord(2, "Ana Perez", "ACME", "VP")
    assert run([row], clock, decisions={2: imports.MERGE}).rows[0].job_change == "Acme, CTO → Acme, VP"
    assert fresh(ana).role == "VP"


def test_a_placeholder_is_filled_in_but_never_changes_job(db, clock):
    someone = create_person("Dana's sister-in-law, CMO at AAMC", placeholder=True, organisation="AAMC", role="CMO")
    plan = run([ContactRecord(2, "Dana's sister-in-law, CMO at AAMC", "AAMC", "CEO", nickname="Sis")], clock)
    assert plan.rows[0].match_id == someone.id and plan.job_changes == 0
    someone = fresh(someone)
    assert (someone.role, someone.nickname) == ("CMO", "Sis")
    assert jobs_of(someone) == [("AAMC", "CMO", None, None)]


def test_a_new_person_gets_a_first_job_not_a_noticed_change(db, clock):
    run([record(2, "Ana Pérez", "Acme", "CTO"), record(3, "Bo Li", who="bo")], clock)
    ana, bo = Person.get(name="Ana Pérez"), Person.get(name="Bo Li")
    assert jobs_of(ana) == [("Acme", "CTO", None, None)]
    assert jobs_of(bo) == []
    assert jobs.recent_changes(clock.today()) == []


def test_two_rows_of_one_person_make_one_move(db, clock):
    ana = known("Ana Pérez", "Acme", "CTO")
    plan = run([record(2, "Ana Pérez", "Globex", "VP"), record(3, "Ana Pérez", "Globex", "VP")], clock)
    assert plan.job_changes == 1 and plan.rows[1].outcome == imports.UNCHANGED
    assert [(org, ended is None) for org, _r, ended, _n in jobs_of(fresh(ana))] == [("Globex", True), ("Acme", False)]


def test_the_summary_counts_and_lists_job_changes(db, clock, tmp_path):
    ana = known("Ana Pérez", "Acme, Inc.", "CTO, Platform")
    path = tmp_path / "Connections.csv"
    path.write_bytes(samples.linkedin([
        ["Ana", "Pérez", URL + "ana", "", "Globex", "CTO", "12 Mar 2024"],
        ["Bo", "Li", URL + "bo", "", "Initech", "Engineer", "1 Apr 2024"],
    ]))
    preview = imports.preview("linkedin", path)
    assert preview.job_changes == 1 and fresh(ana).organisation.name == "Acme, Inc."
    text = str(operations.run(imports.import_linkedin, path, clock=clock).value)
    assert "  job changes: 1\n" in text
    assert "Ana Pérez — Acme, Inc., CTO, Platform → Globex, CTO" in text
    assert fresh(ana).organisation.name == "Globex"
    # The same file again changes nothing more.
    before = dump_tables()
    again = imports.import_linkedin(path, clock=clock)
    assert again.plan.job_changes == 0 and dump_tables() == before


def test_a_job_change_is_undone_whole(db, clock):
    ana = known("Ana Pérez", "Acme", "CTO")
    before = dump_tables()
    history = operations.History()

    def op():
        planner = imports.Planner([record(2, "Ana Pérez", "Globex", "VP")])
        planner.plan()
        write_plan(planner, clock)

    history.record(operations.run(op, label="Import"))
    assert fresh(ana).organisation.name == "Globex"
    history.undo()
    assert dump_tables() == before
    history.redo()
    assert jobs_of(fresh(ana))[0][:2] == ("Globex", "VP")


# --- every field a record brings ------------------------------------------------------------


def rich(line: int = 2, **changes) -> ContactRecord:
    fields = dict(
        nickname="Annie",
        dates=[DateRecord("birthday", YearlyDate(4, 2, None)), DateRecord("custom", YearlyDate(6, 1, 2019), "Met")],
        addresses=[AddressRecord("home", street="12 Rue X", locality="Paris", postcode="75001", country="France")],
        profiles=[("twitter", "@ana"), ("xmpp", "ana@jabber.org")],
        relations=[("spouse", "Bo Li"), ("child", "Cleo Pérez")],
        other_jobs=[("Open Source Foundation", "Board member")],
        photo=("image/png", "iVBORw0KGgo="),
        extra_lines=["X-GENDER:F", "X-SOCIALPROFILE;TYPE=foo:bar"],
    )
    fields.update(changes)
    organisation, role = fields.pop("organisation", "Acme"), fields.pop("role", "CTO")
    return record(line, "Ana Pérez", organisation, role, **fields)


def stored(person: Person) -> dict:
    return {
        "nickname": person.nickname,
        "dates": sorted((d.kind, d.label, d.month, d.day, d.year) for d in PersonDate.select().where(PersonDate.person == person)),
        "addresses": [(a.label, a.street, a.locality, a.postcode, a.country) for a in Address.select().where(Address.person == person)],
        "profiles": [(p.service, p.value) for p in Profile.select().where(Profile.person == person).order_by(Profile.id)],
        "relations": [(r.kind, r.name, r.other_id) for r in Relation.select().where(Relation.person == person).order_by(Relation.id)],
        "jobs": [(j.organisation, j.role, j.ended_on) for j in jobs.jobs_of(person.id)],
        "photo": [(p.mime, p.data) for p in PersonPhoto.select().where(PersonPhoto.person == person)],
        "card": [c.extra for c in PersonCard.select().where(PersonCard.person == person)],
    }


def test_a_new_person_gets_every_field_and_a_second_import_changes_nothing(db, clock):
    bo = create_person("Bo Li")
    plan = run([rich()], clock)
    assert plan.count(imports.NEW) == 1
    ana = Person.get(name="Ana Pérez")
    assert stored(ana) == {
        "nickname": "Annie",
        "dates": [("birthday", "", 4, 2, None), ("custom", "Met", 6, 1, 2019)],
        "addresses": [("home", "12 Rue X", "Paris", "75001", "France")],
        "profiles": [("twitter", "@ana"), ("xmpp", "ana@jabber.org")],
        # Bo Li is in the journal (one person of that name), Cleo is only a name.
        "relations": [("spouse", "Bo Li", bo.id), ("child", "Cleo Pérez", None)],
        "jobs": [("Open Source Foundation", "Board member", None), ("Acme", "CTO", None)],  # current, newest first
        "photo": [("image/png", "iVBORw0KGgo=")],
        "card": ["X-GENDER:F\r\nX-SOCIALPROFILE;TYPE=foo:bar"],
    }
    assert (ana.organisation.name, ana.role) == ("Acme", "CTO")  # the first current job
    before = dump_tables()
    again = run([rich()], clock)
    assert again.rows[0].outcome == imports.UNCHANGED and again.rows[0].detail.endswith("nothing new")
    assert dump_tables() == before


def test_an_existing_person_only_gains_what_is_missing(db, clock):
    run([rich()], clock)
    ana = Person.get(name="Ana Pérez")
    plan = run([rich(
        nickname="Nana",  # has one already
        dates=[DateRecord("birthday", YearlyDate(4, 2, 1990)),  # fills the missing year
               DateRecord("anniversary", YearlyDate(9, 9, 2015))],
        addresses=[AddressRecord("home", street="12 rue x", locality="PARIS", postcode="75001", country="France"),
                   AddressRecord("work", street="1 Main St", locality="Springfield")],
        profiles=[("Twitter", "@ANA"), ("mastodon", "@ana@example.social")],
        relations=[("Spouse", "bo li")],
        other_jobs=[("Open Source Foundation", "board member"), ("Acme", "CTO")],
        photo=("image/jpeg", "/9j/other"),  # has one already
        extra_lines=["X-GENDER:F", "X-ASSISTANT:Dee"],
    )], clock)
    detail = plan.rows[0].detail
    assert plan.rows[0].outcome == imports.UPDATED and plan.job_changes == 0, detail
    for said in ("adds the year of birthday 1990-04-02", "adds anniversary 2015-09-09", "adds address 1 Main St, Springfield",
                 "adds profile @ana@example.social", "keeps 1 more card line(s)"):
        assert said in detail
    assert "nickname" not in detail and "photo" not in detail and "adds job" not in detail
    after = stored(fresh(ana))
    assert after["nickname"] == "Annie"
    assert after["dates"] == [("anniversary", "", 9, 9, 2015), ("birthday", "", 4, 2, 1990), ("custom", "Met", 6, 1, 2019)]
    assert [a[1] for a in after["addresses"]] == ["12 Rue X", "1 Main St"]
    assert after["profiles"][-1] == ("mastodon", "@ana@example.social") and len(after["profiles"]) == 3
    assert len(after["relations"]) == 2
    assert after["photo"] == [("image/png", "iVBORw0KGgo=")]
    assert after["card"] == ["X-GENDER:F\r\nX-SOCIALPROFILE;TYPE=foo:bar\r\nX-ASSISTANT:Dee"]


def test_relations_link_only_a_name_that_one_person_has(db, clock):
    create_person("Bo Li")
    create_person("Bo Li")
    cleo = create_person("Cleo Pérez")
    run([rich(relations=[("friend", "Bo Li"), ("child", "cleo  pérez"), ("self", "Ana Pérez")])], clock)
    ana = Person.get(name="Ana Pérez")
    assert stored(ana)["relations"] == [("friend", "Bo Li", None), ("child", "cleo pérez", cleo.id), ("self", "Ana Pérez", None)]


def test_an_existing_person_without_a_photo_or_card_gets_them(db, clock):
    ana = known("Ana Pérez", "Acme", "CTO")
    run([rich(dates=[], addresses=[], profiles=[], relations=[], other_jobs=[])], clock)
    assert stored(fresh(ana))["photo"] == [("image/png", "iVBORw0KGgo=")]
    assert stored(fresh(ana))["card"] == ["X-GENDER:F\r\nX-SOCIALPROFILE;TYPE=foo:bar"]


def test_a_job_change_with_other_jobs_ends_the_old_ones_and_keeps_the_listed(db, clock):
    run([rich()], clock)
    ana = Person.get(name="Ana Pérez")
    plan = run([rich(organisation="Globex", role="CTO")], clock)
    assert plan.job_changes == 1
    current = [(org, role) for org, role, ended in stored(fresh(ana))["jobs"] if ended is None]
    assert current == [("Open Source Foundation", "Board member"), ("Globex", "CTO")]
    assert fresh(ana).organisation.name == "Globex"


def test_importing_rich_records_is_undone_whole(db, clock):
    create_person("Bo Li")
    run([rich()], clock)
    before = dump_tables()
    history = operations.History()

    def op():
        planner = imports.Planner([rich(dates=[DateRecord("birthday", YearlyDate(4, 2, 1990))], extra_lines=["X-A:1"]),
                                   record(3, "Cy Young", "Acme", nickname="Cy")])
        planner.plan()
        write_plan(planner, clock)

    history.record(operations.run(op, label="Import"))
    assert dump_tables() != before
    history.undo()
    assert dump_tables() == before


def test_imported_people_are_found_by_their_organisations_and_job_changes(db, clock):
    from journal.services.search import search_ranked

    def found(text: str) -> set[str]:
        return {r.title.split(" — ")[0] for r in search_ranked(text) if r.kind == "person"}

    bo = known("Bo Li", "Initech", "Engineer")
    run([rich(), record(3, "Cy Young", "Acme", "Designer"), record(4, "Bo Li", "Globex", "Architect")], clock)
    assert found("Acme") == {"Ana Pérez", "Cy Young"}
    assert found("Foundation") == {"Ana Pérez"}  # a further current job
    assert found("Annie") == {"Ana Pérez"}
    assert found("Globex") == {"Bo Li"} and found("Initech") == {"Bo Li"}  # the former organisation too
    assert fresh(bo).organisation.name == "Globex"
    triggers = {name for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    assert {"job_fts_ai", "person_fts_au", "person_fts_ai"} <= triggers  # set aside during the import, back after it


def test_many_job_changes_keep_the_index_exact_and_undo(db, clock):
    from journal.services.interchange.import_writer import _REINDEX_AT_ONCE
    from journal.services.search import search_ranked
    from journal.store import search

    count = _REINDEX_AT_ONCE + 10  # enough to rewrite the index rows at once
    for n in range(count):
        create_person(f"Person {n:03}", organisation="Acme", role="Engineer", linkedin=f"{URL}p{n}", clock=clock)
    before = dump_tables()
    history = operations.History()

    def op():
        planner = imports.Planner([ContactRecord(n + 2, f"Person {n:03}", "Globex", "Engineer", linkedin=f"{URL}p{n}")
                                   for n in range(count)])
        planner.plan()
        write_plan(planner, clock)

    history.record(operations.run(op, label="Import"))
    contents = "SELECT rowid, name, organisation, role, notes, tags FROM person_fts ORDER BY rowid"
    indexed = db.execute_sql(contents).fetchall()
    assert db.execute_sql("SELECT count(*) FROM person_fts WHERE person_fts MATCH 'globex'").fetchone()[0] == count
    search.rebuild(db)  # the index as it would be built from scratch
    assert db.execute_sql(contents).fetchall() == indexed
    assert db.execute_sql("SELECT count(*) FROM sqlite_master WHERE name = 'person_fts_au'").fetchone()[0] == 1
    assert {r.title.split(" — ")[0] for r in search_ranked("Person 001")} == {"Person 001"}
    history.undo()
    assert dump_tables() == before
    assert not [r for r in search_ranked("Globex") if r.kind == "person"]
