"""What the journal remembers between syncs: one SyncItem per item on the server, read once per
round into memory and written back as the round goes.

It also answers the codecs' and the local side's question "which uid is this row, which row is
this uid" (the `Uids` protocol of journal.services.sync.local). People, introductions, steps
and conversations get a random uid the first time they are synced. The items derived from a
person, their keep-in-touch task and a task per date that matters, get a uid computed from the
person's uid and the date itself, so that two journals syncing the same person make the same
task and never two.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable

from peewee import SQL

from journal.store.migrations import SYNC_GONE, SYNC_SENT, SYNC_UNSETTLED
from journal.store.models import DB, SyncItem

ROLE_OF = {
    "person": "contacts",
    "introduction": "contacts",
    "step": "tasks",
    "keep": "tasks",
    "date": "tasks",
    "conversation": "journal",
}
EXTENSION = {"contacts": ".vcf", "tasks": ".ics", "journal": ".ics"}
# An item deleted on the server while the journal kept its row (an archived person): not sent
# again until the row changes here.
GONE = "-"


def new_uid() -> str:
    return str(uuid.uuid4())


def keep_uid(person_uid: str) -> str:
    return f"keep-{person_uid}"


def date_uid(person_uid: str, kind: str, label: str, month: int, day: int) -> str:
    digest = hashlib.sha1(f"{person_uid}\t{kind}\t{label}\t{month:02d}-{day:02d}".encode()).hexdigest()[:20]
    return f"date-{digest}"


def _load_payload(item: SyncItem) -> None:
    """An item's agreed version and server copy (a few KB each) are read when first needed, not
    with the rest: a quiet round on a big journal looks at very few of them."""
    if "base" not in item.__data__:
        base, raw = SyncItem.select(SyncItem.base, SyncItem.raw).where(SyncItem.id == item.id).tuples().get()
        item.__data__["base"], item.__data__["raw"] = base, raw


def base_of(item: SyncItem) -> dict[str, str] | None:
    _load_payload(item)
    return json.loads(item.base) if item.base else None


def raw_of(item: SyncItem) -> str:
    _load_payload(item)
    return item.raw or ""


def has_base(item: SyncItem) -> bool:
    if "base" in item.__data__:
        return bool(item.base)
    return bool(getattr(item, "agreed", False))


def dump(values: dict[str, str]) -> str:
    return json.dumps({k: v for k, v in sorted(values.items()) if v != ""}, ensure_ascii=False, separators=(",", ":"))


def href_for(collection_url: str, uid: str, role: str) -> str:
    """The path a new item is put at: the collection's path, the uid (or, for a uid with
    characters a file name should not hold, its SHA-1), the extension."""
    from journal.services.sync import webdav

    safe = uid if all(c.isalnum() or c in "-_." for c in uid) else hashlib.sha1(uid.encode()).hexdigest()
    return webdav.href_for(collection_url, safe, EXTENSION[role])


_CHUNK = 500


class State:
    """The SyncItems a round has looked at, indexed by (role, uid), (role, href) and (kind,
    local_id), each read from SQL when first asked for (the table's indexes answer every
    lookup) and kept: the same item is always the same object, so what a round changed in
    memory and saves later is what later lookups see. A round with nothing to do reads a few
    items, not the hundreds of thousands of a big journal (that took 18 s and 450 MB at 280,000
    items); the questions about many items at once (which to push, which to delete) are asked
    in SQL and answered over the items in memory too."""

    def __init__(self) -> None:
        self._by_id: dict[int, SyncItem] = {}
        self._by_uid: dict[tuple[str, str], SyncItem] = {}
        self._by_href: dict[tuple[str, str], SyncItem] = {}
        self._by_local: dict[tuple[str, int], SyncItem] = {}
        # kind -> {local id: uid} of every item of that kind, read in one light query once a
        # round asks for many of them (rendering every keep-in-touch task names each person).
        self._uids: dict[str, dict[int, str]] = {}
        self._asked: dict[str, int] = {}

    def _index(self, item: SyncItem) -> None:
        self._by_id[item.id] = item
        self._by_uid[(item.role, item.uid)] = item
        if item.href:
            self._by_href[(item.role, item.href)] = item
        if item.local_id is not None:
            self._by_local[(item.kind, item.local_id)] = item
            uids = self._uids.get(item.kind)
            if uids is not None:
                uids[item.local_id] = item.uid

    def _load(self, where) -> None:
        """Bring the items matching `where` (in SQL) into memory, keeping those already there."""
        light = [field for field in SyncItem._meta.sorted_fields if field.name not in ("base", "raw")]
        for item in SyncItem.select(*light, (SyncItem.base != "").alias("agreed")).where(where):
            if item.id not in self._by_id:
                self._index(item)

    def _matching(self, where, keep) -> list[SyncItem]:
        """Every item for which `keep(item)` holds, as the round sees it: those matching `where`
        in SQL are read first (the SQL form of `keep`, as saved), then `keep` decides over
        everything in memory, oldest first."""
        self._load(where)
        return sorted((item for item in self._by_id.values() if keep(item)), key=lambda item: item.id)

    @property
    def items(self) -> list[SyncItem]:
        """Every item (all read into memory: for a look at the whole table)."""
        return self._matching(SyncItem.id.is_null(False), lambda item: True)

    # -- the Uids protocol ------------------------------------------------------------------
    def uid_of(self, kind: str, local_id: int) -> str:
        item = self._by_local.get((kind, local_id))
        if item is not None:
            return item.uid if item.local_id == local_id else ""
        uids = self._uids.get(kind)
        if uids is None:
            self._asked[kind] = self._asked.get(kind, 0) + 1
            if self._asked[kind] < 50:
                item = self.by_local(kind, local_id)
                return item.uid if item else ""
            uids = self._uids[kind] = dict(DB.execute_sql(
                "SELECT local_id, uid FROM sync_item WHERE kind = ? AND local_id IS NOT NULL", (kind,)).fetchall())
            for (k, known_id), known in self._by_local.items():
                if k == kind:
                    uids[known_id] = known.uid
        return uids.get(local_id, "")

    def local_of(self, kind: str, uid: str) -> int | None:
        item = self.by_uid(ROLE_OF[kind], uid)
        if item is None or item.kind != kind:
            return None
        return item.local_id

    # -- lookups ----------------------------------------------------------------------------
    def by_uid(self, role: str, uid: str) -> SyncItem | None:
        found = self._by_uid.get((role, uid))
        if found is None:
            self._load((SyncItem.role == role) & (SyncItem.uid == uid))
            found = self._by_uid.get((role, uid))
        return found

    def by_href(self, role: str, href: str) -> SyncItem | None:
        found = self._by_href.get((role, href))
        if found is None and href:
            self._load((SyncItem.role == role) & (SyncItem.href == href))
            found = self._by_href.get((role, href))
        return found if found is not None and found.href == href else None

    def by_local(self, kind: str, local_id: int) -> SyncItem | None:
        found = self._by_local.get((kind, local_id))
        if found is None:
            self._load((SyncItem.kind == kind) & (SyncItem.local_id == local_id))
            found = self._by_local.get((kind, local_id))
        return found if found is not None and found.local_id == local_id else None

    def of_role(self, role: str) -> list[SyncItem]:
        return self._matching(SyncItem.role == role, lambda item: item.role == role)

    # -- what a round asks about many items at once -------------------------------------------
    def without_local(self) -> list[SyncItem]:
        """Items whose row was deleted here (the tombstone triggers clear their local_id)."""
        return self._matching(SQL(SYNC_GONE), lambda item: item.local_id is None)

    def of_kinds(self, kinds) -> list[SyncItem]:
        """Items of `kinds` that stand for a row here."""
        kinds = tuple(kinds)
        return self._matching(
            SyncItem.kind.in_(kinds) & SyncItem.local_id.is_null(False),
            lambda item: item.kind in kinds and item.local_id is not None,
        )

    def to_push(self, kinds, *, everything: bool = False) -> list[SyncItem]:
        """Items of `kinds` standing for a row here that a push must look at: marked changed,
        not yet on the server, or never agreed on (`everything`: all of them)."""
        kinds = tuple(kinds)
        where = SyncItem.kind.in_(kinds) & SyncItem.local_id.is_null(False)
        if not everything:
            where &= SQL(f"({SYNC_UNSETTLED})")  # the partial index's own clause, so that it is used
        return self._matching(where, lambda item: item.kind in kinds and item.local_id is not None and (
            everything or item.dirty or not item.href or not item.etag or not has_base(item)))

    def sent_items(self, role: str) -> list[SyncItem]:
        """Items of `role` sent since its sync token was taken."""
        return self._matching((SyncItem.role == role) & SQL(SYNC_SENT), lambda item: item.role == role and item.sent)

    def clear_sent(self, role: str) -> None:
        """A new sync token for `role`: nothing is sent since it (in SQL and in memory)."""
        SyncItem.update(sent=False).where(SyncItem.role == role, SyncItem.sent == True).execute()  # noqa: E712
        for item in self._by_id.values():
            if item.role == role:
                item.__data__["sent"] = False

    def unassigned(self, kind: str, table: str) -> list[int]:
        """Ids of `table`'s rows that no item of `kind` stands for yet. The tombstone triggers
        clear an item's local_id when its row goes, so when as many rows as items of `kind`
        stand for one every row has its item: two counts over small indexes answer a quiet
        round, where listing the rows would read the whole table (3 s at 200,000 conversations)."""
        (rows_here,) = DB.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()
        (with_items,) = DB.execute_sql(
            "SELECT count(DISTINCT local_id) FROM sync_item WHERE kind = ? AND local_id IS NOT NULL", (kind,)
        ).fetchone()
        if rows_here == with_items:
            return []
        known = {item.local_id for (k, _), item in self._by_local.items() if k == kind}
        rows = DB.execute_sql(
            f'SELECT t.id FROM "{table}" t WHERE NOT EXISTS '
            "(SELECT 1 FROM sync_item s WHERE s.kind = ? AND s.local_id = t.id) ORDER BY t.id",
            (kind,),
        )
        return [row_id for (row_id,) in rows if row_id not in known]

    # -- changes ----------------------------------------------------------------------------
    def add(self, role: str, kind: str, local_id: int | None, uid: str, *, href: str = "", etag: str = "",
            base: str = "", raw: str = "") -> SyncItem:
        item = SyncItem.create(role=role, kind=kind, local_id=local_id, uid=uid, href=href, etag=etag, base=base, raw=raw)
        self._index(item)
        return item

    def save(self, item: SyncItem, *, persist: bool = True, **values) -> None:
        """Change an item (in the database too, unless `persist` is off: the caller saves it later)."""
        old_href, old_local = item.href, item.local_id
        for name, value in values.items():
            setattr(item, name, value)
        if persist:
            item.save()
        if old_href and old_href != item.href:
            self._by_href.pop((item.role, old_href), None)
        if old_local is not None and old_local != item.local_id:
            self._by_local.pop((item.kind, old_local), None)
            self._uids.get(item.kind, {}).pop(old_local, None)
        self._index(item)

    def refresh(self) -> None:
        """Take up what operations changed in SQL meanwhile for the items in memory: which were
        marked changed, and which rows were deleted (the tombstone triggers). (Items not read
        yet are read as they are when asked for.)"""
        self._uids.clear()
        known = list(self._by_id)
        for start in range(0, len(known), _CHUNK):
            chunk = known[start : start + _CHUNK]
            for item_id, local_id, dirty in (
                SyncItem.select(SyncItem.id, SyncItem.local_id, SyncItem.dirty).where(SyncItem.id.in_(chunk)).tuples()
            ):
                item = self._by_id[item_id]
                item.__data__["dirty"] = bool(dirty)
                if item.local_id != local_id:
                    if item.local_id is not None:
                        self._by_local.pop((item.kind, item.local_id), None)
                    item.__data__["local_id"] = local_id
                    self._index(item)

    def drop(self, item: SyncItem) -> None:
        SyncItem.delete().where(SyncItem.id == item.id).execute()
        self._by_id.pop(item.id, None)
        if self._by_uid.get((item.role, item.uid)) is item:
            del self._by_uid[(item.role, item.uid)]
        if item.href and self._by_href.get((item.role, item.href)) is item:
            del self._by_href[(item.role, item.href)]
        if item.local_id is not None and self._by_local.get((item.kind, item.local_id)) is item:
            del self._by_local[(item.kind, item.local_id)]
            self._uids.get(item.kind, {}).pop(item.local_id, None)

    def assign(self, kind: str, local_ids: Iterable[int], uid_for=None) -> int:
        """Give every row without an item one (a fresh uid, or `uid_for(local_id)`); returns
        how many were added. Committed before anything is sent, so a round that is killed and
        run again sends the same uids."""
        added = 0
        role = ROLE_OF[kind]
        wanted = list(local_ids)
        for start in range(0, len(wanted), _CHUNK):  # their items, if any, in a query per 500
            self._load((SyncItem.kind == kind) & SyncItem.local_id.in_(wanted[start : start + _CHUNK]))
        for local_id in wanted:
            found = self._by_local.get((kind, local_id))
            if found is not None and found.local_id == local_id:
                continue
            uid = uid_for(local_id) if uid_for else new_uid()
            if not uid:
                continue
            # A fresh random uid is no other item's; a uid made from the row may be one's.
            existing = self.by_uid(role, uid) if uid_for else None
            if existing is not None:
                if existing.local_id is None and existing.kind == kind:
                    self.save(existing, local_id=local_id)
                continue
            self.add(role, kind, local_id, uid)
            added += 1
        return added

    def assign_derived(self) -> None:
        """The keep-in-touch and date tasks of every person who has an item (those without a
        task yet, found in SQL)."""
        people = dict(DB.execute_sql(
            "SELECT p.id, s.uid FROM person p JOIN sync_item s ON s.kind = 'person' AND s.local_id = p.id "
            "WHERE p.cadence_days IS NOT NULL AND p.archived = 0 AND NOT EXISTS "
            "(SELECT 1 FROM sync_item k WHERE k.kind = 'keep' AND k.local_id = p.id) ORDER BY p.id"
        ).fetchall())
        self.assign("keep", list(people), lambda pid: keep_uid(people[pid]))
        uids = {
            date_id: date_uid(person_uid, kind, label, month, day)
            for date_id, kind, label, month, day, person_uid in DB.execute_sql(
                "SELECT d.id, d.kind, d.label, d.month, d.day, s.uid FROM person_date d "
                "JOIN sync_item s ON s.kind = 'person' AND s.local_id = d.person_id "
                "WHERE NOT EXISTS (SELECT 1 FROM sync_item x WHERE x.kind = 'date' AND x.local_id = d.id) ORDER BY d.id"
            ).fetchall()
        }
        self.assign("date", list(uids), uids.get)
