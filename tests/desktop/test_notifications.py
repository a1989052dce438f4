"""Reminders through the freedesktop notification service, on a real D-Bus bus: a private
dbus-daemon per test, where the test itself owns org.freedesktop.Notifications with a small
server (a QtDBus adaptor, so its replies and signals carry the specification's types).
Skips, saying why, where dbus-daemon is not installed or cannot start (`.ci/run` installs it)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import select
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import ClassInfo, QObject, QSettings, Signal, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection
from PySide6.QtWidgets import QApplication

from journal.desktop.autostart import Autostart
from journal.desktop.notifications import PATH, SERVICE, DesktopNotifier
from journal.services.agenda import next_steps
from journal.services.agenda.items import due_between, open_item

TODAY = dt.date(2026, 3, 11)
START_TIMEOUT_S = 10
UNIX_PATH_MAX = 100  # sun_path holds 108 bytes; keep clear of it

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _dbus_daemon() -> str:
    program = shutil.which("dbus-daemon") or "/usr/bin/dbus-daemon"
    if not os.access(program, os.X_OK):
        pytest.skip("dbus-daemon is not installed (Debian: apt-get install dbus-daemon); no D-Bus bus to test on")
    return program


@pytest.fixture
def bus_address(tmp_path):
    """A private message bus for this test: its address, for QDBusConnection.connectToBus."""
    program = _dbus_daemon()
    where = tmp_path
    if len(str(where / "bus")) > UNIX_PATH_MAX:  # a long test name makes a long tmp_path
        where = Path(tempfile.mkdtemp(prefix="cj-bus-"))
    socket = where / "bus"
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=socket))
    log = (tmp_path / "dbus-daemon.log").open("wb")
    daemon = subprocess.Popen(
        [program, f"--config-file={config}", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=log,
    )
    ready, _, _ = select.select([daemon.stdout], [], [], START_TIMEOUT_S)
    address = daemon.stdout.readline().decode().strip() if ready else ""
    if not address:
        daemon.kill()
        daemon.wait(timeout=5)
        log.close()
        said = (tmp_path / "dbus-daemon.log").read_text(errors="replace")[-500:]
        pytest.skip(f"dbus-daemon did not start (exit {daemon.returncode}): {said}")
    yield address
    daemon.terminate()
    try:
        daemon.wait(timeout=5)
    except subprocess.TimeoutExpired:
        daemon.kill()
        daemon.wait(timeout=5)
    daemon.stdout.close()
    log.close()
    if where != tmp_path:
        shutil.rmtree(where, ignore_errors=True)


@pytest.fixture
def connect(bus_address, qapp):
    """connect() -> a new connection to the test's bus (closed at teardown)."""
    names = []

    def connect_() -> QDBusConnection:
        name = f"test-{uuid.uuid4().hex}"
        connection = QDBusConnection.connectToBus(bus_address, name)
        assert connection.isConnected(), connection.lastError().message()
        names.append(name)
        return connection

    yield connect_
    for name in names:
        QDBusConnection.disconnectFromBus(name)


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class NotificationsAdaptor(QDBusAbstractAdaptor):
    """The specification's interface, recording every Notify call."""

    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, parent: QObject, capabilities: list[str]) -> None:
        super().__init__(parent)
        self.setAutoRelaySignals(True)
        self.capabilities = capabilities
        self.calls: list[dict] = []
        self._ids = itertools.count(41)

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return list(self.capabilities)

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout) -> int:
        ident = replaces_id or next(self._ids)
        self.calls.append(
            {
                "app_name": app_name,
                "replaces_id": replaces_id,
                "app_icon": app_icon,
                "summary": summary,
                "body": body,
                "actions": list(actions),
                "hints": dict(hints),
                "expire_timeout": expire_timeout,
                "id": ident,
            }
        )
        return ident

    @Slot("uint")
    def CloseNotification(self, ident: int) -> None:
        self.NotificationClosed.emit(ident, 3)


@pytest.fixture
def make_server(connect):
    """make_server(capabilities) -> the adaptor of a notification server owning the name."""
    made = []

    def make(capabilities=("actions", "body")):
        connection = connect()
        owner = QObject()
        adaptor = NotificationsAdaptor(owner, list(capabilities))
        assert connection.registerObject(PATH, owner, QDBusConnection.RegisterOption.ExportAdaptors)
        assert connection.registerService(SERVICE)
        adaptor.connection = connection
        made.append(owner)
        return adaptor

    yield make
    made.clear()


@pytest.fixture
def context(db, journal_path, clock, tmp_path, qapp):
    from journal.ui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(journal_path=journal_path, settings=settings, clock=clock)
    yield ctx
    ctx.signals.detach()


@pytest.fixture
def make_desktop(qtbot, context, connect, monkeypatch, tmp_path):
    """make_desktop() -> the desktop integration around a main window, as the app builds it,
    with its tray posting through a notifier on the test's bus; tray messages are recorded."""
    from journal.ui.calendar.calendar_view import CalendarView
    from journal.ui.main_window import MainWindow
    from journal.ui.tray.integration import DesktopIntegration

    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda widget, ms=0: None))
    made = []

    def make():
        notifier = DesktopNotifier(connect())
        monkeypatch.setattr("journal.ui.tray.controller.desktop_notifier", lambda: notifier)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.add_view("calendar", "Calendar", CalendarView(context))
        desktop = DesktopIntegration(window, tray_available=True, autostart=Autostart("linux", config_home=tmp_path / "cfg"))
        desktop.notifier = notifier
        desktop.messages = []
        monkeypatch.setattr(desktop.tray, "notify", lambda title, text, *a: desktop.messages.append((title, text)) or True)
        made.append(desktop)
        return desktop

    yield make
    for desktop in made:
        desktop.stop()
    QApplication.setQuitOnLastWindowClosed(True)


@pytest.fixture
def call_omar(db, clock):
    return next_steps.add("Call Omar", due=TODAY, due_time=dt.time(14, 0), clock=clock)


def fall_due(qtbot, desktop, clock, when):
    clock.set(when)
    with qtbot.waitSignal(desktop.scheduler.due, timeout=2000):
        desktop.scheduler.timer.start(0)


def started(qtbot, desktop):
    qtbot.waitUntil(lambda: not desktop.notifier.probing, timeout=3000)
    desktop.start()
    return desktop


def test_a_due_item_is_posted_with_its_buttons(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server()
    desktop = started(qtbot, make_desktop())
    assert desktop.notifier.available and desktop.notifier.supports_actions
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(f"next_step:{call_omar}") is not None, timeout=3000)
    [call] = server.calls
    assert call["app_name"] == "Contact Journal"
    assert call["replaces_id"] == 0
    assert call["app_icon"] == "contact-journal"
    assert call["summary"] == "Due now"
    assert call["body"] == "Call Omar"
    assert call["actions"] == ["default", "Open", "done", "Done", "snooze-1h", "Snooze 1 hour", "open", "Open"]
    assert call["hints"] == {"desktop-entry": "contact-journal"}
    assert call["expire_timeout"] == -1
    assert desktop.notifier.notification_id(f"next_step:{call_omar}") == call["id"]
    assert desktop.messages == []  # no tray message as well


def test_an_item_announced_again_replaces_its_bubble(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server()
    desktop = started(qtbot, make_desktop())
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(f"next_step:{call_omar}") is not None, timeout=3000)
    desktop.tray.action("Snooze all 1 hour").trigger()  # from the menu: the bubble stays up
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 15, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 2, timeout=3000)
    first, again = server.calls
    assert again["replaces_id"] == first["id"]
    assert again["id"] == first["id"]


def test_done_from_the_notification_marks_the_step_done(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server()
    desktop = started(qtbot, make_desktop())
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    key = f"next_step:{call_omar}"
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(key) is not None, timeout=3000)
    with qtbot.waitSignal(desktop.notifier.actionInvoked, timeout=3000) as blocker:
        server.ActionInvoked.emit(server.calls[0]["id"], "done")
    assert blocker.args == [key, "done"]
    assert open_item(key, clock=clock) is None  # done: no longer open
    assert due_between(TODAY, TODAY, clock=clock) == []
    assert desktop.tray.icon.toolTip() == "Contact Journal — Nothing due"


def test_snooze_from_the_notification_reminds_again_in_an_hour(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server()
    desktop = started(qtbot, make_desktop())
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    key = f"next_step:{call_omar}"
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(key) is not None, timeout=3000)
    with qtbot.waitSignal(desktop.notifier.actionInvoked, timeout=3000):
        server.ActionInvoked.emit(server.calls[0]["id"], "snooze-1h")
    in_an_hour = dt.datetime(2026, 3, 11, 15, 0)
    assert desktop.preferences.snoozed == {key: in_an_hour}
    assert desktop.scheduler.target == in_an_hour
    assert open_item(key, clock=clock) is not None  # still open: the step itself is untouched
    fall_due(qtbot, desktop, clock, in_an_hour)
    qtbot.waitUntil(lambda: len(server.calls) == 2, timeout=3000)
    assert server.calls[1]["summary"] == "Due now"


def test_closing_the_notification_changes_nothing(qtbot, make_server, make_desktop, call_omar, clock, dump):
    server = make_server()
    desktop = started(qtbot, make_desktop())
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    key = f"next_step:{call_omar}"
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(key) is not None, timeout=3000)
    acted = []
    desktop.notifier.actionInvoked.connect(lambda *args: acted.append(args))
    before = dump()
    with qtbot.waitSignal(desktop.notifier.closed, timeout=3000) as blocker:
        server.NotificationClosed.emit(server.calls[0]["id"], 2)  # dismissed by the user
    assert blocker.args == [key, 2]
    assert acted == []
    assert dump() == before
    assert open_item(key, clock=clock) is not None
    assert desktop.preferences.snoozed == {}
    assert desktop.notifier.notification_id(key) is None  # forgotten: the next one is a new bubble
    desktop.tray.announce(desktop.scheduler.due_now())
    qtbot.waitUntil(lambda: len(server.calls) == 2, timeout=3000)
    assert server.calls[1]["replaces_id"] == 0


def test_a_click_on_the_bubble_opens_the_item(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server()
    desktop = make_desktop()
    opened = []
    desktop.window.register_opener("next_step", "calendar", opened.append)
    started(qtbot, desktop)
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(f"next_step:{call_omar}") is not None, timeout=3000)
    with qtbot.waitSignal(desktop.notifier.actionInvoked, timeout=3000):
        server.ActionInvoked.emit(server.calls[0]["id"], "default")
    assert opened == [call_omar]
    assert desktop.window.isVisible()
    assert open_item(f"next_step:{call_omar}", clock=clock) is not None


def test_several_items_falling_due_make_one_summary(qtbot, db, make_server, make_desktop, clock):
    for title in ("A", "B", "C"):
        next_steps.add(title, due=dt.date(2026, 3, 12), clock=clock)
    server = make_server()
    desktop = started(qtbot, make_desktop())
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 12, 9, 0))
    qtbot.waitUntil(lambda: desktop.notifier.notification_id("summary") is not None, timeout=3000)
    [call] = server.calls
    assert (call["summary"], call["body"]) == ("3 items are due", "• A\n• B\n• C")
    assert call["actions"] == ["default", "Open"]
    with qtbot.waitSignal(desktop.notifier.actionInvoked, timeout=3000):
        server.ActionInvoked.emit(call["id"], "default")
    assert desktop.window.current_key() == "calendar"
    assert len(due_between(dt.date(2026, 3, 12), dt.date(2026, 3, 12), clock=clock)) == 3


def test_a_server_without_buttons_is_told_how_to_act_from_the_tray(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server(capabilities=["body"])
    desktop = started(qtbot, make_desktop())
    assert desktop.notifier.available and not desktop.notifier.supports_actions
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    [call] = server.calls
    assert call["actions"] == []
    assert call["body"] == "Call Omar\nTo mark it done or snooze it, use the tray icon's menu."


def test_markup_in_a_title_is_escaped_for_a_server_that_reads_markup(qtbot, db, make_server, make_desktop, clock):
    step = next_steps.add("Ask <Dana> & Omar", due=TODAY, due_time=dt.time(14, 0), clock=clock)
    server = make_server(capabilities=["actions", "body", "body-markup"])
    desktop = started(qtbot, make_desktop())
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(f"next_step:{step}") is not None, timeout=3000)
    assert server.calls[0]["body"] == "Ask &lt;Dana&gt; &amp; Omar"


def test_without_a_notification_service_the_tray_message_is_shown(qtbot, connect, make_desktop, call_omar, clock):
    desktop = started(qtbot, make_desktop())  # nobody owns the name on this bus
    assert not desktop.notifier.available
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    assert desktop.messages == [("Due now", "Call Omar")]


def test_a_server_gone_before_the_call_falls_back_to_the_tray_message(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server()
    desktop = started(qtbot, make_desktop())
    assert desktop.notifier.available
    server.connection.unregisterObject(PATH)  # it still owns the name, but answers with an error
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: desktop.messages != [], timeout=3000)
    assert desktop.messages == [("Due now", "Call Omar")]
    assert desktop.notifier.notification_id(f"next_step:{call_omar}") is None


def test_an_action_on_someone_elses_notification_is_ignored(qtbot, make_server, make_desktop, call_omar, clock):
    server = make_server()
    desktop = started(qtbot, make_desktop())
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    qtbot.waitUntil(lambda: desktop.notifier.notification_id(f"next_step:{call_omar}") is not None, timeout=3000)
    acted = []
    desktop.notifier.actionInvoked.connect(lambda *args: acted.append(args))
    server.ActionInvoked.emit(999, "done")  # another application's bubble
    with qtbot.waitSignal(desktop.notifier.closed, timeout=3000):  # a signal sent after it, to ours
        server.NotificationClosed.emit(server.calls[0]["id"], 1)
    assert acted == []
    assert open_item(f"next_step:{call_omar}", clock=clock) is not None
