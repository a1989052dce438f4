"""The full-text index: built by the migration, kept in step by triggers, safe for any input."""

from __future__ import annotations

import datetime as dt
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.store import migrations
from journal.store import search as index
from journal.store.models import (
    Conversation,
    Introduction,
    NextStep,
    Organisation,
    Participant,
    Person,
    PersonTag,
    Tag,
)

WHEN = dt.datetime(2026, 3, 1, 10, 0)


def ids(db, text, kind):
    expression = index.match_expression(text)
    return [hit.id for hit in index.search(db, expression, kind, 50)] if expression else []


def integrity(db):
    for table in index.TABLES.values():
        db.execute_sql(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def test_new_journal_has_the_index_at_the_current_version(db):
    assert db.pragma("user_version") == migrations.SCHEMA_VERSION == 9
    tables = {row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(index.TABLES.values()) <= tables


def test_person_found_by_name_organisation_role_notes_and_tags(db):
    org = Organisation.create(name="Globex Systems")
    person = Person.create(name="Siobhán O'Brien", organisation=org, role="Staff Engineer", notes="met at PyCon")
    tag = Tag.create(name="mentor")
    PersonTag.create(person=person, tag=tag)
    for text in ("siob", "siobhan", "o'brien", "globex", "staff eng", "pycon", "mentor"):
        assert ids(db, text, "person") == [person.id], text
    assert ids(db, "nobody", "person") == []
    integrity(db)


def test_triggers_follow_renames_and_tag_changes(db):
    org = Organisation.create(name="Initech")
    person = Person.create(name="Ana Núñez", organisation=org)
    tag = Tag.create(name="climate")
    PersonTag.create(person=person, tag=tag)

    Organisation.update(name="Hooli").where(Organisation.id == org.id).execute()
    assert ids(db, "hooli", "person") == [person.id]
    assert ids(db, "initech", "person") == []

    Tag.update(name="fintech").where(Tag.id == tag.id).execute()
    assert ids(db, "fintech", "person") == [person.id]
    assert ids(db, "climate", "person") == []

    PersonTag.delete().where(PersonTag.person == person.id).execute()
    assert ids(db, "fintech", "person") == []

    Organisation.delete().where(Organisation.id == org.id).execute()  # ON DELETE SET NULL
    assert ids(db, "hooli", "person") == []
    assert ids(db, "nunez", "person") == [person.id]

    Person.update(name="Ana Peña").where(Person.id == person.id).execute()
    assert ids(db, "pena", "person") == [person.id]
    assert ids(db, "nunez", "person") == []
    Person.delete().where(Person.id == person.id).execute()
    assert ids(db, "pena", "person") == []
    integrity(db)


def test_conversations_and_next_steps_follow_insert_update_delete(db):
    conv = Conversation.create(occurred_at=WHEN, summary="Coffee about Rust roles", notes="She knows the CTO")
    step = NextStep.create(text="Send the deck to Zoë")
    assert ids(db, "rust", "conversation") == [conv.id]
    assert ids(db, "zoe", "next_step") == [step.id]

    conv.notes = "Talked about kubernetes"
    conv.save()
    assert ids(db, "cto", "conversation") == []
    assert ids(db, "kube", "conversation") == [conv.id]
    NextStep.update(text="Send the CV").where(NextStep.id == step.id).execute()
    assert ids(db, "zoe", "next_step") == []
    assert ids(db, "cv", "next_step") == [step.id]

    conv.delete_instance()
    step.delete_instance()
    assert ids(db, "kube", "conversation") == []
    assert ids(db, "cv", "next_step") == []
    integrity(db)


def test_introductions_found_by_both_names_and_follow_renames(db):
    a = Person.create(name="Max Müller")
    b = Person.create(name="Léa Côté")
    conv = Conversation.create(occurred_at=WHEN)
    Participant.create(conversation=conv, person=a)
    intro = Introduction.create(
        introducer=a, target=b, conversation=conv, offered_on=WHEN.date(), stage_changed_on=WHEN.date(), notes="robotics"
    )
    assert ids(db, "muller", "introduction") == [intro.id]
    assert ids(db, "lea cote", "introduction") == [intro.id]
    assert ids(db, "robot", "introduction") == [intro.id]
    Person.update(name="Léa Dubois").where(Person.id == b.id).execute()
    assert ids(db, "dubois", "introduction") == [intro.id]
    assert ids(db, "cote", "introduction") == []
    Person.delete().where(Person.id == a.id).execute()  # cascades to the introduction
    assert ids(db, "dubois", "introduction") == []
    integrity(db)


def test_bm25_ranks_a_name_hit_above_a_notes_hit(db):
    in_notes = Person.create(name="Olga Ivanov", notes="Worked with a rust team once")
    in_name = Person.create(name="Rust Cohle")
    assert ids(db, "rust", "person") == [in_name.id, in_notes.id]
    assert index.ranked_ids(db, index.match_expression("rust"), "person") == [in_name.id, in_notes.id]


def test_recent_cap_ranks_among_the_newest_matches(db):
    old = Conversation.create(occurred_at=WHEN, summary="robotics robotics robotics")
    newer = [Conversation.create(occurred_at=WHEN, summary=f"robotics note {i}") for i in range(5)]
    expression = index.match_expression("robotics")
    assert old.id in [h.id for h in index.search(db, expression, "conversation", 10)]
    capped = [h.id for h in index.search(db, expression, "conversation", 10, cap=3)]
    assert sorted(capped) == [c.id for c in newer[-3:]]


def test_match_expression_quotes_every_word():
    assert index.match_expression("") is None
    assert index.match_expression("  * \" ( ") is None
    assert index.match_expression("c++") == '"c"'  # one letter: exact, not a prefix
    assert index.match_expression("O'Brien") == '"O Brien"*'
    assert index.match_expression("AND OR") == '"AND" "OR"*'
    assert index.match_expression("NEAR(a b") == '"NEAR a" "b"'
    assert index.match_expression("name:zoë") == '"name zoë"*'
    assert index.match_expression("o'b") == '"o"'  # "b" waits for its next letter
    assert index.match_expression("o'br") == '"o br"*'
    assert index.match_expression("talked wi") == '"talked" "wi"*'  # only the word being typed
    assert index.match_expression("talked ") == '"talked"'


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_no_typed_text_makes_fts5_fail(text):
    conn = _memory_index()
    expression = index.match_expression(text)
    if expression is None:
        assert not any(ch.isalnum() for ch in text.replace("_", ""))
        return
    for kind in index.TABLES:
        conn.execute(index.search_sql(kind), (expression, 5)).fetchall()


_MEMORY = {}


def _memory_index() -> sqlite3.Connection:
    """The real index schema on an in-memory database (no peewee), shared by the hypothesis runs."""
    if not _MEMORY:
        from peewee import SqliteDatabase

        from journal.store.models import ALL_MODELS

        database = SqliteDatabase(":memory:")
        with database.bind_ctx(ALL_MODELS):
            database.create_tables(ALL_MODELS)
            index.create_index(database)
            org = Organisation.create(name="Acme")
            Person.create(name="Zoë O'Brien", organisation=org, notes="c++ and AND OR NEAR")
            Conversation.create(occurred_at=WHEN, summary="c++ talk", notes="about NEAR things")
            NextStep.create(text="email Zoë")
        _MEMORY["database"] = database
    return _MEMORY["database"].connection()


def test_upgrade_from_version_1_indexes_existing_rows(tmp_path):
    """A journal written at version 1 (no index) gets one, covering its rows, when opened."""
    from peewee import SqliteDatabase

    from journal.store.db import APPLICATION_ID, close_journal, open_journal
    from journal.store.models import ALL_MODELS

    path = tmp_path / "v1.sqlite3"
    old = SqliteDatabase(str(path))
    with old.bind_ctx(ALL_MODELS):
        old.create_tables(ALL_MODELS)
        person = Person.create(name="Jürgen Weiß", role="Founder")
        Conversation.create(occurred_at=WHEN, summary="Seed round", notes="talked about robotics")
        NextStep.create(text="Send the pitch deck")
    old.pragma("application_id", APPLICATION_ID)
    old.pragma("user_version", 1)
    old.close()

    db = open_journal(path)
    try:
        assert db.pragma("user_version") == migrations.SCHEMA_VERSION
        assert ids(db, "jurgen", "person") == [person.id]
        assert ids(db, "robot", "conversation") == [1]
        assert ids(db, "pitch", "next_step") == [1]
        integrity(db)
    finally:
        close_journal()


def test_index_survives_backup_and_restore(db, journal_path):
    from journal.store import backups
    from journal.store.db import close_journal, open_journal

    Person.create(name="Hiroshi Tanaka")
    copy = backups.backup(journal_path, db, reason="manual")
    Person.create(name="Added Later")
    close_journal()
    backups.restore(journal_path, copy)
    restored = open_journal(journal_path)
    try:
        assert len(ids(restored, "hiroshi", "person")) == 1
        assert ids(restored, "added", "person") == []
        Person.create(name="Hiroshi Suzuki")  # the triggers came back too
        assert len(ids(restored, "hiroshi", "person")) == 2
        integrity(restored)
    finally:
        close_journal()


def test_stored_v1_journal_is_fully_indexed_after_upgrade(tmp_path):
    """The stored schema-1 journal (tests/fixtures/journals) comes out of the upgrade with every
    row in the index and each person findable by name."""
    import shutil
    from pathlib import Path

    from journal.store.db import close_journal, open_journal

    source = Path(__file__).resolve().parents[1] / "fixtures" / "journals" / "v1.sqlite3"
    path = tmp_path / "v1.sqlite3"
    shutil.copyfile(source, path)
    db = open_journal(path)
    try:
        for table, fts in (("person", "person_fts"), ("conversation", "conversation_fts"),
                           ("introduction", "introduction_fts"), ("next_step", "next_step_fts")):
            rows = db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
            indexed = db.execute_sql(f"SELECT count(*) FROM {fts}").fetchone()[0]
            assert rows == indexed, table
        assert db.execute_sql("SELECT count(*) FROM conversation").fetchone()[0] > 0
        for person_id, name in db.execute_sql("SELECT id, name FROM person").fetchall():
            assert person_id in ids(db, name, "person"), name
        for conv_id, summary in db.execute_sql("SELECT id, summary FROM conversation WHERE summary != ''").fetchall():
            assert conv_id in ids(db, summary, "conversation"), summary
        integrity(db)
        lasts = db.execute_sql("SELECT count(*) FROM person_last_contact").fetchone()[0]
        talked_to = db.execute_sql("SELECT count(DISTINCT person_id) FROM participant").fetchone()[0]
        assert lasts == talked_to
    finally:
        close_journal()


def test_snippet_finds_a_match_deep_in_long_notes():
    notes = " ".join(["filler"] * 400) + " then Zoë mentioned kubernetes twice " + " ".join(["tail"] * 50)
    snippet = index.make_snippet(notes, "zoe kube")
    assert snippet.startswith(index.ELLIPSIS) and snippet.endswith(index.ELLIPSIS)
    assert f"{index.MARK_START}Zoë{index.MARK_END}" in snippet
    assert f"{index.MARK_START}kubernetes{index.MARK_END}" in snippet
    assert index.make_snippet("no match here at all", "zoe") == "no match here at all"


def test_a_tag_link_moved_to_another_person_reindexes_both(db, clock):
    from journal.services.people.records import create_person, set_tags
    from journal.store.models import PersonTag

    ann = create_person("Ann Ash", clock=clock)
    bo = create_person("Bo Birch", clock=clock)
    set_tags(ann.id, ["sailing"])
    assert ids(db, "sailing", "person") == [ann.id]
    PersonTag.update(person=bo.id).where(PersonTag.person == ann.id).execute()
    assert ids(db, "sailing", "person") == [bo.id]
