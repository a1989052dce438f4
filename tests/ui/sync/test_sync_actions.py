"""Sync in the window, against a real server: File > Sync now (F5), the status bar, the tray's
tooltip, the round's operation on the undo list, and failures told quietly (no dialogs)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolButton

from journal.desktop.sync_worker import ERROR, OFFLINE, PERIOD_S, SYNCED, SYNCING, SyncController, SyncState
from journal.services import operations
from journal.services.people import records as people
from journal.services.sync import secrets
from journal.services.sync.account import add_account, get_account
from journal.store.models import Person
from tests.desktop.test_sync_worker import FakeTimers
from tests.sync.servers import raw_request

SHOTS = "/tmp/work/shots"

PHONE_CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-card-1\r\nFN:Priya Raman\r\nN:Raman;Priya;;;\r\n"
    "EMAIL;TYPE=work:priya@example.com\r\nX-PHONE-APP-COLOUR:teal\r\nEND:VCARD\r\n"
)


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch):
    """A background failure must never pop up a dialog: any that tries fails the test."""
    shown = []
    for name in ("warning", "critical", "information"):
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
def sync(window, context, timers):
    from journal.ui.sync.actions import SyncActions

    actions = SyncActions(window, controller=SyncController(clock=context.clock, timers=timers))
    actions.start()
    yield actions
    actions.stop()


@pytest.fixture
def account(dav_server, db):
    info = add_account(dav_server.url, dav_server.user, dav_server.password)
    secrets.remember(info.url, info.user, dav_server.password)
    return info


def shoot(window, name):
    QApplication.processEvents()  # the status bar lays the new text out
    status = window.findChild(QToolButton, "syncStatus")
    assert status.width() >= status.sizeHint().width()
    window.grab().save(f"{SHOTS}/{name}.png")


def press_f5(qtbot, window, sync):
    with qtbot.waitSignal(sync.controller.state_changed, check_params_cb=lambda s: s.state != SYNCING, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    return sync.controller.state


def test_f5_syncs_and_the_status_bar_says_so(qtbot, window, sync, account, context):
    operations.run(people.create_person, "Dana Smith")
    assert not sync.status.isVisible()  # nothing said before the first round
    assert [a.text() for a in window.file_menu.actions() if a.objectName().startswith("sync")] == [
        "S&ync now", "Sync co&nflicts…", "Sync &accounts…"
    ]
    state = press_f5(qtbot, window, sync)
    assert state.state == SYNCED, state
    assert state.report.up == ["Dana Smith"]
    assert sync.status.isVisible() and sync.status.text() == "Synced 09:30"
    assert sync.tray_text() == "synced 09:30"
    assert get_account().last_sync_at == dt.datetime(2026, 3, 11, 9, 30)
    shoot(window, "status_bar_synced")
    assert sync.controller.timers.delay("round") == PERIOD_S


def test_what_comes_from_the_phone_can_be_undone(qtbot, window, sync, account, dav_server, context):
    put = raw_request(dav_server, "PUT", account.contacts_url + "phone-card-1.vcf", PHONE_CARD,
                      {"Content-Type": "text/vcard; charset=utf-8", "If-None-Match": "*"})
    assert put.status_code in (201, 204), put.text
    state = press_f5(qtbot, window, sync)
    assert state.state == SYNCED and state.report.down == ["Priya Raman"], state
    assert [p.name for p in Person.select()] == ["Priya Raman"]
    history = context.operations.history
    assert history.undo_label() == "Sync with server"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Person.select().count() == 0


def test_a_wrong_password_is_an_error_in_the_status_bar_not_a_dialog(qtbot, window, sync, account, no_dialogs):
    secrets.remember(account.url, account.user, "wrong")
    state = press_f5(qtbot, window, sync)
    assert state.state == ERROR
    assert sync.status.text() == "Sync error: The server refused the user name or password."
    assert "Sync now (F5) tries again." in sync.status.toolTip()
    assert sync.tray_text() == "sync error: The server refused the user name or password."
    shoot(window, "status_bar_error")
    assert sync.controller.paused and sync.controller.timers.pending == {}


def test_a_server_that_went_away_is_offline_and_tried_again(qtbot, window, sync, account, dav_server, timers):
    dav_server.stop()
    state = press_f5(qtbot, window, sync)
    assert state.state == OFFLINE, state
    assert sync.status.text() == "Offline, trying again at 09:30"  # 30 s on, the test clock does not move
    assert sync.tray_text().startswith("offline (Cannot reach 127.0.0.1")
    shoot(window, "status_bar_offline")
    dav_server.start()
    with qtbot.waitSignal(sync.controller.state_changed, check_params_cb=lambda s: s.state == SYNCED, timeout=20000):
        timers.advance(timers.delay("round"))


def test_f5_without_an_account_says_where_to_add_one(qtbot, window, sync, db):
    state = press_f5(qtbot, window, sync)
    assert state.state == "none"
    assert window.statusBar().currentMessage() == "Sync is not set up: add an account with File > Sync accounts…"
    assert not sync.status.isVisible()


def test_the_tray_tooltip_carries_the_sync_state(qtbot, context, tmp_path, db):
    from journal.desktop.autostart import Autostart
    from journal.ui.main_window import MainWindow
    from journal.ui.tray.integration import DesktopIntegration

    window = MainWindow(context)
    qtbot.addWidget(window)
    desktop = DesktopIntegration(window, tray_available=False, autostart=Autostart("linux", config_home=tmp_path / "cfg"))
    try:
        assert desktop.tray.icon.toolTip() == "Contact Journal — Nothing due"
        desktop.sync.controller.state_changed.emit(SyncState(SYNCED, last_sync_at=dt.datetime(2026, 3, 11, 9, 25)))
        assert desktop.tray.icon.toolTip() == "Contact Journal — Nothing due · synced 09:25"
        desktop.sync.controller.state_changed.emit(SyncState(OFFLINE, "Cannot reach dav.example.com: timed out"))
        assert desktop.tray.icon.toolTip() == "Contact Journal — Nothing due · offline (Cannot reach dav.example.com: timed out)"
    finally:
        desktop.stop()


def test_shift_f5_opens_the_conflicts_list(qtbot, window, sync, db):
    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    dialog = sync.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.empty.isVisible()
    assert sync.open_conflicts() is dialog  # once
    dialog.reject()
    qtbot.waitUntil(lambda: sync.conflicts_dialog is None)
