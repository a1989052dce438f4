"""Organisations: who you know at each, and when you last spoke to them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.errors import ValidationError
from journal.store.models import DB, Organisation

# journal.store.last_contact keeps each person's latest conversation in a table (by triggers),
# so sorting thousands of people by it reads one small row each.
_LAST_CONTACT = "(SELECT date(lc.last_at) FROM person_last_contact lc WHERE lc.person_id = p.id)"


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


@dataclass(frozen=True)
class OrganisationSummary:
    id: int
    name: str
    people: int
    latest_contact: dt.date | None
    latest_person: str


@dataclass(frozen=True)
class OrganisationMember:
    id: int
    name: str
    role: str
    last_contact: dt.date | None
    is_placeholder: bool


def list_organisations(*, include_empty: bool = False) -> list[OrganisationSummary]:
    """Every organisation with active people (or all), with the most recent contact there."""
    sql = f"""
        SELECT o.id, o.name, count(p.id), date(max(lc.last_at)),
               (SELECT p2.name FROM person p2 JOIN person_last_contact l2 ON l2.person_id = p2.id
                 WHERE p2.organisation_id = o.id AND +p2.archived = 0
                 ORDER BY l2.last_at DESC, p2.name LIMIT 1)
        FROM organisation o
        LEFT JOIN person p ON p.organisation_id = o.id AND +p.archived = 0
        LEFT JOIN person_last_contact lc ON lc.person_id = p.id
        GROUP BY o.id
        {"" if include_empty else "HAVING count(p.id) > 0"}
        ORDER BY o.name COLLATE NOCASE
    """
    return [
        OrganisationSummary(r[0], r[1], r[2], _date(r[3]), r[4] or "") for r in DB.execute_sql(sql).fetchall()
    ]


def matching(summaries: list[OrganisationSummary], text: str) -> list[OrganisationSummary]:
    """Those whose name holds every word typed, ignoring case, accents and punctuation ("nestle"
    finds "Nestlé S.A."); all of them for blank text. The Organisations list's Ctrl+F filter."""
    from journal.interop.dedupe import fold

    words = fold(text).split()
    if not words:
        return list(summaries)

    def holds(name: str) -> bool:
        folded = fold(name)
        squashed = folded.replace(" ", "")  # "S.A." folds to "s a"; typed "sa" still finds it
        return all(word in folded or word in squashed for word in words)

    return [s for s in summaries if holds(s.name)]


def members(organisation_id: int) -> list[OrganisationMember]:
    """The active people at an organisation, most recently contacted first."""
    if Organisation.get_or_none(Organisation.id == organisation_id) is None:
        raise ValidationError("This organisation no longer exists.")
    sql = f"""
        SELECT p.id, p.name, p.role, {_LAST_CONTACT} AS day, p.is_placeholder
        FROM person p WHERE p.organisation_id = ? AND +p.archived = 0
        ORDER BY day IS NULL, day DESC, p.name COLLATE NOCASE
    """
    return [
        OrganisationMember(r[0], r[1], r[2], _date(r[3]), bool(r[4]))
        for r in DB.execute_sql(sql, (organisation_id,)).fetchall()
    ]


def organisation_of(person_id: int) -> int | None:
    row = DB.execute_sql("SELECT organisation_id FROM person WHERE id = ?", (person_id,)).fetchone()
    return row[0] if row else None


def organisation_names() -> list[str]:
    """Every organisation's name, for completing the Organisation field."""
    return [row[0] for row in DB.execute_sql("SELECT name FROM organisation ORDER BY name COLLATE NOCASE").fetchall()]
