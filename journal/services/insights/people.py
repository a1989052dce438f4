"""People in the insights: who offers introductions and how they turn out, and who is going cold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.domain.insights import Period, median, rank_losing_touch, rhythm
from journal.domain.pipeline import Stage
from journal.services.insights import _rows
from journal.store.models import DB


@dataclass(frozen=True)
class IntroducerRow:
    person_id: int
    name: str
    offers: int  # offers they made in the period
    met: int  # of those, how many became a meeting (reached "met" or later)
    median_days_to_meeting: float | None  # offer to meeting, over the ones that met
    unthanked: list[int]  # introductions met and not thanked yet (stage "met" now)
    offer_ids: tuple[int, ...] = ()
    met_ids: tuple[int, ...] = ()


def introducers(period: Period) -> list[IntroducerRow]:
    """Everyone who offered an introduction in `period`: most offers first, then most met, then
    by name. One query."""
    by_person: dict[int, dict] = {}
    for facts, introducer, _target in _rows.offers(period):
        entry = by_person.setdefault(
            facts.introducer_id, {"name": introducer, "offers": [], "met": [], "days": [], "unthanked": []}
        )
        entry["offers"].append(facts.id)
        if Stage.MET in facts.reached():
            entry["met"].append(facts.id)
            met_on = facts.first_met_on()
            if met_on is not None:
                entry["days"].append((met_on - facts.offered_on).days)
        if facts.stage is Stage.MET:
            entry["unthanked"].append(facts.id)
    rows = [
        IntroducerRow(
            pid, e["name"], len(e["offers"]), len(e["met"]), median(e["days"]), e["unthanked"],
            tuple(e["offers"]), tuple(e["met"]),
        )
        for pid, e in by_person.items()
    ]
    rows.sort(key=lambda r: (-r.offers, -r.met, r.name.casefold(), r.person_id))
    return rows


@dataclass(frozen=True)
class LosingTouchRow:
    person_id: int
    name: str
    days_since: int  # days since the last contact
    usual_gap_days: float | None  # the median interval between their contacts; None with one contact only
    ratio: float | None  # days_since / usual_gap_days
    last_contact: dt.date
    contacts: int  # days with a conversation or an e-mail a scan saw
    cadence_days: int | None  # their keep-in-touch cadence, if one is set


_MAIL_DAYS = (
    "SELECT person_id, CAST(julianday(substr(last_at, 1, 10)) - 1721424.5 AS INTEGER) AS day FROM mail_contact"
)


def _with_mail(days: dict[int, tuple[int, ...]], mail: dict[int, set[int]]) -> dict[int, tuple[int, ...]]:
    if not mail:
        return days
    merged = dict(days)
    for pid, extra in mail.items():
        merged[pid] = tuple(sorted(extra.union(days.get(pid, ()))))
    return merged


def losing_touch(today: dt.date, *, limit: int | None = None) -> list[LosingTouchRow]:
    """Active people ranked by the days since their last contact relative to their usual gap:
    those furthest past it first. People with one contact only come after, the longest since
    first. Nobody never contacted is listed. Three queries (and one for the days of the people
    e-mail was seen with); the ranking is kept until the journal
    changes (or another day is asked for)."""
    ranked = _rows.kept("losing_touch", (today,), lambda: _ranked(today))
    return list(ranked if limit is None else ranked[: max(0, limit)])


def _ranked(today: dt.date) -> tuple[LosingTouchRow, ...]:
    # Each person's rhythm over their conversations is kept by triggers (person_rhythm, see
    # journal.store.contact_days): one row per person, read straight into the rows ranked. The
    # few people e-mail was seen with are worked out here from their days and the e-mails'.
    # The names come from the index of active people by name and the cadences from the
    # keep-in-touch one, so no person row is read (at 100,000 people those reads were 1.8 s).
    today_number = today.toordinal()
    cadences = dict(DB.execute_sql(
        "SELECT id, cadence_days FROM person WHERE archived = 0 AND cadence_days IS NOT NULL"
    ).fetchall())
    rows: dict[int, LosingTouchRow] = {}
    for pid, name, contacts, last, gap in DB.execute_sql(
        "SELECT p.id, p.name, r.contacts, r.last_day, r.usual_gap "
        "FROM person p JOIN person_rhythm r ON r.person_id = p.id WHERE p.archived = 0"
    ):
        cadence = cadences.get(pid)
        since = max(0, today_number - last)
        rows[pid] = LosingTouchRow(
            pid, name, since, gap, since / gap if gap else None, dt.date.fromordinal(last), contacts, cadence
        )
    people: dict[int, tuple[str, int | None]] = {}
    mail: dict[int, set[int]] = {}
    for pid, number, name, cadence in DB.execute_sql(
        f"SELECT m.person_id, m.day, p.name, p.cadence_days FROM ({_MAIL_DAYS}) m JOIN person p ON p.id = m.person_id "
        "WHERE p.archived = 0"
    ):
        people[pid] = (name, cadence)
        mail.setdefault(pid, set()).add(number)
    if mail:
        for pid, found in _with_mail(_rows.conversation_days(mail), mail).items():
            r = rhythm(pid, found, today)
            if r is not None:
                name, cadence = people[pid]
                rows[pid] = LosingTouchRow(
                    pid, name, r.days_since, r.usual_gap_days, r.ratio, r.last_contact, r.contacts, cadence
                )
    # rank_losing_touch orders by ratio, days since and id, which the rows carry as a rhythm does.
    return tuple(rank_losing_touch(rows.values()))
