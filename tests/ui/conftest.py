from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def context(db, journal_path, clock, tmp_path, qapp):
    """An AppContext over the test journal, with settings in a temporary ini file."""
    from journal.ui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(journal_path=journal_path, settings=settings, clock=clock)
    yield ctx
    ctx.signals.detach()


@pytest.fixture
def host(qtbot, context):
    """`host(view)`: the view alone in a main window (its Edit menu, Undo bar and status line),
    shown and active, as the app has it. Returns the window."""

    def make(view, size=(1100, 700)):
        from PySide6.QtWidgets import QApplication

        from journal.ui.main_window import MainWindow

        window = MainWindow(context)
        qtbot.addWidget(window)
        window.add_view("view", "View", view)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make
