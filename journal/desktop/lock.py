"""The lock of an encrypted journal's window, and the journal's key while the window runs.

When to lock:
- `IdleWatch`: no keyboard or mouse input in the app's own windows for N minutes. An event
  filter on the application sees input, but only until the first input event of each check
  period: it takes itself off there and goes back on at the next check, so while the user works
  almost no event passes through Python (an application-wide filter would hand every event of
  every object to it).
- `ScreenLockWatch`: the session's screen saver says it became active (`ActiveChanged(true)` of
  org.freedesktop.ScreenSaver or org.gnome.ScreenSaver on the session bus), or logind asks the
  session to lock (`Lock` of this session's org.freedesktop.login1.Session on the system bus).
- `SessionLock` holds the state (locked or not) and turns the two watches on as the
  preferences say, and only while the journal is encrypted.

The key: `JournalAccess` is the window's handle on the open journal's encryption. It keeps the
`JournalKey` (never the passphrase) the journal was opened with, checks a passphrase against it
by deriving a key again (no file is read), remembers a passphrase in the OS keyring when asked,
and converts the journal (encrypt, decrypt, change the passphrase) with it closed, then opens it
again. The widgets never import the store; they go through this. What is slow here (a key
derivation, a conversion, reading the keyring) is run off the GUI thread with `OffThread`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import SLOT, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

from journal.errors import JournalError
from journal.services.passwords import KeyringPasswords, PasswordError

log = logging.getLogger(__name__)

ENV_PASSPHRASE = "CONTACT_JOURNAL_PASSPHRASE"
KEYRING_SERVICE = "contact-journal-passphrase"


class PassphraseKeyringError(PasswordError):
    """The keyring could not keep (or give) the journal's passphrase: one line."""


# The remembered passphrase: keyring service "contact-journal-passphrase", user name the journal's
# resolved path (so two journals each keep their own).
PASSPHRASES = KeyringPasswords(
    service=KEYRING_SERVICE,
    env=ENV_PASSPHRASE,
    purpose="open the journal without being asked",
    missing="type it in the window",
    username=lambda _server, path: path,
    host=lambda _server: "this computer",
    error=PassphraseKeyringError,
)


def _keyring_user(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


# --- running slow calls off the GUI thread ----------------------------------------------------


class OffThread(QObject):
    """`function()` on a thread of its own; `done(result)` or `failed(exception)` on the thread
    this object lives on (the GUI thread), through queued signals. `progress(percent, text)` may
    be emitted by the function through the `report` it is given when it takes one."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)

    def __init__(self, function: Callable, *, reports: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function
        self._reports = reports
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="journal-key", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _work(self) -> None:
        try:
            result = self._function(self._report) if self._reports else self._function()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which shows it
            try:
                self.failed.emit(exc)
            except RuntimeError:  # the receiver went away (the app is closing)
                pass
        else:
            try:
                self.done.emit(result)
            except RuntimeError:
                pass

    def _report(self, percent: int, text: str = "") -> None:
        try:
            self.progress.emit(int(percent), str(text))
        except RuntimeError:
            pass


def describe(exc: BaseException) -> str:
    """One line for a failure off the GUI thread."""
    text = " ".join(str(exc).split())
    if isinstance(exc, JournalError):
        return text
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    return f"Something went wrong: {type(exc).__name__}: {text}"


# --- the journal's key ------------------------------------------------------------------------


def available() -> bool:
    """True when this installation can encrypt (the sqlcipher3 package is there)."""
    from journal.services.upkeep import maintenance

    return maintenance.encryption_available()


def is_encrypted(path: Path) -> bool:
    """The journal at `path` is encrypted (read from its first bytes; nothing is opened)."""
    from journal.services.upkeep import maintenance

    return maintenance.is_encrypted(Path(path).expanduser())


def is_wrong_passphrase(exc: BaseException) -> bool:
    from journal.services.upkeep import maintenance

    return isinstance(exc, maintenance.WrongPassphrase)


def unlock(path: Path, passphrase: str):
    """The journal's key for `passphrase` (slow: a key derivation), or WrongPassphrase (or
    EncryptionUnavailable where SQLCipher is missing). Nothing is written."""
    from journal.services.upkeep import maintenance

    path = Path(path).expanduser()
    if not passphrase:
        raise maintenance.WrongPassphrase(path)
    return maintenance.unlock(path, passphrase)


def require_encryption() -> None:
    """EncryptionUnavailable (one line saying how to get it) where SQLCipher is missing."""
    from journal.store import cipher

    cipher.require()


def converted_key(exc: BaseException):
    """(True, the journal's key now) when a conversion that failed did convert the journal (only
    some backups could not be), else (False, None)."""
    from journal.store import encryption

    if isinstance(exc, encryption.BackupsNotConverted):
        return True, exc.key
    return False, None


def keyring_available() -> bool:
    return PASSPHRASES.keyring_available()


def remembered_passphrase(path: Path) -> str | None:
    """The passphrase kept in the keyring for this journal, None when none (or no keyring)."""
    try:
        return PASSPHRASES.stored("", _keyring_user(path))
    except PasswordError as exc:
        log.info("No remembered passphrase: %s", exc)
        return None


def remember_passphrase(path: Path, passphrase: str) -> None:
    """Keep it in the keyring; PassphraseKeyringError (one line) when that cannot be done."""
    PASSPHRASES.remember("", _keyring_user(path), passphrase)


def forget_passphrase(path: Path) -> None:
    PASSPHRASES.forget("", _keyring_user(path))


def passphrase_from_environment() -> str | None:
    return os.environ.get(ENV_PASSPHRASE) or None


def unlock_quietly(path: Path):
    """At start-up, before asking: (key, how) with CONTACT_JOURNAL_PASSPHRASE ("environment") or
    the remembered passphrase ("keyring"), or (None, why-not: "" when there was none to try,
    else one line saying which did not open it). Slow: run it off the GUI thread."""
    tried = []
    # Either opens the same journal with the same key; the variable, when set, is tried first,
    # so a scripted start (the benchmark) does not wait on the keyring.
    candidates = (("environment", passphrase_from_environment), ("keyring", lambda: remembered_passphrase(path)))
    for how, source in candidates:
        passphrase = source()
        if not passphrase:
            continue
        try:
            return unlock(path, passphrase), how
        except JournalError as exc:
            if not is_wrong_passphrase(exc):
                raise
            tried.append(how)
    if "keyring" in tried:
        return None, "The passphrase remembered on this computer does not open this journal any more."
    if tried:
        return None, f"{ENV_PASSPHRASE} is not the passphrase of this journal."
    return None, ""


class JournalAccess(QObject):
    """The open journal's encryption, for the window: whether it is encrypted, its key, a
    passphrase checked against the key, the passphrase remembered in the keyring, and the
    conversions, each with the journal closed (`close`) and opened again (`reopen`)."""

    reopened = Signal()  # the journal was closed and opened again (after a conversion)

    def __init__(
        self,
        path: Path,
        database=None,
        *,
        before_close: Callable[[], None] | None = None,
        opener: Callable | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path).expanduser()
        self.database = database
        self.key = getattr(database, "key", None)
        self._before_close = before_close
        self._opener = opener

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @staticmethod
    def available() -> bool:
        return available()

    # --- checking ------------------------------------------------------------------------------

    def matches(self, passphrase: str) -> bool:
        """True when `passphrase` gives the key the journal was opened with. Derives the key again
        (slow: off the GUI thread); reads no file."""
        if self.key is None or not passphrase:
            return False
        from journal.services.upkeep import maintenance

        return maintenance.same_passphrase(self.key, passphrase)

    # --- remembering -----------------------------------------------------------------------------

    def remembered(self) -> bool:
        return remembered_passphrase(self.path) is not None

    def remember(self, passphrase: str) -> None:
        remember_passphrase(self.path, passphrase)

    def forget(self) -> None:
        forget_passphrase(self.path)

    # --- closing and opening ---------------------------------------------------------------------

    def close(self) -> None:
        """Let go of the journal (this thread's connection; the workers' are closed by their
        owners first). A query made meanwhile fails instead of opening it again."""
        if self._before_close is not None:
            self._before_close()
        database = self.database
        if database is not None:
            database.autoconnect = False
            if not database.is_closed():
                database.close()

    def reopen(self, key=None) -> None:
        """Open the journal again (with `key` when it is encrypted now)."""
        from journal.services.upkeep.maintenance import open_session

        opener = self._opener or (lambda path, key: open_session(path, key=key, auto_backup=False))
        self.database = opener(self.path, key)
        self.key = getattr(self.database, "key", key)
        self.reopened.emit()

    def unfinished(self) -> bool:
        """Encrypted, with backups still plain (encrypting was stopped before it was done):
        encrypting again with the passphrase converts them."""
        from journal.store import encryption

        return self.encrypted and encryption.unfinished(self.path)

    # --- converting (journal closed; off the GUI thread) -------------------------------------

    def encrypt(self, passphrase: str, report: Callable[[int, str], None] | None = None):
        from journal.store import encryption

        return encryption.encrypt(self.path, passphrase, progress=_progress(report))

    def decrypt(self, report: Callable[[int, str], None] | None = None) -> None:
        from journal.store import encryption

        encryption.decrypt(self.path, self.key, progress=_progress(report))

    def change_passphrase(self, new: str, report: Callable[[int, str], None] | None = None):
        from journal.store import encryption

        return encryption.change_passphrase(self.path, self.key, new, progress=_progress(report))


def _progress(report: Callable[[int, str], None] | None):
    """The store's progress(done, total) in files, handed on as (percent, text)."""
    if report is None:
        return None

    def progress(done: int, total: int) -> None:
        total = max(int(total), 1)
        text = QCoreApplication.translate("JournalAccess", "{done} of {total} files converted").format(
            done=done, total=total
        )
        report(min(100, int(done) * 100 // total), text)

    return progress


# --- idle ---------------------------------------------------------------------------------------

CHECK_MS = 30_000  # how often idleness is looked at (at most: a quarter of the limit)


def _input_events() -> frozenset:
    kind = QEvent.Type
    return frozenset({
        kind.KeyPress, kind.MouseButtonPress, kind.MouseMove, kind.Wheel, kind.TouchBegin,
        kind.TabletPress, kind.HoverMove,
    })


class IdleWatch(QObject):
    """`idle()` once no keyboard or mouse input has reached the app for `minutes`."""

    idle = Signal()

    def __init__(
        self,
        app: QCoreApplication | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app or QCoreApplication.instance()
        self._monotonic = monotonic
        self._events = _input_events()
        self.minutes = 0
        self.listening = False  # the event filter is on
        self.last_input = monotonic()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def set_minutes(self, minutes: int) -> None:
        """Watch for `minutes` without input (0: stop watching)."""
        self.minutes = max(int(minutes), 0)
        if self.minutes:
            self.timer.setInterval(min(CHECK_MS, self.minutes * 60_000 // 4))
            if not self.timer.isActive():
                self.restart()
        else:
            self.stop()

    def restart(self) -> None:
        """Count from now (after an unlock)."""
        if not self.minutes:
            return
        self.last_input = self._monotonic()
        self._listen()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._unlisten()

    def _listen(self) -> None:
        if not self.listening and self.app is not None:
            self.app.installEventFilter(self)
            self.listening = True

    def _unlisten(self) -> None:
        if self.listening and self.app is not None:
            self.app.removeEventFilter(self)
        self.listening = False

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self._events:
            self.saw_input()
        return False

    def saw_input(self) -> None:
        """Input now: count from here, and stop looking until the next check."""
        self.last_input = self._monotonic()
        self._unlisten()

    def idle_seconds(self) -> float:
        return self._monotonic() - self.last_input

    def check(self) -> bool:
        """At each tick: idle long enough emits `idle` (and stops watching until restarted);
        otherwise the filter goes back on for the next period. True when it emitted."""
        if not self.minutes:
            return False
        if self.idle_seconds() >= self.minutes * 60:
            self.stop()
            self.idle.emit()
            return True
        self._listen()
        return False


# --- the session's screen lock --------------------------------------------------------------------

# (path, interface) of the screen savers whose ActiveChanged(bool) says the screen locked.
SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE's older path
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
LOGIND_SESSION = "org.freedesktop.login1.Session"
CALL_TIMEOUT_MS = 3_000


class ScreenLockWatch(QObject):
    """`screen_locked()` when the session's screen locks. Listens while `enabled`; where there
    is no session (or system) bus it simply never fires."""

    screen_locked = Signal()

    def __init__(
        self,
        session: QDBusConnection | None = None,
        system: QDBusConnection | None = None,
        *,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # The buses are reached only once the watch is turned on (a plain journal never does).
        self._session, self._system = session, system
        self.enabled = False
        self.logind_session: str | None = None  # the object path of this login session
        self._connected: list[tuple] = []
        self._watcher: QDBusPendingCallWatcher | None = None

    @property
    def session(self) -> QDBusConnection:
        if self._session is None:
            self._session = QDBusConnection.sessionBus()
        return self._session

    @property
    def system(self) -> QDBusConnection:
        if self._system is None:
            self._system = QDBusConnection.systemBus()
        return self._system

    def set_enabled(self, enabled: bool) -> None:
        if enabled == self.enabled:
            return
        self.enabled = enabled
        if enabled:
            self._connect()
        else:
            self._disconnect()

    def _connect(self) -> None:
        if self.session.isConnected():
            for path, interface in SCREEN_SAVERS:
                # Any sender: whichever process owns the name sends it (and a stray one only locks).
                args = ("", path, interface, "ActiveChanged", self, SLOT("_active_changed(bool)"))
                if self.session.connect(*args):
                    self._connected.append((self.session, args))
        if self.system.isConnected():
            call = QDBusMessage.createMethodCall(LOGIND, LOGIND_PATH, LOGIND_MANAGER, "GetSession")
            call.setArguments(["auto"])
            self._watcher = QDBusPendingCallWatcher(self.system.asyncCall(call, CALL_TIMEOUT_MS), self)
            self._watcher.finished.connect(self._found_session)

    def _found_session(self, watcher: QDBusPendingCallWatcher) -> None:
        watcher.deleteLater()
        if watcher is not self._watcher:
            return
        self._watcher = None
        reply = watcher.reply()
        if not self.enabled or reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            if reply.type() == QDBusMessage.MessageType.ErrorMessage:
                log.info("No logind session to watch (%s)", reply.errorName())
            return
        found = reply.arguments()[0]
        path = found.path() if hasattr(found, "path") else str(found)
        self.logind_session = path
        args = (LOGIND, path, LOGIND_SESSION, "Lock", self, SLOT("_session_lock()"))
        if self.system.connect(*args):
            self._connected.append((self.system, args))

    def _disconnect(self) -> None:
        self._watcher = None
        for connection, args in self._connected:
            connection.disconnect(*args)
        self._connected.clear()
        self.logind_session = None

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        if active and self.enabled:
            self.screen_locked.emit()

    @Slot()
    def _session_lock(self) -> None:
        if self.enabled:
            self.screen_locked.emit()


# --- the lock's state ---------------------------------------------------------------------------


class SessionLock(QObject):
    """Locked or not, and when to lock: offered only while the journal is encrypted (`enabled`);
    idle and the screen lock as the preferences say. Reminders are not its business: they go on."""

    locked_changed = Signal(bool)

    def __init__(self, preferences, *, idle: IdleWatch | None = None, screen: ScreenLockWatch | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.idle = idle or IdleWatch(parent=self)
        self.screen = screen or ScreenLockWatch(parent=self)
        self.enabled = False
        self.locked = False
        self.reason = ""  # why it locked: "idle", "screen", "asked"
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.screen.screen_locked.connect(lambda: self.lock("screen"))

    def set_enabled(self, enabled: bool) -> None:
        """The journal is encrypted (True) or plain: only an encrypted one can be locked."""
        self.enabled = bool(enabled)
        if not self.enabled and self.locked:
            self.unlock()
        self.configure()

    def configure(self) -> None:
        """Follow the preferences (after Preferences > Privacy changed them)."""
        prefs = self.preferences
        self.idle.set_minutes(prefs.lock_idle_minutes if self.enabled and not self.locked else 0)
        self.screen.set_enabled(self.enabled and prefs.lock_on_screen_lock)

    def lock(self, reason: str = "asked") -> bool:
        """Lock now; False when there is nothing to lock (a plain journal) or it already is."""
        if not self.enabled or self.locked:
            return False
        self.locked = True
        self.reason = reason
        self.idle.stop()
        self.locked_changed.emit(True)
        return True

    def unlock(self) -> None:
        """The passphrase was given again (the caller checked it)."""
        if not self.locked:
            return
        self.locked = False
        self.reason = ""
        self.configure()
        self.idle.restart()
        self.locked_changed.emit(False)

    def stop(self) -> None:
        self.idle.stop()
        self.screen.set_enabled(False)
