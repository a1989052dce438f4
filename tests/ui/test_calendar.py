"""The Calendar view, driven with the keyboard and mouse like a user would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableView

from journal.services import operations
from journal.services.agenda import next_steps
from journal.services.people import records as people
from journal.store.models import Conversation, NextStep, Person
from journal.ui.calendar.month_grid import ITEM_MIME, DayCount

TODAY = dt.date(2026, 3, 11)  # TEST_NOW's date, a Wednesday


@pytest.fixture
def window(qtbot, context):
    from journal.ui.calendar.calendar_view import CalendarView
    from journal.ui.main_window import MainWindow

    win = MainWindow(context)
    qtbot.addWidget(win)
    win.add_view("calendar", "Calendar", CalendarView(context))
    win.show()
    return win


@pytest.fixture
def steps(db, clock):
    return {
        "late": next_steps.add("Send Dana the deck", due=dt.date(2026, 3, 9), clock=clock),
        "today": next_steps.add("Call Omar", due=TODAY, due_time=dt.time(14, 0), clock=clock),
        "tomorrow": next_steps.add("Review portfolio", due=dt.date(2026, 3, 12), clock=clock),
        "far": next_steps.add("Quarterly review", due=dt.date(2026, 3, 25), clock=clock),
    }


def view_of(window):
    view = window.view("calendar")
    view.refresh()  # take in changes made after the window opened
    return view


def select_row(qtbot, lst, title):
    for i in range(lst.count()):
        if lst.item(i).text().startswith(title):
            rect = lst.visualItemRect(lst.item(i))
            qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{title!r} not listed")


def test_grid_counts_due_and_overdue_apart(qtbot, steps, window, clock):
    people.set_cadence(people.create_person("Marta").id, 14, clock=clock)  # due 25 March
    view = view_of(window)
    grid = view.grid
    assert grid.year_month == (2026, 3)
    assert grid.count_on(dt.date(2026, 3, 9)) == DayCount(due=0, overdue=1)
    assert grid.count_on(TODAY) == DayCount(due=1, overdue=0)
    assert grid.count_on(dt.date(2026, 3, 25)) == DayCount(due=2, overdue=0)
    assert grid.count_on(dt.date(2026, 3, 26)) == DayCount()
    assert "1 overdue" in view.summary_label.text()


def test_keyboard_moves_through_days_and_months(qtbot, steps, window):
    view = view_of(window)
    grid = view.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected_date == dt.date(2026, 3, 12)
    assert [i.title for i in view.day_list.agenda_items()] == ["Review portfolio"]
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.year_month == (2026, 4)
    assert view.month_label.text() == "April 2026"
    assert view.day_list.agenda_items() == []
    assert view.empty_label.isVisibleTo(view)
    qtbot.keyClick(grid, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert grid.selected_date == TODAY
    assert [i.title for i in view.day_list.agenda_items()] == ["Call Omar"]


def test_clicking_a_day_lists_its_items(qtbot, steps, window):
    view = view_of(window)
    grid = view.grid
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(dt.date(2026, 3, 9)).center())
    assert grid.selected_date == dt.date(2026, 3, 9)
    assert [i.title for i in view.day_list.agenda_items()] == ["Send Dana the deck"]
    assert view.day_list.agenda_items()[0].overdue


def test_done_button_completes_the_selected_step(qtbot, steps, window):
    view = view_of(window)
    assert not view.done_button.isEnabled()
    select_row(qtbot, view.day_list, "Call Omar")
    assert view.done_button.isEnabled()
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert NextStep.get_by_id(steps["today"]).done_at is not None
    assert view.day_list.agenda_items() == []
    assert view.grid.count_on(TODAY) == DayCount()


def test_snooze_shortcut_moves_the_item_to_tomorrow(qtbot, steps, window):
    view = view_of(window)
    view.show_date(dt.date(2026, 3, 9))
    select_row(qtbot, view.day_list, "Send Dana the deck")
    qtbot.keyClick(view.day_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert NextStep.get_by_id(steps["late"]).snoozed_until == dt.date(2026, 3, 12)
    assert view.grid.count_on(dt.date(2026, 3, 12)) == DayCount(due=2, overdue=0)


def test_reschedule_with_the_date_picker(qtbot, steps, window, monkeypatch):
    view = view_of(window)
    view.show_date(dt.date(2026, 3, 12))
    select_row(qtbot, view.day_list, "Review portfolio")
    monkeypatch.setattr(view, "ask_date", lambda item: dt.date(2026, 3, 20))
    qtbot.keyClick(view.day_list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert NextStep.get_by_id(steps["tomorrow"]).due_date == dt.date(2026, 3, 20)
    assert view.grid.count_on(dt.date(2026, 3, 20)) == DayCount(due=1)


def test_reschedule_dialog_returns_the_picked_date(qtbot):
    from journal.ui.calendar.reschedule_dialog import RescheduleDialog

    dialog = RescheduleDialog("Call Omar", TODAY, earliest=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.calendar.findChild(QTableView)
    qtbot.keyClick(table, Qt.Key.Key_Left)  # before the earliest: refused
    assert dialog.chosen_date() == TODAY
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert dialog.chosen_date() == dt.date(2026, 3, 12)


def test_keep_in_touch_done_moves_it_a_cadence_on_and_snooze_delays_it(qtbot, db, window, clock):
    marta = people.create_person("Marta").id
    people.set_cadence(marta, 14, clock=clock)
    omar = people.create_person("Omar").id
    people.set_cadence(omar, 14, clock=clock)
    view = view_of(window)
    view.show_date(dt.date(2026, 3, 25))
    select_row(qtbot, view.day_list, "Keep in touch with Marta")
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert Person.get_by_id(marta).keep_in_touch_snoozed_until == clock.today() + dt.timedelta(days=14)
    assert Conversation.select().count() == 0  # "I was in touch" makes up no conversation
    select_row(qtbot, view.day_list, "Keep in touch with Omar")
    view.snooze(7)
    assert Person.get_by_id(omar).keep_in_touch_snoozed_until == dt.date(2026, 3, 18)


def test_drop_an_item_on_a_day_reschedules_it(qtbot, steps, window):
    view = view_of(window)
    grid = view.grid
    mime = QMimeData()
    mime.setData(ITEM_MIME, f"next_step:{steps['far']}".encode())
    target = grid.cell_rect(dt.date(2026, 3, 17)).center()
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(target, *args)
    QApplication.sendEvent(grid, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(target, *args)
    QApplication.sendEvent(grid, move)
    assert move.isAccepted()
    drop = QDropEvent(target.toPointF(), *args)
    QApplication.sendEvent(grid, drop)
    assert drop.isAccepted()
    assert NextStep.get_by_id(steps["far"]).due_date == dt.date(2026, 3, 17)
    assert grid.selected_date == dt.date(2026, 3, 17)


def test_list_rows_carry_the_item_for_dragging(qtbot, steps, window):
    view = view_of(window)
    lst = view.day_list
    mime = lst.mimeData([lst.item(0)])
    assert bytes(mime.data(ITEM_MIME)).decode() == f"next_step:{steps['today']}"


def test_agenda_lists_overdue_and_the_next_14_days(qtbot, steps, window, clock):
    next_steps.add("Day fourteen", due=dt.date(2026, 3, 24), clock=clock)
    next_steps.add("Day fifteen", due=dt.date(2026, 3, 25), clock=clock)
    view = view_of(window)
    titles = [i.title for i in view.agenda_list.agenda_items()]
    assert titles == ["Send Dana the deck", "Call Omar", "Review portfolio", "Day fourteen"]
    headings = [view.agenda_list.item(i).text() for i in range(view.agenda_list.count())]
    assert headings[0] == "Overdue (1)"
    assert "Today — Wednesday 11 March" in headings


def test_open_asks_the_window_to_show_the_item(qtbot, steps, window):
    opened = []
    window.register_opener("next_step", "calendar", opened.append)
    view = view_of(window)
    select_row(qtbot, view.agenda_list, "Review portfolio")
    assert view.day_list.current_agenda_item() is None or not view.day_list.selectedItems()
    qtbot.keyClick(view.agenda_list, Qt.Key.Key_Return)
    assert opened == [steps["tomorrow"]]


def test_view_follows_changes_made_elsewhere(qtbot, steps, window, clock):
    view = view_of(window)
    operations.run(next_steps.add, "Added elsewhere", due=TODAY, clock=clock)
    qtbot.waitUntil(lambda: view.grid.count_on(TODAY) == DayCount(due=2), timeout=1000)


def test_grid_maps_points_to_dates(qtbot, window):
    grid = view_of(window).grid
    first = grid.first_visible()
    assert first <= dt.date(2026, 3, 1) < first + dt.timedelta(days=7)
    assert grid.date_at(grid.cell_rect(TODAY).center()) == TODAY
    assert grid.date_at(QPoint(5, 5)) is None


def test_open_step_shows_its_day_with_it_selected(qtbot, steps, window):
    view = view_of(window)
    window.register_opener("next_step", "calendar", view.open_step)
    assert window.open_item("next_step", steps["far"])
    assert view.grid.selected_date == dt.date(2026, 3, 25)
    assert view.selected_item().title == "Quarterly review"
    undated = next_steps.add("Someday")
    view.open_step(undated)
    assert "no date" in window.statusBar().currentMessage()


def test_keep_in_touch_cannot_move_before_its_cadence_date(qtbot, db, window, clock, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    marta = people.create_person("Marta").id
    people.set_cadence(marta, 14, clock=clock)  # due 25 March
    view = view_of(window)
    view.show_date(dt.date(2026, 3, 25))
    select_row(qtbot, view.day_list, "Keep in touch with Marta")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    view.reschedule_to(view.selected_item(), dt.date(2026, 3, 20))
    assert "can move later" in warnings[0]
    assert Person.get_by_id(marta).keep_in_touch_snoozed_until is None
    view.reschedule_to(view.selected_item(), dt.date(2026, 3, 30))
    assert Person.get_by_id(marta).keep_in_touch_snoozed_until == dt.date(2026, 3, 30)


def test_month_switches_follow_a_cadence_set_while_the_calendar_is_open(qtbot, steps, window, clock):
    view = view_of(window)
    grid = view.grid
    grid.shift_month(1)
    assert grid.count_on(dt.date(2026, 4, 10)) == DayCount()
    person = people.create_person("Ana Pérez", clock=clock)
    operations.run(people.set_cadence, person.id, 30, clock=clock)  # due 10 April
    qtbot.waitUntil(lambda: grid.count_on(dt.date(2026, 4, 10)) == DayCount(1, 0))
    grid.shift_month(-1)
    grid.shift_month(1)
    assert grid.count_on(dt.date(2026, 4, 10)) == DayCount(1, 0)
    grid.select_date(dt.date(2026, 4, 10))
    assert [i.title for i in view.day_list.agenda_items()] == ["Keep in touch with Ana Pérez"]


def test_overdue_rows_from_another_year_show_the_year(qtbot, window, clock, db):
    next_steps.add("Write to the old team", due=dt.date(2024, 11, 5), clock=clock)
    next_steps.add("Send Dana the deck", due=dt.date(2026, 3, 9), clock=clock)
    view = view_of(window)
    texts = [view.agenda_list.item(i).text() for i in range(view.agenda_list.count())]
    assert any(t.startswith("Write to the old team\nOverdue · Next step · 05 Nov 2024") for t in texts)
    assert any(t.startswith("Send Dana the deck\nOverdue · Next step · Mon 09 Mar") for t in texts)


def test_a_long_overdue_list_keeps_to_the_latest_and_points_to_today(qtbot, window, clock, db):
    from journal.ui.calendar.calendar_view import OVERDUE_LISTED

    for n in range(OVERDUE_LISTED + 7):
        next_steps.add(f"Old step {n:03}", due=TODAY - dt.timedelta(days=n + 1), clock=clock)
    view = view_of(window)
    texts = [view.agenda_list.item(i).text() for i in range(view.agenda_list.count())]
    assert texts[0] == f"Overdue ({OVERDUE_LISTED + 7})"
    assert texts[1] == "7 older ones: Today (Ctrl+1) lists them all"
    listed = [i.title for i in view.agenda_list.agenda_items() if i.overdue]
    assert len(listed) == OVERDUE_LISTED
    assert listed[0] == f"Old step {OVERDUE_LISTED - 1:03}" and listed[-1] == "Old step 000"  # oldest first
    assert not view.agenda_list.item(1).flags() & Qt.ItemFlag.ItemIsSelectable
    assert "57 overdue" in view.summary_label.text()
    # Only what the agenda lists is held for a drag; an older one dropped (from Today) is read.
    held = {k for k, i in view._items.items() if i.overdue}
    assert held == {i.key for i in view.agenda_list.agenda_items() if i.overdue}
    oldest = next(s for s in NextStep.select() if s.text == f"Old step {OVERDUE_LISTED + 6:03}")
    view._on_drop(f"next_step:{oldest.id}", TODAY + dt.timedelta(days=3))
    assert NextStep.get_by_id(oldest.id).due_date == TODAY + dt.timedelta(days=3)


# --- dates that matter -------------------------------------------------------------------------


@pytest.fixture
def yearly(db):
    from journal.store.models import PersonDate

    dana = Person.create(name="Dana Smith")
    leap = Person.create(name="Lea Leap")
    return {
        "dana": PersonDate.create(person=dana, kind="birthday", month=3, day=13, year=1986).id,
        "anniv": PersonDate.create(person=dana, kind="anniversary", month=3, day=13, year=2016).id,
        "leap": PersonDate.create(person=leap, kind="birthday", month=2, day=29, year=2004).id,
        "gone": PersonDate.create(person=Person.create(name="Old Friend", archived=True), month=3, day=13).id,
    }


def test_dates_show_on_their_day_in_the_grid_and_the_list_every_year(qtbot, steps, yearly, window, tmp_path):
    view = view_of(window)
    day = dt.date(2026, 3, 13)
    assert view.grid.count_on(day) == DayCount(0, 0, 2)  # the archived friend's is left out
    assert view.grid.count_on(dt.date(2026, 3, 12)) == DayCount(1, 0, 0)
    assert "2 dates that matter" in view.grid.count_on(day).describe()
    view.show_date(day)
    rows = [view.day_list.item(i).text() for i in range(view.day_list.count())]
    assert rows == [
        "Dana Smith's birthday (turns 40)\nBirthday · Every year",
        "Dana Smith: 10 years married\nAnniversary · Every year",
    ]
    row = view.day_list.item(0)
    assert not row.icon().isNull()
    assert not row.flags() & Qt.ItemFlag.ItemIsDragEnabled
    agenda = [view.agenda_list.item(i).text().split("\n")[0] for i in range(view.agenda_list.count())]
    assert "Dana Smith's birthday (turns 40)" in agenda
    view.resize(1100, 700)
    view.grab().save(str(tmp_path / "calendar_dates.png"))
    # 29 February: on the 28th in 2027, on the 29th in 2028.
    view.show_date(dt.date(2027, 2, 28))
    assert view.grid.count_on(dt.date(2027, 2, 28)).dates == 1
    assert view.day_list.item(0).text().startswith("Lea Leap's birthday (turns 23)")
    view.show_date(dt.date(2028, 2, 28))
    assert view.grid.count_on(dt.date(2028, 2, 28)).dates == 0
    assert view.grid.count_on(dt.date(2028, 2, 29)).dates == 1


def test_a_date_is_done_for_the_year_but_never_snoozed_moved_or_dragged(qtbot, yearly, window):
    from journal.store.models import PersonDate

    view = view_of(window)
    view.show_date(dt.date(2026, 3, 13))
    view.day_list.setFocus()
    select_row(qtbot, view.day_list, "Dana Smith's birthday")
    assert view.done_button.isEnabled()
    assert not view.snooze_button.isEnabled() and not view.reschedule_button.isEnabled()
    assert not view.snooze_action.isEnabled() and not view.reschedule_action.isEnabled()
    view.snooze(1)
    view.reschedule()
    view._on_drop(f"date:{yearly['dana']}", dt.date(2026, 3, 20))
    assert PersonDate.get_by_id(yearly["dana"]).acknowledged_on is None
    qtbot.keyClick(view.day_list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert PersonDate.get_by_id(yearly["dana"]).acknowledged_on == dt.date(2026, 3, 13)
    # Still on its day (it is a calendar), marked done, and Done is off for it now.
    select_row(qtbot, view.day_list, "Dana Smith's birthday")
    assert "done this year" in view.day_list.currentItem().text()
    assert not view.done_button.isEnabled()
    window.context.operations.undo()
    assert PersonDate.get_by_id(yearly["dana"]).acknowledged_on is None


def test_a_month_switch_lists_the_new_day_once_with_its_items(qtbot, db, window, clock, monkeypatch):
    from journal.ui.calendar import calendar_view

    march_30 = next_steps.add("End of March", due=dt.date(2026, 3, 30), clock=clock)
    april_30 = next_steps.add("End of April", due=dt.date(2026, 4, 30), clock=clock)
    assert march_30 and april_30
    view = view_of(window)
    grid = view.grid
    grid.select_date(dt.date(2026, 3, 30))  # still in sight in April's six weeks
    assert [i.title for i in view.day_list.agenda_items()] == ["End of March"]
    days = []
    listing = calendar_view.due_between

    def counted(start, end, **kw):
        if start == end:
            days.append(start)
        return listing(start, end, **kw)

    monkeypatch.setattr(calendar_view, "due_between", counted)
    grid.shift_month(1)
    assert grid.selected_date == dt.date(2026, 4, 30)
    assert days == [dt.date(2026, 4, 30)]
    assert [i.title for i in view.day_list.agenda_items()] == ["End of April"]
    days.clear()
    grid.select_date(dt.date(2026, 3, 30))  # back to March, and a day of it
    assert days == [dt.date(2026, 3, 30)]
    assert [i.title for i in view.day_list.agenda_items()] == ["End of March"]
    grid.select_date(dt.date(2026, 3, 9))  # a day of the month shown: listed, no month read
    assert days == [dt.date(2026, 3, 30), dt.date(2026, 3, 9)]
    assert view.day_list.agenda_items() == []
