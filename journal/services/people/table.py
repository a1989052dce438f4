"""The People table's queries: every matching id in one sorted query, then rows a page at a time.

The window keeps only the ids; a row's columns are fetched when it is first shown, so a journal
of tens of thousands of people opens as fast as one of ten. Sorting is an ORDER BY in SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from array import array
from dataclasses import dataclass

from journal.store import last_contact
from journal.store.models import DB

COLUMNS = ("name", "organisation", "role", "last_contact", "next_due", "tags")

# Per-person expressions over `p` (person) and `o` (its organisation).
# journal.store.last_contact keeps each person's latest conversation in a table (by triggers),
# and the latest e-mail a scan saw in another, so sorting thousands of people by the later of
# the two reads two small rows each.
_LAST_CONTACT = f"date({last_contact.latest_sql('p')})"
_TAGS = (
    "coalesce((SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM person_tag pt "
    "JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id ORDER BY t.name COLLATE NOCASE)), '')"
)
# Mirrors journal.domain.cadence.keep_in_touch_due: (last contact or the day the cadence was
# set) + cadence, moved later by a snooze.
_NEXT_DUE = (
    "(SELECT CASE WHEN p.cadence_days > 0 AND anchor IS NOT NULL THEN "
    "max(date(anchor, '+' || p.cadence_days || ' days'), coalesce(p.keep_in_touch_snoozed_until, '')) END "
    f"FROM (SELECT coalesce({_LAST_CONTACT}, p.cadence_set_on) AS anchor))"
)
_SORT_EXPRESSIONS = {
    "name": "p.name COLLATE NOCASE",
    "organisation": "coalesce(o.name, '') COLLATE NOCASE",
    "role": "p.role COLLATE NOCASE",
    "last_contact": _LAST_CONTACT,
    "next_due": _NEXT_DUE,
    "tags": _TAGS + " COLLATE NOCASE",
}
# Columns where a missing value sorts last whichever way the column is sorted.
_BLANK_LAST = {
    "organisation": "coalesce(o.name, '') = ''",
    "role": "p.role = ''",
    "last_contact": _LAST_CONTACT + " IS NULL",
    "next_due": _NEXT_DUE + " IS NULL",
    "tags": _TAGS + " = ''",
}


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    organisation: str
    role: str
    last_contact: dt.date | None
    next_due: dt.date | None
    tags: str
    is_placeholder: bool
    archived: bool


@dataclass
class QueryStats:
    """How much the table has asked for: the proof that only shown rows are fetched."""

    id_queries: int = 0
    row_queries: int = 0
    rows_fetched: int = 0

    def reset(self) -> None:
        self.id_queries = self.row_queries = self.rows_fetched = 0


STATS = QueryStats()


def _like_filter(text: str) -> tuple[str, list]:
    """Every word of `text` must appear in the name, organisation, role, tags or an e-mail."""
    clauses, params = [], []
    for word in text.split():
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", word.casefold()) + "%"
        clauses.append(
            "(lower(p.name) LIKE ? ESCAPE '\\' OR lower(coalesce(o.name, '')) LIKE ? ESCAPE '\\' "
            "OR lower(p.role) LIKE ? ESCAPE '\\' OR lower(" + _TAGS + ") LIKE ? ESCAPE '\\' "
            "OR EXISTS (SELECT 1 FROM contact_detail cd WHERE cd.person_id = p.id AND cd.normalized LIKE ? ESCAPE '\\'))"
        )
        params += [pattern] * 5
    return " AND ".join(clauses), params


def _full_text_ids(text: str) -> list[int] | None:
    """The full-text index's matches when the search service is present, else None."""
    try:
        from journal.services.search import matching_person_ids
    except ImportError:  # pragma: no cover - the search service ships with the app
        return None
    try:
        return matching_person_ids(text)
    except Exception:  # noqa: BLE001 - a journal without the index falls back to LIKE
        return None


def person_ids(
    sort: str = "name", *, descending: bool = False, include_archived: bool = False, text: str = ""
) -> array:
    """Ids of the people to list, in display order, in one query: a packed array read row by
    row (100,000 people take 0.4 MB so, where a fetched list of row tuples peaked at 10 MB)."""
    if sort not in _SORT_EXPRESSIONS:
        raise ValueError(f"unknown column {sort!r}; one of {', '.join(COLUMNS)}")
    where, params = [], []
    if not include_archived:
        where.append("p.archived = 0")
    text = " ".join((text or "").split())
    if text:
        matches = _full_text_ids(text)
        if matches is not None:
            where.append("p.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(matches))
        else:
            clause, like_params = _like_filter(text)
            where.append(clause)
            params += like_params
    direction = "DESC" if descending else "ASC"
    order = []
    if sort in _BLANK_LAST:
        order.append(_BLANK_LAST[sort])
    order.append(f"{_SORT_EXPRESSIONS[sort]} {direction}")
    if sort != "name":
        order.append("p.name COLLATE NOCASE")
    order.append("p.id")
    sql = (
        "SELECT p.id FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY "
        + ", ".join(order)
    )
    STATS.id_queries += 1
    largest = DB.execute_sql("SELECT max(id) FROM person").fetchone()[0]
    return array("i" if (largest or 0) < 2**31 else "q", (row[0] for row in DB.execute_sql(sql, params)))


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def fetch_rows(ids: list[int]) -> dict[int, PersonRow]:
    """The table's columns for `ids`, in one query."""
    if not ids:
        return {}
    sql = (
        f"SELECT p.id, p.name, coalesce(o.name, ''), p.role, {_LAST_CONTACT}, {_NEXT_DUE}, {_TAGS}, "
        "p.is_placeholder, p.archived FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "
        "WHERE p.id IN (SELECT value FROM json_each(?))"
    )
    STATS.row_queries += 1
    rows = DB.execute_sql(sql, (json.dumps(list(ids)),)).fetchall()
    STATS.rows_fetched += len(rows)
    return {
        r[0]: PersonRow(r[0], r[1], r[2], r[3], _date(r[4]), _date(r[5]), r[6], bool(r[7]), bool(r[8]))
        for r in rows
    }


def count_people(include_archived: bool = False) -> int:
    sql = "SELECT count(*) FROM person" + ("" if include_archived else " WHERE archived = 0")
    return DB.execute_sql(sql).fetchone()[0]


def same_name_count(name: str) -> int:
    """How many people (archived too) are already called `name`, ignoring case and spacing."""
    name = " ".join((name or "").split())
    return DB.execute_sql("SELECT count(*) FROM person WHERE lower(name) = lower(?)", (name,)).fetchone()[0]
