"""Starting the desktop app: the QApplication, the journal, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from journal import APP_ID, APP_NAME, ORG_NAME, __version__


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

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
    from journal.ui.dialogs.log_action import install_log_action, open_log_dialog
    from journal.ui.icons import themed
    from journal.ui.main_window import MainWindow

    window = MainWindow(context)

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

    def opener(key: str, method: str):
        return lambda item_id: getattr(window.view(key), method)(item_id)

    window.add_view("today", "Today", today, themed("contact-journal-today", "today.svg"))
    window.add_view("people", "People", people, themed("contact-journal-people", "people.svg"))
    window.register_opener("person", "people", opener("people", "open_person"))
    window.add_view("conversations", "Conversations", conversations, themed("contact-journal-conversations", "conversations.svg"))
    window.register_opener("conversation", "conversations", opener("conversations", "open_conversation"))
    window.add_view("introductions", "Introductions", introductions, themed("contact-journal-introductions", "introductions.svg"))
    window.register_opener("introduction", "introductions", opener("introductions", "open_introduction"))
    window.add_view("organisations", "Organisations", organisations, themed("contact-journal-organisations", "organisations.svg"))
    window.register_opener("organisation", "organisations", opener("organisations", "open_organisation"))
    window.add_view("calendar", "Calendar", calendar, themed("contact-journal-calendar", "calendar.svg"))
    window.register_opener("next_step", "calendar", opener("calendar", "open_step"))
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
    from PySide6.QtCore import QSettings

    from journal.cli import journal_path
    from journal.ui.context import AppContext
    from journal.ui.first_paint import after_first_paint

    app = create_application()
    path: Path = journal_path(args)
    demo_dir = None
    if getattr(args, "demo", False):
        from journal.services.demo import DEMO_FILENAME, new_demo_folder

        demo_dir = new_demo_folder()
        path = demo_dir / DEMO_FILENAME
    from journal.services.preferences import Preferences
    from journal.services.single_instance import SingleInstanceServer, send_to_running, socket_name

    instance = socket_name(path)
    if send_to_running(instance, {"action": "log" if getattr(args, "log", False) else "raise"}):
        return 0  # the running app shows itself (and the Log dialog)
    server = SingleInstanceServer(instance)
    server.listen()
    minimized = getattr(args, "minimized", False)
    context = AppContext(journal_path=path, settings=QSettings())
    window = build_main_window(context, first_view=False)
    if demo_dir is not None:
        window.setWindowTitle(f"{APP_NAME} — demo journal (thrown away when you quit)")
    started: dict[str, object] = {}
    if not (minimized or Preferences().start_minimized):
        window.show()  # (staying in the tray is decided once the tray is set up)
    after_first_paint(window, lambda: _open_journal(app, window, path, server, started, demo_dir, args))
    try:
        return app.exec()
    finally:
        if "desktop" in started:
            started["desktop"].stop()
        server.close()
        if "backup" in started:
            started["backup"].join()
        if "database" in started:
            started["database"].close()
        if demo_dir is not None:
            import shutil

            shutil.rmtree(demo_dir, ignore_errors=True)


def _open_journal(app, window, path: Path, server, started: dict, demo_dir, args) -> None:
    """Open the journal, show the first view, start the tray and reminders; on a refusal (a newer,
    damaged or foreign file) say why and quit."""
    from PySide6.QtWidgets import QMessageBox

    from journal.services.maintenance import open_session
    from journal.store.errors import JournalError

    try:
        started["database"] = open_session(path, auto_backup=False)
    except JournalError as exc:
        print(f"{APP_ID}: {exc}", file=sys.stderr)
        QMessageBox.critical(window if window.isVisible() else None, APP_NAME, str(exc))
        app.exit(1)
        return
    try:
        _fill_window(window, path, server, started, demo_dir, args)
    except Exception as exc:  # noqa: BLE001 - in the event loop nothing else would report it
        import traceback

        traceback.print_exc()
        QMessageBox.critical(window if window.isVisible() else None, APP_NAME, f"{APP_NAME} could not start: {exc}")
        app.exit(1)


def _fill_window(window, path: Path, server, started: dict, demo_dir, args) -> None:
    from journal.services.maintenance import start_daily_backup
    from journal.services.preferences import Preferences
    from journal.ui.tray_setup import install_desktop

    if demo_dir is not None:
        from journal.services.demo import populate

        populate()
    started["backup"] = start_daily_backup(path, keep=Preferences().backups_kept)
    window.show_last_view()
    desktop = started["desktop"] = install_desktop(window, server=server)
    desktop.start(minimized=getattr(args, "minimized", False))
    if getattr(args, "log", False):
        desktop.handle_message({"action": "log"})
