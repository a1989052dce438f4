"""The sync state reads the items a round asks about, not every item: a quiet round over many
items loads a handful, and the questions about many at once answer as a full load would."""

from __future__ import annotations

from journal.services.sync.state import State
from journal.store.models import Person, SyncItem


def _people(n: int) -> list[int]:
    return [Person.create(name=f"Person {i}", cadence_days=30 if i % 3 == 0 else None).id for i in range(n)]


def _settle(state: State) -> None:
    """Every item on the server and agreed, as after a round."""
    SyncItem.update(href=SyncItem.uid, etag='"1"', base="{}", dirty=False).execute()


def test_a_quiet_round_reads_a_handful_of_items(db):
    ids = _people(60)
    first = State()
    assert first.unassigned("person", "person") == ids
    assert first.assign("person", ids) == 60
    first.assign_derived()
    assert SyncItem.select().where(SyncItem.kind == "keep").count() == 20
    _settle(first)

    quiet = State()
    assert quiet.unassigned("person", "person") == []
    quiet.assign_derived()  # nothing new
    assert SyncItem.select().count() == 80
    assert quiet.to_push(("person", "step", "conversation")) == []
    assert quiet.without_local() == []
    assert quiet.sent_items("contacts") == []
    assert len(quiet._by_id) == 0  # nothing read but counts

    Person.update(name="Renamed").where(Person.id == ids[5]).execute()
    SyncItem.update(dirty=True).where(SyncItem.kind == "person", SyncItem.local_id == ids[5]).execute()
    Person.delete().where(Person.id == ids[7]).execute()  # the tombstone trigger clears its local_id
    quiet.refresh()
    assert [item.local_id for item in quiet.to_push(("person",))] == [ids[5]]
    gone = quiet.without_local()
    assert len(gone) == 1 and gone[0].kind == "person"
    assert len(quiet._by_id) == 2


def test_lookups_return_the_same_item_and_see_unsaved_changes(db):
    ids = _people(3)
    state = State()
    state.assign("person", ids)
    _settle(state)
    fresh = State()
    item = fresh.by_local("person", ids[1])
    assert fresh.by_uid("contacts", item.uid) is item
    assert fresh.by_href("contacts", item.href) is item
    assert fresh.uid_of("person", ids[1]) == item.uid and fresh.local_of("person", item.uid) == ids[1]
    fresh.save(item, persist=False, href="/moved.vcf", dirty=True)  # learned, saved later
    assert fresh.by_href("contacts", "/moved.vcf") is item
    assert fresh.by_href("contacts", item.uid) is None  # its old href, still in SQL, is not it
    assert fresh.to_push(("person",)) == [item]
    fresh.drop(item)
    assert fresh.by_local("person", ids[1]) is None
    assert [i.local_id for i in fresh.items] == [ids[0], ids[2]]


def test_many_uids_are_read_in_one_query(db):
    ids = _people(120)
    State().assign("person", ids)
    state = State()
    expected = {pid: uid for pid, uid in SyncItem.select(SyncItem.local_id, SyncItem.uid).tuples()}
    assert {pid: state.uid_of("person", pid) for pid in ids} == expected
    assert state.uid_of("person", 10_000) == ""
    added = state.add("contacts", "person", 10_000, "new-uid")
    assert state.uid_of("person", 10_000) == "new-uid" and added.local_id == 10_000
