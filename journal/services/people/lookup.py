"""Name completion for pickers: a handful of people matching what was typed, in one small query."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import JOIN, Case, fn

from journal.domain.names import is_description
from journal.store.models import Organisation, Person

DEFAULT_LIMIT = 12


@dataclass(frozen=True)
class NameSuggestion:
    id: int
    name: str
    organisation: str = ""

    @property
    def label(self) -> str:
        """What a completion list shows: the name, and where they work when known."""
        return f"{self.name} — {self.organisation}" if self.organisation else self.name


def suggest(text: str, limit: int = DEFAULT_LIMIT) -> list[NameSuggestion]:
    """Active people whose name (any word of it) or organisation starts with `text`.

    Names that start with the text come first. Bounded by `limit`, so it stays cheap on a big
    journal however short the text.
    """
    # LIKE wildcards typed by the user are matched literally by dropping them.
    text = " ".join(re.sub(r"[%_\\]", " ", text or "").split()).lower()
    if not text or limit <= 0:
        return []
    prefix = text + "%"
    name = fn.lower(Person.name)
    first = Case(None, [(name ** prefix, 0)], 1)
    query = (
        Person.select(Person.id, Person.name, Organisation.name.alias("org_name"))
        .join(Organisation, JOIN.LEFT_OUTER)
        .where(
            (Person.archived == False)  # noqa: E712
            & ((name ** prefix) | (name ** ("% " + prefix)) | (fn.lower(Organisation.name) ** prefix))
        )
        .order_by(first, name, Person.id)
        .limit(limit)
    )
    return [NameSuggestion(row.id, row.name, row.org_name or "") for row in query.objects()]


_DESCRIPTION_WORDS = re.compile(
    r"\b(her|his|their|my|our|a|an|the|someone|somebody|friend|colleague|sister|brother|wife|husband|"
    r"partner|boss|manager|cofounder|co-founder|at|from|who|head|cto|ceo|cmo|vp)\b",
    re.IGNORECASE,
)


def looks_like_description(text: str) -> bool:
    """True for "her sister-in-law, CMO at X"; False for "Dana Smith".

    Used to pre-tick "just a description" on an offer, which makes the target a placeholder
    person to fill in later. The user can always untick it, so beyond the command line's rule
    (journal.domain.names: a comma or a possessive) it also reads softer cues.
    """
    text = " ".join((text or "").split())
    if not text:
        return False
    if is_description(text):  # what the command line calls a description, the dialog does too
        return True
    if any(ch in text for ch in ";()/") or any(ch.isdigit() for ch in text):
        return True
    if text[0].islower() or len(text.split()) > 4:
        return True
    return bool(_DESCRIPTION_WORDS.search(text))
