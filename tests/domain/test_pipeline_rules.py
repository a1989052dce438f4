"""The introduction pipeline's rules, without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.pipeline import (
    ALL_STAGES,
    Stage,
    TransitionError,
    allowed_targets,
    check_transition,
    implied_step,
    is_stalled,
    next_forward,
)

DAY = dt.date(2026, 3, 11)


def test_forward_moves_may_skip_and_open_offers_may_close():
    assert allowed_targets(Stage.OFFERED) == (
        Stage.ASKED,
        Stage.INTRODUCED,
        Stage.MET,
        Stage.THANKED,
        Stage.DECLINED,
        Stage.LAPSED,
    )
    assert allowed_targets(Stage.MET) == (Stage.THANKED, Stage.DECLINED, Stage.LAPSED)


@pytest.mark.parametrize("closed", [Stage.DECLINED, Stage.LAPSED])
def test_declined_and_lapsed_can_only_be_reopened(closed):
    assert allowed_targets(closed) == (Stage.OFFERED,)


def test_thanked_is_the_end():
    assert allowed_targets(Stage.THANKED) == ()
    assert next_forward(Stage.THANKED) is None


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Stage.ASKED, Stage.OFFERED),
        (Stage.MET, Stage.INTRODUCED),
        (Stage.OFFERED, Stage.OFFERED),
        (Stage.THANKED, Stage.OFFERED),
        (Stage.THANKED, Stage.DECLINED),
        (Stage.DECLINED, Stage.ASKED),
        (Stage.LAPSED, Stage.DECLINED),
    ],
)
def test_disallowed_transitions_raise(current, target):
    with pytest.raises(TransitionError, match=f"from {current.value} to {target.value}"):
        check_transition(current, target)


def test_every_stage_has_a_defined_set_of_moves():
    for stage in ALL_STAGES:
        for target in allowed_targets(stage):
            check_transition(stage, target)  # does not raise


def test_next_forward_walks_the_pipeline():
    assert [next_forward(s) for s in (Stage.OFFERED, Stage.ASKED, Stage.INTRODUCED, Stage.MET)] == [
        Stage.ASKED,
        Stage.INTRODUCED,
        Stage.MET,
        Stage.THANKED,
    ]
    assert next_forward(Stage.DECLINED) is None


@pytest.mark.parametrize(
    ("stage", "text", "days"),
    [
        (Stage.OFFERED, "Ask Dana for the introduction to Lee", 2),
        (Stage.ASKED, "Nudge Dana about the introduction to Lee", 7),
        (Stage.INTRODUCED, "Reach out to Lee", 2),
        (Stage.MET, "Thank Dana for the introduction to Lee", 1),
    ],
)
def test_each_open_stage_implies_a_step_with_a_default_due_date(stage, text, days):
    step = implied_step(stage, "Dana", "Lee", DAY)
    assert step.text == text
    assert step.due == DAY + dt.timedelta(days=days)


@pytest.mark.parametrize("stage", [Stage.THANKED, Stage.DECLINED, Stage.LAPSED])
def test_closed_stages_imply_no_step(stage):
    assert implied_step(stage, "Dana", "Lee", DAY) is None


def test_stalled_means_the_open_step_is_overdue():
    assert is_stalled(Stage.OFFERED, DAY - dt.timedelta(days=1), DAY)
    assert not is_stalled(Stage.OFFERED, DAY, DAY)  # due today is not late yet
    assert not is_stalled(Stage.OFFERED, None, DAY)
    assert not is_stalled(Stage.LAPSED, DAY - dt.timedelta(days=30), DAY)
