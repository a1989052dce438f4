"""The insights read from a journal built the way a user builds one (logged conversations, offers
moved through the pipeline), against figures worked out by hand, in a handful of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from playhouse.test_utils import count_queries

from journal.domain.pipeline import Stage
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.insights import Period, activity, funnel, graph, insights_json, introducers, layout, losing_touch
from journal.services.pipeline import introductions
from journal.store.models import MailContact, Person, PersonTag, ScanSource, Tag

TODAY = dt.date(2026, 3, 11)


def at(month: int, day: int, year: int = 2026, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour)


def _offer(clock, introducer: str, target: str, when: dt.datetime) -> int:
    clock.set(when)
    return log_conversation(
        [PersonRef.named(introducer)], offers=[OfferDraft(PersonRef.named(target))], clock=clock
    ).introduction_ids[0]


def _move(clock, intro_id: int, stage: Stage, when: dt.datetime) -> None:
    clock.set(when)
    introductions.advance(intro_id, stage, clock=clock)


@pytest.fixture
def offers(db, clock):
    """The domain test's six offers, made through the pipeline."""
    ids = {}
    ids["full"] = _offer(clock, "Dana Smith", "Lee Park", at(1, 1))
    for stage, day in ((Stage.ASKED, 5), (Stage.INTRODUCED, 10), (Stage.MET, 20), (Stage.THANKED, 25)):
        _move(clock, ids["full"], stage, at(1, day))
    ids["skipped"] = _offer(clock, "Dana Smith", "Kim Lo", at(1, 1, hour=11))
    _move(clock, ids["skipped"], Stage.INTRODUCED, at(1, 3))
    ids["declined"] = _offer(clock, "Sam Oyelaran", "Ola Berg", at(2, 1))
    _move(clock, ids["declined"], Stage.ASKED, at(2, 4))
    _move(clock, ids["declined"], Stage.DECLINED, at(2, 14))
    ids["reopened"] = _offer(clock, "Sam Oyelaran", "Pat Quinn", at(1, 1, hour=12))
    _move(clock, ids["reopened"], Stage.ASKED, at(1, 11))
    _move(clock, ids["reopened"], Stage.LAPSED, at(1, 31))
    _move(clock, ids["reopened"], Stage.OFFERED, at(2, 10))
    ids["new"] = _offer(clock, "Ann Vos", "Bo Chen", at(3, 1))
    ids["lapsed"] = _offer(clock, "Ann Vos", "Cy Hart", at(1, 1, hour=13))
    _move(clock, ids["lapsed"], Stage.LAPSED, at(1, 15))
    clock.set(dt.datetime.combine(TODAY, dt.time(9, 30)))
    return ids


def test_the_funnel_by_hand_in_one_query(offers):
    with count_queries() as counter:
        found = funnel(Period.all(TODAY))
    assert counter.count == 1
    assert {s.value: n for s, n in found.counts.items()} == {
        "offered": 2, "asked": 0, "introduced": 1, "met": 0, "thanked": 1, "declined": 1, "lapsed": 1,
    }
    assert {s.value: n for s, n in found.reached.items()} == {
        "offered": 6, "asked": 4, "introduced": 2, "met": 1, "thanked": 1,
    }
    assert found.conversion == {
        "offered->asked": pytest.approx(4 / 6), "asked->introduced": 0.5, "introduced->met": 0.5, "met->thanked": 1.0,
    }
    offered = found.days_in_stage[Stage.OFFERED]
    assert (offered.median, offered.p90, offered.n) == (4, 12.4, 5)
    assert (found.days_in_stage[Stage.ASKED].median, found.days_in_stage[Stage.ASKED].p90) == (7.5, 9.5)
    assert sorted(found.ids_for(Stage.OFFERED)) == sorted([offers["reopened"], offers["new"]])
    assert found.ids_for("declined") == [offers["declined"]]
    assert sorted(found.ids_reached(Stage.ASKED)) == sorted(offers[k] for k in ("full", "skipped", "declined", "reopened"))
    assert [r.introduction_id for r in found.declined] == [offers["declined"]]
    assert [(r.introduction_id, r.target) for r in found.lapsed] == [(offers["lapsed"], "Cy Hart")]


def test_stalled_offers_are_the_open_ones_past_their_stage_and_the_longest_first(offers):
    found = funnel(Period.all(TODAY))
    # Introduced on 3 Jan (67 days), reopened on 10 Feb (29 days), offered on 1 Mar (10 days).
    assert [(r.introduction_id, r.days_in_stage) for r in found.stalled] == [
        (offers["skipped"], 67), (offers["reopened"], 29), (offers["new"], 10),
    ]
    assert found.ids_stalled() == [offers["skipped"], offers["reopened"], offers["new"]]
    early = funnel(Period.all(TODAY), today=dt.date(2026, 3, 2))  # the new offer is a day old then
    assert offers["new"] not in early.ids_stalled()


def test_the_period_holds_the_offers_made_in_it(offers):
    found = funnel(Period.since(dt.date(2026, 2, 1), TODAY))
    assert found.total == 2
    assert sorted(found.ids_for(Stage.OFFERED) + found.ids_for(Stage.DECLINED)) == sorted([offers["new"], offers["declined"]])
    assert funnel(Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))).total == 0


def test_introducers_by_hand(offers):
    with count_queries() as counter:
        rows = introducers(Period.all(TODAY))
    assert counter.count == 1
    assert [(r.name, r.offers, r.met, r.median_days_to_meeting, r.unthanked) for r in rows] == [
        ("Dana Smith", 2, 1, 19, []),  # met on 20 Jan, offered on 1 Jan; the thanks went out
        ("Ann Vos", 2, 0, None, []),
        ("Sam Oyelaran", 2, 0, None, []),
    ]
    assert rows[0].met_ids == (offers["full"],)


def test_an_introduction_met_and_not_thanked_is_unthanked(db, clock):
    intro = _offer(clock, "Dana Smith", "Lee Park", at(1, 1))
    _move(clock, intro, Stage.MET, at(1, 9))  # asked and introduced skipped
    second = _offer(clock, "Dana Smith", "Kim Lo", at(1, 2))
    _move(clock, second, Stage.MET, at(1, 6))
    (row,) = introducers(Period.all(TODAY))
    assert (row.offers, row.met, row.median_days_to_meeting) == (2, 2, 6)  # 8 and 4 days
    assert sorted(row.unthanked) == sorted([intro, second])


def _talk(clock, who: list[str], when: dt.datetime, channel: str = "other") -> None:
    clock.set(when)
    log_conversation([PersonRef.named(n) for n in who], when=when, channel=channel, clock=clock)
    clock.set(dt.datetime.combine(TODAY, dt.time(9, 30)))


def test_losing_touch_by_hand_with_mail_and_one_contact_people(db, clock):
    for day in ((1, 1), (1, 11), (1, 21)):
        _talk(clock, ["Regular Rhee"], at(*day))
    for day in ((2, 1), (2, 2), (2, 4)):
        _talk(clock, ["Bursty Bell"], at(*day))
    _talk(clock, ["Once Long", "Regular Rhee"], at(12, 1, 2025))  # Regular's gaps: 31, 10, 10
    _talk(clock, ["Twice Sameday"], at(2, 1, hour=9))
    _talk(clock, ["Twice Sameday"], at(2, 1, hour=15))
    _talk(clock, ["Gone Archived"], at(1, 1))
    _talk(clock, ["Gone Archived"], at(1, 2))
    Person.update(archived=True).where(Person.name == "Gone Archived").execute()
    Person.update(cadence_days=30).where(Person.name == "Regular Rhee").execute()
    Person.create(name="Never Met")
    # Bursty's latest e-mail, as a scan saw it, on 1 Mar: gaps 1, 2, 25, so usually 2.
    source = ScanSource.create(kind="mbox", location="/tmp/mbox")
    bursty = Person.get(Person.name == "Bursty Bell")
    MailContact.create(source=source, person=bursty, last_at=dt.datetime(2026, 3, 1, 8), exchanges=3)
    with count_queries() as counter:
        rows = losing_touch(TODAY)
    assert counter.count <= 4  # rhythms and names, cadences, e-mails, and the days of those e-mailed
    assert [(r.name, r.days_since, r.usual_gap_days, r.contacts) for r in rows] == [
        ("Bursty Bell", 10, 2, 4),  # 10 / 2 = 5.0
        ("Regular Rhee", 49, 10, 4),  # 49 / 10 = 4.9
        ("Once Long", 100, None, 1),
        ("Twice Sameday", 38, None, 1),  # two conversations on one day are one contact
    ]
    assert rows[0].ratio == 5.0 and rows[1].ratio == pytest.approx(4.9)
    assert rows[1].cadence_days == 30 and rows[1].last_contact == dt.date(2026, 1, 21)
    assert rows[2].ratio is None
    assert [r.name for r in losing_touch(TODAY, limit=2)] == ["Bursty Bell", "Regular Rhee"]


def test_activity_by_week_and_channel_and_new_people(db, clock):
    _talk(clock, ["Ada"], at(2, 24), "call")  # week of 23 Feb
    _talk(clock, ["Ada", "Ben"], at(3, 2), "video")  # week of 2 Mar: Ben is new
    _talk(clock, ["Ben"], at(3, 4), "video")
    _talk(clock, ["Cy"], at(3, 10), "e-mail")  # this week: Cy is new
    _talk(clock, ["Old Friend"], at(1, 5, 2025), "call")  # before the period
    _talk(clock, ["Old Friend"], at(3, 9), "call")
    with count_queries() as counter:
        found = activity(Period(dt.date(2026, 2, 25), TODAY), "week")
    assert counter.count <= 3
    assert found.buckets == [dt.date(2026, 2, 23), dt.date(2026, 3, 2), dt.date(2026, 3, 9)]
    # The period starts on 25 Feb, so Ada's call on the 24th is left out of it.
    assert found.by_channel["call"] == [0, 0, 1]
    assert found.by_channel["video"] == [0, 2, 0]
    assert found.by_channel["e-mail"] == [0, 0, 1]
    assert found.by_channel["in person"] == [0, 0, 0]
    assert found.total() == [0, 2, 2]
    assert found.new_people == [0, 1, 1]  # Ben, then Cy; Ada and the old friend were met before
    monthly = activity(Period.all(TODAY), "month")
    assert monthly.buckets[0] == dt.date(2025, 1, 1) and monthly.buckets[-1] == dt.date(2026, 3, 1)
    assert len(monthly.buckets) == 15
    assert sum(monthly.total()) == 6 and sum(monthly.new_people) == 4
    with pytest.raises(ValueError):
        activity(Period.all(TODAY), "day")


def test_the_graph_shows_chains_and_filters_by_stage_and_tag(db, clock):
    ab = _offer(clock, "Ana", "Ben", at(1, 1))  # Ana introduced me to Ben, and Ben to Cleo
    _move(clock, ab, Stage.MET, at(1, 10))
    bc = _offer(clock, "Ben", "Cleo", at(2, 1))
    dx = _offer(clock, "Dev", "Xu", at(2, 2))
    tag = Tag.create(name="Climate")
    PersonTag.create(person=Person.get(Person.name == "Xu"), tag=tag)
    clock.set(dt.datetime.combine(TODAY, dt.time(9, 30)))
    with count_queries() as counter:
        whole = graph(Period.all(TODAY))
    assert counter.count == 2
    names = {n.person_id: n.name for n in whole.nodes}
    assert sorted(names.values()) == ["Ana", "Ben", "Cleo", "Dev", "Xu"]
    assert [(names[e.introducer_id], names[e.target_id], e.stage) for e in whole.edges] == [
        ("Ana", "Ben", Stage.MET), ("Ben", "Cleo", Stage.OFFERED), ("Dev", "Xu", Stage.OFFERED),
    ]
    assert [e.introduction_id for e in whole.edges] == [ab, bc, dx]
    assert next(n for n in whole.nodes if n.name == "Xu").tags == ("Climate",)
    assert not any(n.is_me for n in whole.nodes)
    met = graph(Period.all(TODAY), stages=[Stage.MET])
    assert [e.introduction_id for e in met.edges] == [ab] and len(met.nodes) == 2
    tagged = graph(Period.all(TODAY), tag="climate")
    assert [e.introduction_id for e in tagged.edges] == [dx] and {n.name for n in tagged.nodes} == {"Dev", "Xu"}
    assert graph(Period.since(dt.date(2026, 2, 2), TODAY)).edges[0].introduction_id == dx
    assert graph(Period.all(TODAY), tag="nobody has it").nodes == []


def test_the_layout_places_everyone_apart_and_the_same_way_each_time(db, clock):
    for i in range(6):  # a hub who offered six people, and a chain of five
        _offer(clock, "Hub", f"Spoke {i}", at(1, 1 + i))
    for a, b in (("C1", "C2"), ("C2", "C3"), ("C3", "C4"), ("C4", "C5"), ("C5", "C1"), ("C2", "C4")):
        _offer(clock, a, b, at(2, 1))
    _offer(clock, "Pair A", "Pair B", at(2, 2))
    found = graph(Period.all(TODAY))
    positions = layout(found)
    assert set(positions) == {n.person_id for n in found.nodes}
    assert positions == layout(found)  # deterministic
    assert layout(found, seed=2) != positions or len(found.nodes) < 3
    points = list(positions.values())
    closest = min(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 for i, (ax, ay) in enumerate(points) for bx, by in points[i + 1:])
    assert closest > 0.2  # nobody drawn on top of anybody
    assert min(x for x, _ in points) == 0 and min(y for _, y in points) == 0
    assert layout(graph(Period(dt.date(2020, 1, 1), dt.date(2020, 1, 2)))) == {}


def test_insights_json_has_exactly_the_documented_keys(offers):
    data = insights_json(Period.all(TODAY), TODAY)
    assert list(data) == ["funnel", "conversion", "days_in_stage", "stalled", "introducers", "losing_touch"]
    assert data["funnel"] == {"offered": 2, "asked": 0, "introduced": 1, "met": 0, "thanked": 1, "declined": 1, "lapsed": 1}
    assert data["conversion"] == {"offered->asked": 0.6667, "asked->introduced": 0.5, "introduced->met": 0.5,
                                  "met->thanked": 1.0}
    assert data["days_in_stage"]["offered"] == {"median": 4, "p90": 12.4}
    assert data["days_in_stage"]["met"] == {"median": 5, "p90": 5}
    assert [s["id"] for s in data["stalled"]] == [offers["skipped"], offers["reopened"], offers["new"]]
    assert data["stalled"][0] == {"id": offers["skipped"], "introducer": "Dana Smith", "target": "Kim Lo",
                                  "stage": "introduced", "since": "2026-01-03", "days_in_stage": 67}
    assert data["introducers"][0] == {"name": "Dana Smith", "offers": 2, "met": 1, "unthanked": 0}
    assert all(set(row) == {"name", "days_since", "usual_gap_days"} for row in data["losing_touch"])


def test_groups_of_the_same_shape_are_drawn_alike(db, clock):
    # Two paths of four people, offered in a different order: laid out once, matched for the other.
    for a, b in (("A1", "A2"), ("A2", "A3"), ("A3", "A4"), ("B3", "B4"), ("B2", "B3"), ("B1", "B2")):
        _offer(clock, a, b, at(1, 1))
    found = graph(Period.all(TODAY))
    positions = layout(found)
    ids = {n.name: n.person_id for n in found.nodes}

    def distance(a: str, b: str) -> float:
        (ax, ay), (bx, by) = positions[ids[a]], positions[ids[b]]
        return ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5

    pairs = [("1", "2"), ("2", "3"), ("3", "4"), ("1", "3"), ("1", "4"), ("2", "4")]
    first = sorted(round(distance("A" + x, "A" + y), 6) for x, y in pairs)
    second = sorted(round(distance("B" + x, "B" + y), 6) for x, y in pairs)
    assert first == second
    assert distance("A1", "A2") == pytest.approx(distance("B1", "B2")) or distance("A1", "A2") == pytest.approx(
        distance("B4", "B3"))  # ends match ends
    assert distance("A1", "B1") > 1  # the two groups apart


def test_the_conversations_read_once_are_read_again_after_any_change(db, clock, journal_path):
    import sqlite3

    _talk(clock, ["Ada"], at(1, 1))
    _talk(clock, ["Ada"], at(1, 11))
    assert [(r.name, r.days_since) for r in losing_touch(TODAY)] == [("Ada", 59)]
    with count_queries() as counter:
        losing_touch(TODAY)
        activity(Period.last(30, TODAY))
    assert counter.count == 2  # the new period's channels and first days: the ranking was kept
    _talk(clock, ["Ada"], at(3, 1))  # a change through this connection
    assert [(r.name, r.days_since, r.contacts) for r in losing_touch(TODAY)] == [("Ada", 10, 3)]
    other = sqlite3.connect(journal_path)  # and one by another program
    other.execute("DELETE FROM participant WHERE conversation_id = (SELECT max(id) FROM conversation)")
    other.commit()
    other.close()
    assert [(r.name, r.days_since, r.contacts) for r in losing_touch(TODAY)] == [("Ada", 59, 2)]
