"""The Calendar view: a month grid of due counts, the chosen day's items and a 14-day agenda.

Dates that matter show on their day, every year, in their own colour: Done marks that year's
done; they are not snoozed, rescheduled or dragged to another day.

Meetings with people in the journal that a scanned calendar holds (past and ahead) show as
context: a muted mark on their day in the grid and rows after the day's due items. They are
not counted as due and offer no Done or Snooze; Open (or Enter) shows the first person in one.
The month's meetings are read in one query when the month is shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.agenda import AgendaItem, ItemKind
from journal.errors import JournalError
from journal.services.agenda import due_actions
from journal.services.agenda.items import all_keep_in_touch, date_counts, due_between, due_counts, open_item
from journal.services.agenda.meetings import meetings_by_day
from journal.services.scan.suggestions import UpcomingMeeting
from journal.ui import dates
from journal.ui.calendar.item_list import DueItemList, day_heading
from journal.ui.calendar.month_grid import DayCount, MonthGrid
from journal.ui.calendar.reschedule_dialog import RescheduleDialog
from journal.ui.context import AppContext
from journal.ui.labels import item_title
from journal.ui.widgets.status import show_status
from journal.ui.widgets.when_shown import WhenShown

OVERDUE_LISTED = 50  # the most recent overdue items the agenda beside the month lists
AGENDA_DAYS = 14
EARLIEST = dt.date(1900, 1, 1)
SNOOZE_CHOICES = (
    (QT_TRANSLATE_NOOP("CalendarView", "Until tomorrow"), 1),
    (QT_TRANSLATE_NOOP("CalendarView", "For 3 days"), 3),
    (QT_TRANSLATE_NOOP("CalendarView", "For a week"), 7),
    (QT_TRANSLATE_NOOP("CalendarView", "For 2 weeks"), 14),
)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class CalendarView(QWidget):
    """Done, Snooze, Reschedule and Open act on the item selected in either list."""

    status = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        self.context = context
        self.clock = context.clock
        today = self.clock.today()
        self._items: dict[str, AgendaItem] = {}
        self._meetings: dict[dt.date, list[UpcomingMeeting]] = {}  # the visible weeks', read per month

        self.grid = MonthGrid(today)
        self.month_label = _heading("")
        self.month_label.setMinimumWidth(160)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button = QToolButton(text="◀", toolTip=self.tr("Previous month (Ctrl+Page Up)"), autoRaise=True)
        self.next_button = QToolButton(text="▶", toolTip=self.tr("Next month (Ctrl+Page Down)"), autoRaise=True)
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setToolTip(self.tr("Go to today (Ctrl+T)"))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("calendarSummary")

        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.month_label)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.today_button)
        top.addStretch(1)
        top.addWidget(self.summary_label)

        self.day_label = _heading("")
        self.day_list = DueItemList()
        self.day_list.setObjectName("dayItems")
        self.day_list.setAccessibleName(self.tr("Items due and meetings on the selected day"))
        self.empty_label = QLabel(self.tr("Nothing due on this day."))
        self.empty_label.setEnabled(False)

        self.done_button = QPushButton(self.tr("&Done"))
        self.snooze_button = QToolButton(text=self.tr("S&nooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.reschedule_button = QPushButton(self.tr("&Reschedule…"))
        self.open_button = QPushButton(self.tr("&Open"))
        buttons = QHBoxLayout()
        for button in (self.done_button, self.snooze_button, self.reschedule_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.agenda_label = _heading(self.tr("Next {days} days").format(days=AGENDA_DAYS))
        self.agenda_list = DueItemList()
        self.agenda_list.setObjectName("agendaItems")
        self.agenda_list.setAccessibleName(self.tr("Agenda of the next {days} days").format(days=AGENDA_DAYS))

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.day_label)
        # The day's list and its "nothing due" label share one place, so switching between them
        # never resizes the agenda below (re-laying out thousands of wrapped rows on each month).
        self.day_stack = QStackedWidget()
        self.day_stack.addWidget(self.day_list)
        self.day_stack.addWidget(self.empty_label)
        side_layout.addWidget(self.day_stack, 2)  # room for a day's meetings after its items
        side_layout.addLayout(buttons)
        side_layout.addSpacing(8)
        side_layout.addWidget(self.agenda_label)
        side_layout.addWidget(self.agenda_list, 3)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._build_actions()
        self._active_list = self.day_list
        self._connect()
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._when_shown = WhenShown(self, self._refresh_timer.start)
        # A scan or a forget that names nobody changes only meetings: re-reading the month
        # (what a month switch costs) is enough.
        self._month_timer = QTimer(self, singleShot=True, interval=0)
        self._month_timer.timeout.connect(self.refresh_month)
        self._month_shown = WhenShown(self, self._month_timer.start)
        context.signals.changed.connect(self._journal_changed)
        self.setTabOrder(self.grid, self.day_list)
        self.setTabOrder(self.day_list, self.done_button)
        self.setTabOrder(self.done_button, self.snooze_button)
        self.setTabOrder(self.snooze_button, self.reschedule_button)
        self.setTabOrder(self.reschedule_button, self.open_button)
        self.setTabOrder(self.open_button, self.agenda_list)
        self.setFocusProxy(self.grid)
        self.status.connect(self._show_status)
        # Loaded when first shown (showEvent): the window starts on another view, and a big
        # journal's overdue list and agenda are not worth reading before anyone looks.
        self._shown_today = None
        self._agenda_items: dict[str, AgendaItem] = {}
        self._keep_in_touch = None  # every keep-in-touch date, read once per refresh
        self._filled_with_month: dt.date | None = None  # the day refresh_month has just listed

    def showEvent(self, event) -> None:
        if self.grid.selected_date and self.clock.today() != self._shown_today:
            self.refresh()  # the date moved on while the view was hidden
        super().showEvent(event)
        self._when_shown.shown()  # what changed while another view was in front
        self._month_shown.shown()

    def _journal_changed(self, changes) -> None:
        if changes.due_items:
            self._when_shown.request()
        elif changes.scanned and not (changes.tables and changes.only("suggestion_state")):
            self._month_shown.request()  # (a suggestion dismissed changes no meeting)

    def _show_status(self, text: str) -> None:
        show_status(self, text, 6000)

    # --- wiring ------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | QKeySequence, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.today_action = self._action(self.tr("Go to today"), "Ctrl+T", self.go_to_today)
        self.prev_action = self._action(self.tr("Previous month"), "Ctrl+PgUp", lambda: self.grid.shift_month(-1))
        self.next_action = self._action(self.tr("Next month"), "Ctrl+PgDown", lambda: self.grid.shift_month(1))
        self.done_action = self._action(self.tr("Done"), "Ctrl+D", self.mark_done)
        self.snooze_action = self._action(self.tr("Snooze until tomorrow"), "Ctrl+Shift+S", lambda: self.snooze(1))
        self.reschedule_action = self._action(self.tr("Reschedule…"), "Ctrl+E", self.reschedule)
        self.open_action = self._action(self.tr("Open"), "Ctrl+O", self.open_selected)
        menu = QMenu(self.snooze_button)
        for text, days in SNOOZE_CHOICES:
            menu.addAction(self.tr(text)).triggered.connect(lambda _=False, d=days: self.snooze(d))
        self.snooze_button.setMenu(menu)
        for button, action in (
            (self.done_button, self.done_action),
            (self.snooze_button, self.snooze_action),
            (self.reschedule_button, self.reschedule_action),
            (self.open_button, self.open_action),
        ):
            button.setToolTip(f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")

    def _connect(self) -> None:
        self.prev_button.clicked.connect(lambda: self.grid.shift_month(-1))
        self.next_button.clicked.connect(lambda: self.grid.shift_month(1))
        self.today_button.clicked.connect(self.go_to_today)
        self.grid.month_changed.connect(lambda *_: self.refresh_month())
        self.grid.date_selected.connect(self._date_selected)
        self.grid.date_activated.connect(lambda _day: self._focus_day_list())
        self.grid.item_dropped.connect(self._on_drop)
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button.clicked.connect(lambda: self.snooze(1))
        self.reschedule_button.clicked.connect(self.reschedule)
        self.open_button.clicked.connect(self.open_selected)
        for lst in (self.day_list, self.agenda_list):
            lst.item_activated.connect(self.open_item)
            lst.meeting_activated.connect(self.open_meeting)
            lst.itemSelectionChanged.connect(lambda which=lst: self._on_selection(which))

    def _date_selected(self, day: dt.date) -> None:
        filled, self._filled_with_month = self._filled_with_month, None
        if day != filled:  # a month switch has listed the day already
            self._fill_day()

    def _on_selection(self, lst: DueItemList) -> None:
        if lst.current_agenda_item() is None and lst.current_meeting() is None:
            self._update_buttons()
            return
        self._active_list = lst
        other = self.agenda_list if lst is self.day_list else self.day_list
        other.blockSignals(True)
        other.clearSelection()
        other.blockSignals(False)
        self._update_buttons()

    def _focus_day_list(self) -> None:
        if self.day_list.count():
            self.day_list.setFocus()
            self.day_list.select_first_item()

    # --- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload counts, the chosen day's items and the agenda from the journal."""
        today = self.clock.today()
        self._shown_today = today
        self._month_shown.stale = False  # read again below
        self.grid.set_today(today)
        self._keep_in_touch = all_keep_in_touch(clock=self.clock)
        agenda_end = today + dt.timedelta(days=AGENDA_DAYS - 1)
        known = self._keep_in_touch
        overdue = [i for i in due_between(EARLIEST, today, clock=self.clock, keep_in_touch=known) if i.overdue]
        upcoming = [
            i for i in due_between(today, agenda_end, clock=self.clock, keep_in_touch=known, with_dates=True) if not i.overdue
        ]
        # Only what the agenda lists can be dragged from it: the latest overdue, not every one
        # (a big journal's 10,000 overdue items held here for nothing).
        self._agenda_items = {i.key: i for i in overdue[-OVERDUE_LISTED:] + upcoming}
        self._show_month()
        due_today = sum(1 for i in upcoming if i.due == today and i.kind is not ItemKind.DATE)
        self.summary_label.setText(
            self.tr("{overdue} overdue · {today} due today").format(overdue=len(overdue), today=due_today)
            if overdue
            else self.tr("{today} due today").format(today=due_today)
        )
        self._fill_day()
        self._fill_agenda(overdue, upcoming, today)

    def refresh_month(self) -> None:
        """Another month was chosen: only the grid's counts and the chosen day change (the
        overdue list and the agenda do not depend on the month shown)."""
        if self._shown_today != self.clock.today():
            self.refresh()
            return
        first, last = self.grid.first_visible(), self.grid.last_visible()
        self._show_month()
        if first <= self.grid.selected_date <= last:  # else the grid's date_selected follows and fills it
            self._fill_day()
            # A switch by select_date (the arrows, Page Up/Down) announces the day next: it is
            # listed already, so that is not done twice.
            self._filled_with_month = self.grid.selected_date

    def _show_month(self) -> None:
        """The grid's counts: counted by the journal, not built item by item (a busy month holds
        thousands of open steps, and only the chosen day's are listed)."""
        first, last = self.grid.first_visible(), self.grid.last_visible()
        counts = due_counts(first, last, clock=self.clock, keep_in_touch=self._keep_in_touch)
        yearly = date_counts(first, last)
        self._meetings = meetings_by_day(first, last)
        meetings = self._meetings
        self.grid.set_counts(
            {
                day: DayCount(total - late, late, yearly.get(day, 0), len(meetings.get(day, ())))
                for day in counts.keys() | yearly.keys() | meetings.keys()
                for total, late in [counts.get(day, (0, 0))]
            }
        )
        year, month = self.grid.year_month
        self.month_label.setText(dates.month(year, month))

    def _fill_day(self) -> None:
        day = self.grid.selected_date
        keep = self.day_list.current_agenda_item()
        keep_meeting = self.day_list.current_meeting()
        self.day_label.setText(day_heading(day, self.clock.today()))
        items = due_between(day, day, clock=self.clock, keep_in_touch=self._keep_in_touch, with_dates=True)
        self._items = {**self._agenda_items, **{i.key: i for i in items}}  # what can be dragged
        # Filled with updates held (a busy day of a big journal lists a hundred rows), then
        # shown once.
        self.day_list.setUpdatesEnabled(False)
        try:
            self.day_list.clear()
            for item in items:
                self.day_list.add_agenda_item(item)
            meetings = self._meetings.get(day, [])
            if meetings:
                if not items:
                    self.day_list.add_note(self.tr("Nothing due on this day."))
                self.day_list.add_heading(self.tr("In your calendar"))
                for meeting in meetings:
                    self.day_list.add_meeting(meeting)
        finally:
            self.day_list.setUpdatesEnabled(True)
        self.day_stack.setCurrentWidget(self.day_list if items or meetings else self.empty_label)
        if keep is not None:
            self.day_list.select_key(keep.key)
        elif keep_meeting is not None:
            self.day_list.select_meeting(keep_meeting)
        self._update_buttons()

    def _fill_agenda(self, overdue: list[AgendaItem], upcoming: list[AgendaItem], today: dt.date) -> None:
        keep = self.agenda_list.current_agenda_item()
        self.agenda_list.clear()
        if overdue:
            self.agenda_list.add_heading(self.tr("Overdue ({n})").format(n=len(overdue)))
            older = len(overdue) - OVERDUE_LISTED
            if older > 0:  # the side panel keeps to the latest; Today lists every one
                self.agenda_list.add_note(self.tr("{n} older ones: Today (Ctrl+1) lists them all").format(n=older))
            for item in overdue[-OVERDUE_LISTED:]:
                self.agenda_list.add_agenda_item(item, with_date=True, today=today)
        current = None
        for item in upcoming:
            if item.due != current:
                current = item.due
                self.agenda_list.add_heading(day_heading(current, today))
            self.agenda_list.add_agenda_item(item)
        if not overdue and not upcoming:
            self.agenda_list.add_heading(self.tr("Nothing due in the next {days} days.").format(days=AGENDA_DAYS))
        if keep is not None:
            self.agenda_list.select_key(keep.key)

    def _update_buttons(self) -> None:
        item = self.selected_item()
        has = item is not None
        acts = has and item.kind is not ItemKind.INTRODUCTION
        # A date that matters is done once a year and never moves.
        can_done = acts and not (item.kind is ItemKind.DATE and item.fact("done"))
        moves = acts and due_actions.can_move(item)
        for widget, action, enabled in (
            (self.done_button, self.done_action, can_done),
            (self.snooze_button, self.snooze_action, moves),
            (self.reschedule_button, self.reschedule_action, moves),
        ):
            widget.setEnabled(enabled)
            action.setEnabled(enabled)
        opens = has or self.selected_meeting() is not None
        self.open_button.setEnabled(opens)
        self.open_action.setEnabled(opens)

    # --- actions -----------------------------------------------------------------------------

    def selected_item(self) -> AgendaItem | None:
        return self._active_list.current_agenda_item() or self.day_list.current_agenda_item()

    def selected_meeting(self) -> UpcomingMeeting | None:
        """The meeting selected in the day's list, when no due item is."""
        if self._active_list.current_agenda_item() is not None:
            return None
        return self._active_list.current_meeting() or self.day_list.current_meeting()

    def go_to_today(self) -> None:
        self.grid.select_date(self.clock.today())
        self.grid.setFocus()

    def show_date(self, day: dt.date) -> None:
        self.grid.select_date(day)

    def _run(self, label: str, fn, *args):
        """Run a due-item verb as an operation (undoable); the list refreshes from its notice."""
        result = self.context.operations.run(label, fn, *args, clock=self.clock, parent=self)
        if result is not None:
            self.refresh()
        return result

    def mark_done(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if item.kind is ItemKind.DATE and item.fact("done"):
            return
        title = item_title(item)
        if self._run(self.tr("Done: {title}").format(title=title), due_actions.mark_done, item):
            self.status.emit(self.tr("Done: {title}").format(title=title))

    def snooze(self, days: int) -> None:
        item = self.selected_item()
        if item is None or not due_actions.can_move(item):
            return
        title = item_title(item)
        result = self._run(self.tr("Snooze: {title}").format(title=title), due_actions.snooze, item, days)
        if result is not None:
            self.status.emit(self.tr("Snoozed until {day}: {title}").format(day=dates.weekday(result.value.until), title=title))

    def ask_date(self, item: AgendaItem) -> dt.date | None:
        """The new date for `item` from a date picker, or None when cancelled."""
        earliest = self.clock.today() if item.kind is ItemKind.KEEP_IN_TOUCH else None
        dialog = RescheduleDialog(item_title(item), item.due, earliest=earliest, parent=self)
        try:
            return dialog.chosen_date() if dialog.exec() == RescheduleDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()  # one per use: not kept as a child of the view

    def reschedule(self) -> None:
        item = self.selected_item()
        if item is None or not due_actions.can_move(item):
            return
        day = self.ask_date(item)
        if day is not None:
            self.reschedule_to(item, day)

    def reschedule_to(self, item: AgendaItem, day: dt.date) -> None:
        title, when = item_title(item), dates.weekday(day)
        if self._run(self.tr("Move to {day}: {title}").format(day=when, title=title), due_actions.reschedule, item, day):
            self.status.emit(self.tr("Moved to {day}: {title}").format(day=when, title=title))

    def _on_drop(self, key: str, day: dt.date) -> None:
        item = self._items.get(key) or open_item(key, clock=self.clock)
        if item is not None and item.due != day and due_actions.can_move(item):
            self.reschedule_to(item, day)
            self.grid.select_date(day)

    def open_step(self, step_id: int) -> None:
        """Show a next step on its day, selected (the window's opener for "next_step")."""
        try:
            day = due_actions.step_date(step_id)
        except JournalError as exc:
            self.status.emit(str(exc))
            return
        if day is None:
            self.status.emit(self.tr("That next step has no date, so it is not in the calendar."))
            return
        self.grid.select_date(day)
        self.refresh()
        self.day_list.select_key(f"{ItemKind.NEXT_STEP.value}:{step_id}")
        self.day_list.setFocus()

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.open_item(item)
            return
        meeting = self.selected_meeting()
        if meeting is not None:
            self.open_meeting(meeting)

    def open_meeting(self, meeting: UpcomingMeeting) -> None:
        """Show the first person in the meeting (they are sorted by name)."""
        if not meeting.person_ids:
            return
        window = self.window()
        opener = getattr(window, "open_item", None)
        if opener is None or not opener("person", meeting.person_ids[0]):
            self.status.emit(self.tr("No view shows people yet."))

    def open_item(self, item: AgendaItem) -> None:
        kind, item_id = due_actions.open_target(item)
        window = self.window()
        opener = getattr(window, "open_item", None)
        if opener is None or not opener(kind, item_id):
            self.status.emit(self.tr("No view shows {kind}s yet.").format(kind=kind.replace("_", " ")))
