"""Meetings a scanned calendar holds, in the Calendar view: context beside what is due, driven
with the keyboard as a user would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.services.agenda import next_steps
from journal.services.changes import Changes, notify
from journal.services.scan import runner, sources
from journal.services.transaction import write
from journal.store.models import NextStep
from journal.ui.calendar.item_list import MEETING_ROLE
from journal.ui.calendar.month_grid import DayCount
from tests.services.scan.helpers import event, ics, person

TODAY = dt.date(2026, 3, 11)  # TEST_NOW's date, a Wednesday; now is 09:30
FRIDAY = dt.date(2026, 3, 13)


@pytest.fixture
def window(qtbot, context):
    from journal.ui.calendar.calendar_view import CalendarView
    from journal.ui.main_window import MainWindow
    from journal.ui.people.people_view import PeopleView

    win = MainWindow(context)
    qtbot.addWidget(win)
    win.add_view("calendar", "Calendar", CalendarView(context))
    people_view = PeopleView(context)
    win.add_view("people", "People", people_view)
    win.register_opener("person", "people", people_view.open_person)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    win.show_view("calendar")
    return win


@pytest.fixture
def journal(db):
    return {"dana": person("Dana Smith", "dana@example.org"), "sam": person("Sam Lee", "sam@example.org")}


def scan_calendar(tmp_path, clock, *events):
    path = tmp_path / "work.ics"
    path.write_text(ics(*events), encoding="utf-8")
    return runner.scan_path("calendar", str(path), clock=clock)


def coffee(**kwargs):
    return event("coffee", dt.datetime(2026, 3, 13, 10), summary="Coffee chat",
                 attendees=("sam@example.org", "dana@example.org"), location="Café Blue", **kwargs)


ALL_DAY = (
    "BEGIN:VEVENT\r\nUID:offsite\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20260313\r\n"
    "DTEND;VALUE=DATE:20260314\r\nSUMMARY:Offsite\r\nATTENDEE:mailto:dana@example.org\r\nEND:VEVENT\r\n"
)


def rows(lst):
    return [lst.item(i).text() for i in range(lst.count())]


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_a_scanned_meeting_shows_on_its_day_and_enter_opens_its_first_person(qtbot, window, journal, clock, tmp_path):
    view = window.view("calendar")
    grid = view.grid
    assert grid.count_on(FRIDAY) == DayCount()
    scan_calendar(tmp_path, clock, coffee())
    # The scan's notice alone brings it in: a muted mark on Friday, not counted as due.
    qtbot.waitUntil(lambda: grid.count_on(FRIDAY) == DayCount(meetings=1))
    assert grid.count_on(FRIDAY).total == 0
    assert "1 meeting in your calendar" in grid.count_on(FRIDAY).describe()
    assert view.summary_label.text() == "0 due today"
    assert "Coffee chat" not in "".join(rows(view.agenda_list))  # the agenda lists what is due

    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    assert grid.selected_date == FRIDAY
    assert rows(view.day_list) == [
        "Nothing due on this day.",
        "In your calendar",
        "10:00–11:00  Coffee chat\nMeeting · Dana Smith, Sam Lee · Café Blue",
    ]
    assert view.day_list.agenda_items() == []
    press(qtbot, Qt.Key.Key_Return)  # into the day's list, on the meeting
    assert QApplication.focusWidget() is view.day_list
    assert view.day_list.current_meeting().summary == "Coffee chat"
    for button in (view.done_button, view.snooze_button, view.reschedule_button):
        assert not button.isEnabled()
    assert view.open_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    people_view = window.view("people")
    assert window.current_key() == "people"
    qtbot.waitUntil(lambda: people_view.editor.person_id == journal["dana"])  # Dana before Sam, by name


def test_past_meetings_show_too_and_the_open_shortcut_opens_the_person(qtbot, window, journal, clock, tmp_path):
    scan_calendar(tmp_path, clock, event("retro", dt.datetime(2026, 3, 2, 15), summary="Retro", minutes=30,
                                         attendees=("sam@example.org",)))
    view = window.view("calendar")
    view.show_date(dt.date(2026, 3, 2))
    qtbot.waitUntil(lambda: view.grid.count_on(dt.date(2026, 3, 2)) == DayCount(meetings=1))
    assert [m.summary for m in view.day_list.meetings()] == ["Retro"]
    view.grid.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view("people").editor.person_id == journal["sam"])


def test_meetings_follow_due_items_and_offer_no_done_or_snooze(qtbot, window, journal, clock, tmp_path):
    step = next_steps.add("Send Dana the deck", due=FRIDAY, person_id=journal["dana"], clock=clock)
    scan_calendar(tmp_path, clock, coffee(), ALL_DAY)
    view = window.view("calendar")
    view.show_date(FRIDAY)
    qtbot.waitUntil(lambda: view.grid.count_on(FRIDAY) == DayCount(due=1, meetings=2))
    texts = rows(view.day_list)
    assert texts[0].startswith("Send Dana the deck") and texts[1] == "In your calendar"
    assert [m.summary for m in view.day_list.meetings()] == ["Offsite", "Coffee chat"]
    meeting_row = next(view.day_list.item(i) for i in range(view.day_list.count())
                       if view.day_list.item(i).data(MEETING_ROLE) is not None)
    assert not meeting_row.flags() & Qt.ItemFlag.ItemIsDragEnabled
    view.day_list.setFocus()
    view.day_list.setCurrentRow(0)
    assert view.done_button.isEnabled()
    view.day_list.setCurrentRow(view.day_list.row(meeting_row))
    assert not view.done_button.isEnabled() and view.open_button.isEnabled()
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Done does nothing to a meeting
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert NextStep.get_by_id(step).done_at is None and NextStep.get_by_id(step).snoozed_until is None
    assert view.grid.count_on(FRIDAY) == DayCount(due=1, meetings=2)
    assert view.day_list.meetings()[0].all_day and rows(view.day_list)[2].startswith("All day  Offsite")


def test_a_forget_takes_the_meetings_away(qtbot, window, journal, clock, tmp_path):
    scan_calendar(tmp_path, clock, coffee())
    view = window.view("calendar")
    view.show_date(FRIDAY)
    qtbot.waitUntil(lambda: view.grid.count_on(FRIDAY) == DayCount(meetings=1))
    with write():
        forgotten = sources.forget()
    assert forgotten == {journal["dana"], journal["sam"]}
    notify(Changes(person_ids=frozenset(forgotten), scanned=True))
    qtbot.waitUntil(lambda: view.grid.count_on(FRIDAY) == DayCount())
    assert view.day_list.meetings() == [] and view.day_stack.currentWidget() is view.empty_label


def test_a_scan_notice_naming_nobody_rereads_only_the_month(qtbot, window, journal, clock, tmp_path, monkeypatch):
    from journal.ui.calendar import calendar_view

    scan_calendar(tmp_path, clock, coffee())
    view = window.view("calendar")
    view.show_date(FRIDAY)
    qtbot.waitUntil(lambda: view.grid.count_on(FRIDAY) == DayCount(meetings=1))
    full = []
    monkeypatch.setattr(view, "_fill_agenda", lambda *args: full.append(args))
    with write():
        sources.forget()
    notify(Changes(scanned=True))
    qtbot.waitUntil(lambda: view.grid.count_on(FRIDAY) == DayCount())
    assert view.day_list.meetings() == [] and full == []  # the agenda of due items was not rebuilt
    # A suggestion dismissed changes no meeting: nothing is read.
    reads = []
    real = calendar_view.meetings_by_day
    monkeypatch.setattr(calendar_view, "meetings_by_day", lambda *a: reads.append(a) or real(*a))
    notify(Changes(scanned=True, tables=frozenset({"suggestion_state"})))
    qtbot.wait(10)
    assert reads == []


def test_meetings_are_read_once_per_month_not_per_day(qtbot, window, journal, clock, tmp_path, monkeypatch):
    from journal.ui.calendar import calendar_view

    scan_calendar(tmp_path, clock, coffee(), event("april", dt.datetime(2026, 4, 14, 12), summary="Lunch",
                                                   attendees=("dana@example.org",)))
    view = window.view("calendar")
    grid = view.grid
    qtbot.waitUntil(lambda: grid.count_on(FRIDAY) == DayCount(meetings=1))
    reads = []
    real = calendar_view.meetings_by_day
    monkeypatch.setattr(calendar_view, "meetings_by_day", lambda *a: reads.append(a) or real(*a))
    grid.setFocus()
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Right)  # days of the same month: nothing read
    assert reads == []
    press(qtbot, Qt.Key.Key_PageDown)
    assert reads == [(grid.first_visible(), grid.last_visible())]
    assert grid.count_on(dt.date(2026, 4, 14)) == DayCount(meetings=1)
    grid.select_date(dt.date(2026, 4, 14))
    assert [m.summary for m in view.day_list.meetings()] == ["Lunch"]
    assert len(reads) == 1
