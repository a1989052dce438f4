"""Scanning in the window: File > Scan mail and calendars now (Ctrl+Shift+R), beside the sync's
actions; the scan's progress and what it found in the status bar, and a button there while a
source cannot be read (no dialogs: a background scan never interrupts)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from journal.desktop.scan_worker import ScanController, ScanReport, ScanState
from journal.ui.scan.status import ScanStatus, progress_text, summary_text

MESSAGE_MS = 8000


class ScanActions(QObject):
    """Owns the window's ScanController and shows what it does."""

    def __init__(
        self,
        window,
        *,
        controller: ScanController | None = None,
        after=None,
        open_sources: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.controller = controller or ScanController(clock=self.context.clock, parent=self)
        self._after = after  # the sync controller: the first scan lets its round go first
        self._open_sources = open_sources
        self._asked = False  # the user asked for this scan: say what it found even when nothing
        self._shown = ""  # the progress line in the status bar

        self.status = ScanStatus()
        window.statusBar().addPermanentWidget(self.status)
        self.status.open_requested.connect(lambda: self.open_sources())

        self.scan_action = QAction(self.tr("Scan &mail and calendars now"), window, objectName="scanNow")
        self.scan_action.setShortcuts([QKeySequence("Ctrl+Shift+R")])
        self.scan_action.setToolTip(
            self.tr("Read the headers of new mail and the calendars for contact with people in the journal")
        )
        self.scan_action.triggered.connect(lambda _=False: self.scan_now())
        menu = window.file_menu
        menu.insertAction(self._menu_place(menu), self.scan_action)
        window.addAction(self.scan_action)

        self.controller.state_changed.connect(self._state_changed)
        self.controller.progress.connect(self._progress)
        self.controller.scan_done.connect(self._done)

    @staticmethod
    def _menu_place(menu):
        """Right after the sync's actions when the menu has them, else before Quit."""
        actions = menu.actions()
        names = [a.objectName() for a in actions]
        for name in ("syncAccounts", "syncConflicts", "syncNow"):
            if name in names:
                index = names.index(name) + 1
                return actions[index] if index < len(actions) else None
        quit_action = next((a for a in actions if a.menuRole() == QAction.MenuRole.QuitRole), None)
        return quit_action

    # --- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        self.controller.start(after=self._after)

    def stop(self) -> None:
        self.controller.stop()

    # --- actions -----------------------------------------------------------------------------

    def scan_now(self, source_id: int | None = None) -> None:
        """Scan every source turned on (or one just added) now, or right after the one running."""
        if source_id is None:
            self._asked = True
        if not self.controller.running:
            self._shown = progress_text("")
            self.window.statusBar().showMessage(self._shown, MESSAGE_MS)
        self.controller.scan_now(source_id)

    def open_sources(self):
        return self._open_sources() if self._open_sources is not None else None

    # --- state -------------------------------------------------------------------------------

    @property
    def state(self) -> ScanState:
        return self.controller.state

    def _state_changed(self, state: ScanState) -> None:
        self.status.set_state(state)
        if not state.scanning and state.error:
            self.window.statusBar().showMessage(self.tr("The scan could not run: {reason}").format(reason=state.error),
                                                MESSAGE_MS)
            self._asked = False

    def _progress(self, line: str) -> None:
        self._shown = progress_text(line)
        self.window.statusBar().showMessage(self._shown, MESSAGE_MS)

    def _done(self, report: ScanReport) -> None:
        asked, self._asked = self._asked, False
        bar = self.window.statusBar()
        if not asked and not report.people and not report.failures:
            # A background scan that found nothing says nothing: its progress line goes.
            if self._shown and bar.currentMessage() == self._shown:
                bar.clearMessage()
            self._shown = ""
            return
        self._shown = ""
        bar.showMessage(summary_text(report), MESSAGE_MS)
