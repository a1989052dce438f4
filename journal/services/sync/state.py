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

from journal.store.models import Person, PersonDate, SyncItem

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


class State:
    """Every SyncItem, indexed by (role, uid), (role, href) and (kind, local_id)."""

    def __init__(self) -> None:
        light = [field for field in SyncItem._meta.sorted_fields if field.name not in ("base", "raw")]
        self.items: list[SyncItem] = list(SyncItem.select(*light, (SyncItem.base != "").alias("agreed")))
        self._by_uid: dict[tuple[str, str], SyncItem] = {}
        self._by_href: dict[tuple[str, str], SyncItem] = {}
        self._by_local: dict[tuple[str, int], SyncItem] = {}
        for item in self.items:
            self._index(item)

    def _index(self, item: SyncItem) -> None:
        self._by_uid[(item.role, item.uid)] = item
        if item.href:
            self._by_href[(item.role, item.href)] = item
        if item.local_id is not None:
            self._by_local[(item.kind, item.local_id)] = item

    # -- the Uids protocol ------------------------------------------------------------------
    def uid_of(self, kind: str, local_id: int) -> str:
        item = self._by_local.get((kind, local_id))
        return item.uid if item else ""

    def local_of(self, kind: str, uid: str) -> int | None:
        item = self._by_uid.get((ROLE_OF[kind], uid))
        if item is None or item.kind != kind:
            return None
        return item.local_id

    # -- lookups ----------------------------------------------------------------------------
    def by_uid(self, role: str, uid: str) -> SyncItem | None:
        return self._by_uid.get((role, uid))

    def by_href(self, role: str, href: str) -> SyncItem | None:
        return self._by_href.get((role, href))

    def by_local(self, kind: str, local_id: int) -> SyncItem | None:
        return self._by_local.get((kind, local_id))

    def of_role(self, role: str) -> list[SyncItem]:
        return [item for item in self.items if item.role == role]

    # -- changes ----------------------------------------------------------------------------
    def add(self, role: str, kind: str, local_id: int | None, uid: str, *, href: str = "", etag: str = "",
            base: str = "", raw: str = "") -> SyncItem:
        item = SyncItem.create(role=role, kind=kind, local_id=local_id, uid=uid, href=href, etag=etag, base=base, raw=raw)
        self.items.append(item)
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
        self._index(item)

    def refresh(self) -> None:
        """Take up what operations changed in SQL meanwhile: which items were marked changed,
        and which rows were deleted (the tombstone triggers)."""
        known = {item.id: item for item in self.items}
        for item_id, local_id, dirty in SyncItem.select(SyncItem.id, SyncItem.local_id, SyncItem.dirty).tuples():
            item = known.get(item_id)
            if item is None:
                continue
            item.__data__["dirty"] = bool(dirty)
            if item.local_id != local_id:
                if item.local_id is not None:
                    self._by_local.pop((item.kind, item.local_id), None)
                item.__data__["local_id"] = local_id
                self._index(item)

    def drop(self, item: SyncItem) -> None:
        SyncItem.delete().where(SyncItem.id == item.id).execute()
        self.items.remove(item)
        self._by_uid.pop((item.role, item.uid), None)
        if item.href:
            self._by_href.pop((item.role, item.href), None)
        if item.local_id is not None:
            self._by_local.pop((item.kind, item.local_id), None)

    def assign(self, kind: str, local_ids: Iterable[int], uid_for=None) -> int:
        """Give every row without an item one (a fresh uid, or `uid_for(local_id)`); returns
        how many were added. Committed before anything is sent, so a round that is killed and
        run again sends the same uids."""
        added = 0
        role = ROLE_OF[kind]
        for local_id in local_ids:
            if (kind, local_id) in self._by_local:
                continue
            uid = uid_for(local_id) if uid_for else new_uid()
            if not uid:
                continue
            existing = self._by_uid.get((role, uid))
            if existing is not None:
                if existing.local_id is None and existing.kind == kind:
                    self.save(existing, local_id=local_id)
                continue
            self.add(role, kind, local_id, uid)
            added += 1
        return added

    def assign_derived(self) -> None:
        """The keep-in-touch and date tasks of every person who has an item."""
        people = {pid: item.uid for (kind, pid), item in self._by_local.items() if kind == "person"}
        cadenced = [p.id for p in Person.select(Person.id).where(Person.cadence_days.is_null(False), Person.archived == False)]  # noqa: E712
        self.assign("keep", [pid for pid in cadenced if pid in people], lambda pid: keep_uid(people[pid]))
        rows = list(PersonDate.select(PersonDate.id, PersonDate.person, PersonDate.kind, PersonDate.label,
                                      PersonDate.month, PersonDate.day).tuples())
        uids = {row[0]: date_uid(people[row[1]], row[2], row[3], row[4], row[5]) for row in rows if row[1] in people}
        self.assign("date", list(uids), uids.get)
