"""The sync controller: when rounds run, on which thread, and the state it reports.

Time never passes on its own here: FakeTimers fires the controller's timers when the test says
so, and the rounds are scripted functions that run on the controller's worker thread.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from journal.desktop.sync_worker import (
    BACKOFF_FIRST_S,
    BACKOFF_MAX_S,
    DEBOUNCE_S,
    ERROR,
    NO_ACCOUNT,
    OFFLINE,
    PERIOD_S,
    START_DELAY_S,
    SYNCED,
    SYNCING,
    RoundOutcome,
    SyncController,
    classify,
)
from journal.services import changes, operations
from journal.services.people import records as people
from journal.services.sync import webdav
from journal.services.sync.secrets import SyncSecretError
from tests.services.sync.keyrings import isolated_keyring


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    with isolated_keyring(monkeypatch) as backend:
        yield backend


class FakeTimers:
    """The controller's named single-shot timers, fired by `advance(seconds)`."""

    def __init__(self) -> None:
        self.now = 0.0
        self.pending: dict[str, tuple[float, object]] = {}

    def start(self, name, seconds, callback) -> None:
        self.pending[name] = (self.now + seconds, callback)

    def stop(self, name) -> None:
        self.pending.pop(name, None)

    def stop_all(self) -> None:
        self.pending.clear()

    def is_active(self, name) -> bool:
        return name in self.pending

    def delay(self, name) -> float | None:
        return self.pending[name][0] - self.now if name in self.pending else None

    def next_delay(self) -> float | None:
        return min((at for at, _ in self.pending.values()), default=None) - self.now if self.pending else None

    def advance(self, seconds: float) -> None:
        target = self.now + seconds
        while True:
            due = [(at, name) for name, (at, _) in self.pending.items() if at <= target]
            if not due:
                break
            at, name = min(due)
            self.now = at
            _, callback = self.pending.pop(name)
            callback()
        self.now = target


class Script:
    """A round that does what the test lined up: an outcome to return or an error to raise."""

    def __init__(self) -> None:
        self.plan: list = []
        self.calls = 0
        self.threads: list[int] = []
        self.release: threading.Event | None = None

    def __call__(self, clock) -> RoundOutcome:
        self.calls += 1
        self.threads.append(threading.get_ident())
        if self.release is not None:
            self.release.wait(5)
        step = self.plan.pop(0) if self.plan else RoundOutcome(True, report="ok", last_sync_at=clock.now())
        if isinstance(step, BaseException):
            raise step
        return step


@pytest.fixture
def timers():
    return FakeTimers()


@pytest.fixture
def script():
    return Script()


@pytest.fixture
def controller(db, qapp, clock, timers, script):
    made = SyncController(clock=clock, timers=timers, round_fn=script)
    yield made
    if script.release is not None:
        script.release.set()
    made.stop()


def run_due(qtbot, controller, timers, seconds):
    """Let `seconds` pass and wait for the round they start to end."""
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: s.state != SYNCING, timeout=3000) as blocker:
        timers.advance(seconds)
    return blocker.args[0]


def test_first_round_runs_shortly_after_start_on_the_worker_thread(qtbot, controller, timers, script, clock):
    controller.start()
    assert timers.delay("round") == START_DELAY_S
    assert script.calls == 0
    states = []
    controller.state_changed.connect(lambda s: states.append(s.state))
    state = run_due(qtbot, controller, timers, START_DELAY_S)
    assert states == [SYNCING, SYNCED]
    assert state.state == SYNCED and state.last_sync_at == clock.now() and state.report == "ok"
    assert script.threads and script.threads[0] != threading.get_ident()
    # Then every five minutes.
    assert timers.delay("round") == PERIOD_S
    run_due(qtbot, controller, timers, PERIOD_S)
    assert script.calls == 2


def test_a_change_syncs_twenty_seconds_after_the_last_notice(qtbot, controller, timers, script):
    controller.start()
    run_due(qtbot, controller, timers, START_DELAY_S)
    operations.run(people.create_person, "Dana Smith")
    timers.advance(15)
    operations.run(people.create_person, "Omar Haddad")  # the wait starts again
    timers.advance(15)
    assert script.calls == 1
    assert timers.delay("change") == DEBOUNCE_S - 15
    run_due(qtbot, controller, timers, DEBOUNCE_S - 15)
    assert script.calls == 2
    # The round took the change: the periodic one waits its five minutes again.
    assert not timers.is_active("change")
    assert timers.delay("round") == PERIOD_S


def test_a_change_only_to_the_sync_bookkeeping_starts_no_round(controller, timers):
    controller.start()
    controller._on_notice(changes.Changes(tables=frozenset({"sync_conflict"})))
    assert not timers.is_active("change")
    controller._on_notice(changes.Changes(person_ids=frozenset({1}), tables=frozenset({"person"})))
    assert timers.is_active("change")


def test_sync_now_runs_at_once_and_again_when_asked_during_a_round(qtbot, controller, timers, script):
    controller.start()
    script.release = threading.Event()
    assert controller.sync_now()
    assert controller.running and controller.state.state == SYNCING
    assert not controller.sync_now()  # one is running: another follows it
    script.release.set()
    qtbot.waitUntil(lambda: not controller.running and controller.state.state == SYNCED)
    assert timers.delay("round") == 0
    run_due(qtbot, controller, timers, 0)
    assert script.calls == 2
    assert timers.delay("round") == PERIOD_S


def test_offline_retries_quietly_with_backoff_and_resets_on_success(qtbot, controller, timers, script, clock):
    controller.start()
    script.plan = [webdav.Unreachable("Cannot reach dav.example.com: connection refused")] * 7
    state = run_due(qtbot, controller, timers, START_DELAY_S)
    assert state.state == OFFLINE
    assert state.reason == "Cannot reach dav.example.com: connection refused"
    assert state.retry_at == clock.now() + dt.timedelta(seconds=BACKOFF_FIRST_S)
    delays = [timers.delay("round")]
    for _ in range(6):
        run_due(qtbot, controller, timers, timers.delay("round"))
        delays.append(timers.delay("round"))
    assert delays == [30, 60, 120, 240, 480, 900, 900]
    # Changes while offline wait for the retry instead of knocking every 20 s.
    operations.run(people.create_person, "Dana Smith")
    assert not timers.is_active("change")
    state = run_due(qtbot, controller, timers, 900)
    assert state.state == SYNCED and controller.failures == 0
    assert timers.delay("round") == PERIOD_S
    script.plan = [webdav.ServerError("The server failed (500).")]
    state = run_due(qtbot, controller, timers, PERIOD_S)
    assert state.state == ERROR and state.reason == "The server failed (500)."
    assert timers.delay("round") == BACKOFF_FIRST_S  # the backoff started over


def test_a_refusal_that_retrying_cannot_fix_waits_for_the_user(qtbot, controller, timers, script):
    controller.start()
    script.plan = [webdav.AuthFailed()]
    state = run_due(qtbot, controller, timers, START_DELAY_S)
    assert state.state == ERROR and state.reason == "The server refused the user name or password."
    assert controller.paused and timers.next_delay() is None
    operations.run(people.create_person, "Dana Smith")
    assert timers.next_delay() is None
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: s.state == SYNCED):
        controller.sync_now()
    assert not controller.paused and timers.delay("round") == PERIOD_S


def test_the_last_good_time_stays_while_offline(qtbot, controller, timers, script, clock):
    controller.start()
    run_due(qtbot, controller, timers, START_DELAY_S)
    synced_at = clock.now()
    clock.advance(minutes=5)
    script.plan = [webdav.Unreachable("Cannot reach dav.example.com: timed out")]
    state = run_due(qtbot, controller, timers, PERIOD_S)
    assert state.state == OFFLINE and state.last_sync_at == synced_at


def test_no_account_is_a_quiet_state_until_one_is_added(qtbot, controller, timers, script):
    controller.start()
    script.plan = [RoundOutcome(has_account=False)]
    state = run_due(qtbot, controller, timers, START_DELAY_S)
    assert state.state == NO_ACCOUNT
    assert timers.next_delay() is None
    operations.run(people.create_person, "Dana Smith")
    assert timers.next_delay() is None
    with qtbot.waitSignal(controller.state_changed, check_params_cb=lambda s: s.state == SYNCED):
        controller.account_changed()


def test_a_round_that_changed_the_journal_is_announced_here_and_not_synced_again(qtbot, controller, timers, script):
    seen = []
    changes.subscribe(seen.append)
    try:
        result = operations.run(people.create_person, "Came From The Phone", label="Sync", announce=False)
        script.plan = [RoundOutcome(True, report="r", steps=(result.step,), changes=(result.changes,))]
        controller.start()
        with qtbot.waitSignal(controller.round_done) as blocker:
            timers.advance(START_DELAY_S)
        assert blocker.args[0].steps == (result.step,)
        assert [c.person_ids for c in seen] == [result.changes.person_ids]  # on this thread, once
        assert not timers.is_active("change")  # its own changes start no round
        assert timers.delay("round") == PERIOD_S
    finally:
        changes.unsubscribe(seen.append)


def test_an_unexpected_error_is_a_state_not_a_crash(qtbot, controller, timers, script):
    controller.start()
    script.plan = [KeyError("boom")]
    state = run_due(qtbot, controller, timers, START_DELAY_S)
    assert state.state == ERROR and state.reason == "Something went wrong: KeyError: 'boom'"
    assert timers.delay("round") == BACKOFF_FIRST_S


def test_stop_ends_the_timers_and_the_thread(controller, timers):
    controller.start()
    controller.stop()
    assert timers.pending == {}
    assert not controller.sync_now()


@pytest.mark.parametrize(
    ("error", "kind", "retry"),
    [
        (webdav.Unreachable("Cannot reach x: refused"), OFFLINE, True),
        (webdav.ServerError("The server failed.", status=503), ERROR, True),
        (webdav.BadResponse("The server's answer could not be read."), ERROR, True),
        (webdav.AuthFailed(), ERROR, False),
        (webdav.InsecureUrl("Plain http to x needs your confirmation."), ERROR, False),
        (SyncSecretError("No password is stored for dana at x: add the account again."), ERROR, False),
    ],
)
def test_classify(error, kind, retry):
    failure = classify(error)
    assert (failure.kind, failure.retry) == (kind, retry)
    assert failure.message == str(error)


def test_backoff_doubles_from_thirty_seconds_to_fifteen_minutes():
    assert [SyncController.backoff(n) for n in range(8)] == [30, 60, 120, 240, 480, 900, 900, 900]
    assert SyncController.backoff(500) == BACKOFF_MAX_S
