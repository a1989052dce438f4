"""The lock over the window of an encrypted journal, driven as a user would: Ctrl+L, the lock's
passphrase field (wrong, then right), what stays hidden meanwhile (the views, the toolbars, the
status bar, the window's shortcuts, dialogs, the tray menu's items) and reminders that go on
saying only how many items are due."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout

from tests.ui.security.conftest import PASSPHRASE


def texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def lock_now(qtbot, desktop) -> None:
    qtbot.keyClick(desktop.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desktop.window_lock.covered)


def unlock_with(qtbot, desktop, passphrase: str) -> None:
    overlay = desktop.window_lock.overlay
    overlay.passphrase.setFocus()
    overlay.passphrase.selectAll()
    qtbot.keyClicks(overlay.passphrase, passphrase)
    qtbot.keyClick(overlay.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.window_lock.task is None)


def test_ctrl_l_covers_the_window_and_the_passphrase_uncovers_it(qtbot, desktop):
    window = desktop.window
    assert desktop.lock_action.isVisible() and desktop.lock.enabled
    window.show_view("calendar", focus=True)
    lock_now(qtbot, desktop)
    overlay = desktop.window_lock.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    assert not window.centralWidget().isVisible() and not window.toolbar.isVisible()
    assert not window.statusBar().isVisible()
    assert not window.menuBar().isEnabled() and window.actions() == []
    assert overlay.passphrase.hasFocus()
    qtbot.keyClick(overlay.passphrase, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+1: nothing
    assert window.current_key() == "calendar"
    assert window.windowTitle().startswith("journal.sqlite3")

    unlock_with(qtbot, desktop, "not it")
    assert desktop.lock.locked
    assert overlay.message.text() == "That is not the passphrase of this journal."
    assert overlay.passphrase.selectedText() == "not it"
    unlock_with(qtbot, desktop, PASSPHRASE)
    assert not desktop.lock.locked and not overlay.isVisible()
    assert window.centralWidget().isVisible() and window.toolbar.isVisible() and window.statusBar().isVisible()
    assert window.menuBar().isEnabled() and desktop.lock_action in window.actions()
    assert overlay.passphrase.text() == ""  # the passphrase typed is not kept in the field
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "today"


def test_the_overlay_follows_the_windows_size(qtbot, desktop):
    lock_now(qtbot, desktop)
    desktop.window.resize(700, 500)
    qtbot.waitUntil(lambda: desktop.window_lock.overlay.geometry() == desktop.window.rect())


def test_dialogs_over_the_window_are_hidden_and_come_back(qtbot, desktop):
    dialog = QDialog(desktop.window)
    QVBoxLayout(dialog).addWidget(QLabel("Dana Whitfield"))
    dialog.open()
    qtbot.waitExposed(dialog)
    desktop.lock.lock("screen")  # the screen locked while the dialog was open
    assert desktop.window_lock.covered and not dialog.isVisible()
    unlock_with(qtbot, desktop, PASSPHRASE)
    assert dialog.isVisible()
    dialog.reject()


def test_the_tray_menu_lists_no_items_while_locked(qtbot, desktop):
    menu = desktop.tray.menu
    menu.aboutToShow.emit()
    assert "Send Dana the deck" in texts(menu)
    assert texts(menu)[-3:] == ["Lock", "Open Contact Journal", "Quit"]
    desktop.tray.action("Lock").trigger()  # the tray's Lock, as Ctrl+L
    assert desktop.window_lock.covered
    menu.aboutToShow.emit()
    assert texts(menu) == ["Contact Journal is locked", "1 item due", "Pause reminders", "Unlock…", "Quit"]
    assert "locked" in desktop.tray.icon.toolTip()
    desktop.tray.log_conversation()  # from the tray or a second launch: nothing opens over the lock
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()] == []


def test_reminders_while_locked_say_how_many_unless_details_are_allowed(qtbot, desktop, clock):
    from journal.services.agenda import next_steps

    lock_now(qtbot, desktop)
    desktop.window.hide()  # in the tray, where reminders are tray messages
    items = desktop.scheduler.due_now()
    desktop.tray.announce(items)
    assert desktop.notes[-1] == ("1 item due", "Unlock Contact Journal to see what.")
    next_steps.add("Call Omar", due=dt.date(2026, 3, 11), clock=clock)
    desktop.tray.announce(desktop.scheduler.due_now())
    assert desktop.notes[-1][0] == "2 items due"
    assert not any("Dana" in title + text or "Omar" in title + text for title, text in desktop.notes)
    desktop.preferences.locked_reminder_details = True
    desktop.tray.announce(items)
    assert "Send Dana the deck" in "".join(desktop.notes[-1])


def test_reminders_keep_firing_while_locked_and_the_lock_counts_them(qtbot, desktop):
    lock_now(qtbot, desktop)
    assert desktop.scheduler.is_armed or desktop.scheduler._running  # the scheduler was not stopped
    desktop.scheduler.due.emit(desktop.scheduler.due_now())  # what the timer emits when one falls due
    due = desktop.window_lock.overlay.due
    assert due.isVisible() and due.text() == "1 item due"
    assert not desktop.banner.isVisible()


def test_a_plain_journal_offers_no_lock(qtbot, desktop):
    desktop.access.key = None  # as after decrypting
    desktop._encryption_changed()
    assert not desktop.lock_action.isVisible()
    assert desktop.lock.lock() is False and not desktop.window_lock.covered


def test_idle_minutes_lock_it(qtbot, desktop):
    desktop.preferences.lock_idle_minutes = 5
    desktop.lock.configure()
    idle = desktop.lock.idle
    assert idle.active
    idle.last_input -= 5 * 60  # five minutes without input (the watch's clock, not a sleep)
    idle.check()
    assert desktop.window_lock.covered
    assert desktop.window_lock.overlay.reason.text() == "Locked after 5 minutes without input."


@pytest.mark.parametrize("how", ["screen"])
def test_the_screen_lock_locks_it(qtbot, desktop, how):
    desktop.preferences.lock_on_screen_lock = True
    desktop.lock.configure()
    assert desktop.lock.screen.enabled
    desktop.lock.screen._active_changed(True)  # what the D-Bus signal calls (tests/desktop/test_lock.py)
    assert desktop.window_lock.covered
    assert desktop.window_lock.overlay.reason.text() == "Locked when the screen locked."
