"""The People view's detail pane: a person's fields, tags and cadence, and their timeline."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.services.agenda import next_steps
from journal.services.people import records as people
from journal.services.people.detail import PersonDetail, get_person, timeline
from journal.services.people.organisations import organisation_names
from journal.services.people.records import PersonChanges
from journal.ui.dialogs.log_action import log_icon
from journal.ui.labels import cadence_presets
from journal.ui.people.people_model import format_date
from journal.ui.widgets.action_icons import action_icon
from journal.ui.widgets.due_date_edit import DueDateEdit
from journal.ui.widgets.timeline import TimelineList

NO_CADENCE = QT_TRANSLATE_NOOP("PersonEditor", "No keep-in-touch reminder")
CUSTOM = QT_TRANSLATE_NOOP("PersonEditor", "Custom…")


def split_list(text: str) -> tuple[str, ...]:
    """Comma- or semicolon-separated values, blanks dropped."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


def archived_suffix() -> str:
    """Ends the heading of an archived person; the people view reads it back."""
    return QCoreApplication.translate("PersonEditor", "  (archived)")


class PersonEditor(QWidget):
    """Edits one person. Save (Ctrl+S) validates and writes in one transaction."""

    saved = Signal(int)
    open_requested = Signal(str, int)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id: int | None = None
        self._loading = False
        self._dirty = False

        self.heading = QLabel(objectName="personHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(objectName="personSummary")
        self.summary.setForegroundRole(self.summary.foregroundRole())

        self.name = QLineEdit(objectName="name")
        self.placeholder = QCheckBox(self.tr("Placeholder (known only by a description)"), objectName="placeholder")
        self.organisation = QLineEdit(objectName="organisation")
        self._organisations = QStringListModel(self)
        completer = QCompleter(self._organisations, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setCompleter(completer)
        self.role = QLineEdit(objectName="role")
        self.emails = QLineEdit(objectName="emails", placeholderText="name@example.com, another@example.org")
        self.phones = QLineEdit(objectName="phones", placeholderText="+1 555 0100, …")
        self.linkedin = QLineEdit(objectName="linkedin", placeholderText="linkedin.com/in/…")
        self.website = QLineEdit(objectName="website")
        self.location = QLineEdit(objectName="location")
        self.how_met = QLineEdit(objectName="howMet")
        self.tags = QLineEdit(objectName="tags", placeholderText=self.tr("investor, mentor, …"))
        self.cadence = QComboBox(objectName="cadence")
        self.cadence.addItem(self.tr(NO_CADENCE), None)
        for label, days in cadence_presets():
            self.cadence.addItem(label, days)
        self.cadence.addItem(self.tr(CUSTOM), -1)
        self.custom_days = QSpinBox(objectName="customDays", minimum=1, maximum=3650, suffix=self.tr(" days"))
        self.custom_days.setValue(45)
        self.custom_days.hide()
        self.next_due = QLabel(objectName="nextDue")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)

        cadence_row = QHBoxLayout()
        cadence_row.setContentsMargins(0, 0, 0, 0)
        cadence_row.addWidget(self.cadence, 1)
        cadence_row.addWidget(self.custom_days)
        cadence_row.addWidget(self.next_due, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.placeholder)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("Ro&le"), self.role)
        form.addRow(self.tr("&E-mails"), self.emails)
        form.addRow(self.tr("&Phones"), self.phones)
        form.addRow(self.tr("L&inkedIn"), self.linkedin)
        form.addRow(self.tr("We&bsite"), self.website)
        form.addRow(self.tr("Lo&cation"), self.location)
        form.addRow(self.tr("How we me&t"), self.how_met)
        form.addRow(self.tr("Ta&gs"), self.tags)
        cadence_label = QLabel(self.tr("&Keep in touch"))
        cadence_label.setBuddy(self.cadence)
        form.addRow(cadence_label, cadence_row)
        form.addRow(self.tr("Notes"), self.notes)

        self.save_button = QPushButton(action_icon("save"), self.tr("&Save"), objectName="save")
        self.save_button.setToolTip(self.tr("Save changes (Ctrl+S)"))
        self.revert_button = QPushButton(action_icon("revert"), self.tr("Re&vert"), objectName="revert")
        self.revert_button.setToolTip(self.tr("Discard unsaved changes"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.addLayout(form)
        fields_layout.addLayout(buttons)
        fields_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.timeline = TimelineList()
        self.step_text = QLineEdit(objectName="stepText", placeholderText="Add a next step, e.g. Send the deck")
        self.step_due = DueDateEdit(context.clock.today())
        self.add_step_button = QPushButton(action_icon("step"), self.tr("Add step"), objectName="addStep")
        step_row = QVBoxLayout()
        step_row.addWidget(self.step_text)
        due_row = QHBoxLayout()
        due_row.addWidget(self.step_due)
        due_row.addStretch(1)
        due_row.addWidget(self.add_step_button)
        step_row.addLayout(due_row)
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.setContentsMargins(4, 4, 4, 4)
        timeline_layout.addWidget(self.timeline, 1)
        timeline_layout.addLayout(step_row)

        # Ctrl+Tab / Ctrl+PgDown switch between the two.
        self.tabs = QTabWidget(objectName="personTabs")
        self.tabs.addTab(scroll, self.tr("Details"))
        self.tabs.addTab(timeline_box, self.tr("Timeline"))
        self.tabs.setTabToolTip(1, self.tr("Next steps, conversations and offers (Ctrl+Tab)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.log_button = QPushButton(log_icon(), self.tr("Log conversation…"), objectName="logWithPerson")
        self.log_button.setToolTip(self.tr("Log a conversation with this person (Ctrl+Shift+L)"))
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.log_button)
        layout.addLayout(heading_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        for edit in (
            self.name, self.organisation, self.role, self.emails, self.phones, self.linkedin,
            self.website, self.location, self.how_met, self.tags,
        ):
            edit.textEdited.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.placeholder.toggled.connect(self._mark_dirty)
        self.cadence.currentIndexChanged.connect(self._cadence_changed)
        self.custom_days.valueChanged.connect(self._mark_dirty)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.add_step_button.clicked.connect(self.add_step)
        self.step_text.returnPressed.connect(self.add_step)
        self.timeline.step_toggled.connect(self._toggle_step)
        self.timeline.open_requested.connect(self.open_requested)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        self.step_due.install_shortcuts(self)
        self.setTabOrder(self.notes, self.save_button)
        self._set_enabled(False)

    # --- loading -------------------------------------------------------------------------------

    def _set_enabled(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)
        self.log_button.setEnabled(enabled)
        if not enabled:
            self.heading.setText(self.tr("No one selected"))
            self.summary.setText(self.tr("Pick a person in the list, or add one with Ctrl+Shift+N."))

    def load(self, person_id: int | None) -> None:
        self.person_id = person_id
        if person_id is None:
            self._loading = True
            for edit in (
                self.name, self.organisation, self.role, self.emails, self.phones, self.linkedin,
                self.website, self.location, self.how_met, self.tags,
            ):
                edit.clear()
            self.notes.clear()
            self.timeline.set_entries([])
            self._loading = False
            self._set_dirty(False)
            self._set_enabled(False)
            return
        try:
            detail = get_person(person_id)
        except JournalError:
            self.load(None)
            return
        self._organisations.setStringList(organisation_names())
        self._fill(detail)
        self.refresh_timeline()
        self._set_enabled(True)

    def _fill(self, d: PersonDetail) -> None:
        self._loading = True
        today = self.context.clock.today()
        self.heading.setText(d.name + (archived_suffix() if d.archived else ""))
        parts = [p for p in (d.role, d.organisation) if p]
        last = (
            self.tr("last contact {date}").format(date=format_date(d.last_contact, today))
            if d.last_contact
            else self.tr("no conversation yet")
        )
        self.summary.setText(self.tr(" at ").join(parts) + (" · " if parts else "") + last)
        self.name.setText(d.name)
        self.placeholder.setChecked(d.is_placeholder)
        self.organisation.setText(d.organisation)
        self.role.setText(d.role)
        self.emails.setText(", ".join(d.emails))
        self.phones.setText(", ".join(d.phones))
        self.linkedin.setText(d.linkedin)
        self.website.setText(d.website)
        self.location.setText(d.location)
        self.how_met.setText(d.how_met)
        self.tags.setText(", ".join(d.tags))
        self.notes.setPlainText(d.notes)
        index = self.cadence.findData(d.cadence_days) if d.cadence_days else 0
        if index < 0:
            index = self.cadence.findData(-1)
            self.custom_days.setValue(d.cadence_days)
        self.cadence.setCurrentIndex(index)
        self.custom_days.setVisible(self.cadence.currentData() == -1)
        if d.next_due:
            overdue = self.tr(" (due now)") if d.next_due <= today else ""
            self.next_due.setText(self.tr("next due {date}").format(date=format_date(d.next_due, today)) + overdue)
        else:
            self.next_due.setText("")
        self._loading = False
        self._set_dirty(False)

    def refresh_timeline(self) -> None:
        if self.person_id is not None:
            entries = timeline(self.person_id, clock=self.context.clock)
            self.timeline.set_entries(entries)
            open_steps = sum(1 for e in entries if e.kind == "next_step" and not e.done)
            self.tabs.setTabText(1, self.tr("Timeline ({n} open)").format(n=open_steps) if open_steps else self.tr("Timeline"))

    # --- editing -------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _cadence_changed(self, _index: int) -> None:
        self.custom_days.setVisible(self.cadence.currentData() == -1)
        self._mark_dirty()

    def cadence_days(self) -> int | None:
        value = self.cadence.currentData()
        if value == -1:
            return self.custom_days.value()
        return value

    def changes(self) -> PersonChanges:
        return PersonChanges(
            name=self.name.text(),
            is_placeholder=self.placeholder.isChecked(),
            organisation=self.organisation.text(),
            role=self.role.text(),
            emails=split_list(self.emails.text()),
            phones=split_list(self.phones.text()),
            linkedin=self.linkedin.text(),
            website=self.website.text(),
            location=self.location.text(),
            how_met=self.how_met.text(),
            notes=self.notes.toPlainText(),
            tags=split_list(self.tags.text()),
            cadence_days=self.cadence_days(),
        )

    def save(self) -> bool:
        """Validate and save; a refusal is shown in a dialog and nothing is written."""
        if self.person_id is None or not self._dirty:
            return True
        changes = self.changes()
        result = self.context.operations.run(
            self.tr("Edit {name}").format(name=changes.name.strip() or self.tr("person")),
            people.update_person, self.person_id, changes, clock=self.context.clock, parent=self,
        )
        if result is None:
            return False
        person_id = self.person_id
        self.load(person_id)
        self.saved.emit(person_id)
        return True

    def revert(self) -> None:
        self.load(self.person_id)

    def add_step(self) -> None:
        if self.person_id is None:
            return
        text = " ".join(self.step_text.text().split())
        result = self.context.operations.run(
            self.tr("Add next step: {text}").format(text=text), next_steps.add, text,
            due=self.step_due.date(), person_id=self.person_id, clock=self.context.clock, parent=self,
        )
        if result is None:
            return
        self.step_text.clear()
        self.refresh_timeline()

    def _toggle_step(self, step_id: int, done: bool) -> None:
        runner = self.context.operations
        if done:
            runner.run(self.tr("Done: next step"), next_steps.complete, step_id, clock=self.context.clock, parent=self)
        else:
            runner.run(self.tr("Reopen next step"), next_steps.reopen, step_id, parent=self)
        # Not from inside the list's own itemChanged signal: rebuild once it has returned.
        QTimer.singleShot(0, self.refresh_timeline)
