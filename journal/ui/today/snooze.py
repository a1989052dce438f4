"""Snoozing: the menu (1 day, 1 week, pick a date) and the date picker behind "Pick a date…"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QDialog, QDialogButtonBox, QLabel, QMenu, QVBoxLayout, QWidget

QUICK_SNOOZES = (("1 &day", 1), ("1 &week", 7))


class PickDateDialog(QDialog):
    """A calendar starting tomorrow; Enter takes the highlighted day, Esc cancels."""

    def __init__(self, today: dt.date, parent: QWidget | None = None, *, title: str = "Snooze until") -> None:
        super().__init__(parent)
        self.setObjectName("pickDateDialog")
        self.setWindowTitle(title)
        tomorrow = today + dt.timedelta(days=1)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("snoozeCalendar")
        self.calendar.setGridVisible(False)
        self.calendar.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.calendar.setSelectedDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.calendar.activated.connect(lambda _d: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Arrow keys move, Enter picks the day.", self))
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)
        self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)

    def date(self) -> dt.date:
        return self.calendar.selectedDate().toPython()


def snooze_menu(parent: QWidget, today: dt.date, on_pick) -> QMenu:
    """A menu whose actions call on_pick(date); "Pick a date…" asks with PickDateDialog."""
    menu = QMenu("Snooze", parent)
    menu.setObjectName("snoozeMenu")
    for label, days in QUICK_SNOOZES:
        action = menu.addAction(label)
        action.triggered.connect(lambda _=False, d=days: on_pick(today + dt.timedelta(days=d)))
    pick = menu.addAction("&Pick a date…")

    def ask() -> None:
        dialog = PickDateDialog(today, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on_pick(dialog.date())
        dialog.deleteLater()

    pick.triggered.connect(ask)
    return menu
