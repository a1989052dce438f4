"""People: a first list of everyone in the journal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from journal.services.people import list_people
from journal.ui.context import AppContext


class PeopleView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list = QListWidget(objectName="peopleList")
        self.empty = QLabel("No people yet. Log a conversation to add the people you talked to.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        context.signals.changed.connect(lambda _what: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        people = list_people()
        for person in people:
            text = person.name + (f" — {person.organisation}" if person.organisation else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        self.empty.setVisible(not people)
        self.list.setVisible(bool(people))
