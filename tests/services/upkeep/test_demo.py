"""The demo journal: realistic, complete, relative to the clock and repeatable. No Qt here."""

import datetime as dt

from journal.domain.pipeline import Stage
from journal.services.agenda.items import agenda
from journal.services.agenda.today import Group, today_items
from journal.services.pipeline.introductions import cards
from journal.services.scan.suggestions import suggestions, upcoming
from journal.services.upkeep.demo import create_demo_journal, populate
from journal.services.upkeep.demo_seen import add_contact_seen
from journal.store.last_contact import last_mailed
from journal.store.models import DB, Conversation, Organisation, Person, PersonTag


def test_the_sample_has_everything_a_newcomer_should_see(db, clock, tmp_path):
    summary = populate(clock=clock)
    add_contact_seen(tmp_path, clock=clock)  # what create_demo_journal adds beside the journal
    assert 30 <= summary.people == Person.select().count() <= 60
    assert Organisation.select().count() >= 8
    assert summary.conversations == Conversation.select().count() >= 60
    assert PersonTag.select().count() >= 30
    assert Person.select().where(Person.cadence_days.is_null(False)).count() >= 5
    assert Person.select().where(Person.is_placeholder == True).count() >= 1  # noqa: E712

    stages = {card.stage for card in cards()}
    assert stages == set(Stage)

    today = clock.today()
    first = Conversation.select().order_by(Conversation.occurred_at).first().occurred_at
    last = Conversation.select().order_by(Conversation.occurred_at.desc()).first().occurred_at
    assert dt.timedelta(days=150) < clock.now() - first < dt.timedelta(days=200)
    assert last <= clock.now()
    assert all(c.notes for c in Conversation.select())

    due = agenda(0, clock=clock)
    assert any(i.overdue for i in due)
    assert any(i.due == today for i in due)
    assert any(i.due > today for i in agenda(14, clock=clock))
    groups = today_items(clock=clock)
    assert all(groups[g] for g in Group)
    assert {s.kind for s in suggestions(clock=clock)} == {"meeting", "stage"}
    assert upcoming(clock.now(), clock.now() + dt.timedelta(days=14))
    assert last_mailed(DB.obj)


def test_the_same_seed_gives_the_same_journal_relative_to_the_clock(tmp_path, clock):
    # Whole weeks later: the sample keeps most conversations on working days, so weekdays matter.
    later = type(clock)(clock.now() + dt.timedelta(weeks=57))
    snapshots = []
    for folder, c in ((tmp_path / "a", clock), (tmp_path / "b", later)):
        folder.mkdir()
        path, database = create_demo_journal(folder, clock=c)
        try:
            assert path.parent == folder and path.exists()
            rows = [
                (row.summary, (c.now() - row.occurred_at).days)
                for row in Conversation.select().order_by(Conversation.id)
            ]
            snapshots.append(rows)
        finally:
            database.close()
    assert snapshots[0] == snapshots[1]
