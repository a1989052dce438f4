"""Three-way merge of one item's fields, as sync does it.

An item is a dict of strings (a missing key reads as ""). Against the version both sides last
agreed on (`base`), a field changed on one side only takes that side's value; a field changed on
both sides to different values is a conflict: the later change wins and the other value is
returned beside it, so that nothing is lost. Where there is no agreed version yet (both sides
made the item on their own), every differing field counts as changed on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldConflict:
    key: str
    kept: str
    other: str
    kept_side: str  # "journal" | "server"


@dataclass
class Merged:
    values: dict[str, str]
    conflicts: list[FieldConflict] = field(default_factory=list)

    def differs_from(self, side: Mapping[str, str]) -> dict[str, str]:
        """The keys whose merged value differs from `side`'s, with the merged value."""
        return {key: value for key, value in self.values.items() if side.get(key, "") != value}


def merge(base: Mapping[str, str] | None, local: Mapping[str, str], remote: Mapping[str, str], *,
          local_is_newer: bool) -> Merged:
    """Merge field by field; `local_is_newer` decides the fields both sides changed."""
    base = base or {}
    keys = sorted(set(base) | set(local) | set(remote))
    values: dict[str, str] = {}
    conflicts: list[FieldConflict] = []
    for key in keys:
        was, mine, theirs = base.get(key, ""), local.get(key, ""), remote.get(key, "")
        if mine == theirs or theirs == was:
            values[key] = mine
        elif mine == was:
            values[key] = theirs
        elif local_is_newer:
            values[key] = mine
            conflicts.append(FieldConflict(key, mine, theirs, "journal"))
        else:
            values[key] = theirs
            conflicts.append(FieldConflict(key, theirs, mine, "server"))
    return Merged({k: v for k, v in values.items() if v != "" or k in local or k in remote}, conflicts)


def changed_keys(base: Mapping[str, str] | None, now: Mapping[str, str]) -> set[str]:
    base = base or {}
    return {key for key in set(base) | set(now) if base.get(key, "") != now.get(key, "")}
