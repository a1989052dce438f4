"""Names as the journal stores them, and organisations found or created by name."""

from __future__ import annotations

from journal.store.models import Organisation


def clean_name(name: str) -> str:
    return " ".join((name or "").split())


def organisation_named(name: str) -> Organisation | None:
    """The organisation called `name` (case-insensitive), created if new; None for blank."""
    name = clean_name(name)
    if not name:
        return None
    org = Organisation.get_or_none(Organisation.name == name)
    return org or Organisation.create(name=name)
