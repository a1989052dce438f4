"""PySide still tells modules that name PySide6 from those that do not, without keeping their
source lines in memory."""

from __future__ import annotations

import importlib
import linecache
import sys

from journal.ui import source_scan


def _feature():
    return sys.modules["shibokensupport.feature"]


def test_a_module_imported_afterwards_is_judged_without_its_lines_kept(tmp_path, monkeypatch):
    source_scan.install()
    (tmp_path / "cj_uses_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "cj_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        uses = importlib.import_module("cj_uses_qt")
        plain = importlib.import_module("cj_plain")
        assert _feature()._mod_uses_pyside(uses) is True
        assert _feature()._mod_uses_pyside(plain) is False
        assert _feature()._mod_uses_pyside(sys) is False  # built in: no file
        assert uses.__file__ not in linecache.cache and plain.__file__ not in linecache.cache
    finally:
        sys.modules.pop("cj_uses_qt", None)
        sys.modules.pop("cj_plain", None)


def test_installing_twice_keeps_one_hook():
    source_scan.install()
    hook = _feature()._mod_uses_pyside
    source_scan.install()
    assert _feature()._mod_uses_pyside is hook
