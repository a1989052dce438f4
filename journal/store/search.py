"""The full-text index (SQLite FTS5) and the queries over it.

Four FTS5 tables, all tokenised with `unicode61 remove_diacritics 2` (so "Zoë" is found by
"zoe") and with prefix indexes for search as you type:

- `conversation_fts` (summary, notes) and `next_step_fts` (text) are *external content* tables:
  the text lives once, in `conversation` and `next_step`, and triggers on those tables keep the
  index in step (FTS5's 'delete' command with the old values, then the new row).
- `person_fts` (name, organisation, role, notes, tags) and `introduction_fts` (introducer,
  target, notes) gather text from several tables (an organisation rename or a tag change alters
  what a person is found by). An external content table would need the exact old values of every
  joined column to delete a row, which triggers on four tables cannot reliably give; so these two
  are small ordinary FTS5 tables that keep their own copy of the text, and every trigger simply
  re-derives the affected rows (delete by rowid, insert from the `*_search_source` views).
  The copy costs a few hundred bytes a person, not the conversations' megabytes.

Everything is plain SQL run by the schema migration, so the index is part of the file: an online
backup copies it and a restore brings it back.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from dataclasses import dataclass

from journal.store.transactions import joined

TOKENIZE = "unicode61 remove_diacritics 2"
PREFIX = "2 3 4"

# kind -> its FTS5 table. The order is the palette's group order.
TABLES = {
    "person": "person_fts",
    "conversation": "conversation_fts",
    "introduction": "introduction_fts",
    "next_step": "next_step_fts",
}

# bm25 column weights: a hit in a name counts more than one in long notes.
WEIGHTS = {
    "person": (10.0, 4.0, 3.0, 1.0, 5.0),
    "conversation": (4.0, 1.0),
    "introduction": (5.0, 5.0, 1.0),
    "next_step": (1.0,),
}

# The person view as schema 2 made it; schema 4 (careers_statements) replaces it with
# _PERSON_SOURCE.
_PERSON_SOURCE_V2 = """
CREATE VIEW IF NOT EXISTS person_search_source AS
SELECT p.id AS id, p.name AS name, coalesce(o.name, '') AS organisation, p.role AS role,
       p.notes AS notes,
       coalesce((SELECT group_concat(t.name, ' ') FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                 WHERE pt.person_id = p.id), '') AS tags
FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
"""

_PERSON_SOURCE = """
CREATE VIEW IF NOT EXISTS person_search_source AS
SELECT p.id AS id,
       p.name || CASE WHEN p.nickname != '' THEN ' ' || p.nickname ELSE '' END AS name,
       coalesce(o.name, '') || coalesce(' ' || (SELECT group_concat(jo.name, ' ') FROM job j
                 JOIN organisation jo ON jo.id = j.organisation_id
                 WHERE j.person_id = p.id AND j.organisation_id IS NOT p.organisation_id), '') AS organisation,
       p.role AS role,
       p.notes AS notes,
       coalesce((SELECT group_concat(t.name, ' ') FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                 WHERE pt.person_id = p.id), '') AS tags
FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
"""

_INTRODUCTION_SOURCE = """
CREATE VIEW IF NOT EXISTS introduction_search_source AS
SELECT i.id AS id, a.name AS introducer, b.name AS target, i.notes AS notes
FROM introduction i JOIN person a ON a.id = i.introducer_id JOIN person b ON b.id = i.target_id
"""


def _refresh_person(ref: str) -> str:
    return (
        f"DELETE FROM person_fts WHERE rowid = {ref}; "
        f"INSERT INTO person_fts(rowid, name, organisation, role, notes, tags) "
        f"SELECT id, name, organisation, role, notes, tags FROM person_search_source WHERE id = {ref};"
    )


def _refresh_people_where(condition: str) -> str:
    return (
        f"DELETE FROM person_fts WHERE rowid IN (SELECT id FROM person WHERE {condition}); "
        f"INSERT INTO person_fts(rowid, name, organisation, role, notes, tags) "
        f"SELECT id, name, organisation, role, notes, tags FROM person_search_source "
        f"WHERE id IN (SELECT id FROM person WHERE {condition});"
    )


def _refresh_introductions_where(condition: str) -> str:
    return (
        f"DELETE FROM introduction_fts WHERE rowid IN (SELECT id FROM introduction WHERE {condition}); "
        f"INSERT INTO introduction_fts(rowid, introducer, target, notes) "
        f"SELECT id, introducer, target, notes FROM introduction_search_source "
        f"WHERE id IN (SELECT id FROM introduction WHERE {condition});"
    )


def _external_triggers(table: str, columns: tuple[str, ...]) -> list[str]:
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    return [
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} WHEN {changed} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
    ]


_PERSON_UPDATE = (
    "CREATE TRIGGER person_fts_au AFTER UPDATE OF name, nickname, organisation_id, role, notes ON person "
    "WHEN old.name IS NOT new.name OR old.nickname IS NOT new.nickname "
    "OR old.organisation_id IS NOT new.organisation_id "
    "OR old.role IS NOT new.role OR old.notes IS NOT new.notes "
    f"BEGIN {_refresh_person('new.id')} END"
)
_ORGANISATION_RENAME = (
    "CREATE TRIGGER organisation_fts_au AFTER UPDATE OF name ON organisation WHEN old.name IS NOT new.name "
    "BEGIN "
    + _refresh_people_where("organisation_id = new.id OR id IN (SELECT person_id FROM job WHERE organisation_id = new.id)")
    + " END"
)


def job_statements() -> list[str]:
    """A person is found by their former organisations too (schema 4): a job added, ended,
    moved or deleted re-indexes its person."""
    return [
        f"CREATE TRIGGER job_fts_ai AFTER INSERT ON job BEGIN {_refresh_person('new.person_id')} END",
        f"CREATE TRIGGER job_fts_ad AFTER DELETE ON job BEGIN {_refresh_person('old.person_id')} END",
        "CREATE TRIGGER job_fts_au AFTER UPDATE OF person_id, organisation_id ON job "
        "WHEN old.person_id IS NOT new.person_id OR old.organisation_id IS NOT new.organisation_id "
        f"BEGIN {_refresh_person('old.person_id')} {_refresh_person('new.person_id')} END",
    ]


def careers_statements() -> list[str]:
    """Schema 4, on a journal of any earlier shape: the person view and its triggers read
    nicknames and former organisations. Safe to run on a journal that has them already."""
    return [
        "DROP VIEW IF EXISTS person_search_source",
        _PERSON_SOURCE,
        "DROP TRIGGER IF EXISTS person_fts_au",
        _PERSON_UPDATE,
        "DROP TRIGGER IF EXISTS organisation_fts_au",
        _ORGANISATION_RENAME,
        "DROP TRIGGER IF EXISTS job_fts_ai",
        "DROP TRIGGER IF EXISTS job_fts_ad",
        "DROP TRIGGER IF EXISTS job_fts_au",
        *job_statements(),
    ]


def schema_statements() -> list[str]:
    """Every statement that created the index at schema 2: tables, views and triggers (no data).
    Schemas 3 and 4 add to it (tag_move_statements, careers_statements)."""
    opts = f"tokenize = '{TOKENIZE}', prefix = '{PREFIX}'"
    statements = [
        f"CREATE VIRTUAL TABLE person_fts USING fts5(name, organisation, role, notes, tags, {opts})",
        f"CREATE VIRTUAL TABLE introduction_fts USING fts5(introducer, target, notes, {opts})",
        "CREATE VIRTUAL TABLE conversation_fts USING fts5(summary, notes, "
        f"content = 'conversation', content_rowid = 'id', {opts})",
        f"CREATE VIRTUAL TABLE next_step_fts USING fts5(text, content = 'next_step', content_rowid = 'id', {opts})",
        _PERSON_SOURCE_V2,
        _INTRODUCTION_SOURCE,
        # people
        f"CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN {_refresh_person('new.id')} END",
        "CREATE TRIGGER person_fts_au AFTER UPDATE OF name, organisation_id, role, notes ON person "
        "WHEN old.name IS NOT new.name OR old.organisation_id IS NOT new.organisation_id "
        "OR old.role IS NOT new.role OR old.notes IS NOT new.notes "
        f"BEGIN {_refresh_person('new.id')} END",
        "CREATE TRIGGER person_fts_au_name AFTER UPDATE OF name ON person WHEN old.name IS NOT new.name "
        f"BEGIN {_refresh_introductions_where('introducer_id = new.id OR target_id = new.id')} END",
        "CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN DELETE FROM person_fts WHERE rowid = old.id; END",
        "CREATE TRIGGER organisation_fts_au AFTER UPDATE OF name ON organisation WHEN old.name IS NOT new.name "
        f"BEGIN {_refresh_people_where('organisation_id = new.id')} END",
        f"CREATE TRIGGER person_tag_fts_ai AFTER INSERT ON person_tag BEGIN {_refresh_person('new.person_id')} END",
        f"CREATE TRIGGER person_tag_fts_ad AFTER DELETE ON person_tag BEGIN {_refresh_person('old.person_id')} END",
        "CREATE TRIGGER tag_fts_au AFTER UPDATE OF name ON tag WHEN old.name IS NOT new.name "
        f"BEGIN {_refresh_people_where('id IN (SELECT person_id FROM person_tag WHERE tag_id = new.id)')} END",
        # introductions
        "CREATE TRIGGER introduction_fts_ai AFTER INSERT ON introduction "
        f"BEGIN {_refresh_introductions_where('id = new.id')} END",
        "CREATE TRIGGER introduction_fts_au AFTER UPDATE OF introducer_id, target_id, notes ON introduction "
        "WHEN old.introducer_id IS NOT new.introducer_id OR old.target_id IS NOT new.target_id "
        f"OR old.notes IS NOT new.notes BEGIN {_refresh_introductions_where('id = new.id')} END",
        "CREATE TRIGGER introduction_fts_ad AFTER DELETE ON introduction "
        "BEGIN DELETE FROM introduction_fts WHERE rowid = old.id; END",
    ]
    statements += _external_triggers("conversation", ("summary", "notes"))
    statements += _external_triggers("next_step", ("text",))
    return statements


def tag_move_statements() -> list[str]:
    """Schema 3: a tag link changed in place (moved to another person by a merge, or pointed at
    another tag) re-indexes the people on both sides; before, only adding and removing a link did."""
    return [
        "CREATE TRIGGER person_tag_fts_au AFTER UPDATE OF person_id, tag_id ON person_tag "
        "WHEN old.person_id IS NOT new.person_id OR old.tag_id IS NOT new.tag_id "
        f"BEGIN {_refresh_person('old.person_id')} {_refresh_person('new.person_id')} END",
    ]


def rebuild_statements() -> list[str]:
    """Fill (or refill) the index from the journal's tables."""
    return [
        "DELETE FROM person_fts",
        "INSERT INTO person_fts(rowid, name, organisation, role, notes, tags) "
        "SELECT id, name, organisation, role, notes, tags FROM person_search_source",
        "DELETE FROM introduction_fts",
        "INSERT INTO introduction_fts(rowid, introducer, target, notes) "
        "SELECT id, introducer, target, notes FROM introduction_search_source",
        "INSERT INTO conversation_fts(conversation_fts) VALUES ('rebuild')",
        "INSERT INTO next_step_fts(next_step_fts) VALUES ('rebuild')",
    ]


def create_index(database) -> None:
    """Create and fill the index (the schema step; call inside the migration's transaction)."""
    for statement in schema_statements() + rebuild_statements():
        database.execute_sql(statement)


def rebuild(database) -> None:
    with database.atomic():
        for statement in rebuild_statements():
            database.execute_sql(statement)


def optimize(database) -> None:
    """Merge the index's segments into one (after a big import)."""
    with database.atomic():
        for table in TABLES.values():
            database.execute_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")


# The per-row triggers a bulk insert of people and tag links sets aside (see below).
_BULK_DEFERRED = ("person_fts_ai", "person_tag_fts_ai", "job_fts_ai")


@contextlib.contextmanager
def person_index_deferred(database):
    """Insert many people and tag links with the people's index brought up to date once, at the end.

    Row by row, `person_fts_ai` and `person_tag_fts_ai` delete and re-insert an index row each
    time, and FTS5 flushes a segment at every switch between the two (a 25,000-person import
    spent ~0.6 s there). Inside a savepoint this drops those two triggers, lets the block
    insert, indexes every person added since the start and every person who gained a tag in
    one INSERT ... SELECT, and re-creates the triggers with their exact stored SQL, all in the
    transaction already open (or one of its own). An exception rolls that back: rows, index and
    triggers are as they were. Other triggers (updates, deletes) stay in force throughout.
    """
    with joined(database):
        last_person = database.execute_sql("SELECT coalesce(max(id), 0) FROM person").fetchone()[0]
        last_link = database.execute_sql("SELECT coalesce(max(rowid), 0) FROM person_tag").fetchone()[0]
        last_job = database.execute_sql("SELECT coalesce(max(id), 0) FROM job").fetchone()[0]
        marks = ", ".join("?" * len(_BULK_DEFERRED))
        triggers = database.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", _BULK_DEFERRED
        ).fetchall()
        for name, _sql in triggers:
            database.execute_sql(f'DROP TRIGGER "{name}"')
        yield
        tagged = (
            f"SELECT person_id FROM person_tag WHERE rowid > {int(last_link)} "
            f"UNION SELECT person_id FROM job WHERE id > {int(last_job)}"
        )
        changed = f"SELECT id FROM person WHERE id > {int(last_person)} UNION {tagged}"
        database.execute_sql(f"DELETE FROM person_fts WHERE rowid > {int(last_person)}")
        database.execute_sql(f"DELETE FROM person_fts WHERE rowid IN ({tagged})")
        database.execute_sql(
            "INSERT INTO person_fts(rowid, name, organisation, role, notes, tags) "
            f"SELECT id, name, organisation, role, notes, tags FROM person_search_source WHERE id IN ({changed})"
        )
        for _name, sql in triggers:
            database.execute_sql(sql)


# --- queries ---------------------------------------------------------------------------------

# What unicode61 keeps as parts of a token: letters, digits and private-use characters. Anything
# else (punctuation, quotes, operators, '*', '+') only separates tokens.
_TOKEN = re.compile(r"[^\W_]+")


def query_terms(text: str) -> list[tuple[list[str], bool]]:
    """What the user typed as phrases: (words, is_prefix) for each whitespace-separated chunk.

    Only the chunk being typed (the last, unless the text ends with a space) is a prefix; the
    words before it are complete and matched as they are, which is both what was meant and far
    cheaper than merging the postings of every word that starts like a common one. A one-letter
    word is never a prefix (it would match most of a big journal): a lone one ("c++", an
    initial) is matched exactly, and one that ends a chunk being typed ("O'B") is left out
    until its next letter arrives.
    """
    chunks = [(_TOKEN.findall(chunk), False) for chunk in (text or "").split()]
    chunks = [(words, False) for words, _ in chunks if words]
    if chunks and text and not text[-1].isspace():
        words, _ = chunks[-1]
        if len(words[-1]) > 1:
            chunks[-1] = (words, True)
        elif len(words) > 1:
            chunks[-1] = (words[:-1], False)
    return chunks


def match_expression(text: str) -> str | None:
    """A safe FTS5 MATCH expression for what a user typed, or None when it holds no word.

    Each whitespace-separated chunk becomes one quoted phrase, with a prefix star as described in
    query_terms, so "O'Brien" is the phrase "O Brien"* and "c++" is "c". Only letters and digits
    ever reach the expression, always inside double quotes, so FTS5's syntax (AND, OR, NOT, NEAR,
    quotes, parentheses, column filters, '*', '^') can never be produced by input.
    """
    parts = ['"' + " ".join(words) + '"' + ("*" if prefix else "") for words, prefix in query_terms(text)]
    return " ".join(parts) or None


def _fold(word: str) -> str:
    """Lower case without diacritics, as the tokenizer sees a word."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _CharFolds(dict):
    """Code point -> the character it folds to (as _fold folds a word), filled as characters are
    met; a character that folds to more or fewer than one character, or stops or starts being
    part of a word by folding, maps to two NULs so that the text's length gives it away."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _fold(ch)
        same = len(folded) == 1 and (_TOKEN.fullmatch(ch) is None) == (_TOKEN.fullmatch(folded) is None)
        value = self[code] = folded if same else "\0\0"
        return value


_CHAR_FOLDS = _CharFolds({code: chr(code).lower() for code in range(128)})


def _folded_text(text: str) -> str | None:
    """`text` with every character folded, position for position, so that its words are the
    folded words of `text` where they are in `text`; None when folding would move them."""
    if text.isascii():
        return text.lower()
    folded = text.translate(_CHAR_FOLDS)
    return folded if len(folded) == len(text) else None


@functools.lru_cache(maxsize=64)
def _phrases(query: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The query's phrases with their words folded (kept for the few queries a keystroke marks
    dozens of titles and snippets with)."""
    return tuple((tuple(_fold(w) for w in words), prefix) for words, prefix in query_terms(query))


def _ends_match(spans, j: int, words: list[str], prefix: bool) -> bool:
    """Whether the phrase `words` ends at token j."""
    n = len(words)
    if j + 1 < n:
        return False
    for k, w in enumerate(words):
        token = spans[j - n + 1 + k][2]
        if not (token.startswith(w) if (prefix and k == n - 1) else token == w):
            return False
    return True


def _matched(spans: list[tuple[int, int, str]], query: str) -> list[bool]:
    """Which tokens of a text belong to a match of one of the query's phrases."""
    hits = [False] * len(spans)
    phrases = _phrases(query)
    for j in range(len(spans)):
        for words, prefix in phrases:
            if _ends_match(spans, j, words, prefix):
                hits[j - len(words) + 1 : j + 1] = [True] * len(words)
    return hits


def _render(text: str, spans, hits, first: int, last: int) -> str:
    """Tokens first..last of `text` with runs of matched tokens (and what joins them) marked."""
    out = []
    cursor = spans[first][0]
    open_mark = False
    for i in range(first, last + 1):
        start, end, _word = spans[i]
        if open_mark and not hits[i]:
            out.append(MARK_END)
            open_mark = False
        out.append(text[cursor:start])
        if hits[i] and not open_mark:
            out.append(MARK_START)
            open_mark = True
        out.append(text[start:end])
        cursor = end
        if open_mark and (i == last or not hits[i + 1] or " " in text[end : spans[i + 1][0]]):
            out.append(MARK_END)
            open_mark = False
    return "".join(out)


def mark_matches(text: str, query: str) -> str:
    """`text` with MARK_START/MARK_END around the words that match what the user typed."""
    folded = _folded_text(text)
    if folded is not None:
        spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
    else:
        spans = [(m.start(), m.end(), _fold(m.group())) for m in _TOKEN.finditer(text)]
    if not spans:
        return text
    hits = _matched(spans, query)
    return text[: spans[0][0]] + _render(text, spans, hits, 0, len(spans) - 1) + text[spans[-1][1] :]


def _first_match_at(folded: str, phrases) -> int:
    """Where the first match of any phrase starts in a folded text (_folded_text), or -1: a
    regular expression per phrase, with the tokens' boundaries."""
    first = -1
    for words, prefix in phrases:
        pattern = r"(?<![^\W_])" + r"(?![^\W_])[\W_]+".join(re.escape(w) for w in words)
        found = re.search(pattern if prefix else pattern + r"(?![^\W_])", folded)
        if found is not None and (first < 0 or found.start() < first):
            first = found.start()
    return first


def _scan(text: str, phrases, start: int, stop: int, tokens: int, lowered: str | None = None, at: int = -1):
    """Tokens of `text` from `start` with which belong to a match, up to `tokens` past the first
    match (or to `stop`); and the first match's token. An ASCII text's `lowered` copy is its
    tokens folded already; no match ends in a token that ends before `at`, where the first
    match starts."""
    spans: list[tuple[int, int, str]] = []
    hits: list[bool] = []
    first_hit = -1
    source = text if lowered is None else lowered
    for j, m in enumerate(_TOKEN.finditer(source, start)):
        end = m.end()
        spans.append((m.start(), end, m.group() if lowered is not None else _fold(m.group())))
        hits.append(False)
        if end <= at:
            continue
        for words, prefix in phrases:
            if _ends_match(spans, j, words, prefix):
                hits[j - len(words) + 1 : j + 1] = [True] * len(words)
                if first_hit < 0:
                    first_hit = j - len(words) + 1
                    stop = first_hit + tokens
        if 0 <= stop <= j:
            break
    return spans, hits, first_hit


def make_snippet(text: str, query: str, tokens: int = 12) -> str:
    """About `tokens` words of `text` from just before its first match, marked like FTS5's
    snippet(); for tables whose ranking query cannot also call snippet().

    Reads the text only as far as the window needs, so long notes cost little: in ASCII text
    the first match is found by a regular expression and the words are read from shortly
    before it (what the window shows is the same as reading from the start).
    """
    phrases = _phrases(query)
    stop = -1  # the last token to read: set once the first match is found
    start = 0
    ahead = -1  # where reading can start, shortly before the first match
    lowered, at = _folded_text(text), -1
    if text.isascii():  # jump near the first possible match
        found = [i for i in (lowered.find(words[0]) for words, _prefix in phrases) if i >= 0]
        at = _first_match_at(lowered, phrases) if found else -1
        if found and min(found) > 120:
            start = text.rfind(" ", 0, min(found) - 60) + 1
    elif lowered is not None:
        at = _first_match_at(lowered, phrases)
    if lowered is not None:
        if at < 0:
            stop = tokens - 1  # no match: the opening words (or those after the jump above)
        elif at > 120:
            ahead = max(start, text.rfind(" ", 0, at - 60) + 1)
    spans = hits = None
    if ahead > start:
        spans, hits, first_hit = _scan(text, phrases, ahead, stop, tokens, lowered, at)
        if first_hit < 3:  # fewer than three words before the match: read as from `start`
            spans = None
        else:
            start = ahead
    if spans is None:
        spans, hits, first_hit = _scan(text, phrases, start, stop, tokens, lowered, at)
    if not spans:
        return ""
    best = max(0, first_hit - 3) if first_hit >= 0 else 0  # no match: the text's opening words
    last = min(len(spans), best + tokens) - 1
    more = last < len(spans) - 1 or spans[-1][1] < len(text.rstrip())
    body = _render(text, spans, hits, best, last)
    before = best > 0 or start > 0
    return (ELLIPSIS if before else "") + " ".join(body.split()) + (ELLIPSIS if more else "")


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    score: float  # bm25: lower is better
    snippet: str


# Markers around matched words in snippets; private-use characters nobody types, so the UI can
# escape the text and then turn the markers into highlighting.
MARK_START = "\ue000"
MARK_END = "\ue001"
ELLIPSIS = "…"


def _snippet_sql(kind: str, tokens: int) -> str:
    table = TABLES[kind]
    return f"snippet({table}, -1, '{MARK_START}', '{MARK_END}', '{ELLIPSIS}', {tokens})"


def _rank_sql(kind: str) -> str:
    weights = ", ".join(str(w) for w in WEIGHTS[kind])
    return f"bm25({TABLES[kind]}, {weights})"


def search_sql(kind: str, *, snippet_tokens: int = 12) -> str:
    """The statement that finds the best `?` rows of `kind` for MATCH expression `?`, with a
    snippet of each. Parameters: (expression, limit)."""
    table = TABLES[kind]
    return (
        f"SELECT rowid, {_rank_sql(kind)} AS score, {_snippet_sql(kind, snippet_tokens)} "
        f"FROM {table} WHERE {table} MATCH ? ORDER BY score LIMIT ?"
    )


def recent_search_sql(kind: str) -> str:
    """Like search_sql, but ranking only the newest `?` matches, and without a snippet.

    Parameters: (expression, cap, limit). A two-letter prefix or a common word can match most of
    two hundred thousand conversations; walking the matches newest first (FTS5 reads its index in
    rowid order) and ranking only the first `cap` bounds a keystroke's cost. Auxiliary functions
    cannot run outside the FTS5 cursor, so the caller makes the snippet (make_snippet).
    """
    table = TABLES[kind]
    return (
        f"SELECT rowid, score FROM (SELECT rowid, {_rank_sql(kind)} AS score FROM {table} "
        f"WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT ?"
    )


def search(database, expression: str, kind: str, limit: int, *, cap: int | None = None) -> list[Hit]:
    """The best `limit` hits of `kind` for a MATCH expression (from match_expression).

    With `cap`, only the newest `cap` matches are ranked and the snippets are left empty.
    """
    if cap:
        cursor = database.execute_sql(recent_search_sql(kind), (expression, cap, limit))
        return [Hit(kind, row[0], row[1], "") for row in cursor.fetchall()]
    cursor = database.execute_sql(search_sql(kind), (expression, limit))
    return [Hit(kind, row[0], row[1], row[2]) for row in cursor.fetchall()]


def ranked_ids(database, expression: str, kind: str) -> list[int]:
    """Every matching id of `kind`, best first (the People filter's order)."""
    table = TABLES[kind]
    cursor = database.execute_sql(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY {_rank_sql(kind)}", (expression,)
    )
    return [row[0] for row in cursor.fetchall()]


_DESCRIBE = {
    "person": "SELECT p.id, p.name, o.name FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "
    "WHERE p.id IN ({ids})",
    "conversation": "SELECT c.id, c.occurred_at, c.summary, c.notes, "
    "(SELECT group_concat(p.name, ', ') FROM participant pa JOIN person p ON p.id = pa.person_id "
    "WHERE pa.conversation_id = c.id) FROM conversation c WHERE c.id IN ({ids})",
    "introduction": "SELECT i.id, i.stage, a.name, b.name FROM introduction i JOIN person a ON a.id = i.introducer_id "
    "JOIN person b ON b.id = i.target_id WHERE i.id IN ({ids})",
    "next_step": "SELECT id, text, due_date, done_at FROM next_step WHERE id IN ({ids})",
}


def describe(database, kind: str, ids: list[int]) -> list[tuple]:
    """What a result list shows of the rows `ids` of `kind`, in one query (rows as tuples)."""
    if not ids:
        return []
    sql = _DESCRIBE[kind].format(ids=", ".join("?" * len(ids)))
    return database.execute_sql(sql, list(ids)).fetchall()
