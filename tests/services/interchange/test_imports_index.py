"""After an import the search finds the new people and those who gained tags; a failed import
leaves the journal, its index and its triggers exactly as they were."""

from __future__ import annotations

import pytest

from journal.services.interchange import import_writer, imports
from journal.services.interchange.json_tables import dump_tables
from journal.services.people.records import add_detail, create_person
from journal.services.search import matching_person_ids
from journal.store.models import DB, Person
from tests.interop import samples


def triggers() -> dict[str, str]:
    return dict(DB.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def integrity():
    DB.execute_sql("INSERT INTO person_fts(person_fts, rank) VALUES ('integrity-check', 1)")


def test_search_finds_imported_people_and_new_tags(db, clock, tmp_path):
    before = triggers()
    dana = create_person("D. Smith", clock=clock)
    add_detail(dana.id, "email", "dana@work.com")
    assert matching_person_ids("mentors") == []
    path = tmp_path / "g.csv"
    path.write_text(samples.GOOGLE_CURRENT, encoding="utf-8")
    imports.run_import("google", path, clock=clock)
    eve = Person.get(Person.name == "Eve Adams")
    assert matching_person_ids("eve adams") == [eve.id]
    assert matching_person_ids("mentors") == [dana.id]  # an existing person who gained tags
    assert matching_person_ids("umbrella") == [dana.id]  # and an organisation
    linkedin = tmp_path / "c.csv"
    linkedin.write_bytes(samples.linkedin(samples.LINKEDIN_ROWS))
    imports.run_import("linkedin", linkedin, clock=clock)
    assert matching_person_ids("acme") == [Person.get(Person.name == "Ana Pérez").id]
    assert triggers() == before
    integrity()


def test_a_failure_while_writing_changes_nothing(db, clock, tmp_path, monkeypatch):
    dana = create_person("D. Smith", clock=clock)
    add_detail(dana.id, "email", "dana@work.com")
    before, schema = dump_tables(), triggers()
    real = import_writer.bulk_insert

    def failing(model, columns, rows):
        real(model, columns, rows)
        if model is import_writer.ContactDetail:  # people already written, tags not yet
            raise OSError("disk full")

    monkeypatch.setattr(import_writer, "bulk_insert", failing)
    path = tmp_path / "g.csv"
    path.write_text(samples.GOOGLE_CURRENT, encoding="utf-8")
    with pytest.raises(OSError):
        imports.run_import("google", path, clock=clock)
    assert dump_tables() == before
    assert triggers() == schema
    assert matching_person_ids("eve") == matching_person_ids("mentors") == []
    integrity()
