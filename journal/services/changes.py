"""What an operation changed, as a typed notice, and the hub that hands it to listeners.

`Changes` is worked out from the rows an operation touched (journal.store.changelog), so it is
never out of step with what was written: a view asks `changes.next_steps` or
`changes.person_ids` and refreshes just that. Plain Python, so the command line pays nothing for
it; the window bridges it to a Qt signal (ui.context.JournalSignals).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window subscribes before its first paint, when nothing of the store loads
    from journal.store.changelog import ChangeSet

# Columns that tie a row of one table to a person, a conversation or an introduction.
_PERSON_LINKS = (
    ("contact_detail", "person_id"),
    ("person_tag", "person_id"),
    ("participant", "person_id"),
    ("next_step", "person_id"),
    ("introduction", "introducer_id"),
    ("introduction", "target_id"),
    ("person_date", "person_id"),  # a date that matters marked done (Today, the tray)
    ("job", "person_id"),  # a job change dismissed
    ("address", "person_id"),
    ("profile", "person_id"),
    ("relation", "person_id"),
    ("person_photo", "person_id"),  # a photo set or cleared (avatars are redrawn)
    ("person_card", "person_id"),
)
_CONVERSATION_LINKS = (("participant", "conversation_id"), ("next_step", "conversation_id"), ("introduction", "conversation_id"))


@dataclass(frozen=True)
class Changes:
    """Ids of what changed, by kind. `everything` is a journal replaced or reopened as a whole."""

    person_ids: frozenset[int] = frozenset()
    conversation_ids: frozenset[int] = frozenset()
    introduction_ids: frozenset[int] = frozenset()
    next_step_ids: frozenset[int] = frozenset()
    organisations: bool = False
    tags: bool = False
    everything: bool = False
    tables: frozenset[str] = frozenset()  # the journal's tables whose rows changed
    new_day: bool = False  # midnight passed (or the machine woke on another day): what is due moved
    # Contact seen in mail and calendars changed (a scan, a forget), or a suggestion was dismissed.
    scanned: bool = False

    @property
    def people(self) -> bool:
        return self.everything or bool(self.person_ids)

    @property
    def conversations(self) -> bool:
        return self.everything or bool(self.conversation_ids)

    @property
    def introductions(self) -> bool:
        return self.everything or bool(self.introduction_ids)

    @property
    def next_steps(self) -> bool:
        return self.everything or bool(self.next_step_ids)

    @property
    def suggestions(self) -> bool:
        """Today's suggestions (meetings to log, introductions that moved on) may have changed."""
        return self.everything or self.new_day or self.scanned or bool(self.introduction_ids or self.conversation_ids)

    @property
    def due_items(self) -> bool:
        """Anything that can move what is due: steps, offers, contact and cadences."""
        return self.everything or self.new_day or bool(self.next_step_ids or self.introduction_ids or self.person_ids)

    def __bool__(self) -> bool:
        return self.everything or self.new_day or self.scanned or bool(
            self.person_ids or self.conversation_ids or self.introduction_ids or self.next_step_ids
            or self.organisations or self.tags
        )

    @classmethod
    def of(cls, changeset: ChangeSet) -> Changes:
        people = set(changeset.ids("person"))
        for table, column in _PERSON_LINKS:
            people |= changeset.values(table, column)
        conversations = set(changeset.ids("conversation"))
        for table, column in _CONVERSATION_LINKS:
            conversations |= changeset.values(table, column)
        introductions = set(changeset.ids("introduction")) | changeset.values("next_step", "introduction_id")
        tables = changeset.tables()
        return cls(
            person_ids=frozenset(people),
            conversation_ids=frozenset(conversations),
            introduction_ids=frozenset(introductions),
            next_step_ids=changeset.ids("next_step"),
            organisations="organisation" in tables or bool(changeset.values("person", "organisation_id")),
            tags="tag" in tables or "person_tag" in tables,
            tables=tables,
            scanned="suggestion_state" in tables,
        )

    def touches(self, *tables: str) -> bool:
        """True when rows of any of these tables changed (or the whole journal did)."""
        return self.everything or bool(self.tables.intersection(tables))

    def only(self, *tables: str) -> bool:
        """True when rows of no other tables changed (and it is not a whole-journal notice)."""
        return not (self.everything or self.new_day) and self.tables <= set(tables)


EVERYTHING = Changes(everything=True)
NEW_DAY = Changes(new_day=True)

Listener = Callable[[Changes], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def notify(changes: Changes) -> None:
    """Tell every listener what changed (nothing is said for an operation that changed nothing)."""
    if not changes:
        return
    for listener in list(_listeners):
        listener(changes)
