"""The import benchmark's floor writes exactly the rows an import wrote: the new people with all
their columns and their full-text rows (and, for a re-import, the changed columns), so that a
floor replayed on the journal before reads as the journal after."""

from __future__ import annotations

import shutil
import sqlite3

from bench import import_bench
from journal.services.people import records as people
from journal.store.models import Person


def _checkpointed(db, path, copy):
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(path, copy)


def _people_and_index(path):
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT * FROM person ORDER BY id").fetchall(),
                conn.execute("SELECT rowid, * FROM person_fts ORDER BY rowid").fetchall())
    finally:
        conn.close()


def test_the_floor_replays_the_new_people_and_the_changed_columns_with_their_index_rows(db, clock, journal_path, tmp_path):
    ana = people.create_person("Ana Pool", organisation="Acme", clock=clock)
    before = tmp_path / "before.sqlite3"
    _checkpointed(db, journal_path, before)
    people.create_person("Bo Lake", organisation="Globex", role="CTO", clock=clock)
    Person.update(role="Engineer").where(Person.id == ana.id).execute()
    after = tmp_path / "after.sqlite3"
    _checkpointed(db, journal_path, after)

    created = import_bench.written(before, after, ("person",), updates=False)
    assert [(table, len(rows)) for table, _sql, rows in created] == [("person", 1), ("person_fts", 1)]
    work = import_bench.written(before, after, ("person",), updates=True)
    assert {table for table, _sql, _rows in work} == {"person", "person_fts"}

    replayed = tmp_path / "replayed.sqlite3"
    shutil.copyfile(before, replayed)
    conn = sqlite3.connect(replayed, isolation_level=None)
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'person'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("BEGIN")
        for _table, sql, rows in work:
            conn.executemany(sql, rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    assert _people_and_index(replayed) == _people_and_index(after)
