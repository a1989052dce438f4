"""The introduction pipeline: offered -> asked -> introduced -> met -> thanked.

An offer can also end as declined or lapsed. Every stage implies a next step with a default due
date, so nothing stalls unseen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    OFFERED = "offered"
    ASKED = "asked"
    INTRODUCED = "introduced"
    MET = "met"
    THANKED = "thanked"
    DECLINED = "declined"
    LAPSED = "lapsed"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_STAGES


FORWARD = (Stage.OFFERED, Stage.ASKED, Stage.INTRODUCED, Stage.MET, Stage.THANKED)
CLOSED_STAGES = frozenset({Stage.THANKED, Stage.DECLINED, Stage.LAPSED})
ALL_STAGES = FORWARD + (Stage.DECLINED, Stage.LAPSED)


class TransitionError(ValueError):
    """A stage change the pipeline does not allow."""


def allowed_targets(current: Stage) -> tuple[Stage, ...]:
    """Stages an introduction may move to from `current`.

    Forward moves may skip stages (an introducer who makes the introduction before being asked),
    and any open offer may be declined or marked lapsed. Closed offers can be reopened only by
    moving them back to "offered" (a lapsed offer that comes back to life).
    """
    if current.is_closed:
        return (Stage.OFFERED,) if current in (Stage.DECLINED, Stage.LAPSED) else ()
    index = FORWARD.index(current)
    return FORWARD[index + 1 :] + (Stage.DECLINED, Stage.LAPSED)


def next_forward(current: Stage) -> Stage | None:
    """The stage an "Advance" button moves to, or None at the end of the pipeline."""
    if current not in FORWARD or current is Stage.THANKED:
        return None
    return FORWARD[FORWARD.index(current) + 1]


def check_transition(current: Stage, target: Stage) -> None:
    if target not in allowed_targets(current):
        raise TransitionError(f"An introduction cannot move from {current.value} to {target.value}.")


@dataclass(frozen=True)
class ImpliedStep:
    text: str
    due: dt.date


# Days from entering a stage until its implied next step is due.
STEP_DELAY_DAYS = {
    Stage.OFFERED: 2,
    Stage.ASKED: 7,
    Stage.INTRODUCED: 2,
    Stage.MET: 1,
}


def implied_step(stage: Stage, introducer: str, target: str, entered_on: dt.date) -> ImpliedStep | None:
    """The next step that entering `stage` creates, or None for a closed stage."""
    delay = STEP_DELAY_DAYS.get(stage)
    if delay is None:
        return None
    texts = {
        Stage.OFFERED: f"Ask {introducer} for the introduction to {target}",
        Stage.ASKED: f"Nudge {introducer} about the introduction to {target}",
        Stage.INTRODUCED: f"Reach out to {target}",
        Stage.MET: f"Thank {introducer} for the introduction to {target}",
    }
    return ImpliedStep(texts[stage], entered_on + dt.timedelta(days=delay))


def is_stalled(stage: Stage, open_step_due: dt.date | None, today: dt.date) -> bool:
    """An open offer is stalled when the next step it implies is overdue."""
    if stage.is_closed or open_step_due is None:
        return False
    return open_step_due < today
