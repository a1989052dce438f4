"""Sync in the window: File > Sync now (F5), File > Sync conflicts… (Shift+F5), File > Sync
accounts…, the state in the status bar and in the tray's tooltip, and the background rounds'
operations on the undo list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from journal.desktop.sync_worker import NO_ACCOUNT, SYNCING, SyncController, SyncState
from journal.ui.sync.status import SyncStatus, tray_text


class SyncActions(QObject):
    """Owns the window's SyncController and shows what it does."""

    def __init__(
        self,
        window,
        *,
        controller: SyncController | None = None,
        open_accounts: Callable[[], object] | None = None,
        on_state: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.controller = controller or SyncController(clock=self.context.clock, parent=self)
        self._open_accounts = open_accounts
        self._on_state = on_state
        self._asked = False  # the user asked for this round (F5): say it when there is no account
        self.conflicts_dialog = None

        self.status = SyncStatus(self.context.clock)
        window.statusBar().addPermanentWidget(self.status)
        self.status.sync_requested.connect(self.sync_now)

        self.sync_action = QAction(self.tr("S&ync now"), window, objectName="syncNow")
        self.sync_action.setShortcuts([QKeySequence("F5")])
        self.sync_action.setToolTip(self.tr("Send what changed here to the server and bring its changes in"))
        self.sync_action.triggered.connect(lambda _=False: self.sync_now())
        self.conflicts_action = QAction(self.tr("Sync co&nflicts…"), window, objectName="syncConflicts")
        self.conflicts_action.setShortcuts([QKeySequence("Shift+F5")])
        self.conflicts_action.setToolTip(self.tr("Fields both sides changed: see what was kept, swap or dismiss"))
        self.conflicts_action.triggered.connect(lambda _=False: self.open_conflicts())
        self.accounts_action = QAction(self.tr("Sync &accounts…"), window, objectName="syncAccounts")
        self.accounts_action.triggered.connect(lambda _=False: self.open_accounts())
        menu = window.file_menu
        before = getattr(window, "quit_action", None)
        for action in (self.sync_action, self.conflicts_action, self.accounts_action):
            menu.insertAction(before, action)
            window.addAction(action)
        menu.insertSeparator(before)

        self.controller.state_changed.connect(self._state_changed)
        self.controller.round_done.connect(self._round_done)
        self.context.signals.changed.connect(self._journal_changed)

    # --- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        self.controller.start()
        self._count_conflicts()

    def stop(self) -> None:
        self.controller.stop()

    # --- actions -----------------------------------------------------------------------------

    def sync_now(self) -> None:
        self._asked = True
        if not self.controller.sync_now() and not self.controller.running:
            self._asked = False

    def open_conflicts(self):
        from journal.ui.sync.conflicts_dialog import ConflictsDialog

        if self.conflicts_dialog is not None and self.conflicts_dialog.isVisible():
            self.conflicts_dialog.raise_()
            self.conflicts_dialog.activateWindow()
            return self.conflicts_dialog
        dialog = ConflictsDialog(self.context, self.window)
        dialog.finished.connect(lambda _result: self._conflicts_closed(dialog))
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def _conflicts_closed(self, dialog) -> None:
        if self.conflicts_dialog is dialog:
            self.conflicts_dialog = None
        dialog.deleteLater()
        self._count_conflicts()

    def open_accounts(self):
        return self._open_accounts() if self._open_accounts is not None else None

    def account_changed(self) -> None:
        """Preferences > Accounts added or removed the account."""
        self.controller.account_changed()

    # --- state -------------------------------------------------------------------------------

    @property
    def state(self) -> SyncState:
        return self.controller.state

    def tray_text(self) -> str:
        return tray_text(self.status.state, self.context.clock.today())  # the state as last told

    def _state_changed(self, state: SyncState) -> None:
        self.status.set_state(state)
        if state.state != SYNCING:
            if self._asked and state.state == NO_ACCOUNT:
                self.window.statusBar().showMessage(
                    self.tr("Sync is not set up: add an account with File > Sync accounts…"), 8000
                )
            if self._asked:
                self._asked = False
        if self._on_state is not None:
            self._on_state()

    def _round_done(self, outcome) -> None:
        from journal.services.changes import Changes
        from journal.services.operations import OpResult

        runner = self.context.operations
        for step in outcome.steps:  # undoable like any other operation (Ctrl+Z)
            runner.record(OpResult(None, Changes(), step))
        self._count_conflicts()

    def _count_conflicts(self) -> None:
        if self.controller.state.state == NO_ACCOUNT:
            self.status.set_conflicts(0)
            return
        from journal.services.sync.conflicts import count_open

        self.status.set_conflicts(count_open())

    def _journal_changed(self, changes) -> None:
        if changes.everything or changes.touches("sync_conflict"):  # a swap or a dismissal, an undo
            self._count_conflicts()
