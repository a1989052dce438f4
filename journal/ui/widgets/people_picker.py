"""Pick several people: type with completion, Enter adds a chip, Backspace on empty removes one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from journal.ui.widgets.name_edit import NameEdit


class PeoplePicker(QWidget):
    """The chosen people are (id, name) pairs; id is None for a name that will be created."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list[tuple[int | None, str]] = []
        self._decorate = None
        self.edit = NameEdit(self)
        self.edit.setObjectName("peopleEdit")
        self.edit.setPlaceholderText(self.tr("Type a name; Enter adds it (a new name creates a person)"))
        self.edit.chosen.connect(self._chosen)
        self.edit.installEventFilter(self)
        self.chips = QWidget(self)
        self.chips.setObjectName("chips")
        self._chip_layout = QHBoxLayout(self.chips)
        self._chip_layout.setContentsMargins(0, 0, 0, 0)
        self._chip_layout.setSpacing(4)
        self._chip_layout.addStretch(1)
        self.chips.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.chips)
        self.setFocusProxy(self.edit)

    # --- what is chosen ------------------------------------------------------------------------

    def people(self, *, include_typed: bool = True) -> list[tuple[int | None, str]]:
        """The chips, plus a name still in the field (so Enter before saving is optional)."""
        chosen = list(self._people)
        if include_typed:
            person_id, name = self.edit.current()
            if name and not self._has(person_id, name):
                chosen.append((person_id, name))
        return chosen

    def set_decorator(self, decorate) -> None:
        """`decorate([(id, name)])` -> {id: QIcon}: icons (avatars) for suggestions and chips."""
        self._decorate = decorate
        self.edit.decorate = decorate

    def names(self) -> list[str]:
        return [name for _id, name in self.people()]

    def add(self, person_id: int | None, name: str) -> None:
        name = " ".join(name.split())
        if not name or self._has(person_id, name):
            return
        self._people.append((person_id, name))
        chip = QToolButton(self.chips)
        chip.setObjectName("chip")
        chip.setText(f"{name}  ✕")
        chip.setToolTip(self.tr("Remove {name} (or Backspace in the empty name field)").format(name=name))
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chip.setAutoRaise(False)
        if self._decorate is not None:
            icon = self._decorate([(person_id, name)]).get(person_id)
            if icon is not None:
                chip.setIcon(icon)
                chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        chip.clicked.connect(lambda _=False, key=(person_id, name): self.remove(key))
        self._chip_layout.insertWidget(self._chip_layout.count() - 1, chip)
        self.chips.show()
        self.changed.emit()

    def remove(self, key: tuple[int | None, str]) -> None:
        if key not in self._people:
            return
        index = self._people.index(key)
        self._people.pop(index)
        item = self._chip_layout.takeAt(index)
        item.widget().deleteLater()
        self.chips.setVisible(bool(self._people))
        self.changed.emit()

    def _has(self, person_id: int | None, name: str) -> bool:
        for pid, existing in self._people:
            if person_id is not None and pid == person_id:
                return True
            if person_id is None and existing.casefold() == name.casefold():
                return True
        return False

    def _chosen(self, person_id: int | None, name: str) -> None:
        self.add(person_id, name)
        self.edit.reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Backspace
            and not self.edit.text()
            and self._people
        ):
            self.remove(self._people[-1])
            return True
        return super().eventFilter(watched, event)
