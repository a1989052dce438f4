"""What a write did to the journal's rows, captured as it happens, and putting rows back.

Every connection gets TEMP triggers on the tables that hold the user's data. When a capture
starts it notes each table's highest rowid (its "top"): no row above it existed before. While
capture is on, each insert, update and delete of a row at or below the top appends one row to
`temp.change_log`: the table, the rowid and, for an update or a delete, the row as it was (a
JSON array of its columns). Rows above the top are not logged one by one: at the end they are
read in one range per table, as rows the block inserted (so a bulk insert of 25,000 people
costs its log nothing, and reading them back is a range scan). Cascades (ON DELETE CASCADE,
SET NULL) fire the same triggers, so the whole reach of a delete is seen. At the end of the
capture, still inside the write transaction, the log is condensed to one `RowChange` per row
(how it was before the first change, how it is now): a `ChangeSet`.

A trigger on a table makes SQLite keep a statement journal for every statement that writes to
it inside a savepoint: a bulk insert of 25,000 rows inside one paid 2.3 s for it. So the bulk
writers (imports) do not open savepoints of their own inside an operation's transaction (see
journal.store.transactions.joined); outside a savepoint the triggers cost little.

`apply(changeset, "before")` puts every row back as it was, `apply(changeset, "after")` as it
was made; both refuse (raising `ChangeConflict`, and the caller's transaction rolls back) when a
row is not in the state the change set expects, when putting rows back would reach rows outside
it (a cascade onto something added since), or when a row would refer to one that no longer
exists. So an undo is never applied over a later change, and never half-applied.

The full-text index and `person_last_contact` are derived: their own triggers keep them when
rows are put back, so they are not captured.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from journal.errors import JournalError

# The tables whose rows are the user's data, in an order where a row's parents come first.
CAPTURED = (
    "organisation",
    "person",
    "contact_detail",
    "tag",
    "person_tag",
    "conversation",
    "participant",
    "introduction",
    "next_step",
    "job",
    "person_date",
    "address",
    "profile",
    "relation",
    "person_photo",
    "person_card",
    "suggestion_state",
)
_CHUNK = 500


class RowChange(NamedTuple):
    """One row: its values before the change and after it (None where it did not exist). A named
    tuple: an import makes tens of thousands of them."""

    table: str
    rowid: int
    before: tuple | None
    after: tuple | None


@dataclass(frozen=True)
class ChangeSet:
    """What an operation did, row by row: `rows`. Rows it inserted above a table's top (see
    the module's notes) are kept as they were read, `inserted`: a table's (rowid, *values after)
    tuples; `rows` makes them RowChanges only when asked (an undo), so that an import's tens of
    thousands cost no object each, and `ids`, `values` and `tables` read them as they are."""

    logged: tuple[RowChange, ...] = ()
    # Column names per table, in the order of the values in `before` and `after`.
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    inserted: dict[str, list[tuple]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.logged) or any(self.inserted.values())

    def __len__(self) -> int:
        return len(self.logged) + sum(map(len, self.inserted.values()))

    @cached_property
    def rows(self) -> tuple[RowChange, ...]:
        rows = list(self.logged)
        for table, found in self.inserted.items():
            rows += [RowChange(table, row[0], None, row[1:]) for row in found]
        return tuple(rows)

    @cached_property
    def _logged_by_table(self) -> dict[str, list[RowChange]]:
        grouped: dict[str, list[RowChange]] = {}
        for row in self.logged:
            found = grouped.get(row.table)
            if found is None:
                grouped[row.table] = [row]
            else:
                found.append(row)
        return grouped

    def tables(self) -> frozenset[str]:
        return frozenset(self._logged_by_table).union(table for table, found in self.inserted.items() if found)

    def value(self, row: RowChange, column: str, side: str = "either"):
        """`column` of `row` after the change, or before it where the row is gone."""
        names = self.columns[row.table]
        if column not in names:
            return None
        index = names.index(column)
        values = row.after if side == "after" or (side == "either" and row.after is not None) else row.before
        return None if values is None else values[index]

    def values(self, table: str, column: str) -> set:
        """Every value `column` has, before or after, in the rows of `table`."""
        names = self.columns.get(table, ())
        if column not in names:
            return set()
        index = names.index(column)
        found = set()
        for row in self._logged_by_table.get(table, ()):
            for values in (row.before, row.after):
                if values is not None and values[index] is not None:
                    found.add(values[index])
        inserted = self.inserted.get(table)
        if inserted:
            found.update(row[index + 1] for row in inserted)
            found.discard(None)
        return found

    def ids(self, table: str) -> frozenset[int]:
        ids = frozenset(row.rowid for row in self._logged_by_table.get(table, ()))
        inserted = self.inserted.get(table)
        return ids.union(row[0] for row in inserted) if inserted else ids


class ChangeConflict(JournalError):
    """The rows are no longer as a change set expects. `row` is the first one in the way, and
    `reason` one of "changed", "deleted", "exists", "reaches", "refers" or "refused"."""

    def __init__(self, row: RowChange, reason: str, changeset: ChangeSet, detail: str = "") -> None:
        self.row = row
        self.reason = reason
        self.changeset = changeset
        self.detail = detail
        super().__init__(f"{row.table} {row.rowid} {reason}{': ' + detail if detail else ''}")


# --- capture -----------------------------------------------------------------------------------


def _columns(database, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in database.execute_sql(f'PRAGMA main.table_info("{table}")').fetchall())


def installed(database) -> bool:
    return bool(
        database.execute_sql("SELECT 1 FROM temp.sqlite_master WHERE name = 'change_log'").fetchone()
    )


def install(database) -> None:
    """Create this connection's capture table and triggers (once per connection)."""
    if installed(database):
        return
    # One row: whether a capture is on, and each table's top (its highest rowid when it began).
    tops = ", ".join(f'"top_{table}" INTEGER NOT NULL DEFAULT 0' for table in CAPTURED)
    statements = [
        "CREATE TEMP TABLE change_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, rid INTEGER NOT NULL, "
        "op TEXT NOT NULL, old TEXT)",
        f"CREATE TEMP TABLE change_capture (active INTEGER NOT NULL, {tops})",
        "INSERT INTO temp.change_capture (active) VALUES (0)",
    ]
    for table in CAPTURED:
        old = ", ".join(f'old."{name}"' for name in _columns(database, table))

        def on(ref: str, table: str = table) -> str:
            return f'WHEN (SELECT active AND {ref}.rowid <= "top_{table}" FROM temp.change_capture)'

        statements += [
            f"CREATE TEMP TRIGGER change_{table}_i AFTER INSERT ON main.{table} {on('new')} BEGIN "
            f"INSERT INTO change_log (tbl, rid, op) VALUES ('{table}', new.rowid, 'I'); END",
            f"CREATE TEMP TRIGGER change_{table}_u AFTER UPDATE ON main.{table} {on('old')} BEGIN "
            f"INSERT INTO change_log (tbl, rid, op, old) VALUES ('{table}', old.rowid, 'U', json_array({old})); END",
            f"CREATE TEMP TRIGGER change_{table}_d AFTER DELETE ON main.{table} {on('old')} BEGIN "
            f"INSERT INTO change_log (tbl, rid, op, old) VALUES ('{table}', old.rowid, 'D', json_array({old})); END",
        ]
    for statement in statements:
        database.execute_sql(statement)


def current_rows(database, table: str, rowids: Iterable[int], columns: tuple[str, ...]) -> dict[int, tuple]:
    """The rows of `table` with these rowids as they are now, keyed by rowid."""
    ids = list(rowids)
    names = ", ".join(f'"{name}"' for name in columns)
    found: dict[int, tuple] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        cursor = database.execute_sql(f"SELECT rowid, {names} FROM main.{table} WHERE rowid IN ({marks})", chunk)
        for row in cursor.fetchall():
            found[row[0]] = tuple(row[1:])
    return found


class Capture:
    """Filled in when the `capture()` block ends: `changeset`."""

    changeset: ChangeSet = ChangeSet()


def _logged(database) -> dict[tuple[str, int], tuple | None]:
    """(table, rowid) -> its values before its first logged change (None: it was inserted)."""
    first: dict[tuple[str, int], tuple | None] = {}
    for table, rowid, op, old in database.execute_sql("SELECT tbl, rid, op, old FROM temp.change_log ORDER BY seq"):
        key = (table, rowid)
        if key not in first:
            first[key] = None if op == "I" else tuple(json.loads(old))
    return first


def _set_active(database, active: bool) -> None:
    if active:  # each table's top: the rows above it are the ones the block inserts
        tops = ", ".join(f'"top_{table}" = (SELECT coalesce(max(rowid), 0) FROM main.{table})' for table in CAPTURED)
        database.execute_sql(f"UPDATE temp.change_capture SET active = 1, {tops}")
    else:
        database.execute_sql("UPDATE temp.change_capture SET active = 0")


def _tops(database) -> dict[str, int]:
    names = ", ".join(f'"top_{table}"' for table in CAPTURED)
    return dict(zip(CAPTURED, database.execute_sql(f"SELECT {names} FROM temp.change_capture").fetchone(), strict=True))


def _inserted(database, table: str, top: int, columns: tuple[str, ...]) -> list[tuple]:
    """(rowid, *values) of each row of `table` above `top`: each one inserted since the capture
    began."""
    names = ", ".join(f'"{name}"' for name in columns)
    cursor = database.execute_sql(f"SELECT rowid, {names} FROM main.{table} WHERE rowid > ? ORDER BY rowid", (top,))
    return cursor.fetchall()


@contextlib.contextmanager
def capture(database) -> Iterator[Capture]:
    """Capture the rows the block changes. Use inside a write transaction; the change set is
    read before the block's transaction commits, so it is exactly what commits."""
    install(database)
    database.execute_sql("DELETE FROM temp.change_log")
    _set_active(database, True)
    result = Capture()
    try:
        yield result
        _set_active(database, False)
        result.changeset = _condense(database, _logged(database), _tops(database))
    finally:
        _set_active(database, False)
        database.execute_sql("DELETE FROM temp.change_log")


class BulkInsertRefused(JournalError):
    """A block run under `bulk_inserts` deleted rows of its tables or added one below a top."""


@contextlib.contextmanager
def bulk_inserts(database, tables: Iterable[str]) -> Iterator[None]:
    """For a bulk writer's block that adds many rows to `tables` and deletes none of theirs:
    while a capture is on, their insert triggers are set aside for the block, since the rows it
    adds, all above the tops, are read back by range at the end anyway (a trigger costs about
    2.5 µs a row even when it logs nothing: 0.13 s for an import's 50,000 rows). Updates and
    deletes are still logged. The block is checked afterwards: had it deleted a row of those
    tables, or added one at or below a top (which only the trigger would have seen), it raises
    BulkInsertRefused, and the caller's transaction rolls back, rather than miss a row."""
    active = installed(database) and database.execute_sql("SELECT active FROM temp.change_capture").fetchone()[0]
    names = [table for table in tables if table in CAPTURED] if active else []
    if not names:
        yield
        return
    tops = _tops(database)

    def below() -> list[int]:
        return [
            database.execute_sql(f"SELECT count(*) FROM main.{table} WHERE rowid <= ?", (tops[table],)).fetchone()[0]
            for table in names
        ]

    counted = below()
    seq = database.execute_sql("SELECT coalesce(max(seq), 0) FROM temp.change_log").fetchone()[0]
    marks = ", ".join("?" * len(names))
    triggers = database.execute_sql(
        f"SELECT name, sql FROM temp.sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        [f"change_{table}_i" for table in names],
    ).fetchall()
    for name, _sql in triggers:
        database.execute_sql(f'DROP TRIGGER temp."{name}"')
    try:
        yield
    finally:
        for _name, sql in triggers:  # the schema keeps a TEMP trigger's text without its TEMP
            database.execute_sql(sql.replace("CREATE TRIGGER", "CREATE TEMP TRIGGER", 1))
    deleted = database.execute_sql(
        f"SELECT count(*) FROM temp.change_log WHERE seq > ? AND op = 'D' AND tbl IN ({marks})", (seq, *names)
    ).fetchone()[0]
    if deleted or below() != counted:
        raise BulkInsertRefused("a bulk insert deleted rows or added one below the rows it was capturing")


def _condense(database, first: dict[tuple[str, int], tuple | None], tops: dict[str, int] | None = None) -> ChangeSet:
    """One RowChange per row logged in `first` that differs now, then the rows each table has
    above its top in `tops` (inserted since the capture began; none is in the log)."""
    by_table: dict[str, list[int]] = {}
    for table, rowid in first:
        by_table.setdefault(table, []).append(rowid)
    above: dict[str, int] = {}
    if tops:
        # Which tables have a row above their top: one query, an indexed look-up per table.
        tables = list(tops)
        found = ", ".join(f"EXISTS (SELECT 1 FROM main.{table} WHERE rowid > ?)" for table in tables)
        flags = database.execute_sql(f"SELECT {found}", [tops[table] for table in tables]).fetchone()
        above = {table: tops[table] for table, flag in zip(tables, flags, strict=True) if flag}
    columns = {table: _columns(database, table) for table in {*by_table, *above}}
    now = {table: current_rows(database, table, ids, columns[table]) for table, ids in by_table.items()}
    rows = []
    for (table, rowid), before in first.items():
        after = now[table].get(rowid)
        if before != after:
            rows.append(RowChange(table, rowid, before, after))
    inserted = {table: _inserted(database, table, top, columns[table]) for table, top in above.items()}
    return ChangeSet(tuple(rows), columns, {table: found for table, found in inserted.items() if found})


# --- putting rows back -------------------------------------------------------------------------


def _foreign_keys(database, table: str) -> list[tuple[str, str, str | None]]:
    """(column, parent table, parent column or None for its rowid) of each foreign key."""
    return [(row[3], row[2], row[4]) for row in database.execute_sql(f'PRAGMA main.foreign_key_list("{table}")')]


def _put(database, table: str, names: tuple[str, ...], row: RowChange, values: tuple, insert: bool, changeset) -> None:
    from peewee import IntegrityError

    quoted = ", ".join(f'"{name}"' for name in names)
    try:
        if insert:
            marks = ", ".join("?" * (len(names) + 1))
            database.execute_sql(f"INSERT INTO main.{table} (rowid, {quoted}) VALUES ({marks})", (row.rowid, *values))
        else:
            sets = ", ".join(f'"{name}" = ?' for name in names)
            database.execute_sql(f"UPDATE main.{table} SET {sets} WHERE rowid = ?", (*values, row.rowid))
    except IntegrityError as exc:
        raise ChangeConflict(row, "refused", changeset, str(exc)) from exc


def apply(database, changeset: ChangeSet, side: str) -> ChangeSet:
    """Put every row of `changeset` as it was on `side` ("before" undoes, "after" redoes).

    Run inside a write transaction: on ChangeConflict the caller rolls it back, so nothing is
    half-applied. Returns the change set of what this did (the inverse of the one it was asked to
    reverse, with the rows read back), for the other direction.
    """
    if side not in ("before", "after"):
        raise ValueError(side)
    expected_side = "after" if side == "before" else "before"

    def target(row: RowChange):
        return row.before if side == "before" else row.after

    def expected(row: RowChange):
        return row.after if side == "before" else row.before

    install(database)
    columns = changeset.columns
    by_table: dict[str, list[RowChange]] = {}
    for row in changeset.rows:
        by_table.setdefault(row.table, []).append(row)

    # 1. Every row is as the change left it (or as it was before it, for a redo).
    for table, rows in by_table.items():
        now = current_rows(database, table, (row.rowid for row in rows), columns[table])
        for row in rows:
            current, wanted = now.get(row.rowid), expected(row)
            if current != wanted:
                if current is None:
                    reason = "deleted"
                elif wanted is None:
                    reason = "exists"
                else:
                    reason = "changed"
                raise ChangeConflict(row, reason, changeset, expected_side)

    # 2. Every row put back refers only to rows that exist now or are put back with it.
    restored = {(row.table, row.rowid) for row in changeset.rows if target(row) is not None}
    removed = {(row.table, row.rowid) for row in changeset.rows if target(row) is None}
    for table, rows in by_table.items():
        for column, parent, parent_column in _foreign_keys(database, table):
            if column not in columns[table]:
                continue
            index = columns[table].index(column)
            needed: dict[int, RowChange] = {}
            for row in rows:
                values = target(row)
                if values is not None and values[index] is not None:
                    ref = values[index]
                    if (parent, ref) in removed:
                        raise ChangeConflict(row, "refers", changeset, parent)
                    if (parent, ref) not in restored:
                        needed.setdefault(ref, row)
            if not needed:
                continue
            key = f'"{parent_column}"' if parent_column else "rowid"
            present: set = set()
            refs = list(needed)
            for start in range(0, len(refs), _CHUNK):
                chunk = refs[start : start + _CHUNK]
                marks = ", ".join("?" * len(chunk))
                cursor = database.execute_sql(f"SELECT {key} FROM main.{parent} WHERE {key} IN ({marks})", chunk)
                present.update(value for (value,) in cursor.fetchall())
            for ref, row in needed.items():
                if ref not in present:
                    raise ChangeConflict(row, "refers", changeset, parent)

    # 3. Put them back, watching what that reaches. Rows of tables nothing refers to (links,
    #    details, steps) are deleted and inserted again, never updated in place: a change that
    #    re-made links reusing rowids leaves two of them swapped, and updating one at a time would
    #    meet the other on a unique index. Rows others refer to are updated in place (deleting
    #    them would cascade), and those that go are deleted last, once whatever moved away from
    #    them has moved.
    database.execute_sql("PRAGMA defer_foreign_keys = ON")
    order = [table for table in CAPTURED if table in by_table] + [t for t in by_table if t not in CAPTURED]
    referred = {parent for table in CAPTURED for _column, parent, _to in _foreign_keys(database, table)}
    leaves = [table for table in order if table not in referred]
    parents = [table for table in order if table in referred]
    with capture(database) as watched:
        for table in leaves:
            for row in by_table[table]:
                if expected(row) is not None:
                    database.execute_sql(f"DELETE FROM main.{table} WHERE rowid = ?", (row.rowid,))
        for table in parents:
            for row in by_table[table]:
                if target(row) is not None:
                    _put(database, table, columns[table], row, target(row), expected(row) is None, changeset)
        for table in reversed(parents):  # children go before their parents
            for row in by_table[table]:
                if target(row) is None:
                    database.execute_sql(f"DELETE FROM main.{table} WHERE rowid = ?", (row.rowid,))
        for table in leaves:
            for row in by_table[table]:
                if target(row) is not None:
                    _put(database, table, columns[table], row, target(row), True, changeset)
    # 4. Nothing else was reached (a cascade onto a row added since), and every row reads back
    #    as it was put; what this did, for the other direction, is the same rows the other way.
    inside = {(row.table, row.rowid) for row in changeset.rows}
    for row in watched.changeset.rows:
        if (row.table, row.rowid) not in inside:
            raise ChangeConflict(row, "reaches", watched.changeset)
    done = []
    for table, rows in by_table.items():
        now = current_rows(database, table, (row.rowid for row in rows), columns[table])
        for row in rows:
            if now.get(row.rowid) != target(row):
                raise ChangeConflict(row, "refused", changeset, "the journal kept other values")
            done.append(RowChange(table, row.rowid, expected(row), target(row)))
    return ChangeSet(tuple(done), dict(columns))
