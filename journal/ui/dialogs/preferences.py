"""The Preferences dialog: reminders, new people, the window and the tray, login, backups."""

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
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal.desktop.autostart import Autostart
from journal.desktop.preferences import MAX_BACKUPS_KEPT, Preferences
from journal.ui.labels import cadence_label, cadence_presets


class PreferencesDialog(QDialog):
    applied = Signal()

    def __init__(
        self,
        preferences: Preferences,
        *,
        autostart: Autostart | None = None,
        tray_available: bool = True,
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
        layout.addWidget(reminders)
        layout.addWidget(window)
        layout.addWidget(backups)
        layout.addWidget(buttons)
        self.reminder_time.setFocus()

    def apply(self) -> bool:
        """Store the choices; False (and a message) when the login entry cannot be changed."""
        prefs = self.preferences
        prefs.reminder_time = dt.time(self.reminder_time.time().hour(), self.reminder_time.time().minute())
        prefs.default_cadence_days = int(self.cadence.currentData() or 0) or None
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
