"""Schema versions, kept in PRAGMA user_version, and the ordered steps between them.

Version 1 is the first schema. Each later version adds a function to STEPS that takes the
database from the version before it; `upgrade` runs the missing ones in order inside one
transaction, after db.open_journal has taken a backup.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from journal.store.models import ALL_MODELS

SCHEMA_VERSION = 9

# STEPS[n] upgrades a journal from version n to n + 1.
STEPS: dict[int, Callable[[SqliteDatabase], None]] = {}


def create_schema(database: SqliteDatabase, application_id: int) -> None:
    """A new journal: every table at the current version, in one transaction."""
    with database.atomic():
        database.create_tables(ALL_MODELS)
        for version in range(1, SCHEMA_VERSION):
            post = POST_CREATE.get(version)
            if post:
                post(database)
        database.pragma("application_id", application_id)
        database.pragma("user_version", SCHEMA_VERSION)


# Work done on a brand-new journal that a table definition cannot express (triggers, virtual
# tables); keyed like STEPS. Usually the same function as the matching step.
POST_CREATE: dict[int, Callable[[SqliteDatabase], None]] = {}


def _v2_search_index(database: SqliteDatabase) -> None:
    """Version 2: the full-text index (journal.store.search) and each person's last contact
    (journal.store.last_contact), both kept by triggers."""
    from journal.store import last_contact, search

    search.create_index(database)
    last_contact.create(database)
    # The calendar's and Today's open steps by effective due date.
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS next_step_open_due ON next_step(coalesce(snoozed_until, due_date), due_date) "
        "WHERE done_at IS NULL"
    )


STEPS[1] = _v2_search_index
POST_CREATE[1] = _v2_search_index


def _v3_tag_moves(database: SqliteDatabase) -> None:
    """Version 3: moving a tag link between people keeps the full-text index true."""
    from journal.store import search

    for statement in search.tag_move_statements():
        database.execute_sql(statement)
    search.rebuild(database)


STEPS[2] = _v3_tag_moves
POST_CREATE[2] = _v3_tag_moves


def _v4_people_over_time(database: SqliteDatabase) -> None:
    """Version 4: careers (job), dates that matter (person_date), addresses, profiles,
    relations, photos and the card lines the journal does not model; Person gains a nickname
    and a per-person choice of date reminders. Each person's organisation and role become their
    first job. Search finds people by nickname and former organisations."""
    from journal.store import models, search

    columns = {row[1] for row in database.execute_sql("PRAGMA table_info(person)").fetchall()}
    if "nickname" not in columns:
        database.execute_sql("ALTER TABLE person ADD COLUMN nickname TEXT NOT NULL DEFAULT ''")
    if "date_reminders" not in columns:
        database.execute_sql("ALTER TABLE person ADD COLUMN date_reminders INTEGER")
    new_tables = [models.Job, models.PersonDate, models.Address, models.Profile, models.Relation,
                  models.PersonPhoto, models.PersonCard]
    database.create_tables(new_tables, safe=True)
    database.execute_sql(
        "INSERT INTO job (person_id, organisation_id, role, dismissed) "
        "SELECT p.id, p.organisation_id, p.role, 0 FROM person p "
        "WHERE (p.organisation_id IS NOT NULL OR p.role != '') "
        "AND NOT EXISTS (SELECT 1 FROM job j WHERE j.person_id = p.id)"
    )
    for statement in search.careers_statements():
        database.execute_sql(statement)
    search.rebuild(database)


STEPS[3] = _v4_people_over_time
POST_CREATE[3] = _v4_people_over_time


# A row deleted here leaves its sync item pointing at nothing: the next sync deletes the server's
# copy. (Row ids can be used again, so the item must not wait to be matched by id.)
_SYNC_TOMBSTONES = {
    "person": ("person", "keep"),
    "introduction": ("introduction",),
    "next_step": ("step",),
    "person_date": ("date",),
    "conversation": ("conversation",),
}


def sync_tombstone_statements() -> list[str]:
    statements = []
    for table, kinds in _SYNC_TOMBSTONES.items():
        listed = ", ".join(f"'{kind}'" for kind in kinds)
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS sync_gone_{table} AFTER DELETE ON {table} BEGIN "
            f"UPDATE sync_item SET local_id = NULL WHERE kind IN ({listed}) AND local_id = OLD.id; END"
        )
    return statements


def _v5_sync(database: SqliteDatabase) -> None:
    """Version 5: the CardDAV/CalDAV account, its collections, the items synced and the
    conflicts kept for review."""
    from journal.store import models

    database.create_tables(models.SYNC_MODELS, safe=True)
    for statement in sync_tombstone_statements():
        database.execute_sql(statement)


STEPS[4] = _v5_sync
POST_CREATE[4] = _v5_sync


def _v6_scan(database: SqliteDatabase) -> None:
    """Version 6: contact seen in mail and calendars: the sources read, each person's latest
    e-mail, meetings with people in the journal, hints that an introduction moved on, and what
    the user did with each suggestion."""
    from journal.store import models

    database.create_tables(models.SCAN_MODELS, safe=True)


STEPS[5] = _v6_scan
POST_CREATE[5] = _v6_scan


def _v7_contact_days(database: SqliteDatabase) -> None:
    """Version 7: each person's days of contact (journal.store.contact_days), kept by triggers,
    filled from the conversations already there: the insights read them instead of joining
    every participant to its conversation."""
    from journal.store import contact_days

    contact_days.create(database)


STEPS[6] = _v7_contact_days
POST_CREATE[6] = _v7_contact_days


def _v8_indexes(database: SqliteDatabase) -> None:
    """Version 8: activity counts conversations by day and channel from an index of the two,
    without visiting a conversation row; a sync round finds the items it must look at through
    partial indexes. The days of contact are rebuilt if a journal got an unfinished version of
    them."""
    from journal.store import contact_days

    contact_days.repair(database)
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS conversation_occurred_channel ON conversation(occurred_at, channel)"
    )
    for statement in sync_item_index_statements():
        database.execute_sql(statement)


# What a sync round asks of its items (journal.services.sync.state), answered from small partial
# indexes instead of reading every item with its stored copies: those a push must look at, those
# whose row is gone, those sent since the sync token. The queries repeat these WHERE clauses.
SYNC_UNSETTLED = "dirty = 1 OR href = '' OR etag = '' OR base = ''"
SYNC_GONE = "local_id IS NULL"
SYNC_SENT = "sent = 1"


def sync_item_index_statements() -> list[str]:
    return [
        f"CREATE INDEX IF NOT EXISTS sync_item_unsettled ON sync_item(kind, local_id) WHERE {SYNC_UNSETTLED}",
        f"CREATE INDEX IF NOT EXISTS sync_item_gone ON sync_item(role) WHERE {SYNC_GONE}",
        f"CREATE INDEX IF NOT EXISTS sync_item_sent ON sync_item(role) WHERE {SYNC_SENT}",
    ]


STEPS[7] = _v8_indexes
POST_CREATE[7] = _v8_indexes


def _v9_people_order(database: SqliteDatabase) -> None:
    """Version 9: the People table's default order (active people by name, ignoring case) read
    from an index instead of sorting 100,000 names on every open (0.39 s to 0.05 s)."""
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS person_display_name ON person(archived, name COLLATE NOCASE, id)"
    )


STEPS[8] = _v9_people_order
POST_CREATE[8] = _v9_people_order


def upgrade(database: SqliteDatabase, from_version: int) -> None:
    with database.atomic():
        for version in range(from_version, SCHEMA_VERSION):
            STEPS[version](database)
        database.pragma("user_version", SCHEMA_VERSION)
