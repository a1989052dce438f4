"""The People table's queries: SQL sorting, the keep-in-touch date in SQL, filters, paging."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playhouse.test_utils import count_queries

from journal.domain.cadence import keep_in_touch_due
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people import records as people
from journal.services.people import table as people_table
from journal.store.models import DB, Person


@pytest.fixture
def journal(db, clock):
    dana = people.create_person("Dana Smith", organisation="Acme", role="CTO", clock=clock)
    bo = people.create_person("bo chen", organisation="Zenith", role="Designer", clock=clock)
    ali = people.create_person("Ali Khan", clock=clock)
    people.set_tags(dana.id, ["investor", "Alumni"])
    people.set_cadence(bo.id, 14, clock=clock)
    people.add_detail(ali.id, "email", "ali@khan.example")
    log_conversation([PersonRef(id=dana.id)], when=dt.datetime(2026, 3, 2, 10), clock=clock)
    log_conversation([PersonRef(id=bo.id)], when=dt.datetime(2026, 1, 5, 15), clock=clock)
    return {"dana": dana.id, "bo": bo.id, "ali": ali.id}


def test_sort_by_every_column_blanks_last(journal):
    d, b, a = journal["dana"], journal["bo"], journal["ali"]
    assert list(people_table.person_ids("name")) == [a, b, d]  # case-insensitive
    assert list(people_table.person_ids("name", descending=True)) == [d, b, a]
    assert list(people_table.person_ids("organisation")) == [d, b, a]
    assert list(people_table.person_ids("organisation", descending=True)) == [b, d, a]
    assert list(people_table.person_ids("last_contact")) == [b, d, a]
    assert list(people_table.person_ids("last_contact", descending=True)) == [d, b, a]
    assert list(people_table.person_ids("next_due")) == [b, a, d]  # only Bo has a cadence; the rest by name
    assert list(people_table.person_ids("tags")) == [d, a, b]


def test_unknown_column_is_refused(journal):
    with pytest.raises(ValueError):
        people_table.person_ids("id; DROP TABLE person")


def test_rows_hold_the_columns(journal):
    rows = people_table.fetch_rows([journal["dana"], journal["bo"]])
    dana, bo = rows[journal["dana"]], rows[journal["bo"]]
    assert (dana.organisation, dana.role, dana.last_contact, dana.tags) == (
        "Acme",
        "CTO",
        dt.date(2026, 3, 2),
        "Alumni, investor",
    )
    assert bo.next_due == dt.date(2026, 1, 19)


def test_archived_hidden_unless_asked(journal, clock):
    people.set_archived(journal["ali"], True, clock=clock)
    assert journal["ali"] not in people_table.person_ids()
    assert journal["ali"] in people_table.person_ids(include_archived=True)
    assert people_table.fetch_rows([journal["ali"]])[journal["ali"]].archived


def test_filter_uses_full_text_and_falls_back_to_like(journal, monkeypatch):
    assert list(people_table.person_ids(text="acme")) == [journal["dana"]]
    assert list(people_table.person_ids(text="alum")) == [journal["dana"]]  # a tag, by prefix
    monkeypatch.setattr(people_table, "_full_text_ids", lambda text: None)
    assert list(people_table.person_ids(text="khan.example")) == [journal["ali"]]  # an e-mail
    assert list(people_table.person_ids(text="des zen")) == [journal["bo"]]  # every word must match
    assert list(people_table.person_ids(text="_")) == []  # wildcards are literal


def test_fetching_a_page_is_one_query(journal):
    ids = people_table.person_ids()
    with count_queries() as counter:
        people_table.fetch_rows(ids)
    assert counter.count == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cadence=st.one_of(st.none(), st.integers(1, 400)),
    set_on=st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2026, 3, 1))),
    last=st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2026, 3, 1))),
    snooze=st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2027, 1, 1))),
)
def test_next_due_in_sql_matches_the_domain_rule(db, clock, cadence, set_on, last, snooze):
    with DB.atomic() as transaction:
        person = Person.create(
            name="Prop", cadence_days=cadence, cadence_set_on=set_on, keep_in_touch_snoozed_until=snooze
        )
        if last:
            from journal.store.models import Conversation, Participant

            conv = Conversation.create(occurred_at=dt.datetime.combine(last, dt.time(18, 45)))
            Participant.create(conversation=conv, person=person)
        row = people_table.fetch_rows([person.id])[person.id]
        assert row.next_due == keep_in_touch_due(cadence, last, set_on, snooze)
        transaction.rollback()
