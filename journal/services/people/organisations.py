"""Organisations: who you know at each, and when you last spoke to them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.errors import ValidationError
from journal.store import last_contact
from journal.store.models import DB, Organisation

# journal.store.last_contact keeps each person's latest conversation in a table (by triggers),
# and the latest e-mail a scan saw in another, so sorting thousands of people by the later of
# the two reads two small rows each.
_LAST_CONTACT = f"date({last_contact.latest_sql('p')})"


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


@dataclass(frozen=True)
class OrganisationSummary:
    id: int
    name: str
    people: int
    latest_contact: dt.date | None
    latest_person: str
    former: int = 0  # people (active) who worked there and no longer do


@dataclass(frozen=True)
class OrganisationMember:
    id: int
    name: str
    role: str
    last_contact: dt.date | None
    is_placeholder: bool
    current: bool = True
    started_on: dt.date | None = None
    ended_on: dt.date | None = None  # a former colleague's last day there


# Active people with an ended job at organisation `o` and none there now.
_FORMER = """
    SELECT DISTINCT j.person_id FROM job j JOIN person fp ON fp.id = j.person_id
    WHERE j.organisation_id = {org} AND j.ended_on IS NOT NULL AND +fp.archived = 0
      AND fp.organisation_id IS NOT {org}
      AND NOT EXISTS (SELECT 1 FROM job cj WHERE cj.person_id = j.person_id
                      AND cj.organisation_id = {org} AND cj.ended_on IS NULL)
"""


def list_organisations(*, include_empty: bool = False) -> list[OrganisationSummary]:
    """Every organisation with active people, now or formerly (or all), with the most recent
    contact with someone there now."""
    sql = f"""
        SELECT id, name, people, latest, latest_person, former FROM (
          SELECT o.id AS id, o.name AS name, count(p.id) AS people, date(max(lc.last_at)) AS latest,
               (SELECT p2.name FROM person p2 JOIN person_last_contact l2 ON l2.person_id = p2.id
                 WHERE p2.organisation_id = o.id AND +p2.archived = 0
                 ORDER BY l2.last_at DESC, p2.name LIMIT 1) AS latest_person,
               (SELECT count(*) FROM ({_FORMER.format(org="o.id")})) AS former
          FROM organisation o
          LEFT JOIN person p ON p.organisation_id = o.id AND +p.archived = 0
          LEFT JOIN person_last_contact lc ON lc.person_id = p.id
          GROUP BY o.id
        )
        {"" if include_empty else "WHERE people > 0 OR former > 0"}
        ORDER BY name COLLATE NOCASE
    """
    return [
        OrganisationSummary(r[0], r[1], r[2], _date(r[3]), r[4] or "", r[5]) for r in DB.execute_sql(sql).fetchall()
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


def members(organisation_id: int, *, former: bool = True) -> list[OrganisationMember]:
    """Who I know at an organisation: the active people there now, most recently contacted
    first, then (with `former`) those who worked there, most recently left first, each with the
    role and dates of their latest job there."""
    if Organisation.get_or_none(Organisation.id == organisation_id) is None:
        raise ValidationError("This organisation no longer exists.")
    sql = f"""
        SELECT p.id, p.name, p.role, {_LAST_CONTACT} AS day, p.is_placeholder,
               (SELECT j.started_on FROM job j WHERE j.person_id = p.id AND j.organisation_id = p.organisation_id
                 AND j.ended_on IS NULL ORDER BY j.id LIMIT 1)
        FROM person p WHERE p.organisation_id = ? AND +p.archived = 0
        ORDER BY day IS NULL, day DESC, p.name COLLATE NOCASE
    """
    out = [
        OrganisationMember(r[0], r[1], r[2], _date(r[3]), bool(r[4]), True, _date(r[5]))
        for r in DB.execute_sql(sql, (organisation_id,)).fetchall()
    ]
    if not former:
        return out
    sql = f"""
        SELECT p.id, p.name, j.role, {_LAST_CONTACT}, p.is_placeholder, j.started_on, j.ended_on
        FROM person p JOIN job j ON j.id = (
            SELECT j2.id FROM job j2 WHERE j2.person_id = p.id AND j2.organisation_id = ?
            ORDER BY j2.ended_on DESC, j2.id DESC LIMIT 1)
        WHERE p.id IN ({_FORMER.format(org="?")})
        ORDER BY j.ended_on DESC, p.name COLLATE NOCASE
    """
    params = (organisation_id, organisation_id, organisation_id, organisation_id)
    out += [
        OrganisationMember(r[0], r[1], r[2], _date(r[3]), bool(r[4]), False, _date(r[5]), _date(r[6]))
        for r in DB.execute_sql(sql, params).fetchall()
    ]
    return out


def organisation_of(person_id: int) -> int | None:
    row = DB.execute_sql("SELECT organisation_id FROM person WHERE id = ?", (person_id,)).fetchone()
    return row[0] if row else None


def organisation_names() -> list[str]:
    """Every organisation's name, for completing the Organisation field."""
    return [row[0] for row in DB.execute_sql("SELECT name FROM organisation ORDER BY name COLLATE NOCASE").fetchall()]
