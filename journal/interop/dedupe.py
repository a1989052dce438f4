"""Who is the same person: shared keys decide; close names at one organisation are only offered.

Keys are normalised e-mail addresses, phone numbers (E.164), LinkedIn addresses and vCard UIDs.
Names are compared accent-folded and order-free ("Perez, Ana" = "Ana Pérez") with rapidfuzz,
only among people of the same organisation (the blocking key), so the work stays small.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

REVIEW_SCORE = 85
# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "þ": "th",
                          "ß": "ss", "æ": "ae", "œ": "oe"})
_PUNCT = re.compile(r"[^\w\s]+")
_ORG_SUFFIXES = {"inc", "ltd", "llc", "gmbh", "ag", "sa", "sas", "bv", "plc", "co", "corp", "corporation", "limited", "company"}


class _KeepBaseLetters(dict):
    """A str.translate table dropping combining marks (accents), filled in as characters come."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_MARKS = _KeepBaseLetters()


def _words(text: str) -> list[str]:
    """The words of `text` lower-cased, accents dropped, punctuation between words."""
    if text.isascii():  # nothing to decompose or translate
        return _PUNCT.sub(" ", text.lower()).split()
    plain = unicodedata.normalize("NFKD", text).translate(_DROP_MARKS)
    return _PUNCT.sub(" ", plain.casefold().translate(_LETTERS)).split()


def fold(text: str) -> str:
    """Lower-case, accents dropped, punctuation to spaces, spaces squeezed."""
    return " ".join(_words(text))


def name_key(name: str) -> str:
    """Folded, with the words sorted, so "Perez, Ana" and "Ana Pérez" share one key."""
    return " ".join(sorted(_words(name)))


def org_key(name: str) -> str:
    words = _words(name)
    while len(words) > 1 and words[-1] in _ORG_SUFFIXES:
        words.pop()
    return " ".join(words)


@dataclass
class Entry:
    """What the index knows of one person (an existing one, or one new in this import)."""

    ref: object
    name: str
    organisation: str = ""
    keys: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Match:
    ref: object
    reason: str
    score: int = 100


class DedupeIndex:
    """Who is known by which key, name and organisation; refs are whatever the caller uses.

    The methods taking `nkey` and `okey` are for callers that match many rows: they fold each
    name and organisation once (`folded`, which remembers every distinct value it has seen in
    this index) and pass the folded keys to `same_folded`, `close_folded` and `add_folded`.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, object] = {}
        self._by_name_org: dict[tuple[str, str], object] = {}
        # organisation key -> (refs, their name keys, ref -> position), in the order added: the
        # name keys stay a list, so a close-name search hands rapidfuzz the block as it is.
        self._blocks: dict[str, tuple[list[object], list[str], dict[object, int]]] = {}
        self._name_keys: dict[str, str] = {}
        self._org_keys: dict[str, str] = {}
        self._word_folds: dict[str, list[str]] = {}
        # rapidfuzz is loaded by the first index, not by every module that folds a name (the
        # agenda's job changes do, and they are read for the window's first view).
        from rapidfuzz import fuzz, process

        self._extract_one, self._ratio = process.extractOne, fuzz.ratio

    def folded(self, name: str, organisation: str) -> tuple[str, str]:
        """(name_key(name), org_key(organisation)), each worked out once per distinct value."""
        nkey = self._name_keys.get(name)
        if nkey is None:
            nkey = self._name_keys[name] = self._name_key(name)
        okey = self._org_keys.get(organisation)
        if okey is None:
            okey = self._org_keys[organisation] = org_key(organisation)
        return nkey, okey

    def _name_key(self, name: str) -> str:
        """name_key(name), folding each distinct word once: a journal's many names are made of
        far fewer first and last names. Folding is the same word by word, since no punctuation
        or accent reaches across white space."""
        folds = self._word_folds
        words: list[str] = []
        for word in name.split():
            folded = folds.get(word)
            if folded is None:
                folded = folds[word] = _words(word)
            words += folded
        words.sort()
        return " ".join(words)

    def add(self, ref: object, name: str, organisation: str, keys) -> None:
        self.add_folded(ref, *self.folded(name, organisation), keys)

    def add_folded(self, ref: object, nkey: str, okey: str, keys) -> None:
        by_key = self._by_key
        for key in keys:
            if key not in by_key:
                by_key[key] = ref
        if (nkey, okey) not in self._by_name_org:
            self._by_name_org[nkey, okey] = ref
        if okey:
            block = self._blocks.get(okey)
            if block is None:
                self._blocks[okey] = ([ref], [nkey], {ref: 0})
            else:
                refs, nkeys, at = block
                where = at.get(ref)
                if where is None:
                    at[ref] = len(refs)
                    refs.append(ref)
                    nkeys.append(nkey)
                else:  # a ref added again keeps its place and takes the newer name
                    nkeys[where] = nkey

    def add_keys(self, ref: object, keys) -> None:
        for key in keys:
            self._by_key.setdefault(key, ref)

    def same(self, name: str, organisation: str, keys: set[str]) -> Match | None:
        """The person these keys, or this exact name at this organisation, belong to."""
        return self.same_folded(*self.folded(name, organisation), keys, organisation)

    def same_folded(self, nkey: str, okey: str, keys, organisation: str) -> Match | None:
        by_key = self._by_key
        for key in sorted(keys) if len(keys) > 1 else keys:
            ref = by_key.get(key)
            if ref is not None:
                return Match(ref, f"same {describe_key(key)}")
        ref = self._by_name_org.get((nkey, okey))
        if ref is not None:
            return Match(ref, "same name and organisation" if organisation else "same name")
        return None

    def close(self, name: str, organisation: str) -> Match | None:
        """The closest name at the same organisation, when close enough to offer for review."""
        return self.close_folded(*self.folded(name, organisation), organisation)

    def close_folded(self, nkey: str, okey: str, organisation: str) -> Match | None:
        block = self._blocks.get(okey) if organisation else None
        if not block:
            return None
        # Keys are already folded with their words sorted, so plain ratio is token_sort_ratio.
        # The first of equally close names wins, in the order the people were added.
        # The block's name keys are kept as a list, which rapidfuzz reads as it is.
        refs, nkeys, _at = block
        found = self._extract_one(nkey, nkeys, scorer=self._ratio, score_cutoff=REVIEW_SCORE)
        if found is None:
            return None
        _key, score, at = found
        return Match(refs[at], f"close name at {organisation} ({round(score)}%)", round(score))


def linkedin_key(url: str) -> str:
    """A LinkedIn address without scheme, "www.", query or trailing slash, lower-cased."""
    text = url.strip().lower()
    if text.startswith("https://www."):  # how nearly every address is written
        text = text[12:]
    else:
        if text.startswith("https://"):
            text = text[8:]
        elif text.startswith("http://"):
            text = text[7:]
        if text.startswith("www."):
            text = text[4:]
    if "?" in text or "#" in text:
        text = text.split("?", 1)[0].split("#", 1)[0]
    text = text.rstrip("/")
    return text if "/" in text else ""


_KEY_KINDS = {"email": "e-mail", "phone": "phone", "linkedin": "LinkedIn", "uid": "UID"}


def describe_key(key: str) -> str:
    kind, _, value = key.partition(":")
    return f"{_KEY_KINDS.get(kind, kind)} {value}"


def duplicate_pairs(entries: list[Entry]) -> list[tuple[object, object, str, int]]:
    """Every pair of people that look like one: (a, b, reason, score), strongest first."""
    from rapidfuzz import fuzz, process

    pairs: dict[tuple[object, object], tuple[str, int]] = {}
    owner: dict[str, object] = {}
    for entry in entries:
        for key in sorted(entry.keys):
            other = owner.setdefault(key, entry.ref)
            if other != entry.ref:
                pairs.setdefault((other, entry.ref), (f"same {describe_key(key)}", 100))
    blocks: dict[str, list[Entry]] = {}
    folded = DedupeIndex().folded  # each distinct name and organisation folded once
    for entry in entries:
        okey = folded("", entry.organisation)[1]
        if okey:
            blocks.setdefault(okey, []).append(entry)
    for members in blocks.values():
        if len(members) < 2:
            continue
        keys = [folded(m.name, "")[0] for m in members]
        for i, key in enumerate(keys):
            later = {j: keys[j] for j in range(i + 1, len(keys))}
            for _choice, found, j in process.extract(
                key, later, scorer=fuzz.token_sort_ratio, score_cutoff=REVIEW_SCORE, limit=None
            ):
                a, b = members[i].ref, members[j].ref
                if (a, b) not in pairs and (b, a) not in pairs:
                    score = round(found)
                    reason = "same name" if score == 100 else f"close name ({score}%)"
                    pairs[(a, b)] = (f"{reason} at {members[i].organisation}", score)
    ordered = sorted(pairs.items(), key=lambda item: -item[1][1])
    return [(a, b, reason, score) for (a, b), (reason, score) in ordered]
