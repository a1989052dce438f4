"""Searching the journal through the service layer, and the `search` command line verb."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playhouse.test_utils import count_queries

from journal.services import search as svc
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.people.records import set_tags
from journal.store.models import Conversation, Person


@pytest.fixture
def journal(db, clock):
    log_conversation(
        [PersonRef.named("Siobhán O'Brien")],
        when=dt.datetime(2026, 3, 2, 10, 0),
        summary="Coffee about C++ roles",
        notes="She knows the CTO at Zoë's café and offered an intro.",
        offers=[OfferDraft(PersonRef.named("Max Müller"))],
        next_steps=[StepDraft("Send my CV to Siobhán", dt.date(2026, 3, 20))],
        clock=clock,
    )
    log_conversation(
        [PersonRef.named("Olga Ivanov")], when=dt.datetime(2026, 3, 5, 10, 0), summary="Robotics meetup", clock=clock
    )
    set_tags(Person.get(Person.name == "Olga Ivanov").id, ["mentor"])
    return db


def test_results_grouped_by_kind_with_titles_and_marked_snippets(journal):
    grouped = svc.search("siob")
    assert list(grouped) == ["person", "introduction", "next_step"]
    person = grouped["person"][0]
    assert person.title == "Siobhán O'Brien"
    assert f"{svc.MARK_START}Siobhán{svc.MARK_END}" in person.snippet
    conversation = svc.search("coffee")["conversation"][0]
    assert conversation.title == "2026-03-02 · Coffee about C++ roles"
    assert grouped["introduction"][0].title == "Siobhán O'Brien → Max Müller (offered)"
    assert "Send my CV to Siobhán" in grouped["next_step"][0].title


def test_conversation_snippet_marks_the_words_in_the_notes(journal):
    result = svc.search("zoe cafe")["conversation"][0]
    assert f"{svc.MARK_START}Zoë{svc.MARK_END}'s {svc.MARK_START}café{svc.MARK_END}" in result.snippet


def test_blank_and_symbol_only_text_finds_nothing(journal):
    for text in ("", "   ", "*", '"', "()", "-"):
        assert svc.search(text) == {}
        assert svc.matching_person_ids(text) is None


@pytest.mark.parametrize("text", ["c++", "O'Brien", '"unbalanced', "AND OR", "NEAR(", "*", "a:b", "^x", "NOT"])
def test_hostile_input_never_errors(journal, text):
    svc.search(text)
    svc.matching_person_ids(text)


def test_cpp_and_apostrophes_find_what_they_mean(journal):
    assert [r.title for r in svc.search("c++")["conversation"]] == ["2026-03-02 · Coffee about C++ roles"]
    assert svc.matching_person_ids("o'brien") == [Person.get(Person.name == "Siobhán O'Brien").id]


def test_matching_person_ids_ranked_best_first(journal):
    olga = Person.get(Person.name == "Olga Ivanov")
    mentor_in_notes = Person.create(name="Someone Else", notes="Could be a mentor one day, a mentor")
    assert svc.matching_person_ids("mentor") == [olga.id, mentor_in_notes.id]  # a tag outweighs notes
    named = Person.create(name="Mentor Smith")
    assert svc.matching_person_ids("mentor")[0] == named.id
    assert set(svc.matching_person_ids("mentor")) == {olga.id, mentor_in_notes.id, named.id}
    assert svc.matching_person_ids("nobody-here") == []


def test_search_costs_a_fixed_number_of_queries(journal):
    for i in range(30):
        log_conversation([PersonRef.named(f"Robot Person {i}")], summary=f"robotics chat {i}")
    with count_queries() as counter:
        grouped = svc.search("robot")
    assert sum(len(v) for v in grouped.values()) >= 16
    # per kind: one FTS5 query and one for the titles; plus the transaction's begin.
    assert counter.count <= 2 * len(svc.KINDS) + 1


def test_search_ranked_merges_kinds_best_first(journal):
    ranked = svc.search_ranked("siobhan")
    scores = [r.score for r in ranked]
    assert scores == sorted(scores)
    assert {r.kind for r in ranked} == {"person", "introduction", "next_step"}


def test_newest_conversations_are_ranked_when_matches_exceed_the_cap(journal, monkeypatch):
    monkeypatch.setitem(svc.RECENT_CAPS, "conversation", 3)
    for i in range(6):
        log_conversation([PersonRef.named("Olga Ivanov")], summary=f"quantum call {i}")
    newest = [c.id for c in Conversation.select().order_by(Conversation.id.desc()).limit(3)]
    assert sorted(r.id for r in svc.search("quantum")["conversation"]) == sorted(newest)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_text_is_safe(journal, text):
    grouped = svc.search(text)
    assert all(results for results in grouped.values())
    ids = svc.matching_person_ids(text)
    assert ids is None or isinstance(ids, list)


def test_cli_search_json(journal, journal_path, capsys):
    from journal.cli import run

    journal.close()
    assert run(["--db", str(journal_path), "search", "siobhan cv", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(i)) for i in items} == {("id", "kind", "snippet", "title")}
    assert items[0]["kind"] in svc.KINDS
    assert "Siobhán" in items[0]["snippet"] and svc.MARK_START not in items[0]["snippet"]
    assert [i["kind"] for i in items] == ["next_step"]


def test_cli_search_text_and_odd_input(journal, journal_path, capsys):
    from journal.cli import run

    journal.close()
    assert run(["--db", str(journal_path), "search", "robotics"]) == 0
    assert "Robotics meetup" in capsys.readouterr().out
    assert run(["--db", str(journal_path), "search", '"NEAR( AND']) == 0
    assert "Nothing matches" in capsys.readouterr().out
    assert run(["--db", str(journal_path), "search", "*", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
