"""The system tray icon: what is due at a glance, reminders as notifications, quick actions.

The menu is rebuilt each time it opens, so it always lists what is due right now. Dates that
matter being reminded of are listed too, with Done (for this year) but no Snooze: they come
back on their day each year.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from journal import APP_NAME
from journal.desktop.notifications import ReminderNotifications, desktop_notifier, locked_message
from journal.desktop.reminders import ReminderScheduler
from journal.domain.agenda import AgendaItem, ItemKind
from journal.services.agenda import due_actions
from journal.ui import dates
from journal.ui.labels import item_title
from journal.ui.today import words
from journal.ui.tray.icons import due_icon, tray_icon

MAX_MENU_ITEMS = 15
MESSAGE_MS = 15_000


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line(item: AgendaItem, today) -> str:
    if item.kind is ItemKind.DATE:
        return f"{words.notice_prefix(item.due, today or item.due)}: {item_title(item)}"
    return item_title(item)


class TrayController(QObject):
    """Owns the QSystemTrayIcon; works (menu, tooltip) even where no tray exists to show it."""

    quit_requested = Signal()

    def __init__(self, window, scheduler: ReminderScheduler, *, available: bool | None = None, notifier=None) -> None:
        super().__init__(window)
        self.window = window
        self.scheduler = scheduler
        self.clock = scheduler.clock
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.due_items: list[AgendaItem] = []
        self.last_announced: list[AgendaItem] = []
        self.status_suffix = None  # a callable giving more for the tooltip (the sync state), or None
        # While the window is locked the menu lists no items, and reminders say only how many are
        # due unless `details_when_locked()` allows more (set by the desktop integration).
        self.is_locked: Callable[[], bool] = lambda: False
        self.details_when_locked: Callable[[], bool] = lambda: False
        self.journal_open: Callable[[], bool] = lambda: True  # False while a conversion has it closed
        self.lock_window: Callable[[], None] | None = None  # offered in the menu (an encrypted journal)

        self.icon = QSystemTrayIcon(tray_icon(), self)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.open_announced)
        scheduler.due.connect(self.announce)

        self._status_timer = QTimer(self, singleShot=True, interval=0)
        self._status_timer.timeout.connect(self.refresh_status)
        window.context.signals.changed.connect(lambda _what: self._status_timer.start())
        scheduler.armed.connect(lambda _when: self._status_timer.start())
        # Reminders with Done / Snooze / Open buttons where the desktop has a notification service.
        self.notifications = ReminderNotifications(self, desktop_notifier() if notifier is None else notifier)
        self.rebuild_menu()
        self.refresh_status()
        if self.available and QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def deleteLater(self) -> None:  # the menu has no parent (a tray menu must not), so free it too
        self.menu.deleteLater()
        super().deleteLater()

    # --- status ------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Tooltip and icon from what is due now."""
        if not self.journal_open():  # converted meanwhile: the status as it was, until it opens again
            return
        self.due_items = self.scheduler.due_now()
        overdue = sum(1 for i in self.due_items if i.overdue)
        count = len(self.due_items)
        if count:
            detail = self.tr("{n} due").format(n=count) + (self.tr(" ({n} overdue)").format(n=overdue) if overdue else "")
            self.icon.setIcon(due_icon(count))
        else:
            detail = self.tr("Nothing due")
            self.icon.setIcon(tray_icon())
        if self.scheduler.preferences.reminders_paused:
            detail += self.tr(" · reminders paused")
        if self.is_locked():
            detail += self.tr(" · locked")
        more = self.status_suffix() if self.status_suffix is not None else ""
        if more:
            detail += f" · {more}"
        self.icon.setToolTip(f"{APP_NAME} — {detail}")

    # --- menu --------------------------------------------------------------------------------

    def rebuild_menu(self) -> None:
        self.refresh_status()
        menu = self.menu
        for sub in menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            sub.setObjectName("")  # (item_menu finds the new one)
            sub.deleteLater()  # an item's submenu is the menu's child: clear() would leave it behind
        menu.clear()
        if self.is_locked():
            self._locked_menu()
            return
        menu.addAction(self.tr("&Log conversation…")).triggered.connect(lambda _=False: self.log_conversation())
        menu.addSeparator()
        if self.due_items:
            heading = menu.addAction(self.tr("Due now ({n})").format(n=len(self.due_items)))
            heading.setEnabled(False)
            for item in self.due_items[:MAX_MENU_ITEMS]:
                self._add_item_menu(item)
            if len(self.due_items) > MAX_MENU_ITEMS:
                more = menu.addAction(self.tr("{n} more in the calendar…").format(n=len(self.due_items) - MAX_MENU_ITEMS))
                more.triggered.connect(lambda _=False: self.show_view("calendar"))
        else:
            menu.addAction(self.tr("Nothing due")).setEnabled(False)
        menu.addSeparator()
        snooze_all = menu.addAction(self.tr("&Snooze all 1 hour"))
        snooze_all.setEnabled(bool(self.due_items))
        snooze_all.triggered.connect(lambda _=False: self.snooze_all())
        pause = menu.addAction(self.tr("&Pause reminders"))
        pause.setCheckable(True)
        pause.setChecked(self.scheduler.preferences.reminders_paused)
        pause.toggled.connect(self.set_paused)
        menu.addSeparator()
        if self.lock_window is not None:
            menu.addAction(self.tr("&Lock")).triggered.connect(lambda _=False: self.lock_window())
        menu.addAction(self.tr("&Open {app}").format(app=APP_NAME)).triggered.connect(lambda _=False: self.show_window())
        menu.addAction(self.tr("&Quit")).triggered.connect(lambda _=False: self.quit())

    def _locked_menu(self) -> None:
        """What the menu holds while the window is locked: how many are due, never what."""
        menu = self.menu
        menu.addAction(self.tr("{app} is locked").format(app=APP_NAME)).setEnabled(False)
        count = len(self.due_items)
        menu.addAction(locked_message(count)[0] if count else self.tr("Nothing due")).setEnabled(False)
        menu.addSeparator()
        pause = menu.addAction(self.tr("&Pause reminders"))
        pause.setCheckable(True)
        pause.setChecked(self.scheduler.preferences.reminders_paused)
        pause.toggled.connect(self.set_paused)
        menu.addSeparator()
        menu.addAction(self.tr("&Unlock…")).triggered.connect(lambda _=False: self.show_window())
        menu.addAction(self.tr("&Quit")).triggered.connect(lambda _=False: self.quit())

    def _add_item_menu(self, item: AgendaItem) -> None:
        title = _short(item_title(item)) + (self.tr(" (overdue)") if item.overdue else "")
        sub = self.menu.addMenu(title)
        sub.setObjectName(f"due:{item.key}")
        sub.setToolTipsVisible(True)
        sub.menuAction().setToolTip(item_title(item))
        # The same verbs as Today and the calendar for every kind: Done advances an introduction.
        done = sub.addAction(self.tr("&Done"))
        done.triggered.connect(lambda _=False, i=item: self.mark_done(i))
        snooze = sub.addAction(self.tr("&Snooze 1 hour"))
        snooze.triggered.connect(lambda _=False, i=item: self.snooze([i]))
        tomorrow = sub.addAction(self.tr("Snooze until &tomorrow"))
        tomorrow.triggered.connect(lambda _=False, i=item: self.snooze_until_tomorrow(i))
        if not due_actions.can_move(item):  # a date that matters: done for the year, never moved
            for act in (snooze, tomorrow):
                act.setEnabled(False)
                act.setToolTip(self.tr("A date that matters comes back each year: mark it done instead."))
        sub.addAction(self.tr("&Open")).triggered.connect(lambda _=False, i=item: self.open_item(i))

    def action(self, text: str, menu: QMenu | None = None) -> QAction | None:
        """The menu's action whose text (without &) is `text` (for tests and accessibility)."""
        for act in (menu or self.menu).actions():
            if act.text().replace("&", "") == text:
                return act
        return None

    def item_menu(self, item_key: str) -> QMenu | None:
        return self.menu.findChild(QMenu, f"due:{item_key}")

    # --- actions -----------------------------------------------------------------------------

    def _run(self, label: str, fn, item: AgendaItem) -> None:
        """A due-item verb as the window's operation (so Ctrl+Z in the window undoes it); a
        refusal is told in the tray, where it was asked for."""
        self.window.context.operations.run(
            label, fn, item, clock=self.clock,
            failure=lambda message: self.notify(APP_NAME, message, QSystemTrayIcon.MessageIcon.Warning),
        )
        self.refresh_status()

    def mark_done(self, item: AgendaItem) -> None:
        self._run(self.tr("Done: {title}").format(title=item_title(item)), due_actions.mark_done, item)

    def snooze(self, items: list[AgendaItem], minutes: int = 60) -> None:
        items = [i for i in items if due_actions.can_move(i)]
        if items:
            self.scheduler.snooze(items, minutes)

    def snooze_until_tomorrow(self, item: AgendaItem) -> None:
        if not due_actions.can_move(item):
            return
        self._run(self.tr("Snooze until tomorrow: {title}").format(title=item_title(item)), due_actions.snooze, item)

    def snooze_all(self) -> None:
        self.snooze(self.scheduler.due_now(), 60)

    def set_paused(self, paused: bool) -> None:
        self.scheduler.set_paused(paused)
        self.refresh_status()

    def log_conversation(self) -> None:
        self.show_window()
        if self.is_locked():  # the lock is what shows: nothing opens over it
            return
        opener = getattr(self.window, "open_log_dialog", None)
        if callable(opener):
            opener()
            return
        action = getattr(self.window, "log_action", None)
        if action is not None:
            action.trigger()

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def show_view(self, key: str) -> None:
        self.show_window()
        try:
            self.window.show_view(key)
        except ValueError:
            pass

    def open_item(self, item: AgendaItem) -> None:
        self.show_window()
        kind, item_id = due_actions.open_target(item)
        if not self.window.open_item(kind, item_id):
            calendar = self._calendar()
            if calendar is not None:
                self.show_view("calendar")
                calendar.show_date(item.due)

    def _calendar(self):
        try:
            return self.window.view("calendar")
        except ValueError:
            return None

    def quit(self) -> None:
        self.quit_requested.emit()
        request = getattr(self.window, "request_quit", None)
        if callable(request):
            request()
        QTimer.singleShot(0, QApplication.quit)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            if self.window.isVisible() and not self.window.isMinimized() and reason is QSystemTrayIcon.ActivationReason.Trigger:
                self.window.hide()
            else:
                self.show_window()

    # --- notifications -----------------------------------------------------------------------

    def notify(self, title: str, text: str, icon=QSystemTrayIcon.MessageIcon.Information) -> bool:
        if not (self.available and QSystemTrayIcon.supportsMessages()):
            return False
        self.icon.showMessage(title, text, icon, MESSAGE_MS)
        return True

    @staticmethod
    def message_for(items: list[AgendaItem], today=None) -> tuple[str, str]:
        """(title, text) of the notification for items falling due together. A date that matters
        says when it is: "Today: Dana Smith's birthday"."""
        if len(items) == 1 and items[0].kind is ItemKind.DATE:
            item = items[0]
            when = words.notice_prefix(item.due, today or item.due)
            kind = words.date_kind_label(item.fact("date_kind", "custom"))
            return f"{when}: {item_title(item)}", f"{kind} · {dates.long(item.due)}"
        if len(items) == 1:
            item = items[0]
            people = f" — {', '.join(item.people)}" if item.people and item.kind is not ItemKind.KEEP_IN_TOUCH else ""
            if item.due_time:
                title = QCoreApplication.translate("TrayController", "Due now")
            else:
                title = QCoreApplication.translate("TrayController", "Due today")
            return title, f"{item_title(item)}{people}"
        lines = [f"• {_short(_line(i, today), 50)}" for i in items[:5]]
        if len(items) > 5:
            lines.append(QCoreApplication.translate("TrayController", "and {n} more").format(n=len(items) - 5))
        return QCoreApplication.translate("TrayController", "{n} items are due").format(n=len(items)), "\n".join(lines)

    def announce(self, items: list[AgendaItem]) -> None:
        """A notification per item, or one summary when several fall due together."""
        self.last_announced = list(items)
        self.refresh_status()
        if self.is_locked() and not self.details_when_locked():
            title, text = locked_message(len(items))
            if not self.notifications.post_count(items, title, text):
                self.notify(title, text)
            return
        title, text = self.message_for(items, self.clock.today())
        if not self.notifications.post(items, title, text):  # no notification service: a tray message
            self.notify(title, text)

    def open_announced(self) -> None:
        """The notification was clicked: open its item, or the calendar for a summary."""
        if len(self.last_announced) == 1:
            self.open_item(self.last_announced[0])
        else:
            self.show_view("calendar")
            calendar = self._calendar()
            if calendar is not None:
                calendar.go_to_today()
