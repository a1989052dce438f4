"""Reminders as desktop notifications with buttons, through the freedesktop Notifications
service (`org.freedesktop.Notifications` on the session bus), using Qt's own D-Bus module.

One notification per item key: announcing the same key again passes the id the server gave it
as `replaces_id`, so its bubble is replaced instead of another piling up. A button (or a click on
the bubble, the "default" action) comes back as `actionInvoked(item_key, action)`; a bubble that
is dismissed or expires only forgets its id. Whatever cannot be shown (no session bus, no
server, an error reply) is handed back through `failed` so the caller can fall back.

Why the call is made the way it is: `Notify` takes `replaces_id` as a D-Bus uint32, and PySide
turns every Python int into an int32 (its QDBusArgument integer operator even binds to uint16),
which strict servers such as GNOME Shell and dunst reject. Qt marshals a uint only from typed C++
values, so the call goes through a QDBusInterface whose slot takes `uint`. That interface's
meta-object is built once from the specification's own introspection XML, answered locally by
`_Schema` (servers describe `hints` without the Qt type annotation, and introspecting a server
would wait on it); QtDBus caches it by interface name for the connection. The interface's calls
wait for their reply, so each runs on a pool thread (PySide lets go of the interpreter lock
meanwhile) and its result comes back to the GUI thread as a queued signal; nothing here makes
the GUI thread wait on the bus. Everything else (GetCapabilities, the signals) is asynchronous.
"""

from __future__ import annotations

import html
import itertools
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    SLOT,
    QCoreApplication,
    QMetaObject,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusInterface,
    QDBusMessage,
    QDBusPendingCallWatcher,
    QDBusServiceWatcher,
    QDBusVirtualObject,
)

from journal import APP_ID, APP_NAME
from journal.domain.agenda import AgendaItem, ItemKind

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
DEFAULT_ACTION = "default"  # what a server sends when the bubble itself is clicked
ACTION_DONE, ACTION_SNOOZE, ACTION_OPEN = "done", "snooze-1h", "open"
SUMMARY_KEY = "summary"  # the one notification for several items falling due together
CALL_TIMEOUT_MS = 3_000  # a server that has not answered by then is treated as absent
EXPIRE_DEFAULT = -1  # the server's own timeout
# Where _Schema answers the introspection call, on our own connection, for a moment.
SCHEMA_PATH = "/" + APP_ID.replace("-", "_") + "/NotificationsSchema"
NOTIFY_SLOT = "Notify(QString,uint,QString,QString,QString,QStringList,QVariantMap,int)"
# Errors that mean nobody serves the interface, or nobody who answers (any other error fails
# one notification only).
GONE_ERRORS = {
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownMethod",
    "org.freedesktop.DBus.Error.Disconnected",
    "org.freedesktop.DBus.Error.NoReply",
    "org.freedesktop.DBus.Error.Timeout",
}

# The interface as the Desktop Notifications Specification (1.2) defines it; the annotation tells
# QtDBus that the a{sv} hints are a QVariantMap.
SPECIFICATION_XML = f"""<node>
  <interface name="{INTERFACE}">
    <method name="Notify">
      <arg name="app_name" type="s" direction="in"/>
      <arg name="replaces_id" type="u" direction="in"/>
      <arg name="app_icon" type="s" direction="in"/>
      <arg name="summary" type="s" direction="in"/>
      <arg name="body" type="s" direction="in"/>
      <arg name="actions" type="as" direction="in"/>
      <arg name="hints" type="a{{sv}}" direction="in"/>
      <arg name="expire_timeout" type="i" direction="in"/>
      <arg name="id" type="u" direction="out"/>
      <annotation name="org.qtproject.QtDBus.QtTypeName.In6" value="QVariantMap"/>
    </method>
    <method name="CloseNotification">
      <arg name="id" type="u" direction="in"/>
    </method>
    <method name="GetCapabilities">
      <arg name="capabilities" type="as" direction="out"/>
    </method>
    <signal name="NotificationClosed">
      <arg name="id" type="u"/>
      <arg name="reason" type="u"/>
    </signal>
    <signal name="ActionInvoked">
      <arg name="id" type="u"/>
      <arg name="action_key" type="s"/>
    </signal>
  </interface>
</node>"""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Request:
    key: str
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]


class _Schema(QDBusVirtualObject):
    """Answers the one local introspection call that gives QtDBus the interface's types."""

    def introspect(self, _path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if message.member() != "Introspect":
            return False
        reply = message.createReply()
        reply.setArguments([SPECIFICATION_XML])
        return connection.send(reply)


def _learn_interface(connection: QDBusConnection) -> bool:
    """Put the interface's meta-object in the connection's cache; True when it is there."""
    schema = _Schema()
    if not connection.registerVirtualObject(SCHEMA_PATH, schema):
        return False
    try:
        probe = QDBusInterface(connection.baseService(), SCHEMA_PATH, INTERFACE, connection)
        return probe.isValid() and probe.metaObject().indexOfMethod(NOTIFY_SLOT) >= 0
    finally:
        connection.unregisterObject(SCHEMA_PATH)


class _Relay(QObject):
    """Carries a pool thread's result to the GUI thread. One for the process, never deleted, so
    a call still running when its notifier goes away has something alive to emit from."""

    finished = Signal(int, int, str, str)  # ticket, notification id (0: none), error name, message


_relay: _Relay | None = None
_pool: QThreadPool | None = None
_tickets = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def _the_pool() -> QThreadPool:
    """The threads the calls run on. Before the application goes, the calls still on their way
    are waited for here (the wait lets go of the interpreter lock they need to finish)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: _pool.waitForDone(CALL_TIMEOUT_MS + 1_000))
    return _pool


class _NotifyCall(QRunnable):
    """One Notify call, made on a pool thread (the typed call waits for its reply)."""

    def __init__(self, connection: QDBusConnection, ticket: int, arguments: tuple) -> None:
        super().__init__()
        self.connection = connection
        self.ticket = ticket
        self.arguments = arguments
        self.relay = _the_relay()

    def run(self) -> None:
        ident, error, message = 0, "", ""
        app_name, replaces_id, icon, summary, body, actions, hints = self.arguments
        interface = QDBusInterface(SERVICE, PATH, INTERFACE, self.connection)
        if interface.metaObject().indexOfMethod(NOTIFY_SLOT) < 0:
            error, message = "local.NoInterface", "the interface's description is not known"
        else:
            interface.setTimeout(CALL_TIMEOUT_MS)
            try:
                ident = QMetaObject.invokeMethod(
                    interface,
                    "Notify",
                    Q_RETURN_ARG("uint"),
                    Q_ARG("QString", app_name),
                    Q_ARG("uint", replaces_id),
                    Q_ARG("QString", icon),
                    Q_ARG("QString", summary),
                    Q_ARG("QString", body),
                    Q_ARG("QStringList", list(actions)),
                    Q_ARG("QVariantMap", hints),
                    Q_ARG("int", EXPIRE_DEFAULT),
                )
            except RuntimeError as exc:  # the call could not even be made
                ident, error, message = 0, "local.InvokeFailed", str(exc)
            else:
                failure = interface.lastError()
                if failure.isValid():
                    ident, error, message = 0, failure.name(), failure.message()
        del interface  # deleted here, on the thread that made it
        try:
            self.relay.finished.emit(self.ticket, int(ident or 0), error, message)
        except RuntimeError:  # the process is shutting down
            pass


class DesktopNotifier(QObject):
    """A client of the freedesktop notification service on `connection` (the session bus)."""

    actionInvoked = Signal(str, str)  # item key, action key ("default" for a click on the bubble)
    failed = Signal(str, str, str)  # item key, summary, body: this one could not be shown
    shown = Signal(str, int)  # item key, the notification id the server gave it
    closed = Signal(str, int)  # item key, reason (1 expired, 2 dismissed, 3 closed by a call)
    availabilityChanged = Signal(bool)

    def __init__(
        self,
        connection: QDBusConnection | None = None,
        *,
        app_name: str = APP_NAME,
        app_icon: str = APP_ID,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.connection = QDBusConnection.sessionBus() if connection is None else connection
        self.app_name = app_name
        self.app_icon = app_icon
        self.hints = {"desktop-entry": APP_ID}
        self.capabilities: frozenset[str] = frozenset()
        self._state = "absent"  # "probing" while GetCapabilities is on its way, then "ready"
        self._ids: dict[str, int] = {}  # item key -> notification id
        self._keys: dict[int, str] = {}  # notification id -> item key
        self._calls: dict[int, _Request] = {}  # ticket -> the request on its way
        self._busy: set[str] = set()  # keys with a call on its way
        self._next: dict[str, _Request] = {}  # the latest request for a busy key, sent after it
        self._queued: list[_Request] = []  # requests made while probing
        self._probe_watcher: QDBusPendingCallWatcher | None = None
        if not self.connection.isConnected() or not _learn_interface(self.connection):
            return
        _the_relay().finished.connect(self._call_finished)
        self.connection.connect(SERVICE, PATH, INTERFACE, "ActionInvoked", self, SLOT("_action_invoked(uint,QString)"))
        self.connection.connect(
            SERVICE, PATH, INTERFACE, "NotificationClosed", self, SLOT("_notification_closed(uint,uint)")
        )
        self._watcher = QDBusServiceWatcher(SERVICE, self.connection, QDBusServiceWatcher.WatchModeFlag.WatchForOwnerChange, self)
        self._watcher.serviceOwnerChanged.connect(self._owner_changed)
        self.probe()

    # --- is anyone there ---------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """The service answered: notifications are shown by it."""
        return self._state == "ready"

    @property
    def probing(self) -> bool:
        return self._state == "probing"

    @property
    def supports_actions(self) -> bool:
        return "actions" in self.capabilities

    def probe(self) -> None:
        """Ask the service what it can do (starting it if it is D-Bus activated)."""
        if not self.connection.isConnected():
            return
        self._state = "probing"
        call = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "GetCapabilities")
        watcher = QDBusPendingCallWatcher(self.connection.asyncCall(call, CALL_TIMEOUT_MS), self)
        watcher.finished.connect(self._probed)
        self._probe_watcher = watcher

    def _probed(self, watcher: QDBusPendingCallWatcher) -> None:
        watcher.deleteLater()
        if watcher is not self._probe_watcher:
            return
        self._probe_watcher = None
        reply = watcher.reply()
        was = self.available
        if reply.type() == QDBusMessage.MessageType.ReplyMessage:
            arguments = reply.arguments()
            self.capabilities = frozenset(str(c) for c in (arguments[0] if arguments else []))
            self._state = "ready"
        else:
            log.info("No desktop notifications (%s): %s", reply.errorName(), reply.errorMessage())
            self.capabilities = frozenset()
            self._state = "absent"
        queued, self._queued = self._queued, []
        for request in queued:
            self._send(request)
        if self.available != was:
            self.availabilityChanged.emit(self.available)

    def _owner_changed(self, _name: str, _old: str, new: str) -> None:
        # A new server numbers its notifications afresh: the ids we remember mean nothing to it.
        self._ids.clear()
        self._keys.clear()
        if new:
            if not self.probing:
                self.probe()
        elif self._state != "absent":
            self._state = "absent"
            self.availabilityChanged.emit(False)

    # --- showing -----------------------------------------------------------------------------

    def show(self, key: str, summary: str, body: str, actions: Sequence[tuple[str, str]] = ()) -> bool:
        """Show (or replace) the notification of item `key`; `actions` are (action key, label)
        pairs, the "default" one being a click on the bubble. False when no service is there
        to show it (the caller shows it some other way); a later failure emits `failed`."""
        request = _Request(key, summary, body, tuple((str(k), str(label)) for k, label in actions))
        if self._state == "absent":
            return False
        if self._state == "probing":
            self._queued.append(request)
        else:
            self._send(request)
        return True

    def notification_id(self, key: str) -> int | None:
        """The id of the bubble showing item `key`, while it shows."""
        return self._ids.get(key)

    def _arguments(self, request: _Request) -> tuple:
        body = request.body
        actions: list[str] = []
        if self.supports_actions:
            for action, label in request.actions:
                actions += [action, label]
        elif any(action != DEFAULT_ACTION for action, _label in request.actions):
            body += "\n" + QCoreApplication.translate(
                "DesktopNotifier", "To mark it done or snooze it, use the tray icon's menu."
            )
        if "body-markup" in self.capabilities:  # such a server reads the body as markup
            body = html.escape(body, quote=False)
        replaces = self._ids.get(request.key, 0)
        return (self.app_name, replaces, self.app_icon, request.summary, body, actions, dict(self.hints))

    def _send(self, request: _Request) -> None:
        if self._state != "ready":
            self.failed.emit(request.key, request.summary, request.body)
            return
        if request.key in self._busy:  # after the call on its way, which tells us the id
            self._next[request.key] = request
            return
        ticket = next(_tickets)
        self._calls[ticket] = request
        self._busy.add(request.key)
        _the_pool().start(_NotifyCall(self.connection, ticket, self._arguments(request)))

    @Slot(int, int, str, str)
    def _call_finished(self, ticket: int, ident: int, error: str, message: str) -> None:
        request = self._calls.pop(ticket, None)
        if request is None:
            return  # another notifier's call
        self._busy.discard(request.key)
        if ident:
            old = self._ids.get(request.key)
            if old is not None and old != ident:
                self._keys.pop(old, None)
            self._ids[request.key] = ident
            self._keys[ident] = request.key
            self.shown.emit(request.key, ident)
        else:
            log.info("A notification could not be shown (%s): %s", error, message)
            if error in GONE_ERRORS:
                self._forget_server()
            self.failed.emit(request.key, request.summary, request.body)
        waiting = self._next.pop(request.key, None)
        if waiting is not None:
            self._send(waiting)

    def _forget_server(self) -> None:
        self._ids.clear()
        self._keys.clear()
        if self._state == "ready":
            self._state = "absent"
            self.availabilityChanged.emit(False)
            self.probe()  # it may come back (or be started again by the call)

    # --- what the server tells us ------------------------------------------------------------

    @Slot("uint", str)
    def _action_invoked(self, ident: int, action: str) -> None:
        key = self._keys.pop(ident, None)
        if key is None:
            return  # not one of ours
        if self._ids.get(key) == ident:
            del self._ids[key]  # the server closes a bubble once it is acted on
        self.actionInvoked.emit(key, action)

    @Slot("uint", "uint")
    def _notification_closed(self, ident: int, reason: int) -> None:
        key = self._keys.pop(ident, None)
        if key is None:
            return
        if self._ids.get(key) == ident:
            del self._ids[key]
        self.closed.emit(key, reason)


def _menu_word(text: str) -> str:
    """The tray menu's (translated) word for an action, without its mnemonic."""
    return QCoreApplication.translate("TrayController", text).replace("&", "")


class ReminderNotifications(QObject):
    """Due reminders as desktop notifications, acted on through the tray's own handlers: Done,
    Snooze 1 hour and Open (or a click on the bubble) call the very methods the tray menu's
    entries for that item call, so nothing here changes the journal itself."""

    def __init__(self, tray, notifier: DesktopNotifier | None) -> None:
        super().__init__(tray)
        self.tray = tray
        self.notifier: DesktopNotifier | None = None
        self._summary: list[AgendaItem] = []
        self.use(notifier)

    def use(self, notifier: DesktopNotifier | None) -> None:
        """Post through `notifier` from now on (None: tray messages only)."""
        old, self.notifier = self.notifier, notifier
        if old is not None:
            old.actionInvoked.disconnect(self.act)
            old.failed.disconnect(self._failed)
            if old.parent() is self:
                old.deleteLater()
        if notifier is not None:
            if notifier.parent() is None:
                notifier.setParent(self)
            notifier.actionInvoked.connect(self.act)
            notifier.failed.connect(self._failed)

    def post(self, items: list[AgendaItem], title: str, text: str) -> bool:
        """One notification for one item, with its buttons; a summary for several (a click opens
        the calendar). False where no notification service is there to show it."""
        if self.notifier is None or not items:
            return False
        opens = (DEFAULT_ACTION, _menu_word("&Open"))
        if len(items) > 1:
            self._summary = list(items)
            return self.notifier.show(SUMMARY_KEY, title, text, [opens])
        item = items[0]
        actions = [opens, (ACTION_DONE, _menu_word("&Done"))]  # Done advances an introduction, as in the menu
        if item.kind is not ItemKind.DATE:  # a date that matters is done for the year, never snoozed
            actions.append((ACTION_SNOOZE, _menu_word("&Snooze 1 hour")))
        actions.append((ACTION_OPEN, opens[1]))
        return self.notifier.show(item.key, title, text, actions)

    def post_count(self, items: list[AgendaItem], title: str, text: str) -> bool:
        """While the window is locked: one notification that says only how many are due, with no
        button but a click on it (which shows the window, and its lock)."""
        if self.notifier is None or not items:
            return False
        self._summary = list(items)
        return self.notifier.show(SUMMARY_KEY, title, text, [(DEFAULT_ACTION, _menu_word("&Open"))])

    def act(self, key: str, action: str) -> None:
        tray = self.tray
        opening = action in (DEFAULT_ACTION, ACTION_OPEN)
        if key == SUMMARY_KEY:
            if opening:
                tray.last_announced = list(self._summary)
                tray.open_announced()
            return
        # The item as it is now: one done or snoozed meanwhile (from the menu, say) is left alone.
        item = next((i for i in tray.scheduler.due_now() if i.key == key), None)
        if opening:
            item = item or next((i for i in tray.last_announced if i.key == key), None)
            if item is not None:
                tray.open_item(item)
        elif item is None:
            return
        elif action == ACTION_DONE:
            tray.mark_done(item)
        elif action == ACTION_SNOOZE:
            tray.snooze([item])

    def _failed(self, _key: str, title: str, text: str) -> None:
        self.tray.notify(title, text)


def locked_message(count: int) -> tuple[str, str]:
    """(title, text) of a reminder while the window is locked and details are not allowed: how
    many are due, never what ("3 items due")."""
    if count == 1:
        title = QCoreApplication.translate("ReminderNotifications", "1 item due")
    else:
        title = QCoreApplication.translate("ReminderNotifications", "{n} items due").format(n=count)
    text = QCoreApplication.translate("ReminderNotifications", "Unlock {app} to see what.").format(app=APP_NAME)
    return title, text


def desktop_notifier(parent: QObject | None = None) -> DesktopNotifier | None:
    """The notifier on the session bus where desktops have one (Linux and the BSDs); macOS and
    Windows show Qt's tray messages instead."""
    if sys.platform in ("win32", "darwin"):
        return None
    return DesktopNotifier(parent=parent)
