"""A line edit that completes people's names as you type (name — organisation)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from journal.services.people.lookup import suggest

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class NameEdit(QLineEdit):
    """Type a name; a popup offers people already in the journal.

    `chosen(person_id, name)` is emitted when a suggestion is taken (Enter or click) or Enter is
    pressed on typed text (person_id None: a name that is new or not picked from the list).
    """

    chosen = Signal(object, str)

    def __init__(self, parent: QWidget | None = None, *, limit: int = 12) -> None:
        super().__init__(parent)
        self._limit = limit
        self._labels: dict[str, tuple[int, str]] = {}
        # Optional: [(id, name)] -> {id: QIcon}, icons for the suggestions (avatars).
        self.decorate = None
        self.suggestions = QStandardItemModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(limit)
        self.setCompleter(completer)
        # Connected after setCompleter, so this runs once the line edit shows the completion.
        completer.activated[str].connect(self._activated)
        self.textEdited.connect(self._refresh)
        self.returnPressed.connect(self._return_pressed)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _refresh(self, text: str) -> None:
        self.suggestions.clear()
        self._labels.clear()
        found = suggest(text, self._limit) if text.strip() else []
        icons = self.decorate([(s.id, s.name) for s in found]) if self.decorate and found else {}
        for suggestion in found:
            item = QStandardItem(suggestion.label)
            if suggestion.id in icons:
                item.setIcon(icons[suggestion.id])
            item.setData(suggestion.id, ID_ROLE)
            item.setData(suggestion.name, NAME_ROLE)
            item.setEditable(False)
            self.suggestions.appendRow(item)
            self._labels[suggestion.label.casefold()] = (suggestion.id, suggestion.name)
        completer = self.completer()
        if self.suggestions.rowCount():
            completer.setCompletionPrefix(text)
            completer.complete()
        else:
            completer.popup().hide()

    def _activated(self, label: str) -> None:
        found = self._labels.get(" ".join(label.split()).casefold())
        if found is not None:
            self.chosen.emit(*found)

    def _return_pressed(self) -> None:
        person_id, name = self.current()
        if name:
            self.chosen.emit(person_id, name)

    def _focus_changed(self, old, new) -> None:
        # Jumping to another field (Alt+O, Tab) closes the suggestions this field opened.
        popup = self.completer().popup()
        if old is self and new is not None and new is not popup and popup.isVisible():
            popup.hide()

    def offers_other_people(self) -> bool:
        """Whether typed text stands (not a suggestion taken) while suggestions for it are shown:
        saving it as it is would add someone new whom the user may have meant to pick."""
        person_id, name = self.current()
        return bool(name) and person_id is None and self.suggestions.rowCount() > 0 and self.completer().popup().isVisible()

    def current(self) -> tuple[int | None, str]:
        """(id, name) of what is in the field: a suggestion taken from the list, or typed text."""
        text = " ".join(self.text().split())
        if text.casefold() in self._labels:
            return self._labels[text.casefold()]
        return None, text

    def reset(self) -> None:
        self.clear()
        self.suggestions.clear()
        self._labels.clear()
