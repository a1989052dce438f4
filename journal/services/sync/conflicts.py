"""The conflicts a sync kept: a field both sides changed, where the later change won. The user
reviews them, swaps one (the other value is put back here, and goes to the server with the next
round) or dismisses it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import ValidationError
from journal.store.models import SyncConflict

# How a field is called in the conflicts list.
FIELD_LABELS = {
    "name": "name", "nickname": "nickname", "organisation": "organisation", "role": "role", "linkedin": "LinkedIn",
    "website": "website", "location": "location", "notes": "notes", "how_met": "how we met",
    "connected_on": "connected on", "cadence_days": "keep-in-touch cadence", "cadence_set_on": "cadence start",
    "keep_snoozed_until": "keep in touch snoozed until", "placeholder": "placeholder", "archived": "archived",
    "emails": "e-mail addresses", "phones": "phone numbers", "tags": "tags", "dates": "dates that matter",
    "addresses": "addresses", "profiles": "profiles", "relations": "relations", "other_jobs": "other jobs",
    "photo": "photo", "text": "text", "due": "due", "snoozed_until": "snoozed until", "done_at": "done",
    "person": "person", "conversation": "conversation", "introduction": "introduction",
    "occurred_at": "date", "channel": "channel", "summary": "summary", "participants": "people",
}


def field_label(key: str) -> str:
    if key.startswith("intro:"):
        return "offered introduction"
    return FIELD_LABELS.get(key, key.replace("_", " "))


@dataclass(frozen=True)
class ConflictRow:
    id: int
    kind: str
    local_id: int | None
    title: str
    field: str
    label: str
    kept: str
    other: str
    kept_side: str  # "journal" | "server"
    at: dt.datetime


def _row(c: SyncConflict) -> ConflictRow:
    return ConflictRow(c.id, c.kind, c.local_id, c.title, c.field, field_label(c.field), c.kept, c.other, c.kept_side,
                       c.at)


def open_conflicts() -> list[ConflictRow]:
    query = SyncConflict.select().where(SyncConflict.resolved == False).order_by(SyncConflict.at.desc(), SyncConflict.id)  # noqa: E712
    return [_row(c) for c in query]


def count_open() -> int:
    return SyncConflict.select().where(SyncConflict.resolved == False).count()  # noqa: E712


def _open(conflict_id: int) -> SyncConflict:
    conflict = SyncConflict.get_or_none(SyncConflict.id == conflict_id)
    if conflict is None or conflict.resolved:
        raise ValidationError("That conflict is no longer open.")
    return conflict


def swap(conflict_id: int, *, clock: Clock = SYSTEM_CLOCK) -> ConflictRow:
    """Put the value that lost back in the journal (run it through operations.run: it is an
    operation like any other); the next sync sends it to the server."""
    from journal.services.sync import local
    from journal.services.sync.state import State

    conflict = _open(conflict_id)
    if conflict.field == "photo":
        raise ValidationError("A photo that lost cannot be put back from here: set it in the person pane.")
    if conflict.local_id is None:
        raise ValidationError(f"{conflict.title or 'That item'} is no longer in the journal.")
    state = State()
    values = {conflict.field: conflict.other}
    if conflict.kind == "person":
        if conflict.field.startswith("intro:"):
            uid = conflict.field.removeprefix("intro:")
            item = state.by_uid("contacts", uid)
            if conflict.other:
                local.write_introduction(item.local_id if item and item.local_id else None,
                                         local.decode_introduction(conflict.other), state, clock=clock)
            elif item is not None and item.local_id is not None:
                local.remove("introduction", item.local_id)
        else:
            local.write_person(conflict.local_id, values, None, state, clock=clock)
    elif conflict.kind == "step":
        local.write_step(conflict.local_id, values, state, clock=clock)
    elif conflict.kind == "conversation":
        local.write_conversation(conflict.local_id, values, state, clock=clock)
    else:
        raise ValidationError("That conflict cannot be swapped.")
    conflict.kept, conflict.other = conflict.other, conflict.kept
    conflict.kept_side = "journal"
    conflict.resolved = True
    conflict.save()
    return _row(conflict)


def dismiss(conflict_id: int) -> None:
    """Keep the value that won; the conflict leaves the list."""
    conflict = _open(conflict_id)
    conflict.resolved = True
    conflict.save()
