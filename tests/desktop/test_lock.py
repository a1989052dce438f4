"""When the window of an encrypted journal locks: idle input (time injected, the checks driven by
hand) and the session's screen lock on a real D-Bus bus (a private dbus-daemon per test, as for
the notifications; skipped, saying why, where dbus-daemon cannot start)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, QSettings, Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusVirtualObject
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.desktop.lock import LOGIND_SESSION, IdleWatch, ScreenLockWatch, SessionLock
from journal.desktop.preferences import Preferences
from tests.desktop.test_notifications import bus_address, connect  # noqa: F401 - the bus fixtures


class Monotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def mono():
    return Monotonic()


@pytest.fixture
def prefs(tmp_path):
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


# --- idle ---------------------------------------------------------------------------------------


def test_idle_fires_once_the_minutes_pass_without_input(qapp, mono):
    watch = IdleWatch(qapp, monotonic=mono)
    fired = []
    watch.idle.connect(lambda: fired.append(mono.now))
    watch.set_minutes(5)
    assert watch.active and watch.listening
    assert watch.timer.interval() == 30_000
    mono.now += 4 * 60 + 59
    assert watch.check() is False and fired == []
    mono.now += 1
    assert watch.check() is True
    assert fired == [1300.0]
    assert not watch.active and not watch.listening  # nothing more until restarted
    watch.set_minutes(0)


def test_input_in_any_window_counts_and_the_filter_steps_aside_until_the_next_check(qtbot, qapp, mono):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    watch = IdleWatch(qapp, monotonic=mono)
    fired = []
    watch.idle.connect(lambda: fired.append(True))
    watch.set_minutes(2)
    mono.now += 100
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert watch.last_input == mono.now
    assert not watch.listening  # the rest of this period's events never reach Python
    mono.now += 100  # 100 s after the key: not idle yet
    assert watch.check() is False and watch.listening
    mono.now += 19
    press = QMouseEvent(QEvent.Type.MouseMove, QPointF(3, 3), QPointF(3, 3), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(field, press)
    assert watch.last_input == mono.now and not watch.listening
    mono.now += 119
    assert watch.check() is False
    mono.now += 1
    assert watch.check() is True and fired == [True]
    watch.set_minutes(0)


def test_other_events_do_not_count_as_input(qapp, mono):
    watch = IdleWatch(qapp, monotonic=mono)
    watch.set_minutes(1)
    mono.now += 30
    QApplication.sendEvent(QObject(), QEvent(QEvent.Type.User))
    QApplication.sendEvent(QObject(), QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    assert watch.listening and watch.last_input == 1000.0
    assert watch.timer.interval() == 15_000  # a quarter of a short limit
    watch.set_minutes(0)
    assert not watch.listening and not watch.active


def test_the_session_lock_follows_the_preferences_and_only_for_an_encrypted_journal(qapp, mono, prefs):
    idle = IdleWatch(qapp, monotonic=mono)
    screen = ScreenLockWatch(QDBusConnection("none"), QDBusConnection("none"))
    lock = SessionLock(prefs, idle=idle, screen=screen)
    seen = []
    lock.locked_changed.connect(seen.append)
    prefs.lock_idle_minutes = 10
    prefs.lock_on_screen_lock = True
    lock.set_enabled(False)
    assert not idle.active and not screen.enabled
    assert lock.lock() is False and seen == []  # a plain journal has nothing to lock
    lock.set_enabled(True)
    assert idle.active and screen.enabled
    mono.now += 600
    idle.check()
    assert lock.locked and lock.reason == "idle" and seen == [True]
    assert not idle.active
    assert lock.lock() is False  # already
    lock.unlock()
    assert seen == [True, False] and idle.active and idle.last_input == mono.now
    prefs.lock_idle_minutes = 0
    prefs.lock_on_screen_lock = False
    lock.configure()
    assert not idle.active and not screen.enabled
    assert lock.lock() is True and lock.reason == "asked"
    lock.set_enabled(False)  # decrypted meanwhile: nothing left to hide
    assert not lock.locked and seen == [True, False, True, False]
    lock.stop()


def test_preferences_for_the_lock_default_to_off_and_stay_in_range(prefs):
    assert prefs.lock_idle_minutes == 0
    assert prefs.lock_on_screen_lock is False
    assert prefs.locked_reminder_details is False
    prefs.lock_idle_minutes = -5
    assert prefs.lock_idle_minutes == 0
    prefs.lock_idle_minutes = 10**6
    assert prefs.lock_idle_minutes == 24 * 60
    prefs.settings.setValue("privacy/lock_after_idle_minutes", "soon")
    assert prefs.lock_idle_minutes == 0


# --- the screen saver and logind on a real bus ---------------------------------------------------


def _signal(connection: QDBusConnection, path: str, interface: str, name: str, *arguments) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(arguments))
    assert connection.send(message)


def _settle(connection: QDBusConnection) -> None:
    """A blocking round trip to the bus: the match rules this connection asked for are in place
    (the bus handles each connection's messages in order)."""
    ping = QDBusMessage.createMethodCall("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId")
    assert connection.call(ping).type() == QDBusMessage.MessageType.ReplyMessage


@pytest.mark.parametrize(
    "path, interface",
    [("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"), ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver")],
)
def test_the_screen_savers_active_changed_true_locks(qtbot, connect, path, interface):  # noqa: F811
    watch = ScreenLockWatch(connect(), QDBusConnection("none"))
    saver = connect()
    assert saver.registerService(interface)
    locked = []
    watch.screen_locked.connect(lambda: locked.append(True))
    watch.set_enabled(True)
    _settle(watch.session)
    _signal(saver, path, interface, "ActiveChanged", False)  # the screen saver going away: nothing
    _signal(saver, path, interface, "ActiveChanged", True)
    qtbot.waitUntil(lambda: locked == [True])
    watch.set_enabled(False)
    other = ScreenLockWatch(watch.session, QDBusConnection("none"))  # still listening, on the same connection
    heard = []
    other.screen_locked.connect(lambda: heard.append(True))
    other.set_enabled(True)
    _settle(watch.session)
    _signal(saver, path, interface, "ActiveChanged", True)
    qtbot.waitUntil(lambda: heard == [True])
    assert locked == [True]  # the watch turned off heard nothing
    other.set_enabled(False)


class _Logind(QDBusVirtualObject):
    """org.freedesktop.login1's Manager, as far as GetSession goes."""

    SESSION = "/org/freedesktop/login1/session/_33"

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def introspect(self, _path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:  # noqa: N802
        if message.member() != "GetSession":
            return False
        self.asked.append(str(message.arguments()[0]))
        reply = message.createReply()
        reply.setArguments([QDBusObjectPath(self.SESSION)])
        return connection.send(reply)


def test_loginds_lock_of_this_session_locks(qtbot, connect):  # noqa: F811
    logind_bus = connect()
    manager = _Logind()
    assert logind_bus.registerVirtualObject("/org/freedesktop/login1", manager)
    assert logind_bus.registerService("org.freedesktop.login1")
    watch = ScreenLockWatch(QDBusConnection("none"), connect())
    locked = []
    watch.screen_locked.connect(lambda: locked.append(True))
    watch.set_enabled(True)
    qtbot.waitUntil(lambda: watch.logind_session == _Logind.SESSION)
    assert manager.asked == ["auto"]
    _settle(watch.system)
    _signal(logind_bus, "/org/freedesktop/login1/session/_34", LOGIND_SESSION, "Lock")  # another session
    _signal(logind_bus, _Logind.SESSION, LOGIND_SESSION, "Lock")
    qtbot.waitUntil(lambda: bool(locked))
    _signal(logind_bus, _Logind.SESSION, LOGIND_SESSION, "Unlock")
    _signal(logind_bus, _Logind.SESSION, LOGIND_SESSION, "Lock")
    qtbot.waitUntil(lambda: len(locked) == 2)  # the other session's Lock was never heard
    watch.set_enabled(False)
    assert watch.logind_session is None
    logind_bus.unregisterObject("/org/freedesktop/login1")


def test_without_a_bus_the_watch_never_fires_and_says_nothing(qtbot):
    watch = ScreenLockWatch(QDBusConnection("none"), QDBusConnection("none"))
    watch.set_enabled(True)
    assert watch.enabled and watch.logind_session is None
    watch.set_enabled(False)
