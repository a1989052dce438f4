"""Today's suggestions (contact seen in mail and calendars) driven by keys, checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.pipeline import Stage
from journal.services.agenda.today import Group, Suggested
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.scan import known, runner
from journal.services.transaction import write
from journal.store.models import Conversation, Introduction, Participant, Person, SuggestionState
from journal.ui.dialogs.log_dialog import LogDialog
from journal.ui.today.today_view import TodayView
from tests.services.scan.helpers import event, ics, message, person, write_mbox
from tests.ui.test_today import titles, when_modal

DAY = dt.timedelta(days=1)


def _own(*addresses):
    with write():
        known.set_own_addresses(list(addresses))


@pytest.fixture
def window(qtbot, context):
    from journal.ui.main_window import MainWindow

    win = MainWindow(context)
    view = TodayView(context)
    win.add_view("today", "Today", view)
    win.opened = []
    for kind in ("person", "introduction"):
        win.register_opener(kind, "today", lambda ident, k=kind: win.opened.append((k, ident)))
    view.acted.connect(lambda text: win.statusBar().showMessage(text))
    qtbot.addWidget(win)
    win.resize(1100, 600)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    view.table.setFocus()
    return win


@pytest.fixture
def view(window) -> TodayView:
    return window.view("today")


@pytest.fixture
def meeting(db, clock, tmp_path):
    """Dana Smith, and a calendar with a coffee with her two days ago at Café Rosa (scanned)."""
    dana = person("Dana Smith", "dana@example.org")
    _own("me@example.com")
    path = tmp_path / "cal.ics"
    start = clock.now() - 2 * DAY  # Mon 9 Mar 2026, 09:30
    path.write_text(ics(event("coffee-1", start, attendees=("me@example.com", "dana@example.org"), location="Café Rosa")))
    return {"dana": dana, "start": start, "path": path}


def _scan(clock, meeting):
    runner.scan_path("calendar", str(meeting["path"]), clock=clock)


def _suggestions(view) -> list[str]:
    return next((items for heading, items in titles(view).items() if heading.startswith("Suggestions")), [])


def _select_first_suggestion(view) -> None:
    (item,) = view.model.items_of(Group.SUGGESTIONS)[:1]
    assert view.select(item.kind.value, item.key)


def _key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(view.table, k, modifier)


def _undo(qtbot, window, modifiers=Qt.KeyboardModifier.ControlModifier):
    """Ctrl+Z in the window, once it is the active one again (a dialog just closed)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.view("today").table, Qt.Key.Key_Z, modifiers)


def test_a_scanned_meeting_shows_up_in_today_with_its_own_words(qtbot, qtmodeltester, view, meeting, clock):
    assert _suggestions(view) == []
    _scan(clock, meeting)  # the scan's change notice refreshes the list
    qtbot.waitUntil(lambda: _suggestions(view) == ["You met Dana Smith on Mon 09 Mar (Coffee chat) — log it?"])
    qtmodeltester.check(view.model)
    (item,) = view.model.items_of(Group.SUGGESTIONS)
    index = view.model.index_of(("meeting", item.key))
    assert index.siblingAtColumn(1).data() == "09:30 · in person"
    assert index.siblingAtColumn(2).data() == "2 days ago"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Café Rosa" in tip and "Enter or L: log it" in tip and "D or Delete" in tip
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert view.summary.text() == "1 suggestion"
    _select_first_suggestion(view)
    assert view.done_button.text() == "Dismiss  (D)"
    assert view.open_button.text() == "Log it…  (Enter)"
    assert not view.snooze_button.isEnabled() and not view.write_button.isVisible()
    assert "Delete" in view.hint.text()


def test_enter_opens_the_log_dialog_filled_in_and_saving_logs_it_and_undo_takes_both_back(
    qtbot, window, view, meeting, clock
):
    _scan(clock, meeting)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    _select_first_suggestion(view)
    key = view.current_item().key
    _key(qtbot, view, Qt.Key.Key_Return)
    dialog = window.findChild(LogDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.picker.people() == [(meeting["dana"], "Dana Smith")]
    assert dialog.when.dateTime() == QDateTime(meeting["start"])
    assert dialog.summary.text() == "Coffee chat"
    assert dialog.channel.currentData() == "in person"
    assert not dialog.has_input()  # what it came with is not the user's typing: Esc just closes
    qtbot.waitUntil(lambda: dialog.notes.hasFocus())  # who, when and what are in: the notes are next
    qtbot.keyClicks(dialog.notes, "She is moving to Berlin")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    (conversation,) = Conversation.select()
    assert conversation.occurred_at == meeting["start"]
    assert (conversation.summary, conversation.channel, conversation.notes) == ("Coffee chat", "in person", "She is moving to Berlin")
    assert [p.person_id for p in Participant.select()] == [meeting["dana"]]
    assert SuggestionState.get(SuggestionState.key == key).state == "logged"
    assert _suggestions(view) == []
    assert "Logged your meeting with Dana Smith" in window.statusBar().currentMessage()

    view.table.setFocus()
    _undo(qtbot, window)  # one undo: the conversation and the mark
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    assert Conversation.select().count() == 0 and SuggestionState.select().count() == 0
    assert view.current_item().key == key  # what came back is selected
    _undo(qtbot, window, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo
    qtbot.waitUntil(lambda: _suggestions(view) == [])
    assert Conversation.select().count() == 1


def test_l_opens_it_too_and_the_open_button_and_the_menu_do_the_same(qtbot, window, view, meeting, clock):
    _scan(clock, meeting)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    _select_first_suggestion(view)
    _key(qtbot, view, Qt.Key.Key_L)
    dialog = window.findChild(LogDialog)
    assert dialog is not None and dialog.isVisible() and dialog.summary.text() == "Coffee chat"
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    qtbot.waitUntil(lambda: window.findChild(LogDialog) is None)
    assert Conversation.select().count() == 0 and len(_suggestions(view)) == 1

    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(LogDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.done(0)
    qtbot.waitUntil(lambda: window.findChild(LogDialog) is None)

    seen = []

    def read_menu(menu):
        seen.extend(a.text() for a in menu.actions())
        menu.close()

    when_modal(read_menu)
    view._context_menu(view.table.visualRect(view.table.currentIndex()).center())
    assert seen == ["Log it…", "Dismiss for good", "Open Dana Smith"]


@pytest.mark.parametrize("k", [Qt.Key.Key_Delete, Qt.Key.Key_D])
def test_delete_or_d_dismisses_it_for_good_and_undo_brings_it_back(qtbot, window, view, meeting, clock, k):
    _scan(clock, meeting)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    _select_first_suggestion(view)
    key = view.current_item().key
    _key(qtbot, view, k)
    assert SuggestionState.get(SuggestionState.key == key).state == "dismissed"
    assert _suggestions(view) == [] and view.pages.currentWidget() is view.empty
    assert "Dismissed: You met Dana Smith" in window.statusBar().currentMessage()
    _scan(clock, meeting)  # a new scan does not bring it back
    assert _suggestions(view) == []
    _undo(qtbot, window)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    assert SuggestionState.select().count() == 0
    assert view.current_item().key == key


def test_a_dismissal_reads_the_suggestions_again_not_the_whole_list(qtbot, qtmodeltester, window, view, meeting, clock, monkeypatch):
    from journal.ui.today import today_view

    log_conversation([PersonRef.named("Ann Other")], when=clock.now() - 20 * DAY, clock=clock)
    Person.update(cadence_days=14, cadence_set_on=clock.today() - 30 * DAY).where(Person.name == "Ann Other").execute()
    _scan(clock, meeting)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    assert list(titles(view)) == ["Keep in touch (1)", "Suggestions (1)"]
    reads = []
    real = today_view.today_items
    monkeypatch.setattr(today_view, "today_items", lambda **kw: reads.append(1) or real(**kw))
    _select_first_suggestion(view)
    _key(qtbot, view, Qt.Key.Key_Delete)
    assert list(titles(view)) == ["Keep in touch (1)"] and reads == []
    assert view.current_item().people == ("Ann Other",)  # the selection moves to what is left
    qtmodeltester.check(view.model)
    _undo(qtbot, window)
    qtbot.waitUntil(lambda: "Suggestions (1)" in titles(view))
    assert reads == []
    assert [view.table.columnSpan(row, 0) for row in view.model.heading_rows()] == [3, 3]
    assert view.summary.text() == "1 person to keep in touch with · 1 suggestion"


@pytest.fixture
def offer(db, clock, tmp_path):
    """Dana offered to introduce Sam ten days ago; a message from Dana with Sam on it since."""
    now = clock.now()
    result = log_conversation([PersonRef.named("Dana Smith")], when=now - 10 * DAY, clock=clock,
                              offers=[OfferDraft(PersonRef.named("Sam Lee"))])
    from journal.store.models import ContactDetail

    for name, address in (("Dana Smith", "dana@example.org"), ("Sam Lee", "sam@example.org")):
        pid = Person.get(Person.name == name).id
        ContactDetail.create(person=pid, kind="email", value=address, normalized=address)
    _own("me@example.com")
    box = write_mbox(tmp_path / "mbox", [message("dana@example.org", "me@example.com", now - 4 * DAY, cc="sam@example.org")])
    return {"intro": result.introduction_ids[0], "box": box}


def test_enter_on_a_stage_hint_marks_the_introduction_introduced_and_undo_takes_it_back(qtbot, window, view, offer, clock):
    runner.scan_path("mail", str(offer["box"]), clock=clock)
    qtbot.waitUntil(lambda: _suggestions(view) == ["Dana Smith replied on the thread with Sam Lee — mark introduced?"])
    (item,) = view.model.items_of(Group.SUGGESTIONS)
    assert item.kind is Suggested.STAGE
    index = view.model.index_of(("stage", item.key))
    assert index.siblingAtColumn(1).data() == "Dana Smith → Sam Lee"
    assert index.siblingAtColumn(2).data() == "4 days ago"
    view.select("stage", item.key)
    assert view.open_button.text() == "Mark introduced  (Enter)"
    _key(qtbot, view, Qt.Key.Key_Return)
    assert Introduction.get_by_id(offer["intro"]).stage == Stage.INTRODUCED.value
    assert SuggestionState.get(SuggestionState.key == item.key).state == "logged"
    assert _suggestions(view) == []
    assert "Dana Smith → Sam Lee: now Introduced" in window.statusBar().currentMessage()
    _undo(qtbot, window)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    assert Introduction.get_by_id(offer["intro"]).stage == Stage.OFFERED.value
    assert SuggestionState.select().count() == 0


def test_snooze_keys_leave_a_suggestion_alone_and_say_why(qtbot, window, view, meeting, clock):
    _scan(clock, meeting)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 1)
    _select_first_suggestion(view)
    for k in (Qt.Key.Key_1, Qt.Key.Key_W, Qt.Key.Key_S, Qt.Key.Key_C):
        _key(qtbot, view, k)
    assert "no day to snooze" in window.statusBar().currentMessage()
    assert SuggestionState.select().count() == 0 and len(_suggestions(view)) == 1


def test_the_list_with_suggestions_looks_right(qtbot, window, view, meeting, offer, clock, tmp_path):
    more = tmp_path / "more.ics"
    kim = person("Kim Park", "kim@example.org")
    lee = person("Lee Wong", "lee@example.org")
    more.write_text(ics(
        event("standup", clock.now() - 6 * DAY, summary="Project kickoff", location="https://meet.example.com/abc",
              attendees=("me@example.com", "kim@example.org", "lee@example.org", "dana@example.org")),
        event("lunch", clock.now() - 9 * DAY, summary="", attendees=("kim@example.org",)),
    ))
    _scan(clock, meeting)
    runner.scan_path("calendar", str(more), clock=clock)
    runner.scan_path("mail", str(offer["box"]), clock=clock)
    qtbot.waitUntil(lambda: len(_suggestions(view)) == 4)
    assert kim and lee
    assert _suggestions(view)[1:] == [
        "Dana Smith replied on the thread with Sam Lee — mark introduced?",
        "You met Dana Smith, Kim Park and Lee Wong on Thu 05 Mar (Project kickoff) — log it?",
        "You met Kim Park on Mon 02 Mar — log it?",
    ]
    index = view.model.index_of(("meeting", view.model.items_of(Group.SUGGESTIONS)[2].key))
    assert index.siblingAtColumn(1).data() == "09:30"  # "other" as the channel says nothing
    _select_first_suggestion(view)
    view.window().grab().save(str(tmp_path / "today_suggestions.png"))
    _key(qtbot, view, Qt.Key.Key_Return)
    dialog = window.findChild(LogDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.grab().save(str(tmp_path / "log_from_meeting.png"))
    dialog.done(0)


def test_a_meeting_shows_up_once_it_has_ended(qtbot, view, meeting, clock, tmp_path):
    later = tmp_path / "today.ics"
    later.write_text(ics(event("call-1", clock.now() + dt.timedelta(minutes=30), summary="Catch-up call",
                               attendees=("dana@example.org",))))  # 10:00 to 11:00
    runner.scan_path("calendar", str(later), clock=clock)
    assert _suggestions(view) == []  # not over yet
    view._day_timer.timeout.emit()  # the once-a-minute check
    clock.advance(minutes=60)
    view._day_timer.timeout.emit()
    assert _suggestions(view) == []
    clock.advance(minutes=31)  # 11:01
    view._day_timer.timeout.emit()
    assert _suggestions(view) == ["You met Dana Smith on Wed 11 Mar (Catch-up call) — log it?"]
