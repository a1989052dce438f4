"""Bulk inserts of people with the index brought up to date once (search.person_index_deferred)."""

from __future__ import annotations

import pytest

from journal.store import search as index
from journal.store.models import Person, PersonTag, Tag


def ids(db, text):
    return sorted(hit.id for hit in index.search(db, index.match_expression(text), "person", 50))


def triggers(db) -> dict[str, str]:
    return dict(db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def integrity(db):
    db.execute_sql("INSERT INTO person_fts(person_fts, rank) VALUES ('integrity-check', 1)")


def test_new_people_and_new_tags_are_indexed_and_the_triggers_return(db):
    before = triggers(db)
    old = Person.create(name="Ana Núñez")
    untouched = Person.create(name="Bo Li", notes="mentor once")
    mentor = Tag.create(name="mentor")
    with db.atomic(), index.person_index_deferred(db):
        assert "person_fts_ai" not in triggers(db) and "person_tag_fts_ai" not in triggers(db)
        new = Person.create(name="Chidi Okafor", role="Recruiter")
        PersonTag.create(person=old, tag=mentor)
        PersonTag.create(person=new, tag=mentor)
    assert triggers(db) == before
    assert ids(db, "chidi") == ids(db, "recruiter") == [new.id]
    assert ids(db, "mentor") == sorted([old.id, untouched.id, new.id])
    assert ids(db, "nunez") == [old.id]
    integrity(db)
    later = Person.create(name="Dana Smith")  # the triggers work again
    PersonTag.create(person=later, tag=mentor)
    assert ids(db, "dana") == [later.id] and later.id in ids(db, "mentor")
    integrity(db)


def test_an_error_inside_leaves_rows_index_and_triggers_as_they_were(db):
    before = triggers(db)
    old = Person.create(name="Ana Núñez")
    mentor = Tag.create(name="mentor")
    with pytest.raises(RuntimeError), db.atomic(), index.person_index_deferred(db):
        Person.create(name="Chidi Okafor")
        PersonTag.create(person=old, tag=mentor)
        raise RuntimeError("disk full")
    assert triggers(db) == before
    assert [p.name for p in Person.select()] == ["Ana Núñez"]
    assert PersonTag.select().count() == 0
    assert ids(db, "chidi") == ids(db, "mentor") == []
    integrity(db)
