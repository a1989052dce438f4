"""`--self-test`: passes on a working installation, and each check can fail and says why."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal import cli
from journal.selftest import run_self_test
from journal.ui import icons

CHECKS = ["runtime", "platform", "resources", "sqlite", "encryption", "journal", "search", "sync", "scan", "insights", "icons", "translations", "calendar", "about"]


@pytest.fixture
def fresh_icons():
    icons.bundled_icon.cache_clear()
    icons.tray_icon.cache_clear()
    yield
    icons.bundled_icon.cache_clear()
    icons.tray_icon.cache_clear()


def _run() -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_self_test(out)
    return code, out.getvalue().splitlines()


def _status(lines: list[str]) -> dict[str, str]:
    return {line[6:].split(":", 1)[0]: line[:4].strip() for line in lines if line[:4] in ("ok  ", "FAIL")}


def test_passes_with_one_line_per_check(qapp, fresh_icons):
    code, lines = _run()
    assert code == 0, "\n".join(lines)
    assert _status(lines) == {name: "ok" for name in CHECKS}
    assert lines[-1] == f"self-test passed: {len(CHECKS)} checks"
    journal_line = next(line for line in lines if line.startswith("ok    journal:"))
    assert "Ada Lovelace -> Charles Babbage" in journal_line


def test_never_touches_the_users_data_folder(qapp, fresh_icons):
    data = Path(os.environ["CONTACT_JOURNAL_DATA_DIR"])
    assert _run()[0] == 0
    assert not data.exists()


def test_missing_resources_fail_resources_and_icons(qapp, fresh_icons, monkeypatch, tmp_path):
    import journal.paths

    monkeypatch.setattr(journal.paths, "resources_dir", lambda: tmp_path / "nothing-here")
    code, lines = _run()
    status = _status(lines)
    assert code == 1
    assert status["resources"] == status["icons"] == status["translations"] == "FAIL"
    assert status["journal"] == "ok"
    assert lines[-1].startswith("self-test FAILED: resources, icons, translations")


def test_a_search_that_misses_the_conversation_fails(qapp, fresh_icons, monkeypatch):
    import journal.services.search

    monkeypatch.setattr(journal.services.search, "search", lambda text, **kw: {})
    code, lines = _run()
    assert code == 1
    assert _status(lines)["search"] == "FAIL"
    assert any("not the conversation" in line for line in lines)


def test_an_offer_that_does_not_come_back_fails_the_journal_check(qapp, fresh_icons, monkeypatch):
    import journal.services.pipeline.introductions

    monkeypatch.setattr(journal.services.pipeline.introductions, "cards", lambda stages=None: [])
    code, lines = _run()
    assert code == 1
    assert _status(lines)["journal"] == "FAIL"
    assert any("not among the pipeline's cards" in line for line in lines)


def test_command_line_flag_runs_it_before_any_window(qapp, fresh_icons, capsys):
    assert cli.run(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "ok    calendar:" in out and out.rstrip().endswith("checks")


def test_a_fresh_process_picks_offscreen_itself_and_stays_quiet():
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "journal", "--self-test"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok    platform: QApplication on the 'offscreen' platform" in done.stdout
    assert done.stderr == ""


@pytest.mark.qt_log_ignore("Cannot read file .*broken.svg")
def test_a_broken_svg_fails_the_icons_check(qapp, fresh_icons, monkeypatch, tmp_path):
    import shutil

    import journal.paths

    copy = tmp_path / "resources"
    shutil.copytree(journal.paths.resources_dir(), copy)
    (copy / "icons" / "broken.svg").write_text("<svg this is not")
    monkeypatch.setattr(journal.paths, "resources_dir", lambda: copy)
    code, lines = _run()
    assert code == 1
    assert _status(lines)["icons"] == "FAIL"
    assert any("do not render: broken.svg" in line for line in lines)
