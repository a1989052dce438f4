"""The inline rows of the Log dialog: offered introductions and next steps."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft
from journal.services.people.lookup import looks_like_description
from journal.ui.widgets.due_date_edit import DueDateEdit
from journal.ui.widgets.name_edit import NameEdit


def person_ref(person_id: int | None, name: str) -> PersonRef:
    return PersonRef(id=person_id) if person_id is not None else PersonRef.named(name)


class OfferRow(QWidget):
    """"<from> offered to introduce me to <a name or a description>"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerRow")
        self.target = NameEdit(self)
        self.target.setObjectName("offerTarget")
        self.target.setPlaceholderText(self.tr("a name, or a description like “her old manager at Acme”"))
        self.description = QCheckBox(self.tr("just a description"), self)
        self.description.setObjectName("offerIsDescription")
        self.description.setToolTip(
            self.tr(
                "Ticked: the target becomes a placeholder person to fill in later (Alt+D). "
                "Ticked for you when the text reads like a description."
            )
        )
        self.introducer = QComboBox(self)
        self.introducer.setObjectName("offerIntroducer")
        self.introducer.setToolTip(self.tr("Who made the offer"))
        self.introducer.hide()
        self._manual = False
        self.target.textEdited.connect(self._guess)
        self.target.textChanged.connect(lambda _t: self.changed.emit())
        self.description.clicked.connect(self._ticked_by_hand)
        toggle = QShortcut(QKeySequence("Alt+D"), self)
        toggle.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.activated.connect(self._toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.introducer)
        layout.addWidget(self.target, 1)
        layout.addWidget(self.description)
        self.setFocusProxy(self.target)

    def _guess(self, text: str) -> None:
        if not self._manual:
            self.description.setChecked(looks_like_description(text))

    def _ticked_by_hand(self) -> None:
        self._manual = True

    def _toggle(self) -> None:
        self._manual = True
        self.description.setChecked(not self.description.isChecked())

    def set_people(self, people: list[tuple[int | None, str]]) -> None:
        """The participants who could have made the offer; the choice shows with two or more."""
        current = self.introducer.currentData()
        self.introducer.clear()
        for key in people:
            self.introducer.addItem(self.tr("{name} offered:").format(name=key[1]), key)
        index = self.introducer.findData(current)
        self.introducer.setCurrentIndex(max(index, 0))
        self.introducer.setVisible(len(people) > 1)

    def has_text(self) -> bool:
        return bool(self.target.text().strip())

    def draft(self) -> OfferDraft | None:
        person_id, name = self.target.current()
        if not name:
            return None
        is_description = self.description.isChecked()
        target = PersonRef.named(name) if is_description else person_ref(person_id, name)
        introducer = None
        if self.introducer.isVisible() or self.introducer.count() > 1:
            key = self.introducer.currentData()
            introducer = person_ref(*key) if key else None
        return OfferDraft(target, introducer=introducer, target_is_description=is_description)


class StepRow(QWidget):
    """A next step: what to do, and by when (Alt+2 / Alt+W / Alt+M set the date quickly)."""

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepRow")
        self.text = QLineEdit(self)
        self.text.setObjectName("stepText")
        self.text.setPlaceholderText(self.tr("what you will do, e.g. “Send her my CV”"))
        self.due = DueDateEdit(today, self)
        self.due.install_shortcuts(self)
        self.text.textChanged.connect(lambda _t: self.changed.emit())
        due_line = QHBoxLayout()
        due_line.addWidget(QLabel(self.tr("due"), self))
        due_line.addWidget(self.due)
        due_line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.text)
        layout.addLayout(due_line)
        self.setFocusProxy(self.text)

    def has_text(self) -> bool:
        return bool(self.text.text().strip())

    def draft(self) -> StepDraft | None:
        if not self.has_text():
            return None
        return StepDraft(self.text.text().strip(), self.due.date())


class RowList(QWidget):
    """A column of rows that grows on request."""

    changed = Signal()

    def __init__(self, factory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.rows: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.add_row()

    def add_row(self) -> QWidget:
        row = self._factory(self)
        row.changed.connect(self.changed)
        self._layout.addWidget(row)
        if self.isVisible():
            row.show()  # now, not on the next event loop turn: its shortcuts work at once
        self.rows.append(row)
        self.setFocusProxy(self.rows[0])
        return row
