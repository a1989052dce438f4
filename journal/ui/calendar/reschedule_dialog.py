"""Pick a new date for a due item."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RescheduleDialog(QDialog):
    def __init__(
        self,
        title: str,
        current: dt.date,
        *,
        earliest: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reschedule"))
        label = QLabel(self.tr("New date for <b>{title}</b>:").format(title=_escape(title)))
        label.setWordWrap(True)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        if earliest is not None:
            self.calendar.setMinimumDate(_qdate(earliest))
        self.calendar.setSelectedDate(_qdate(max(current, earliest) if earliest else current))
        self.calendar.activated.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reschedule"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)
        self.calendar.setFocus()

    def chosen_date(self) -> dt.date:
        return self.calendar.selectedDate().toPython()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
