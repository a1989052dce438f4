"""Operations: every change a user makes runs through `run`, and can be undone and redone.

`run(fn, ...)` calls a service function inside one write transaction (BEGIN IMMEDIATE, so a
second writer waits on the busy timeout instead of failing), captures the rows it touched
(journal.store.changelog) and returns an `OpResult`: the function's value, the typed `Changes`
and an `UndoStep` holding the captured rows. Undo and redo are generic: `History` puts the
rows back as they were, refusing with a clear message when a later change is in the way. The
window, the tray, notifications and the command line all call the same service functions
through `run`, so they behave alike.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from journal.errors import BusyError, JournalError
from journal.services.changes import Changes, notify
from journal.services.transaction import write
from journal.store import changelog
from journal.store.changelog import ChangeConflict, ChangeSet
from journal.store.models import DB

T = TypeVar("T")
UNDO_LEVELS = 100
BUSY_ATTEMPTS = 3  # each waits up to the busy timeout (5 s) for the write lock

_state = threading.local()


@dataclass(frozen=True)
class UndoStep:
    """One operation as the undo list keeps it: its name ("Done: Send Dana my CV") and rows."""

    label: str
    changeset: ChangeSet
    destructive: bool = False


@dataclass(frozen=True)
class OpResult(Generic[T]):
    value: T
    changes: Changes
    step: UndoStep | None  # None when the operation changed nothing


def in_operation() -> bool:
    return getattr(_state, "depth", 0) > 0


def run(
    fn: Callable[..., T], *args, label: str = "", destructive: bool = False, announce: bool = True, **kwargs
) -> OpResult[T]:
    """Run `fn(*args, **kwargs)` as one operation. Inside another operation it simply joins it
    (its rows are the outer operation's). Listeners hear what changed once it has committed,
    unless `announce` is off (a worker thread: the window announces it on its own thread)."""
    if in_operation():
        return OpResult(fn(*args, **kwargs), Changes(), None)
    _state.depth = 1
    try:
        for attempt in range(BUSY_ATTEMPTS):
            try:
                with write():
                    with changelog.capture(DB.obj) as captured:
                        value = fn(*args, **kwargs)
                    _note_for_sync(captured.changeset)
                break
            except BusyError:
                # SQLite's busy handler keeps no queue: a writer that takes the lock again at once
                # (a sync round, a scan) can keep winning it for the whole timeout. The operation
                # was rolled back whole, so it is simply run again after a short random pause.
                if attempt == BUSY_ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0.01, 0.1))
    finally:
        _state.depth = 0
    changeset = captured.changeset
    changes = Changes.of(changeset)
    step = UndoStep(label, changeset, destructive) if changeset else None
    if announce:
        notify(changes)
    return OpResult(value, changes, step)


def _note_for_sync(changeset: ChangeSet) -> None:
    """Tell sync when the rows changed (inside the operation's transaction)."""
    from journal.services.sync import tracking

    tracking.touch(changeset)


class UndoRefused(JournalError):
    """An undo or redo that would clash with a later change; nothing was changed."""


# What a row is called in a message, by table.
_NOUNS = {
    "organisation": "the organisation",
    "person": "the person",
    "contact_detail": "an e-mail address or phone number",
    "tag": "the tag",
    "person_tag": "a tag on someone",
    "conversation": "the conversation",
    "participant": "someone in a conversation",
    "introduction": "the offered introduction",
    "next_step": "the next step",
}
_TITLE_COLUMNS = {"organisation": "name", "person": "name", "tag": "name", "conversation": "summary",
                  "next_step": "text", "contact_detail": "value"}


def _describe(changeset: ChangeSet, row) -> str:
    noun = _NOUNS.get(row.table, row.table.replace("_", " "))
    column = _TITLE_COLUMNS.get(row.table)
    title = changeset.value(row, column) if column and row.table in changeset.columns else None
    return f"{noun} “{title}”" if title else noun


def _refusal(verb: str, step: UndoStep, conflict: ChangeConflict) -> UndoRefused:
    what = _describe(conflict.changeset, conflict.row)
    reason = {
        "changed": f"{what} was changed since",
        "deleted": f"{what} was deleted since",
        "exists": f"{what} was added again since",
        "reaches": f"{what} was added since and depends on it",
        "refers": f"{_NOUNS.get(conflict.detail, 'something it refers to')} it involves was deleted since",
        "refused": f"the journal refused to put {what} back ({conflict.detail})",
    }.get(conflict.reason, conflict.reason)
    return UndoRefused(f"Cannot {verb} “{step.label}”: {reason}. Nothing was changed.")


def _apply(step: UndoStep, side: str) -> tuple[UndoStep, Changes]:
    verb = "undo" if side == "before" else "redo"
    try:
        with write():
            done = changelog.apply(DB.obj, step.changeset, side)
            _note_for_sync(done)
    except ChangeConflict as conflict:
        raise _refusal(verb, step, conflict) from None
    changes = Changes.of(done)
    notify(changes)
    return step, changes


class History:
    """The session's undo and redo lists (UNDO_LEVELS deep). Plain Python: the window wraps it."""

    def __init__(self, levels: int = UNDO_LEVELS) -> None:
        self.levels = levels
        self._undo: list[UndoStep] = []
        self._redo: list[UndoStep] = []

    def push(self, step: UndoStep | None) -> None:
        if step is None:
            return
        self._undo.append(step)
        del self._undo[: -self.levels]
        self._redo.clear()

    def record(self, result: OpResult) -> OpResult:
        self.push(result.step)
        return result

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def undo_step(self) -> UndoStep | None:
        return self._undo[-1] if self._undo else None

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def __len__(self) -> int:
        return len(self._undo)

    def undo(self) -> tuple[UndoStep, Changes]:
        """Undo the latest operation. On UndoRefused it leaves the list (it can never apply now),
        and the journal is as it was; a BusyError keeps it for another try."""
        return self._move(self._undo, self._redo, "before", "There is nothing to undo.")

    def redo(self) -> tuple[UndoStep, Changes]:
        """Redo the latest undone operation (refusals as for undo)."""
        return self._move(self._redo, self._undo, "after", "There is nothing to redo.")

    def _move(self, source: list[UndoStep], target: list[UndoStep], side: str, empty: str) -> tuple[UndoStep, Changes]:
        if not source:
            raise UndoRefused(empty)
        step = source[-1]
        try:
            result = _apply(step, side)
        except UndoRefused:
            source.pop()
            raise
        target.append(source.pop())
        return result

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
