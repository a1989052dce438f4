"""Putting the desktop pieces together around the main window: the reminder scheduler, the tray
(or the in-window fallback), close-to-tray, messages from later launches, the File menu's
Export calendar, Lock and Preferences actions, and the lock of an encrypted journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from journal.desktop.autostart import Autostart
from journal.desktop.lock import JournalAccess, SessionLock
from journal.desktop.preferences import KEY_NO_TRAY_EXPLAINED, Preferences
from journal.desktop.reminders import ReminderScheduler
from journal.services.interchange.calendar_export import export_ics_file
from journal.ui.tray.controller import TrayController
from journal.ui.tray.window_hooks import CloseToTray, ReminderBanner


class DesktopIntegration(QObject):
    """The reminder scheduler, the tray (or its in-window fallback) and close-to-tray, wired to
    the window."""

    def __init__(
        self,
        window,
        *,
        server=None,
        tray_available: bool | None = None,
        autostart: Autostart | None = None,
        scheduler: ReminderScheduler | None = None,
        access: JournalAccess | None = None,
        session_lock: SessionLock | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.preferences = Preferences(self.context.settings)
        self.autostart = autostart or Autostart()
        self.scheduler = scheduler or ReminderScheduler(self.preferences, clock=self.context.clock, parent=self)
        self.tray = TrayController(window, self.scheduler, available=tray_available)
        self.close_filter = CloseToTray(window, self.preferences, self.tray)
        self.banner = ReminderBanner(window)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.open_requested.connect(self._open_from_banner)
        self.scheduler.due.connect(self._remind_in_window)
        # A new day changes what is overdue: every view listening for changes refreshes.
        self.scheduler.day_changed.connect(self._new_day)
        QApplication.setQuitOnLastWindowClosed(not self.tray.available)
        if server is not None:
            server.message_received.connect(self.handle_message)
        self._add_menu_actions()
        from journal.ui.sync.actions import SyncActions

        self.sync = SyncActions(window, open_accounts=lambda: self.open_preferences(page="accounts"),
                                on_state=self.tray.refresh_status)
        self.tray.status_suffix = self.sync.tray_text
        from journal.ui.scan.actions import ScanActions

        self.scan = ScanActions(window, after=self.sync.controller, open_sources=lambda: self.open_preferences(page="scan"))
        self._install_lock(access, session_lock)

    # --- start -------------------------------------------------------------------------------

    def _new_day(self, _day) -> None:
        """Past midnight what is due has moved: every view that shows it refreshes."""
        from journal.services.changes import NEW_DAY

        self.context.signals.changed.emit(NEW_DAY)

    def start(self, *, minimized: bool = False) -> None:
        """Show the window (or stay in the tray) and start the reminders."""
        hidden = (minimized or self.preferences.start_minimized) and self.tray.available
        if hidden:
            pass
        elif minimized:
            self.window.showMinimized()
        else:
            self.window.show()
        if not self.tray.available and self.preferences.once(KEY_NO_TRAY_EXPLAINED):
            self.banner.show_text(
                self.tr(
                    "No system tray was found on this desktop, so reminders will appear here in the window "
                    "while it is open."
                )
            )
        self.scheduler.start()
        self.sync.start()
        self.scan.start()
        self._encryption_changed()

    def stop(self) -> None:
        self.lock.stop()
        if self.conversion is not None:
            self.conversion.wait()
        self.scan.stop()
        self.sync.stop()
        self.scheduler.stop()
        self.tray.icon.hide()

    # --- the lock of an encrypted journal ----------------------------------------------------

    def _install_lock(self, access: JournalAccess | None, session_lock: SessionLock | None) -> None:
        from journal.ui.security.conversion import JournalConversion
        from journal.ui.security.window_lock import WindowLock

        self.access = access
        self.lock = session_lock or SessionLock(self.preferences, parent=self)
        self.window_lock = WindowLock(self.window, self.lock, self._passphrase_matches, quit=self.tray.quit)
        self.lock.locked_changed.connect(self._locked_changed)
        self.tray.is_locked = lambda: self.lock.locked
        self.tray.details_when_locked = lambda: self.preferences.locked_reminder_details
        self._journal_closed = False  # while a conversion has it closed
        self.tray.journal_open = lambda: not self._journal_closed
        self.conversion = None
        if access is not None:
            self.conversion = JournalConversion(access, pause=self.pause_background, resume=self.resume_background,
                                                parent=self)
        self.lock_action = QAction(self.tr("&Lock"), self.window)
        self.lock_action.setObjectName("lockWindow")
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.setToolTip(self.tr("Hide the journal until its passphrase is given again (Ctrl+L)"))
        self.lock_action.triggered.connect(lambda _=False: self.lock.lock())
        self.lock_action.setVisible(False)
        self.window.file_menu.insertAction(self.preferences_action, self.lock_action)
        self.window.addAction(self.lock_action)

    def _passphrase_matches(self, passphrase: str) -> bool:
        """Off the GUI thread: the passphrase gives the key in memory (a derivation, no file)."""
        return self.access is not None and self.access.matches(passphrase)

    def _encryption_changed(self) -> None:
        encrypted = self.access is not None and self.access.encrypted
        self.lock.set_enabled(encrypted)
        self.lock_action.setVisible(encrypted)
        self.tray.lock_window = (lambda: self.lock.lock()) if encrypted else None

    def _locked_changed(self, _locked: bool) -> None:
        self.tray.refresh_status()

    def pause_background(self) -> None:
        """Nothing reads the journal in the background (before it is closed for a conversion):
        the scan and the sync wait for a round that runs, the reminders' timer stops, what those
        rounds sent back is handled now, while the journal is still open, and the tray keeps the
        status it shows until the journal is open again."""
        from PySide6.QtCore import QCoreApplication

        self.scan.stop()
        self.sync.stop()
        self.scheduler.stop()
        QCoreApplication.sendPostedEvents()  # a round's result, queued before it was stopped
        self._journal_closed = True

    def resume_background(self) -> None:
        """The journal is open again: the background starts again and every view reads it afresh."""
        from journal.services.changes import Changes, notify

        self._journal_closed = False
        self._encryption_changed()
        notify(Changes(everything=True))
        self.scheduler.start()
        self.sync.start()
        self.scan.start()

    # --- reminders in the window -------------------------------------------------------------

    def _remind_in_window(self, items) -> None:
        if self.tray.available and self.window.isHidden():
            return  # the tray's notification is the reminder
        if self.lock.locked:  # the lock says how many, never what
            self.window_lock.show_due(len(items))
        elif not self.tray.available:
            self.banner.show_items(items)
        QApplication.alert(self.window, 0)

    def _open_from_banner(self, item) -> None:
        if item is not None:
            self.tray.open_item(item)
        else:
            self.tray.last_announced = list(self.banner.items)
            self.tray.open_announced()

    # --- later launches ----------------------------------------------------------------------

    def handle_message(self, message: dict) -> None:
        self.tray.show_window()
        if message.get("action") == "log" and not self.lock.locked:
            self.tray.log_conversation()

    # --- menu actions ------------------------------------------------------------------------

    def _add_menu_actions(self) -> None:
        window = self.window
        before = getattr(window, "quit_action", None)
        self.export_action = QAction(self.tr("Export &calendar (.ics)…"), window)
        self.export_action.setObjectName("exportCalendar")
        self.export_action.setToolTip(self.tr("Write next steps and keep-in-touch dates as calendar to-dos, and dates that matter as yearly events"))
        self.export_action.triggered.connect(lambda _=False: self.export_calendar())
        self.preferences_action = QAction(self.tr("&Preferences…"), window)
        self.preferences_action.setObjectName("preferences")
        keys = [QKeySequence("Ctrl+,")] + QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self.preferences_action.setShortcuts(list({k.toString(): k for k in keys if not k.isEmpty()}.values()))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(lambda _=False: self.open_preferences())
        menu = window.file_menu
        menu.insertAction(before, self.export_action)
        menu.insertAction(before, self.preferences_action)
        menu.insertSeparator(before)
        window.addAction(self.preferences_action)

    def ask_export_path(self) -> Path | None:
        default = str(Path.home() / "contact-journal.ics")
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export calendar"), default, self.tr("iCalendar files (*.ics);;All files (*)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".ics")

    def export_calendar(self) -> int | None:
        path = self.ask_export_path()
        if path is None:
            return None
        try:
            count = export_ics_file(path, clock=self.context.clock, reminder_time=self.preferences.reminder_time)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                self.tr("Export calendar"),
                self.tr("Could not write {path}: {error}").format(path=path, error=exc.strerror or exc),
            )
            return None
        self.window.statusBar().showMessage(self.tr("Exported {count} to-do(s) to {path}").format(count=count, path=path), 8000)
        return count

    def open_preferences(self, page: str = ""):
        from journal.ui.dialogs.preferences import PreferencesDialog
        from journal.ui.scan.sources_page import SourcesPage
        from journal.ui.sync.accounts_page import AccountsPage

        accounts = AccountsPage(self.context.clock)
        accounts.account_changed.connect(self.sync.account_changed)
        sources = SourcesPage(self.context, scan=self.scan.scan_now, controller=self.scan.controller)
        pages = [(self.tr("Accou&nts"), accounts), (self.tr("Ma&il && calendars"), sources)]
        privacy = None
        if self.access is not None and self.conversion is not None:
            from journal.ui.security.privacy_page import PrivacyPage

            privacy = PrivacyPage(self.preferences, self.access, self.conversion)
            pages.append((self.tr("&Privacy"), privacy))
        dialog = PreferencesDialog(
            self.preferences, autostart=self.autostart, tray_available=self.tray.available,
            pages=tuple(pages), parent=self.window,
        )
        dialog.accounts, dialog.sources, dialog.privacy = accounts, sources, privacy
        dialog.applied.connect(self._preferences_applied)
        dialog.finished.connect(lambda _result: (accounts.wait(), sources.wait(), privacy and privacy.wait()))
        dialog.finished.connect(dialog.deleteLater)
        for name, widget in (("accounts", accounts), ("scan", sources), ("privacy", privacy)):
            if page == name and widget is not None:
                dialog.tabs.setCurrentWidget(widget)
                widget.setFocus()
        dialog.open()
        return dialog

    def _preferences_applied(self) -> None:
        self.lock.configure()  # when to lock may have changed
        self.scheduler.check_now()  # the reminder time may have moved
        self.tray.refresh_status()
        try:
            today = self.window.view("today")  # how far ahead it lists dates may have changed
        except ValueError:
            return
        if hasattr(today, "refresh"):
            today.refresh()


def install_desktop(window, **kwargs) -> DesktopIntegration:
    return DesktopIntegration(window, **kwargs)

