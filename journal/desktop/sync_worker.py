"""Syncing in the background: when, on which thread, and what state it is in.

`SyncController` owns the timers and one worker thread. A round runs shortly after start-up
(the caller starts it once the window has painted and the journal is open), 20 s after the
last change to the journal, every 5 minutes, and at once on demand (File > Sync now, F5). A
round runs on the worker thread with its own connection to the journal (peewee connections are
per thread); nothing there touches a widget, and its result comes back through a queued signal.

When the server cannot be reached or fails, the controller says so in its state and tries
again quietly, 30 s later and then twice as long each time up to 15 minutes; a round that
works resets that. A refusal that trying again cannot fix (a wrong password, no password, a
plain-http address) waits for the user: Sync now, or a changed account. No dialog is ever
shown from here: the status bar and the tray read `state`.

Time is injected twice: `clock` (journal.clock) says when things happened, `timers` (QtTimers,
or a test's fake) decides when the next round runs, so tests drive it without sleeping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import BusyError, JournalError

START_DELAY_S = 2.0  # after the journal is open: the first view has drawn
DEBOUNCE_S = 20.0  # after the last change notice
PERIOD_S = 5 * 60.0
BACKOFF_FIRST_S = 30.0
BACKOFF_MAX_S = 15 * 60.0
MAX_TIMER_MS = 2**31 - 1

# The states, as `SyncState.state` names them.
NO_ACCOUNT = "none"
SYNCED = "synced"
SYNCING = "syncing"
OFFLINE = "offline"
ERROR = "error"


@dataclass(frozen=True)
class SyncState:
    """What the status bar and the tray say: the state, the reason for an error or for being
    offline (one line), when the last round worked and when the next try is."""

    state: str = NO_ACCOUNT
    reason: str = ""
    last_sync_at: dt.datetime | None = None
    retry_at: dt.datetime | None = None
    report: object | None = None  # the last round's SyncReport

    @property
    def failing(self) -> bool:
        return self.state in (OFFLINE, ERROR)


@dataclass(frozen=True)
class RoundOutcome:
    """What a round on the worker thread hands back: no account, or the engine's report with
    the operations that wrote the server's changes into the journal (`steps`, for the undo
    list) and what each changed (`changes`, announced on the GUI thread)."""

    has_account: bool
    report: object | None = None
    steps: tuple = ()
    changes: tuple = ()
    last_sync_at: dt.datetime | None = None


@dataclass(frozen=True)
class RoundFailure:
    """A round that failed: `kind` is OFFLINE or ERROR, `retry` False when trying again cannot
    help until the user acts."""

    kind: str
    message: str
    retry: bool = True


def classify(exc: BaseException) -> RoundFailure:
    """What a failed round means for the state and for trying again."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    from journal.services.sync.secrets import SyncSecretError

    if isinstance(exc, SyncSecretError):
        return RoundFailure(ERROR, message, retry=False)
    from journal.services.sync import webdav

    if isinstance(exc, webdav.Unreachable):
        return RoundFailure(OFFLINE, message)
    if isinstance(exc, (webdav.AuthFailed, webdav.InsecureUrl, webdav.BadUrl)):
        return RoundFailure(ERROR, message, retry=False)
    if isinstance(exc, (JournalError, OSError)):  # a server error, a busy journal: try again later
        return RoundFailure(ERROR, message)
    return RoundFailure(ERROR, f"Something went wrong: {type(exc).__name__}: {message}")


def run_round(clock: Clock) -> RoundOutcome:
    """One sync round as the app runs it (on the worker thread, inside its own connection): the
    account, its password, then the engine's round, whose operations are announced and put on
    the undo list back on the GUI thread."""
    from journal.services.sync import engine, secrets
    from journal.services.sync.account import get_account

    account = get_account()
    if account is None:
        return RoundOutcome(has_account=False)
    secret = secrets.password(account.url, account.user)
    report = engine.sync(secret, clock=clock, announce=False)
    after = get_account()
    return RoundOutcome(
        True, report, tuple(report.steps), tuple(report.changes), after.last_sync_at if after is not None else None
    )


class QtTimers(QObject):
    """Named single-shot timers: `start(name, seconds, callback)` replaces the one of that name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timers: dict[str, QTimer] = {}

    def start(self, name: str, seconds: float, callback: Callable[[], None]) -> None:
        self.stop(name)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(min(max(int(seconds * 1000), 0), MAX_TIMER_MS))
        timer.timeout.connect(lambda: (self._timers.pop(name, None), timer.deleteLater(), callback()))
        self._timers[name] = timer
        timer.start()

    def stop(self, name: str) -> None:
        timer = self._timers.pop(name, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()

    def stop_all(self) -> None:
        for name in list(self._timers):
            self.stop(name)

    def is_active(self, name: str) -> bool:
        return name in self._timers


class _Worker(QObject):
    """Lives on the worker thread; runs one round per request."""

    done = Signal(object)  # RoundOutcome
    failed = Signal(object)  # RoundFailure

    def __init__(self, round_fn: Callable[[], RoundOutcome]) -> None:
        super().__init__()
        self._round = round_fn

    @Slot()
    def run(self) -> None:
        from journal.store.models import DB

        try:
            with DB.connection_context():
                outcome = self._round()
        except BusyError as exc:
            self.failed.emit(RoundFailure(ERROR, str(exc)))
        except Exception as exc:  # noqa: BLE001 - every failure becomes a state, never a crash
            self.failed.emit(classify(exc))
        else:
            self.done.emit(outcome)


class SyncController(QObject):
    """Decides when to sync, runs rounds on one worker thread, and keeps `state`."""

    state_changed = Signal(object)  # SyncState
    round_done = Signal(object)  # RoundOutcome of a round that worked (the window records its steps)
    _request_round = Signal()  # to the worker, queued
    _journal_changed = Signal()  # a change notice, brought onto this object's thread

    def __init__(
        self,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timers=None,
        round_fn: Callable[[Clock], RoundOutcome] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timers = timers if timers is not None else QtTimers(self)
        self.state = SyncState()
        self.running = False  # a round is on the worker thread
        self.failures = 0  # rounds failed in a row
        self.paused = False  # a refusal that needs the user: no automatic rounds
        self.rounds = 0  # rounds started (tests and the status read it)
        self._again = False  # asked for while a round ran: one more when it ends
        self._started = False
        self._announcing = False
        round_fn = round_fn or run_round
        self._worker = _Worker(lambda: round_fn(self.clock))
        self._thread = QThread()
        self._thread.setObjectName("sync")
        self._worker.moveToThread(self._thread)
        self._request_round.connect(self._worker.run)
        self._worker.done.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self._journal_changed.connect(self._on_change)

    # --- life cycle --------------------------------------------------------------------------

    def start(self, *, delay: float = START_DELAY_S) -> None:
        """Start listening for changes and run the first round `delay` seconds from now."""
        if self._started:
            return
        self._started = True
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # the thread ends with the app, even if nobody calls stop()
            app.aboutToQuit.connect(self.stop)
        from journal.services import changes

        changes.subscribe(self._on_notice)
        self.timers.start("round", delay, self._scheduled)

    def stop(self) -> None:
        """No more rounds; waits for one that is running to end."""
        if not self._started:
            return
        self._started = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self.stop)
        from journal.services import changes

        changes.unsubscribe(self._on_notice)
        self.timers.stop_all()
        self._thread.quit()
        self._thread.wait()

    # --- asking for a round ------------------------------------------------------------------

    def sync_now(self) -> bool:
        """A round at once (File > Sync now): also after a refusal, and whatever the backoff.
        False when one is already running (another follows it)."""
        self.paused = False
        return self._begin()

    def account_changed(self) -> None:
        """The account was added, changed or removed: forget past failures and sync at once."""
        self.failures = 0
        self.paused = False
        self._begin()

    def _scheduled(self) -> None:
        if not self.paused:
            self._begin()

    def _on_notice(self, changes) -> None:
        """A change notice (on whatever thread announced it)."""
        if self._announcing:  # the round's own changes, announced below
            return
        if changes.everything or not changes.tables or not changes.only(*_SYNC_TABLES):
            self._journal_changed.emit()

    @Slot()
    def _on_change(self) -> None:
        if not self._started or self.paused or (self.state.state == NO_ACCOUNT and self.rounds):
            return
        if self.failures:  # the retry already waiting picks the change up
            return
        self.timers.start("change", DEBOUNCE_S, self._scheduled)

    def _begin(self) -> bool:
        if not self._started:
            return False
        if self.running:
            self._again = True
            return False
        self.running = True
        self.rounds += 1
        self.timers.stop("round")
        self.timers.stop("change")
        self._set(replace(self.state, state=SYNCING, retry_at=None))
        self._request_round.emit()
        return True

    # --- results -----------------------------------------------------------------------------

    @Slot(object)
    def _finished(self, outcome: RoundOutcome) -> None:
        self.running = False
        self.failures = 0
        if not outcome.has_account:
            self._set(SyncState(NO_ACCOUNT))
            self._again = False
            return
        if outcome.changes:
            from journal.services.changes import notify

            self._announcing = True
            try:
                for changes in outcome.changes:
                    notify(changes)  # on this thread: the views refresh
            finally:
                self._announcing = False
        last = outcome.last_sync_at or self.clock.now()
        self._set(SyncState(SYNCED, "", last, None, outcome.report))
        self.round_done.emit(outcome)
        self._next(PERIOD_S)

    @Slot(object)
    def _failed(self, failure: RoundFailure) -> None:
        self.running = False
        if not failure.retry:
            self.paused = True
            self.failures += 1
            self._again = False
            self._set(SyncState(failure.kind, failure.message, self.state.last_sync_at, None, self.state.report))
            return
        delay = self.backoff(self.failures)
        self.failures += 1
        retry_at = self.clock.now() + dt.timedelta(seconds=delay)
        self._set(SyncState(failure.kind, failure.message, self.state.last_sync_at, retry_at, self.state.report))
        self._again = False
        self.timers.start("round", delay, self._scheduled)

    def _next(self, delay: float) -> None:
        if self._again:
            self._again = False
            self.timers.start("round", 0, self._scheduled)
        elif self._started:
            self.timers.start("round", delay, self._scheduled)

    @staticmethod
    def backoff(failures: int) -> float:
        """Seconds before the next try after `failures` failed rounds in a row (0 = the first)."""
        return min(BACKOFF_FIRST_S * 2 ** min(failures, 16), BACKOFF_MAX_S)

    def _set(self, state: SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)


# A change only to the sync's own bookkeeping (a conflict dismissed) sends nothing to the server.
_SYNC_TABLES = ("sync_account", "sync_collection", "sync_item", "sync_conflict")
