"""Search as you type over the whole journal, and the People filter's ranked ids.

Results come back as plain values: the kind, the id, a title to show and a snippet of the matched
text with MARK_START/MARK_END around the matched words (the UI turns them into highlighting; the
command line strips them).
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, fn

from journal.store import search as index
from journal.store.models import DB, Conversation, Introduction, NextStep, Organisation, Participant, Person

MARK_START = index.MARK_START
MARK_END = index.MARK_END
KINDS = tuple(index.TABLES)  # person, conversation, introduction, next_step: the display order
KIND_LABELS = {"person": "People", "conversation": "Conversations", "introduction": "Introductions", "next_step": "Next steps"}

# Conversations are ranked among their newest matches only: a one- or two-letter prefix can match
# most of a big journal, and ranking every match would cost a keystroke hundreds of milliseconds.
CONVERSATION_CAP = 2_000


@dataclass(frozen=True)
class SearchResult:
    kind: str
    id: int
    title: str
    snippet: str  # with MARK_START / MARK_END around matched words
    score: float  # bm25, lower is better
    marked_title: str = ""  # the title with the matched words marked

    @property
    def snippet_repeats_title(self) -> bool:
        return plain(self.snippet).strip(index.ELLIPSIS + " ") in self.title

    def to_json(self) -> dict:
        return {"kind": self.kind, "id": self.id, "title": self.title, "snippet": plain(self.snippet)}


def plain(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


def _titles(kind: str, ids: list[int]) -> dict[int, str | tuple[str, str, str]]:
    """One query per kind for the titles of `ids` (conversations: (title, notes, summary))."""
    if not ids:
        return {}
    if kind == "person":
        rows = (
            Person.select(Person.id, Person.name, Organisation.name.alias("org"))
            .join(Organisation, on=(Person.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
            .where(Person.id.in_(ids))
            .dicts()
        )
        return {r["id"]: r["name"] + (f" — {r['org']}" if r["org"] else "") for r in rows}
    if kind == "conversation":
        rows = (
            Conversation.select(
                Conversation.id,
                Conversation.occurred_at,
                Conversation.summary,
                Conversation.notes,
                fn.group_concat(Person.name, ", ").alias("people"),
            )
            .join(Participant, join_type=JOIN.LEFT_OUTER)
            .join(Person, join_type=JOIN.LEFT_OUTER)
            .where(Conversation.id.in_(ids))
            .group_by(Conversation.id)
            .dicts()
        )
        titles = {}
        for r in rows:
            when = str(r["occurred_at"])[:10]
            what = r["summary"] or f"Conversation with {r['people'] or 'nobody'}"
            titles[r["id"]] = (f"{when} · {what}", r["notes"], r["summary"])
        return titles
    if kind == "introduction":
        Introducer, Target = Person.alias(), Person.alias()
        rows = (
            Introduction.select(Introduction.id, Introduction.stage, Introducer.name.alias("a"), Target.name.alias("b"))
            .join(Introducer, on=(Introduction.introducer == Introducer.id))
            .switch(Introduction)
            .join(Target, on=(Introduction.target == Target.id))
            .where(Introduction.id.in_(ids))
            .dicts()
        )
        return {r["id"]: f"{r['a']} → {r['b']} ({r['stage']})" for r in rows}
    rows = NextStep.select(NextStep.id, NextStep.text, NextStep.due_date, NextStep.done_at).where(NextStep.id.in_(ids)).dicts()
    titles = {}
    for r in rows:
        due = f" · due {r['due_date']}" if r["due_date"] else ""
        done = " · done" if r["done_at"] else ""
        titles[r["id"]] = f"{r['text']}{due}{done}"
    return titles


def search(text: str, *, limit_per_kind: int = 8, kinds: tuple[str, ...] = KINDS) -> dict[str, list[SearchResult]]:
    """The best matches of each kind for what the user typed, grouped by kind (empty for blank text).

    Never raises for odd input: the text is reduced to quoted prefix terms before FTS5 sees it.
    """
    expression = index.match_expression(text)
    if expression is None:
        return {}
    database = DB.obj
    grouped: dict[str, list[SearchResult]] = {}
    with DB.atomic():  # one read snapshot for every kind
        for kind in kinds:
            cap = CONVERSATION_CAP if kind == "conversation" else None
            hits = index.search(database, expression, kind, limit_per_kind, cap=cap)
            if not hits:
                continue
            titles = _titles(kind, [h.id for h in hits])
            results = []
            for hit in hits:
                title = titles.get(hit.id)
                if title is None:
                    continue
                snippet = hit.snippet
                if isinstance(title, tuple):  # a conversation: the notes' matched words, else the summary's
                    title, notes, summary = title
                    snippet = index.make_snippet(notes, text)
                    if MARK_START not in snippet:
                        snippet = index.make_snippet(summary, text) or snippet
                results.append(SearchResult(kind, hit.id, title, snippet, hit.score, index.mark_matches(title, text)))
            grouped[kind] = results
    return {kind: results for kind, results in grouped.items() if results}


def search_ranked(text: str, *, limit_per_kind: int = 8) -> list[SearchResult]:
    """All kinds in one list, best bm25 first (the command line's order)."""
    grouped = search(text, limit_per_kind=limit_per_kind)
    merged = [result for results in grouped.values() for result in results]
    return sorted(merged, key=lambda r: (r.score, KINDS.index(r.kind), r.id))


def matching_person_ids(text: str) -> list[int] | None:
    """Ids of the people matching `text`, best first; None when `text` has no words (no filter)."""
    expression = index.match_expression(text)
    if expression is None:
        return None
    return index.ranked_ids(DB.obj, expression, "person")
