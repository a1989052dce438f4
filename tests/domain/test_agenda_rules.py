"""What counts as overdue, and the agenda's window and order."""

from __future__ import annotations

import datetime as dt

from journal.domain.agenda import AgendaItem, ItemKind, in_window, is_overdue, sort_key

NOW = dt.datetime(2026, 3, 11, 9, 30)
TODAY = NOW.date()


def test_date_only_items_are_overdue_from_the_next_day():
    assert not is_overdue(TODAY, None, NOW)
    assert is_overdue(TODAY - dt.timedelta(days=1), None, NOW)


def test_timed_items_are_overdue_from_their_moment():
    assert is_overdue(TODAY, dt.time(9, 0), NOW)
    assert not is_overdue(TODAY, dt.time(9, 30), NOW)
    assert not is_overdue(TODAY, dt.time(10, 0), NOW)


def test_window_is_everything_overdue_plus_the_next_days_inclusive():
    assert in_window(TODAY - dt.timedelta(days=400), TODAY, 7)
    assert in_window(TODAY + dt.timedelta(days=7), TODAY, 7)
    assert not in_window(TODAY + dt.timedelta(days=8), TODAY, 7)
    assert in_window(TODAY, TODAY, 0)
    assert not in_window(TODAY + dt.timedelta(days=1), TODAY, 0)


def test_json_shape_is_exactly_the_contract():
    item = AgendaItem(ItemKind.KEEP_IN_TOUCH, 4, "Keep in touch with Lee", TODAY, True, ("Lee",), dt.time(8), "x")
    assert item.to_json() == {
        "id": 4,
        "kind": "keep_in_touch",
        "title": "Keep in touch with Lee",
        "due": "2026-03-11",
        "overdue": True,
        "people": ["Lee"],
    }
    assert item.key == "keep_in_touch:4"


def test_order_is_by_day_then_time_then_kind():
    untimed = AgendaItem(ItemKind.NEXT_STEP, 1, "b", TODAY, False)
    timed = AgendaItem(ItemKind.NEXT_STEP, 2, "a", TODAY, False, due_time=dt.time(14))
    intro = AgendaItem(ItemKind.INTRODUCTION, 3, "z", TODAY, True)
    earlier = AgendaItem(ItemKind.KEEP_IN_TOUCH, 4, "k", TODAY - dt.timedelta(days=1), True)
    assert sorted([untimed, timed, intro, earlier], key=sort_key) == [earlier, timed, intro, untimed]
