"""All conversations, newest first, counted at once and read a window at a time: the same ids in
the same order as reading them all, found by position both in windows read and not yet read."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.services.conversations import listing
from journal.services.conversations.listing import NewestFirst, conversation_ids
from journal.store.models import DB, Conversation

BASE = dt.datetime(2025, 1, 1, 9, 0)


@pytest.fixture
def journal(db, monkeypatch):
    monkeypatch.setattr(NewestFirst, "WINDOW", 4)
    with DB.atomic():
        # Out of id order, with runs of equal times (ties go to the greater id first).
        Conversation.insert_many(
            [{"occurred_at": BASE + dt.timedelta(hours=(i * 7) % 11), "summary": f"c{i}"} for i in range(23)]
        ).execute()
    expected = [
        row[0] for row in DB.execute_sql("SELECT id FROM conversation ORDER BY occurred_at DESC, id DESC").fetchall()
    ]
    assert len(set(Conversation.select(Conversation.occurred_at).tuples())) < 23  # there are ties
    return expected


def reads(monkeypatch) -> list:
    """The windows read from the journal from now on (each is packed once)."""
    seen = []
    packed = listing.packed_ids

    def counted(rows, largest):
        seen.append(packed(rows, largest))
        return seen[-1]

    monkeypatch.setattr(listing, "packed_ids", counted)
    return seen


def test_the_same_ids_in_the_same_order_as_one_query(journal, monkeypatch):
    ids = conversation_ids()
    assert isinstance(ids, NewestFirst) and len(ids) == 23
    seen = reads(monkeypatch)
    assert ids[0] == journal[0] and ids[-1] == journal[-1] and ids[5] == journal[5]
    assert ids[3:10] == journal[3:10] and ids[::5] == journal[::5]
    assert list(ids) == journal
    assert [ids[i] for i in range(23)] == journal
    assert sorted(len(window) for window in seen) == [3, 4, 4, 4, 4, 4]  # each window read once, however asked for
    with pytest.raises(IndexError):
        ids[23]


def test_positions_are_found_read_or_not(journal, monkeypatch):
    ids = conversation_ids()
    assert ids[0] == journal[0]  # only the first window is read
    for position, item_id in enumerate(journal):
        assert ids.index(item_id) == position
        assert item_id in ids
    assert 999_999 not in ids
    with pytest.raises(ValueError):
        ids.index(999_999)
    assert ids.count(journal[7]) == 1


def test_a_filter_or_a_person_still_reads_every_match_in_one_query(journal):
    matching = conversation_ids(text="c11")
    assert list(matching) == [i for i in journal if Conversation.get_by_id(i).summary == "c11"]
    assert not isinstance(matching, NewestFirst)


def test_an_empty_journal_lists_nothing(db):
    ids = conversation_ids()
    assert len(ids) == 0 and list(ids) == [] and ids[0:5] == []
    with pytest.raises(ValueError):
        ids.index(1)
