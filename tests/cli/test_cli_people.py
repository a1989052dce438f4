"""`contact-journal people`: everyone with details, tags, last contact, keep-in-touch, jobs and dates."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

TODAY = dt.date(2026, 3, 11)  # the clock fixture


@pytest.fixture
def known(cli, journal_path, clock):
    from journal.services.people import jobs
    from journal.services.people import records as people
    from journal.store.db import close_journal, open_journal
    from journal.store.models import Person, PersonDate

    assert cli("log", "--with", "Dana Smith", "--date", "2026-03-01").code == 0
    open_journal(journal_path)
    dana = Person.get(Person.name == "Dana Smith")
    people.add_detail(dana.id, "email", "dana@acme.com")
    people.add_detail(dana.id, "phone", "+1 415 555 0100")
    people.set_tags(dana.id, ["mentor", "Board"])
    people.set_cadence(dana.id, 30, clock=clock)
    jobs.set_current(dana.id, "Initech", "Engineer")
    jobs.record_change(dana.id, "Acme", "CTO", on=dt.date(2026, 2, 1), started_on=dt.date(2026, 1, 15))
    PersonDate.create(person=dana, kind="birthday", month=4, day=2)
    PersonDate.create(person=dana, kind="custom", label="Met", month=6, day=1, year=2019)
    gone = people.create_person("Zed Old", organisation="Globex", clock=clock)
    Person.update(archived=True).where(Person.id == gone.id).execute()
    people.create_person("Ana Pérez", clock=clock)
    close_journal()
    return dana.id, gone.id


def test_people_json_is_exactly_the_contract(cli, known):
    dana, _gone = known
    result = cli("people", "--json")
    assert result.code == 0 and result.err == "", result
    listed = json.loads(result.out)
    assert [p["name"] for p in listed] == ["Ana Pérez", "Dana Smith"]  # active people, by name
    assert listed[0] == {
        "id": 3, "name": "Ana Pérez", "organisation": "", "role": "", "emails": [], "phones": [], "tags": [],
        "last_contact": None, "last_emailed": None, "next_keep_in_touch": None, "jobs": [], "dates": [],
    }
    assert listed[1] == {
        "id": dana,
        "name": "Dana Smith",
        "organisation": "Acme",
        "role": "CTO",
        "emails": ["dana@acme.com"],
        "phones": ["+1 415 555 0100"],
        "tags": ["Board", "mentor"],
        "last_contact": "2026-03-01",
        "last_emailed": None,
        "next_keep_in_touch": "2026-03-31",
        "jobs": [
            {"organisation": "Acme", "role": "CTO", "from": "2026-01-15", "to": None},
            {"organisation": "Initech", "role": "Engineer", "from": None, "to": "2026-01-15"},
        ],
        "dates": [{"kind": "birthday", "date": "--04-02"}, {"kind": "custom", "date": "2019-06-01", "label": "Met"}],
    }


def test_people_archived_and_plain_text(cli, known):
    dana, gone = known
    listed = json.loads(cli("people", "--json", "--archived").out)
    assert [p["id"] for p in listed] == [listed[0]["id"], dana, gone]
    text = cli("people").out.splitlines()
    assert len(text) == 2
    assert text[1].split() == [str(dana), "Dana", "Smith", "CTO", "at", "Acme", "last", "2026-03-01", "due", "2026-03-31",
                               "#Board", "#mentor"]
    assert "Zed Old (archived)" in cli("people", "--archived").out


def test_people_on_an_empty_journal_and_a_missing_one(cli, journal_path, refused):
    refused(cli("people"))  # read-only: no journal is created to list it
    assert not journal_path.exists()
    assert cli("log", "--with", "Dana").code == 0
    from journal.store.db import close_journal, open_journal
    from journal.store.models import Person

    open_journal(journal_path)
    Person.delete().execute()
    close_journal()
    assert cli("people").out == "No people in the journal yet.\n"
    assert cli("people", "--json").out == "[]\n"


def test_people_reads_in_a_few_queries_however_many_people(cli, known, journal_path):
    from journal.services.people import lookup
    from journal.store.db import close_journal, open_journal
    open_journal(journal_path)
    try:
        from playhouse.test_utils import count_queries

        with count_queries() as few:
            lookup.people_overview()
        from journal.services.people.records import create_person

        for n in range(30):
            create_person(f"Person {n}", organisation="Acme")
        with count_queries() as many:
            assert len(lookup.people_overview()) == 32
        assert many.count == few.count <= 8
    finally:
        close_journal()


def test_import_reports_job_changes(cli, tmp_path):
    from tests.interop import samples

    first = tmp_path / "Connections.csv"
    first.write_bytes(samples.linkedin([["Ana", "Pérez", "https://www.linkedin.com/in/ana", "", "Acme", "CTO", "12 Mar 2024"]]))
    assert cli("import", "linkedin", str(first)).code == 0
    later = tmp_path / "Connections-later.csv"
    later.write_bytes(samples.linkedin([["Ana", "Pérez", "https://www.linkedin.com/in/ana", "", "Globex", "CTO", "12 Mar 2024"]]))
    dry = cli("import", "linkedin", str(later), "--dry-run")
    assert "job changes: 1" in dry.out and "Ana Pérez — Acme, CTO → Globex, CTO" in dry.out
    result = cli("import", "linkedin", str(later))
    assert result.code == 0 and "  updated: 1\n  unchanged: 0\n  job changes: 1\n" in result.out
    listed = json.loads(cli("people", "--json").out)
    assert [(j["organisation"], j["to"]) for j in listed[0]["jobs"]] == [("Globex", None), ("Acme", TODAY.isoformat())]


def test_people_json_in_a_new_process(journal_path):
    def run(*argv):
        return subprocess.run([sys.executable, "-m", "journal", "--db", str(journal_path), *argv],
                              capture_output=True, text=True, timeout=60, check=False)

    assert run("log", "--with", "Dana Smith", "--date", "2026-01-05").returncode == 0
    result = run("people", "--json")
    assert result.returncode == 0, result.stderr
    (dana,) = json.loads(result.stdout)
    assert (dana["name"], dana["last_contact"], dana["jobs"], dana["dates"]) == ("Dana Smith", "2026-01-05", [], [])
