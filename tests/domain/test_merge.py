from hypothesis import given
from hypothesis import strategies as st

from journal.domain.merge import changed_keys, merge

KEYS = st.sampled_from(["name", "notes", "role", "tags"])
VALUES = st.sampled_from(["", "a", "b", "c"])
ITEMS = st.dictionaries(KEYS, VALUES, max_size=4)


def test_a_field_changed_on_one_side_takes_that_side():
    base = {"name": "Dana", "notes": "old", "role": "CTO"}
    local = {"name": "Dana Smith", "notes": "old", "role": "CTO"}
    remote = {"name": "Dana", "notes": "new", "role": "CTO"}
    merged = merge(base, local, remote, local_is_newer=False)
    assert merged.values == {"name": "Dana Smith", "notes": "new", "role": "CTO"}
    assert merged.conflicts == []


def test_the_later_change_wins_and_the_other_value_is_kept():
    base, local, remote = {"notes": "old"}, {"notes": "mine"}, {"notes": "theirs"}
    later_here = merge(base, local, remote, local_is_newer=True)
    assert later_here.values["notes"] == "mine"
    [conflict] = later_here.conflicts
    assert (conflict.kept, conflict.other, conflict.kept_side) == ("mine", "theirs", "journal")
    later_there = merge(base, local, remote, local_is_newer=False)
    assert later_there.values["notes"] == "theirs"
    assert later_there.conflicts[0].other == "mine"


def test_without_a_base_only_differing_fields_conflict():
    merged = merge(None, {"name": "Dana", "notes": "x"}, {"name": "Dana", "role": "CTO"}, local_is_newer=True)
    assert merged.values == {"name": "Dana", "notes": "x", "role": "CTO"}
    assert merged.conflicts == []


@given(ITEMS, ITEMS, ITEMS, st.booleans())
def test_nothing_is_lost(base, local, remote, newer):
    merged = merge(base, local, remote, local_is_newer=newer)
    conflicted = {c.key: c for c in merged.conflicts}
    for key in set(local) | set(remote):
        value = merged.values.get(key, "")
        # Each side's changed value is either the merged one or kept in a conflict.
        for side in (local, remote):
            mine = side.get(key, "")
            if mine != base.get(key, ""):
                assert mine == value or conflicted[key].other == mine
    assert merge(base, merged.values, merged.values, local_is_newer=newer).values == merged.values
    assert changed_keys(merged.values, merged.values) == set()
