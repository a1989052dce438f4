"""person_contact_day and person_rhythm: each person's days of contact and their summary, kept
exact by triggers through inserts, edits, moves, deletes, merges, undo and redo."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from journal.services import operations
from journal.services.conversations.records import PersonRef, delete_conversation, log_conversation
from journal.services.people.merge import merge_people
from journal.store import contact_days
from journal.store.models import Conversation, Participant, Person

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "journals"
D1 = dt.datetime(2026, 1, 5, 10, 0)


def talk(when, *people):
    conv = Conversation.create(occurred_at=when)
    for person in people:
        Participant.create(conversation=conv, person=person)
    return conv


def exact(db) -> None:
    assert contact_days.stored(db) == contact_days.recomputed(db)
    assert contact_days.stored_rhythms(db) == contact_days.recomputed_rhythms(db)


def test_follows_inserts_edits_moves_and_deletes(db):
    ana, ben = Person.create(name="Ana"), Person.create(name="Ben")
    morning = talk(D1, ana)
    evening = talk(D1.replace(hour=18), ana, ben)  # the same day: one day, two conversations
    talk(D1 + dt.timedelta(days=7), ana)
    exact(db)
    day = D1.date().toordinal()
    assert contact_days.stored(db)[(ana.id, day)] == 2
    assert contact_days.stored_rhythms(db)[ana.id] == (2, day, day + 7, 7.0)

    morning.delete_instance()  # the day stays: the evening's conversation is still on it
    exact(db)
    assert contact_days.stored(db)[(ana.id, day)] == 1

    Conversation.update(occurred_at=D1 + dt.timedelta(days=3)).where(Conversation.id == evening.id).execute()
    exact(db)
    Conversation.update(occurred_at=D1 + dt.timedelta(days=3, hours=1)).where(Conversation.id == evening.id).execute()
    exact(db)  # the same day at another hour changes nothing

    solo = talk(D1 + dt.timedelta(days=30), Person.create(name="Cy"))
    Participant.update(conversation=evening).where(Participant.conversation == solo.id).execute()
    exact(db)
    Participant.delete().where(Participant.person == ana.id, Participant.conversation == evening.id).execute()
    exact(db)

    ben.delete_instance()
    exact(db)
    assert ben.id not in contact_days.stored_rhythms(db)
    Conversation.delete().execute()
    exact(db)
    assert contact_days.stored(db) == {} and contact_days.stored_rhythms(db) == {}


def test_the_usual_gap_is_the_median_of_the_gaps_odd_and_even(db):
    ana = Person.create(name="Ana")
    for offset in (0, 1, 4, 14):  # gaps 1, 3, 10: median 3
        talk(D1 + dt.timedelta(days=offset), ana)
    assert contact_days.stored_rhythms(db)[ana.id][3] == 3.0
    talk(D1 + dt.timedelta(days=34), ana)  # gaps 1, 3, 10, 20: median 6.5
    assert contact_days.stored_rhythms(db)[ana.id][3] == 6.5
    exact(db)


def test_random_changes_keep_it_exact(db):
    rng = random.Random(7)
    people = [Person.create(name=f"P{i}") for i in range(8)]
    conversations = []
    for step in range(300):
        action = rng.random()
        if action < 0.4 or not conversations:
            when = D1 + dt.timedelta(days=rng.randrange(40), hours=rng.randrange(12))
            conversations.append(talk(when, *rng.sample(people, rng.randrange(1, 4))))
        elif action < 0.55:
            conv = rng.choice(conversations)
            Conversation.update(occurred_at=D1 + dt.timedelta(days=rng.randrange(40))).where(
                Conversation.id == conv.id).execute()
        elif action < 0.7:
            conv = conversations.pop(rng.randrange(len(conversations)))
            Conversation.delete().where(Conversation.id == conv.id).execute()
        elif action < 0.85:
            conv = rng.choice(conversations)
            Participant.delete().where(Participant.conversation == conv.id, Participant.person == rng.choice(people).id).execute()
        else:
            conv, person = rng.choice(conversations), rng.choice(people)
            if not Participant.select().where(Participant.conversation == conv.id, Participant.person == person.id).exists():
                db.execute_sql(
                    "UPDATE participant SET person_id = ? WHERE rowid = "
                    "(SELECT rowid FROM participant WHERE conversation_id = ? LIMIT 1)", (person.id, conv.id))
        if step % 25 == 0:
            exact(db)
    exact(db)


def test_operations_undo_redo_and_merges_keep_it_exact(db, clock):
    history = operations.History()

    def op(fn, *args, **kwargs):
        return history.record(operations.run(fn, *args, **kwargs)).value

    conv = op(log_conversation, [PersonRef.named("Ana"), PersonRef.named("Ben")], summary="lunch", clock=clock)
    op(log_conversation, [PersonRef.named("Ben")], summary="call", when=D1, clock=clock)
    exact(db)
    ana, ben = Person.get(Person.name == "Ana"), Person.get(Person.name == "Ben")
    op(merge_people, ana.id, ben.id, clock=clock)
    exact(db)
    assert set(contact_days.stored_rhythms(db)) == {ana.id}
    op(delete_conversation, conv.conversation_id)
    exact(db)
    for _ in range(3):
        history.undo()
        exact(db)
    assert set(contact_days.stored_rhythms(db)) == {ana.id, ben.id}
    for _ in range(3):
        history.redo()
        exact(db)


def test_a_schema_6_journal_upgrades_with_its_days_filled(tmp_path):
    from journal.services.insights import losing_touch
    from journal.store.db import close_journal, open_journal

    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / "v6.sqlite3", path)
    database = open_journal(path)
    try:
        exact(database)
        assert contact_days.stored(database)
        # Dana's e-mail (a scanned mailbox, between her two conversations) is one of her days.
        dana = next(r for r in losing_touch(dt.date(2026, 3, 1)) if r.name == "Dana Smith")
        assert dana.contacts == 3
        log_conversation([PersonRef.named("Dana Smith")], summary="after the upgrade", when=D1)
        exact(database)
    finally:
        close_journal()


def test_an_unfinished_schema_7_is_rebuilt_by_the_upgrade(tmp_path):
    import sqlite3

    from journal.store.db import close_journal, open_journal

    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / "v7.sqlite3", path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER person_rhythm_ai")
    conn.execute("DROP TRIGGER person_rhythm_ad")
    conn.execute("DROP TABLE person_rhythm")
    conn.execute("DELETE FROM person_contact_day")
    conn.commit()
    conn.close()
    database = open_journal(path)
    try:
        exact(database)
        assert contact_days.stored_rhythms(database)
        assert not contact_days.repair(database)
    finally:
        close_journal()


def test_a_json_backup_restores_the_days_of_contact(db, clock, tmp_path):
    import io

    from journal.services.interchange import exports, imports
    from journal.store.db import open_journal

    for offset in (0, 3, 3, 10):
        log_conversation([PersonRef.named("Ana"), PersonRef.named("Ben")], summary="talk",
                         when=D1 + dt.timedelta(days=offset, hours=offset), clock=clock)
    before = contact_days.stored(db), contact_days.stored_rhythms(db)
    stream = io.StringIO()
    exports.export_json(stream, clock=clock)
    path = tmp_path / "journal.json"
    path.write_text(stream.getvalue(), encoding="utf-8")
    db.close()
    restored = open_journal(tmp_path / "restored.sqlite3")
    imports.import_json(path, clock=clock)
    exact(restored)
    assert (contact_days.stored(restored), contact_days.stored_rhythms(restored)) == before
