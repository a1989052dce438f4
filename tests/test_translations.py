"""The shipped catalogues: every message translated, with the same placeholders, markup, line
breaks and mnemonic as its English source (a slip there would break a format() call or a label
at runtime), and the compiled .qm shipped beside each."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
CATALOGUES = sorted(TRANSLATIONS.glob("contact_journal_*.ts"))


def _shape(text: str) -> tuple:
    return (
        sorted(re.findall(r"\{\w*\}", text)),
        text.count("%s"),
        sorted(re.findall(r"</?\w+>", text)),
        text.count("\n"),
        text.count("&") - text.count("&&") * 2 > 0,  # a mnemonic, if the source has one
    )


def _messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.stem)
def test_every_message_is_translated_with_its_placeholders(path):
    unfinished, mismatched = [], []
    for context, source, translation in _messages(path):
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished") or not translation.text:
            unfinished.append((context, source))
        elif _shape(source) != _shape(translation.text):
            mismatched.append((context, source, translation.text))
    assert unfinished == []
    assert mismatched == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.stem)
def test_the_compiled_catalogue_is_shipped_beside_its_source(path):
    compiled = path.with_suffix(".qm")
    assert compiled.exists() and compiled.stat().st_size > 1000
