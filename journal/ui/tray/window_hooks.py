"""How the main window lives with the tray: close hides it (said once), Quit quits, and where no
tray exists, reminders show in a banner across the top of the window with a taskbar alert."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QSizePolicy, QToolBar, QToolButton, QWidget

from journal import APP_NAME
from journal.desktop.preferences import KEY_CLOSE_EXPLAINED, Preferences
from journal.domain.agenda import AgendaItem
from journal.ui.labels import item_title


class CloseToTray(QObject):
    """An event filter on the main window: closing hides it to the tray when that is possible
    and wanted; a real close (Quit, or no tray) ends the app."""

    hidden_to_tray = Signal()

    def __init__(self, window, preferences: Preferences, tray) -> None:
        super().__init__(window)
        self.window = window
        self.preferences = preferences
        self.tray = tray
        window.installEventFilter(self)

    def hides_on_close(self) -> bool:
        return self.tray.available and self.preferences.close_to_tray and not getattr(self.window, "_quitting", False)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self.hides_on_close():
                event.ignore()
                save = getattr(self.window, "save_state", None)
                if callable(save):
                    save()
                self.window.hide()
                self._explain_once()
                self.hidden_to_tray.emit()
                return True
            QTimer.singleShot(0, self._quit_if_closed)
        return False

    def _quit_if_closed(self) -> None:
        if not self.window.isVisible():
            QApplication.quit()

    def _explain_once(self) -> None:
        if not self.preferences.once(KEY_CLOSE_EXPLAINED):
            return
        text = self.tr(
            "{app} keeps running in the system tray so it can remind you when something is due. "
            "Use Quit in the File menu or the tray menu to end it; Preferences can turn this off."
        ).format(app=APP_NAME)
        if not self.tray.notify(APP_NAME, text):
            box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=None)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()


class ReminderBanner(QToolBar):
    """A strip at the top of the window for reminders when there is no tray to show them."""

    open_requested = Signal(object)  # the AgendaItem, or None for several

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ReminderBanner", "Reminders"), parent)
        self.setObjectName("reminderBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.setAllowedAreas(Qt.ToolBarArea.TopToolBarArea)
        self.setStyleSheet("QToolBar#reminderBanner { background: #fff3cd; border-bottom: 1px solid #e0c675; }"
                           " QToolBar#reminderBanner QLabel { color: #5c4400; }")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setContentsMargins(6, 2, 6, 2)
        self.addWidget(self.label)
        self.open_button = QToolButton(text=self.tr("Open"))
        self.open_button.clicked.connect(self._open)
        self.open_action = self.addWidget(self.open_button)
        self.dismiss_button = QToolButton(text=self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Hide this message (Esc)"))
        self.dismiss_button.clicked.connect(self.hide)
        self.addWidget(self.dismiss_button)
        self.items: list[AgendaItem] = []
        self.hide()

    def show_text(self, text: str) -> None:
        self.items = []
        self.label.setText(text)
        self.open_action.setVisible(False)
        self.show()

    def show_items(self, items: list[AgendaItem]) -> None:
        self.items = list(items)
        if len(items) == 1:
            text = self.tr("Due now: {title}").format(title=item_title(items[0]))
        else:
            text = self.tr("{n} items are due: ").format(n=len(items)) + "; ".join(item_title(i) for i in items[:3])
            if len(items) > 3:
                text += self.tr("; and {n} more").format(n=len(items) - 3)
        self.label.setText(text)
        self.open_action.setVisible(True)
        self.show()

    def _open(self) -> None:
        self.open_requested.emit(self.items[0] if len(self.items) == 1 else None)
        self.hide()
