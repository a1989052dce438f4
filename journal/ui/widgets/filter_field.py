"""A list's filter field: Ctrl+F anywhere in the view comes here, typing filters after a short
pause, Enter filters at once and goes to the list, Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

DELAY_MS = 150  # long enough to coalesce a word typed quickly, short enough to feel immediate


class FilterField(QLineEdit):
    changed = Signal(str)  # the text to filter by: after a pause in typing, on Enter, on Esc
    leave = Signal()  # Enter: the filter is applied; the view moves the keyboard to its list

    def __init__(self, host: QWidget, placeholder: str, *, object_name: str, delay_ms: int = DELAY_MS) -> None:
        super().__init__(host)
        self.setObjectName(object_name)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.apply_now)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._enter)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), host)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.take_focus)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.clear)

    def take_focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def apply_now(self) -> None:
        """Filter by what is typed now, without waiting for the pause."""
        self._timer.stop()
        self.changed.emit(self.text())

    def set_quietly(self, text: str) -> None:
        """Set the text without filtering (the view has already shown what it needs)."""
        self.blockSignals(True)
        self.setText(text)
        self.blockSignals(False)

    def _enter(self) -> None:
        self.apply_now()
        self.leave.emit()
