"""Reading introductions for the insights, as raw rows in one query."""

from __future__ import annotations

import datetime as dt
import threading

from journal.domain.insights import OfferFacts, Period
from journal.domain.pipeline import Stage
from journal.store.models import DB


def day(value) -> dt.date | None:
    """A stored date or timestamp ("YYYY-MM-DD[ HH:MM:SS]") as a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def period_clause(column: str, period: Period) -> tuple[str, list[str]]:
    """`column` (a date) within `period`, as SQL and its parameters."""
    if period.start is None:
        return f"{column} <= ?", [period.end.isoformat()]
    return f"{column} BETWEEN ? AND ?", [period.start.isoformat(), period.end.isoformat()]


_STAGES = {stage.value: stage for stage in Stage}


def offers(period: Period, *, stages: list[Stage] | None = None) -> list[tuple[OfferFacts, str, str]]:
    """(facts, introducer's name, target's name) of every offer made in `period`, oldest first."""
    where, params = period_clause("i.offered_on", period)
    if stages:
        where += f" AND i.stage IN ({', '.join('?' * len(stages))})"
        params += [Stage(s).value for s in stages]
    rows = DB.execute_sql(
        "SELECT i.id, i.stage, i.offered_on, i.stage_changed_on, i.asked_on, i.introduced_on, i.met_on, "
        "i.thanked_on, i.closed_on, i.introducer_id, i.target_id, a.name, b.name "
        "FROM introduction i JOIN person a ON a.id = i.introducer_id JOIN person b ON b.id = i.target_id "
        f"WHERE {where} ORDER BY i.offered_on, i.id",
        params,
    ).fetchall()
    dates: dict = {None: None, "": None}  # a few hundred distinct days among thousands of offers

    def when(value):
        found = dates.get(value, dates)
        if found is dates:
            found = dates[value] = day(value)
        return found

    out = []
    for (intro_id, stage, offered, changed, asked, introduced, met, thanked, closed,
         introducer_id, target_id, introducer, target) in rows:
        facts = OfferFacts(
            intro_id, _STAGES[stage], when(offered), when(changed) or when(offered), when(asked), when(introduced),
            when(met), when(thanked), when(closed), introducer_id, target_id,
        )
        out.append((facts, introducer, target))
    return out


_lock = threading.Lock()
_cached: dict[str, tuple] = {}


def _state(conn) -> tuple[int, int]:
    """What changes whenever the journal does: PRAGMA data_version moves when another connection
    commits, total_changes when this one writes."""
    (version,) = conn.execute("PRAGMA data_version").fetchone()
    return version, conn.total_changes


def kept(name: str, args: tuple, compute):
    """compute(), kept until the journal changes (or another `args` is asked for): the insights
    read the same big tables again for every part of the view and every period switched back
    to. The connection itself is kept with the answer (not its id), so a later connection
    cannot be taken for it. Treat the answer as read-only."""
    conn = DB.connection()
    state = _state(conn)
    with _lock:
        hit = _cached.get(name)
        if hit is not None and hit[0] is conn and hit[1] == state and hit[2] == args:
            return hit[3]
    value = compute()
    with _lock:
        _cached[name] = (conn, state, args, value)
    return value


def conversation_days(person_ids) -> dict[int, tuple[int, ...]]:
    """person id -> the distinct days they had a conversation (date ordinals), oldest first, for
    `person_ids` only (journal.store.contact_days keeps them by triggers)."""
    wanted = sorted(set(person_ids))
    out: dict[int, list[int]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for pid, number in DB.execute_sql(
            f"SELECT person_id, day FROM person_contact_day WHERE person_id IN ({', '.join('?' * len(chunk))}) "
            "ORDER BY person_id, day",
            chunk,
        ):
            out.setdefault(pid, []).append(number)
    return {pid: tuple(days) for pid, days in out.items()}


def forget_cached() -> None:
    """Drop everything kept (the benchmark times the reads themselves with it)."""
    with _lock:
        _cached.clear()
