"""The Preferences dialog stores typed preferences and the login entry."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox

from journal.desktop.autostart import Autostart
from journal.desktop.preferences import DEFAULT_REMINDER_TIME, Preferences


@pytest.fixture
def prefs(tmp_path):
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def autostart(tmp_path):
    return Autostart("linux", config_home=tmp_path / "cfg")


def make_dialog(qtbot, prefs, autostart, **kwargs):
    from journal.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(prefs, autostart=autostart, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_defaults(prefs):
    assert prefs.reminder_time == DEFAULT_REMINDER_TIME == dt.time(9, 0)
    assert prefs.default_cadence_days is None
    assert prefs.close_to_tray is True
    assert prefs.start_minimized is False
    assert prefs.backups_kept == 10
    assert prefs.snoozed == {}
    assert prefs.last_checked is None


def test_bad_stored_values_fall_back_to_defaults(prefs):
    prefs.settings.setValue("reminders/time_of_day", "quarter past")
    prefs.settings.setValue("backups/keep", "lots")
    prefs.settings.setValue("reminders/snoozed", "{not json")
    assert prefs.reminder_time == dt.time(9, 0)
    assert prefs.backups_kept == 10
    assert prefs.snoozed == {}


def test_choices_are_stored_on_ok(qtbot, prefs, autostart):
    dialog = make_dialog(qtbot, prefs, autostart)
    dialog.reminder_time.setTime(QTime(7, 45))
    dialog.cadence.setCurrentIndex(dialog.cadence.findText("Quarterly"))
    for box in (dialog.close_to_tray, dialog.start_minimized, dialog.start_on_login):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    dialog.backups.setValue(30)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert prefs.reminder_time == dt.time(7, 45)
    assert prefs.default_cadence_days == 91
    assert prefs.close_to_tray is False
    assert prefs.start_minimized is True
    assert prefs.start_on_login is True
    assert prefs.backups_kept == 30
    assert autostart.is_enabled()
    assert "--minimized" in autostart.desktop_path().read_text()


def test_keyboard_only(qtbot, prefs, autostart):
    dialog = make_dialog(qtbot, prefs, autostart)
    dialog.reminder_time.setFocus()
    qtbot.keyClicks(dialog.reminder_time, "1030")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert prefs.reminder_time == dt.time(10, 30)


def test_cancel_changes_nothing(qtbot, prefs, autostart):
    dialog = make_dialog(qtbot, prefs, autostart)
    dialog.backups.setValue(3)
    dialog.start_on_login.setChecked(True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert prefs.backups_kept == 10
    assert not autostart.is_enabled()


def test_turning_login_off_removes_the_entry(qtbot, prefs, autostart):
    autostart.enable(["contact-journal", "--minimized"])
    dialog = make_dialog(qtbot, prefs, autostart)
    assert dialog.start_on_login.isChecked()
    dialog.start_on_login.setChecked(False)
    dialog.accept()
    assert not autostart.is_enabled()
    assert prefs.start_on_login is False


def test_without_a_tray_its_options_are_off(qtbot, prefs, autostart):
    dialog = make_dialog(qtbot, prefs, autostart, tray_available=False)
    assert not dialog.close_to_tray.isEnabled()
    assert not dialog.start_minimized.isEnabled()


def test_opened_from_the_window_with_ctrl_comma(qtbot, context, tmp_path):
    from journal.ui.dialogs.preferences import PreferencesDialog
    from journal.ui.main_window import MainWindow
    from journal.ui.tray.integration import DesktopIntegration

    window = MainWindow(context)
    qtbot.addWidget(window)
    desktop = DesktopIntegration(window, tray_available=False, autostart=Autostart("linux", config_home=tmp_path))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=1000)
    try:
        assert desktop.preferences_action in window.file_menu.actions()
        qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
        dialogs = window.findChildren(PreferencesDialog)
        assert len(dialogs) == 1 and dialogs[0].isVisible()
        dialogs[0].reminder_time.setTime(QTime(8, 0))
        dialogs[0].accept()
        assert desktop.preferences.reminder_time == dt.time(8, 0)
    finally:
        desktop.stop()


def test_dates_that_matter_choices(qtbot, prefs, autostart, tmp_path):
    dialog = make_dialog(qtbot, prefs, autostart)
    assert dialog.date_reminders.isChecked()
    assert dialog.date_days_before.value() == 0 and dialog.date_days_before.text() == "On the day"
    assert dialog.today_date_days.value() == 7
    assert (dialog.date_days_before.minimum(), dialog.date_days_before.maximum()) == (0, 30)
    dialog.grab().save(str(tmp_path / "preferences.png"))
    dialog.date_days_before.setFocus()
    qtbot.keyClick(dialog.date_days_before, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.date_days_before, Qt.Key.Key_Up)
    dialog.today_date_days.setValue(14)
    qtbot.mouseClick(dialog.date_reminders, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.date_reminders.height() // 2))
    assert not dialog.date_days_before.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert prefs.date_reminders is False
    assert prefs.date_days_before == 2
    assert prefs.today_date_days == 14


def test_the_dates_preferences_are_not_stored_on_cancel(qtbot, prefs, autostart):
    dialog = make_dialog(qtbot, prefs, autostart)
    dialog.today_date_days.setValue(30)
    dialog.date_reminders.setChecked(False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert prefs.today_date_days == 7 and prefs.date_reminders is True
