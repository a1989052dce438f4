"""Start-up in stages: the window paints, then the journal opens and the first view fills in."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.ui.main_window import MainWindow


def _args(path) -> argparse.Namespace:
    return argparse.Namespace(db=path, demo=False, log=False, minimized=False)


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


@pytest.fixture
def run(qapp):
    """run_gui in this process; windows it leaves behind are closed afterwards."""
    from journal.app import run_gui

    yield run_gui
    import shiboken6

    for window in _main_windows():  # gone at once, as with the process, with what hangs off it
        window.context.signals.detach()
        shiboken6.delete(window)


@pytest.fixture
def quit_once_open(monkeypatch):
    """Quit the app as soon as the journal is open and the first view is in; returns what the
    window was like just before the journal opened."""
    import journal.services.upkeep.maintenance as maintenance

    before: dict = {}
    real_open = maintenance.open_session

    def open_session(path, **kwargs):
        [window] = _main_windows()
        before["visible"] = window.isVisible()
        before["today_built"] = "today" not in window._factories
        database = real_open(path, **kwargs)
        QTimer.singleShot(0, lambda: QApplication.instance().exit(0))  # once the first view is in
        return database

    monkeypatch.setattr(maintenance, "open_session", open_session)
    return before


def test_the_window_paints_before_the_journal_opens_and_then_shows_today(run, journal_path, quit_once_open):
    assert run(_args(journal_path)) == 0
    assert quit_once_open == {"visible": True, "today_built": False}
    [window] = _main_windows()
    assert window.current_key() == "today"
    assert window.sidebar.currentRow() == 0
    assert window.view("today").heading.text().startswith("Today")


def test_a_file_that_is_not_a_journal_is_refused_with_a_message_and_status_1(run, tmp_path, monkeypatch, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n" * 100)
    before = path.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert run(_args(path)) == 1
    assert len(shown) == 1 and "notes.txt" in shown[0]
    assert "notes.txt" in capsys.readouterr().err
    assert path.read_bytes() == before  # left exactly as it was
    import gc

    assert gc.isenabled()  # the collector paused for the start runs again after a refusal


def test_the_cyclic_collector_waits_until_today_has_painted_then_runs_again(run, journal_path, monkeypatch):
    import gc

    import journal.app as app_module

    seen: dict = {}
    real_restore = app_module.restore_collector

    def restore():
        [window] = _main_windows()
        seen.setdefault("today_shown", window.current_key() == "today" and window.view("today").isVisible())
        seen.setdefault("paused_until_then", not gc.isenabled())
        real_restore()
        QTimer.singleShot(0, lambda: QApplication.instance().exit(0))

    monkeypatch.setattr(app_module, "restore_collector", restore)
    assert gc.isenabled()
    guard = QTimer()  # never restored: fail, not hang (stopped after, so as not to end a later test's loop)
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.instance().exit(3))
    guard.start(10_000)
    try:
        assert run(_args(journal_path)) == 0
    finally:
        guard.stop()
    assert seen == {"today_shown": True, "paused_until_then": True}
    assert gc.isenabled()


def test_pausing_the_collector_leaves_it_off_when_it_was_off_already():
    import gc

    from journal.app import pause_collector, restore_collector

    gc.disable()
    try:
        pause_collector()
        restore_collector()
        assert not gc.isenabled()  # not switched on by the start-up's restore
    finally:
        gc.enable()
    pause_collector()
    assert not gc.isenabled()
    frozen = gc.get_freeze_count()
    restore_collector()
    restore_collector()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen  # what the start made is left out of later collections


def test_the_window_opens_on_the_view_it_was_closed_on(run, journal_path, quit_once_open):
    from PySide6.QtCore import QSettings

    QSettings().setValue("window/view", "calendar")
    assert run(_args(journal_path)) == 0
    [window] = _main_windows()
    assert window.current_key() == "calendar"
    assert window.sidebar.currentRow() == window._keys.index("calendar")


FIRST_FRAME_PROBE = r"""
import enum, os, sys
from pathlib import Path
created = []
_create = enum.EnumType._create_
def watch(cls, name, *args, **kwargs):
    created.append(name)
    return _create(cls, name, *args, **kwargs)
enum.EnumType._create_ = watch
from PySide6.QtCore import QSettings
import journal.app
from journal.ui.context import AppContext
from journal.ui.first_paint import after_first_paint
app = journal.app.create_application()
window = journal.app.build_main_window(AppContext(journal_path=Path(sys.argv[1]), settings=QSettings()), first_view=False)
window.show()
def painted():
    print(" ".join(created), flush=True)
    os._exit(0)
after_first_paint(window, painted)
app.exec()
"""


def test_the_first_frame_does_not_build_the_qt_namespace(tmp_path):
    """PySide builds every enum of the `Qt` namespace (11 ms) when Python first touches it; the
    window's first frame must not (QAction.setShortcut, `Qt.` anywhere in the shell would)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE, str(tmp_path / "journal.sqlite3")],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    ).stdout.split()
    assert "ToolButtonStyle" not in out and "GlobalColor" not in out, out
    assert "MenuRole" in out  # the probe did see the shell's own types being built


def test_a_minimised_start_opens_the_journal_without_painting_first(run, journal_path, quit_once_open):
    args = _args(journal_path)
    args.minimized = True
    assert run(args) == 0
    assert quit_once_open["visible"] is False  # nothing flashes up before the tray decides
    [window] = _main_windows()
    assert window.current_key() == "today"  # the first view is built all the same
