"""A reader's worker reads on its own connection, with a smaller page cache than the main one."""

from __future__ import annotations

from journal.desktop.reader import Reader, wait_for_readers
from journal.store.db import PRAGMAS, READER_CACHE_SIZE
from journal.store.models import DB


def _cache_size() -> int:
    return DB.execute_sql("PRAGMA cache_size").fetchone()[0]


def test_a_reader_answers_on_a_connection_with_the_smaller_cache(qtbot, db):
    reader = Reader()
    answers = []
    reader.answered.connect(lambda number, result: answers.append((number, result)))
    first = reader.read(_cache_size)
    second = reader.read(lambda: DB.execute_sql("SELECT count(*) FROM person").fetchone()[0])
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert answers == [(first, READER_CACHE_SIZE), (second, 0)]
    assert _cache_size() == PRAGMAS["cache_size"]  # the main connection keeps its own
    reader.stop()
    assert wait_for_readers()


def test_a_reconnected_reader_gets_the_smaller_cache_again(qtbot, db):
    reader = Reader()
    answers = []
    reader.answered.connect(lambda _number, result: answers.append(result))
    reader.read(_cache_size)
    qtbot.waitUntil(lambda: len(answers) == 1)
    reader.reconnect()
    reader.read(_cache_size)
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert answers == [READER_CACHE_SIZE, READER_CACHE_SIZE]
    reader.stop()
    assert wait_for_readers()
