"""A due date with quick buttons: +2 days, +1 week, +1 month (Alt+2, Alt+W, Alt+M)."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from journal.ui.widgets.date_edits import TabLeavingDateEdit

QUICK = (
    (QT_TRANSLATE_NOOP("DueDateEdit", "+2 days"), "Alt+2", relativedelta(days=2)),
    (QT_TRANSLATE_NOOP("DueDateEdit", "+1 week"), "Alt+W", relativedelta(weeks=1)),
    (QT_TRANSLATE_NOOP("DueDateEdit", "+1 month"), "Alt+M", relativedelta(months=1)),
)


class DueDateEdit(QWidget):
    """The quick buttons count from `today` (the context clock's), not from the shown date.

    Their shortcuts work while the focus is anywhere inside `scope` (e.g. the whole step row).
    """

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None, *, default: relativedelta | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.date_edit = TabLeavingDateEdit(self)
        self.date_edit.setObjectName("dueDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        # Room for the longest date plus the drop-down arrow, so no date is ever cut off.
        widest = self.date_edit.fontMetrics().horizontalAdvance("Wed 30 Sep 2026")
        self.date_edit.setMinimumWidth(widest + 48)
        self.date_edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.date_edit)
        self.buttons: list[QPushButton] = []
        for label, keys, delta in QUICK:
            label = self.tr(label)
            button = QPushButton(label, self)
            button.setToolTip(self.tr("Due {span} from today ({keys})").format(span=label.removeprefix("+"), keys=keys))
            button.setAutoDefault(False)
            # Reached by its shortcut; keeping it out of the Tab chain keeps the form quick.
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            button.clicked.connect(lambda _=False, d=delta: self.set_from_today(d))
            layout.addWidget(button)
            self.buttons.append(button)
        self.setFocusProxy(self.date_edit)
        self.set_from_today(default or relativedelta(weeks=1))

    def install_shortcuts(self, scope: QWidget) -> None:
        for (_label, keys, delta) in QUICK:
            shortcut = QShortcut(QKeySequence(keys), scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.set_from_today(d))

    def set_from_today(self, delta: relativedelta) -> None:
        self.set_date(self._today + delta)

    def set_date(self, day: dt.date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def date(self) -> dt.date:
        return self.date_edit.date().toPython()
