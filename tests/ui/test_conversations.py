"""The Conversations view driven like a user: open with Enter, edit, save, delete."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.services.conversations import listing as conversation_list
from journal.services.conversations.records import PersonRef, log_conversation
from journal.store.models import Conversation, Participant, Person
from journal.ui.conversations.conversations_model import ConversationsModel
from journal.ui.conversations.conversations_view import ConversationsView


@pytest.fixture
def journal(context, clock):
    first = log_conversation(
        [PersonRef.named("Dana Smith"), PersonRef.named("Bo Chen")],
        when=dt.datetime(2026, 2, 20, 11, 0),
        channel="call",
        summary="Intro call about the platform team",
        notes="Dana knows the hiring manager.",
        clock=clock,
    )
    second = log_conversation(
        [PersonRef.named("Ali Khan")],
        when=dt.datetime(2026, 3, 9, 8, 15),
        channel="in person",
        notes="Breakfast. " + "Long notes " * 30,
        clock=clock,
    )
    return {"older": first.conversation_id, "newer": second.conversation_id}


def make_view(qtbot, context, host):
    view = ConversationsView(context)
    view.host = host(view, (900, 500))
    return view


def test_model_passes_modeltester(qtmodeltester, context, journal):
    qtmodeltester.check(ConversationsModel(context.clock))


def test_newest_first_with_people_and_snippet(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    model = view.model
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(3)] == ["Mon 09 Mar, 08:15", "in person", "Ali Khan"]
    assert model.index(1, 2).data() == "Bo Chen, Dana Smith"
    assert model.index(1, 3).data() == "Intro call about the platform team — Dana knows the hiring manager."
    snippet = model.index(0, 3).data()
    assert snippet.endswith("…") and len(snippet) <= conversation_list.SNIPPET_LENGTH


def test_enter_opens_the_editor_and_saves(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.select(journal["older"])
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.summary.hasFocus)
    assert dialog.summary.text() == "Intro call about the platform team"
    dialog.summary.selectAll()
    qtbot.keyClicks(dialog.summary, "Platform team, second call")
    dialog.channel.setCurrentText("video")
    bo = Person.get(Person.name == "Bo Chen")
    dialog.picker.remove((bo.id, "Bo Chen"))
    qtbot.keyClicks(dialog.picker.edit, "Erin Park")  # a new name creates a person
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    conv = Conversation.get_by_id(journal["older"])
    assert conv.summary == "Platform team, second call" and conv.channel == "video"
    names = sorted(p.person.name for p in Participant.select().where(Participant.conversation == conv.id))
    assert names == ["Dana Smith", "Erin Park"]
    row = view.model.row_of(conv.id)
    assert view.model.index(row, 2).data() == "Dana Smith, Erin Park"


def test_saving_without_people_is_refused(qtbot, context, journal, monkeypatch, host):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    view = make_view(qtbot, context, host)
    view.edit_conversation(journal["newer"])
    dialog = view.dialog
    ali = Person.get(Person.name == "Ali Khan")
    dialog.picker.remove((ali.id, "Ali Khan"))
    dialog.accept()
    assert shown and "at least one person" in shown[0]
    assert dialog.isVisible()
    assert Participant.select().where(Participant.conversation == journal["newer"]).count() == 1


def test_delete_is_confirmed(qtbot, context, journal, monkeypatch, host):
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    view = make_view(qtbot, context, host)
    view.select(journal["newer"])
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert Conversation.get_or_none(Conversation.id == journal["newer"]) is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert Conversation.get_or_none(Conversation.id == journal["newer"]) is None
    assert view.model.rowCount() == 1
    assert view.host.edit_actions.bar.isVisible() and "Deleted the conversation of" in view.host.edit_actions.bar.label.text()


def test_ctrl_z_brings_a_deleted_conversation_back_with_its_people(qtbot, context, journal, monkeypatch, host):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view = make_view(qtbot, context, host)
    view.select(journal["older"])
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert Conversation.get_or_none(Conversation.id == journal["older"]) is None
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Conversation.get_by_id(journal["older"]).summary == "Intro call about the platform team"
    names = {p.person.name for p in Participant.select().where(Participant.conversation == journal["older"])}
    assert names == {"Dana Smith", "Bo Chen"}
    assert view.current_id() == journal["older"]
    assert not view.host.edit_actions.bar.isVisible()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left to undo
    assert view.model.rowCount() == 2


def test_undo_button_and_dismiss(qtbot, context, journal, monkeypatch, host):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view = make_view(qtbot, context, host)
    view.select(journal["newer"])
    view.delete_current()
    qtbot.mouseClick(view.host.edit_actions.bar.close_button, Qt.MouseButton.LeftButton)
    assert not view.host.edit_actions.bar.isVisible()
    view.select(journal["older"])
    view.delete_current()
    qtbot.mouseClick(view.host.edit_actions.bar.undo_button, Qt.MouseButton.LeftButton)
    assert Conversation.get_or_none(Conversation.id == journal["older"]) is not None
    assert Conversation.get_or_none(Conversation.id == journal["newer"]) is None  # only the last delete


def test_empty_state(qtbot, context, host):
    view = make_view(qtbot, context, host)
    assert view.stack.currentWidget() is view.empty
    assert "Ctrl+N" in view.empty.text.text()


def test_lazy_rows(qtbot, context, clock, host):
    from journal.store.models import DB

    with DB.atomic():
        Conversation.insert_many(
            [{"occurred_at": dt.datetime(2025, 1, 1) + dt.timedelta(hours=i), "summary": f"c{i}"} for i in range(2000)]
        ).execute()
    view = make_view(qtbot, context, host)
    qtbot.waitUntil(lambda: view.model.fetched_count > 0)  # the first screenful is painted
    QApplication.processEvents()  # and what it set off (selecting the first row) has run
    assert view.model.rowCount() == 2000
    assert view.model.fetched_count <= 50


def test_filter_by_words_or_a_person(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.filter.hasFocus)
    qtbot.keyClicks(view.filter, "hiring")  # in the notes
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)
    assert [view.model.conversation_id(r) for r in range(view.model.rowCount())] == [journal["older"]]
    assert view.count_label.text() == "1 matching, newest first"
    view.filter.clear()
    qtbot.keyClicks(view.filter, "ali")  # a participant
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.conversation_id(0) == journal["newer"])
    view.filter.setFocus()
    qtbot.keyClicks(view.filter, "zzz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.stack.currentWidget() is view.empty and "Esc" in view.empty.text.text()
    qtbot.keyClick(view.filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
