"""The "Log conversation" action: Ctrl+N, a toolbar button and an item in the File menu."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from journal.ui.dialogs.log_dialog import LogDialog
from journal.ui.icons import themed


def log_icon():
    return themed("contact-journal-log", "log-conversation.svg")


def open_log_dialog(window, people: list[tuple[int, str]] = ()) -> LogDialog:
    """Open the dialog over `window` (window-modal, not blocking) and report what was saved."""
    dialog = LogDialog(window.context, window, people=people)

    def saved(result) -> None:
        names = ", ".join(dialog.picker.names()) or "them"
        extra = [
            f"{n} {word if n == 1 else word + 's'}"
            for n, word in ((len(result.introduction_ids), "offer"), (len(result.next_step_ids), "next step"))
            if n
        ]
        window.statusBar().showMessage(
            f"Logged a conversation with {names}" + (f" ({', '.join(extra)})" if extra else "") + ".", 8000
        )

    dialog.saved.connect(saved)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def install_log_action(window) -> QAction:
    action = QAction(log_icon(), "&Log conversation…", window)
    action.setObjectName("logConversation")
    action.setIconText("Log conversation")
    action.setShortcuts([QKeySequence("Ctrl+N")])
    action.setToolTip("Log a conversation (Ctrl+N)")
    action.triggered.connect(lambda _=False: open_log_dialog(window))
    window.toolbar.insertAction(window.toolbar.actions()[0] if window.toolbar.actions() else None, action)
    window.file_menu.insertAction(window.file_menu.actions()[0] if window.file_menu.actions() else None, action)
    window.file_menu.insertSeparator(window.quit_action)
    window.log_action = action
    return action
