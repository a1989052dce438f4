"""A person's timeline: open next steps (tick to complete) above conversations and offers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from journal.services.people.detail import (
    CONVERSATION,
    JOB,
    NEXT_STEP,
    OFFER_GIVEN,
    OFFER_RECEIVED,
    TimelineEntry,
)
from journal.ui import dates
from journal.ui.widgets.action_icons import action_icon

KIND_LABEL = {
    CONVERSATION: QT_TRANSLATE_NOOP("TimelineList", "Conversation"),
    OFFER_GIVEN: QT_TRANSLATE_NOOP("TimelineList", "Offer given"),
    OFFER_RECEIVED: QT_TRANSLATE_NOOP("TimelineList", "Offer received"),
    NEXT_STEP: QT_TRANSLATE_NOOP("TimelineList", "Next step"),
    JOB: QT_TRANSLATE_NOOP("TimelineList", "Career"),
}
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _when(day: dt.date | None) -> str:
    return dates.short_year(day) if day else QCoreApplication.translate("TimelineList", "no date")


class TimelineList(QListWidget):
    """Enter or double-click opens an entry; Space ticks a next step done (or undone)."""

    open_requested = Signal(str, int)
    step_toggled = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(3)
        self._filling = False
        self.itemActivated.connect(self._activated)
        self.itemChanged.connect(self._changed)

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self._filling = True
        self.clear()
        palette = self.palette()
        for entry in entries:
            if entry.kind == NEXT_STEP:
                first = self.tr("Done") if entry.done else (self.tr("Overdue, ") if entry.overdue else "") + entry.detail
                text = f"{entry.title}\n{self.tr(KIND_LABEL[entry.kind])} · {first}"
            else:
                text = f"{entry.title}\n{self.tr(KIND_LABEL[entry.kind])} · {_when(entry.date)} · {entry.detail}"
            item = QListWidgetItem(text)
            if entry.kind != NEXT_STEP:
                icon = {CONVERSATION: "chat", JOB: "advance"}.get(entry.kind, "offer")
                item.setIcon(action_icon(icon))
            item.setData(KIND_ROLE, entry.kind)
            item.setData(ID_ROLE, entry.id)
            if entry.kind == NEXT_STEP:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked)
                if entry.done:
                    item.setForeground(QBrush(palette.color(QPalette.ColorRole.PlaceholderText)))
                    font = QFont(self.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
                elif entry.overdue:
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(font)
            item.setToolTip(self.tr("Enter opens it") + (self.tr("; Space ticks it done") if entry.kind == NEXT_STEP else ""))
            self.addItem(item)
        if not entries:
            item = QListWidgetItem(self.tr("Nothing yet. Log a conversation with them (Ctrl+N) or add a next step below."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        self._filling = False

    def entry_at(self, row: int) -> tuple[str, int] | None:
        item = self.item(row)
        if item is None or item.data(KIND_ROLE) is None:
            return None
        return item.data(KIND_ROLE), item.data(ID_ROLE)

    def _activated(self, item: QListWidgetItem) -> None:
        kind = item.data(KIND_ROLE)
        if kind in (OFFER_GIVEN, OFFER_RECEIVED):
            self.open_requested.emit("introduction", item.data(ID_ROLE))
        elif kind is not None and kind != JOB:  # a job is edited in the person's career list
            self.open_requested.emit(kind, item.data(ID_ROLE))

    def _changed(self, item: QListWidgetItem) -> None:
        if self._filling or item.data(KIND_ROLE) != NEXT_STEP:
            return
        self.step_toggled.emit(item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked)
