"""person_last_contact: each person's latest conversation, kept exact by triggers."""

from __future__ import annotations

import datetime as dt

from journal.store.last_contact import last_contacts
from journal.store.models import Conversation, Participant, Person

D1 = dt.datetime(2026, 1, 5, 10, 0)
D2 = dt.datetime(2026, 2, 9, 10, 0)
D3 = dt.datetime(2026, 3, 1, 10, 0)


def talk(when, *people):
    conv = Conversation.create(occurred_at=when)
    for person in people:
        Participant.create(conversation=conv, person=person)
    return conv


def recomputed(db):
    rows = db.execute_sql(
        "SELECT p.person_id, max(c.occurred_at) FROM participant p JOIN conversation c ON c.id = p.conversation_id "
        "GROUP BY p.person_id"
    ).fetchall()
    return {pid: dt.date.fromisoformat(str(last)[:10]) for pid, last in rows}


def test_follows_inserts_edits_moves_and_deletes(db):
    ana, ben = Person.create(name="Ana"), Person.create(name="Ben")
    first = talk(D2, ana)
    talk(D1, ana, ben)
    assert last_contacts(db) == {ana.id: D2.date(), ben.id: D1.date()} == recomputed(db)

    Conversation.update(occurred_at=D3).where(Conversation.id == first.id).execute()
    assert last_contacts(db)[ana.id] == D3.date()

    Participant.update(person=ben).where(Participant.conversation == first.id).execute()  # a merge
    assert last_contacts(db) == {ana.id: D1.date(), ben.id: D3.date()} == recomputed(db)

    first.delete_instance()  # cascades to its participants
    assert last_contacts(db) == {ana.id: D1.date(), ben.id: D1.date()} == recomputed(db)

    ben.delete_instance()
    assert last_contacts(db) == {ana.id: D1.date()} == recomputed(db)
    Conversation.delete().execute()
    assert last_contacts(db) == {} == recomputed(db)


def test_filters_by_ids_and_by_cadence(db):
    people = [Person.create(name=f"P{i}", cadence_days=30 if i % 2 else None) for i in range(6)]
    for i, person in enumerate(people):
        talk(D1 + dt.timedelta(days=i), person)
    assert set(last_contacts(db, [people[0].id, people[1].id])) == {people[0].id, people[1].id}
    assert set(last_contacts(db, with_cadence=True)) == {p.id for p in people if p.cadence_days}
    many = [p.id for p in people] + list(range(10_000, 10_600))
    assert set(last_contacts(db, many)) == {p.id for p in people}


def test_keep_in_touch_rows_prefilter_agrees_with_the_domain_rule(db):
    from journal.domain.cadence import keep_in_touch_due
    from journal.store.last_contact import keep_in_touch_rows

    base = dt.date(2026, 1, 1)
    people = []
    for i in range(40):
        person = Person.create(
            name=f"P{i}",
            cadence_days=[7, 14, 30, 91][i % 4],
            cadence_set_on=base - dt.timedelta(days=i * 3),
            keep_in_touch_snoozed_until=(base + dt.timedelta(days=i * 2)) if i % 5 == 0 else None,
        )
        if i % 3:
            talk(dt.datetime(2025, 12, 1, 15, 30) + dt.timedelta(days=i), person)
        people.append(person)
    everyone = keep_in_touch_rows(db)
    assert len(everyone) == 40
    start, end = dt.date(2026, 1, 5), dt.date(2026, 1, 31)
    expected = {
        pid for pid, _n, days, set_on, snoozed, last in everyone
        if start <= keep_in_touch_due(days, last, set_on, snoozed) <= end
    }
    assert expected and len(expected) < 40
    assert {row[0] for row in keep_in_touch_rows(db, start, end)} == expected
    assert {row[0] for row in keep_in_touch_rows(db, None, end)} == {
        pid for pid, _n, days, set_on, snoozed, last in everyone if keep_in_touch_due(days, last, set_on, snoozed) <= end
    }


def test_the_latest_email_from_any_source_counts_as_contact(db):
    """keep_in_touch_rows and last_contacts take the later of the latest conversation and the
    latest e-mail of every source (one source may have seen an older e-mail than another)."""
    from journal.store.last_contact import keep_in_touch_rows
    from journal.store.models import MailContact, ScanSource

    one = ScanSource.create(kind="mbox", location="/a")
    two = ScanSource.create(kind="imap", location="me@host:993")
    ana = Person.create(name="Ana", cadence_days=30, cadence_set_on=dt.date(2025, 1, 1))  # talked later than mailed
    ben = Person.create(name="Ben", cadence_days=14, cadence_set_on=dt.date(2025, 1, 1))  # mailed later than talked
    cai = Person.create(name="Cai", cadence_days=7, cadence_set_on=dt.date(2025, 1, 1))  # only mailed
    dee = Person.create(name="Dee", cadence_days=7, cadence_set_on=dt.date(2025, 6, 1))  # nothing at all
    eve = Person.create(name="Eve", cadence_days=7, archived=True)  # archived: not listed
    Person.create(name="Fay")  # no cadence: not listed
    talk(D3, ana)
    talk(D1, ben)
    MailContact.create(source=one, person=ana, last_at=D2)
    MailContact.create(source=one, person=ben, last_at=D2)
    MailContact.create(source=two, person=ben, last_at=D3 + dt.timedelta(days=2))
    MailContact.create(source=two, person=cai, last_at=D1)
    MailContact.create(source=one, person=cai, last_at=D2)
    MailContact.create(source=one, person=eve, last_at=D2)
    last = {ana.id: D3.date(), ben.id: (D3 + dt.timedelta(days=2)).date(), cai.id: D2.date()}

    rows = {row[0]: row for row in keep_in_touch_rows(db)}
    assert set(rows) == {ana.id, ben.id, cai.id, dee.id}
    assert {pid: row[5] for pid, row in rows.items()} == {**last, dee.id: None}
    # Due: Ana 03-31, Ben 03-17, Cai 02-16, Dee 2025-06-08.
    in_march = {row[0] for row in keep_in_touch_rows(db, dt.date(2026, 3, 1), dt.date(2026, 3, 31))}
    assert in_march == {ana.id, ben.id}
    assert {row[0] for row in keep_in_touch_rows(db, None, dt.date(2026, 3, 17))} == {ben.id, cai.id, dee.id}
    assert {k: v for k, v in last_contacts(db).items() if k != eve.id} == last
    assert last_contacts(db, with_cadence=True) == last
    assert last_contacts(db, [ben.id, cai.id, dee.id]) == {ben.id: last[ben.id], cai.id: last[cai.id]}
    assert last_contacts(db, [ana.id], mail=False) == {ana.id: D3.date()}
