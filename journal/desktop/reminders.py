"""The reminder scheduler: one single-shot timer to the next due moment, never polling.

A date-only item falls due at the preferred reminder time of day on its date; a timed item at its
time. After every change to the journal the timer is re-armed. A slow heartbeat compares the
wall clock with monotonic time to notice a sleep/wake or a clock change (it never reads the
journal). The moment up to which items were announced is remembered in the settings, so items
that fell due while the app was closed are announced once at the next start.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import time
from collections.abc import Callable

from peewee import PeeweeException
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from journal.clock import SYSTEM_CLOCK, Clock
from journal.desktop.preferences import Preferences
from journal.domain.agenda import AgendaItem, ItemKind, sort_key
from journal.services import changes as change_notices
from journal.services.agenda import dates as yearly
from journal.services.agenda.items import due_between
from journal.services.upkeep.maintenance import DATABASE_ERRORS

MAX_TIMER_MS = 2**31 - 1  # QTimer takes a signed 32-bit interval (about 24.8 days)
HEARTBEAT_MS = 60_000
RETRY_MS = 60_000
JUMP_TOLERANCE = dt.timedelta(seconds=90)
HORIZON_DAYS = 400
EARLIEST = dt.date(1900, 1, 1)
# Dates that matter are looked for this far ahead when arming (a year of them would read every
# person's); past it the timer wakes, finds nothing and looks again.
DATE_LOOKAHEAD_DAYS = 40

DueSource = Callable[..., list[AgendaItem]]
DateSource = Callable[..., list[AgendaItem]]
log = logging.getLogger(__name__)


class ReminderScheduler(QObject):
    due = Signal(list)  # list[AgendaItem] that fell due together, in agenda order
    armed = Signal(object)  # the datetime the timer now waits for, or None
    clock_jumped = Signal(object)  # how far the wall clock moved beyond monotonic time (timedelta)
    day_changed = Signal(object)  # the new date, noticed by the heartbeat (what is overdue moved)
    _journal_changed = Signal()

    def __init__(
        self,
        preferences: Preferences,
        *,
        clock: Clock = SYSTEM_CLOCK,
        monotonic: Callable[[], float] = time.monotonic,
        source: DueSource = due_between,
        dates: DateSource | None = None,
        heartbeat_ms: int = HEARTBEAT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.clock = clock
        self._monotonic = monotonic
        self._source = source
        # Dates that matter come from the journal with the journal's own due items; a scheduler
        # given another source of items (a test's) reminds of no dates unless given them too.
        if dates is None:
            dates = yearly.reminder_items if source is due_between else (lambda start, end, **_kw: [])
        self._dates = dates
        self.target: dt.datetime | None = None
        self.interval_ms: int | None = None
        self._running = False

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.check_now)

        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(heartbeat_ms)
        self._heartbeat.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._heartbeat.timeout.connect(self.check_clock)
        self._wall_mark = clock.now()
        self._mono_mark = monotonic()

        # Many changes in a row (an import) cost one re-arm; changes from a worker thread arrive
        # here queued, on this object's thread.
        self._rearm = QTimer(self)
        self._rearm.setSingleShot(True)
        self._rearm.setInterval(0)
        self._rearm.timeout.connect(self.check_now)
        self._journal_changed.connect(self._rearm.start)

    # --- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Announce what fell due while the app was closed, then arm the timer."""
        if self._running:
            return
        self._running = True
        if self.preferences.last_checked is None:
            # First run: what is already overdue shows in the window, not as a burst of messages.
            self.preferences.last_checked = self.clock.now()
        change_notices.subscribe(self._on_journal_event)
        self._mark_clocks()
        self._heartbeat.start()
        self.check_now()

    def stop(self) -> None:
        self._running = False
        change_notices.unsubscribe(self._on_journal_event)
        self.timer.stop()
        self._heartbeat.stop()
        self._rearm.stop()

    @property
    def is_armed(self) -> bool:
        return self.timer.isActive()

    def _on_journal_event(self, changes) -> None:
        if changes.due_items:
            self._journal_changed.emit()

    # --- what is due when --------------------------------------------------------------------

    def moment(self, item: AgendaItem) -> dt.datetime:
        """When `item` reminds: its time, or the reminder time of day for date-only items (for a
        date that matters, on the day Preferences say, 0 to 30 days before it)."""
        day = item.due
        if item.kind is ItemKind.DATE:
            day -= dt.timedelta(days=self.preferences.date_days_before)
        return dt.datetime.combine(day, item.due_time or self.preferences.reminder_time)

    def _date_reminders(self, start: dt.date, end: dt.date) -> list[AgendaItem]:
        """Dates that matter whose reminder day falls from `start` to `end`."""
        prefs = self.preferences
        return self._dates(start, end, default_on=prefs.date_reminders, days_before=prefs.date_days_before)

    def due_now(self) -> list[AgendaItem]:
        """Everything overdue or due today, and the dates that matter being reminded of today
        (what the tray counts and lists)."""
        today = self.clock.today()
        # A date reminded of some days before stays due until its day has passed.
        lead = dt.timedelta(days=self.preferences.date_days_before)
        items = self._source(EARLIEST, today, clock=self.clock) + self._date_reminders(today - lead, today)
        return sorted(items, key=sort_key)

    def _fallen_due(self, since: dt.datetime, now: dt.datetime) -> list[AgendaItem]:
        items = self._source(since.date(), now.date(), clock=self.clock)
        items += self._date_reminders(max(since.date(), now.date() - dt.timedelta(days=HORIZON_DAYS)), now.date())
        return [i for i in items if since < self.moment(i) <= now]

    def check_now(self) -> None:
        """Announce items that fell due since the last check, then re-arm."""
        if not self._running:
            return
        try:
            self._check()
        except (PeeweeException, *DATABASE_ERRORS) as exc:  # sqlite3's or sqlcipher3's
            # The journal is busy or went away for a moment: try again later, never crash a timer.
            log.warning("Reminders could not read the journal (%s); retrying in a minute", exc)
            self.target = None
            self.interval_ms = RETRY_MS
            self.timer.start(RETRY_MS)

    def _check(self) -> None:
        now = self.clock.now()
        prefs = self.preferences
        since = prefs.last_checked or now
        if now < since:  # the clock went back: start counting again from here
            prefs.last_checked = since = now
        if not prefs.reminders_paused:
            snoozes = prefs.snoozed
            ripe = {key for key, moment in snoozes.items() if moment <= now}
            waiting = {key for key in snoozes if key not in ripe}
            fallen = [i for i in self._fallen_due(since, now) if i.key not in waiting]
            if ripe:
                known = {i.key for i in fallen}
                fallen += [i for i in self.due_now() if i.key in ripe and i.key not in known]
                prefs.snoozed = {k: v for k, v in snoozes.items() if k not in ripe}
            prefs.last_checked = now
            if fallen:
                self.due.emit(sorted(fallen, key=sort_key))
        self._arm(now)

    def _next_moment(self, now: dt.datetime) -> dt.datetime | None:
        horizon = now.date() + dt.timedelta(days=HORIZON_DAYS)
        moments = [self.moment(i) for i in self._source(now.date(), horizon, clock=self.clock)]
        moments += list(self.preferences.snoozed.values())
        ahead = now.date() + dt.timedelta(days=DATE_LOOKAHEAD_DAYS)
        dated = self._date_reminders(now.date(), ahead)
        moments += [self.moment(i) for i in dated]
        if self._dates is yearly.reminder_items and yearly.any_dates():
            moments.append(dt.datetime.combine(ahead, dt.time.min))  # look again then
        future = [m for m in moments if m > now]
        return min(future) if future else None

    def _arm(self, now: dt.datetime) -> None:
        self.timer.stop()
        target = None if self.preferences.reminders_paused else self._next_moment(now)
        self.target = target
        if target is None:
            self.interval_ms = None
            self.armed.emit(None)
            return
        delay = math.ceil((target - now).total_seconds() * 1000)
        # Past the limit the timer wakes early, finds nothing due and arms again.
        self.interval_ms = max(0, min(delay, MAX_TIMER_MS))
        self.timer.start(self.interval_ms)
        self.armed.emit(target)

    # --- sleep, wake and clock changes -------------------------------------------------------

    def _mark_clocks(self) -> None:
        self._wall_mark = self.clock.now()
        self._mono_mark = self._monotonic()

    def check_clock(self) -> bool:
        """Re-arm if the wall clock moved differently from monotonic time (sleep or a clock
        change); returns True when it did. The heartbeat calls this once a minute."""
        wall, mono = self.clock.now(), self._monotonic()
        expected = self._wall_mark + dt.timedelta(seconds=mono - self._mono_mark)
        drift = wall - expected
        new_day = wall.date() != self._wall_mark.date()
        self._wall_mark, self._mono_mark = wall, mono
        if new_day:
            self.day_changed.emit(wall.date())
        if abs(drift) <= JUMP_TOLERANCE:
            return False
        self.clock_jumped.emit(drift)
        self.check_now()
        return True

    # --- user actions ------------------------------------------------------------------------

    def snooze(self, items: list[AgendaItem], minutes: int = 60) -> dt.datetime:
        """Remind of `items` again in `minutes` (their dates stay as they are)."""
        until = self.clock.now() + dt.timedelta(minutes=minutes)
        snoozes = self.preferences.snoozed
        snoozes.update({item.key: until for item in items})
        self.preferences.snoozed = snoozes
        self._arm(self.clock.now())
        return until

    def set_paused(self, paused: bool) -> None:
        """Pause reminders; on resuming, what fell due meanwhile is announced together."""
        self.preferences.reminders_paused = paused
        self.check_now()
