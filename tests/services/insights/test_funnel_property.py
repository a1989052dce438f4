"""For any introductions and any period, the funnel's counts are a plain count over the
introductions table, and what it says was reached matches the stage dates read in SQL."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.pipeline import ALL_STAGES, FORWARD, Stage
from journal.services.insights import Period, funnel
from journal.store.models import DB, Introduction, Person

BASE = dt.date(2026, 1, 1)
DATE_FIELDS = {Stage.ASKED: "asked_on", Stage.INTRODUCED: "introduced_on", Stage.MET: "met_on", Stage.THANKED: "thanked_on"}

offer = st.fixed_dictionaries({
    "stage": st.sampled_from(ALL_STAGES),
    "offered": st.integers(0, 60),
    "changed_after": st.integers(0, 30),
    # Which later stage dates the row holds (skipped stages, reopened offers that kept theirs).
    "dates": st.lists(st.sampled_from(list(DATE_FIELDS)), unique=True, max_size=4),
    "closed": st.booleans(),
})


def _insert(rows: list[dict]) -> None:
    Introduction.delete().execute()
    a = Person.get_or_create(name="Introducer")[0]
    b = Person.get_or_create(name="Target")[0]
    for row in rows:
        offered = BASE + dt.timedelta(days=row["offered"])
        changed = offered + dt.timedelta(days=row["changed_after"])
        fields = {DATE_FIELDS[s]: offered + dt.timedelta(days=1 + FORWARD.index(s)) for s in row["dates"]}
        closed = changed if row["closed"] or row["stage"] in (Stage.DECLINED, Stage.LAPSED) else None
        Introduction.create(introducer=a, target=b, stage=row["stage"].value, offered_on=offered,
                            stage_changed_on=changed, closed_on=closed, **fields)


def _plain_counts(period: Period) -> dict[str, int]:
    where, params = "offered_on <= ?", [period.end.isoformat()]
    if period.start is not None:
        where += " AND offered_on >= ?"
        params.append(period.start.isoformat())
    counts = dict.fromkeys((s.value for s in ALL_STAGES), 0)
    for stage, count in DB.execute_sql(f"SELECT stage, count(*) FROM introduction WHERE {where} GROUP BY stage", params):
        counts[stage] = count
    reached = {}  # every offer reached "offered"; a later stage when the row is there or has its date
    for index, stage in enumerate(FORWARD):
        later = FORWARD[index:]
        condition = "1" if stage is Stage.OFFERED else " OR ".join(
            [f"stage IN ({', '.join(repr(s.value) for s in later)})"]
            + [f"{DATE_FIELDS[s]} IS NOT NULL" for s in later if s in DATE_FIELDS]
        )
        (reached[stage.value],) = DB.execute_sql(
            f"SELECT count(*) FROM introduction WHERE ({where}) AND ({condition})", params
        ).fetchone()
    return counts, reached


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(offer, max_size=25),
    start=st.one_of(st.none(), st.integers(-5, 70)),
    length=st.integers(0, 80),
)
def test_the_funnel_counts_what_the_table_holds(db, rows, start, length):
    _insert(rows)
    first = None if start is None else BASE + dt.timedelta(days=start)
    end = (first or BASE) + dt.timedelta(days=length)
    period = Period(first, end)
    found = funnel(period)
    counts, reached = _plain_counts(period)
    assert {s.value: n for s, n in found.counts.items()} == counts
    assert {s.value: n for s, n in found.reached.items()} == reached
    assert found.total == sum(counts.values())
    for stage in ALL_STAGES:
        assert len(found.ids_for(stage)) == found.counts[stage]
    # Reaching a stage means reaching every stage before it.
    assert [found.reached[s] for s in FORWARD] == sorted((found.reached[s] for s in FORWARD), reverse=True)
    for key, ratio in found.conversion.items():
        assert ratio is None or 0 <= ratio <= 1, key
