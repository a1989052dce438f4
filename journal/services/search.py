"""Search as you type over the whole journal, and the People filter's ranked ids.

Results come back as plain values: the kind, the id, a title to show and a snippet of the matched
text with MARK_START/MARK_END around the matched words (the UI turns them into highlighting; the
command line strips them).
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.store import search as index
from journal.store.models import DB

MARK_START = index.MARK_START
MARK_END = index.MARK_END
ELLIPSIS = index.ELLIPSIS
KINDS = tuple(index.TABLES)  # person, conversation, introduction, next_step: the display order
KIND_LABELS = {"person": "People", "conversation": "Conversations", "introduction": "Introductions", "next_step": "Next steps"}

# Conversations and next steps are ranked among their newest matches only: a two-letter prefix
# can match most of a big journal, and ranking every match would cost a keystroke hundreds of
# milliseconds. People, introductions and organisations are few enough to rank in full.
RECENT_CAPS = {"conversation": 2_000, "next_step": 2_000}


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
    """One query per kind for the titles of `ids`; for kinds ranked without a snippet,
    (title, text to make the snippet from, text to fall back on)."""
    rows = index.describe(DB.obj, kind, ids)
    if kind == "person":
        return {pid: name + (f" — {org}" if org else "") for pid, name, org in rows}
    if kind == "conversation":
        return {
            cid: (f"{str(when)[:10]} · {summary or f'Conversation with {people or chr(8230)}'}", notes, summary)
            for cid, when, summary, notes, people in rows
        }
    if kind == "introduction":
        return {iid: f"{a} → {b} ({stage})" for iid, stage, a, b in rows}
    return {
        sid: (text + (f" · due {due_date}" if due_date else "") + (" · done" if done_at else ""), text, "")
        for sid, text, due_date, done_at in rows
    }


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
            cap = RECENT_CAPS.get(kind)
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
                if isinstance(title, tuple):  # ranked without a snippet: made from the text here
                    title, body, fallback = title
                    snippet = index.make_snippet(body, text)
                    if MARK_START not in snippet and fallback:
                        snippet = index.make_snippet(fallback, text) or snippet
                results.append(SearchResult(kind, hit.id, title, snippet, hit.score, index.mark_matches(title, text)))
            grouped[kind] = results
    return {kind: results for kind, results in grouped.items() if results}


def search_ranked(text: str, *, limit_per_kind: int = 8) -> list[SearchResult]:
    """All kinds in one list, best bm25 first (the command line's order)."""
    grouped = search(text, limit_per_kind=limit_per_kind)
    merged = [result for results in grouped.values() for result in results]
    return sorted(merged, key=lambda r: (r.score, KINDS.index(r.kind), r.id))


def matching_ids(kind: str, text: str) -> list[int] | None:
    """Ids of `kind` ("person", "introduction", ...) matching `text`, best first; None when
    `text` has no words (no filter). The lists' Ctrl+F filters use it."""
    expression = index.match_expression(text)
    if expression is None:
        return None
    return index.ranked_ids(DB.obj, expression, kind)


def matching_person_ids(text: str) -> list[int] | None:
    """Ids of the people matching `text`, best first; None when `text` has no words (no filter)."""
    return matching_ids("person", text)
