"""Snoozing: the menu (1 day, 1 week, pick a date) and the date picker behind "Pick a date…"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QDialog, QDialogButtonBox, QLabel, QMenu, QVBoxLayout, QWidget

QUICK_SNOOZES = ((QT_TRANSLATE_NOOP("SnoozeMenu", "1 &day"), 1), (QT_TRANSLATE_NOOP("SnoozeMenu", "1 &week"), 7))


class PickDateDialog(QDialog):
    """A calendar starting tomorrow; Enter takes the highlighted day, Esc cancels."""

    def __init__(self, today: dt.date, parent: QWidget | None = None, *, title: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickDateDialog")
        self.setWindowTitle(self.tr("Snooze until") if title is None else title)
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
        layout.addWidget(QLabel(self.tr("Arrow keys move, Enter picks the day."), self))
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)
        self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)

    def date(self) -> dt.date:
        return self.calendar.selectedDate().toPython()


def snooze_menu(parent: QWidget, today: dt.date, on_pick) -> QMenu:
    """A menu whose actions call on_pick(date); "Pick a date…" asks with PickDateDialog."""
    menu = QMenu(QCoreApplication.translate("SnoozeMenu", "Snooze"), parent)
    menu.setObjectName("snoozeMenu")
    for label, days in QUICK_SNOOZES:
        action = menu.addAction(QCoreApplication.translate("SnoozeMenu", label))
        action.triggered.connect(lambda _=False, d=days: on_pick(today + dt.timedelta(days=d)))
    pick = menu.addAction(QCoreApplication.translate("SnoozeMenu", "&Pick a date…"))

    def ask() -> None:
        dialog = PickDateDialog(today, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on_pick(dialog.date())
        dialog.deleteLater()

    pick.triggered.connect(ask)
    return menu
