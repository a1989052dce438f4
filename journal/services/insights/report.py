"""The insights as the command line prints them: JSON with the keys the README documents, and
readable lines."""

from __future__ import annotations

import datetime as dt

from journal.domain.insights import CONVERSIONS, TIMED_STAGES, Period
from journal.domain.pipeline import ALL_STAGES
from journal.services.insights.funnel import Funnel, OfferRow, funnel
from journal.services.insights.people import IntroducerRow, LosingTouchRow, introducers, losing_touch

# How many of the people going cold are listed (everyone with contact would be thousands).
LOSING_TOUCH_LIMIT = 25


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _number(value: float | None) -> float | int | None:
    """A median or percentile of days: a whole number where it is one."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def _offer_json(row: OfferRow) -> dict:
    return {
        "id": row.introduction_id, "introducer": row.introducer, "target": row.target, "stage": row.stage.value,
        "since": row.stage_changed_on.isoformat(), "days_in_stage": row.days_in_stage,
    }


def insights_json(period: Period, today: dt.date, *, limit: int | None = LOSING_TOUCH_LIMIT) -> dict:
    """{funnel, conversion, days_in_stage, stalled, introducers, losing_touch} (the README's keys)."""
    return as_json(funnel(period, today=today), introducers(period), losing_touch(today, limit=limit))


def as_json(found: Funnel, offered_by: list[IntroducerRow], going_cold: list[LosingTouchRow]) -> dict:
    return {
        "funnel": {stage.value: found.counts[stage] for stage in ALL_STAGES},
        "conversion": {key: _ratio(found.conversion[key]) for key, _a, _b in CONVERSIONS},
        "days_in_stage": {
            stage.value: {"median": _number(found.days_in_stage[stage].median),
                          "p90": _number(found.days_in_stage[stage].p90)}
            for stage in TIMED_STAGES
        },
        "stalled": [_offer_json(row) for row in found.stalled],
        "introducers": [
            {"name": r.name, "offers": r.offers, "met": r.met, "unthanked": len(r.unthanked)} for r in offered_by
        ],
        "losing_touch": [
            {"name": r.name, "days_since": r.days_since, "usual_gap_days": _number(r.usual_gap_days)}
            for r in going_cold
        ],
    }


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _days(value: float | None) -> str:
    number = _number(value)
    return "—" if number is None else f"{number} d"


def text_lines(period: Period, today: dt.date, *, limit: int | None = LOSING_TOUCH_LIMIT) -> list[str]:
    """The same insights as readable lines."""
    found = funnel(period, today=today)
    offered_by = introducers(period)
    going_cold = losing_touch(today, limit=limit)
    span = f"since {period.start.isoformat()}" if period.start else "all time"
    lines = [f"Introductions offered {span} (to {period.end.isoformat()}): {found.total}", ""]
    lines.append("Funnel (offers in each stage now):")
    for stage in ALL_STAGES:
        lines.append(f"  {stage.label:11} {found.counts[stage]:>6}")
    lines += ["", "Conversion (of the offers that reached the first stage, the share that reached the second):"]
    for key, a, b in CONVERSIONS:
        lines.append(f"  {a.label:>10} → {b.label:11} {_percent(found.conversion[key]):>5}  "
                     f"({found.reached[b]} of {found.reached[a]})")
    lines += ["", "Days in each stage (stays that ended):"]
    for stage in TIMED_STAGES:
        figures = found.days_in_stage[stage]
        lines.append(f"  {stage.label:11} median {_days(figures.median):>7}  p90 {_days(figures.p90):>7}  "
                     f"({figures.n} {'stay' if figures.n == 1 else 'stays'})")
    lines += ["", f"Stalled now: {len(found.stalled)}"]
    for row in found.stalled:
        lines.append(f"  {row.introduction_id:>6}  {row.introducer} → {row.target}: {row.stage.value} "
                     f"for {row.days_in_stage} days")
    lines += ["", f"Declined: {len(found.declined)}, lapsed: {len(found.lapsed)}"]
    lines += ["", "Introducers (offers, became meetings, median days to the meeting, not thanked yet):"]
    if not offered_by:
        lines.append("  nobody offered an introduction in this period")
    for r in offered_by:
        lines.append(f"  {r.name}: {r.offers} offered, {r.met} met, {_days(r.median_days_to_meeting)} to meet"
                     + (f", {len(r.unthanked)} not thanked" if r.unthanked else ""))
    shown = f"the {limit} furthest" if limit is not None else "everyone"
    lines += ["", f"Losing touch ({shown} past their usual gap between contacts, then those contacted once):"]
    if not going_cold:
        lines.append("  no contact logged yet")
    for r in going_cold:
        usual = f"usually every {_days(r.usual_gap_days)}" if r.usual_gap_days is not None else "one contact only"
        lines.append(f"  {r.name}: {r.days_since} days since {r.last_contact.isoformat()}, {usual}")
    return lines
