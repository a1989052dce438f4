"""The sync state where users glance: a small button in the status bar and a line of the tray's
tooltip. Synced (and when), syncing, offline (and when it tries again) or an error with its
reason; nothing pops up. Clicking the button syncs now; its tooltip says it all."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from journal.desktop.sync_worker import ERROR, NO_ACCOUNT, OFFLINE, SYNCED, SYNCING, SyncState
from journal.ui import dates

MAX_REASON = 70  # characters of an error shown in the status bar; the tooltip has all of it



def _when(moment: dt.datetime, today: dt.date) -> str:
    clock = moment.strftime("%H:%M")
    return clock if moment.date() == today else f"{dates.short_in(moment.date(), today)} {clock}"


def _short(text: str, limit: int = MAX_REASON) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_text(state: SyncState, today: dt.date, conflicts: int = 0) -> str:
    """The status bar's words for the state ("" when there is no account)."""
    if state.state == NO_ACCOUNT:
        return ""
    if state.state == SYNCING:
        text = QCoreApplication.translate("SyncStatus", "Syncing…")
    elif state.state == SYNCED:
        text = QCoreApplication.translate("SyncStatus", "Synced {when}").format(when=_when(state.last_sync_at, today)) if state.last_sync_at else QCoreApplication.translate("SyncStatus", "Synced")
    elif state.state == OFFLINE:
        text = QCoreApplication.translate("SyncStatus", "Offline")
        if state.retry_at:
            text = QCoreApplication.translate("SyncStatus", "Offline, trying again at {time}").format(time=state.retry_at.strftime("%H:%M"))
    else:
        text = QCoreApplication.translate("SyncStatus", "Sync error: {reason}").format(reason=_short(state.reason))
    if conflicts:
        text += " · " + conflict_count(conflicts)
    return text


def conflict_count(count: int) -> str:
    return QCoreApplication.translate("SyncStatus", "{count} conflict(s) to review").format(count=count)


def details_text(state: SyncState, today: dt.date, conflicts: int = 0) -> str:
    """The tooltip: the state, the reason in full, the last good sync and the next try."""
    lines = []
    if state.state == NO_ACCOUNT:
        return QCoreApplication.translate("SyncStatus", "Sync is not set up: add an account in Preferences > Accounts.")
    if state.state == SYNCING:
        lines.append(QCoreApplication.translate("SyncStatus", "Syncing with the server…"))
    elif state.state == SYNCED:
        lines.append(QCoreApplication.translate("SyncStatus", "Everything is synced with the server."))
    elif state.state == OFFLINE:
        lines.append(QCoreApplication.translate("SyncStatus", "Offline: {reason}").format(reason=state.reason) if state.reason else QCoreApplication.translate("SyncStatus", "Offline."))
    else:
        lines.append(QCoreApplication.translate("SyncStatus", "Sync error: {reason}").format(reason=state.reason))
    if state.last_sync_at:
        lines.append(QCoreApplication.translate("SyncStatus", "Last synced {when}.").format(when=_when(state.last_sync_at, today)))
    elif state.state != SYNCING:
        lines.append(QCoreApplication.translate("SyncStatus", "Not synced yet."))
    if state.retry_at and state.state in (OFFLINE, ERROR):
        lines.append(QCoreApplication.translate("SyncStatus", "Trying again at {time}.").format(time=state.retry_at.strftime("%H:%M")))
    elif state.state == ERROR:
        lines.append(QCoreApplication.translate("SyncStatus", "Sync now (F5) tries again."))
    if conflicts:
        lines.append(conflict_count(conflicts) + " " + QCoreApplication.translate("SyncStatus", "(File > Sync conflicts…)"))
    if state.state != SYNCING:
        lines.append(QCoreApplication.translate("SyncStatus", "Click to sync now."))
    return "\n".join(lines)


def tray_text(state: SyncState, today: dt.date) -> str:
    """The tray tooltip's sync part ("" when there is no account): short, with the reason."""
    if state.state == NO_ACCOUNT:
        return ""
    if state.state == SYNCING:
        return QCoreApplication.translate("SyncStatus", "syncing")
    if state.state == SYNCED:
        return QCoreApplication.translate("SyncStatus", "synced {when}").format(when=_when(state.last_sync_at, today)) if state.last_sync_at else QCoreApplication.translate("SyncStatus", "synced")
    if state.state == OFFLINE:
        return QCoreApplication.translate("SyncStatus", "offline ({reason})").format(reason=_short(state.reason, 50)) if state.reason else QCoreApplication.translate("SyncStatus", "offline")
    return QCoreApplication.translate("SyncStatus", "sync error: {reason}").format(reason=_short(state.reason, 60))


class SyncStatus(QToolButton):
    """The status bar's sync state; clicked (or Enter on it) asks for a round now."""

    sync_requested = Signal()

    def __init__(self, clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.clock = clock
        self.state = SyncState()
        self.conflicts = 0
        self.clicked.connect(lambda _=False: self.sync_requested.emit())
        self.setAccessibleName(self.tr("Sync state"))
        self._show()

    def set_state(self, state: SyncState) -> None:
        self.state = state
        self._show()

    def set_conflicts(self, count: int) -> None:
        self.conflicts = count
        self._show()

    def _show(self) -> None:
        today = self.clock.today()
        self.setText(status_text(self.state, today, self.conflicts))
        self.setToolTip(details_text(self.state, today, self.conflicts))
        self.setEnabled(self.state.state != SYNCING)
        self.setVisible(self.state.state != NO_ACCOUNT)
        self.setProperty("syncState", self.state.state)
