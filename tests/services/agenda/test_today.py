import datetime as dt

from journal.domain.agenda import ItemKind
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
    # Open steps, keep-in-touch people, introductions' due steps, dates by month and day, and
    # the demo's job changes (jobs, former jobs, e-mail addresses, whether the same organisation),
    # and the suggestions (meetings of the last weeks, stage hints, and what was decided, read once for both).
    assert groups[Group.RECONNECT]
    assert counter.count == 11
