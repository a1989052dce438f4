"""The Organisations view: who you know at each, latest contact, open a person from there."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people import organisations
from journal.services.people import records as people
from journal.ui.organisations.organisations_view import MembersModel, OrganisationsModel, OrganisationsView


@pytest.fixture
def journal(context, clock):
    dana = people.create_person("Dana Smith", organisation="Acme", role="CTO", clock=clock)
    sam = people.create_person("Sam Ortiz", organisation="Acme", role="Recruiter", clock=clock)
    old = people.create_person("Old Friend", organisation="Acme", clock=clock)
    people.set_archived(old.id, True, clock=clock)
    bo = people.create_person("Bo Chen", organisation="Zenith", clock=clock)
    log_conversation([PersonRef(id=sam.id)], when=dt.datetime(2026, 1, 10, 9), clock=clock)
    log_conversation([PersonRef(id=dana.id)], when=dt.datetime(2026, 3, 1, 9), clock=clock)
    people.organisation_named("Empty Inc")
    return {"dana": dana.id, "sam": sam.id, "bo": bo.id}


def make_view(qtbot, context):
    view = OrganisationsView(context)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def test_service_counts_active_people_and_latest_contact(context, journal):
    rows = organisations.list_organisations()
    assert [(r.name, r.people, r.latest_contact, r.latest_person) for r in rows] == [
        ("Acme", 2, dt.date(2026, 3, 1), "Dana Smith"),
        ("Zenith", 1, None, ""),
    ]
    assert "Empty Inc" in [r.name for r in organisations.list_organisations(include_empty=True)]


def test_models_pass_modeltester(qtmodeltester, context, journal):
    model = OrganisationsModel(context.clock)
    model.set_rows(organisations.list_organisations())
    qtmodeltester.check(model)
    members = MembersModel(context.clock)
    members.set_rows(organisations.members(model.item(0).id))
    qtmodeltester.check(members)


def test_members_newest_contact_first_and_enter_opens_person(qtbot, context, journal):
    view = make_view(qtbot, context)
    assert view.model.index(0, 2).data() == "01 Mar (Dana Smith)"
    assert [view.members_model.index(r, 0).data() for r in range(view.members_model.rowCount())] == [
        "Dana Smith",
        "Sam Ortiz",
    ]
    assert "2 people" in view.members_title.text()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.members_model.index(0, 0).data() == "Bo Chen"
    assert view.members_model.index(0, 2).data() == "never"
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(view.members.hasFocus)
    view.members.setCurrentIndex(view.members_model.index(0, 0))
    with qtbot.waitSignal(view.open_requested) as blocker:
        qtbot.keyClick(view.members, Qt.Key.Key_Return)
    assert blocker.args == ["person", journal["bo"]]


def test_updates_when_people_change(qtbot, context, journal):
    view = make_view(qtbot, context)
    people.add_person("Nia Obi", organisation="Zenith", clock=context.clock)
    view.open_organisation(view.model.item(1).id)
    assert view.members_model.rowCount() == 2


def test_empty_state(qtbot, context):
    view = make_view(qtbot, context)
    assert view.stack.currentWidget() is view.empty
    assert "Organisation field" in view.empty.text.text()


def test_window_opens_a_person_from_an_organisation(qtbot, context, journal):
    from journal.app import build_main_window

    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_item("organisation", window.view("organisations").model.item(1).id)
    view = window.view("organisations")
    assert window.current_key() == "organisations"
    view.members.setCurrentIndex(view.members_model.index(0, 0))
    view.members.activated.emit(view.members_model.index(0, 0))
    assert window.current_key() == "people"
    assert window.view("people").current_person_id() == journal["bo"]
    # And every other kind the views register.
    from journal.store.models import Conversation

    for kind in ("person", "conversation", "introduction", "organisation"):
        assert kind in window._openers
    conversation = Conversation.select().first()
    window.open_item("conversation", conversation.id)
    conversations = window.view("conversations")
    assert conversations.current_id() == conversation.id
    conversations.dialog.reject()


def test_matching_ignores_case_accents_and_punctuation(context, journal, clock):
    people.create_person("Ana Pérez", organisation="Nestlé S.A.", clock=clock)
    summaries = organisations.list_organisations()
    assert [s.name for s in organisations.matching(summaries, "nestle sa")] == ["Nestlé S.A."]
    assert [s.name for s in organisations.matching(summaries, "ACME")] == ["Acme"]
    assert organisations.matching(summaries, "  ") == summaries
    assert organisations.matching(summaries, "acme zenith") == []


def test_ctrl_f_filters_the_list_and_enter_goes_to_the_first_match(qtbot, context, journal):
    view = make_view(qtbot, context)
    assert view.model.rowCount() == 2 and view.count_label.text() == "2 organisations"
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.filter
    qtbot.keyClicks(view.filter, "zen")
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)
    assert [view.model.item(r).name for r in range(view.model.rowCount())] == ["Zenith"]
    assert view.count_label.text() == "1 of 2"
    assert QApplication.focusWidget() is view.table
    assert [m.name for m in view.members_model.rows] == ["Bo Chen"]
    view.filter.setFocus()
    qtbot.keyClicks(view.filter, "x")
    view._apply_filter()
    assert view.stack.currentWidget() is view.no_match and "zenx" in view.no_match.title.text()
    qtbot.keyClick(view.filter, Qt.Key.Key_Escape)
    view._apply_filter()
    assert view.model.rowCount() == 2 and view.stack.currentWidget() is view.splitter


def test_who_i_know_at_an_organisation_now_and_formerly(qtbot, context, journal, clock):
    from journal.services.people import jobs

    # Sam moved from Acme to Zenith; Bo once worked at Acme; Dana is back at Acme after a spell elsewhere.
    jobs.change_job(journal["sam"], "Zenith", "Head of Talent", on=dt.date(2026, 2, 1))
    jobs.add_job(journal["bo"], "Acme", "Intern", dt.date(2015, 6, 1), dt.date(2016, 8, 31))
    jobs.add_job(journal["dana"], "Acme", "Engineer", dt.date(2010, 1, 1), dt.date(2012, 1, 1))
    rows = {r.name: (r.people, r.former) for r in organisations.list_organisations()}
    assert rows == {"Acme": (1, 2), "Zenith": (2, 0)}
    acme = next(r.id for r in organisations.list_organisations() if r.name == "Acme")
    got = [(m.name, m.role, m.current, m.ended_on) for m in organisations.members(acme)]
    assert got == [
        ("Dana Smith", "CTO", True, None),
        ("Sam Ortiz", "Recruiter", False, dt.date(2026, 2, 1)),
        ("Bo Chen", "Intern", False, dt.date(2016, 8, 31)),
    ]
    assert [m.name for m in organisations.members(acme, former=False)] == ["Dana Smith"]

    view = make_view(qtbot, context)
    assert view.model.index(0, 0).data() == "Acme"
    assert view.model.index(0, 1).data() == "1 (+2 former)"
    assert "1 person, 2 former" in view.members_title.text()
    model = view.members_model
    assert model.index(0, 3).data() == "now"
    assert model.index(1, 3).data().startswith("former · ")
    assert model.index(2, 3).data() == "former · 2015 – 2016"
    assert model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole) == "former · June 2015 – August 2016"
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    # A former colleague opens like a current one.
    view.members.setFocus()
    view.members.setCurrentIndex(model.index(2, 0))
    with qtbot.waitSignal(view.open_requested) as blocker:
        qtbot.keyClick(view.members, Qt.Key.Key_Return)
    assert blocker.args == ["person", journal["bo"]]
