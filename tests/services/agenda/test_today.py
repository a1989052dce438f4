import datetime as dt

import pytest

from journal.domain.agenda import ItemKind, sort_key
from journal.domain.pipeline import Stage
from journal.services.agenda.items import agenda
from journal.services.agenda.today import Group, today_items
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.pipeline import introductions
from journal.store.models import Person

DAY = dt.timedelta(days=1)


def test_an_introduction_shows_once_with_its_stage_not_also_as_a_step(db, clock):
    log_conversation(
        [PersonRef.named("Cy")], when=clock.now() - 3 * DAY, clock=clock, offers=[OfferDraft(PersonRef.named("Di"))]
    )
    assert any(i.kind is ItemKind.NEXT_STEP for i in agenda(0, clock=clock))  # the agenda lists its step
    groups = today_items(clock=clock)
    assert groups[Group.STEPS] == []
    (item,) = groups[Group.INTRODUCTIONS]
    assert item.stage is Stage.OFFERED and item.days_waiting == 3 and item.overdue
    assert item.title == "Cy → Di" and item.detail.startswith("Ask Cy")


def test_an_introduction_whose_step_is_not_due_is_not_waiting_on_you(db, clock):
    result = log_conversation([PersonRef.named("Cy")], clock=clock, offers=[OfferDraft(PersonRef.named("Di"))])
    introductions.advance(result.introduction_ids[0], Stage.ASKED, clock=clock)
    assert today_items(clock=clock)[Group.INTRODUCTIONS] == []


def test_steps_carry_what_open_needs(db, clock):
    result = log_conversation(
        [PersonRef.named("Ann")], clock=clock, next_steps=[StepDraft("Write", clock.today() - DAY)]
    )
    (item,) = today_items(clock=clock)[Group.STEPS]
    assert item.person_id == Person.get(Person.name == "Ann").id
    assert item.conversation_id == result.conversation_id


def test_the_today_list_takes_a_few_queries_however_many_items(db, clock):
    from playhouse.test_utils import count_queries

    from journal.services.upkeep.demo import populate

    populate(clock=clock)
    with count_queries() as counter:
        groups = today_items(clock=clock)
    assert sum(len(items) for items in groups.values()) >= 10
    # The due steps with their introductions, keep-in-touch people, dates by month and day, and
    # the demo's job changes (jobs, former jobs, e-mail addresses, whether the same organisation),
    # and the suggestions (meetings of the last weeks, stage hints, and what was decided, read once for both).
    assert groups[Group.RECONNECT]
    assert counter.count == 10


def _offer(clock, introducer: str, target: str, days_ago: int) -> int:
    """An offer logged `days_ago` days ago: its step (ask the introducer) falls due then."""
    result = log_conversation(
        [PersonRef.named(introducer)], when=clock.now() - days_ago * DAY, clock=clock,
        offers=[OfferDraft(PersonRef.named(target))],
    )
    return result.introduction_ids[0]


def test_each_open_introduction_shows_once_by_its_earliest_due_step_and_hides_all_its_due_steps(db, clock):
    from journal.services.agenda import next_steps
    from journal.store.models import Introduction, NextStep

    waiting = _offer(clock, "Cy", "Di", 5)
    later = _offer(clock, "Ed", "Flo", 2)
    declined = _offer(clock, "Gus", "Hal", 4)
    snoozed = _offer(clock, "Ivy", "Jo", 3)
    introductions.advance(declined, Stage.DECLINED, clock=clock)
    (snoozed_step,) = NextStep.select().where(NextStep.introduction == snoozed)
    next_steps.snooze(snoozed_step.id, clock.today() + DAY)  # not due today: not waiting on you
    # A second step of the first offer, due sooner than its first: the earlier one is the one shown.
    (first_step,) = NextStep.select().where(NextStep.introduction == waiting)
    sooner = next_steps.add("Send Cy the deck", clock=clock, due=clock.today() - 9 * DAY, introduction_id=waiting)
    next_steps.add("Done already", clock=clock, due=clock.today() - 20 * DAY, introduction_id=later)
    NextStep.update(done_at=clock.now()).where(NextStep.text == "Done already").execute()

    groups = today_items(clock=clock)
    items = groups[Group.INTRODUCTIONS]
    open_step = NextStep.get(NextStep.introduction == later, NextStep.done_at.is_null())
    assert [(i.id, i.step_id, i.detail) for i in items] == [
        (waiting, sooner, "Send Cy the deck"),
        (later, open_step.id, open_step.text),
    ]
    first = items[0]
    assert first.title == "Cy → Di" and first.people == ("Cy", "Di") and first.overdue
    assert first.due == clock.today() - 9 * DAY and first.stage is Stage.OFFERED and first.days_waiting == 5
    assert first.person_id == Person.get(Person.name == "Cy").id
    assert items[1].due == open_step.due_date and items[1].days_waiting == 2
    # None of the introductions' steps is listed again as a plain step, the one not shown either.
    assert first_step.id not in {s.id for s in groups[Group.STEPS]}
    assert groups[Group.STEPS] == []
    assert Introduction.get_by_id(declined).stage == Stage.DECLINED.value


def test_items_are_built_as_the_dataclass_builds_them():
    from journal.services.agenda.today import TodayItem, _item, _listed

    day = dt.date(2026, 3, 11)
    made = _item(ItemKind.NEXT_STEP, 7, "Write", day, True, ("Ann",), person_id=3, due_time=dt.time(9))
    assert made == TodayItem(ItemKind.NEXT_STEP, 7, "Write", day, True, ("Ann",), person_id=3, due_time=dt.time(9))
    assert hash(made) == hash(TodayItem(ItemKind.NEXT_STEP, 7, "Write", day, True, ("Ann",), person_id=3, due_time=dt.time(9)))
    assert made.key == "" and made.emails == () and made.ident == 7 and made.group is Group.STEPS
    keep = _listed(ItemKind.KEEP_IN_TOUCH, 3, "Keep in touch with Ann", day, False, ("Ann",), 3, cadence_days=30)
    assert keep == TodayItem(ItemKind.KEEP_IN_TOUCH, 3, "Keep in touch with Ann", day, False, ("Ann",), person_id=3, cadence_days=30)
    assert repr(keep) == repr(TodayItem(ItemKind.KEEP_IN_TOUCH, 3, "Keep in touch with Ann", day, False, ("Ann",), person_id=3, cadence_days=30))
    with pytest.raises(TypeError):
        _item(ItemKind.NEXT_STEP, 7, "Write", day, True, colour="red")


def test_the_list_reads_the_steps_the_agenda_reads_as_the_patch_after_a_change_does(db, clock):
    """Today reads its due steps in one pass with their introductions; each is the item the
    agenda's open steps give (what a Done's patch reads), in the agenda's order."""
    from journal.services.agenda import next_steps
    from journal.services.agenda.items import open_steps
    from journal.services.agenda.today import _step_item, step_sort_key, today_steps
    from journal.store.models import NextStep

    now = clock.now()
    ann = log_conversation([PersonRef.named("Ann")], clock=clock, next_steps=[
        StepDraft("Write", clock.today() - 2 * DAY), StepDraft("call", clock.today()), StepDraft("Call", clock.today()),
        StepDraft("Later", clock.today() + DAY),
    ]).conversation_id
    timed = next_steps.add("At nine", clock=clock, due=clock.today(), due_time=dt.time(9), conversation_id=ann)
    future = next_steps.add("At eleven pm", clock=clock, due=clock.today(), due_time=dt.time(23), conversation_id=ann)
    snoozed = next_steps.add("Snoozed to today", clock=clock, due=clock.today() - 5 * DAY, due_time=dt.time(8))
    next_steps.snooze(snoozed, clock.today())
    closed = _offer(clock, "Cy", "Di", 1)
    introductions.advance(closed, Stage.DECLINED, clock=clock)
    next_steps.add("Still to do for a declined offer", clock=clock, due=clock.today(), introduction_id=closed)
    waiting = _offer(clock, "Ed", "Flo", 1)
    shown_as_introduction = {s.id for s in NextStep.select().where(NextStep.introduction == waiting)}

    listed = today_items(clock=clock)[Group.STEPS]
    expected = [_step_item(s) for s in open_steps(None, clock.today(), now) if s.item.id not in shown_as_introduction]
    expected.sort(key=step_sort_key)
    assert shown_as_introduction and listed == expected
    assert [i.title for i in listed][:1] == ["Write"]
    assert {i.title for i in listed} >= {"At nine", "At eleven pm", "Snoozed to today", "Still to do for a declined offer"}
    assert next(i for i in listed if i.id == timed).overdue and not next(i for i in listed if i.id == future).overdue
    assert next(i for i in listed if i.id == snoozed).due_time is None  # a snooze moves it to the day
    assert today_steps({i.id for i in listed}, clock=clock) == listed


def test_keep_in_touch_lists_whom_the_agenda_finds_due_by_today_in_its_order(db, clock):
    from journal.services.agenda.items import keep_in_touch_entries
    from journal.services.agenda.today import TodayItem
    from journal.services.people import records as people
    from journal.store.models import Person

    def person(name: str, days: int, set_ago: int) -> int:
        pid = Person.create(name=name, created_at=clock.now()).id
        people.set_cadence(pid, days, clock=clock.__class__(clock.now() - set_ago * DAY))
        return pid

    person("Zoe", 14, 20)  # due six days ago
    person("ann", 14, 14)  # due today
    person("Bob", 14, 14)  # due today too: names in casefold order
    person("Cy", 30, 3)  # not due for weeks
    snoozed = person("Dee", 7, 30)
    people.snooze_keep_in_touch(snoozed, clock.today() + DAY, clock=clock)
    logged = person("Eve", 7, 30)
    log_conversation([PersonRef(id=logged)], when=clock.now() - 8 * DAY, clock=clock)  # due yesterday

    listed = today_items(clock=clock)[Group.KEEP_IN_TOUCH]
    today = clock.today()
    agenda_order = sorted(keep_in_touch_entries(None, today, today), key=lambda k: sort_key(k.item))
    assert listed == [
        TodayItem(ItemKind.KEEP_IN_TOUCH, k.item.id, k.item.title, k.item.due, k.item.overdue, k.item.people,
                  person_id=k.item.id, cadence_days=k.cadence_days)
        for k in agenda_order
    ]
    assert [i.person for i in listed] == ["Zoe", "Eve", "ann", "Bob"]
    assert [i.overdue for i in listed] == [True, True, False, False]
