"""The agenda: everything due in a date range, overdue items flagged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class ItemKind(StrEnum):
    NEXT_STEP = "next_step"
    KEEP_IN_TOUCH = "keep_in_touch"
    INTRODUCTION = "introduction"
    DATE = "date"  # a date that matters (birthday, anniversary), on its day each year
    RECONNECT = "reconnect"  # a noticed job change: a reason to get in touch


@dataclass(frozen=True)
class AgendaItem:
    kind: ItemKind
    id: int
    title: str
    due: dt.date
    overdue: bool
    people: tuple[str, ...] = field(default=())
    due_time: dt.time | None = None
    detail: str = ""
    # What a kind adds to its JSON, as (key, value) pairs: a date's person and kind, a
    # reconnect's organisation and role (see journal.services.agenda.dates).
    facts: tuple[tuple[str, object], ...] = field(default=())

    def fact(self, name: str, default=None):
        return next((value for key, value in self.facts if key == name), default)

    @property
    def key(self) -> str:
        """Stable identity across queries (used for notifications and calendar UIDs)."""
        return f"{self.kind.value}:{self.id}"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "due": self.due.isoformat(),
            "overdue": self.overdue,
            "people": list(self.people),
            **dict(self.facts),
        }


def is_overdue(due: dt.date, due_time: dt.time | None, now: dt.datetime) -> bool:
    """Date-only items are overdue from the day after; timed items from their moment."""
    if due_time is None:
        return due < now.date()
    return dt.datetime.combine(due, due_time) < now


def in_window(due: dt.date, today: dt.date, days: int) -> bool:
    """The agenda shows everything overdue plus the next `days` days (today included)."""
    return due <= today + dt.timedelta(days=days)


KIND_ORDER = {
    ItemKind.INTRODUCTION: 0, ItemKind.NEXT_STEP: 1, ItemKind.KEEP_IN_TOUCH: 2, ItemKind.DATE: 3, ItemKind.RECONNECT: 4,
}


def sort_key(item: AgendaItem) -> tuple:
    return (item.due, item.due_time or dt.time.max, KIND_ORDER[item.kind], item.title.casefold())
