"""Scanning in the window: File > Scan mail and calendars now (Ctrl+Shift+R) beside the sync's
actions, its progress and what it found in the status bar, a failing source told quietly (a
button in the status bar, never a dialog), and Preferences > Mail & calendars opened from it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolButton

from journal.desktop.scan_worker import ScanController
from journal.services.scan import sources
from journal.services.transaction import write
from tests.desktop.test_sync_worker import FakeTimers
from tests.services.scan.helpers import event, ics, message, person, write_mbox

SHOTS = "/tmp/work/shots"
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch):
    """A scan must never pop up a dialog: any that tries fails the test."""
    shown = []
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: shown.append((_n, a)))
    yield shown
    assert shown == []


@pytest.fixture
def window(qtbot, context):
    from journal.ui.main_window import MainWindow

    made = MainWindow(context)
    qtbot.addWidget(made)
    made.add_view("view", "View", QLabel("The journal"))
    made.resize(900, 500)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


@pytest.fixture
def timers():
    return FakeTimers()


@pytest.fixture
def scan(window, context, timers):
    from journal.ui.scan.actions import ScanActions

    opened = []
    actions = ScanActions(window, controller=ScanController(clock=context.clock, timers=timers),
                          open_sources=lambda: opened.append(True))
    actions.opened = opened
    actions.start()
    yield actions
    actions.stop()


@pytest.fixture
def mail(db, clock, tmp_path):
    now = clock.now()
    people = {"dana": person("Dana Smith", "dana@example.org"), "omar": person("Omar Haddad", "omar@example.com"),
              "sam": person("Sam Lee", "sam@example.net")}
    box = write_mbox(tmp_path / "Inbox", [
        message("Dana Smith <dana@example.org>", "me@example.com", now - 2 * DAY),
        message("me@example.com", "Sam <sam@example.net>", now - DAY),
    ])
    calendar = tmp_path / "work.ics"
    calendar.write_text(ics(event("a", now - DAY, attendees=("omar@example.com",)),
                            event("b", now + 2 * DAY, attendees=("dana@example.org",))))
    with write():
        sources.add_source("mbox", str(box))
        sources.add_source("calendar", str(calendar))
    return people


def status(window) -> QToolButton:
    return window.findChild(QToolButton, "scanStatus")


def press_scan(qtbot, window, scan):
    with qtbot.waitSignal(scan.controller.scan_done, timeout=10000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return blocker.args[0]


def test_ctrl_shift_r_scans_and_the_status_bar_says_what_was_found(qtbot, window, scan, mail):
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    report = press_scan(qtbot, window, scan)
    assert report.mail_people == 2 and report.meetings == 2
    assert messages[0] == "Scanning mail and calendars…"
    assert "Reading Inbox…" in messages and "Reading work.ics…" in messages
    assert window.statusBar().currentMessage() == "E-mail with 2 people, 2 meetings"
    assert not status(window).isVisible()  # nothing failing: no button
    QApplication.processEvents()
    window.grab().save(f"{SHOTS}/scan_status_found.png")


def test_the_action_sits_with_the_sync_actions_in_the_file_menu(qtbot, window, context, timers):
    from journal.desktop.sync_worker import SyncController
    from journal.ui.scan.actions import ScanActions
    from journal.ui.sync.actions import SyncActions

    sync = SyncActions(window, controller=SyncController(clock=context.clock, timers=FakeTimers()))
    scan = ScanActions(window, controller=ScanController(clock=context.clock, timers=timers))
    names = [a.objectName() for a in window.file_menu.actions() if not a.isSeparator()]
    assert names[names.index("syncAccounts") + 1] == "scanNow"
    assert scan.scan_action.text() == "Scan &mail and calendars now"
    assert scan.scan_action.shortcut().toString() == "Ctrl+Shift+R"
    shortcuts = [s.toString() for a in window.findChildren(type(scan.scan_action)) if a is not scan.scan_action
                 for s in a.shortcuts()]
    assert "Ctrl+Shift+R" not in shortcuts  # no other action of the window has it
    sync.stop()


def test_nothing_to_scan_is_said_when_asked_and_not_in_the_background(qtbot, window, scan, timers, db):
    press_scan(qtbot, window, scan)
    assert window.statusBar().currentMessage().startswith("Nothing to scan: add a calendar or a mailbox")
    window.statusBar().showMessage("Exported 3 to-do(s)")
    with qtbot.waitSignal(scan.controller.scan_done, timeout=10000):
        timers.advance(3600)  # the half-hourly scan
    assert window.statusBar().currentMessage() == "Exported 3 to-do(s)"  # left alone


def test_a_failing_source_shows_in_the_status_bar_without_a_dialog(qtbot, window, scan, mail, tmp_path):
    with write():
        gone = sources.add_source("calendar", str(tmp_path / "gone.ics"))
    report = press_scan(qtbot, window, scan)
    assert [r.source_id for r in report.failures] == [gone.id]
    text = window.statusBar().currentMessage()
    assert text == "E-mail with 2 people, 2 meetings · gone.ics could not be read"
    button = status(window)
    assert button.isVisible() and button.text() == "Scan: gone.ics could not be read"
    assert f"{tmp_path / 'gone.ics'} cannot be read" in button.toolTip()
    QApplication.processEvents()
    assert button.width() >= button.sizeHint().width()
    window.grab().save(f"{SHOTS}/scan_status_error.png")
    # Clicking it opens the sources; once the file is there, the next scan clears it.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert scan.opened == [True]
    (tmp_path / "gone.ics").write_text(ics())
    press_scan(qtbot, window, scan)
    assert not status(window).isVisible()


def test_a_background_scan_that_found_nothing_new_says_nothing(qtbot, window, scan, mail, timers):
    press_scan(qtbot, window, scan)
    window.statusBar().clearMessage()
    with qtbot.waitSignal(scan.controller.scan_done, timeout=10000):
        timers.advance(3600)
    assert window.statusBar().currentMessage() == ""


def test_preferences_has_the_mail_and_calendars_tab_opened_from_the_status_bar(qtbot, context, tmp_path):
    from journal.desktop.autostart import Autostart
    from journal.ui.main_window import MainWindow
    from journal.ui.scan.sources_page import SourcesPage
    from journal.ui.tray.integration import DesktopIntegration

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.add_view("view", "View", QLabel("The journal"))
    desktop = DesktopIntegration(window, tray_available=False, autostart=Autostart("linux", config_home=tmp_path / "c"))
    try:
        assert "scanNow" in [a.objectName() for a in window.file_menu.actions()]
        desktop.scan.status.open_requested.emit()
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "preferencesDialog" and w.isVisible())
        assert isinstance(dialog.tabs.currentWidget(), SourcesPage)
        assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
            "&General", "Accou&nts", "Ma&il && calendars"]
        dialog.reject()
    finally:
        desktop.stop()
        QApplication.setQuitOnLastWindowClosed(True)
