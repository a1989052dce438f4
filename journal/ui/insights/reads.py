"""What Insights' tabs read, off the GUI thread: each service call goes to one Reader (its own
worker thread and connection), each answer is kept by what was asked until the journal changes
(a period switched back to, or a tab shown again, reads nothing), and each part of the view (a
"slot") gets only the answer to what it asked for last.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from journal.desktop.reader import Reader


class Reads(QObject):
    busy_changed = Signal(bool)  # something asked for is being read
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = Reader(self)
        self.reader.answered.connect(self._answered)
        self.reader.failed.connect(self._failed)
        self._kept: dict[object, object] = {}
        self._wanted: dict[str, tuple[object, Callable]] = {}  # slot -> (key, what to do with the answer)
        self._asked: dict[int, tuple[int, object]] = {}  # reader's number -> (generation, key)
        self._generation = 0

    def ask(self, slot: str, key, done: Callable, function: Callable, *args, **kwargs) -> bool:
        """`done(answer)` for `slot`: at once (True) when `key` was read already, else once the
        worker has read `function(*args, **kwargs)` (unless the slot asks for something else
        meanwhile)."""
        if key in self._kept:
            self._wanted.pop(slot, None)
            self._update_busy()
            done(self._kept[key])
            return True
        self._wanted[slot] = (key, done)
        if not any(k == key and g == self._generation for g, k in self._asked.values()):
            self._asked[self.reader.read(function, *args, **kwargs)] = (self._generation, key)
        self._update_busy()
        return False

    def kept(self, key):
        return self._kept.get(key)

    def busy(self) -> bool:
        return bool(self._wanted)

    def forget(self) -> None:
        """The journal changed: nothing read before counts (the tabs ask again when shown)."""
        self._generation += 1
        self._kept.clear()
        self._wanted.clear()
        self._update_busy()

    def reconnect(self) -> None:
        self.forget()
        self.reader.reconnect()

    def stop(self) -> None:
        self.reader.stop()
        self._wanted.clear()

    def _answered(self, number: int, answer) -> None:
        generation, key = self._asked.pop(number, (None, None))
        if generation != self._generation:
            return
        self._kept[key] = answer
        for slot, (wanted, done) in list(self._wanted.items()):
            if wanted == key:
                del self._wanted[slot]
                done(answer)
        self._update_busy()

    def _failed(self, number: int, message: str) -> None:
        generation, key = self._asked.pop(number, (None, None))
        if generation != self._generation:
            return
        for slot, (wanted, _done) in list(self._wanted.items()):
            if wanted == key:
                del self._wanted[slot]
        self._update_busy()
        self.failed.emit(message)

    def _update_busy(self) -> None:
        self.busy_changed.emit(self.busy())


# --- the reads themselves (run on the worker thread) ---------------------------------------------


def introduction_items() -> dict:
    """Every introduction's card (names, stage), by id: what a list of offers shows. One dict
    until the journal changes, shared by the Funnel and Introducers tabs (each held its own
    copy: 25,000 cards in a big journal); the lists show no notes, so none are read."""
    from journal.services.insights._rows import kept
    from journal.services.pipeline.introductions import cards

    return kept("introduction_cards", (), lambda: {card.id: card for card in cards(with_notes=False)})


def read_funnel(period, today):
    from journal.services.insights import funnel

    return funnel(period, today=today), introduction_items()


def read_introducers(period):
    from journal.services.insights import introducers

    return introducers(period), introduction_items()


def read_losing_touch(today):
    from journal.services.insights import losing_touch

    return losing_touch(today)


def read_activity(period, bucket):
    from journal.services.insights import activity

    return activity(period, bucket)


def read_bucket(start, end):
    """The conversations of one bar of the activity chart, newest first, and its new people."""
    from journal.services.conversations.listing import conversation_ids_between, fetch_rows, first_met_between

    ids = conversation_ids_between(start, end)
    rows = fetch_rows(ids)
    return [rows[i] for i in ids if i in rows], first_met_between(start, end)


def read_graph(period, stages, tag):
    from journal.services.insights import graph

    return graph(period, stages=list(stages) if stages else None, tag=tag)
