"""The People view driven like a user: filter, sort, edit, archive, delete and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.people import records as people
from journal.services.people import table as people_table
from journal.store.models import ContactDetail, Introduction, NextStep, Participant, Person
from journal.ui.people.people_model import PeopleModel
from journal.ui.people.people_view import PeopleView


@pytest.fixture
def journal(context, clock):
    dana = people.create_person("Dana Smith", organisation="Acme", role="CTO", clock=clock)
    bo = people.create_person("Bo Chen", organisation="Zenith", role="Designer", clock=clock)
    ali = people.create_person("Ali Khan", clock=clock)
    people.set_tags(dana.id, ["investor"])
    people.set_cadence(bo.id, 14, clock=clock)
    log_conversation(
        [PersonRef(id=dana.id)],
        when=dt.datetime(2026, 3, 2, 10),
        summary="Coffee about the seed round",
        offers=[OfferDraft(target=PersonRef(id=ali.id))],
        next_steps=[StepDraft("Send the deck", due=dt.date(2026, 3, 13))],
        clock=clock,
    )
    log_conversation([PersonRef(id=bo.id)], when=dt.datetime(2026, 1, 5, 15), clock=clock)
    return {"dana": dana.id, "bo": bo.id, "ali": ali.id}


def make_view(qtbot, context, host):
    view = PeopleView(context)
    view.host = host(view, (1100, 700))
    return view


def names(view):
    model = view.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_modeltester(qtmodeltester, context, journal):
    model = PeopleModel(context.clock)
    qtmodeltester.check(model)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_columns_and_sorting_by_header_click(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    assert names(view) == ["Ali Khan", "Bo Chen", "Dana Smith"]
    model = view.model
    row = model.row_of(journal["dana"])
    assert [model.index(row, c).data() for c in range(6)] == ["Dana Smith", "Acme", "CTO", "02 Mar", "", "investor"]
    bo_row = model.row_of(journal["bo"])
    assert model.index(bo_row, 4).data() == "19 Jan"  # 5 Jan + 14 days: overdue
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(3) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = names(view)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second = names(view)
    # Last contact ascending then descending; the never-contacted person stays last both ways.
    assert {tuple(first), tuple(second)} == {("Bo Chen", "Dana Smith", "Ali Khan"), ("Dana Smith", "Bo Chen", "Ali Khan")}


def test_filter_box_with_ctrl_f(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.filter.hasFocus)
    qtbot.keyClicks(view.filter, "acme")
    qtbot.waitUntil(lambda: names(view) == ["Dana Smith"])
    assert view.count_label.text() == "1 of 3 people"
    view.filter.clear()
    qtbot.keyClicks(view.filter, "investor")  # a tag
    qtbot.waitUntil(lambda: names(view) == ["Dana Smith"])
    view.filter.clear()
    qtbot.keyClicks(view.filter, "nobody-like-this")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.list_stack.currentWidget() is view.empty
    assert "Esc" in view.empty.text.text()
    qtbot.keyClick(view.filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)


def test_like_fallback_when_full_text_is_missing(context, journal, monkeypatch):
    monkeypatch.setattr(people_table, "_full_text_ids", lambda text: None)
    assert list(people_table.person_ids(text="zen")) == [journal["bo"]]
    assert list(people_table.person_ids(text="100%")) == []


def test_edit_and_save_with_ctrl_s(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.open_person(journal["dana"])
    editor = view.editor
    assert editor.name.text() == "Dana Smith"
    qtbot.mouseClick(editor.role, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.role.hasFocus)
    editor.role.selectAll()
    qtbot.keyClicks(editor.role, "Chief Technology Officer")
    editor.emails.clear()
    qtbot.keyClicks(editor.emails, "dana@acme.test, d.smith@example.org")
    editor.tags.clear()
    qtbot.keyClicks(editor.tags, "investor, mentor")
    editor.cadence.setCurrentIndex(editor.cadence.findText("Quarterly"))
    assert editor.save_button.isEnabled()
    editor.role.setFocus()
    qtbot.waitUntil(editor.role.hasFocus)
    qtbot.keyClick(editor.role, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    person = Person.get_by_id(journal["dana"])
    assert person.role == "Chief Technology Officer"
    assert person.cadence_days == 91
    assert sorted(d.value for d in ContactDetail.select().where(ContactDetail.person == person.id)) == [
        "d.smith@example.org",
        "dana@acme.test",
    ]
    assert people.tags_of(person.id) == ["investor", "mentor"]
    assert not editor.save_button.isEnabled()
    row = view.model.row_of(person.id)
    assert view.model.index(row, 2).data() == "Chief Technology Officer"
    assert view.model.index(row, 4).data() == "01 Jun"  # 2 Mar + 91 days


def test_custom_cadence(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.open_person(journal["ali"])
    editor = view.editor
    editor.cadence.setCurrentIndex(editor.cadence.findData(-1))
    assert editor.custom_days.isVisible()
    editor.custom_days.setValue(45)
    editor.save()
    assert Person.get_by_id(journal["ali"]).cadence_days == 45


def test_invalid_email_is_refused_with_a_dialog(qtbot, context, journal, monkeypatch, host):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    view = make_view(qtbot, context, host)
    view.open_person(journal["bo"])
    qtbot.keyClicks(view.editor.emails, "not-an-address")
    view.editor.name.clear()
    qtbot.keyClicks(view.editor.name, "Bo Chen-Li")
    view.editor.name.setFocus()
    qtbot.waitUntil(view.editor.name.hasFocus)
    qtbot.keyClick(view.editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shown and "not an e-mail address" in shown[0]
    assert Person.get_by_id(journal["bo"]).name == "Bo Chen"  # nothing half-written
    assert view.editor.dirty


def test_timeline_and_add_next_step(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.open_person(journal["dana"])
    timeline = view.editor.timeline
    texts = [timeline.item(i).text() for i in range(timeline.count())]
    # Open steps first, soonest due first: the offer's implied step, then the logged one.
    assert texts[0].startswith("Ask Dana Smith for the introduction to Ali Khan")
    assert "Overdue" in texts[0]
    assert texts[1].startswith("Send the deck") and "due Fri 13 Mar 2026" in texts[1]
    assert any("Offered to introduce you to Ali Khan" in t for t in texts)
    assert any("Coffee about the seed round" in t for t in texts)
    qtbot.keyClicks(view.editor.step_text, "Intro Dana to Sam")
    qtbot.keyClick(view.editor.step_text, Qt.Key.Key_Return)
    step = NextStep.get(NextStep.text == "Intro Dana to Sam")
    assert step.person_id == journal["dana"] and step.due_date == dt.date(2026, 3, 18)
    assert view.editor.step_text.text() == ""
    # Ticking a step completes it.
    deck = NextStep.get(NextStep.text == "Send the deck")
    for i in range(timeline.count()):
        if timeline.item(i).text().startswith("Send the deck"):
            timeline.item(i).setCheckState(Qt.CheckState.Checked)
    assert NextStep.get_by_id(deck.id).done_at is not None


def test_add_person_with_keyboard(qtbot, context, journal, monkeypatch, host):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Casey Jones", True))
    view = make_view(qtbot, context, host)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    person = Person.get(Person.name == "Casey Jones")
    assert view.current_person_id() == person.id
    assert view.editor.name.text() == "Casey Jones"
    assert person.cadence_days is None


def test_an_added_person_gets_the_default_cadence(qtbot, context, journal, monkeypatch, host):
    from journal.desktop.preferences import Preferences

    Preferences(context.settings).default_cadence_days = 30
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Casey Jones", True))
    view = make_view(qtbot, context, host)
    view.add_person()
    person = Person.get(Person.name == "Casey Jones")
    assert (person.cadence_days, person.cadence_set_on) == (30, context.clock.today())


def test_archive_and_show_archived(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.open_person(journal["bo"])
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert Person.get_by_id(journal["bo"]).archived
    assert "Bo Chen" not in names(view)
    view.show_archived.setChecked(True)
    assert "Bo Chen  (archived)" in names(view)
    view.open_person(journal["bo"])
    assert view.archive_button.text() == "&Restore"
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not Person.get_by_id(journal["bo"]).archived


def test_delete_confirmed_then_undo_restores_everything(qtbot, context, journal, monkeypatch, host):
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.append(a[2]) or QMessageBox.StandardButton.Yes)
    dana = journal["dana"]
    before = (
        Participant.select().where(Participant.person == dana).count(),
        Introduction.select().where(Introduction.introducer == dana).count(),
        NextStep.select().where(NextStep.person == dana).count(),
    )
    assert before == (1, 1, 2)
    view = make_view(qtbot, context, host)
    view.open_person(dana)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "Delete Dana Smith?" in answers[0] and "1 introduction" in answers[0]
    assert Person.get_or_none(Person.id == dana) is None
    assert Introduction.select().count() == 0
    assert view.host.edit_actions.bar.isVisible()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Person.get_by_id(dana).name == "Dana Smith"
    after = (
        Participant.select().where(Participant.person == dana).count(),
        Introduction.select().where(Introduction.introducer == dana).count(),
        NextStep.select().where(NextStep.person == dana).count(),
    )
    assert after == before
    assert people.tags_of(dana) == ["investor"]
    assert not view.host.edit_actions.bar.isVisible()
    assert view.current_person_id() == dana
    # The restored person is found by the full-text filter again.
    assert list(people_table.person_ids(text="dana")) == [dana]


def test_delete_cancelled_keeps_the_person(qtbot, context, journal, monkeypatch, host):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    view = make_view(qtbot, context, host)
    view.open_person(journal["ali"])
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert Person.get_or_none(Person.id == journal["ali"]) is not None


def test_empty_journal_says_what_to_do(qtbot, context, host):
    view = make_view(qtbot, context, host)
    assert view.list_stack.currentWidget() is view.empty
    assert "Ctrl+N" in view.empty.text.text()
    assert not view.delete_button.isEnabled()


def test_ten_thousand_people_fetch_only_shown_rows(qtbot, context, clock, host):
    from journal.store.models import DB

    with DB.atomic():
        Person.insert_many(
            [{"name": f"Person {i:05d}", "created_at": clock.now(), "updated_at": clock.now()} for i in range(10_000)]
        ).execute()
    people_table.STATS.reset()
    view = make_view(qtbot, context, host)
    qtbot.waitUntil(lambda: view.model.fetched_count > 0)  # the first screenful is painted
    QApplication.processEvents()  # and what it set off (selecting the first row) has run
    assert view.model.rowCount() == 10_000
    visible = view.table.rowAt(view.table.viewport().height() - 1) + 1
    assert 5 < visible < 60
    assert view.model.fetched_count <= 50  # one page
    assert people_table.STATS.id_queries == 1
    assert people_table.STATS.row_queries == 1
    # Sorting is a query, not a load of every row.
    people_table.STATS.reset()
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 5))  # Name, now descending
    qtbot.waitUntil(lambda: people_table.STATS.row_queries > 0)  # the new top rows are painted
    QApplication.processEvents()
    assert view.model.index(0, 0).data() == "Person 09999"
    assert people_table.STATS.id_queries == 1 and people_table.STATS.rows_fetched <= 50
    # Scrolling to the end fetches the last page only.
    view.table.scrollToBottom()
    QApplication.processEvents()  # the bottom is painted
    assert view.table.rowAt(view.table.viewport().height() - 1) == 9_999
    assert view.model.fetched_count <= 100


def test_keyboard_only_find_and_edit(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.filter.hasFocus)
    qtbot.keyClicks(view.filter, "zenith")
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)  # applies the filter now and goes to the list
    qtbot.waitUntil(view.table.hasFocus)
    assert view.current_person_id() == journal["bo"]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(view.editor.name.hasFocus)
    qtbot.keyClicks(view.editor.name, "Bo Chen-Li")  # the name was selected: typing replaces it
    qtbot.keyClick(view.editor.name, Qt.Key.Key_Tab)  # past the placeholder box and the nickname
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.editor.nickname
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.editor.organisation
    qtbot.keyClick(view.editor.organisation, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert Person.get_by_id(journal["bo"]).name == "Bo Chen-Li"


def test_sort_and_splitter_are_remembered(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    view.splitter.setSizes([500, 560])
    sizes = view.splitter.sizes()
    view.hide()
    again = make_view(qtbot, context, host)
    assert (again.model.sort_column, again.model.descending) == ("last_contact", True)
    assert names(again)[0] == "Dana Smith"
    assert again.splitter.sizes() == sizes


def test_log_conversation_with_the_selected_person(qtbot, context, journal):
    from journal.app import build_main_window
    from journal.ui.dialogs.log_dialog import LogDialog

    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_item("person", journal["bo"])
    view = window.view("people")
    qtbot.mouseClick(view.editor.log_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(LogDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.picker.people(include_typed=False) == [(journal["bo"], "Bo Chen")]
    dialog.reject()


@pytest.mark.parametrize(
    ("answer", "saved", "moved"),
    [
        (QMessageBox.StandardButton.Save, True, True),
        (QMessageBox.StandardButton.Discard, False, True),
        (QMessageBox.StandardButton.Cancel, False, False),
    ],
)
def test_leaving_unsaved_changes_asks(qtbot, context, journal, monkeypatch, answer, saved, moved, host):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    view = make_view(qtbot, context, host)
    view.open_person(journal["ali"])
    qtbot.keyClicks(view.editor.role, "Founder")
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    QApplication.processEvents()  # what the answer set off has run
    assert asked == ["Save the changes to Ali Khan?"]
    assert (Person.get_by_id(journal["ali"]).role == "Founder") is saved
    assert (view.current_person_id() != journal["ali"]) is moved
    if not moved:
        qtbot.waitUntil(lambda: view.table.currentIndex().row() == view.model.row_of(journal["ali"]))
        assert view.editor.dirty and view.editor.role.text() == "Founder"


def test_organisation_field_completes_known_names(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.open_person(journal["ali"])
    completer = view.editor.organisation.completer()
    completer.setCompletionPrefix("zen")
    assert completer.currentCompletion() == "Zenith"


def test_space_ticks_a_timeline_step_and_enter_opens_a_conversation(qtbot, context, journal, host):
    view = make_view(qtbot, context, host)
    view.open_person(journal["dana"])
    view.editor.tabs.setCurrentIndex(1)
    timeline = view.editor.timeline
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    row = next(i for i in range(timeline.count()) if timeline.item(i).text().startswith("Send the deck"))
    timeline.setCurrentRow(row)
    qtbot.keyClick(timeline, Qt.Key.Key_Space)
    assert NextStep.get(NextStep.text == "Send the deck").done_at == context.clock.now()
    qtbot.waitUntil(lambda: "Done" in next(
        timeline.item(i).text() for i in range(timeline.count()) if timeline.item(i).text().startswith("Send the deck")
    ))
    conv_row = next(i for i in range(timeline.count()) if timeline.item(i).text().startswith("Coffee"))
    timeline.setCurrentRow(conv_row)
    with qtbot.waitSignal(view.open_requested) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert blocker.args[0] == "conversation"


def test_adding_a_name_already_there_asks_first(qtbot, context, journal, monkeypatch, host):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("dana  smith", True))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    view = make_view(qtbot, context, host)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert asked and "already in the journal" in asked[0]
    assert Person.select().where(Person.name == "dana smith").count() == 0
