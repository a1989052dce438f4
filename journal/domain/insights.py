"""The arithmetic behind Insights: periods, the introduction funnel, days spent in each stage and
each person's usual gap between contacts. Pure: plain values in, plain values out.

The funnel's rules:
- An offer *reached* a forward stage when it is in that stage or a later one now, or when the
  journal holds the date of that stage or of a later one. A stage an offer skipped (introduced
  without being asked first) therefore counts as reached, and an offer reopened after it was
  declined or lapsed keeps the stages it had reached before (reopening never clears them).
- Conversion from a to b: of the offers that reached a (or any later stage), the share that
  reached b (or any later stage). An offer declined after it was asked reached "asked" and no
  further: it counts against asked->introduced.
- Days in a stage are measured only for the stays that ended: from the stage's own date to the
  next date the offer moved on (a later stage's date or the day it was closed). A skipped stage
  has no stay, and the current stay is left out (it is not over yet).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from journal.domain.pipeline import ALL_STAGES, FORWARD, STEP_DELAY_DAYS, Stage

# The stages that have a next one, each with its conversion key ("offered->asked", ...).
CONVERSIONS: tuple[tuple[str, Stage, Stage], ...] = tuple(
    (f"{a.value}->{b.value}", a, b) for a, b in zip(FORWARD, FORWARD[1:], strict=False)
)
# Stages whose stays are measured (the open ones: thanked, declined and lapsed never end).
TIMED_STAGES: tuple[Stage, ...] = FORWARD[:-1]
# An open offer is stalled once its stage is older than this many days: the delay after which
# the next step the stage implies falls due (domain.pipeline.STEP_DELAY_DAYS).
STALL_AFTER_DAYS: dict[Stage, int] = dict(STEP_DELAY_DAYS)


# --- periods -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Days from `start` (None: since the beginning) to `end`, both included."""

    start: dt.date | None
    end: dt.date

    def __post_init__(self) -> None:
        if self.start is not None and self.start > self.end:
            raise ValueError(f"A period cannot start ({self.start}) after it ends ({self.end}).")

    @classmethod
    def last(cls, days: int, today: dt.date) -> Period:
        """The last `days` days, today included (last(7, Wed) runs from the Thursday before)."""
        if days < 1:
            raise ValueError("A period lasts at least one day.")
        return cls(today - dt.timedelta(days=days - 1), today)

    @classmethod
    def since(cls, start: dt.date, today: dt.date) -> Period:
        return cls(start, today)

    @classmethod
    def all(cls, today: dt.date) -> Period:
        return cls(None, today)

    def __contains__(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and day <= self.end


# --- small statistics ----------------------------------------------------------------------------


def median(values: Sequence[float]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count); None for none."""
    return percentile(values, 50)


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile by linear interpolation between the closest ranks (numpy's default,
    statistics.quantiles' "inclusive"): for [1, 2, 3, 4], p90 is 3.7. None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    value = ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
    return float(round(value, 9))


@dataclass(frozen=True)
class StageDays:
    median: float | None
    p90: float | None
    n: int  # how many stays these figures come from


def stage_days(durations: Sequence[int]) -> StageDays:
    return StageDays(median(durations), percentile(durations, 90), len(durations))


# --- one introduction ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferFacts:
    """What the funnel reads of one introduction (store.models.Introduction's dates)."""

    id: int
    stage: Stage
    offered_on: dt.date
    stage_changed_on: dt.date
    asked_on: dt.date | None = None
    introduced_on: dt.date | None = None
    met_on: dt.date | None = None
    thanked_on: dt.date | None = None
    closed_on: dt.date | None = None
    introducer_id: int = 0
    target_id: int = 0

    def stage_dates(self) -> dict[Stage, dt.date]:
        """The date of each stage known (see _stage_dates); read-only."""
        return self._stage_dates

    @functools.cached_property
    def _stage_dates(self) -> dict[Stage, dt.date]:
        """The date of each forward stage the journal knows, and the closing date under
        DECLINED or LAPSED. The current stage's date defaults to the day the stage last changed
        (rows written before the stage dates were kept have only that)."""
        dates = {
            Stage.OFFERED: self.offered_on,
            Stage.ASKED: self.asked_on,
            Stage.INTRODUCED: self.introduced_on,
            Stage.MET: self.met_on,
            Stage.THANKED: self.thanked_on,
        }
        if self.stage in (Stage.DECLINED, Stage.LAPSED):
            dates[self.stage] = self.closed_on or self.stage_changed_on
        elif dates.get(self.stage) is None:
            dates[self.stage] = self.stage_changed_on
        return {stage: day for stage, day in dates.items() if day is not None}

    def reached(self) -> frozenset[Stage]:
        """The forward stages this offer reached (see the module's rules)."""
        dates = self.stage_dates()
        furthest = 0
        for index, stage in enumerate(FORWARD):
            if stage in dates or stage is self.stage:
                furthest = index
        return frozenset(FORWARD[: furthest + 1])

    def stays(self) -> dict[Stage, int]:
        """Days spent in each timed stage this offer entered and then left."""
        dates = self.stage_dates()
        exits_after = {stage: day for stage, day in dates.items() if stage is not Stage.OFFERED}
        out: dict[Stage, int] = {}
        for index, stage in enumerate(TIMED_STAGES):
            entered = dates.get(stage)
            if entered is None:
                continue
            later = [
                day for other, day in exits_after.items()
                if day >= entered and (other in (Stage.DECLINED, Stage.LAPSED) or FORWARD.index(other) > index)
            ]
            if later:
                out[stage] = (min(later) - entered).days
        return out

    def first_met_on(self) -> dt.date | None:
        """The day this offer became a meeting (or, where "met" was skipped, was thanked for)."""
        dates = self.stage_dates()
        return dates.get(Stage.MET) or dates.get(Stage.THANKED)


def stalled(offer: OfferFacts, today: dt.date) -> bool:
    """Open, and in its stage for longer than that stage's STALL_AFTER_DAYS."""
    if offer.stage.is_closed:
        return False
    return (today - offer.stage_changed_on).days > STALL_AFTER_DAYS[offer.stage]


# --- the funnel ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelMath:
    """The funnel's numbers over some offers, each with the ids of the offers behind it."""

    counts: dict[Stage, int]
    reached: dict[Stage, int]
    conversion: dict[str, float | None]
    days_in_stage: dict[Stage, StageDays]
    in_stage_ids: dict[Stage, tuple[int, ...]] = field(repr=False)
    reached_ids: dict[Stage, tuple[int, ...]] = field(repr=False)


def funnel_math(offers: Iterable[OfferFacts]) -> FunnelMath:
    in_stage: dict[Stage, list[int]] = {stage: [] for stage in ALL_STAGES}
    reached: dict[Stage, list[int]] = {stage: [] for stage in FORWARD}
    durations: dict[Stage, list[int]] = {stage: [] for stage in TIMED_STAGES}
    for offer in offers:
        in_stage[offer.stage].append(offer.id)
        for stage in offer.reached():
            reached[stage].append(offer.id)
        for stage, days in offer.stays().items():
            durations[stage].append(days)
    conversion: dict[str, float | None] = {}
    for key, a, b in CONVERSIONS:
        base = len(reached[a])
        conversion[key] = len(reached[b]) / base if base else None
    return FunnelMath(
        counts={stage: len(ids) for stage, ids in in_stage.items()},
        reached={stage: len(ids) for stage, ids in reached.items()},
        conversion=conversion,
        days_in_stage={stage: stage_days(values) for stage, values in durations.items()},
        in_stage_ids={stage: tuple(ids) for stage, ids in in_stage.items()},
        reached_ids={stage: tuple(ids) for stage, ids in reached.items()},
    )


# --- contact and its usual rhythm ----------------------------------------------------------------


def contact_days(moments: Iterable[dt.date | dt.datetime]) -> list[int]:
    """The distinct days of contact as date ordinals (date.toordinal), oldest first: two
    conversations on one day are one contact."""
    return sorted({(m.date() if isinstance(m, dt.datetime) else m).toordinal() for m in moments})


def usual_gap(days: Sequence[int]) -> float | None:
    """The median number of days between consecutive contact days (date ordinals, sorted and
    distinct); None with fewer than two."""
    if len(days) < 2:
        return None
    return median([b - a for a, b in zip(days, days[1:], strict=False)])


@dataclass(frozen=True)
class Rhythm:
    """One person's contact, as losing touch ranks it."""

    person_id: int
    last_contact: dt.date
    days_since: int
    contacts: int
    usual_gap_days: float | None
    ratio: float | None  # days since / usual gap; None with one contact only


def rhythm(person_id: int, days: Sequence[int], today: dt.date) -> Rhythm | None:
    """`days`: the person's distinct contact days as date ordinals, sorted. None for someone
    never contacted. A contact dated after `today` counts as today's (0 days since)."""
    if not days:
        return None
    last = days[-1]
    since = max(0, today.toordinal() - last)
    gap = usual_gap(days)
    return Rhythm(person_id, dt.date.fromordinal(last), since, len(days), gap, since / gap if gap else None)


def rank_losing_touch(rhythms: Iterable[Rhythm]) -> list[Rhythm]:
    """People with a usual gap first, the furthest past it first (ratio, then days since); then
    those with one contact only, the longest since first. Ties by person id, so the order is stable."""
    rhythms = list(rhythms)
    with_gap = [r for r in rhythms if r.ratio is not None]
    once = [r for r in rhythms if r.ratio is None]
    with_gap.sort(key=lambda r: (-r.ratio, -r.days_since, r.person_id))
    once.sort(key=lambda r: (-r.days_since, r.person_id))
    return with_gap + once


# --- activity ------------------------------------------------------------------------------------


def bucket_start(day: dt.date, bucket: str) -> dt.date:
    """The first day of the week (Monday) or month holding `day`."""
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    raise ValueError(f"There is no bucket {bucket!r}: week or month.")


def bucket_starts(start: dt.date, end: dt.date, bucket: str) -> list[dt.date]:
    """Every bucket from the one holding `start` to the one holding `end`."""
    first, last = bucket_start(start, bucket), bucket_start(end, bucket)
    out = []
    day = first
    while day <= last:
        out.append(day)
        if bucket == "week":
            day += dt.timedelta(days=7)
        else:
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out
