"""Reminders while the window of an encrypted journal is locked, on a real D-Bus bus with a
notification server (the fixtures of test_notifications): they go on falling due and being
posted, saying only how many items are due, with no button but a click that shows the window
(and its lock); details come back when Preferences allow them."""

from __future__ import annotations

import datetime as dt

from tests.desktop.test_notifications import (  # noqa: F401 - the bus, the server and the window
    bus_address,
    call_omar,
    connect,
    context,
    fall_due,
    make_desktop,
    make_server,
    started,
)


def test_a_reminder_while_locked_says_only_how_many(qtbot, make_server, make_desktop, call_omar, clock):  # noqa: F811
    server = make_server()
    desktop = started(qtbot, make_desktop())
    desktop.lock.set_enabled(True)  # as for an encrypted journal
    assert desktop.lock.lock()
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    [call] = server.calls
    assert call["summary"] == "1 item due"
    assert call["body"] == "Unlock Contact Journal to see what."
    assert call["actions"] == ["default", "Open"]  # no Done or Snooze from behind the lock
    assert "Omar" not in str(call)
    qtbot.waitUntil(lambda: desktop.notifier.notification_id("summary") is not None, timeout=3000)
    desktop.window.hide()
    server.ActionInvoked.emit(call["id"], "default")  # a click on the bubble
    qtbot.waitUntil(desktop.window.isVisible, timeout=3000)
    assert desktop.window_lock.covered  # what shows is the lock


def test_with_details_allowed_a_reminder_while_locked_reads_as_usual(qtbot, make_server, make_desktop, call_omar, clock):  # noqa: F811
    server = make_server()
    desktop = started(qtbot, make_desktop())
    desktop.preferences.locked_reminder_details = True
    desktop.lock.set_enabled(True)
    desktop.lock.lock()
    fall_due(qtbot, desktop, clock, dt.datetime(2026, 3, 11, 14, 0))
    qtbot.waitUntil(lambda: len(server.calls) == 1, timeout=3000)
    assert (server.calls[0]["summary"], server.calls[0]["body"]) == ("Due now", "Call Omar")
