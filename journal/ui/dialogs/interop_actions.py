"""The menu actions for contacts in and out: File > Import…, File > Export…, Tools > Find duplicates…"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

# The format libraries (vobject, icalendar, phonenumbers, rapidfuzz) load when an action is used,
# not at start-up: importing them here cost ~0.1 s of every cold start.


def export_filters() -> dict[str, tuple[str, str]]:
    from journal.services.interchange import exports

    return {f"{title} (*.{suffix})": (fmt, suffix) for fmt, (title, suffix, _fn) in exports.EXPORTERS.items()}


class InteropActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.export_task = None
        before = getattr(window, "quit_action", None)
        self.import_action = QAction(self.tr("&Import contacts…"), window, objectName="importContacts")
        self.import_action.setShortcuts([QKeySequence("Ctrl+Shift+I")])
        self.import_action.setToolTip(self.tr("Bring contacts in from LinkedIn, Google, a vCard file or a journal export"))
        self.import_action.triggered.connect(lambda _=False: self.open_import())
        self.export_action = QAction(self.tr("E&xport contacts…"), window, objectName="exportContacts")
        self.export_action.setShortcuts([QKeySequence("Ctrl+Shift+E")])
        self.export_action.setToolTip(self.tr("Write people as vCard or CSV, or the whole journal as JSON"))
        self.export_action.triggered.connect(lambda _=False: self.ask_export())
        self.duplicates_action = QAction(self.tr("Find &duplicates…"), window, objectName="findDuplicates")
        self.duplicates_action.setShortcuts([QKeySequence("Ctrl+Shift+D")])
        self.duplicates_action.triggered.connect(lambda _=False: self.open_duplicates())
        menu = window.file_menu
        menu.insertAction(before, self.import_action)
        menu.insertAction(before, self.export_action)
        menu.insertSeparator(before)
        self.tools_menu = self._tools_menu()
        self.tools_menu.addAction(self.duplicates_action)
        for action in (self.import_action, self.export_action, self.duplicates_action):
            window.addAction(action)

    def _tools_menu(self) -> QMenu:
        window = self.window
        existing = getattr(window, "tools_menu", None)
        if isinstance(existing, QMenu):
            return existing
        menu = QMenu(self.tr("&Tools"), window)
        help_menu = getattr(window, "help_menu", None)
        if help_menu is not None:
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:
            window.menuBar().addMenu(menu)
        window.tools_menu = menu
        return menu

    # --- import and duplicates ---------------------------------------------------------------

    def open_import(self):
        from journal.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.window.context, self.window)
        wizard.finished.connect(wizard.deleteLater)  # each File > Import makes its own
        wizard.open()
        return wizard

    def open_duplicates(self):
        from journal.ui.dialogs.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self.window.context, self.window)
        dialog.open()
        return dialog

    # --- export ------------------------------------------------------------------------------

    def ask_export(self) -> None:
        default = str(Path.home() / "contacts.vcf")
        filters = export_filters()
        name, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export contacts"), default, ";;".join(filters))
        if not name:
            return
        fmt, suffix = filters.get(chosen, ("vcard", "vcf"))
        path = Path(name)
        self.export_to(fmt, path if path.suffix else path.with_suffix(f".{suffix}"))

    def export_to(self, fmt: str, path: Path):
        """Write on a worker thread; the status bar says when it is done."""
        from journal.services.interchange import exports
        from journal.ui.dialogs.background import BackgroundTask

        clock = self.window.context.clock
        self.export_action.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Exporting to {path}…").format(path=path))
        self.export_task = BackgroundTask(lambda _report: exports.export_to_file(fmt, path, clock=clock), self)
        self.export_task.done.connect(lambda count: self._exported(count, path))
        self.export_task.failed.connect(self._export_failed)
        self.export_task.start()
        return self.export_task

    def _exported(self, count: int, path: Path) -> None:
        self.export_action.setEnabled(True)
        self.window.statusBar().showMessage(self.tr("Exported {count} item(s) to {path}").format(count=count, path=path), 8000)

    def _export_failed(self, message: str) -> None:
        self.export_action.setEnabled(True)
        self.window.statusBar().clearMessage()
        self.window.context.operations.show_failure(self.tr("Export contacts"), message, self.window)


def add_interop_actions(window: QMainWindow) -> InteropActions:
    return InteropActions(window)
