"""The insights' arithmetic against figures worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.insights import (
    OfferFacts,
    Period,
    bucket_start,
    bucket_starts,
    contact_days,
    funnel_math,
    median,
    percentile,
    rank_losing_touch,
    rhythm,
    stalled,
    usual_gap,
)
from journal.domain.pipeline import Stage

TODAY = dt.date(2026, 3, 11)  # a Wednesday


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


# Six offers, each worked through by hand below.
FULL = OfferFacts(1, Stage.THANKED, d(1, 1), d(1, 25), asked_on=d(1, 5), introduced_on=d(1, 10), met_on=d(1, 20),
                  thanked_on=d(1, 25))
SKIPPED_ASKED = OfferFacts(2, Stage.INTRODUCED, d(1, 1), d(1, 3), introduced_on=d(1, 3))
DECLINED_AFTER_ASKED = OfferFacts(3, Stage.DECLINED, d(2, 1), d(2, 14), asked_on=d(2, 4), closed_on=d(2, 14))
# Asked, lapsed on 31 Jan, reopened on 10 Feb: back to offered, the closing date cleared, the ask kept.
REOPENED = OfferFacts(4, Stage.OFFERED, d(1, 1), d(2, 10), asked_on=d(1, 11))
NEW = OfferFacts(5, Stage.OFFERED, d(3, 1), d(3, 1))
LAPSED_UNASKED = OfferFacts(6, Stage.LAPSED, d(1, 1), d(1, 15), closed_on=d(1, 15))
OFFERS = [FULL, SKIPPED_ASKED, DECLINED_AFTER_ASKED, REOPENED, NEW, LAPSED_UNASKED]


def test_a_skipped_stage_counts_as_reached():
    assert SKIPPED_ASKED.reached() == {Stage.OFFERED, Stage.ASKED, Stage.INTRODUCED}


def test_declined_after_being_asked_reached_asked_and_no_further():
    assert DECLINED_AFTER_ASKED.reached() == {Stage.OFFERED, Stage.ASKED}


def test_a_reopened_offer_keeps_the_stages_it_had_reached():
    assert REOPENED.reached() == {Stage.OFFERED, Stage.ASKED}


def test_the_funnel_by_hand():
    math = funnel_math(OFFERS)
    assert math.counts == {
        Stage.OFFERED: 2, Stage.ASKED: 0, Stage.INTRODUCED: 1, Stage.MET: 0, Stage.THANKED: 1,
        Stage.DECLINED: 1, Stage.LAPSED: 1,
    }
    assert math.reached == {Stage.OFFERED: 6, Stage.ASKED: 4, Stage.INTRODUCED: 2, Stage.MET: 1, Stage.THANKED: 1}
    assert math.conversion == {
        "offered->asked": pytest.approx(4 / 6), "asked->introduced": 0.5, "introduced->met": 0.5, "met->thanked": 1.0,
    }
    assert math.in_stage_ids[Stage.OFFERED] == (4, 5)
    assert math.reached_ids[Stage.ASKED] == (1, 2, 3, 4)
    assert math.reached_ids[Stage.INTRODUCED] == (1, 2)


def test_days_in_each_stage_by_hand():
    # Stays that ended: offered 4 (full), 2 (to the skip to introduced), 3 (declined one), 10
    # (reopened one, to its ask) and 14 (lapsed); asked 5 and 10; introduced 10; met 5.
    assert FULL.stays() == {Stage.OFFERED: 4, Stage.ASKED: 5, Stage.INTRODUCED: 10, Stage.MET: 5}
    assert SKIPPED_ASKED.stays() == {Stage.OFFERED: 2}  # no stay in asked, and introduced goes on
    assert DECLINED_AFTER_ASKED.stays() == {Stage.OFFERED: 3, Stage.ASKED: 10}
    assert REOPENED.stays() == {Stage.OFFERED: 10}  # the ask's stay ended with no date left to show
    assert NEW.stays() == {}
    days = funnel_math(OFFERS).days_in_stage
    assert (days[Stage.OFFERED].median, days[Stage.OFFERED].p90, days[Stage.OFFERED].n) == (4, 12.4, 5)
    assert (days[Stage.ASKED].median, days[Stage.ASKED].p90, days[Stage.ASKED].n) == (7.5, 9.5, 2)
    assert (days[Stage.INTRODUCED].median, days[Stage.MET].median) == (10, 5)
    assert Stage.THANKED not in days


def test_no_offers_have_no_conversion_and_no_durations():
    math = funnel_math([])
    assert set(math.conversion.values()) == {None}
    assert math.days_in_stage[Stage.OFFERED].median is None and math.days_in_stage[Stage.OFFERED].n == 0
    assert sum(math.counts.values()) == 0


def test_a_stage_without_its_date_takes_the_day_the_stage_changed():
    old = OfferFacts(7, Stage.ASKED, d(1, 1), d(1, 8))  # an older row: no asked_on
    assert old.stage_dates()[Stage.ASKED] == d(1, 8)
    assert old.stays() == {Stage.OFFERED: 7}
    declined = OfferFacts(8, Stage.DECLINED, d(1, 1), d(1, 6))  # no closed_on either
    assert declined.stays() == {Stage.OFFERED: 5}


def test_first_meeting_day_falls_back_to_the_thanks_where_met_was_skipped():
    assert FULL.first_met_on() == d(1, 20)
    assert OfferFacts(9, Stage.THANKED, d(1, 1), d(1, 9), thanked_on=d(1, 9)).first_met_on() == d(1, 9)
    assert NEW.first_met_on() is None


def test_stalled_once_older_than_the_stage_allows():
    # Offered: its ask is due 2 days on; 2 days in is not stalled yet, 3 is.
    assert not stalled(OfferFacts(1, Stage.OFFERED, d(3, 9), d(3, 9)), TODAY)
    assert stalled(OfferFacts(1, Stage.OFFERED, d(3, 8), d(3, 8)), TODAY)
    assert not stalled(OfferFacts(1, Stage.ASKED, d(3, 1), d(3, 4)), TODAY)  # 7 days: the nudge is due today
    assert stalled(OfferFacts(1, Stage.ASKED, d(3, 1), d(3, 3)), TODAY)
    assert not stalled(FULL, TODAY) and not stalled(DECLINED_AFTER_ASKED, TODAY)  # closed ones never stall


def test_median_and_percentile():
    assert median([]) is None and percentile([], 90) is None
    assert median([5]) == 5 and percentile([5], 90) == 5
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert percentile([1, 2, 3, 4], 90) == 3.7
    assert percentile([10, 20], 0) == 10 and percentile([10, 20], 100) == 20


def test_periods():
    assert Period.last(7, TODAY) == Period(d(3, 5), TODAY)
    assert Period.last(1, TODAY) == Period(TODAY, TODAY)
    assert Period.since(d(1, 1), TODAY).start == d(1, 1)
    whole = Period.all(TODAY)
    assert d(1, 1, 1990) in whole and TODAY in whole and d(3, 12) not in whole
    week = Period.last(7, TODAY)
    assert d(3, 5) in week and d(3, 4) not in week
    with pytest.raises(ValueError):
        Period(d(3, 12), TODAY)
    with pytest.raises(ValueError):
        Period.last(0, TODAY)


def test_contact_days_are_distinct_days():
    moments = [dt.datetime(2026, 2, 1, 9), dt.datetime(2026, 2, 1, 17), d(1, 1), dt.datetime(2026, 1, 11, 8)]
    assert contact_days(moments) == [d(1, 1).toordinal(), d(1, 11).toordinal(), d(2, 1).toordinal()]


def _days(*dates: dt.date) -> list[int]:
    return contact_days(dates)


def test_usual_gap_is_the_median_interval():
    assert usual_gap(_days(d(1, 1), d(1, 11), d(1, 21))) == 10
    assert usual_gap(_days(d(2, 1), d(2, 2), d(2, 4), d(3, 1))) == 2  # gaps 1, 2, 25
    assert usual_gap(_days(d(2, 1), d(2, 5))) == 4
    assert usual_gap(_days(d(2, 1))) is None
    assert usual_gap([]) is None


def test_losing_touch_by_hand():
    regular = rhythm(1, _days(d(1, 1), d(1, 11), d(1, 21)), TODAY)  # 49 days since, usually 10: 4.9
    bursty = rhythm(2, _days(d(2, 1), d(2, 2), d(2, 4), d(3, 1)), TODAY)  # 10 days since, usually 2: 5.0
    once_long_ago = rhythm(3, _days(d(12, 1, 2025)), TODAY)  # 100 days
    once_yesterday = rhythm(4, _days(d(3, 10)), TODAY)
    twice_one_day = rhythm(5, contact_days([dt.datetime(2026, 2, 1, 9), dt.datetime(2026, 2, 1, 15)]), TODAY)
    assert (regular.days_since, regular.usual_gap_days, regular.ratio, regular.contacts) == (49, 10, 4.9, 3)
    assert regular.last_contact == d(1, 21)
    assert (bursty.days_since, bursty.usual_gap_days, bursty.ratio) == (10, 2, 5.0)
    assert (once_long_ago.days_since, once_long_ago.usual_gap_days, once_long_ago.ratio) == (100, None, None)
    assert (twice_one_day.contacts, twice_one_day.ratio, twice_one_day.days_since) == (1, None, 38)
    ranked = rank_losing_touch([once_yesterday, regular, twice_one_day, once_long_ago, bursty])
    assert [r.person_id for r in ranked] == [2, 1, 3, 5, 4]


def test_a_contact_after_today_is_no_negative_gap():
    ahead = rhythm(1, _days(d(3, 1), d(3, 20)), TODAY)
    assert ahead.days_since == 0 and ahead.ratio == 0
    assert rhythm(1, [], TODAY) is None


def test_buckets():
    assert bucket_start(TODAY, "week") == d(3, 9)
    assert bucket_start(TODAY, "month") == d(3, 1)
    assert bucket_starts(d(2, 26), TODAY, "week") == [d(2, 23), d(3, 2), d(3, 9)]
    assert bucket_starts(d(11, 30, 2025), TODAY, "month") == [d(11, 1, 2025), d(12, 1, 2025), d(1, 1), d(2, 1), d(3, 1)]
    with pytest.raises(ValueError):
        bucket_start(TODAY, "day")
