"""The People view's detail pane: a person's fields, tags and cadence, and their timeline.

Under the name: their job, then how contact stands: the last conversation, the last e-mail a
scan saw (who wrote it) and the next meeting in a calendar. Keep-in-touch counts the later of
the conversation and the e-mail, as everywhere else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError, ValidationError
from journal.services.agenda import next_steps
from journal.services.people import editing, jobs
from journal.services.people.detail import PersonDetail, career, get_person, timeline
from journal.services.people.fields import FieldChanges, fields_of
from journal.services.people.organisations import organisation_names
from journal.services.people.records import PersonChanges
from journal.ui import dates
from journal.ui.dialogs.log_action import log_icon
from journal.ui.labels import cadence_presets
from journal.ui.people.field_rows import AddressRow, DateRow, EntryList, ProfileRow, RelationRow
from journal.ui.people.job_dialog import JobDialog
from journal.ui.people.people_model import format_date
from journal.ui.widgets.action_icons import action_icon
from journal.ui.widgets.avatar import avatars, draw_avatar, image_from, photo_for_journal
from journal.ui.widgets.due_date_edit import DueDateEdit
from journal.ui.widgets.section import Section
from journal.ui.widgets.timeline import TimelineList

HEADER_AVATAR = 64
REMINDER_CHOICES = (
    (None, QT_TRANSLATE_NOOP("PersonEditor", "As in Preferences")),
    (True, QT_TRANSLATE_NOOP("PersonEditor", "Remind me")),
    (False, QT_TRANSLATE_NOOP("PersonEditor", "Don't remind me")),
)
_KEEP = editing.KEEP

NO_CADENCE = QT_TRANSLATE_NOOP("PersonEditor", "No keep-in-touch reminder")
CUSTOM = QT_TRANSLATE_NOOP("PersonEditor", "Custom…")


def split_list(text: str) -> tuple[str, ...]:
    """Comma- or semicolon-separated values, blanks dropped."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


def job_text(job: jobs.JobRow) -> str:
    """"VP at Acme · since Mar 2021", "Engineer at Beta · 2018 – Jun 2020 · former"."""
    if job.organisation and job.role:
        what = QCoreApplication.translate("PersonEditor", "{role} at {organisation}").format(role=job.role, organisation=job.organisation)
    else:
        what = job.organisation or job.role

    def month(day) -> str:
        return dates.month(day.year, day.month)

    if job.current:
        since = job.started_on or job.noticed_on
        when = QCoreApplication.translate("PersonEditor", "since {date}").format(date=month(since)) if since else ""
        return " · ".join(p for p in (what, when) if p)
    start = month(job.started_on) if job.started_on else "…"
    span = f"{start} – {month(job.ended_on)}"
    return " · ".join((what, span, QCoreApplication.translate("PersonEditor", "former")))


def _unbroken(text: str) -> str:
    """`text` with no-break spaces, and a word joiner after each hyphen ("e-mailed"), so
    that a wrapping label keeps it on one line."""
    return text.replace(" ", "\u00a0").replace("-", "-\u2060")


def archived_suffix() -> str:
    """Ends the heading of an archived person; the people view reads it back."""
    return QCoreApplication.translate("PersonEditor", "  (archived)")


class PersonEditor(QWidget):
    """Edits one person. Save (Ctrl+S) validates and writes everything in one operation (one
    undo); the career list's jobs are operations of their own."""

    saved = Signal(int)
    open_requested = Signal(str, int)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id: int | None = None
        self._loading = False
        self._dirty = False
        self._loaded_job = ("", "")  # the organisation and role as loaded
        self._photo = _KEEP  # a photo picked (bytes) or cleared (None), not saved yet
        self._has_photo = False
        self.avatars = avatars(context)
        self.avatars.updated.connect(self._avatars_updated)

        self.heading = QLabel(objectName="personHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.summary = QLabel(objectName="personSummary")
        self.summary.setWordWrap(True)
        self.contact = QLabel(objectName="personContact")
        self.contact.setWordWrap(True)
        self._contact_stale = False  # a scan changed what it shows while the pane was hidden
        self.photo_button = QToolButton(objectName="photoButton")
        self.photo_button.setIconSize(QSize(HEADER_AVATAR, HEADER_AVATAR))
        self.photo_button.setAutoRaise(True)
        self.photo_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.photo_button.setToolTip(self.tr("Photo: set one from an image file, or clear it (saved with Save)"))
        self.photo_button.setAccessibleName(self.tr("Photo"))
        photo_menu = QMenu(self.photo_button)
        self.set_photo_action = photo_menu.addAction(self.tr("Set photo from a file…"), self.choose_photo)
        self.clear_photo_action = photo_menu.addAction(self.tr("Clear photo"), self.clear_photo)
        self.photo_button.setMenu(photo_menu)

        self.name = QLineEdit(objectName="name")
        self.placeholder = QCheckBox(self.tr("Placeholder (known only by a description)"), objectName="placeholder")
        self.nickname = QLineEdit(objectName="nickname", placeholderText=self.tr("what friends call them"))
        self.organisation = QLineEdit(objectName="organisation")
        self._organisations = QStringListModel(self)
        completer = QCompleter(self._organisations, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setCompleter(completer)
        self.role = QLineEdit(objectName="role")
        self.correction = QCheckBox(self.tr("This is a correction, not a job change"), objectName="correction")
        self.correction.setToolTip(
            self.tr(
                "Off: a new organisation or role is a job change (the old job is kept in the career list and Today "
                "suggests reconnecting). On: the current job is corrected in place (a typo)."
            )
        )
        self.correction.hide()
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
        self.notes.setMaximumHeight(160)  # the sections below stay in reach

        cadence_row = QHBoxLayout()
        cadence_row.setContentsMargins(0, 0, 0, 0)
        cadence_row.addWidget(self.cadence, 1)
        cadence_row.addWidget(self.custom_days)
        cadence_row.addWidget(self.next_due, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.placeholder)
        form.addRow(self.tr("Nickna&me"), self.nickname)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("Ro&le"), self.role)
        form.addRow("", self.correction)
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

        # Career: the jobs, current first; each add, edit or delete is an operation of its own.
        self.jobs = QListWidget(objectName="jobs")
        self.jobs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.jobs.setToolTip(self.tr("Enter edits a job, Delete removes it"))
        self.add_job_button = QPushButton(action_icon("add"), self.tr("Add job…"), objectName="addJob")
        self.edit_job_button = QPushButton(action_icon("edit"), self.tr("Edit…"), objectName="editJob")
        self.delete_job_button = QPushButton(action_icon("delete"), self.tr("Remove"), objectName="deleteJob")
        career_buttons = QHBoxLayout()
        career_buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_job_button, self.edit_job_button, self.delete_job_button):
            button.setAutoDefault(False)
            career_buttons.addWidget(button)
        career_buttons.addStretch(1)
        career_body = QWidget()
        career_layout = QVBoxLayout(career_body)
        career_layout.setContentsMargins(12, 0, 0, 4)
        career_layout.addWidget(self.jobs)
        career_layout.addLayout(career_buttons)
        self.career_section = Section(self.tr("Career"), career_body, object_name="careerSection")

        self.dates = EntryList(DateRow, self.tr("Add date"), object_name="dates")
        self.date_reminders = QComboBox(objectName="dateReminders")
        for value, text in REMINDER_CHOICES:
            self.date_reminders.addItem(self.tr(text), value)
        self.date_reminders.setToolTip(self.tr("Remind me of these dates: as Preferences say, always, or never"))
        reminders_label = QLabel(self.tr("Remind me of these dates:"))
        reminders_label.setBuddy(self.date_reminders)
        self.dates.extra.addWidget(reminders_label)
        self.dates.extra.addWidget(self.date_reminders)
        self.dates_section = Section(self.tr("Dates that matter"), self.dates, object_name="datesSection")
        self.addresses = EntryList(AddressRow, self.tr("Add address"), object_name="addresses")
        self.addresses_section = Section(self.tr("Addresses"), self.addresses, object_name="addressesSection")
        self.profiles = EntryList(ProfileRow, self.tr("Add profile"), object_name="profiles")
        self.profiles_section = Section(self.tr("Profiles"), self.profiles, object_name="profilesSection")
        self.relations = EntryList(self._relation_row, self.tr("Add relation"), object_name="relations")
        self.relations_section = Section(self.tr("Relations"), self.relations, object_name="relationsSection")
        self.sections = (
            (self.career_section, None),
            (self.dates_section, self.dates),
            (self.addresses_section, self.addresses),
            (self.profiles_section, self.profiles),
            (self.relations_section, self.relations),
        )

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
        for section, _list in self.sections:
            fields_layout.addWidget(section)
        fields_layout.addLayout(buttons)
        fields_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll = scroll

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
        timeline_layout.setContentsMargins(4, 4, 4, 4)
        timeline_layout.addWidget(self.timeline, 1)
        timeline_layout.addLayout(step_row)

        # Ctrl+Tab / Ctrl+PgDown switch between the two.
        self.tabs = QTabWidget(objectName="personTabs")
        self.tabs.addTab(scroll, self.tr("Details"))
        self.tabs.addTab(timeline_box, self.tr("Timeline"))
        self.tabs.setTabToolTip(1, self.tr("Next steps, conversations, offers and job moves (Ctrl+Tab)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.log_button = QPushButton(log_icon(), self.tr("Log conversation…"), objectName="logWithPerson")
        self.log_button.setToolTip(self.tr("Log a conversation with this person (Ctrl+Shift+L)"))
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.summary)
        titles.addWidget(self.contact)
        titles.addStretch(1)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignTop)
        heading_row.addLayout(titles, 1)
        heading_row.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(heading_row)
        layout.addWidget(self.tabs, 1)

        for edit in self._line_edits():
            edit.textEdited.connect(self._mark_dirty)
        self.organisation.textEdited.connect(self._job_edited)
        self.role.textEdited.connect(self._job_edited)
        self.correction.toggled.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.placeholder.toggled.connect(self._mark_dirty)
        self.cadence.currentIndexChanged.connect(self._cadence_changed)
        self.custom_days.valueChanged.connect(self._mark_dirty)
        self.date_reminders.currentIndexChanged.connect(self._mark_dirty)
        for _section, entries in self.sections:
            if entries is not None:
                entries.changed.connect(self._mark_dirty)
                entries.rows_changed.connect(self._lists_changed)
        self.jobs.itemActivated.connect(lambda _item: self.edit_job())
        self.jobs.currentRowChanged.connect(lambda _row: self._update_job_buttons())
        self.add_job_button.clicked.connect(self.add_job)
        self.edit_job_button.clicked.connect(self.edit_job)
        self.delete_job_button.clicked.connect(self.delete_job)
        delete_job = QShortcut(QKeySequence.StandardKey.Delete, self.jobs)
        delete_job.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_job.activated.connect(self.delete_job)
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
        context.signals.changed.connect(self._journal_changed)
        self._fix_tab_order()
        self._set_enabled(False)

    def _line_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.name, self.nickname, self.organisation, self.role, self.emails, self.phones, self.linkedin,
            self.website, self.location, self.how_met, self.tags,
        )

    def _relation_row(self, entry, parent):
        row = RelationRow(entry, parent)
        row.open_person.connect(lambda person_id: self.open_requested.emit("person", person_id))
        return row

    def _fix_tab_order(self) -> None:
        """Down the form, then each section (its header, then its rows), then Save and Revert."""
        chain: list[QWidget] = [
            self.photo_button, self.name, self.placeholder, self.nickname, self.organisation, self.role,
            self.correction, self.emails, self.phones, self.linkedin, self.website, self.location,
            self.how_met, self.tags, self.cadence, self.custom_days, self.notes,
        ]
        chain += [self.career_section.header, self.jobs, self.add_job_button, self.edit_job_button, self.delete_job_button]
        for section, entries in self.sections[1:]:
            chain.append(section.header)
            chain += entries.focus_chain()
            if entries is self.dates:
                chain.append(self.date_reminders)
        chain += [self.revert_button, self.save_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _lists_changed(self) -> None:
        for section, entries in self.sections[1:]:
            section.set_count(len(entries.rows))
            if entries.rows and not section.expanded() and not self._loading:
                section.set_expanded(True)
        self._fix_tab_order()

    # --- loading -------------------------------------------------------------------------------

    def _set_enabled(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)
        self.log_button.setEnabled(enabled)
        self.photo_button.setEnabled(enabled)
        if not enabled:
            self.heading.setText(self.tr("No one selected"))
            self.summary.setText(self.tr("Pick a person in the list, or add one with Ctrl+Shift+N."))
            self.summary.show()
            self.contact.clear()
            self.contact.hide()
            self.photo_button.setIcon(QIcon(draw_avatar(HEADER_AVATAR, "", "")))

    def load(self, person_id: int | None) -> None:
        self.person_id = person_id
        self._photo = _KEEP
        if person_id is None:
            self._loading = True
            for edit in self._line_edits():
                edit.clear()
            self.notes.clear()
            self.timeline.set_entries([])
            self.jobs.clear()
            for _section, entries in self.sections[1:]:
                entries.set_entries([])
            self._loading = False
            self._set_dirty(False)
            self._set_enabled(False)
            return
        try:
            detail = get_person(person_id, clock=self.context.clock)
            lists = fields_of(person_id)
        except JournalError:
            self.load(None)
            return
        self._organisations.setStringList(organisation_names())
        self._fill(detail, lists)
        self.refresh_jobs()
        self.refresh_timeline()
        self._set_enabled(True)

    def _summary_text(self, d: PersonDetail) -> str:
        parts = [p for p in (d.role, d.organisation) if p]
        job = self.tr(" at ").join(parts)
        former = (
            self.tr("formerly at {organisations}").format(organisations=", ".join(d.former_organisations[:3]))
            if d.former_organisations
            else ""
        )
        return " · ".join(p for p in (job, former) if p)

    def _contact_text(self, d: PersonDetail) -> str:
        """"last conversation 03 Mar · last e-mailed 05 Mar (they wrote) · next: Thu 12 Mar,
        Coffee chat": each part only when there is one. A narrow pane wraps the line between
        parts (or inside a meeting's title), never inside a date."""
        today = self.context.clock.today()
        parts = [
            self.tr("last conversation {date}").format(date=format_date(d.last_conversation, today))
            if d.last_conversation
            else self.tr("no conversation yet")
        ]
        if d.last_emailed is not None:
            who = self.tr("you wrote") if d.last_emailed_direction == "sent" else self.tr("they wrote")
            parts.append(
                self.tr("last e-mailed {date} ({who})").format(date=format_date(d.last_emailed.date(), today), who=who)
            )
        parts = [_unbroken(part) for part in parts]
        if d.next_meeting is not None:
            start, summary = d.next_meeting
            day = dates.weekday(start.date()) if start.year == today.year else dates.weekday_year(start.date())
            if summary.strip():
                parts.append(_unbroken(self.tr("next: {day}, {title}").format(day=day, title="\0")).replace("\0", summary.strip()))
            else:
                parts.append(_unbroken(self.tr("next: {day}").format(day=day)))
        return " · ".join(parts)

    def _contact_tooltip(self, d: PersonDetail) -> str:
        today = self.context.clock.today()
        lines = [
            self.tr("Last contact (a conversation or an e-mail): {date}").format(date=format_date(d.last_contact, today))
            if d.last_contact
            else self.tr("No contact yet")
        ]
        if d.next_meeting is not None:
            start, summary = d.next_meeting
            lines.append(
                self.tr("Next meeting in your calendar: {when} {title}").format(
                    when=dates.weekday_year(start.date()) + start.strftime(" %H:%M"), title=summary.strip()
                ).strip()
            )
        return "\n".join(lines)

    def _show_contact(self, d: PersonDetail) -> None:
        """The summary, the contact line and the keep-in-touch date: what a scan can change."""
        today = self.context.clock.today()
        self.summary.setText(self._summary_text(d))
        self.summary.setVisible(bool(self.summary.text()))
        self.contact.setText(self._contact_text(d))
        self.contact.setToolTip(self._contact_tooltip(d))
        self.contact.show()
        if d.next_due:
            overdue = self.tr(" (due now)") if d.next_due <= today else ""
            self.next_due.setText(self.tr("next due {date}").format(date=format_date(d.next_due, today)) + overdue)
        else:
            self.next_due.setText("")

    def refresh_contact(self) -> None:
        """Read again what mail and calendars say of this person (after a scan or a forget),
        leaving the fields, and any unsaved edit in them, alone."""
        self._contact_stale = False
        if self.person_id is None:
            return
        try:
            detail = get_person(self.person_id, clock=self.context.clock)
        except JournalError:
            return  # gone: the People view's own refresh clears the pane
        self._show_contact(detail)

    def _journal_changed(self, changes) -> None:
        # The People view reloads the pane when the people concerned changed, except while it
        # holds unsaved edits (then only the timeline); what it leaves out is read here.
        if not changes.scanned or self.person_id is None or (changes.tables and changes.only("suggestion_state")):
            return
        if changes.people and not self._dirty:
            return
        if changes.person_ids and self.person_id not in changes.person_ids:
            return
        if self.isVisible():
            self.refresh_contact()
        else:
            self._contact_stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._contact_stale:
            self.refresh_contact()

    def _fill(self, d: PersonDetail, lists) -> None:
        self._loading = True
        nickname = f"  “{d.nickname}”" if d.nickname else ""
        self.heading.setText(d.name + nickname + (archived_suffix() if d.archived else ""))
        self._contact_stale = False
        self._show_contact(d)
        self._show_avatar()
        self.name.setText(d.name)
        self.placeholder.setChecked(d.is_placeholder)
        self.nickname.setText(d.nickname)
        self.organisation.setText(d.organisation)
        self.role.setText(d.role)
        self._loaded_job = (d.organisation, d.role)
        self.correction.setChecked(False)
        self.correction.hide()
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
        self.date_reminders.setCurrentIndex(max(0, self.date_reminders.findData(d.date_reminders)))
        if d.date_reminders is None:
            self.date_reminders.setCurrentIndex(0)
        self.dates.set_entries(lists.dates)
        self.addresses.set_entries(lists.addresses)
        self.profiles.set_entries(lists.profiles)
        self.relations.set_entries(lists.relations)
        for section, entries in self.sections[1:]:
            section.set_count(len(entries.rows))
            section.set_expanded(bool(entries.rows) or section.expanded())
        self._fix_tab_order()
        self._loading = False
        self._set_dirty(False)

    def _show_avatar(self) -> None:
        name = self.name.text() or self.heading.text()
        if self.person_id is None:
            return
        if isinstance(self._photo, bytes):
            pixmap = draw_avatar(HEADER_AVATAR, name, self.person_id, image_from(self._photo))
        elif self._photo is None:
            pixmap = draw_avatar(HEADER_AVATAR, name, self.person_id)
        else:
            detail_name = self.heading.text().split("  “")[0].removesuffix(archived_suffix())
            pixmap = self.avatars.pixmap_now(self.person_id, detail_name, HEADER_AVATAR)
        self._has_photo = isinstance(self._photo, bytes) or (
            self._photo is _KEEP and bool(self.avatars.has_photo(self.person_id))
        )
        self.clear_photo_action.setEnabled(self._has_photo)
        self.photo_button.setIcon(QIcon(pixmap))

    def _avatars_updated(self, ids) -> None:
        if self.person_id is not None and (not ids or self.person_id in ids):
            self._show_avatar()

    def refresh_jobs(self) -> None:
        self.jobs.clear()
        if self.person_id is None:
            return
        rows = career(self.person_id)
        for job in rows:
            item = QListWidgetItem(job_text(job))
            item.setData(Qt.ItemDataRole.UserRole, job)
            if not job.current:
                item.setForeground(self.palette().placeholderText())
            self.jobs.addItem(item)
        visible = max(1, min(len(rows), 5))
        self.jobs.setFixedHeight(self.jobs.sizeHintForRow(0) * visible + 2 * self.jobs.frameWidth() + 4 if rows else 0)
        self.jobs.setVisible(bool(rows))
        self.career_section.set_count(len(rows))
        if rows and not self.career_section.expanded():
            self.career_section.set_expanded(True)
        if rows:
            self.jobs.setCurrentRow(0)
        self._update_job_buttons()

    def _update_job_buttons(self) -> None:
        has = self.jobs.currentItem() is not None
        self.edit_job_button.setEnabled(has)
        self.delete_job_button.setEnabled(has)

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

    def _job_edited(self, _text: str) -> None:
        """Offer "a correction" once the organisation or role differs from what was loaded."""
        changed = (self.organisation.text().strip(), self.role.text().strip()) != self._loaded_job
        self.correction.setVisible(changed and any(self._loaded_job))
        if not changed:
            self.correction.setChecked(False)

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
            job_change=not self.correction.isChecked(),
            nickname=self.nickname.text(),
            date_reminders=self.date_reminders.currentData(),
        )

    def field_changes(self) -> FieldChanges:
        """The lists as shown; ValidationError (the row's field focused) for a row to fix."""
        for section, entries in self.sections[1:]:
            try:
                values = entries.entries()
            except ValidationError:
                section.set_expanded(True)
                raise
            if entries is self.dates:
                dates_ = values
            elif entries is self.addresses:
                addresses = values
            elif entries is self.profiles:
                profiles = values
            else:
                relations = values
        return FieldChanges(dates=dates_, addresses=addresses, profiles=profiles, relations=relations)

    def save(self) -> bool:
        """Validate and save; a refusal is shown in a dialog and nothing is written."""
        if self.person_id is None or not self._dirty:
            return True
        changes = self.changes()
        label = self.tr("Edit {name}").format(name=changes.name.strip() or self.tr("person"))
        try:
            lists = self.field_changes()
        except ValidationError as exc:
            focused = QApplication.focusWidget()  # the row's field: back there after the message
            self.context.operations.show_failure(label, exc, self)
            if focused is not None:
                focused.setFocus()
            return False
        result = self.context.operations.run(
            label, editing.save_person, self.person_id, changes, lists, photo=self._photo,
            clock=self.context.clock, parent=self,
        )
        if result is None:
            return False
        person_id = self.person_id
        self.load(person_id)
        self.saved.emit(person_id)
        return True

    def revert(self) -> None:
        self.load(self.person_id)

    # --- photo ---------------------------------------------------------------------------------

    def choose_photo(self) -> None:
        if self.person_id is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)")
        )
        if path:
            self.set_photo_file(path)

    def set_photo_file(self, path: str) -> bool:
        """Show the image at `path` as the photo (scaled to at most 512 px); saved with Save."""
        title = self.tr("Set photo")
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.context.operations.show_failure(
                title, self.tr("The file cannot be read: {reason}").format(reason=exc.strerror or exc), self
            )
            return False
        try:
            self._photo = photo_for_journal(data)
        except ValidationError as exc:
            self.context.operations.show_failure(title, exc, self)
            return False
        self._show_avatar()
        self._set_dirty(True)
        return True

    def clear_photo(self) -> None:
        if self.person_id is None:
            return
        stored = bool(self.avatars.has_photo(self.person_id))
        self._photo = None if stored else _KEEP
        self._show_avatar()
        self._set_dirty(True)

    # --- career --------------------------------------------------------------------------------

    def _current_job(self) -> jobs.JobRow | None:
        item = self.jobs.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _after_job_change(self) -> None:
        if self._dirty:
            self.refresh_jobs()
            self.refresh_timeline()
        else:
            self.load(self.person_id)

    def _job_dialog(self, job: jobs.JobRow | None):
        dialog = JobDialog(organisation_names(), job, self)
        try:
            if dialog.exec() != JobDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            dialog.deleteLater()  # one per use: not kept as a child of the editor

    def add_job(self) -> None:
        if self.person_id is None:
            return
        values = self._job_dialog(None)
        if values is None:
            return
        result = self.context.operations.run(
            self.tr("Add a job"), jobs.add_job, self.person_id, *values, parent=self
        )
        if result is not None:
            self._after_job_change()

    def edit_job(self) -> None:
        job = self._current_job()
        if job is None:
            return
        values = self._job_dialog(job)
        if values is None:
            return
        result = self.context.operations.run(self.tr("Edit a job"), jobs.edit_job, job.id, *values, parent=self)
        if result is not None:
            self._after_job_change()

    def delete_job(self) -> None:
        job = self._current_job()
        if job is None:
            return
        result = self.context.operations.run(
            self.tr("Remove the job {job}").format(job=job_text(job)), jobs.delete_job, job.id, parent=self,
            done_text=self.tr("Job removed. Ctrl+Z brings it back."),
        )
        if result is not None:
            self._after_job_change()

    # --- next steps ----------------------------------------------------------------------------

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
