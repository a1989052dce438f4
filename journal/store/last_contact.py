"""Each person's latest conversation, kept by triggers so keep-in-touch dates cost one small read.

Computing MAX(occurred_at) over every participant of a big journal means visiting hundreds of
thousands of conversation rows, whose long notes spread them over as many pages: about 0.6 s at
200,000 conversations, on every calendar month switch and Today refresh. `person_last_contact`
holds the answer instead; triggers on participant and conversation keep it exact, and the
migration that creates it fills it from the existing rows.
"""

from __future__ import annotations

import datetime as dt

_RECOMPUTE = (
    "DELETE FROM person_last_contact WHERE person_id = {ref}; "
    "INSERT INTO person_last_contact(person_id, last_at) "
    "SELECT p.person_id, max(c.occurred_at) FROM participant p JOIN conversation c ON c.id = p.conversation_id "
    "WHERE p.person_id = {ref} GROUP BY p.person_id;"
)


def schema_statements() -> list[str]:
    return [
        "CREATE TABLE person_last_contact (person_id INTEGER PRIMARY KEY, last_at TEXT NOT NULL)",
        "CREATE TRIGGER person_last_contact_ai AFTER INSERT ON participant BEGIN "
        "INSERT INTO person_last_contact(person_id, last_at) "
        "SELECT new.person_id, occurred_at FROM conversation WHERE id = new.conversation_id "
        "ON CONFLICT(person_id) DO UPDATE SET last_at = max(last_at, excluded.last_at); END",
        f"CREATE TRIGGER person_last_contact_ad AFTER DELETE ON participant BEGIN "
        f"{_RECOMPUTE.format(ref='old.person_id')} END",
        "CREATE TRIGGER person_last_contact_au AFTER UPDATE OF person_id, conversation_id ON participant BEGIN "
        f"{_RECOMPUTE.format(ref='old.person_id')} {_RECOMPUTE.format(ref='new.person_id')} END",
        "CREATE TRIGGER person_last_contact_conversation_au AFTER UPDATE OF occurred_at ON conversation "
        "WHEN old.occurred_at IS NOT new.occurred_at BEGIN "
        "DELETE FROM person_last_contact WHERE person_id IN "
        "(SELECT person_id FROM participant WHERE conversation_id = new.id); "
        "INSERT INTO person_last_contact(person_id, last_at) "
        "SELECT p.person_id, max(c.occurred_at) FROM participant p JOIN conversation c ON c.id = p.conversation_id "
        "WHERE p.person_id IN (SELECT person_id FROM participant WHERE conversation_id = new.id) "
        "GROUP BY p.person_id; END",
        "CREATE TRIGGER person_last_contact_person_ad AFTER DELETE ON person BEGIN "
        "DELETE FROM person_last_contact WHERE person_id = old.id; END",
    ]


def fill_statement() -> str:
    return (
        "INSERT OR REPLACE INTO person_last_contact(person_id, last_at) "
        "SELECT p.person_id, max(c.occurred_at) FROM participant p JOIN conversation c ON c.id = p.conversation_id "
        "GROUP BY p.person_id"
    )


def create(database) -> None:
    for statement in schema_statements() + [fill_statement()]:
        database.execute_sql(statement)
    keep_in_touch_index(database)


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _latest_mail(person: str) -> str:
    """A correlated SQL expression: the latest e-mail with `person`.id (NULL: none), one seek of
    the mail_contact(person_id, last_at) index."""
    return f"(SELECT max(mc.last_at) FROM mail_contact mc WHERE mc.person_id = {person}.id)"


def latest_sql(person: str = "p") -> str:
    """A correlated SQL expression: the latest contact with `person`.id, a conversation or an
    e-mail, as stored text ("YYYY-MM-DD HH:MM:SS"), NULL when there was none."""
    return (
        f"(SELECT max(x) FROM (SELECT lc.last_at AS x FROM person_last_contact lc WHERE lc.person_id = {person}.id "
        f"UNION ALL SELECT mc.last_at FROM mail_contact mc WHERE mc.person_id = {person}.id))"
    )


def last_contacts(
    database, person_ids: list[int] | None = None, *, with_cadence: bool = False, mail: bool = True
) -> dict[int, dt.date]:
    """person id -> date of the latest contact with them: a conversation, or (with `mail`) an
    e-mail a scan saw.

    `person_ids` limits the answer to those people; `with_cadence` to the active people with a
    keep-in-touch cadence (the ones the agenda asks about), without passing their ids.
    """
    source = (
        "(SELECT person_id, max(last_at) AS last_at FROM (SELECT person_id, last_at FROM person_last_contact "
        "UNION ALL SELECT person_id, last_at FROM mail_contact) GROUP BY person_id)"
        if mail else "person_last_contact"
    )
    sql = f"SELECT l.person_id, l.last_at FROM {source} l"
    params: list = []
    if with_cadence:
        sql += " JOIN person p ON p.id = l.person_id WHERE p.cadence_days IS NOT NULL AND p.archived = 0"
    if person_ids is not None:
        if len(person_ids) > 500:  # cheaper to read them all than to bind thousands of parameters
            wanted = set(person_ids)
            everyone = last_contacts(database, with_cadence=with_cadence, mail=mail)
            return {pid: date for pid, date in everyone.items() if pid in wanted}
        sql += (" AND" if with_cadence else " WHERE") + f" l.person_id IN ({', '.join('?' * len(person_ids))})"
        params = list(person_ids)
    return {row[0]: _as_date(row[1]) for row in database.execute_sql(sql, params).fetchall()}


def last_mailed(database, person_ids: list[int] | None = None) -> dict[int, tuple[dt.datetime, str]]:
    """person id -> (when, "sent" | "received") of the latest e-mail a scan saw with them."""
    sql = (
        "SELECT person_id, last_at, direction FROM mail_contact m WHERE last_at = "
        "(SELECT max(last_at) FROM mail_contact m2 WHERE m2.person_id = m.person_id)"
    )
    params: list = []
    if person_ids is not None:
        sql += f" AND person_id IN ({', '.join('?' * len(person_ids))})"
        params = list(person_ids)
    out: dict[int, tuple[dt.datetime, str]] = {}
    for pid, when, direction in database.execute_sql(sql, params).fetchall():
        out[pid] = (dt.datetime.fromisoformat(str(when)), direction)
    return out


def keep_in_touch_rows(
    database, start: dt.date | None = None, end: dt.date | None = None
) -> list[tuple[int, str, int, dt.date | None, dt.date | None, dt.date | None]]:
    """(id, name, cadence_days, cadence_set_on, snoozed_until, last_contact) of every active
    person with a cadence, in one query over a covering index (the agenda's keep-in-touch input).
    The last contact is the latest conversation or e-mail.

    With `start`/`end`, only people whose due date (domain.cadence.keep_in_touch_due, mirrored
    here in SQL as a pre-filter; the caller still applies the rule) falls in that range.
    """
    # The latest e-mail is one seek of mail_contact(person_id, last_at) per person: joining the
    # table grouped by person instead materialised it and built an automatic index over all of
    # it on every read. '' stands for "no contact" so that max() needs no coalesce dance.
    sql = (
        "SELECT id, name, cadence_days, cadence_set_on, keep_in_touch_snoozed_until, last FROM ("
        "SELECT p.id, p.name, p.cadence_days, p.cadence_set_on, p.keep_in_touch_snoozed_until, "
        f"max(coalesce(l.last_at, ''), coalesce({_latest_mail('p')}, '')) AS last "
        "FROM person p LEFT JOIN person_last_contact l ON l.person_id = p.id "
        "WHERE p.archived = 0 AND p.cadence_days IS NOT NULL) p WHERE 1"
    )
    due = (
        "max(date(coalesce(nullif(substr(p.last, 1, 10), ''), p.cadence_set_on), '+' || p.cadence_days || ' days'), "
        "coalesce(p.keep_in_touch_snoozed_until, ''))"
    )
    params: list[str] = []
    if start is not None:
        sql += f" AND {due} >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += f" AND {due} <= ?"
        params.append(end.isoformat())
    rows = database.execute_sql(sql, params).fetchall()
    day = dt.date.fromisoformat  # the columns hold ISO text; a datetime's date is its first 10 characters
    return [
        (
            pid,
            name,
            days,
            day(set_on[:10]) if set_on else None,
            day(snoozed[:10]) if snoozed else None,
            day(last[:10]) if last else None,
        )
        for pid, name, days, set_on, snoozed, last in rows
    ]


def keep_in_touch_index(database) -> None:
    """The covering index keep_in_touch_rows reads (schema 2)."""
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS person_keep_in_touch ON person(archived, cadence_days, name, cadence_set_on, "
        "keep_in_touch_snoozed_until) WHERE cadence_days IS NOT NULL"
    )
