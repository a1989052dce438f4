"""Today: what needs you now, with Done, Snooze and Open on every item, by key and by click.

Keys in the list: D or Space = Done, S = Snooze menu, 1 = snooze a day, W = snooze a week,
Enter = Open, C = write to them (a congratulation on a new job, wishes on a date that matters).

Dates that matter and job changes have no due day to move: Done marks the date done for this
year or dismisses the job change; Snooze is off for them.

Suggestions (contact seen in mail and calendars) are acted on, never by themselves: Enter or L
logs a meeting (the Log dialog, filled in) or moves an introduction to the stage a message
suggests; D or Delete dismisses one for good. Each is one operation, undone with Ctrl+Z.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.desktop.preferences import Preferences
from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage
from journal.services.agenda import due_actions
from journal.services.agenda.stats import conversations_per_week
from journal.services.agenda.today import Group, Suggested, TodayItem, today_items, today_steps, today_suggestions
from journal.ui.labels import done_label, stage_label
from journal.ui.today import words
from journal.ui.today.snooze import snooze_menu
from journal.ui.today.today_model import TodayModel, is_suggestion, title_of

if TYPE_CHECKING:
    from journal.ui.dialogs.log_dialog import LogDialog
from journal.ui import dates
from journal.ui.today.week_chart import WeekChart
from journal.ui.widgets.action_icons import action_icon

EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "TodayView",
    "<h3>Nothing needs you today</h3>"
    "<p>Log a conversation with <b>Ctrl+N</b>. The next steps you note, the introductions people offer "
    "and the keep-in-touch reminders you set show up here on the day they fall due.</p>",
)


def _day_text(day: dt.date) -> str:
    return dates.long(day)


_UNKNOWN = object()


def _movable(item: TodayItem | None) -> bool:
    """Whether Snooze applies: not to dates that matter, job changes nor suggestions."""
    return item is not None and not is_suggestion(item) and due_actions.can_move(item)


class TodayView(QWidget):
    acted = Signal(str)  # a one-line description of what was done, for the status bar

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("todayView")
        self.model = TodayModel(self)

        self.heading = QLabel(self, objectName="todayHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self, objectName="todaySummary")
        self.summary.setWordWrap(True)
        self.chart = WeekChart(self)
        self.chart.setMinimumWidth(330)

        self.table = QTableView(self, objectName="todayList")
        self.table.setModel(self.model)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as in the other views
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Details and Due get widths from the longest text they usually hold (the user can drag
        # them wider): sizing to contents would measure every row of a big journal's list.
        metrics = self.fontMetrics()
        for column, sample in ((1, self.tr("Introduced · waiting 30 days")), (2, self.tr("999 days overdue"))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.empty = QWidget(self, objectName="todayEmpty")
        self.empty_text = QLabel(self.tr(EMPTY_TEXT), self.empty)
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setFixedWidth(520)  # a fixed width lets the wrapped text take its full height
        self.log_button = QPushButton(self.empty, objectName="emptyLogButton")
        self.log_button.setText(self.tr("Log a conversation…"))
        self.log_button.clicked.connect(self._log_new)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)

        self.done_button = QPushButton(self.tr("Done  (D)"), self, objectName="doneButton")
        self.snooze_button = QToolButton(self, objectName="snoozeButton")
        self.snooze_button.setText(self.tr("Snooze  (S)"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.open_button = QPushButton(self.tr("Open  (Enter)"), self, objectName="openButton")
        self.write_button = QPushButton(self.tr("Congratulate…  (C)"), self, objectName="writeButton")
        self.write_button.setIcon(action_icon("mail"))
        self.write_button.setToolTip(self.tr("Draft a note to them in your mail app (C)"))
        self.write_button.clicked.connect(self.write_current)
        self.open_url = QDesktopServices.openUrl  # how a draft reaches the mail app (tests swap it)
        self.done_button.setIcon(action_icon("done"))
        self.snooze_button.setIcon(action_icon("lapsed"))
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.open_button.setIcon(action_icon("open"))
        for button in (self.done_button, self.snooze_button, self.open_button, self.write_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the focus; keys do the same
        self.done_button.clicked.connect(self.done_current)
        self.open_button.clicked.connect(self.open_current)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.summary)
        titles.addStretch(1)
        top.addLayout(titles, 1)
        top.addWidget(self.chart)
        actions = QHBoxLayout()
        actions.addWidget(self.done_button)
        actions.addWidget(self.snooze_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.write_button)
        actions.addStretch(1)
        self.hint = hint = QLabel(self._hint_text(None), self, objectName="todayHint")
        hint.setStyleSheet("color: palette(placeholder-text);")
        actions.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addLayout(actions)

        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._last_position: tuple[int, int] | None = None
        self._stale = False
        self._next_end: dt.datetime | None | object = _UNKNOWN  # when the next meeting seen ends
        context.signals.changed.connect(self._journal_changed)
        context.operations.undone.connect(self._undone)
        # Past midnight, "today" is another day: a cheap check once a minute keeps the list true.
        self._day_timer = QTimer(self, interval=60_000, timerType=Qt.TimerType.VeryCoarseTimer)
        self._day_timer.timeout.connect(self._check_day)  # runs while the view shows
        self.setFocusProxy(self.table)
        self.refresh()

    # --- contents ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self._next_end = _UNKNOWN
        today = self.context.clock.today()
        key = self._current_key()
        position = self._position()
        date_days = Preferences(self.context.settings).today_date_days
        self.model.set_items(today_items(clock=self.context.clock, date_days=date_days), today)
        self._set_spans()
        self.heading.setText(self.tr("Today — {day}").format(day=_day_text(today)))
        self.summary.setText(self._summary_text())
        self.chart.set_weeks(conversations_per_week(clock=self.context.clock))
        old_menu = self.snooze_button.menu()
        self.snooze_button.setMenu(snooze_menu(self, today, self.snooze_current))
        if old_menu is not None:
            old_menu.deleteLater()  # one menu at a time, however often the list refreshes
        self.pages.setCurrentWidget(self.empty if self.model.is_empty() else self.table)
        self._restore_current(key, position)
        self._update_buttons()

    def _set_spans(self) -> None:
        self.table.clearSpans()
        for row in self.model.heading_rows():  # a heading spans the three columns
            self.table.setSpan(row, 0, 1, self.model.columnCount())

    def refresh_suggestions(self) -> None:
        """Read the suggestions group again, alone (a suggestion dismissed, a scan): the other
        groups' rows stay as they are."""
        self._next_end = _UNKNOWN
        key = self._current_key()
        position = self._position()
        self.model.replace_group(Group.SUGGESTIONS, today_suggestions(clock=self.context.clock))
        self._set_spans()
        self.summary.setText(self._summary_text())
        self.pages.setCurrentWidget(self.empty if self.model.is_empty() else self.table)
        self._restore_current(key, position)
        self._update_buttons()

    def _undone(self, step) -> None:
        """What an undo brought back is selected, so Done again is one key away."""
        if self.isVisible():
            for key in sorted(step.changeset.values("suggestion_state", "key")):
                kind, _sep, _rest = str(key).partition(":")
                if kind in set(Suggested) and self.select(kind, key):
                    return
            for table, kind in (("next_step", "next_step"), ("introduction", "introduction"), ("person_date", "date"), ("job", "reconnect")):
                if any(self.select(kind, item_id) for item_id in sorted(step.changeset.ids(table))):
                    return

    def _patch_steps(self, changed: set[int]) -> bool:
        key = self._current_key()
        position = self._position()
        if not self.model.patch_steps(changed, today_steps(changed, clock=self.context.clock)):
            return False
        self.summary.setText(self._summary_text())
        self._restore_current(key, position)
        self._update_buttons()
        return True

    def _summary_text(self) -> str:
        counts = self.model.counts()
        if not counts:
            return self.tr("All clear.")
        parts = []
        names = {
            Group.STEPS: (self.tr("{n} next step"), self.tr("{n} next steps")),
            Group.INTRODUCTIONS: (self.tr("{n} introduction waiting"), self.tr("{n} introductions waiting")),
            Group.KEEP_IN_TOUCH: (self.tr("{n} person to keep in touch with"), self.tr("{n} people to keep in touch with")),
            Group.DATES: (self.tr("{n} date that matters"), self.tr("{n} dates that matter")),
            Group.RECONNECT: (self.tr("{n} job change"), self.tr("{n} job changes")),
            Group.SUGGESTIONS: (self.tr("{n} suggestion"), self.tr("{n} suggestions")),
        }
        for group, n in counts.items():
            one, many = names[group]
            parts.append((one if n == 1 else many).format(n=n))
        return " · ".join(parts)

    def current_item(self) -> TodayItem | None:
        return self.model.item(self.table.currentIndex())

    def select(self, kind: str, item_id: int | str) -> bool:
        index = self.model.index_of((kind, item_id))
        if index.isValid():
            self.table.setCurrentIndex(index)
        return index.isValid()

    def _current_key(self) -> tuple[str, int | str] | None:
        item = self.current_item()
        return (item.kind.value, item.ident) if item else None

    def _position(self) -> tuple[int, int] | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.model.item(index) is None:
            return self._last_position
        return self.model.position_of(index.row())

    def _restore_current(self, key, position) -> None:
        index = self.model.index_of(key) if key else QModelIndex()
        if not index.isValid():
            row = self.model.row_at(*(position or (0, 0)))
            index = self.model.index(row, 0) if row is not None else QModelIndex()
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        item = self.current_item()
        for button in (self.done_button, self.snooze_button, self.open_button):
            button.setEnabled(item is not None)
        movable = _movable(item)
        writable = item is not None and not movable and not is_suggestion(item)
        self.snooze_button.setEnabled(movable)
        self.snooze_button.setToolTip("" if movable or item is None else self._no_snooze_text(item))
        self.write_button.setVisible(writable)
        self.write_button.setEnabled(writable)
        self.open_button.setText(
            self.tr("{action}  (Enter)").format(action=self._act_label(item)) if is_suggestion(item)
            else self.tr("Open  (Enter)")
        )
        self.open_button.setToolTip(self.tr("Enter or L") if is_suggestion(item) else "")
        self.hint.setText(self._hint_text(item))
        if item is not None and item.kind is ItemKind.DATE:
            self.write_button.setText(self.tr("Send wishes…  (C)"))
        else:
            self.write_button.setText(self.tr("Congratulate…  (C)"))
        self.done_button.setText(f"{self._done_label(item)}  (D)" if item else self.tr("Done  (D)"))
        if item is not None:
            self._last_position = self._position()

    def _hint_text(self, item: TodayItem | None) -> str:
        if item is not None and item.kind is Suggested.MEETING:
            return self.tr("Enter / L: log it · D / Delete: dismiss for good · Ctrl+Z: undo")
        if is_suggestion(item):
            return self.tr("Enter / L: {action} · D / Delete: dismiss for good · Ctrl+Z: undo").format(
                action=words.stage_action(item, in_sentence=True)
            )
        return self.tr("D / Space: done · S: snooze · 1: a day later · W: a week later · Enter: open · C: write")

    def _done_label(self, item: TodayItem) -> str:
        return self.tr("Dismiss") if is_suggestion(item) else done_label(item)

    def _act_label(self, item: TodayItem) -> str:
        """What Enter does to a suggestion: log the meeting, or move the introduction on."""
        return self.tr("Log it…") if item.kind is Suggested.MEETING else words.stage_action(item)

    # --- actions ---------------------------------------------------------------------------------

    def done_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if is_suggestion(item):
            self.dismiss_current()
            return
        if item.kind is ItemKind.KEEP_IN_TOUCH:
            self._contacted(item)
            return
        title = title_of(item)
        label = (self.tr("Dismiss: {title}") if item.kind is ItemKind.RECONNECT else self.tr("Done: {title}")).format(title=title)
        result = self.context.operations.run(label, due_actions.mark_done, item, clock=self.context.clock, parent=self)
        if result is None:
            return
        if item.kind is ItemKind.RECONNECT:
            self.acted.emit(self.tr("Dismissed: {title}. Ctrl+Z undoes it.").format(title=title))
        elif item.kind is ItemKind.DATE:
            self.acted.emit(self.tr("Done for this year: {title}. Ctrl+Z undoes it.").format(title=title))
        elif item.kind is ItemKind.INTRODUCTION:
            stage = stage_label(Stage(result.value.stage))
            self.acted.emit(self.tr("{title}: now {stage}. Ctrl+Z undoes it.").format(title=item.title, stage=stage))
        else:
            self.acted.emit(self.tr("Done: {title}. Ctrl+Z undoes it.").format(title=title))

    def _contacted(self, item: TodayItem) -> None:
        box = QMessageBox(self)
        box.setObjectName("contactedBox")
        box.setWindowTitle(self.tr("In touch"))
        box.setIcon(QMessageBox.Icon.Question)
        name = item.people[0] if item.people else self.tr("them")
        box.setText(self.tr("You were in touch with {name}. Log the conversation?").format(name=name))
        box.setInformativeText(
            self.tr(
                "Logging it keeps notes and resets the reminder; “Just mark contacted” moves the reminder "
                "one cadence on without a note."
            )
        )
        log = box.addButton(self.tr("&Log conversation…"), QMessageBox.ButtonRole.AcceptRole)
        mark = box.addButton(self.tr("Just &mark contacted"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(log)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is log:
            self.log_with(item.id, name)
        elif clicked is mark:
            result = self.context.operations.run(
                self.tr("In touch with {name}").format(name=name),
                due_actions.mark_done, item, clock=self.context.clock, parent=self,
            )
            if result is not None:
                self.acted.emit(
                    self.tr("Marked {name} as contacted; next reminder {day}.").format(
                        name=name, day=dates.weekday(result.value.until)
                    )
                )

    def _log_new(self) -> None:
        action = getattr(self.window(), "log_action", None)
        if action is not None:
            action.trigger()
        else:
            from journal.ui.dialogs.log_dialog import LogDialog

            dialog = LogDialog(self.context, self.window())
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def log_with(self, person_id: int, name: str) -> LogDialog:
        from journal.ui.dialogs.log_dialog import LogDialog  # built on first use, not at start-up

        dialog = LogDialog(self.context, self.window(), people=[(person_id, name)])
        dialog.saved.connect(lambda _r: self.acted.emit(self.tr("Logged a conversation with {name}.").format(name=name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # --- suggestions -----------------------------------------------------------------------------

    def dismiss_current(self) -> None:
        """D or Delete on a suggestion: never offer it again (one operation, Ctrl+Z takes it back)."""
        item = self.current_item()
        if not is_suggestion(item):
            return
        from journal.services.scan import suggestions

        title = title_of(item)
        result = self.context.operations.run(
            self.tr("Dismiss: {title}").format(title=title), suggestions.dismiss, item.key,
            clock=self.context.clock, parent=self,
        )
        if result is not None:
            self.acted.emit(self.tr("Dismissed: {title}. Ctrl+Z brings it back.").format(title=title))

    def act_current(self) -> None:
        """Enter or L on a suggestion: log the meeting (the Log dialog, filled in), or move the
        introduction to the stage suggested."""
        item = self.current_item()
        if not is_suggestion(item):
            return
        if item.kind is Suggested.MEETING:
            self.log_meeting(item)
        else:
            self.accept_stage(item)

    def log_meeting(self, item: TodayItem) -> LogDialog:
        """The Log dialog filled in from a meeting: its people, start, title and channel. Saving
        logs the conversation and marks the suggestion logged, as one operation."""
        from journal.ui.dialogs.log_dialog import LogDialog

        s = item.suggestion
        dialog = LogDialog(
            self.context, self.window(), people=list(zip(s.person_ids, s.people, strict=True)),
            when=s.start, channel=s.channel, summary=s.summary, suggestion=s.key,
        )
        names = words.together(s.people)
        dialog.saved.connect(
            lambda _r: self.acted.emit(self.tr("Logged your meeting with {names}. Ctrl+Z undoes it.").format(names=names))
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def accept_stage(self, item: TodayItem) -> None:
        from journal.services.agenda.today import accept_stage

        s = item.suggestion
        stage = stage_label(Stage(s.stage))
        label = self.tr("{introducer} → {target}: {stage}").format(introducer=s.introducer, target=s.target, stage=stage)
        result = self.context.operations.run(
            label, accept_stage, s.key, s.introduction_id, s.stage, clock=self.context.clock, parent=self,
        )
        if result is not None:
            self.acted.emit(self.tr("{introducer} → {target}: now {stage}. Ctrl+Z undoes it.").format(
                introducer=s.introducer, target=s.target, stage=stage,
            ))

    def open_person(self) -> bool:
        """A suggestion's first person (a meeting) or its introduction (a stage), in their view."""
        item = self.current_item()
        if not is_suggestion(item):
            return self.open_current()
        opener = getattr(self.window(), "open_item", None)
        candidates = [("introduction", item.suggestion.introduction_id)] if item.kind is Suggested.STAGE else []
        candidates.append(("person", item.person_id))
        for kind, ident in candidates:
            if ident is not None and opener is not None and opener(kind, ident):
                return True
        self.acted.emit(self.tr("No view can show this item yet."))
        return False

    def _no_snooze_text(self, item: TodayItem) -> str:
        if is_suggestion(item):
            return self.tr("A suggestion has no day to snooze: log it (Enter) or dismiss it (D).")
        if item.kind is ItemKind.DATE:
            return self.tr("A date that matters comes back each year: mark it done (D) instead of snoozing it.")
        return self.tr("A job change has no day to snooze: dismiss it (D) once you have been in touch.")

    def write_current(self) -> None:
        """Draft a congratulation (a job change) or wishes (a date that matters) in the mail app."""
        item = self.current_item()
        if item is None or due_actions.can_move(item) or is_suggestion(item):
            return
        from journal.services.agenda import greetings  # loaded on first use, not to list Today
        from journal.ui.today.greeting_dialog import GreetingDialog  # built on first use

        if item.kind is ItemKind.RECONNECT:
            draft = greetings.congratulation(
                item.person_id, item.person, item.organisation, item.role, same_organisation=item.same_organisation,
                to=item.emails[0] if item.emails else None,
            )
        else:
            draft = greetings.wishes(item.person_id, item.person, item.date_kind, item.label, item.years)
        dialog = GreetingDialog(draft, self.window(), open_url=self.open_url)
        dialog.accepted.connect(
            lambda: self.acted.emit(
                self.tr("Opened a note to {name} in your mail app; D marks it done.").format(name=item.person)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.greeting = dialog

    def snooze_current(self, until: dt.date) -> None:
        item = self.current_item()
        if item is None:
            return
        if not _movable(item):
            self.acted.emit(self._no_snooze_text(item))
            return
        day, title = dates.weekday(until), title_of(item)
        result = self.context.operations.run(
            self.tr("Snooze until {day}: {title}").format(day=day, title=title),
            due_actions.snooze_until, item, until, clock=self.context.clock, parent=self,
        )
        if result is not None:
            self.acted.emit(self.tr("Snoozed until {day}: {title}").format(day=day, title=title))

    def show_snooze_menu(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if not _movable(item):
            self.acted.emit(self._no_snooze_text(item))
            return
        rect = self.table.visualRect(self.table.currentIndex())
        self.snooze_button.menu().exec(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def open_current(self) -> bool:
        item = self.current_item()
        if item is None:
            return False
        if is_suggestion(item):
            self.act_current()
            return True
        candidates = {
            ItemKind.NEXT_STEP: [("next_step", item.id), ("person", item.person_id), ("conversation", item.conversation_id)],
            ItemKind.INTRODUCTION: [("introduction", item.id), ("person", item.person_id)],
            ItemKind.KEEP_IN_TOUCH: [("person", item.id)],
            ItemKind.DATE: [("person", item.person_id)],
            ItemKind.RECONNECT: [("person", item.person_id)],
        }[item.kind]
        opener = getattr(self.window(), "open_item", None)
        for kind, ident in candidates:
            if ident is not None and opener is not None and opener(kind, ident):
                return True
        self.acted.emit(self.tr("No view can show this item yet."))
        return False

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if self.model.item(index) is None:
            return
        self.table.setCurrentIndex(index)
        item = self.current_item()
        menu = QMenu(self)
        if is_suggestion(item):
            menu.addAction(self._act_label(item), self.act_current).setShortcut("Return")
            menu.addAction(self.tr("Dismiss for good"), self.dismiss_current).setShortcut("D")
            name = item.suggestion.introducer + " → " + item.suggestion.target if item.kind is Suggested.STAGE else item.person
            menu.addAction(self.tr("Open {name}").format(name=name), self.open_person)
            menu.exec(self.table.viewport().mapToGlobal(pos))
            menu.deleteLater()
            return
        menu.addAction(done_label(item), self.done_current).setShortcut("D")
        snooze = menu.addMenu(snooze_menu(menu, self.context.clock.today(), self.snooze_current))
        snooze.setEnabled(due_actions.can_move(item))
        if not due_actions.can_move(item):
            text = self.tr("Send wishes…") if item.kind is ItemKind.DATE else self.tr("Congratulate…")
            menu.addAction(action_icon("mail"), text, self.write_current).setShortcut("C")
        menu.addAction(self.tr("Open"), self.open_current).setShortcut("Return")
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- keys ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            key = event.key()
            handlers = {
                Qt.Key.Key_D: self.done_current,
                Qt.Key.Key_Space: self.done_current,
                Qt.Key.Key_S: self.show_snooze_menu,
                Qt.Key.Key_1: lambda: self.snooze_current(self.context.clock.today() + dt.timedelta(days=1)),
                Qt.Key.Key_W: lambda: self.snooze_current(self.context.clock.today() + dt.timedelta(days=7)),
                Qt.Key.Key_C: self.write_current,
                Qt.Key.Key_L: self.act_current,  # a suggestion: log it (or move the introduction on)
                Qt.Key.Key_Delete: self.dismiss_current,  # a suggestion: dismiss it for good
                Qt.Key.Key_Return: self.open_current,
                Qt.Key.Key_Enter: self.open_current,
                # A table's Home/End move along the row; in this list they go to the first/last item.
                Qt.Key.Key_Home: lambda: self._select_row(self.model.row_at(0, 0)),
                Qt.Key.Key_End: lambda: self._select_row(self.model.row_at(len(self.model.heading_rows()) - 1, 1 << 30)),
            }
            if key in handlers:
                handlers[key]()
                return True
        return super().eventFilter(watched, event)

    def _select_row(self, row: int | None) -> None:
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _journal_changed(self, changes) -> None:
        if not (changes.due_items or changes.conversations):
            if changes.suggestions:  # a suggestion dismissed or a scan: that group alone
                if self.isVisible() and not self._stale:
                    self.refresh_suggestions()
                else:
                    self._stale = True
            return
        # A change to a few plain next steps (a Done, a snooze, their undo) patches those rows.
        if self.isVisible() and not self._stale and changes.only("next_step") and not changes.introduction_ids:
            if self._patch_steps(set(changes.next_step_ids)):
                return
        # Hidden behind another view, the list waits until it is shown again.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _check_day(self) -> None:
        if self.heading.text() and _day_text(self.context.clock.today()) not in self.heading.text():
            self.refresh()
        elif self.heading.text():
            self._check_meetings()

    def _check_meetings(self) -> None:
        """A meeting that has just ended is one to log: the minute's check reads the suggestions
        again once the next meeting seen today is over (looked up on the first check after a
        refresh, never while the list is first painted)."""
        now = self.context.clock.now()
        if self._next_end is _UNKNOWN:
            from journal.services.scan.suggestions import upcoming

            ends = [
                m.end or m.start for m in upcoming(now - dt.timedelta(days=1), now + dt.timedelta(days=1))
                if not m.all_day and (m.end or m.start) > now
            ]
            self._next_end = min(ends, default=None)
        if self._next_end is not None and self._next_end <= now:
            self.refresh_suggestions()

    def showEvent(self, event) -> None:
        self._day_timer.start()  # (stopped while hidden: showing checks the day anyway)
        if self._stale:
            self.refresh()
        else:
            self._check_day()  # the day may have changed while the view was hidden
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._day_timer.stop()  # hidden (another view, or the window in the tray): no minute's wake-up
        super().hideEvent(event)
