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
