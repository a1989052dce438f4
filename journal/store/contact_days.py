"""Each person's days of contact, kept by triggers so that the insights read them in one small scan.

Losing touch needs every distinct day a person had a conversation (the usual gap is the median
between them), and activity the first of those days. Reading them from the conversations means
joining every participant row to its conversation, whose long notes spread the conversations
over as many pages: about 2 s at 200,000 conversations. `person_contact_day` holds one row per
person per day (the day as a date ordinal, `date.toordinal()`), with how many of that day's
conversations they were in, so that deleting one of two conversations of the same day keeps the
day. It is derived, like `person_last_contact`: never captured for undo, its triggers keep it
when rows are put back; the schema 7 migration fills it from the existing rows.

`person_rhythm` sums each person's days up for losing touch: how many, the first and the last,
and the median gap between consecutive ones (the usual gap), recomputed from the person's few
days whenever one of them appears or goes (not when a day merely gains a second conversation).
Losing touch then reads one row per person instead of every day of everyone.

The triggers count a conversation's day for each participant:
- a participant added or removed counts its conversation's day up or down for that person;
- a conversation moved to another day moves each of its participants' counts;
- a conversation deleted counts its participants down before they go (the cascade deletes
  them once the conversation is gone, when their own trigger finds no conversation to count).
"""

from __future__ import annotations

# A stored timestamp ("YYYY-MM-DD HH:MM:SS") as a date ordinal: julianday of 0001-01-01 is 1721425.5.
_DAY = "CAST(julianday(substr({column}, 1, 10)) - 1721424.5 AS INTEGER)"


def day_sql(column: str) -> str:
    """SQL for the date ordinal of a stored date or timestamp column (NULL when unreadable)."""
    return _DAY.format(column=column)


def _count_up(person: str, conversation: str) -> str:
    return (
        "INSERT INTO person_contact_day(person_id, day, conversations) "
        f"SELECT {person}, {day_sql('occurred_at')}, 1 FROM conversation WHERE id = {conversation} "
        f"AND {day_sql('occurred_at')} IS NOT NULL "
        "ON CONFLICT(person_id, day) DO UPDATE SET conversations = conversations + 1;"
    )


def _count_down(person: str, day: str) -> str:
    return (
        f"UPDATE person_contact_day SET conversations = conversations - 1 WHERE person_id = {person} AND day = {day}; "
        f"DELETE FROM person_contact_day WHERE person_id = {person} AND day = {day} AND conversations <= 0;"
    )


def _count_down_in(conversation: str, day: str) -> str:
    """Every participant of `conversation` counted down on `day`."""
    people = f"(SELECT person_id FROM participant WHERE conversation_id = {conversation})"
    return (
        f"UPDATE person_contact_day SET conversations = conversations - 1 WHERE day = {day} AND person_id IN {people}; "
        f"DELETE FROM person_contact_day WHERE day = {day} AND conversations <= 0 AND person_id IN {people};"
    )


def _old_day_of(conversation: str) -> str:
    return f"(SELECT {day_sql('occurred_at')} FROM conversation WHERE id = {conversation})"


def _median_gap(person: str) -> str:
    """SQL for the median gap in days between `person`'s consecutive contact days (the mean of the
    two middle ones for an even count, as journal.domain.insights.median); NULL with one day."""
    gaps = f"SELECT day - lag(day) OVER (ORDER BY day) AS gap FROM person_contact_day WHERE person_id = {person}"
    ranked = f"SELECT gap, row_number() OVER (ORDER BY gap) AS k, count(*) OVER () AS n FROM ({gaps}) WHERE gap IS NOT NULL"
    return f"(SELECT avg(gap) FROM ({ranked}) WHERE k IN ((n + 1) / 2, (n + 2) / 2))"


def _rhythm(person: str) -> str:
    return (
        f"DELETE FROM person_rhythm WHERE person_id = {person}; "
        "INSERT INTO person_rhythm(person_id, contacts, first_day, last_day, usual_gap) "
        f"SELECT {person}, count(*), min(day), max(day), {_median_gap(person)} FROM person_contact_day "
        f"WHERE person_id = {person} HAVING count(*) > 0;"
    )


def table_statements() -> list[str]:
    return [
        "CREATE TABLE person_contact_day (person_id INTEGER NOT NULL, day INTEGER NOT NULL, "
        "conversations INTEGER NOT NULL, PRIMARY KEY (person_id, day)) WITHOUT ROWID",
        "CREATE TABLE person_rhythm (person_id INTEGER PRIMARY KEY, contacts INTEGER NOT NULL, "
        "first_day INTEGER NOT NULL, last_day INTEGER NOT NULL, usual_gap REAL)",
    ]


def rhythm_trigger_statements() -> list[str]:
    return [
        f"CREATE TRIGGER person_rhythm_ai AFTER INSERT ON person_contact_day BEGIN {_rhythm('new.person_id')} END",
        f"CREATE TRIGGER person_rhythm_ad AFTER DELETE ON person_contact_day BEGIN {_rhythm('old.person_id')} END",
    ]


def day_trigger_statements() -> list[str]:
    return [
        f"CREATE TRIGGER person_contact_day_ai AFTER INSERT ON participant BEGIN "
        f"{_count_up('new.person_id', 'new.conversation_id')} END",
        # A participant deleted with its conversation finds no conversation: the conversation's
        # own trigger counted it down already.
        f"CREATE TRIGGER person_contact_day_ad AFTER DELETE ON participant BEGIN "
        f"{_count_down('old.person_id', _old_day_of('old.conversation_id'))} END",
        # Before the update the old conversation still holds its day; after it, the new one.
        f"CREATE TRIGGER person_contact_day_bu BEFORE UPDATE OF person_id, conversation_id ON participant "
        f"WHEN old.person_id IS NOT new.person_id OR old.conversation_id IS NOT new.conversation_id BEGIN "
        f"{_count_down('old.person_id', _old_day_of('old.conversation_id'))} END",
        f"CREATE TRIGGER person_contact_day_au AFTER UPDATE OF person_id, conversation_id ON participant "
        f"WHEN old.person_id IS NOT new.person_id OR old.conversation_id IS NOT new.conversation_id BEGIN "
        f"{_count_up('new.person_id', 'new.conversation_id')} END",
        f"CREATE TRIGGER person_contact_day_conversation_au AFTER UPDATE OF occurred_at ON conversation "
        f"WHEN {day_sql('old.occurred_at')} IS NOT {day_sql('new.occurred_at')} BEGIN "
        f"{_count_down_in('new.id', day_sql('old.occurred_at'))} "
        "INSERT INTO person_contact_day(person_id, day, conversations) "
        f"SELECT person_id, {day_sql('new.occurred_at')}, 1 FROM participant WHERE conversation_id = new.id "
        f"AND {day_sql('new.occurred_at')} IS NOT NULL "
        "ON CONFLICT(person_id, day) DO UPDATE SET conversations = conversations + 1; END",
        f"CREATE TRIGGER person_contact_day_conversation_bd BEFORE DELETE ON conversation BEGIN "
        f"{_count_down_in('old.id', day_sql('old.occurred_at'))} END",
        "CREATE TRIGGER person_contact_day_person_ad AFTER DELETE ON person BEGIN "
        "DELETE FROM person_contact_day WHERE person_id = old.id; DELETE FROM person_rhythm WHERE person_id = old.id; END",
    ]


def fill_statements() -> list[str]:
    """Fill the table from the conversations already there. Each conversation's day is read
    from the occurred_at index alone into a small temporary table first, so that joining the
    participants to it never visits a conversation row (with its long notes): 2.8 s instead of
    7.3 s at 200,000 conversations, on a busy machine."""
    return [
        "CREATE TEMP TABLE contact_days_fill (id INTEGER PRIMARY KEY, day INTEGER NOT NULL)",
        f"INSERT INTO temp.contact_days_fill(id, day) SELECT id, {day_sql('occurred_at')} AS d FROM conversation "
        "WHERE occurred_at > '' AND d IS NOT NULL",
        "INSERT INTO person_contact_day(person_id, day, conversations) "
        "SELECT p.person_id, f.day, 1 FROM participant p JOIN temp.contact_days_fill f ON f.id = p.conversation_id "
        "WHERE true ON CONFLICT(person_id, day) DO UPDATE SET conversations = conversations + 1",
        "DROP TABLE temp.contact_days_fill",
    ]


def fill_rhythms(database) -> None:
    """Every person's rhythm from their days (the migration's: the triggers keep them after),
    computed here from one read of the days rather than by a query per person."""
    from journal.domain.insights import usual_gap

    rows = []
    for pid, joined in database.execute_sql(
        "SELECT person_id, group_concat(day) FROM (SELECT person_id, day FROM person_contact_day ORDER BY 1, 2) "
        "GROUP BY person_id"
    ).fetchall():
        days = sorted(int(day) for day in str(joined).split(","))
        gap = usual_gap(days)
        rows.append((pid, len(days), days[0], days[-1], None if gap is None else float(gap)))
    database.execute_sql("DELETE FROM person_rhythm")
    cursor = database.cursor()
    cursor.executemany(
        "INSERT INTO person_rhythm(person_id, contacts, first_day, last_day, usual_gap) VALUES (?, ?, ?, ?, ?)", rows
    )


def create(database) -> None:
    """The table, its triggers, and its rows from the conversations already there."""
    # The days first, then the rhythms from them in one pass, then the rhythms' triggers (which
    # would otherwise run a query for every day filled).
    for statement in table_statements() + day_trigger_statements() + fill_statements():
        database.execute_sql(statement)
    fill_rhythms(database)
    for statement in rhythm_trigger_statements():
        database.execute_sql(statement)


def _name(statement: str) -> str:
    return statement.split()[2]


def repair(database) -> bool:
    """Make the tables and triggers exactly what `create` makes, rebuilding them from the
    conversations when any is missing or different (a journal upgraded by an unfinished
    version of schema 7); returns whether it had to."""
    expected = {
        _name(statement): statement
        for statement in table_statements() + day_trigger_statements() + rhythm_trigger_statements()
    }
    found = dict(database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'trigger') AND "
        "(name LIKE 'person_contact_day%' OR name LIKE 'person_rhythm%')"
    ).fetchall())
    if found == expected:
        return False
    kinds = dict(database.execute_sql(
        "SELECT name, type FROM sqlite_master WHERE name LIKE 'person_contact_day%' OR name LIKE 'person_rhythm%'"
    ).fetchall())
    for name, kind in sorted(kinds.items(), key=lambda pair: pair[1] != "trigger"):  # triggers first
        if kind in ("trigger", "table"):
            database.execute_sql(f'DROP {kind.upper()} IF EXISTS "{name}"')
    create(database)
    return True


def recomputed(database) -> dict[tuple[int, int], int]:
    """(person id, day) -> conversations, computed from scratch (what the table must hold)."""
    rows = database.execute_sql(
        f"SELECT p.person_id, {day_sql('c.occurred_at')} AS d, count(*) "
        "FROM participant p JOIN conversation c ON c.id = p.conversation_id WHERE d IS NOT NULL GROUP BY 1, 2"
    ).fetchall()
    return {(pid, day): count for pid, day, count in rows}


def recomputed_rhythms(database) -> dict[int, tuple[int, int, int, float | None]]:
    """person id -> (contacts, first day, last day, usual gap), from the conversations alone."""
    from journal.domain.insights import usual_gap

    days: dict[int, list[int]] = {}
    for pid, day in sorted(recomputed(database)):
        days.setdefault(pid, []).append(day)
    out = {}
    for pid, found in days.items():
        gap = usual_gap(found)
        out[pid] = (len(found), found[0], found[-1], None if gap is None else float(gap))
    return out


def stored_rhythms(database) -> dict[int, tuple[int, int, int, float | None]]:
    rows = database.execute_sql("SELECT person_id, contacts, first_day, last_day, usual_gap FROM person_rhythm")
    return {pid: (contacts, first, last, gap) for pid, contacts, first, last, gap in rows.fetchall()}


def stored(database) -> dict[tuple[int, int], int]:
    """(person id, day) -> conversations, as the table holds them."""
    rows = database.execute_sql("SELECT person_id, day, conversations FROM person_contact_day").fetchall()
    return {(pid, day): count for pid, day, count in rows}
