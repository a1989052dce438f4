"""make_snippet reads long notes from shortly before their first match: what it shows must be
exactly what reading them from the start shows."""

from __future__ import annotations

import random

import pytest

from journal.store import search as index


def _reference_snippet(text: str, query: str, tokens: int = 12) -> str:
    """make_snippet as it was before it jumped to the first match by regular expression."""
    phrases = index._phrases(query)
    spans: list[tuple[int, int, str]] = []
    hits: list[bool] = []
    first_hit = -1
    stop = -1
    start = 0
    if text.isascii():
        lowered = text.lower()
        found = [i for i in (lowered.find(words[0]) for words, _prefix in phrases) if i >= 0]
        if not found:
            stop = tokens - 1
        elif min(found) > 120:
            start = text.rfind(" ", 0, min(found) - 60) + 1
    for j, m in enumerate(index._TOKEN.finditer(text, start)):
        spans.append((m.start(), m.end(), index._fold(m.group())))
        hits.append(False)
        for words, prefix in phrases:
            if index._ends_match(spans, j, words, prefix):
                hits[j - len(words) + 1 : j + 1] = [True] * len(words)
                if first_hit < 0:
                    first_hit = j - len(words) + 1
                    stop = first_hit + tokens
        if 0 <= stop <= j:
            break
    if not spans:
        return ""
    best = max(0, first_hit - 3) if first_hit >= 0 else 0
    last = min(len(spans), best + tokens) - 1
    more = last < len(spans) - 1 or spans[-1][1] < len(text.rstrip())
    body = index._render(text, spans, hits, best, last)
    before = best > 0 or start > 0
    return (index.ELLIPSIS if before else "") + " ".join(body.split()) + (index.ELLIPSIS if more else "")


def _reference_marks(text: str, query: str) -> str:
    """mark_matches as it was before it folded the whole text at once."""
    spans = [(m.start(), m.end(), index._fold(m.group())) for m in index._TOKEN.finditer(text)]
    if not spans:
        return text
    hits = index._matched(spans, query)
    return text[: spans[0][0]] + index._render(text, spans, hits, 0, len(spans) - 1) + text[spans[-1][1] :]


WORDS = ["talked", "with", "me", "mentor", "meeting", "o", "brien", "o'brien", "kubernetes", "migration",
         "some", "time", "ta", "at", "referral", "re", "are", "Siobhán", "Zoë", "c++", "x", "a-b", "supercalifragilistic",
         "Max", "Müller", "olga", "ivanov", "globex", "systems", "—", "...", "(note)", "2026", "v2",
         "Łukasz", "ﬁne", "Ǆemal", "e\u0301cole", "Straße", "ΣΑΣ", "İstanbul", "x²", "naïve", "Dvořák", "·"]
QUERIES = ["Talked with", "Talked wi", "me", "men", "mentor", "o'br", "O'Brien", "Siobhán O'Br", "kubernetes mi",
           "lukasz", "fine", "dzemal", "ecole", "strasse", "σας", "istanbul", "x2", "naive", "dvorak", "łu", "siob",
           "re", "referral", "ta", "at ", "x", "c++", "max mü", "zoe", "a-b", "2026", "v2", "globex sys", "systems"]


def _text(rng: random.Random, n: int, ascii_only: bool) -> str:
    words = [w for w in WORDS if w.isascii()] if ascii_only else WORDS
    return rng.choice(["", " ", "  "]) + " ".join(rng.choice(words) for _ in range(n)) + rng.choice(["", ".", " ", " !"])


@pytest.mark.parametrize("seed", range(6))
def test_a_snippet_is_what_reading_from_the_start_shows(seed):
    rng = random.Random(seed)
    for _ in range(400):
        text = _text(rng, rng.choice([0, 1, 3, 12, 40, 150, 400]), ascii_only=rng.random() < 0.8)
        query = rng.choice(QUERIES)
        assert index.make_snippet(text, query) == _reference_snippet(text, query), (text, query)
        assert index.mark_matches(text, query) == _reference_marks(text, query), (text, query)


def test_a_match_after_a_long_unmatched_stretch_is_shown_with_its_words_before():
    notes = "some time over " * 60 + "then O'Brien said Talked with the mentor " + "tail " * 40
    for query in ("o'br", "Talked wi", "mentor", "ment"):
        assert index.make_snippet(notes, query) == _reference_snippet(notes, query)
    snippet = index.make_snippet(notes, "o'br")
    assert snippet.startswith(index.ELLIPSIS) and f"{index.MARK_START}O'Brien{index.MARK_END}" in snippet
    # Found only as part of other words: the opening words, no mark.
    assert index.MARK_START not in index.make_snippet("someone awesome " * 50, "me")
