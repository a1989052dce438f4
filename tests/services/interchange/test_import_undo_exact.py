"""A LinkedIn import, as File > Import runs it, is undone to the very rows the journal had (every
table, the full-text index and the derived tables) and redone to the very rows it wrote, new
people, filled-in people, first jobs and job changes alike."""

from __future__ import annotations

from journal.services import operations
from journal.services.interchange import imports
from journal.services.people import records as people
from journal.store.models import Job, Person
from tests.interop import samples


def test_an_import_is_undone_and_redone_row_for_row(db, clock, dump, tmp_path):
    dana = people.create_person("Dana Smith", organisation="Acme", role="CTO", clock=clock)
    Person.update(linkedin="https://www.linkedin.com/in/dana").where(Person.id == dana.id).execute()
    people.create_person("Eve Adams", organisation="Initech", clock=clock)
    path = tmp_path / "Connections.csv"
    path.write_bytes(samples.linkedin([
        ["Dana", "Smith", "https://www.linkedin.com/in/dana", "", "Globex", "VP", "01 Feb 2020"],  # a job change
        ["Eve", "Adams", "https://www.linkedin.com/in/eve", "eve@example.com", "Initech", "Recruiter", "12 Mar 2024"],
        ["Eva", "Adams", "https://www.linkedin.com/in/eva", "", "Initech", "Engineer", "12 Mar 2024"],  # close name
        *[[f"New{n}", "Person", f"https://www.linkedin.com/in/new-{n}", "", f"Org {n}", "Engineer", "02 Jan 2021"]
          for n in range(30)],
    ]))
    before = dump()
    clock.advance(days=1)
    history = operations.History()
    result = history.record(operations.run(imports.run_import, "linkedin", path, clock=clock, label="Import"))
    plan = result.value.plan
    assert (plan.count("new"), plan.count("review"), plan.job_changes) == (30, 1, 1)
    assert Person.select().count() == 2 + 31
    assert Job.select().where(Job.person == dana.id).count() == 2
    changes = result.changes
    assert dana.id in changes.person_ids and len(changes.person_ids) >= 32
    after = dump()

    history.undo()
    assert dump() == before
    history.redo()
    assert dump() == after
    history.undo()
    assert dump() == before
