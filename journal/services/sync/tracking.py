"""When each synced item last changed here: the time a conflict is decided by ("the later change
wins"). Every operation reports the rows it touched (journal.services.operations.run calls
`touch` inside its transaction); a journal with no sync account pays one indexed lookup."""

from __future__ import annotations

from journal.clock import SYSTEM_CLOCK
from journal.store.changelog import ChangeSet
from journal.store.models import SyncAccount, SyncItem

# The clock the times come from; tests set their own (the operation layer takes none).
clock = SYSTEM_CLOCK

_PERSON_CHILDREN = ("contact_detail", "person_tag", "job", "person_date", "address", "profile", "relation",
                    "person_photo", "person_card")


def touched(changeset: ChangeSet) -> dict[str, set[int]]:
    """The synced kinds and row ids an operation's rows stand for."""
    people = set(changeset.ids("person"))
    for table in _PERSON_CHILDREN:
        people |= changeset.values(table, "person")
    people |= changeset.values("introduction", "target")
    conversations = set(changeset.ids("conversation")) | changeset.values("participant", "conversation")
    keeps = set(people) | changeset.values("participant", "person")
    return {
        "person": people,
        "introduction": set(changeset.ids("introduction")),
        "step": set(changeset.ids("next_step")),
        "keep": keeps,
        "date": set(changeset.ids("person_date")),
        "conversation": conversations,
    }


def touch(changeset: ChangeSet) -> None:
    if not changeset or SyncAccount.select(SyncAccount.id).first() is None:
        return
    now = clock.now()
    for kind, ids in touched(changeset).items():
        ids = sorted(i for i in ids if isinstance(i, int))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            SyncItem.update(local_changed_at=now, dirty=True).where(SyncItem.kind == kind, SyncItem.local_id.in_(chunk)).execute()
