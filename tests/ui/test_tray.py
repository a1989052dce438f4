"""The tray menu's actions, notifications, close-to-tray and the no-tray fallback."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from journal.desktop.autostart import Autostart
from journal.services.agenda import next_steps
from journal.store.models import NextStep

TODAY = dt.date(2026, 3, 11)


@pytest.fixture
def make_desktop(qtbot, context, monkeypatch, tmp_path):
    from journal.ui.calendar.calendar_view import CalendarView
    from journal.ui.main_window import MainWindow
    from journal.ui.tray.integration import DesktopIntegration

    quits = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    alerts = []
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda widget, ms=0: alerts.append(widget)))
    made = []

    def make(available=True):
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.add_view("calendar", "Calendar", CalendarView(context))
        desktop = DesktopIntegration(
            window, tray_available=available, autostart=Autostart("linux", config_home=tmp_path / "cfg")
        )
        desktop.notes = []
        monkeypatch.setattr(desktop.tray, "notify", lambda title, text, *a: desktop.notes.append((title, text)) or available)
        desktop.quits, desktop.alerts = quits, alerts
        made.append(desktop)
        return desktop

    yield make
    for desktop in made:
        desktop.stop()
    QApplication.setQuitOnLastWindowClosed(True)


@pytest.fixture
def due(db, clock):
    return {
        "late": next_steps.add("Send Dana the deck", due=dt.date(2026, 3, 9), clock=clock),
        "today": next_steps.add("Call Omar", due=TODAY, due_time=dt.time(14, 0), clock=clock),
        "later": next_steps.add("Quarterly review", due=dt.date(2026, 3, 25), clock=clock),
    }


def open_menu(desktop):
    desktop.tray.menu.aboutToShow.emit()
    return desktop.tray.menu


def texts(menu):
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_menu_lists_due_items_and_the_fixed_actions(qtbot, due, make_desktop):
    desktop = make_desktop()
    desktop.start()
    menu = open_menu(desktop)
    assert texts(menu) == [
        "Log conversation…",
        "Due now (2)",
        "Send Dana the deck (overdue)",
        "Call Omar",
        "Snooze all 1 hour",
        "Pause reminders",
        "Open Contact Journal",
        "Quit",
    ]
    sub = desktop.tray.item_menu(f"next_step:{due['today']}")
    assert texts(sub) == ["Done", "Snooze 1 hour", "Snooze until tomorrow", "Open"]
    assert desktop.tray.icon.toolTip() == "Contact Journal — 2 due (1 overdue)"


def test_menu_is_rebuilt_each_time_it_opens(qtbot, due, make_desktop, clock):
    desktop = make_desktop()
    desktop.start()
    open_menu(desktop)
    next_steps.add("Just added", due=TODAY, clock=clock)
    assert "Just added" in texts(open_menu(desktop))


def test_done_from_the_item_submenu(qtbot, due, make_desktop):
    desktop = make_desktop()
    desktop.start()
    open_menu(desktop)
    sub = desktop.tray.item_menu(f"next_step:{due['late']}")
    desktop.tray.action("Done", sub).trigger()
    assert NextStep.get_by_id(due["late"]).done_at is not None
    assert desktop.tray.icon.toolTip() == "Contact Journal — 1 due"
    assert "Send Dana the deck (overdue)" not in texts(open_menu(desktop))
    desktop.window.edit_actions.undo.trigger()  # Ctrl+Z in the window takes the tray's Done back
    assert NextStep.get_by_id(due["late"]).done_at is None
    assert "Send Dana the deck (overdue)" in texts(open_menu(desktop))


def test_a_refusal_from_the_tray_is_told_in_the_tray(qtbot, due, make_desktop, monkeypatch):
    desktop = make_desktop()
    desktop.start()
    told = []
    monkeypatch.setattr(desktop.tray, "notify", lambda title, text, icon=None: told.append(text))
    open_menu(desktop)
    sub = desktop.tray.item_menu(f"next_step:{due['late']}")
    NextStep.delete_by_id(due["late"])  # gone meanwhile (another program)
    desktop.tray.action("Done", sub).trigger()
    assert told == [f"There is no next step {due['late']}."]


def test_snooze_until_tomorrow_from_the_submenu(qtbot, due, make_desktop):
    desktop = make_desktop()
    desktop.start()
    open_menu(desktop)
    sub = desktop.tray.item_menu(f"next_step:{due['late']}")
    desktop.tray.action("Snooze until tomorrow", sub).trigger()
    assert NextStep.get_by_id(due["late"]).snoozed_until == dt.date(2026, 3, 12)


def test_snooze_all_reminds_again_in_an_hour(qtbot, due, make_desktop, clock):
    desktop = make_desktop()
    desktop.start()
    open_menu(desktop)
    desktop.tray.action("Snooze all 1 hour").trigger()
    in_an_hour = clock.now() + dt.timedelta(hours=1)
    assert desktop.preferences.snoozed == {
        f"next_step:{due['late']}": in_an_hour,
        f"next_step:{due['today']}": in_an_hour,
    }
    assert desktop.scheduler.target == in_an_hour
    clock.set(in_an_hour)
    with qtbot.waitSignal(desktop.scheduler.due) as blocker:
        desktop.scheduler.timer.start(0)
    assert len(blocker.args[0]) == 2
    assert desktop.notes[-1][0] == "2 items are due"


def test_pause_reminders(qtbot, due, make_desktop):
    desktop = make_desktop()
    desktop.start()
    assert desktop.scheduler.is_armed
    open_menu(desktop)
    pause = desktop.tray.action("Pause reminders")
    pause.trigger()
    assert desktop.preferences.reminders_paused
    assert not desktop.scheduler.is_armed
    assert "reminders paused" in desktop.tray.icon.toolTip()
    open_menu(desktop)
    assert desktop.tray.action("Pause reminders").isChecked()
    desktop.tray.action("Pause reminders").trigger()
    assert not desktop.preferences.reminders_paused
    assert desktop.scheduler.is_armed


def test_icon_marks_when_something_is_due(qtbot, db, make_desktop, clock):
    desktop = make_desktop()
    desktop.start()
    plain = desktop.tray.icon.icon().pixmap(32, 32).toImage()
    assert desktop.tray.icon.toolTip() == "Contact Journal — Nothing due"
    next_steps.add("Call Omar", due=TODAY, clock=clock)
    qtbot.waitUntil(lambda: "1 due" in desktop.tray.icon.toolTip(), timeout=1000)
    marked = desktop.tray.icon.icon().pixmap(32, 32).toImage()
    assert marked != plain


def test_one_item_falling_due_is_announced_and_its_message_opens_it(qtbot, due, make_desktop, clock):
    desktop = make_desktop()
    opened = []
    desktop.window.register_opener("next_step", "calendar", opened.append)
    desktop.start()
    clock.set(dt.datetime(2026, 3, 11, 14, 0))
    with qtbot.waitSignal(desktop.scheduler.due):
        desktop.scheduler.timer.start(0)
    assert desktop.notes == [("Due now", "Call Omar")]
    desktop.tray.icon.messageClicked.emit()
    assert opened == [due["today"]]
    assert desktop.window.isVisible()


def test_several_items_falling_due_make_one_summary(qtbot, db, make_desktop, clock):
    for title in ("A", "B", "C"):
        next_steps.add(title, due=dt.date(2026, 3, 12), clock=clock)
    desktop = make_desktop()
    desktop.start()
    clock.set(dt.datetime(2026, 3, 12, 9, 0))
    with qtbot.waitSignal(desktop.scheduler.due):
        desktop.scheduler.timer.start(0)
    assert desktop.notes == [("3 items are due", "• A\n• B\n• C")]
    desktop.tray.icon.messageClicked.emit()
    assert desktop.window.current_key() == "calendar"


def test_close_hides_to_tray_explained_once_and_quit_really_quits(qtbot, db, make_desktop):
    desktop = make_desktop()
    desktop.start()
    window = desktop.window
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    assert len(desktop.notes) == 1 and "keeps running in the system tray" in desktop.notes[0][1]
    desktop.tray.action("Open Contact Journal").trigger()
    assert window.isVisible()
    window.close()
    assert len(desktop.notes) == 1  # said once only
    assert desktop.quits == []
    open_menu(desktop)
    desktop.tray.action("Quit").trigger()
    qtbot.waitUntil(lambda: desktop.quits != [], timeout=1000)


def test_start_minimized_stays_in_the_tray(qtbot, db, make_desktop):
    desktop = make_desktop()
    desktop.start(minimized=True)
    assert not desktop.window.isVisible()
    desktop.handle_message({"action": "raise"})
    assert desktop.window.isVisible()


def test_without_a_tray_reminders_show_in_the_window(qtbot, due, make_desktop, clock):
    desktop = make_desktop(available=False)
    desktop.start(minimized=True)
    window = desktop.window
    assert window.isVisible()  # never hidden where nothing could bring it back
    assert desktop.banner.isVisible()
    assert "No system tray" in desktop.banner.label.text()
    clock.set(dt.datetime(2026, 3, 11, 14, 0))
    with qtbot.waitSignal(desktop.scheduler.due):
        desktop.scheduler.timer.start(0)
    assert desktop.banner.label.text() == "Due now: Call Omar"
    assert desktop.alerts == [window]
    window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: desktop.quits != [], timeout=1000)


def test_no_tray_notice_is_given_once(qtbot, db, make_desktop):
    first = make_desktop(available=False)
    first.start()
    assert first.banner.isVisible()
    second = make_desktop(available=False)
    second.start()
    assert not second.banner.isVisible()


def test_log_conversation_from_the_tray(qtbot, db, make_desktop):
    desktop = make_desktop()
    calls = []
    desktop.window.open_log_dialog = lambda: calls.append("log")
    desktop.start(minimized=True)
    open_menu(desktop)
    desktop.tray.action("Log conversation…").trigger()
    assert calls == ["log"]
    assert desktop.window.isVisible()
    desktop.handle_message({"action": "log"})
    assert calls == ["log", "log"]


def test_export_calendar_menu_action(qtbot, due, make_desktop, tmp_path, monkeypatch):
    from journal.interop.ical import read_todos

    desktop = make_desktop()
    desktop.start()
    target = tmp_path / "out.ics"
    monkeypatch.setattr(desktop, "ask_export_path", lambda: target)
    assert desktop.export_action in desktop.window.file_menu.actions()
    desktop.export_action.trigger()
    assert len(read_todos(target.read_bytes())) == 3
    assert "Exported 3 to-do(s)" in desktop.window.statusBar().currentMessage()


# --- dates that matter -------------------------------------------------------------------------


@pytest.fixture
def dates_due(db, clock):
    from journal.store.models import Job, Organisation, Person, PersonDate

    dana = Person.create(name="Dana Smith")
    quiet = Person.create(name="Quiet Person", date_reminders=False)
    gus = Person.create(name="Gus Mover")
    Job.create(person=gus, organisation=Organisation.create(name="Acme"), role="VP", noticed_on=TODAY)
    return {
        "dana": PersonDate.create(person=dana, kind="birthday", month=3, day=11, year=1986).id,
        "quiet": PersonDate.create(person=quiet, kind="birthday", month=3, day=11).id,
        "step": next_steps.add("Call Omar", due=TODAY, due_time=dt.time(14, 0), clock=clock),
    }


def test_todays_dates_are_counted_and_listed_without_snooze(qtbot, dates_due, make_desktop, clock):
    from journal.store.models import PersonDate

    desktop = make_desktop()
    desktop.start()
    menu = open_menu(desktop)
    assert desktop.tray.icon.toolTip() == "Contact Journal — 2 due"  # the step and Dana's birthday
    assert "Dana Smith's birthday (turns 40)" in texts(menu)
    assert not any("Quiet Person" in t or "Gus Mover" in t for t in texts(menu))  # no reminder; not urgent
    sub = desktop.tray.item_menu(f"date:{dates_due['dana']}")
    assert not desktop.tray.action("Snooze 1 hour", sub).isEnabled()
    assert not desktop.tray.action("Snooze until tomorrow", sub).isEnabled()
    assert desktop.tray.action("Snooze 1 hour", desktop.tray.item_menu(f"next_step:{dates_due['step']}")).isEnabled()
    desktop.tray.action("Snooze all 1 hour").trigger()
    assert list(desktop.preferences.snoozed) == [f"next_step:{dates_due['step']}"]
    desktop.tray.action("Done", sub).trigger()
    assert PersonDate.get_by_id(dates_due["dana"]).acknowledged_on == TODAY
    assert desktop.tray.icon.toolTip() == "Contact Journal — 1 due"
    desktop.window.edit_actions.undo.trigger()
    assert PersonDate.get_by_id(dates_due["dana"]).acknowledged_on is None


def test_the_preference_turns_date_reminders_off_unless_the_person_said_on(qtbot, dates_due, make_desktop):
    desktop = make_desktop()
    desktop.preferences.date_reminders = False
    desktop.start()
    open_menu(desktop)
    assert desktop.tray.icon.toolTip() == "Contact Journal — 1 due"


class FakeNotifier(QObject):
    actionInvoked = Signal(str, str)
    failed = Signal(str, str, str)

    def __init__(self) -> None:
        super().__init__()
        self.shown = []

    def show(self, key, summary, body, actions=()):
        self.shown.append((key, summary, body, [a for a, _label in actions]))
        return True


def test_a_date_is_notified_as_today_with_done_but_no_snooze_button(qtbot, dates_due, make_desktop, clock):
    from journal.store.models import PersonDate

    desktop = make_desktop()
    notifier = FakeNotifier()
    desktop.tray.notifications.use(notifier)
    desktop.preferences.last_checked = dt.datetime(2026, 3, 11, 8, 0)
    desktop.start()
    qtbot.waitUntil(lambda: bool(notifier.shown))
    key, summary, body, actions = notifier.shown[-1]
    assert key == f"date:{dates_due['dana']}"
    assert summary == "Today: Dana Smith's birthday (turns 40)"
    assert body.startswith("Birthday · ")
    assert "snooze-1h" not in actions and "done" in actions
    notifier.actionInvoked.emit(key, "snooze-1h")  # an old button from elsewhere: nothing happens
    assert desktop.preferences.snoozed == {}
    notifier.actionInvoked.emit(key, "done")
    assert PersonDate.get_by_id(dates_due["dana"]).acknowledged_on == TODAY


def test_a_date_reminded_days_before_says_when(qtbot, db, make_desktop):
    from journal.domain.agenda import AgendaItem, ItemKind
    from journal.ui.tray.controller import TrayController

    item = AgendaItem(ItemKind.DATE, 1, "x", dt.date(2026, 3, 14), False, ("Dana Smith",),
                      facts=(("date_kind", "anniversary"), ("years", 10)))
    title, _text = TrayController.message_for([item], TODAY)
    assert title == "In 3 days: Dana Smith: 10 years married"
    step = AgendaItem(ItemKind.NEXT_STEP, 2, "Call Omar", TODAY, False)
    assert TrayController.message_for([item, step], TODAY)[1] == "• In 3 days: Dana Smith: 10 years married\n• Call Omar"


def test_preferences_applied_refresh_how_far_ahead_today_lists_dates(qtbot, db, make_desktop, context):
    from PySide6.QtWidgets import QDialogButtonBox

    from journal.store.models import Person, PersonDate
    from journal.ui.today.today_view import TodayView

    PersonDate.create(person=Person.create(name="Fay Later"), kind="birthday", month=3, day=23)
    desktop = make_desktop()
    today = TodayView(context)
    desktop.window.add_view("today", "Today", today)
    desktop.start()
    assert today.model.is_empty()
    dialog = desktop.open_preferences()
    dialog.today_date_days.setValue(14)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert desktop.preferences.today_date_days == 14
    assert today.model.items_of(today.model.item(today.model.index(1, 0)).group)[0].title == "Fay Later's birthday"
