"""Stable identifiers for people that other programs (CardDAV servers) can rely on."""

from __future__ import annotations

import datetime as dt
import uuid

NAMESPACE = uuid.UUID("6f1d3c52-8f0e-4c55-9d2a-3c7a1e5b9c10")


def person_uid(person_id: int, created_at: dt.datetime | str | None) -> str:
    """The same person always gets the same UID, on every export and after a JSON restore."""
    stamp = created_at.isoformat() if isinstance(created_at, dt.datetime) else str(created_at or "")
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'person-{person_id}-{stamp}')}"
