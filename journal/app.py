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


def build_main_window(context):
    """Compose the main window from its views. Each view is built when first shown (or asked for
    with window.view(key)), so start-up pays only for the one the window opens on."""
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
    window.restore_state()
    return window


def run_gui(args) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from journal.cli import journal_path
    from journal.services.maintenance import open_session, start_daily_backup
    from journal.store.errors import JournalError
    from journal.ui.context import AppContext

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
    try:
        database = open_session(path, auto_backup=False)
    except JournalError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        print(f"{APP_ID}: {exc}", file=sys.stderr)
        return 1
    if demo_dir is not None:
        from journal.services.demo import populate

        populate()
    backup_thread = start_daily_backup(path, keep=Preferences().backups_kept)
    context = AppContext(journal_path=path, settings=QSettings())
    window = build_main_window(context)
    if demo_dir is not None:
        window.setWindowTitle(f"{APP_NAME} — demo journal (thrown away when you quit)")
    from journal.ui.tray_setup import install_desktop

    desktop = install_desktop(window, server=server)
    desktop.start(minimized=getattr(args, "minimized", False))
    if getattr(args, "log", False):
        desktop.handle_message({"action": "log"})
    try:
        return app.exec()
    finally:
        desktop.stop()
        server.close()
        backup_thread.join()
        database.close()
        if demo_dir is not None:
            import shutil

            shutil.rmtree(demo_dir, ignore_errors=True)
