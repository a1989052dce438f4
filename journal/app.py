"""Starting the desktop app: the QApplication, the journal, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from journal import APP_ID, APP_NAME, ORG_NAME, __version__


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    from journal.ui import source_scan

    source_scan.install()  # before the views load: 6 MB less at the peak (see its docstring)
    from journal.ui.i18n import install_translators
    from journal.ui.icons import app_icon

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    install_translators(app)
    return app


def build_main_window(context, *, first_view: bool = True):
    """Compose the main window from its views. Each view is built when first shown (or asked for
    with window.view(key)), so start-up pays only for the one the window opens on. Without
    `first_view`, not even that one: the caller shows it (window.show_last_view()) once the
    journal is open."""
    from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

    from journal.ui.dialogs.log_action import install_log_action, open_log_dialog
    from journal.ui.icons import themed
    from journal.ui.main_window import MainWindow

    window = MainWindow(context)

    titles = {  # the sidebar's names for the views
        "today": QT_TRANSLATE_NOOP("MainWindow", "Today"),
        "people": QT_TRANSLATE_NOOP("MainWindow", "People"),
        "conversations": QT_TRANSLATE_NOOP("MainWindow", "Conversations"),
        "introductions": QT_TRANSLATE_NOOP("MainWindow", "Introductions"),
        "organisations": QT_TRANSLATE_NOOP("MainWindow", "Organisations"),
        "calendar": QT_TRANSLATE_NOOP("MainWindow", "Calendar"),
        "insights": QT_TRANSLATE_NOOP("MainWindow", "Insights"),
    }

    def title_of(key: str) -> str:
        return QCoreApplication.translate("MainWindow", titles[key])

    def today():
        from journal.ui.today.today_view import TodayView

        view = TodayView(context)
        view.acted.connect(lambda text: window.statusBar().showMessage(text, 8000))
        return view

    def people():
        from journal.ui.people.people_view import PeopleView

        view = PeopleView(context)
        view.open_requested.connect(window.open_item)
        view.log_requested.connect(lambda person_id, name: open_log_dialog(window, [(person_id, name)]))
        return view

    def conversations():
        from journal.ui.conversations.conversations_view import ConversationsView

        return ConversationsView(context)

    def introductions():
        from journal.ui.introductions.introductions_view import IntroductionsView

        view = IntroductionsView(context)
        view.open_requested.connect(window.open_item)
        return view

    def organisations():
        from journal.ui.organisations.organisations_view import OrganisationsView

        view = OrganisationsView(context)
        view.open_requested.connect(window.open_item)
        return view

    def calendar():
        from journal.ui.calendar.calendar_view import CalendarView

        return CalendarView(context)

    def insights():
        from journal.ui.insights.insights_view import InsightsView

        view = InsightsView(context)
        view.open_requested.connect(window.open_item)
        return view

    def opener(key: str, method: str):
        return lambda item_id: getattr(window.view(key), method)(item_id)

    window.add_view("today", title_of("today"), today, themed("contact-journal-today", "today.svg"))
    window.add_view("people", title_of("people"), people, themed("contact-journal-people", "people.svg"))
    window.register_opener("person", "people", opener("people", "open_person"))
    window.add_view("conversations", title_of("conversations"), conversations, themed("contact-journal-conversations", "conversations.svg"))
    window.register_opener("conversation", "conversations", opener("conversations", "open_conversation"))
    window.add_view("introductions", title_of("introductions"), introductions, themed("contact-journal-introductions", "introductions.svg"))
    window.register_opener("introduction", "introductions", opener("introductions", "open_introduction"))
    window.add_view("organisations", title_of("organisations"), organisations, themed("contact-journal-organisations", "organisations.svg"))
    window.register_opener("organisation", "organisations", opener("organisations", "open_organisation"))
    window.add_view("calendar", title_of("calendar"), calendar, themed("contact-journal-calendar", "calendar.svg"))
    window.register_opener("next_step", "calendar", opener("calendar", "open_step"))
    window.add_view("insights", title_of("insights"), insights, themed("contact-journal-insights", "insights.svg"))
    from journal.ui.search.action import install_search

    install_search(window)
    install_log_action(window)
    window.restore_layout()
    if first_view:
        window.show_last_view()
    return window


def run_gui(args) -> int:
    """The window first, then the journal: the window (with its sidebar, menus and the layout it
    was left in) paints before the journal is opened, upgraded if need be, and read."""
    pause_collector()
    from PySide6.QtCore import QSettings

    from journal.paths import journal_path
    from journal.ui.context import AppContext
    from journal.ui.first_paint import after_first_paint

    app = create_application()
    path: Path = journal_path(args.db)
    demo_dir = None
    if getattr(args, "demo", False):
        from journal.services.upkeep.demo import DEMO_FILENAME, new_demo_folder

        demo_dir = new_demo_folder()
        path = demo_dir / DEMO_FILENAME
    from journal.desktop.preferences import Preferences
    from journal.desktop.single_instance import SingleInstanceServer, send_to_running, socket_name

    instance = socket_name(path)
    if send_to_running(instance, {"action": "log" if getattr(args, "log", False) else "raise"}):
        return 0  # the running app shows itself (and the Log dialog)
    server = SingleInstanceServer(instance)
    server.listen()
    _begin_deriving_key(path)
    window = build_main_window(AppContext(journal_path=path, settings=QSettings()), first_view=False)
    if demo_dir is not None:
        window.setWindowTitle(f"Demo journal (thrown away when you quit) — {APP_NAME}")
    if not (getattr(args, "minimized", False) or Preferences().start_minimized):
        window.show()  # (staying in the tray is decided once the tray is set up)
    session = _Session(app, window, path, server, args, demo=demo_dir is not None)
    after_first_paint(window, session.open)
    try:
        return app.exec()
    finally:
        restore_collector()
        session.close()
        server.close()
        if demo_dir is not None:
            import shutil

            shutil.rmtree(demo_dir, ignore_errors=True)


def pause_collector() -> None:
    """Start-up creates hundreds of modules and tens of thousands of objects, nearly all of which
    live as long as the app: Python's cyclic collector would walk them again and again on the way
    (about 80 collections, 20-50 ms, before Today has painted). It waits until Today has painted
    (`restore_collector`)."""
    import gc

    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def restore_collector() -> None:
    """Let the cyclic collector run again if `pause_collector` stopped it (idempotent). What the
    start created is frozen first (gc.freeze, as Python's documentation suggests after a paused
    start): the collector never walks those long-lived objects again, so switching it back on
    costs nothing, where one collection over them all took 30-50 ms. The few hundred objects the
    start left unreachable stay allocated (a few kilobytes)."""
    import gc

    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.freeze()
        gc.enable()


_collector_paused = False


def _begin_deriving_key(path: Path) -> None:
    """An encrypted journal started with CONTACT_JOURNAL_PASSPHRASE (a scripted start) has its
    key derived on a thread while the window is built, so the unlock after the first paint finds
    it: PBKDF2 lets go of the GIL, and the thread imports nothing the window has not (the
    keyring's passphrase is looked up after the paint, as the keyring itself is slow to load).
    A plain journal costs a 16-byte read."""
    import os

    passphrase = os.environ.get("CONTACT_JOURNAL_PASSPHRASE")
    if not passphrase:
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return
    if not head or head == b"SQLite format 3\x00":
        return
    from journal.store import cipher

    cipher.prederive(path, passphrase)


class _Session:
    """What the running app holds once the window is up: the open journal, the daily backup's
    thread and the tray with its reminders; `close` lets go of whatever was started."""

    def __init__(self, app, window, path: Path, server, args, *, demo: bool) -> None:
        self.app, self.window, self.path, self.server, self.args, self.demo = app, window, path, server, args, demo
        self.database = self.backup = self.desktop = self.access = self.unlocking = None

    def open(self) -> None:
        """Open the journal, show the first view, start the tray and reminders; on a refusal (a
        newer, damaged or foreign file) say why and quit with status 1. An encrypted journal is
        unlocked first (the keyring's passphrase, CONTACT_JOURNAL_PASSPHRASE or the Unlock
        dialog, each tried off the GUI thread); quitting the dialog ends the app."""
        from journal.desktop.lock import is_encrypted

        if not self.demo and is_encrypted(self.path):
            restore_collector()  # the Unlock dialog may stay open for long
            from journal.ui.security.startup import StartupUnlock

            self.unlocking = StartupUnlock(self.window, self.path)
            self.unlocking.unlocked.connect(self._open_with)
            self.unlocking.cancelled.connect(lambda: self.app.exit(0))
            self.unlocking.failed.connect(self._refused)
            self.unlocking.start()
            return
        self._open_with(None)

    def _refused(self, message: str) -> None:
        print(f"{APP_ID}: {message}", file=sys.stderr)
        self._fail(message)

    def _open_with(self, key) -> None:
        from journal.errors import JournalError
        from journal.services.upkeep.maintenance import open_session

        try:
            self.database = open_session(self.path, key=key, auto_backup=False)
        except JournalError as exc:
            restore_collector()
            print(f"{APP_ID}: {exc}", file=sys.stderr)
            self._fail(str(exc))
            return
        try:
            self._fill()
        except Exception as exc:  # noqa: BLE001 - in the event loop nothing else would report it
            restore_collector()
            import traceback

            traceback.print_exc()
            self._fail(f"{APP_NAME} could not start: {exc}")

    def _fill(self) -> None:
        from journal.desktop.preferences import Preferences
        from journal.services.upkeep.maintenance import start_daily_backup
        from journal.ui.first_paint import after_first_paint
        from journal.ui.tray.integration import install_desktop

        if self.demo:
            from journal.services.upkeep.demo import populate
            from journal.services.upkeep.demo_seen import add_contact_seen

            populate()
            add_contact_seen(self.path.parent)  # its calendar and inbox, in the demo's own folder
        self.backup = start_daily_backup(self.path, keep=Preferences().backups_kept)
        from journal.ui.backup_notice import watch_daily_backup

        self.backup_watch = watch_daily_backup(self.window, self.backup)
        self.window.show_last_view()
        after_first_paint(self.window.stack.currentWidget(), restore_collector)
        from journal.desktop.lock import JournalAccess

        self.access = JournalAccess(self.path, self.database, before_close=self._join_backup, parent=self.window)
        self.desktop = install_desktop(self.window, server=self.server, access=self.access)
        self.desktop.start(minimized=getattr(self.args, "minimized", False))
        import os

        if os.environ.get("CONTACT_JOURNAL_DEBUG_TIMERS"):  # bench/idle.py asks what the app has armed
            from journal.desktop.debug_timers import install

            install(self.window)
        note = self.unlocking.note if self.unlocking is not None else ""
        if note:  # the keyring could not keep the passphrase: said once the window is open
            self.window.statusBar().showMessage(note, 15_000)
        if getattr(self.args, "log", False):
            self.desktop.handle_message({"action": "log"})

    def _join_backup(self) -> None:
        """Before the journal is closed for a conversion: the daily backup has let go of it."""
        if self.backup is not None:
            self.backup.join()

    def _fail(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window if self.window.isVisible() else None, APP_NAME, message)
        self.app.exit(1)

    def close(self) -> None:
        if self.desktop is not None:
            self.desktop.stop()
        if self.backup is not None:
            self.backup.join()
        database = self.access.database if self.access is not None else self.database
        if database is not None and not database.is_closed():
            database.close()
