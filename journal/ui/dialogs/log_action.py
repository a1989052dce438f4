"""The "Log conversation" action: Ctrl+N, a toolbar button and an item in the File menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from journal.ui.icons import themed

if TYPE_CHECKING:
    from journal.ui.dialogs.log_dialog import LogDialog


def log_icon():
    return themed("contact-journal-log", "log-conversation.svg")


def open_log_dialog(window, people: list[tuple[int, str]] = ()) -> LogDialog:
    """Open the dialog over `window` (window-modal, not blocking) and report what was saved."""
    from journal.ui.dialogs.log_dialog import LogDialog  # imported on first use: start-up skips it

    dialog = LogDialog(window.context, window, people=people)

    def saved(result) -> None:
        names = ", ".join(dialog.picker.names()) or QCoreApplication.translate("LogAction", "them")
        counts = (
            (len(result.introduction_ids), QCoreApplication.translate("LogAction", "{n} offer"), QCoreApplication.translate("LogAction", "{n} offers")),
            (len(result.next_step_ids), QCoreApplication.translate("LogAction", "{n} next step"), QCoreApplication.translate("LogAction", "{n} next steps")),
        )
        extra = [(one if n == 1 else many).format(n=n) for n, one, many in counts if n]
        window.statusBar().showMessage(
            QCoreApplication.translate("LogAction", "Logged a conversation with {names}").format(names=names)
            + (f" ({', '.join(extra)})" if extra else "")
            + ".",
            8000,
        )

    dialog.saved.connect(saved)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def install_log_action(window) -> QAction:
    action = QAction(log_icon(), QCoreApplication.translate("LogAction", "&Log conversation…"), window)
    action.setObjectName("logConversation")
    action.setIconText(QCoreApplication.translate("LogAction", "Log conversation"))
    action.setShortcuts([QKeySequence("Ctrl+N")])
    action.setToolTip(QCoreApplication.translate("LogAction", "Log a conversation (Ctrl+N)"))
    action.triggered.connect(lambda _=False: open_log_dialog(window))
    window.toolbar.insertAction(window.toolbar.actions()[0] if window.toolbar.actions() else None, action)
    window.file_menu.insertAction(window.file_menu.actions()[0] if window.file_menu.actions() else None, action)
    window.file_menu.insertSeparator(window.quit_action)
    window.log_action = action
    return action
