"""The person pane's list rows: dates that matter, postal addresses, profiles and relations.

Each row shows one entry and gives it back (`entry()`, a ValidationError for what cannot be
saved, `None` for a blank row); `EntryList` holds the rows of one kind, with an Add button and a
remove button on each row.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.errors import ValidationError
from journal.services.people.fields import (
    AddressEntry,
    DateEntry,
    ProfileEntry,
    RelationEntry,
    parse_date,
    profile_url,
)
from journal.ui.widgets.name_edit import NameEdit

DATE_KINDS = (
    ("birthday", QT_TRANSLATE_NOOP("FieldRows", "Birthday")),
    ("anniversary", QT_TRANSLATE_NOOP("FieldRows", "Anniversary")),
    ("work_anniversary", QT_TRANSLATE_NOOP("FieldRows", "Work anniversary")),
    ("custom", QT_TRANSLATE_NOOP("FieldRows", "Other (label it)")),
)
SERVICES = ("mastodon", "github", "twitter", "bluesky", "linkedin", "instagram", "facebook", "skype", "xmpp", "web")
RELATION_KINDS = (
    "spouse", "partner", "child", "parent", "sibling", "friend", "colleague", "manager", "assistant", "referred by",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FieldRows", text)


def _remove_button(parent: QWidget, what: str) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName("removeRow")
    button.setText("✕")
    button.setAutoRaise(True)
    button.setToolTip(QCoreApplication.translate("FieldRows", "Remove this {what}").format(what=what))
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("rowError")
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    label.hide()
    return label


def _editable_combo(parent: QWidget, values, object_name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(values))
    combo.setCurrentText("")
    return combo


class EntryRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def focus_chain(self) -> list[QWidget]:
        raise NotImplementedError

    def entry(self):
        raise NotImplementedError


class DateRow(EntryRow):
    """Kind, label and a date: YYYY-MM-DD, or --MM-DD where the year is not known."""

    def __init__(self, entry: DateEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateRow")
        self._id = entry.id if entry else None
        self.kind = QComboBox(self, objectName="dateKind")
        for key, text in DATE_KINDS:
            self.kind.addItem(_tr(text), key)
        self.label = QLineEdit(self, objectName="dateLabel", placeholderText=QCoreApplication.translate("FieldRows", "label, e.g. Met at"))
        self.date = QLineEdit(self, objectName="dateText", placeholderText=QCoreApplication.translate("FieldRows", "YYYY-MM-DD or --MM-DD"))
        self.date.setToolTip(QCoreApplication.translate("FieldRows", "1980-04-02, or --04-02 where the year is not known"))
        self.date.setMaximumWidth(self.date.fontMetrics().horizontalAdvance("M" * 11))
        self.remove = _remove_button(self, QCoreApplication.translate("FieldRows", "date"))
        self.error = _error_label(self)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.kind)
        line.addWidget(self.date)
        line.addWidget(self.label, 1)
        line.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(line)
        layout.addWidget(self.error)
        if entry is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
            self.label.setText(entry.label)
            self.date.setText(entry.date.text())
        self._kind_changed()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.label.textEdited.connect(lambda _t: self.changed.emit())
        self.date.textEdited.connect(self._date_edited)
        self.date.editingFinished.connect(self.check)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.setFocusProxy(self.kind)

    def _kind_changed(self, *_args) -> None:
        custom = self.kind.currentData() == "custom"
        self.label.setPlaceholderText(QCoreApplication.translate("FieldRows", "what it is (needed)") if custom else QCoreApplication.translate("FieldRows", "label (optional)"))

    def _date_edited(self, _text: str) -> None:
        self.error.hide()
        self.changed.emit()

    def check(self) -> bool:
        """Show a one-line error under the row for a date that cannot be read."""
        if not self.date.text().strip():
            self.error.hide()
            return True
        try:
            parse_date(self.date.text())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        return True

    def focus_chain(self) -> list[QWidget]:
        return [self.kind, self.date, self.label, self.remove]

    def entry(self) -> DateEntry | None:
        if not self.date.text().strip() and not self.label.text().strip():
            return None
        try:
            day = parse_date(self.date.text())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.date.setFocus()
            raise
        return DateEntry(self.kind.currentData(), day, self.label.text(), self._id)


ADDRESS_FIELDS = (
    ("street", QT_TRANSLATE_NOOP("FieldRows", "Street")),
    ("extended", QT_TRANSLATE_NOOP("FieldRows", "Flat, building")),
    ("po_box", QT_TRANSLATE_NOOP("FieldRows", "PO box")),
    ("postcode", QT_TRANSLATE_NOOP("FieldRows", "Postcode")),
    ("locality", QT_TRANSLATE_NOOP("FieldRows", "Town or city")),
    ("region", QT_TRANSLATE_NOOP("FieldRows", "Region")),
    ("country", QT_TRANSLATE_NOOP("FieldRows", "Country")),
)


class AddressRow(EntryRow):
    """One line when shown; Edit (or a new address) opens its parts."""

    def __init__(self, entry: AddressEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressRow")
        self._id = entry.id if entry else None
        # vCard's address types, as stored and exported: not translated.
        self.label = _editable_combo(self, ("home", "work"), "addressLabel")
        self.label.setMaximumWidth(self.label.fontMetrics().horizontalAdvance("M" * 8))
        self.line = QLabel(self, objectName="addressLine")
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.line.setWordWrap(True)
        self.edit_button = QToolButton(self, objectName="editAddress")
        self.edit_button.setText(QCoreApplication.translate("FieldRows", "Edit"))
        self.edit_button.setCheckable(True)
        self.edit_button.setToolTip(QCoreApplication.translate("FieldRows", "Edit the parts of this address"))
        self.remove = _remove_button(self, QCoreApplication.translate("FieldRows", "address"))
        self.parts: dict[str, QLineEdit] = {}
        self.fields = QWidget(self)
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(12, 0, 0, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        for name, text in ADDRESS_FIELDS:
            edit = QLineEdit(self.fields, objectName=f"address_{name}", placeholderText=_tr(text))
            edit.setToolTip(_tr(text))
            edit.textEdited.connect(self._part_edited)
            self.parts[name] = edit
        # street / flat / PO box+postcode / town+region / country
        grid.addWidget(self.parts["street"], 0, 0, 1, 2)
        grid.addWidget(self.parts["extended"], 1, 0, 1, 2)
        grid.addWidget(self.parts["po_box"], 2, 0)
        grid.addWidget(self.parts["postcode"], 2, 1)
        grid.addWidget(self.parts["locality"], 3, 0)
        grid.addWidget(self.parts["region"], 3, 1)
        grid.addWidget(self.parts["country"], 4, 0, 1, 2)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label)
        top.addWidget(self.line, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.fields)
        if entry is not None:
            self.label.setCurrentText(entry.label)
            for name, edit in self.parts.items():
                edit.setText(getattr(entry, name))
        self._update_line()
        self.set_editing(entry is None)
        self.label.editTextChanged.connect(lambda _t: self.changed.emit())
        self.edit_button.toggled.connect(self.set_editing)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.setFocusProxy(self.label)

    def set_editing(self, editing: bool) -> None:
        self.edit_button.setChecked(editing)
        self.fields.setVisible(editing)
        if editing and self.isVisible():
            self.parts["street"].setFocus()

    def _part_edited(self, _text: str) -> None:
        self._update_line()
        self.changed.emit()

    def _current(self) -> AddressEntry:
        return AddressEntry(
            label=self.label.currentText(), id=self._id, **{name: edit.text() for name, edit in self.parts.items()}
        )

    def _update_line(self) -> None:
        text = self._current().one_line()
        self.line.setText(text or QCoreApplication.translate("FieldRows", "(empty)"))

    def focus_chain(self) -> list[QWidget]:
        return [self.label, self.edit_button, *(self.parts[n] for n, _t in ADDRESS_FIELDS), self.remove]

    def entry(self) -> AddressEntry | None:
        current = self._current()
        return None if current.is_empty() else current


class ProfileRow(EntryRow):
    """A service and a handle or address; web ones are links."""

    def __init__(self, entry: ProfileEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileRow")
        self._id = entry.id if entry else None
        self.service = _editable_combo(self, SERVICES, "profileService")
        self.service.setMaximumWidth(self.service.fontMetrics().horizontalAdvance("M" * 9))
        self.value = QLineEdit(self, objectName="profileValue", placeholderText=QCoreApplication.translate("FieldRows", "@name, or a web address"))
        self.link = QLabel(self, objectName="profileLink")
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.remove = _remove_button(self, QCoreApplication.translate("FieldRows", "profile"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.service)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.link)
        layout.addWidget(self.remove)
        if entry is not None:
            self.service.setCurrentText(entry.service)
            self.value.setText(entry.value)
        self._update_link()
        self.service.editTextChanged.connect(self._edited)
        self.value.textEdited.connect(self._edited)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.setFocusProxy(self.service)

    def url(self) -> str:
        return profile_url(self.service.currentText(), self.value.text())

    def _update_link(self) -> None:
        url = self.url()
        self.link.setText(f'<a href="{escape(url, quote=True)}">{QCoreApplication.translate("FieldRows", "open")}</a>' if url else "")
        self.link.setToolTip(url)

    def _edited(self, *_args) -> None:
        self._update_link()
        self.changed.emit()

    def focus_chain(self) -> list[QWidget]:
        return [self.service, self.value, self.link, self.remove]

    def entry(self) -> ProfileEntry | None:
        if not self.value.text().strip() and not self.service.currentText().strip():
            return None
        return ProfileEntry(self.service.currentText(), self.value.text(), self._id)


class RelationRow(EntryRow):
    """A kind and a name; a name that is someone in the journal opens them."""

    open_person = Signal(int)

    def __init__(self, entry: RelationEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationRow")
        self._id = entry.id if entry else None
        self.other = entry.other if entry else None
        self.kind = _editable_combo(self, RELATION_KINDS, "relationKind")
        self.kind.setMaximumWidth(self.kind.fontMetrics().horizontalAdvance("M" * 9))
        self.name = NameEdit(self)
        self.name.setObjectName("relationName")
        self.name.setPlaceholderText(QCoreApplication.translate("FieldRows", "their name"))
        self.open_button = QPushButton(self, objectName="openRelation")
        self.open_button.setFlat(True)
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; border: none; }")
        self.remove = _remove_button(self, QCoreApplication.translate("FieldRows", "relation"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.remove)
        if entry is not None:
            self.kind.setCurrentText(entry.kind)
            self.name.setText(entry.name)
        self._update_link()
        self.kind.editTextChanged.connect(lambda _t: self.changed.emit())
        self.name.textEdited.connect(self._name_edited)
        self.name.chosen.connect(self._chosen)
        self.open_button.clicked.connect(self._open)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.setFocusProxy(self.kind)

    def _update_link(self) -> None:
        self.open_button.setVisible(self.other is not None)
        self.open_button.setText(QCoreApplication.translate("FieldRows", "open"))
        self.open_button.setToolTip(QCoreApplication.translate("FieldRows", "Open {name} in People").format(name=self.name.text()))

    def _name_edited(self, _text: str) -> None:
        self.other = None  # linked again by name when saved
        self._update_link()
        self.changed.emit()

    def _chosen(self, person_id, name: str) -> None:
        self.name.setText(name)
        self.other = person_id
        self._update_link()
        self.changed.emit()

    def _open(self) -> None:
        if self.other is not None:
            self.open_person.emit(self.other)

    def focus_chain(self) -> list[QWidget]:
        return [self.kind, self.name, self.open_button, self.remove]

    def entry(self) -> RelationEntry | None:
        person_id, name = self.name.current()
        if not name and not self.kind.currentText().strip():
            return None
        return RelationEntry(self.kind.currentText(), name, person_id if person_id is not None else self.other, self._id)


class EntryList(QWidget):
    """The rows of one kind, and a button that adds one."""

    changed = Signal()
    rows_changed = Signal()  # a row added or removed (the tab order follows)

    def __init__(self, factory, add_text: str, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(object_name or "entryList")
        self._factory = factory
        self.rows: list[EntryRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setObjectName((object_name or "entryList") + "Add")
        self.add_button.setAutoDefault(False)
        self.extra = QHBoxLayout()  # what the section shows beside its Add button
        self.extra.setContentsMargins(0, 0, 0, 0)
        self.extra.addWidget(self.add_button)
        self.extra.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 4)
        layout.setSpacing(4)
        layout.addLayout(self._rows_layout)
        layout.addLayout(self.extra)
        self.add_button.clicked.connect(self._add_clicked)

    def set_entries(self, entries) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for entry in entries:
            self._append(entry)
        self.rows_changed.emit()

    def _append(self, entry) -> EntryRow:
        row = self._factory(entry, self)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_row)
        self._rows_layout.addWidget(row)
        row.show()  # a child added to a shown widget stays hidden until told
        self.rows.append(row)
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.setFocus()

    def add_row(self) -> EntryRow:
        row = self._append(None)
        self.rows_changed.emit()
        self.changed.emit()
        return row

    def remove_row(self, row: EntryRow) -> None:
        if row not in self.rows:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.rows_changed.emit()
        self.changed.emit()
        (self.rows[min(index, len(self.rows) - 1)] if self.rows else self.add_button).setFocus()

    def entries(self) -> tuple:
        """Every row's entry, blank rows left out; the first bad row raises ValidationError."""
        return tuple(e for e in (row.entry() for row in self.rows) if e is not None)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in self.rows:
            chain += row.focus_chain()
        chain.append(self.add_button)
        return chain
