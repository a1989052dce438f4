"""Every stored journal of an earlier schema upgrades to the current one with its data intact.

The journals under tests/fixtures/journals/ were written by tests/fixtures/make_journals.py with
each old version's own schema; `vN.json` says what each holds.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from journal.errors import JournalError
from journal.store import backups, migrations
from journal.store.db import APPLICATION_ID, close_journal, open_journal
from journal.store.models import (
    ContactDetail,
    Conversation,
    Introduction,
    NextStep,
    Organisation,
    Participant,
    Person,
    PersonTag,
    Tag,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "journals"


def fixture_version(path: Path) -> int:
    return int(path.stem.removeprefix("v"))


STORED = sorted(FIXTURES.glob("v*.sqlite3"), key=fixture_version)
OLDER = [p for p in STORED if fixture_version(p) < migrations.SCHEMA_VERSION]


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def schema_of(path: Path) -> dict:
    """Every table, index, view and trigger by name, and each table's column names."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        objects = conn.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        columns = {
            name: sorted(row[1] for row in conn.execute(f'PRAGMA table_info("{name}")'))
            for kind, name, _ in objects
            if kind == "table"
        }
    finally:
        conn.close()
    return {"objects": objects, "columns": columns}


def test_there_is_a_stored_journal_of_every_earlier_schema():
    versions = [fixture_version(p) for p in STORED]
    assert set(range(1, migrations.SCHEMA_VERSION)) <= set(versions), (
        "add a build_vN to tests/fixtures/make_journals.py for the schema you replaced, and run it"
    )
    for path in STORED:
        assert pragma(path, "user_version") == fixture_version(path)
        assert pragma(path, "application_id") == APPLICATION_ID
        assert (FIXTURES / f"{path.stem}.json").is_file()


def assert_holds(expected: dict) -> None:
    """The open journal holds exactly what the fixture's manifest says."""
    assert sorted(p.name for p in Person.select()) == expected["people"]
    assert sorted(p.name for p in Person.select().where(Person.is_placeholder == True)) == expected["placeholders"]  # noqa: E712
    assert sorted(p.name for p in Person.select().where(Person.archived == True)) == expected["archived"]  # noqa: E712
    orgs = {p.name: p.organisation.name for p in Person.select().join(Organisation)}
    assert orgs == expected["organisations"]
    tags: dict[str, list[str]] = {}
    for row in PersonTag.select(PersonTag, Person, Tag).join(Person).switch(PersonTag).join(Tag):
        tags.setdefault(row.person.name, []).append(row.tag.name)
    assert {k: sorted(v) for k, v in tags.items()} == expected["tags"]
    emails: dict[str, list[str]] = {}
    for detail in ContactDetail.select().where(ContactDetail.kind == "email"):
        emails.setdefault(detail.person.name, []).append(detail.value)
    assert emails == expected["emails"]
    cadences = {
        p.name: [p.cadence_days, p.cadence_set_on.isoformat()]
        for p in Person.select().where(Person.cadence_days.is_null(False))
    }
    assert cadences == expected["cadences"]
    conversations = []
    for c in Conversation.select().order_by(Conversation.occurred_at):
        names = sorted(p.person.name for p in Participant.select().where(Participant.conversation == c))
        conversations.append([c.occurred_at.isoformat(), c.channel, c.summary, names])
    assert conversations == expected["conversations"]
    intros = [
        [i.introducer.name, i.target.name, i.stage, i.offered_on.isoformat(), i.asked_on and i.asked_on.isoformat()]
        for i in Introduction.select().order_by(Introduction.id)
    ]
    assert intros == expected["introductions"]
    steps = [
        [
            s.text,
            s.due_date and s.due_date.isoformat(),
            s.due_time and s.due_time.isoformat(),
            s.done_at is not None,
            s.snoozed_until and s.snoozed_until.isoformat(),
        ]
        for s in NextStep.select().order_by(NextStep.id)
    ]
    assert steps == expected["next_steps"]


def assert_keep_in_touch_dates(expected: dict, clock) -> None:
    """Keep-in-touch dates after the upgrade follow from the stored conversations and cadences."""
    from journal.services.agenda.items import keep_in_touch_items

    archived = set(expected["archived"])
    wanted = {}
    for name, (days, set_on) in expected["cadences"].items():
        if name in archived:
            continue
        dates = [dt.datetime.fromisoformat(c[0]).date() for c in expected["conversations"] if name in c[3]]
        anchor = max(dates) if dates else dt.date.fromisoformat(set_on)
        wanted[name] = anchor + dt.timedelta(days=days)
    got = {item.people[0]: item.due for item in keep_in_touch_items(None, dt.date(2100, 1, 1), clock.today())}
    assert got == wanted


@pytest.mark.parametrize("stored", OLDER, ids=[p.stem for p in OLDER])
def test_an_older_journal_upgrades_with_its_data_intact_and_a_backup_first(stored, tmp_path, clock):
    version = fixture_version(stored)
    expected = json.loads((FIXTURES / f"{stored.stem}.json").read_text("utf-8"))
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(stored, path)
    original = path.read_bytes()

    database = open_journal(path)
    try:
        assert database.pragma("user_version") == migrations.SCHEMA_VERSION
        assert database.pragma("integrity_check") == "ok"
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert_holds(expected)
        assert_keep_in_touch_dates(expected, clock)

        # The upgraded journal takes new work: log, advance, edit.
        from journal.domain.pipeline import Stage
        from journal.services.conversations.records import PersonRef, log_conversation
        from journal.services.pipeline.introductions import advance

        dana = Person.get(Person.name == "Dana Smith")
        log_conversation([PersonRef(id=dana.id), PersonRef.named("Ravi Jain")], summary="After the upgrade", clock=clock)
        advance(Introduction.get().id, Stage.INTRODUCED, clock=clock)
        Person.update(name="Dana Smith-Lopez").where(Person.id == dana.id).execute()
        assert database.pragma("integrity_check") == "ok"
    finally:
        close_journal()

    [before] = backups.list_backups(path, f"before-upgrade-v{version}")
    assert pragma(before, "user_version") == version
    assert backups.verify(before) == "ok"
    open_copy = tmp_path / "copy-of-backup.sqlite3"
    shutil.copyfile(before, open_copy)
    conn = sqlite3.connect(open_copy)
    assert sorted(r[0] for r in conn.execute("SELECT name FROM person")) == expected["people"]
    conn.close()
    assert original != path.read_bytes()


@pytest.mark.parametrize("stored", OLDER, ids=[p.stem for p in OLDER])
def test_an_upgraded_journal_has_the_same_schema_as_a_new_one(stored, tmp_path):
    upgraded = tmp_path / "upgraded.sqlite3"
    shutil.copyfile(stored, upgraded)
    open_journal(upgraded)
    close_journal()
    fresh = tmp_path / "fresh.sqlite3"
    open_journal(fresh)
    close_journal()
    assert schema_of(upgraded) == schema_of(fresh)


@pytest.mark.parametrize("stored", OLDER, ids=[p.stem for p in OLDER])
def test_a_failed_upgrade_leaves_the_journal_at_its_version(stored, tmp_path, monkeypatch):
    version = fixture_version(stored)
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(stored, path)

    def broken(database):
        database.execute_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("disk said no")

    monkeypatch.setitem(migrations.STEPS, migrations.SCHEMA_VERSION - 1, broken)
    with pytest.raises(JournalError, match=f"could not be upgraded from schema {version}.*disk said no") as info:
        open_journal(path)
    assert "before-upgrade" in str(info.value)
    assert pragma(path, "user_version") == version
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_current_version_journals_open_without_a_migration_backup(tmp_path):
    path = tmp_path / "journal.sqlite3"
    open_journal(path)
    Person.create(name="Dana Smith", created_at=dt.datetime(2026, 3, 1), updated_at=dt.datetime(2026, 3, 1))
    close_journal()
    open_journal(path)
    close_journal()
    assert backups.list_backups(path) == []
