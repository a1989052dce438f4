"""Saving the person pane: its fields, lists and photo in one transaction, so one undo puts
everything back."""

from __future__ import annotations

from journal.clock import SYSTEM_CLOCK, Clock
from journal.services.people import fields, photos
from journal.services.people.records import PersonChanges, update_person, validate_changes
from journal.services.transaction import write

KEEP = ...  # the photo as it is


def save_person(
    person_id: int,
    changes: PersonChanges,
    lists: fields.FieldChanges | None = None,
    *,
    photo: bytes | None | object = KEEP,
    clock: Clock = SYSTEM_CLOCK,
) -> None:
    """Check everything first (a one-line ValidationError for the first thing to fix), then write
    the person's fields, their lists (replaced) and their photo (bytes: set; None: cleared)."""
    validate_changes(changes)
    checked = fields.check(lists) if lists is not None else None
    if isinstance(photo, bytes):
        photos.check(photo)
    with write():
        update_person(person_id, changes, clock=clock)
        if checked is not None:
            fields.apply(person_id, checked)
        if photo is None:
            photos.clear_photo(person_id, clock=clock)
        elif isinstance(photo, bytes):
            photos.set_photo(person_id, photo, clock=clock)
