"""The lock over the main window of an encrypted journal.

Locking hides everything that shows the journal: the views (the central widget), the toolbars
(the reminder banner among them), the status bar, the dialogs open over the window (a question
asked with exec() is answered No by closing it; the others are hidden and come back), and it
turns off the menu bar and the window's shortcuts. What is left is the lock itself, asking for
the passphrase, which is checked against the key in memory by deriving it again, off the GUI
thread (no file is read). Reminders go on meanwhile (the tray says only how many are due unless
Preferences allow details); the lock says how many too.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from journal import APP_NAME
from journal.desktop.lock import OffThread, SessionLock, describe
from journal.desktop.notifications import locked_message
from journal.ui.security.widgets import BusyLine, MessageLine, PassphraseField, lock_picture


class LockOverlay(QWidget):
    """What covers the window while it is locked: the passphrase, Unlock and Quit."""

    unlock_requested = Signal(str)
    quit_requested = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.Window)

        title = QLabel(self.tr("{app} is locked").format(app=APP_NAME))
        title.setObjectName("lockTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.explain = QLabel(self.tr("The journal stays hidden until its passphrase is given again."))
        self.explain.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setObjectName("lockReason")
        self.reason.setEnabled(False)
        self.passphrase = PassphraseField("lockPassphrase")
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"), objectName="lockUnlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.quit_button = QPushButton(self.tr("&Quit"), objectName="lockQuit")
        self.quit_button.clicked.connect(self.quit_requested)
        self.message = MessageLine("lockMessage")
        self.due = QLabel(objectName="lockDue")
        self.due.hide()
        self.busy = BusyLine()

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        card = QFrame(objectName="lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(520)
        card.setAutoFillBackground(True)
        card.setBackgroundRole(card.palette().ColorRole.Base)
        inner = QVBoxLayout()
        inner.addWidget(title)
        inner.addWidget(self.explain)
        inner.addWidget(self.reason)
        inner.addSpacing(8)
        inner.addLayout(row)
        inner.addWidget(self.message)
        inner.addWidget(self.busy)
        inner.addWidget(self.due)
        quit_row = QHBoxLayout()
        quit_row.addStretch(1)
        quit_row.addWidget(self.quit_button)
        inner.addSpacing(4)
        inner.addLayout(quit_row)
        head = QHBoxLayout(card)
        head.setContentsMargins(20, 20, 20, 16)
        head.addWidget(lock_picture(), 0, Qt.AlignmentFlag.AlignTop)
        head.addSpacing(12)
        head.addLayout(inner, 1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(3)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.quit_button)
        self.hide()

    def _unlock(self) -> None:
        if not self.passphrase.isReadOnly():
            self.unlock_requested.emit(self.passphrase.text())

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.busy.stop()
        self.set_busy(False)
        self.due.hide()

    def set_busy(self, busy: bool) -> None:
        self.passphrase.setReadOnly(busy)  # not disabled: the focus stays in it
        if busy:
            self.busy.start(self.tr("Checking the passphrase…"))
        else:
            self.busy.stop()


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


class WindowLock(QObject):
    """Covers `window` while `session` is locked; `check(passphrase) -> bool` (slow: run off the
    GUI thread) decides whether the passphrase unlocks it."""

    def __init__(
        self,
        window: QMainWindow,
        session: SessionLock,
        check: Callable[[str], bool],
        *,
        quit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._check = check
        self.overlay = LockOverlay(window)
        self.overlay.unlock_requested.connect(self.try_unlock)
        self.overlay.quit_requested.connect(quit or window.request_quit)
        self.task: OffThread | None = None
        self._hidden: list[QWidget] = []
        self._dialogs: list[QWidget] = []
        self._actions: list = []
        self._focus: QWidget | None = None
        self.covered = False
        session.locked_changed.connect(self._locked_changed)

    # --- covering ------------------------------------------------------------------------------

    def _locked_changed(self, locked: bool) -> None:
        if locked:
            self.cover()
        else:
            self.uncover()

    def cover(self) -> None:
        if self.covered:
            return
        self.covered = True
        window = self.window
        popup = QApplication.activePopupWidget()
        while popup is not None:  # an open menu or completer
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and _belongs_to(focus, window) else None
        for widget in QApplication.topLevelWidgets():
            if widget is window or not widget.isVisible() or not _belongs_to(widget, window):
                continue
            if isinstance(widget, QDialog) and widget.windowModality() == Qt.WindowModality.ApplicationModal:
                widget.reject()  # a question asked with exec(): answered as if cancelled
                continue
            widget.hide()
            self._dialogs.append(widget)
            if isinstance(widget, QDialog):  # one that ends while hidden stays hidden
                widget.finished.connect(lambda _result, w=widget: self._forget_dialog(w))
        parts = [window.centralWidget(), window.statusBar()]
        parts += [w for w in window.findChildren(QToolBar) if w.parentWidget() is window]
        parts += [w for w in window.findChildren(QDockWidget) if w.parentWidget() is window]
        self._hidden = [w for w in parts if w is not None and w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        window.menuBar().setEnabled(False)
        self._actions = list(window.actions())
        for action in self._actions:
            window.removeAction(action)  # their shortcuts (Ctrl+1.., Ctrl+K, F5...) are off
        self.overlay.reset()
        self.overlay.reason.setText(self._reason_text())
        self.overlay.reason.setVisible(bool(self.overlay.reason.text()))
        window.installEventFilter(self)  # only while covered: the overlay follows the window's size
        self.overlay.setGeometry(window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _forget_dialog(self, widget: QWidget) -> None:
        if widget in self._dialogs:
            self._dialogs.remove(widget)

    def _reason_text(self) -> str:
        reason = self.session.reason
        if reason == "idle":
            minutes = self.session.preferences.lock_idle_minutes
            if minutes == 1:
                return self.tr("Locked after a minute without input.")
            return self.tr("Locked after {n} minutes without input.").format(n=minutes)
        if reason == "screen":
            return self.tr("Locked when the screen locked.")
        return ""

    def uncover(self) -> None:
        if not self.covered:
            return
        self.covered = False
        window = self.window
        if self.task is not None:
            self.task = None
        window.removeEventFilter(self)
        self.overlay.hide()
        self.overlay.reset()
        window.addActions(self._actions)
        self._actions = []
        window.menuBar().setEnabled(True)
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden = []
        for widget in self._dialogs:
            if shiboken6.isValid(widget):
                widget.show()
        self._dialogs = []
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        elif hasattr(window, "focus_view"):
            window.focus_view()

    def show_due(self, count: int) -> None:
        """Reminders fell due while locked: the lock says how many (never what)."""
        if not self.covered or count <= 0:
            return
        self.overlay.due.setText(locked_message(count)[0])
        self.overlay.due.show()

    # --- unlocking -----------------------------------------------------------------------------

    def try_unlock(self, passphrase: str) -> None:
        if self.task is not None or not self.covered:
            return
        if not passphrase:
            self.overlay.message.error(self.tr("Type the passphrase first."))
            return
        self.overlay.message.clear()
        self.overlay.set_busy(True)
        task = OffThread(lambda: self._check(passphrase), parent=self)
        task.done.connect(lambda ok, t=task: self._checked(t, ok))
        task.failed.connect(lambda exc, t=task: self._failed(t, exc))
        self.task = task
        task.start()

    def _checked(self, task: OffThread, ok: bool) -> None:
        if task is not self.task:
            return
        self.task = None
        self.overlay.set_busy(False)
        if ok:
            self.session.unlock()
            return
        self.overlay.message.error(self.tr("That is not the passphrase of this journal."))
        self.overlay.passphrase.setFocus()
        self.overlay.passphrase.selectAll()

    def _failed(self, task: OffThread, exc: BaseException) -> None:
        if task is not self.task:
            return
        self.task = None
        self.overlay.set_busy(False)
        self.overlay.message.error(describe(exc))
        self.overlay.passphrase.setFocus()

    # --- keeping the overlay over the whole window ---------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Resize and self.covered:
            self.overlay.setGeometry(self.window.rect())
        return False
