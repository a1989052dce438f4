"""Names versus descriptions of someone not yet known by name."""

from __future__ import annotations

import pytest

from journal.domain.names import is_description


@pytest.mark.parametrize(
    "text",
    [
        "Dana's sister-in-law, CMO at AAMC",
        "Dana’s boss",
        "Lee's cofounder",
        "CMO at AAMC, ex-McKinsey",
        "  someone's   friend ",
    ],
)
def test_descriptions(text):
    assert is_description(text)


@pytest.mark.parametrize("text", ["Dana Smith", "Seán O'Brien", "D'Angelo Russell", "James", "", "   "])
def test_names(text):
    assert not is_description(text)
