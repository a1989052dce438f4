"""The Conversations journal: ids newest first in one query, rows fetched a page at a time."""

from __future__ import annotations

import datetime as dt
import json
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import ValidationError
from journal.services.conversations import records as conversations
from journal.services.conversations.records import PersonRef
from journal.services.people.records import resolve_person
from journal.services.transaction import write
from journal.store.models import DB, Conversation, Participant, Person
from journal.store.search import match_expression

SNIPPET_LENGTH = 140


@dataclass(frozen=True)
class ConversationRow:
    id: int
    occurred_at: dt.datetime
    channel: str
    participants: str
    snippet: str


@dataclass(frozen=True)
class ConversationDetail:
    id: int
    occurred_at: dt.datetime
    channel: str
    summary: str
    notes: str
    participants: tuple[tuple[int, str], ...]


def snippet(summary: str, notes: str, length: int = SNIPPET_LENGTH) -> str:
    """The summary, else the start of the notes, on one line and cut at a word."""
    text = " ".join((summary or notes or "").split())
    if summary and notes:
        text = f"{' '.join(summary.split())} — {' '.join(notes.split())}"
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def conversation_ids(person_id: int | None = None, *, text: str = "") -> Sequence[int]:
    """Conversation ids newest first: all, those with one person, or those matching `text`
    (in their summary or notes, or a participant's name, organisation, role or tags).

    All of them (no person, no text) is a NewestFirst, counted at once and read a window at a
    time as rows are asked for: a big journal's 1,000,000 ids took 1.3 s to read in order, where
    the count and the first window take 40 ms. Otherwise a packed array read row by row: 200,000
    ids take 0.8 MB this way, where a fetched list of row tuples peaks at over 20 MB."""
    where, params = [], []
    if person_id is not None:
        where.append("c.id IN (SELECT conversation_id FROM participant WHERE person_id = ?)")
        params.append(person_id)
    expression = match_expression(text)
    if expression is not None:
        where.append(
            "(c.id IN (SELECT rowid FROM conversation_fts WHERE conversation_fts MATCH ?) "
            "OR c.id IN (SELECT conversation_id FROM participant WHERE person_id IN "
            "(SELECT rowid FROM person_fts WHERE person_fts MATCH ?)))"
        )
        params += [expression, expression]
    if not where:
        return NewestFirst()
    sql = "SELECT c.id FROM conversation c WHERE " + " AND ".join(where) + " ORDER BY c.occurred_at DESC, c.id DESC"
    return packed_ids(DB.execute_sql(sql, params), DB.execute_sql("SELECT max(id) FROM conversation").fetchone()[0])


class NewestFirst(Sequence[int]):
    """Every conversation id, newest first (occurred_at, then id, descending), as a sequence that
    counts them when made and reads them a window of WINDOW ids at a time, each window once,
    over the occurred_at index (one query of LIMIT/OFFSET each).

    Like the packed array it stands for, it is what the journal held when it was read: windows
    not yet read are read from the journal as it is then, so the list is to be read again (as
    the Conversations view does) when conversations are added or deleted."""

    WINDOW = 1024
    _ORDER = " ORDER BY occurred_at DESC, id DESC"

    def __init__(self) -> None:
        self._count = DB.execute_sql("SELECT count(*) FROM conversation").fetchone()[0]
        self._windows: dict[int, array] = {}
        self._largest: int | None = None

    def __len__(self) -> int:
        return self._count

    def _window(self, number: int) -> array:
        found = self._windows.get(number)
        if found is None:
            if self._largest is None:
                self._largest = DB.execute_sql("SELECT max(id) FROM conversation").fetchone()[0]
            rows = DB.execute_sql(
                "SELECT id FROM conversation" + self._ORDER + " LIMIT ? OFFSET ?", (self.WINDOW, number * self.WINDOW)
            )
            found = self._windows[number] = packed_ids(rows, self._largest)
        return found

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("conversation index out of range")
        window = self._window(index // self.WINDOW)
        offset = index % self.WINDOW
        if offset >= len(window):  # fewer conversations than counted: deleted since
            raise IndexError("conversation index out of range")
        return window[offset]

    def __iter__(self) -> Iterator[int]:
        for number in range((self._count + self.WINDOW - 1) // self.WINDOW):
            yield from self._window(number)[: self._count - number * self.WINDOW]

    def __contains__(self, item_id) -> bool:
        try:
            self.index(item_id)
        except ValueError:
            return False
        return True

    def index(self, item_id, start: int = 0, stop: int | None = None) -> int:
        """The position of `item_id`: found in the windows read so far, else counted in SQL (the
        conversations sorting before it) and checked against its window."""
        if start != 0 or stop is not None:
            return super().index(item_id, start, stop)
        for number, window in self._windows.items():
            try:
                position = number * self.WINDOW + window.index(item_id)
            except ValueError:
                continue
            if position < self._count:
                return position
        found = DB.execute_sql("SELECT occurred_at FROM conversation WHERE id = ?", (item_id,)).fetchone()
        if found is None:
            raise ValueError(f"{item_id} is not listed")
        (when,) = found
        if when is None:  # NULLs come last, the greater ids first
            before = DB.execute_sql(
                "SELECT (SELECT count(*) FROM conversation WHERE occurred_at IS NOT NULL) + "
                "(SELECT count(*) FROM conversation WHERE occurred_at IS NULL AND id > ?)",
                (item_id,),
            ).fetchone()[0]
        else:
            before = DB.execute_sql(
                "SELECT (SELECT count(*) FROM conversation WHERE occurred_at > ?) + "
                "(SELECT count(*) FROM conversation WHERE occurred_at = ? AND id > ?)",
                (when, when, item_id),
            ).fetchone()[0]
        try:
            if self[before] == item_id:
                return before
        except IndexError:
            pass
        raise ValueError(f"{item_id} is not listed")

    def count(self, item_id) -> int:
        return int(item_id in self)


def packed_ids(rows, largest: int | None) -> array:
    """The first column of `rows` as a packed array: four bytes an id while every id fits (a
    big journal's 1,000,000 conversation ids take 4 MB so), eight otherwise."""
    return array("i" if (largest or 0) < 2**31 else "q", (row[0] for row in rows))


def fetch_rows(ids: list[int]) -> dict[int, ConversationRow]:
    """The list's columns for `ids`, in one query."""
    if not ids:
        return {}
    sql = """
        SELECT c.id, c.occurred_at, c.channel, c.summary, c.notes,
               coalesce((SELECT group_concat(name, ', ') FROM (
                   SELECT p.name AS name FROM participant pa JOIN person p ON p.id = pa.person_id
                   WHERE pa.conversation_id = c.id ORDER BY p.name COLLATE NOCASE)), '')
        FROM conversation c WHERE c.id IN (SELECT value FROM json_each(?))
    """
    rows = DB.execute_sql(sql, (json.dumps(list(ids)),)).fetchall()
    return {r[0]: ConversationRow(r[0], _datetime(r[1]), r[2], r[5], snippet(r[3], r[4])) for r in rows}


def get_conversation(conversation_id: int) -> ConversationDetail:
    conv = Conversation.get_or_none(Conversation.id == conversation_id)
    if conv is None:
        raise ValidationError("This conversation no longer exists; it may have been deleted.")
    people = (
        Person.select(Person.id, Person.name)
        .join(Participant)
        .where(Participant.conversation == conversation_id)
        .order_by(Person.name)
    )
    return ConversationDetail(
        conv.id,
        _datetime(conv.occurred_at),
        conv.channel,
        conv.summary,
        conv.notes,
        tuple((p.id, p.name) for p in people),
    )


def save_conversation(
    conversation_id: int,
    *,
    participants: list[PersonRef],
    when: dt.datetime,
    channel: str,
    summary: str,
    notes: str,
    clock: Clock = SYSTEM_CLOCK,
) -> list[int]:
    """Save an edited conversation in one transaction; a participant given by a new name is
    created. Returns the ids of people created."""
    if when > clock.now() + dt.timedelta(days=1):
        raise ValidationError("A conversation cannot be in the future.")
    created: list[int] = []
    with write():
        ids = []
        for ref in participants:
            if ref.id is not None:
                ids.append(ref.id)
                continue
            person, was_created = resolve_person(ref.name, clock=clock)
            if was_created:
                created.append(person.id)
            ids.append(person.id)
        conversations.update_conversation(
            conversation_id, participant_ids=ids, when=when, channel=channel, summary=summary, notes=notes
        )
    return created


def count_conversations() -> int:
    return DB.execute_sql("SELECT count(*) FROM conversation").fetchone()[0]


def conversation_ids_between(start: dt.date, end: dt.date, channel: str | None = None) -> list[int]:
    """Conversation ids from `start` to `end` (both days included), newest first, optionally of
    one channel: the conversations behind a bar of Insights' activity chart. One query."""
    sql = "SELECT id FROM conversation WHERE occurred_at >= ? AND occurred_at < ?"
    params: list = [start.isoformat(), (end + dt.timedelta(days=1)).isoformat()]
    if channel is not None:
        sql += " AND channel = ?"
        params.append(channel)
    return [row[0] for row in DB.execute_sql(sql + " ORDER BY occurred_at DESC, id DESC", params)]


def first_met_between(start: dt.date, end: dt.date) -> list[tuple[int, str]]:
    """(id, name) of the people whose first conversation fell from `start` to `end`: the new
    people behind a bucket of Insights' activity chart. One query."""
    low, high = start.isoformat(), (end + dt.timedelta(days=1)).isoformat()
    # The people of the span's conversations with no conversation before it: through the
    # occurred_at and participant indexes, never a pass over everyone's first conversation.
    rows = DB.execute_sql(
        "SELECT p.id, p.name, min(c.occurred_at) FROM conversation c "
        "JOIN participant pa ON pa.conversation_id = c.id JOIN person p ON p.id = pa.person_id "
        "WHERE c.occurred_at >= ? AND c.occurred_at < ? AND NOT EXISTS ("
        "SELECT 1 FROM participant pb JOIN conversation cb ON cb.id = pb.conversation_id "
        "WHERE pb.person_id = pa.person_id AND cb.occurred_at < ?) "
        "GROUP BY p.id ORDER BY 3, p.id",
        [low, high, low],
    ).fetchall()
    return [(pid, name) for pid, name, _first in rows]
