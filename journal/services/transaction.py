"""One transaction per change, with the database's refusals turned into messages for people.

Services write inside `with write():` rather than `DB.atomic()`, so a constraint SQLite
enforces (a person that no longer exists, a duplicate name) reaches the window or the command
line as a ValidationError with a readable message, never as a raw peewee IntegrityError, and
the whole change is rolled back. A journal that another program keeps locked past the busy
timeout is a BusyError, which says so.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from peewee import IntegrityError, OperationalError

from journal.errors import BusyError, ValidationError
from journal.store import backups
from journal.store.cipher import OPERATIONAL_ERRORS
from journal.store.models import DB

_UNIQUE = re.compile(r"UNIQUE constraint failed: (\w+)\.(\w+)")
_NOT_NULL = re.compile(r"NOT NULL constraint failed: (\w+)\.(\w+)")


def explain(exc: Exception) -> str:
    """A sentence a user can act on for a constraint the database refused."""
    text = str(exc)
    if "FOREIGN KEY" in text:
        return "This refers to a person, conversation or introduction that no longer exists; reload and try again."
    match = _UNIQUE.search(text)
    if match:
        table, column = match.groups()
        return f"There is already a {table.replace('_', ' ')} with that {column.replace('_', ' ')}."
    match = _NOT_NULL.search(text)
    if match:
        table, column = match.groups()
        return f"A {table.replace('_', ' ')} needs a {column.removesuffix('_id').replace('_', ' ')}."
    return f"The journal refused this change ({text})."


@contextlib.contextmanager
def write():
    """`DB.atomic()` whose integrity errors become ValidationError (after the rollback).

    The outermost one begins IMMEDIATE: it takes the write lock at the start, so a second writer
    (the command line while the window is open, a sync thread) waits on the busy timeout instead
    of failing when a transaction that read first tries to write."""
    try:
        with DB.atomic("IMMEDIATE") as transaction:
            yield transaction
    except IntegrityError as exc:
        raise ValidationError(explain(exc)) from exc
    except (OperationalError, *OPERATIONAL_ERRORS, OSError) as exc:  # sqlite3's or sqlcipher3's
        # A full disk fails the COMMIT; peewee's rollback after it then fails too ("cannot
        # rollback - no transaction is active"), hiding the cause: look through the chain.
        if backups.is_disk_full(exc):
            folder = Path(DB.obj.database).expanduser().parent
            raise backups.DiskFullError(folder, "the change was not saved", "Free some space and try again.") from exc
        if isinstance(exc, OSError):
            raise
        if "locked" in str(exc) or "busy" in str(exc):
            raise BusyError() from exc
        raise
