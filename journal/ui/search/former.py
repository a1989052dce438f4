"""People found through an organisation they used to work at are shown "formerly at X"."""

from __future__ import annotations

import dataclasses
import unicodedata

from PySide6.QtCore import QCoreApplication

from journal.services.people.detail import former_organisations_of
from journal.services.search import MARK_END, MARK_START, SearchResult


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return [w for w in "".join(ch if ch.isalnum() else " " for ch in _fold(text)).split() if w]


def _mark(name: str, terms: list[str]) -> str:
    out = []
    for word in name.split(" "):
        folded = _words(word)
        hit = any(f.startswith(t) for f in folded for t in terms)
        out.append(f"{MARK_START}{word}{MARK_END}" if hit and word else word)
    return " ".join(out)


def mark_former_colleagues(grouped: dict[str, list[SearchResult]], text: str) -> dict[str, list[SearchResult]]:
    """People whose match is a former organisation (a typed word found there, not in their name,
    nickname-free title or current organisation) get "formerly at X" as their snippet."""
    people = grouped.get("person")
    terms = _words(text)
    if not people or not terms:
        return grouped
    # Only people whose title misses a typed word can have been found through a former
    # organisation: the others need no look-up (most keystrokes, none at all).
    unmatched_of = {}
    for result in people:
        title_words = _words(result.title)
        unmatched = [t for t in terms if not any(w.startswith(t) for w in title_words)]
        if unmatched:
            unmatched_of[result.id] = unmatched
    if not unmatched_of:
        return grouped
    former = former_organisations_of(list(unmatched_of))
    marked = []
    for result in people:
        unmatched = unmatched_of.get(result.id)
        found = [
            org for org in former.get(result.id, ()) if unmatched and any(
                w.startswith(t) for w in _words(org) for t in unmatched
            )
        ]
        if found:
            note = QCoreApplication.translate("SearchPalette", "formerly at {organisation}").format(
                organisation=", ".join(_mark(org, terms) for org in found)
            )
            result = dataclasses.replace(result, snippet=note)
        marked.append(result)
    return {**grouped, "person": marked}
