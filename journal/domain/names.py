"""Telling a person's name from a description of someone not yet known by name."""

from __future__ import annotations

import re

# "Dana's sister-in-law", "Dana’s boss": a possessive followed by more words.
_POSSESSIVE = re.compile(r"\w['’]s\s+\S")


def is_description(text: str) -> bool:
    """True when `text` reads like a description rather than a name.

    "Dana's sister-in-law, CMO at AAMC" and "CMO at AAMC, ex-McKinsey" are descriptions (a
    possessive "'s " or a comma); "Dana Smith" and "Seán O'Brien" are names. The command line
    uses it to make such an offered contact a placeholder person, to be filled in later.
    """
    text = " ".join((text or "").split())
    return "," in text or bool(_POSSESSIVE.search(text))
