"""Scanning mail and calendars in the background: when, on which thread, and what it found.

`ScanController` owns the timers and one worker thread. A scan of every source that is turned
on runs a while after start-up (10 s: the window has painted, and it waits for the sync's round
if one is running then), then every 30 minutes, and at once on demand (File > Scan mail and
calendars now, or a source just added). Only one scan runs at a time: one asked for while
another runs follows it. A scan runs on the worker thread with its own connection to the
journal; it reports its progress (a short line) and its outcome through queued signals, and the
change notice is announced back on the GUI thread, where the views listen.

A source that cannot be read keeps its error (Source.last_error, one line) and the others are
scanned all the same; no dialog is ever shown from here: the status bar reads `state`.

Passwords: an IMAP account's comes from journal.services.scan.secrets (the environment or the
keyring), the sync server's calendars use the sync account's (journal.services.sync.secrets).

Time is injected twice, as for the sync: `clock` says when things happened, `timers` (QtTimers
or a test's fake) decides when the next scan runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from journal.clock import SYSTEM_CLOCK, Clock
from journal.desktop.sync_worker import QtTimers
from journal.errors import JournalError

START_DELAY_S = 10.0  # after the journal is open: the first view has drawn, the sync has begun
PERIOD_S = 30 * 60.0

MAIL_KINDS = frozenset({"mbox", "maildir", "imap"})
CALENDAR_KINDS = frozenset({"calendar", "caldav"})
# What a scan writes: the derived tables, and each source's last scan and error.
SCAN_TABLES = frozenset({"mail_contact", "seen_meeting", "meeting_person", "stage_hint", "scan_source"})


@dataclass(frozen=True)
class SourceResult:
    """How one source's scan went: its outcome, or the one-line reason it failed."""

    source_id: int
    kind: str
    title: str
    outcome: object | None = None  # journal.services.scan.record.Outcome
    error: str = ""
    name: str = ""  # short: a file's or a folder's name, an account's user@server

    @staticmethod
    def short_name(source) -> str:
        if source.kind in ("calendar", "mbox", "maildir"):
            return Path(source.location).name or source.location
        return source.location


@dataclass(frozen=True)
class ScanReport:
    """What one scan (of every source, or of one) did."""

    results: tuple[SourceResult, ...] = ()
    finished_at: dt.datetime | None = None
    source_id: int | None = None  # the one source asked for, or None for every source turned on

    @property
    def people(self) -> frozenset[int]:
        found: set[int] = set()
        for result in self.results:
            if result.outcome is not None:
                found |= result.outcome.people
        return frozenset(found)

    @property
    def mail_people(self) -> int:
        """People whose e-mail contact this scan brought in."""
        found: set[int] = set()
        for result in self.results:
            if result.outcome is not None and result.kind in MAIL_KINDS:
                found |= result.outcome.people
        return len(found)

    @property
    def meetings(self) -> int:
        """Meetings with people in the journal the scanned calendars hold."""
        return sum(r.outcome.meetings for r in self.results if r.outcome is not None and r.kind in CALENDAR_KINDS)

    @property
    def failures(self) -> tuple[SourceResult, ...]:
        return tuple(r for r in self.results if r.error)

    @property
    def changes(self):
        from journal.services.changes import Changes

        return Changes(person_ids=self.people, scanned=True, tables=SCAN_TABLES)


@dataclass(frozen=True)
class ScanState:
    """What the status bar says: scanning (and the latest progress line), or how the last scan went."""

    scanning: bool = False
    progress: str = ""
    last: ScanReport | None = None
    error: str = ""  # a scan that could not run at all (the journal busy, a bug)

    @property
    def failing(self) -> bool:
        return bool(self.error) or bool(self.last is not None and self.last.failures)


def source_password(source) -> str | None:
    """The password a source is read with: an IMAP account's own, the sync account's for the
    sync server's calendars, none for files. Raises a JournalError (one line) when there is none."""
    if source.kind == "imap":
        from journal.services.scan import secrets

        return secrets.source_password(source.location)
    if source.kind == "caldav":
        from journal.errors import ValidationError
        from journal.services.sync import secrets
        from journal.services.sync.account import get_account

        account = get_account()
        if account is None:
            raise ValidationError(
                "Reading the calendars on the sync server needs the sync account: add it in Preferences > Accounts."
            )
        return secrets.password(account.url, account.user)
    return None


def run_scan(clock: Clock, source_id: int | None, progress: Callable[[str], None],
             passwords: Callable[[object], str | None] = source_password) -> ScanReport:
    """One scan as the app runs it (on the worker thread, inside its own connection): every
    source turned on, or the one asked for (turned on or not). Nothing is announced here."""
    from journal.services.scan import runner
    from journal.services.scan.sources import get_source

    if source_id is None:
        found = runner.scan_enabled(passwords=passwords, clock=clock, progress=progress, announce=False)
    else:
        source = get_source(source_id)
        try:
            password = passwords(source)
        except JournalError as exc:
            runner.keep_error(source.id, str(exc), clock.now())
            found = [(source, None, str(exc))]
        else:
            try:
                outcome, _changes = runner.scan_source(source.id, password=password, clock=clock, progress=progress,
                                                       announce=False)
                found = [(source, outcome, "")]
            except JournalError as exc:
                found = [(source, None, str(exc))]
    results = tuple(SourceResult(s.id, s.kind, s.title, outcome, error, SourceResult.short_name(s))
                    for s, outcome, error in found)
    return ScanReport(results, clock.now(), source_id)


class _Worker(QObject):
    """Lives on the worker thread; runs one scan per request."""

    progress = Signal(str)
    done = Signal(object)  # ScanReport
    failed = Signal(str)

    def __init__(self, scan_fn: Callable[[int | None, Callable[[str], None]], ScanReport]) -> None:
        super().__init__()
        self._scan = scan_fn

    @Slot(object)
    def run(self, source_id) -> None:
        from journal.store.models import DB

        try:
            with DB.connection_context():
                report = self._scan(source_id, self.progress.emit)
        except JournalError as exc:  # the journal busy, a source removed meanwhile
            self.failed.emit(" ".join(str(exc).split()))
        except Exception as exc:  # noqa: BLE001 - every failure becomes a state, never a crash
            self.failed.emit(f"Something went wrong: {type(exc).__name__}: {exc}")
        else:
            self.done.emit(report)


@dataclass
class _Queue:
    """Scans asked for while one runs: every source (`all`) or some sources by id."""

    all: bool = False
    sources: list[int] = field(default_factory=list)

    def add(self, source_id: int | None) -> None:
        if source_id is None:
            self.all, self.sources = True, []
        elif not self.all and source_id not in self.sources:
            self.sources.append(source_id)

    def take(self) -> tuple[bool, int | None]:
        """(something to run, which: None for every source)."""
        if self.all:
            self.all = False
            return True, None
        if self.sources:
            return True, self.sources.pop(0)
        return False, None


class ScanController(QObject):
    """Decides when to scan, runs scans one at a time on a worker thread, and keeps `state`."""

    state_changed = Signal(object)  # ScanState
    progress = Signal(str)  # a short line: "Reading INBOX on mail.example.com"
    scan_done = Signal(object)  # ScanReport, after its change notice went out
    _request = Signal(object)  # to the worker, queued: a source id or None

    def __init__(
        self,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timers=None,
        scan_fn: Callable[[Clock, int | None, Callable[[str], None]], ScanReport] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timers = timers if timers is not None else QtTimers(self)
        self.state = ScanState()
        self.running = False  # a scan is on the worker thread
        self.scans = 0  # scans started
        self._queue = _Queue()
        self._started = False
        self._after = None  # the sync controller: a scheduled scan lets its round end first
        self._waiting = False
        scan_fn = scan_fn or run_scan
        self._worker = _Worker(lambda source_id, progress: scan_fn(self.clock, source_id, progress))
        self._thread = QThread()
        self._thread.setObjectName("scan")
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.progress.connect(self._progressed)
        self._worker.done.connect(self._finished)
        self._worker.failed.connect(self._failed)

    # --- life cycle --------------------------------------------------------------------------

    def start(self, *, delay: float = START_DELAY_S, after=None) -> None:
        """Scan every source `delay` seconds from now, then every PERIOD_S. `after` (the sync
        controller) goes first: a scheduled scan due while its round runs waits for it."""
        if self._started:
            return
        self._started = True
        self._after = after
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # the thread ends with the app, even if nobody calls stop()
            app.aboutToQuit.connect(self.stop)
        self.timers.start("scan", delay, self._scheduled)

    def stop(self) -> None:
        """No more scans; waits for one that is running to end."""
        if not self._started:
            return
        self._started = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self.stop)
        self._stop_waiting()
        self.timers.stop_all()
        self._thread.quit()
        self._thread.wait()

    # --- asking for a scan -------------------------------------------------------------------

    def scan_now(self, source_id: int | None = None) -> bool:
        """Scan every source turned on (or just `source_id`) at once. False when one is already
        running: this one follows it."""
        return self._begin(source_id)

    def _scheduled(self) -> None:
        if self._after is not None and getattr(self._after, "running", False):
            if not self._waiting:
                self._waiting = True
                self._after.state_changed.connect(self._after_changed)
            return
        self._begin(None)

    @Slot(object)
    def _after_changed(self, _state) -> None:
        if getattr(self._after, "running", False):
            return
        self._stop_waiting()
        if self._started:
            self._begin(None)

    def _stop_waiting(self) -> None:
        if self._waiting:
            self._waiting = False
            self._after.state_changed.disconnect(self._after_changed)

    def _begin(self, source_id: int | None) -> bool:
        if not self._started:
            return False
        if self.running:
            self._queue.add(source_id)
            return False
        self.running = True
        self.scans += 1
        if source_id is None:  # the next scheduled scan counts from this one
            self.timers.stop("scan")
            self._stop_waiting()
        self._set(ScanState(True, "", self.state.last))
        self._request.emit(source_id)
        return True

    # --- results -----------------------------------------------------------------------------

    @Slot(str)
    def _progressed(self, text: str) -> None:
        if not self.running:
            return
        self._set(ScanState(True, text, self.state.last))
        self.progress.emit(text)

    @Slot(object)
    def _finished(self, report: ScanReport) -> None:
        self.running = False
        from journal.services.changes import notify

        notify(report.changes)  # on this thread: the views refresh
        self._set(ScanState(False, "", report))
        self.scan_done.emit(report)
        self._next()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.running = False
        self._set(ScanState(False, "", self.state.last, message))
        self._next()

    def _next(self) -> None:
        if not self._started:
            return
        pending, source_id = self._queue.take()
        if pending:
            self._begin(source_id)
        elif not self.timers.is_active("scan") and not self._waiting:
            self.timers.start("scan", PERIOD_S, self._scheduled)

    def _set(self, state: ScanState) -> None:
        self.state = state
        self.state_changed.emit(state)
