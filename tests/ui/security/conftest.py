from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

PASSPHRASE = "lantern orchard 47"


@pytest.fixture(autouse=True)
def _no_passphrase_in_the_environment(monkeypatch):
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE", raising=False)


def fingerprint(path: Path) -> dict[str, str | None]:
    """The journal and its companions, byte for byte (None: not there)."""
    out = {}
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        file = Path(name)
        out[file.name] = hashlib.sha256(file.read_bytes()).hexdigest() if file.exists() else None
    return out


@pytest.fixture
def encrypted_journal(journal_path, clock):
    """A closed encrypted journal (passphrase PASSPHRASE) with Dana Whitfield and a step due today."""
    import datetime as dt

    from journal.services.agenda import next_steps
    from journal.services.people.records import add_person
    from journal.store import encryption
    from journal.store.db import open_journal

    database = open_journal(journal_path)
    add_person("Dana Whitfield", clock=clock)
    next_steps.add("Send Dana the deck", due=dt.date(2026, 3, 11), clock=clock)
    database.close()
    encryption.encrypt(journal_path, PASSPHRASE)
    return journal_path


@pytest.fixture
def opened(encrypted_journal):
    """The encrypted journal open (with its key), as the window has it after unlocking."""
    from journal.desktop.lock import unlock
    from journal.services.upkeep.maintenance import open_session

    database = open_session(encrypted_journal, key=unlock(encrypted_journal, PASSPHRASE), auto_backup=False)
    yield database
    from journal.store.models import DB

    if DB.obj is not None and not DB.obj.is_closed():
        DB.obj.close()


@pytest.fixture
def make_desktop(qtbot, qapp, clock, tmp_path, monkeypatch):
    """make_desktop(path, database): the main window (Today and the Calendar) with its desktop
    integration over the open journal, shown and active; tray messages collected in `.notes`."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journal.desktop.autostart import Autostart
    from journal.desktop.lock import JournalAccess
    from journal.ui.calendar.calendar_view import CalendarView
    from journal.ui.context import AppContext
    from journal.ui.main_window import MainWindow
    from journal.ui.today.today_view import TodayView
    from journal.ui.tray.integration import DesktopIntegration

    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda widget, ms=0: None))
    made = []

    def make(path, database):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        context = AppContext(journal_path=path, settings=settings, clock=clock)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.add_view("today", "Today", TodayView(context))
        window.add_view("calendar", "Calendar", CalendarView(context))
        access = JournalAccess(path, database)
        desktop = DesktopIntegration(window, tray_available=True, autostart=Autostart("linux", config_home=tmp_path / "cfg"),
                                     access=access)
        desktop.notes = []
        monkeypatch.setattr(desktop.tray, "notify", lambda title, text, *a: desktop.notes.append((title, text)) or True)
        desktop.tray.notifications.use(None)  # no desktop notification service: tray messages
        window.resize(900, 600)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        desktop.start()
        made.append((desktop, context))
        return desktop

    yield make
    for desktop, context in made:
        desktop.stop()
        context.signals.detach()
    QApplication.setQuitOnLastWindowClosed(True)


@pytest.fixture
def desktop(make_desktop, opened, encrypted_journal):
    return make_desktop(encrypted_journal, opened)
