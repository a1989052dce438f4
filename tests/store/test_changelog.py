"""The undo capture: rows a block inserts above a table's top are read in one range, not logged
one by one, and the change set is the same as if every row had been logged."""

from __future__ import annotations

from journal.store import changelog
from journal.store.models import DB, Job, Organisation, Person
from tests.conftest import dump_journal


def _person(name: str, **fields) -> int:
    return Person.create(name=name, **fields).id


def _by_key(changeset) -> dict[tuple[str, int], tuple]:
    return {(row.table, row.rowid): (row.before, row.after) for row in changeset.rows}


def test_rows_inserted_above_the_top_are_captured_with_their_values_and_none_is_logged(db):
    kept = _person("Ana Pool")
    with DB.atomic(), changelog.capture(DB) as captured:
        first = _person("Bo Lake", role="CTO")
        second = _person("Cy Hill")
        logged = DB.execute_sql("SELECT count(*) FROM temp.change_log").fetchone()[0]
    assert logged == 0  # nothing was logged row by row
    changeset = captured.changeset
    assert set(changeset.inserted) == {"person"}
    assert changeset.ids("person") == {first, second}
    assert kept not in changeset.ids("person")
    rows = _by_key(changeset)
    columns = changeset.columns["person"]
    before, after = rows[("person", first)]
    assert before is None and after[columns.index("name")] == "Bo Lake" and after[columns.index("role")] == "CTO"
    assert changeset.values("person", "name") == {"Bo Lake", "Cy Hill"}
    assert changeset.tables() == {"person"} and len(changeset) == 2 and changeset


def test_a_row_inserted_then_changed_or_deleted_in_the_block_is_seen_as_it_ends(db):
    _person("Ana Pool")
    with DB.atomic(), changelog.capture(DB) as captured:
        changed = _person("Bo Lake")
        Person.update(role="CEO").where(Person.id == changed).execute()
        gone = _person("Cy Hill")
        Person.delete().where(Person.id == gone).execute()
    rows = _by_key(captured.changeset)
    assert set(rows) == {("person", changed)}
    before, after = rows[("person", changed)]
    assert before is None and after[captured.changeset.columns["person"].index("role")] == "CEO"


def test_updates_and_deletes_below_the_top_keep_their_before_images_and_a_reused_rowid_is_a_change(db):
    org = Organisation.create(name="Acme").id
    ana = _person("Ana Pool", organisation=org)
    bo = _person("Bo Lake")  # the top of person
    with DB.atomic(), changelog.capture(DB) as captured:
        Person.update(role="CTO").where(Person.id == ana).execute()
        Person.delete().where(Person.id == bo).execute()
        again = _person("Dee Dale")  # takes the deleted top's rowid again
        above = _person("Eve Adams")
    assert again == bo and above == bo + 1
    changeset = captured.changeset
    columns = changeset.columns["person"]
    rows = _by_key(changeset)
    before, after = rows[("person", ana)]
    assert before[columns.index("role")] == "" and after[columns.index("role")] == "CTO"
    before, after = rows[("person", bo)]
    assert before[columns.index("name")] == "Bo Lake" and after[columns.index("name")] == "Dee Dale"
    assert rows[("person", above)][0] is None
    assert changeset.values("person", "organisation_id") == {org}


def _apply_in_transaction(changeset, side):
    with DB.atomic("IMMEDIATE"):
        return changelog.apply(DB, changeset, side)


def test_a_bulk_insert_is_undone_and_redone_exactly(db):
    org = Organisation.create(name="Acme").id
    _person("Ana Pool", organisation=org)
    before = dump_journal(DB)
    with DB.atomic("IMMEDIATE"), changelog.capture(DB) as captured:
        ids = [_person(f"Person {n}", organisation=org if n % 2 else None, role="Engineer") for n in range(40)]
        Job.insert_many([{"person": pid, "organisation": org, "role": "Engineer"} for pid in ids]).execute()
    after = dump_journal(DB)
    assert captured.changeset.ids("person") == set(ids) and len(captured.changeset.ids("job")) == 40
    undone = _apply_in_transaction(captured.changeset, "before")
    assert dump_journal(DB) == before
    _apply_in_transaction(undone, "before")  # redo is undoing the undo
    assert dump_journal(DB) == after
    _apply_in_transaction(captured.changeset, "before")
    assert dump_journal(DB) == before


def test_undo_of_a_bulk_insert_refuses_when_an_inserted_row_changed_since(db):
    _person("Ana Pool")
    with DB.atomic("IMMEDIATE"), changelog.capture(DB) as captured:
        added = _person("Bo Lake")
    Person.update(role="CTO").where(Person.id == added).execute()
    try:
        _apply_in_transaction(captured.changeset, "before")
    except changelog.ChangeConflict as conflict:
        assert (conflict.row.table, conflict.row.rowid, conflict.reason) == ("person", added, "changed")
    else:
        raise AssertionError("the undo went ahead over a later change")
    assert Person.get_by_id(added).role == "CTO"


def _insert_trigger_present() -> bool:
    return bool(DB.execute_sql("SELECT 1 FROM temp.sqlite_master WHERE name = 'change_person_i'").fetchone())


def test_a_bulk_insert_block_sets_the_insert_trigger_aside_and_captures_the_same_rows(db):
    _person("Ana Pool")
    with DB.atomic(), changelog.capture(DB) as captured:
        with changelog.bulk_inserts(DB, ("person",)):
            assert not _insert_trigger_present()
            added = [_person(f"Person {n}") for n in range(5)]
        assert _insert_trigger_present()
    assert captured.changeset.ids("person") == set(added)
    assert _insert_trigger_present()


def test_a_bulk_insert_block_that_deletes_or_fills_a_gap_below_the_top_is_refused(db):
    ana, _bo, cy = _person("Ana Pool"), _person("Bo Lake"), _person("Cy Hill")
    Person.delete().where(Person.id == _bo).execute()  # a gap below the top
    changelog.install(DB)
    for block in (
        lambda: Person.delete().where(Person.id == ana).execute(),
        lambda: Person.insert(id=_bo, name="Bo Lake again").execute(),
    ):
        try:
            with DB.atomic(), changelog.capture(DB), changelog.bulk_inserts(DB, ("person",)):
                block()
        except changelog.BulkInsertRefused:  # and the transaction rolled back
            pass
        else:
            raise AssertionError("the block was let through")
        assert _insert_trigger_present()
    assert [p.id for p in Person.select().order_by(Person.id)] == [ana, cy]
