"""Date editors where Tab leaves the field (Qt's default walks through day, month and year first).

Left and Right still move between the parts; Up and Down change them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


class TabLeavingDateTimeEdit(QDateTimeEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        return QWidget.focusNextPrevChild(self, next)


class TabLeavingDateEdit(QDateEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        return QWidget.focusNextPrevChild(self, next)
