"""Help > About Contact Journal (F1) and About Qt. The About dialog (and what it reports on:
platform, SQLite, Qt versions) is imported when first opened, not at start-up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox


def add_help_actions(window) -> QAction:
    """Put "About Contact Journal" (F1) and "About Qt" in the window's help menu; returns the
    About action. The dialog opens window-modal without blocking (`open`, not `exec`)."""
    about = QAction(QCoreApplication.translate("MainWindow", "&About Contact Journal"), window, objectName="aboutAction")
    about.setShortcuts(QKeySequence.StandardKey.HelpContents)
    about.setMenuRole(QAction.MenuRole.AboutRole)

    def show_about() -> None:
        from PySide6.QtCore import Qt

        from journal.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(window.context.journal_path, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.about_dialog = dialog
        dialog.open()

    about.triggered.connect(show_about)
    about_qt = QAction(QCoreApplication.translate("MainWindow", "About &Qt"), window, objectName="aboutQtAction")
    about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
    about_qt.triggered.connect(lambda: QMessageBox.aboutQt(window))
    window.help_menu.addAction(about)
    window.help_menu.addAction(about_qt)
    return about
