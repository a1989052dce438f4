"""Log a conversation: who, when, how, what was said, offers made and next steps, in one go.

Keyboard: Alt+P people, Alt+H when, Alt+C channel, Alt+S summary, Alt+N notes, Alt+O offer,
Alt+F another offer, Alt+X next step, Alt+E another step, Alt+2 / Alt+W / Alt+M due in 2 days /
a week / a month, Ctrl+Enter saves, Esc cancels.

Opened from a suggestion (a meeting seen in a calendar), it comes filled in with the meeting's
people, start, title and channel, and saving also marks the suggestion logged, in the same
operation: one undo takes both back.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.desktop.preferences import Preferences
from journal.domain.channels import DEFAULT_CHANNEL
from journal.services.conversations.records import LogResult, log_conversation
from journal.ui.dialogs.log_rows import OfferRow, RowList, StepRow, person_ref
from journal.ui.labels import fill_channels
from journal.ui.widgets.action_icons import action_icon
from journal.ui.widgets.avatar import avatars
from journal.ui.widgets.date_edits import TabLeavingDateTimeEdit
from journal.ui.widgets.people_picker import PeoplePicker

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class LogDialog(QDialog):
    saved = Signal(object)  # LogResult

    def __init__(
        self,
        context,
        parent: QWidget | None = None,
        *,
        people: list[tuple[int, str]] = (),
        when: dt.datetime | None = None,
        channel: str = "",
        summary: str = "",
        suggestion: str = "",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.result_: LogResult | None = None
        self.suggestion = suggestion  # the key of the suggestion this logs ("" for none)
        self.setObjectName("logDialog")
        self.setWindowTitle(self.tr("Log conversation"))
        self.setMinimumWidth(720)
        today = context.clock.today()

        self.error = QLabel(self, objectName="logError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(
            "QLabel#logError { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.error.hide()

        self.picker = PeoplePicker(self)
        size = self.picker.edit.fontMetrics().height() + 4
        cache = avatars(context)
        self.picker.set_decorator(lambda people_: cache.icons(people_, size))
        self.picker.edit.completer().popup().setIconSize(QSize(size, size))
        self.when = TabLeavingDateTimeEdit(self, objectName="when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setDateTime(QDateTime(when or context.clock.now()))
        self.channel = QComboBox(self, objectName="channel")
        fill_channels(self.channel, channel or DEFAULT_CHANNEL)
        self.summary = QLineEdit(self, objectName="summary")
        self.summary.setPlaceholderText(self.tr("one line: what it was about"))
        self.summary.setText(summary)
        self._given_summary = summary
        self.notes = QPlainTextEdit(self, objectName="notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("what you learned, what they care about"))
        self.notes.setFixedHeight(90)
        self.offers = RowList(OfferRow, self)
        self.steps = RowList(lambda parent: StepRow(today, parent), self)
        # Plain shortcuts, not mnemonics: a mnemonic clicks after a visible delay.
        self.add_offer = QPushButton(self.tr("Another offer  (Alt+F)"), self, objectName="addOffer")
        self.add_step = QPushButton(self.tr("Another step  (Alt+E)"), self, objectName="addStep")

        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addLayout(self._build_form())
        layout.addWidget(self._build_hint())
        layout.addWidget(self._build_buttons())
        self._install_shortcuts()
        self.picker.changed.connect(self._people_changed)
        self.picker.edit.textChanged.connect(lambda _t: self._people_changed())
        for person_id, name in people:
            self.picker.add(person_id, name)
        self._given_people = self.picker.people()
        self._fix_tab_order()
        if suggestion and people:
            self.notes.setFocus()  # who, when and what are in: what was said is left to write
        else:
            self.picker.setFocus()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        # Alt+letter on a label jumps to its field (for rows: the first row's text).
        rows = (
            (self.tr("&People:"), self.picker, self.picker.edit),
            (self.tr("W&hen:"), self.when, self.when),
            (self.tr("&Channel:"), self.channel, self.channel),
            (self.tr("&Summary:"), self.summary, self.summary),
            (self.tr("&Notes:"), self.notes, self.notes),
            (self.tr("&Offered to\nintroduce me to:"), self._with_button(self.offers, self.add_offer), self.offers.rows[0].target),
            (self.tr("Ne&xt steps:"), self._with_button(self.steps, self.add_step), self.steps.rows[0].text),
        )
        for text, field, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        return form

    def _build_hint(self) -> QLabel:
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels · Alt+2 / Alt+W / Alt+M set a step's due date"), self)
        hint.setObjectName("hint")
        hint.setStyleSheet("color: palette(placeholder-text);")
        return hint

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setIcon(action_icon("save"))
        self.save_button.setToolTip(self.tr("Save the conversation (Ctrl+Enter)"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip(self.tr("Close without saving (Esc)"))
        self.add_offer.setIcon(action_icon("add"))
        self.add_step.setIcon(action_icon("add"))
        # No default button: Enter belongs to the fields (it adds a person).
        for button in (self.save_button, cancel, self.add_offer, self.add_step):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.add_offer.clicked.connect(lambda: self._add_row(self.offers))
        self.add_step.clicked.connect(lambda: self._add_row(self.steps))
        return self.buttons

    def _install_shortcuts(self) -> None:
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, activated=self.save)
        QShortcut(QKeySequence("Alt+F"), self, activated=lambda: self._add_row(self.offers))
        QShortcut(QKeySequence("Alt+E"), self, activated=lambda: self._add_row(self.steps))

    @staticmethod
    def _with_button(rows: QWidget, button: QPushButton) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(rows)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # --- rows ------------------------------------------------------------------------------------

    def _add_row(self, rows: RowList) -> None:
        row = rows.add_row()
        if isinstance(row, OfferRow):
            row.set_people(self.picker.people())
        self._fix_tab_order()
        row.setFocus()

    def _people_changed(self) -> None:
        people = self.picker.people()
        for row in self.offers.rows:
            row.set_people(people)

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.picker.edit, self.when, self.channel, self.summary, self.notes]
        for row in self.offers.rows:
            chain += [row.introducer, row.target, row.description]
        chain.append(self.add_offer)
        for row in self.steps.rows:
            chain += [row.text, row.due.date_edit]
        chain += [self.add_step, self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- saving ----------------------------------------------------------------------------------

    def has_input(self) -> bool:
        """Anything typed that closing would lose."""
        return bool(
            self.picker.people() != self._given_people
            or self.summary.text().strip() != self._given_summary.strip()
            or self.notes.toPlainText().strip()
            or any(row.has_text() for row in self.offers.rows + self.steps.rows)
        )

    def save(self) -> None:
        edit = self.picker.edit
        if edit.offers_other_people():  # "Dan" typed while "Dana Smith" is offered: ask, don't guess
            name = edit.current()[1]
            self.show_error(
                self.tr(
                    "“{name}” is like people already in your journal: choose one (↓, then Enter), or press "
                    "Enter to add “{name}” as someone new."
                ).format(name=name)
            )
            edit.setFocus()
            return
        participants = [person_ref(pid, name) for pid, name in self.picker.people()]
        offers = [d for d in (row.draft() for row in self.offers.rows) if d is not None]
        steps = [d for d in (row.draft() for row in self.steps.rows) if d is not None]
        names = ", ".join(name for _pid, name in self.picker.people())
        if self.suggestion:
            from journal.services.agenda.today import log_suggested_meeting

            log, first = log_suggested_meeting, (self.suggestion, participants)
        else:
            log, first = log_conversation, (participants,)
        outcome = self.context.operations.run(
            self.tr("Log a conversation with {names}").format(names=names) if names else self.tr("Log a conversation"),
            log,
            *first,
            when=self.when.dateTime().toPython().replace(second=0, microsecond=0),
            channel=self.channel.currentData(),
            summary=self.summary.text(),
            notes=self.notes.toPlainText(),
            offers=offers,
            next_steps=steps,
            clock=self.context.clock,
            new_people_cadence_days=Preferences(self.context.settings).default_cadence_days,
            failure=self.show_error,
        )
        if outcome is None:
            return
        result = outcome.value
        self.result_ = result
        self.saved.emit(result)
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(self.tr("<b>Nothing was saved.</b> {error}").format(error=message))
        self.error.show()
        if "person" in message.lower() and not self.picker.people():
            self.picker.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter belongs to the fields (it adds a person); only Ctrl+Enter saves, never a default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.has_input() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard this conversation?"),
            self.tr("What you typed has not been saved. Close the dialog and lose it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
