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


UI = Path(__file__).resolve().parents[1] / "journal" / "ui"


def _literal_calls() -> list[tuple[str, int, str]]:
    """(file, line, text) of every string literal handed straight to a translating call in the
    window's code: self.tr("..."), translate("Context", "...") and the modules' own _tr("...")."""
    import ast

    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = {"tr": 0, "_tr": 0, "translate": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            argument = node.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append((str(path.relative_to(UI.parent.parent)), node.lineno, argument.value))
    return found


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.stem)
def test_every_string_the_window_translates_is_in_the_catalogue(path):
    """A string passed to a helper that lupdate cannot follow is never extracted, so it stays
    English in every language: each literal must reach the catalogue."""
    sources = {source for _context, source, _translation in _messages(path)}
    missing = [(file, line, text) for file, line, text in _literal_calls() if text not in sources]
    assert missing == []
