"""The introduction funnel over a period: offers in each stage now, how far they got, how long
they stayed in each stage, and the ones stalled, declined or lapsed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journal.domain.insights import FunnelMath, OfferFacts, Period, StageDays, funnel_math, stalled
from journal.domain.pipeline import Stage
from journal.services.insights import _rows


@dataclass(frozen=True)
class OfferRow:
    """One offered introduction, as the funnel's lists show it."""

    introduction_id: int
    introducer_id: int
    introducer: str
    target_id: int
    target: str
    stage: Stage
    offered_on: dt.date
    stage_changed_on: dt.date
    days_in_stage: int  # days since the stage last changed, to the period's end


@dataclass(frozen=True)
class Funnel:
    period: Period
    counts: dict[Stage, int]  # offers in that stage now, every stage
    reached: dict[Stage, int]  # forward stages: offers that reached it or a later one
    conversion: dict[str, float | None]  # "offered->asked", ...; None where nothing reached the first
    days_in_stage: dict[Stage, StageDays]  # offered, asked, introduced, met
    stalled: list[OfferRow]
    declined: list[OfferRow]
    lapsed: list[OfferRow]
    _math: FunnelMath = field(repr=False, compare=False)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def ids_for(self, stage: Stage | str) -> list[int]:
        """The introductions in `stage` now (behind counts[stage])."""
        return list(self._math.in_stage_ids[Stage(stage)])

    def ids_reached(self, stage: Stage | str) -> list[int]:
        """The introductions that reached forward `stage` or a later one (behind reached[stage])."""
        return list(self._math.reached_ids[Stage(stage)])

    def ids_stalled(self) -> list[int]:
        return [row.introduction_id for row in self.stalled]


def _row(facts: OfferFacts, introducer: str, target: str, today: dt.date) -> OfferRow:
    return OfferRow(
        facts.id, facts.introducer_id, introducer, facts.target_id, target, facts.stage, facts.offered_on,
        facts.stage_changed_on, max(0, (today - facts.stage_changed_on).days),
    )


def funnel(period: Period, *, today: dt.date | None = None) -> Funnel:
    """The funnel of the offers made in `period` (offered_on in it); one query.

    Stalled is judged on `today` (default: the period's end)."""
    today = today or period.end
    found = _rows.offers(period)
    math = funnel_math(facts for facts, _a, _b in found)
    rows = {facts.id: _row(facts, a, b, today) for facts, a, b in found}
    stuck = [rows[f.id] for f, _a, _b in found if stalled(f, today)]
    stuck.sort(key=lambda r: (-r.days_in_stage, r.introduction_id))
    return Funnel(
        period=period,
        counts=math.counts,
        reached=math.reached,
        conversion=math.conversion,
        days_in_stage=math.days_in_stage,
        stalled=stuck,
        declined=[rows[i] for i in math.in_stage_ids[Stage.DECLINED]],
        lapsed=[rows[i] for i in math.in_stage_ids[Stage.LAPSED]],
        _math=math,
    )

