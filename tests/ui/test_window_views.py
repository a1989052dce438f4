"""The composed window: views in their order with Today first, the Log action, and --demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from journal.services import operations
from journal.ui.dialogs.log_dialog import LogDialog

ORDER = ["today", "people", "conversations", "introductions", "organisations", "calendar"]


@pytest.fixture
def window(qtbot, context):
    from journal.app import build_main_window

    win = build_main_window(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_views_come_in_order_with_today_first_and_shown_at_first_start(window):
    assert window._keys[: len(ORDER)] == ORDER
    assert [window.sidebar.item(i).text() for i in range(3)] == ["Today", "People", "Conversations"]
    assert window.current_key() == "today"
    assert not window.sidebar.item(0).icon().isNull()


def test_log_conversation_is_in_the_toolbar_and_the_file_menu_with_ctrl_n(qtbot, window):
    action = window.log_action
    assert action in window.toolbar.actions() and action in window.file_menu.actions()
    assert action.shortcut().toString() == "Ctrl+N"
    assert not action.icon().isNull()
    button = window.toolbar.widgetForAction(action)
    assert button.text() == "Log conversation"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(LogDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.done(0)


def test_a_logged_conversation_shows_on_today_at_once(qtbot, window, clock):
    from journal.services.conversations.records import PersonRef, StepDraft, log_conversation

    today = window.view("today")
    assert today.pages.currentWidget() is today.empty
    operations.run(log_conversation, [PersonRef.named("Ann")], next_steps=[StepDraft("Call Ann", clock.today())], clock=clock)
    assert today.pages.currentWidget() is today.table
    assert today.current_item().title == "Call Ann"


FOCUSED = {
    "today": "todayList",
    "people": "peopleTable",
    "conversations": "conversationsTable",
    "introductions": "cardsOffered",
    "organisations": "organisationsTable",
    "calendar": "monthGrid",
}


@pytest.fixture
def active_window(qtbot, context, clock):
    """The composed window over the demo journal, shown and active (it has the keyboard)."""
    from journal.app import build_main_window
    from journal.services.upkeep.demo import populate

    populate(clock=clock)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_the_keyboard_starts_in_today_and_ctrl_number_takes_it_into_each_view(qtbot, active_window):
    window = active_window
    assert QApplication.focusWidget().objectName() == "todayList"  # D, S, Enter work at once
    for number, key in enumerate(ORDER, 1):
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key
        assert QApplication.focusWidget().objectName() == FOCUSED[key]


def test_arrows_in_the_sidebar_keep_the_keyboard_there_and_enter_goes_in(qtbot, active_window):
    window = active_window
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.current_key() == "people" and QApplication.focusWidget() is window.sidebar
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.current_key() == "conversations" and QApplication.focusWidget() is window.sidebar
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Return)
    assert QApplication.focusWidget().objectName() == "conversationsTable"


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_demo_opens_a_filled_throwaway_journal_and_removes_it(monkeypatch, qtapp_for_demo):
    from journal.cli import run
    from journal.services.upkeep import demo
    from journal.store.models import Conversation, Person

    seen = {}
    folders = []
    real_folder = demo.new_demo_folder

    def folder() -> Path:
        folders.append(real_folder())
        return folders[-1]

    def exec_once(*_args) -> int:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "MainWindow" and w.context.journal_path.name == demo.DEMO_FILENAME
        )
        # The window paints first; the journal opens (and the first view is built) right after.
        while "today" in window._factories:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        QApplication.processEvents()
        seen["title"] = window.windowTitle()
        seen["path"] = window.context.journal_path
        seen["people"] = Person.select().count()
        seen["conversations"] = Conversation.select().count()
        from journal.services.scan.suggestions import suggestions

        seen["suggestions"] = len(suggestions())  # its calendar and inbox were scanned
        window.hide()
        window.context.signals.detach()
        return 0

    monkeypatch.setattr(demo, "new_demo_folder", folder)
    monkeypatch.setattr(QApplication, "exec", exec_once)
    assert run(["--demo"]) == 0
    assert seen["title"] == "Demo journal (thrown away when you quit) — Contact Journal"
    assert seen["path"].parent == folders[0]
    assert seen["people"] >= 30 and seen["conversations"] >= 60
    assert seen["suggestions"] >= 2
    assert not folders[0].exists()


@pytest.fixture
def qtapp_for_demo(qapp):
    """After the app "quits", its window (and the timers of what hangs off it) go at once, as
    they would with the process; the demo journal they used is gone by then."""
    yield qapp
    import shiboken6

    from journal.services.upkeep.demo import DEMO_FILENAME

    doomed = [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "MainWindow" and w.context.journal_path.name == DEMO_FILENAME
    ]
    for widget in doomed:
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)


def test_a_hidden_view_catches_up_on_changes_when_it_is_shown(qtbot, window, clock):
    from journal.services import operations
    from journal.services.people.records import add_person
    from journal.store.models import Person

    people = window.view("people")
    window.show_view("today")
    reloads = []
    people.model.modelReset.connect(lambda: reloads.append(1))
    operations.run(add_person, "Zed Zulu", clock=clock)
    assert reloads == []  # behind Today, People waits
    window.show_view("people")
    assert len(reloads) == 1
    assert people.model.row_of(Person.get(Person.name == "Zed Zulu").id) >= 0
