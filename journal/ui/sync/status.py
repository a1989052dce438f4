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


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncStatus", text)


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
        text = _tr("Syncing…")
    elif state.state == SYNCED:
        text = _tr("Synced {when}").format(when=_when(state.last_sync_at, today)) if state.last_sync_at else _tr("Synced")
    elif state.state == OFFLINE:
        text = _tr("Offline")
        if state.retry_at:
            text = _tr("Offline, trying again at {time}").format(time=state.retry_at.strftime("%H:%M"))
    else:
        text = _tr("Sync error: {reason}").format(reason=_short(state.reason))
    if conflicts:
        text += " · " + conflict_count(conflicts)
    return text


def conflict_count(count: int) -> str:
    return QCoreApplication.translate("SyncStatus", "%n conflict(s) to review", "", count)


def details_text(state: SyncState, today: dt.date, conflicts: int = 0) -> str:
    """The tooltip: the state, the reason in full, the last good sync and the next try."""
    lines = []
    if state.state == NO_ACCOUNT:
        return _tr("Sync is not set up: add an account in Preferences > Accounts.")
    if state.state == SYNCING:
        lines.append(_tr("Syncing with the server…"))
    elif state.state == SYNCED:
        lines.append(_tr("Everything is synced with the server."))
    elif state.state == OFFLINE:
        lines.append(_tr("Offline: {reason}").format(reason=state.reason) if state.reason else _tr("Offline."))
    else:
        lines.append(_tr("Sync error: {reason}").format(reason=state.reason))
    if state.last_sync_at:
        lines.append(_tr("Last synced {when}.").format(when=_when(state.last_sync_at, today)))
    elif state.state != SYNCING:
        lines.append(_tr("Not synced yet."))
    if state.retry_at and state.state in (OFFLINE, ERROR):
        lines.append(_tr("Trying again at {time}.").format(time=state.retry_at.strftime("%H:%M")))
    elif state.state == ERROR:
        lines.append(_tr("Sync now (F5) tries again."))
    if conflicts:
        lines.append(conflict_count(conflicts) + " " + _tr("(File > Sync conflicts…)"))
    if state.state != SYNCING:
        lines.append(_tr("Click to sync now."))
    return "\n".join(lines)


def tray_text(state: SyncState, today: dt.date) -> str:
    """The tray tooltip's sync part ("" when there is no account): short, with the reason."""
    if state.state == NO_ACCOUNT:
        return ""
    if state.state == SYNCING:
        return _tr("syncing")
    if state.state == SYNCED:
        return _tr("synced {when}").format(when=_when(state.last_sync_at, today)) if state.last_sync_at else _tr("synced")
    if state.state == OFFLINE:
        return _tr("offline ({reason})").format(reason=_short(state.reason, 50)) if state.reason else _tr("offline")
    return _tr("sync error: {reason}").format(reason=_short(state.reason, 60))


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
