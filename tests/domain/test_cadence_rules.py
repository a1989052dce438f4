"""Keep-in-touch cadence arithmetic."""

from __future__ import annotations

import datetime as dt

from journal.domain.cadence import describe_cadence, keep_in_touch_due

SET_ON = dt.date(2026, 1, 1)


def test_no_cadence_means_never_due():
    assert keep_in_touch_due(None, dt.date(2026, 2, 1), SET_ON) is None
    assert keep_in_touch_due(0, dt.date(2026, 2, 1), SET_ON) is None


def test_due_counts_from_the_day_the_cadence_was_set_before_any_contact():
    assert keep_in_touch_due(30, None, SET_ON) == dt.date(2026, 1, 31)


def test_due_counts_from_the_last_contact():
    assert keep_in_touch_due(30, dt.date(2026, 2, 10), SET_ON) == dt.date(2026, 3, 12)


def test_a_snooze_moves_it_later_but_never_earlier():
    assert keep_in_touch_due(30, None, SET_ON, dt.date(2026, 2, 15)) == dt.date(2026, 2, 15)
    assert keep_in_touch_due(30, None, SET_ON, dt.date(2026, 1, 5)) == dt.date(2026, 1, 31)


def test_describe_cadence():
    assert describe_cadence(None) == "No cadence"
    assert describe_cadence(91) == "Quarterly"
    assert describe_cadence(10) == "Every 10 days"
