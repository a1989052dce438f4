"""`contact-journal insights`: the funnel, days in each stage, the introducers and losing touch."""

from __future__ import annotations

import datetime as dt
import json

import pytest


@pytest.fixture
def offers(cli, journal_path, clock):
    """Dana's offer went all the way, Kim's skipped the ask, Sam's was declined after the ask,
    Ann's is new: and a few conversations for losing touch."""
    from journal.domain.pipeline import Stage
    from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
    from journal.services.pipeline import introductions
    from journal.store.db import close_journal, open_journal

    open_journal(journal_path)
    back = clock.now()

    def offer(introducer, target, when):
        clock.set(when)
        return log_conversation([PersonRef.named(introducer)], offers=[OfferDraft(PersonRef.named(target))],
                                clock=clock).introduction_ids[0]

    def move(intro, stage, when):
        clock.set(when)
        introductions.advance(intro, stage, clock=clock)

    full = offer("Dana Smith", "Lee Park", dt.datetime(2026, 1, 1, 10))
    for stage, day in ((Stage.ASKED, 5), (Stage.INTRODUCED, 10), (Stage.MET, 20), (Stage.THANKED, 25)):
        move(full, stage, dt.datetime(2026, 1, day, 10))
    skipped = offer("Dana Smith", "Kim Lo", dt.datetime(2026, 1, 1, 11))
    move(skipped, Stage.INTRODUCED, dt.datetime(2026, 1, 3, 10))
    declined = offer("Sam Oyelaran", "Ola Berg", dt.datetime(2026, 2, 1, 10))
    move(declined, Stage.ASKED, dt.datetime(2026, 2, 4, 10))
    move(declined, Stage.DECLINED, dt.datetime(2026, 2, 14, 10))
    new = offer("Ann Vos", "Bo Chen", dt.datetime(2026, 3, 1, 10))
    for day in (11, 21):  # Dana: 1, 11 and 21 Jan, so usually every 10 days
        clock.set(dt.datetime(2026, 1, day, 10))
        log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    clock.set(back)
    close_journal()
    return {"full": full, "skipped": skipped, "declined": declined, "new": new}


def test_insights_json_is_exactly_the_contract(cli, offers):
    result = cli("insights", "--json")
    assert result.code == 0 and result.err == "", result
    data = json.loads(result.out)
    assert list(data) == ["funnel", "conversion", "days_in_stage", "stalled", "introducers", "losing_touch"]
    assert data["funnel"] == {"offered": 1, "asked": 0, "introduced": 1, "met": 0, "thanked": 1, "declined": 1,
                              "lapsed": 0}
    # Reached: offered 4, asked 3 (the skipped ask counts), introduced 2, met 1, thanked 1.
    assert data["conversion"] == {"offered->asked": 0.75, "asked->introduced": 0.6667, "introduced->met": 0.5,
                                  "met->thanked": 1.0}
    # Offered: 4, 2 and 3 days; asked: 5 and 10; introduced 10; met 5.
    assert data["days_in_stage"] == {
        "offered": {"median": 3, "p90": 3.8}, "asked": {"median": 7.5, "p90": 9.5},
        "introduced": {"median": 10, "p90": 10}, "met": {"median": 5, "p90": 5},
    }
    assert data["stalled"] == [
        {"id": offers["skipped"], "introducer": "Dana Smith", "target": "Kim Lo", "stage": "introduced",
         "since": "2026-01-03", "days_in_stage": 67},
        {"id": offers["new"], "introducer": "Ann Vos", "target": "Bo Chen", "stage": "offered",
         "since": "2026-03-01", "days_in_stage": 10},
    ]
    assert data["introducers"] == [
        {"name": "Dana Smith", "offers": 2, "met": 1, "unthanked": 0},
        {"name": "Ann Vos", "offers": 1, "met": 0, "unthanked": 0},
        {"name": "Sam Oyelaran", "offers": 1, "met": 0, "unthanked": 0},
    ]
    # Dana: 49 days since 21 Jan, usually 10; the others were met once.
    assert data["losing_touch"] == [
        {"name": "Dana Smith", "days_since": 49, "usual_gap_days": 10},
        {"name": "Sam Oyelaran", "days_since": 38, "usual_gap_days": None},
        {"name": "Ann Vos", "days_since": 10, "usual_gap_days": None},
    ]


def test_since_keeps_the_offers_made_from_that_day(cli, offers):
    data = json.loads(cli("insights", "--json", "--since", "2026-02-01").out)
    assert data["funnel"] == {"offered": 1, "asked": 0, "introduced": 0, "met": 0, "thanked": 0, "declined": 1,
                              "lapsed": 0}
    assert [row["name"] for row in data["introducers"]] == ["Ann Vos", "Sam Oyelaran"]
    assert len(data["losing_touch"]) == 3  # who is going cold does not depend on the period
    empty = json.loads(cli("insights", "--json", "--since", "2026-03-11").out)
    assert sum(empty["funnel"].values()) == 0
    assert set(empty["conversion"].values()) == {None}
    assert empty["days_in_stage"]["offered"] == {"median": None, "p90": None}


def test_plain_output_reads(cli, offers):
    result = cli("insights")
    assert result.code == 0 and result.err == "", result
    out = result.out
    assert "Introductions offered all time (to 2026-03-11): 4" in out
    assert "  Offered          1\n" in out and "  Declined         1\n" in out
    assert "Offered → Asked         75%  (3 of 4)" in out
    assert "Asked       median   7.5 d  p90   9.5 d  (2 stays)" in out
    assert "Stalled now: 2" in out
    assert "Dana Smith → Kim Lo: introduced for 67 days" in out
    assert "Dana Smith: 2 offered, 1 met, 19 d to meet" in out
    assert "Dana Smith: 49 days since 2026-01-21, usually every 10 d" in out
    assert "Ann Vos: 10 days since 2026-03-01, one contact only" in out
    since = cli("insights", "--since", "2026-02-01").out
    assert since.startswith("Introductions offered since 2026-02-01 (to 2026-03-11): 2\n")


def test_insights_on_an_empty_journal(cli, journal_path):
    assert cli("log", "--with", "Dana").code == 0
    result = cli("insights")
    assert result.code == 0, result
    assert "Introductions offered all time (to 2026-03-11): 0" in result.out
    assert "nobody offered an introduction in this period" in result.out
    data = json.loads(cli("insights", "--json").out)
    assert data["stalled"] == [] and data["introducers"] == []
    assert data["losing_touch"] == [{"name": "Dana", "days_since": 0, "usual_gap_days": None}]


def test_insights_reads_only_and_never_creates_a_journal(cli, journal_path, offers, refused, snapshot):
    before = snapshot(journal_path)
    assert cli("insights", "--json").code == 0
    assert snapshot(journal_path) == before
    missing = journal_path.with_name("nowhere.sqlite3")
    refused(cli("insights", db=missing))
    assert not missing.exists()


def test_bad_dates_are_one_line(cli, offers, refused):
    result = cli("insights", "--since", "2026-13-01")
    refused(result)
    assert "'2026-13-01' is not a date like 2026-03-14" in result.err
    result = cli("insights", "--since", "2026-03-12")
    refused(result)
    assert "--since 2026-03-12 is in the future" in result.err
