"""The Preferences dialog: reminders, dates that matter, new people, the window and the tray,
login, backups; and the pages the desktop adds beside General (Accounts, Mail & calendars),
each of which may keep what was typed in it on OK through its own `apply()`."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal.desktop.autostart import Autostart
from journal.desktop.preferences import (
    MAX_BACKUPS_KEPT,
    MAX_DATE_DAYS_BEFORE,
    MAX_TODAY_DATE_DAYS,
    Preferences,
)
from journal.ui.labels import cadence_label, cadence_presets


class PreferencesDialog(QDialog):
    applied = Signal()

    def __init__(
        self,
        preferences: Preferences,
        *,
        autostart: Autostart | None = None,
        tray_available: bool = True,
        pages: tuple = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.preferences = preferences
        self.autostart = autostart or Autostart()

        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        when = preferences.reminder_time
        self.reminder_time.setTime(QTime(when.hour, when.minute))
        self.reminder_time.setToolTip(self.tr("Items with a date but no time remind you at this time of day."))

        self.cadence = QComboBox()
        self.cadence.addItem(cadence_label(None), 0)
        for label, days in cadence_presets():
            self.cadence.addItem(label, days)
        current = preferences.default_cadence_days or 0
        if self.cadence.findData(current) < 0:
            self.cadence.addItem(cadence_label(current), current)
        self.cadence.setCurrentIndex(self.cadence.findData(current))

        self.date_reminders = QCheckBox(self.tr("Remind me of &birthdays and dates that matter"))
        self.date_reminders.setChecked(preferences.date_reminders)
        self.date_reminders.setToolTip(
            self.tr("For everyone who has not been set otherwise in their details; Today lists the dates either way.")
        )
        self.date_days_before = QSpinBox()
        self.date_days_before.setRange(0, MAX_DATE_DAYS_BEFORE)
        self.date_days_before.setValue(preferences.date_days_before)
        self.date_days_before.setSpecialValueText(self.tr("On the day"))
        self.date_days_before.setSuffix(self.tr(" days before"))
        self.date_days_before.setEnabled(preferences.date_reminders)
        self.date_reminders.toggled.connect(self.date_days_before.setEnabled)
        self.today_date_days = QSpinBox()
        self.today_date_days.setRange(0, MAX_TODAY_DATE_DAYS)
        self.today_date_days.setValue(preferences.today_date_days)
        self.today_date_days.setSpecialValueText(self.tr("Today's only"))
        self.today_date_days.setSuffix(self.tr(" days ahead"))

        self.close_to_tray = QCheckBox(self.tr("&Closing the window keeps the app in the system tray"))
        self.close_to_tray.setChecked(preferences.close_to_tray)
        self.start_minimized = QCheckBox(self.tr("Start &minimised to the tray"))
        self.start_minimized.setChecked(preferences.start_minimized)
        if not tray_available:
            for box in (self.close_to_tray, self.start_minimized):
                box.setEnabled(False)
                box.setToolTip(self.tr("This desktop has no system tray."))
        self.start_on_login = QCheckBox(self.tr("Start on &login"))
        self._was_autostart = self.autostart.is_enabled()
        self.start_on_login.setChecked(self._was_autostart)

        self.backups = QSpinBox()
        self.backups.setRange(1, MAX_BACKUPS_KEPT)
        self.backups.setValue(preferences.backups_kept)
        self.backups.setSuffix(self.tr(" daily backups"))

        reminders = QGroupBox(self.tr("Reminders"))
        form = QFormLayout(reminders)
        form.addRow(self.tr("&Remind me of items without a time at:"), self.reminder_time)
        form.addRow(self.tr("Default &keep-in-touch cadence for new people:"), self.cadence)

        dates = QGroupBox(self.tr("Dates that matter"))
        dates_form = QFormLayout(dates)
        dates_form.addRow(self.date_reminders)
        dates_form.addRow(self.tr("Remind me &when:"), self.date_days_before)
        dates_form.addRow(self.tr("Show dates in Today &up to:"), self.today_date_days)

        window = QGroupBox(self.tr("Window and system"))
        window_layout = QVBoxLayout(window)
        window_layout.addWidget(self.close_to_tray)
        window_layout.addWidget(self.start_minimized)
        window_layout.addWidget(self.start_on_login)
        if not tray_available:
            note = QLabel(self.tr("No system tray was found on this desktop: reminders show in the main window."))
            note.setWordWrap(True)
            note.setEnabled(False)
            window_layout.addWidget(note)

        backups = QGroupBox(self.tr("Backups"))
        backup_form = QFormLayout(backups)
        backup_form.addRow(self.tr("&Keep the newest:"), self.backups)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        general = QWidget() if pages else self
        general_layout = QVBoxLayout(general) if pages else layout
        general_layout.addWidget(reminders)
        general_layout.addWidget(dates)
        general_layout.addWidget(window)
        general_layout.addWidget(backups)
        self.tabs = None
        if pages:  # more pages (Accounts): the general choices become the first tab
            general_layout.setContentsMargins(0, 0, 0, 0)
            self.tabs = QTabWidget(objectName="preferencesTabs")
            self.tabs.addTab(general, self.tr("&General"))
            for title, page in pages:
                self.tabs.addTab(page, title)
            layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.reminder_time.setFocus()

    def apply(self) -> bool:
        """Store the choices; False (and a message) when the login entry cannot be changed, or
        when a page refuses what was typed in it (it shows why, and comes to the front)."""
        for index in range(self.tabs.count() if self.tabs is not None else 0):
            page = self.tabs.widget(index)
            if callable(getattr(page, "apply", None)) and not page.apply():
                self.tabs.setCurrentIndex(index)
                return False
        prefs = self.preferences
        prefs.reminder_time = dt.time(self.reminder_time.time().hour(), self.reminder_time.time().minute())
        prefs.default_cadence_days = int(self.cadence.currentData() or 0) or None
        prefs.date_reminders = self.date_reminders.isChecked()
        prefs.date_days_before = self.date_days_before.value()
        prefs.today_date_days = self.today_date_days.value()
        if self.close_to_tray.isEnabled():
            prefs.close_to_tray = self.close_to_tray.isChecked()
            prefs.start_minimized = self.start_minimized.isChecked()
        prefs.backups_kept = self.backups.value()
        wanted = self.start_on_login.isChecked()
        ok = True
        if wanted != self._was_autostart:
            try:
                self.autostart.set_enabled(wanted)
                self._was_autostart = wanted
            except OSError as exc:
                ok = False
                QMessageBox.warning(self, self.tr("Start on login"), self.tr("Could not change the login entry: {error}").format(error=exc))
        prefs.start_on_login = self._was_autostart
        self.applied.emit()
        return ok

    def accept(self) -> None:
        if self.apply():
            super().accept()
