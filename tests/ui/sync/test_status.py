"""The sync state in the status bar and the tray's tooltip: synced, syncing, offline, error."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal.desktop.sync_worker import ERROR, NO_ACCOUNT, OFFLINE, SYNCED, SYNCING, SyncState
from journal.ui.sync.status import SyncStatus, details_text, status_text, tray_text

TODAY = dt.date(2026, 3, 11)
AT = dt.datetime(2026, 3, 11, 9, 25)


def test_status_texts_for_each_state():
    assert status_text(SyncState(NO_ACCOUNT), TODAY) == ""
    assert status_text(SyncState(SYNCING, last_sync_at=AT), TODAY) == "Syncing…"
    assert status_text(SyncState(SYNCED, last_sync_at=AT), TODAY) == "Synced 09:25"
    assert status_text(SyncState(SYNCED, last_sync_at=AT - dt.timedelta(days=1)), TODAY) == "Synced 10 Mar 09:25"
    offline = SyncState(OFFLINE, "Cannot reach dav.example.com: timed out", AT, AT + dt.timedelta(minutes=1))
    assert status_text(offline, TODAY) == "Offline, trying again at 09:26"
    error = SyncState(ERROR, "The server refused the user name or password.", AT)
    assert status_text(error, TODAY) == "Sync error: The server refused the user name or password."
    assert status_text(SyncState(SYNCED, last_sync_at=AT), TODAY, conflicts=2) == "Synced 09:25 · 2 conflict(s) to review"
    long = SyncState(ERROR, "x" * 200)
    assert len(status_text(long, TODAY)) < 100 and status_text(long, TODAY).endswith("…")


def test_the_tooltip_gives_the_whole_reason_the_last_sync_and_the_next_try():
    offline = SyncState(OFFLINE, "Cannot reach dav.example.com: timed out", AT, AT + dt.timedelta(minutes=1))
    assert details_text(offline, TODAY).splitlines() == [
        "Offline: Cannot reach dav.example.com: timed out",
        "Last synced 09:25.",
        "Trying again at 09:26.",
        "Click to sync now.",
    ]
    error = SyncState(ERROR, "x" * 200)
    assert details_text(error, TODAY).splitlines()[:3] == ["Sync error: " + "x" * 200, "Not synced yet.", "Sync now (F5) tries again."]
    assert "Preferences > Accounts" in details_text(SyncState(NO_ACCOUNT), TODAY)


def test_tray_texts():
    assert tray_text(SyncState(NO_ACCOUNT), TODAY) == ""
    assert tray_text(SyncState(SYNCING), TODAY) == "syncing"
    assert tray_text(SyncState(SYNCED, last_sync_at=AT), TODAY) == "synced 09:25"
    assert tray_text(SyncState(OFFLINE, "Cannot reach x: refused"), TODAY) == "offline (Cannot reach x: refused)"
    assert tray_text(SyncState(ERROR, "The server failed (500)."), TODAY) == "sync error: The server failed (500)."


def test_the_button_shows_the_state_and_a_click_asks_for_a_sync(qtbot, clock):
    from PySide6.QtWidgets import QStatusBar

    bar = QStatusBar()
    qtbot.addWidget(bar)
    widget = SyncStatus(clock)
    bar.addPermanentWidget(widget)
    bar.show()
    assert widget.isHidden()  # no account: nothing to say
    widget.set_state(SyncState(SYNCED, last_sync_at=AT))
    assert widget.isVisible() and widget.text() == "Synced 09:25"
    with qtbot.waitSignal(widget.sync_requested):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.set_state(SyncState(SYNCING, last_sync_at=AT))
    assert not widget.isEnabled()
    widget.set_state(SyncState(ERROR, "The server refused the user name or password.", AT))
    assert widget.isEnabled() and widget.property("syncState") == ERROR
    assert widget.toolTip().startswith("Sync error: The server refused")
