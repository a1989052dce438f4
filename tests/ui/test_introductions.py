"""The introductions board driven like a user: move between stages by key and button, draft mail."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from journal.domain.pipeline import Stage
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.people import records as people
from journal.services.pipeline import drafts, introductions
from journal.store.models import Introduction, NextStep
from journal.ui.introductions.cards import StageCardsModel
from journal.ui.introductions.introductions_view import IntroductionsView


@pytest.fixture
def journal(context, clock):
    result = log_conversation(
        [PersonRef.named("Dana Smith")],
        when=dt.datetime(2026, 3, 2, 10),
        offers=[
            OfferDraft(target=PersonRef.named("Ali Khan")),
            OfferDraft(target=PersonRef.named("Erin Park")),
        ],
        clock=clock,
    )
    dana = people.find_by_name("Dana Smith")
    people.add_detail(dana.id, "email", "dana@acme.test")
    ali_intro, erin_intro = result.introduction_ids
    return {"ali": ali_intro, "erin": erin_intro, "dana": dana.id}


def make_view(qtbot, context):
    view = IntroductionsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def stage(intro_id):
    return Introduction.get_by_id(intro_id).stage


def test_card_model_passes_modeltester(qtmodeltester, context, journal):
    model = StageCardsModel(context.clock)
    model.set_cards(introductions.cards())
    qtmodeltester.check(model)


def test_cards_show_days_in_stage_and_next_step(qtbot, context, journal):
    view = make_view(qtbot, context)
    offered = view.columns[0]
    assert offered.model.rowCount() == 2
    assert "(2)" in offered.header.text()
    card = offered.model.card(0)
    assert offered.model.index(0, 0).data() == "Dana Smith → Ali Khan"
    assert card.days_in_stage(context.clock.today()) == 9
    assert card.stalled(context.clock.today())  # the ask was due 4 Mar
    assert "2 stalled" in view.status.text()


def test_a_cards_tooltip_shows_its_notes_read_when_asked(qtbot, context, journal):
    Introduction.update(notes="Met her at the climate meetup").where(Introduction.id == journal["ali"]).execute()
    view = make_view(qtbot, context)
    model = view.columns[0].model
    row = model.row_of(journal["ali"])
    assert model.card(row).notes == ""  # the board holds no notes
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("\nMet her at the climate meetup")
    other = model.index(model.row_of(journal["erin"]), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "climate" not in other
    assert introductions.notes_of(journal["ali"]) == "Met her at the climate meetup"
    assert introductions.notes_of(journal["erin"]) == "" and introductions.notes_of(10**9) == ""
    assert [c.notes for c in introductions.cards() if c.id == journal["ali"]] == ["Met her at the climate meetup"]


def test_advance_by_key_and_button(qtbot, context, journal):
    view = make_view(qtbot, context)
    view.select(journal["ali"])
    qtbot.waitUntil(view.columns[0].list.hasFocus)
    assert view.advance_button.text() == "&Advance to Asked"
    qtbot.keyClick(view.columns[0].list, Qt.Key.Key_A)
    assert stage(journal["ali"]) == "asked"
    assert view.current_card().id == journal["ali"]  # the card stays selected in its new column
    asked = view.columns[1].list
    qtbot.waitUntil(asked.hasFocus)
    qtbot.keyClick(asked, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert stage(journal["ali"]) == "introduced"
    qtbot.mouseClick(view.advance_button, Qt.MouseButton.LeftButton)
    assert stage(journal["ali"]) == "met"
    step = NextStep.get((NextStep.introduction == journal["ali"]) & NextStep.done_at.is_null())
    assert step.text == "Thank Dana Smith for the introduction to Ali Khan"
    assert view.columns[3].model.rowCount() == 1


def test_decline_lapse_and_reopen_by_key(qtbot, context, journal):
    view = make_view(qtbot, context)
    view.select(journal["erin"])
    lst = view.columns[0].list
    qtbot.waitUntil(lst.hasFocus)
    qtbot.keyClick(lst, Qt.Key.Key_L)
    assert stage(journal["erin"]) == "lapsed"
    closed = view.columns[5].list
    qtbot.waitUntil(closed.hasFocus)
    assert not view.lapse_button.isEnabled() and view.reopen_button.isEnabled()
    qtbot.keyClick(closed, Qt.Key.Key_R)
    assert stage(journal["erin"]) == "offered"
    qtbot.waitUntil(lst.hasFocus)
    qtbot.keyClick(lst, Qt.Key.Key_D)
    assert stage(journal["erin"]) == "declined"
    assert Introduction.get_by_id(journal["erin"]).closed_on == context.clock.today()


def test_left_right_move_between_columns(qtbot, context, journal):
    introductions.advance(journal["ali"], clock=context.clock)
    view = make_view(qtbot, context)
    view.select(journal["erin"])
    qtbot.waitUntil(view.columns[0].list.hasFocus)
    qtbot.keyClick(view.columns[0].list, Qt.Key.Key_Right)
    assert view.current_card().id == journal["ali"]
    qtbot.keyClick(view.columns[1].list, Qt.Key.Key_Left)
    assert view.current_card().stage is Stage.OFFERED


def test_draft_message_opens_mail_app_with_edited_text(qtbot, context, journal, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    view = make_view(qtbot, context)
    view.select(journal["ali"])
    qtbot.waitUntil(view.columns[0].list.hasFocus)
    qtbot.keyClick(view.columns[0].list, Qt.Key.Key_M)
    dialog = view.dialog
    qtbot.waitExposed(dialog)
    assert dialog.kind.currentData() == drafts.ASK
    assert dialog.to.text() == "dana@acme.test"
    assert "introduce me to Ali Khan" in dialog.body.toPlainText()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.body.hasFocus)
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.body, "Sam & co")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    parts = urlsplit(opened[0])
    assert parts.scheme == "mailto" and unquote(parts.path) == "dana@acme.test"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Introduction to Ali Khan"]
    assert query["body"][0].endswith("Best,\r\nSam & co")


def test_draft_kinds_and_recipient(context, journal):
    introductions.advance(journal["ali"], Stage.INTRODUCED, clock=context.clock)
    card = next(c for c in introductions.cards() if c.id == journal["ali"])
    reach = drafts.draft(card)
    assert reach.kind == drafts.REACH_OUT and reach.recipient == "Ali Khan" and reach.to == ""
    thank = drafts.draft(card, drafts.THANK)
    assert thank.to == "dana@acme.test" and "Thank you" in thank.subject


def test_no_mail_app_says_so(qtbot, context, journal, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    view = make_view(qtbot, context)
    view.select(journal["ali"])
    view.draft_message()
    view.dialog.accept()
    assert shown and "Copy text" in shown[0]
    assert view.dialog.isVisible()


def test_enter_opens_the_introducer(qtbot, context, journal):
    view = make_view(qtbot, context)
    view.select(journal["ali"])
    qtbot.waitUntil(view.columns[0].list.hasFocus)
    with qtbot.waitSignal(view.open_requested) as blocker:
        qtbot.keyClick(view.columns[0].list, Qt.Key.Key_Return)
    assert blocker.args == ["person", journal["dana"]]


def test_empty_state(qtbot, context):
    view = make_view(qtbot, context)
    assert view.stack.currentWidget() is view.empty
    assert "Ctrl+N" in view.empty.text.text()


def test_card_texts(context, journal):
    from journal.ui.introductions.cards import due_text, step_text

    today = context.clock.today()
    card = next(c for c in introductions.cards() if c.id == journal["ali"])
    assert due_text(card, today) == "overdue 7 days"  # asked was due 4 Mar, today is 11 Mar
    assert step_text(card) == "Ask Dana Smith for the introduction to Ali Khan"
    introductions.advance(journal["ali"], Stage.DECLINED, clock=context.clock)
    card = next(c for c in introductions.cards() if c.id == journal["ali"])
    assert due_text(card, today) == "" and step_text(card) == "Declined"


def test_context_menu_offers_the_same_actions(qtbot, context, journal):
    view = make_view(qtbot, context)
    view.select(journal["erin"])
    menu = view.card_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Advance to Asked", "Decline", "Mark lapsed", "Reopen", "Draft message…", "Open Dana Smith", "Open Erin Park"]
    assert not next(a for a in menu.actions() if a.text() == "Reopen").isEnabled()
    next(a for a in menu.actions() if a.text() == "Decline").trigger()
    assert stage(journal["erin"]) == "declined"
    with qtbot.waitSignal(view.open_requested) as blocker:
        next(a for a in view.card_menu().actions() if a.text() == "Open Erin Park").trigger()
    assert blocker.args == ["person", Introduction.get_by_id(journal["erin"]).target_id]


def test_shift_enter_opens_the_target(qtbot, context, journal):
    view = make_view(qtbot, context)
    view.select(journal["ali"])
    qtbot.waitUntil(view.columns[0].list.hasFocus)
    with qtbot.waitSignal(view.open_requested) as blocker:
        qtbot.keyClick(view.columns[0].list, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert blocker.args == ["person", Introduction.get_by_id(journal["ali"]).target_id]


def test_ctrl_f_filters_the_board_by_person_through_the_index(qtbot, context, journal, clock):
    log_conversation(
        [PersonRef.named("Mia Chen")], offers=[OfferDraft(target=PersonRef.named("Olga Ivanova"))], clock=clock
    )
    view = make_view(qtbot, context)
    assert sum(c.model.rowCount() for c in view.columns) == 3
    view.columns[0].list.setFocus()
    qtbot.keyClick(view.columns[0].list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.filter
    qtbot.keyClicks(view.filter, "olga")  # letters go to the filter, not to the A/D/L/R/M keys
    assert all(stage(i) == "offered" for i in (journal["ali"], journal["erin"]))
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)
    cards = [c.model.card(r) for c in view.columns for r in range(c.model.rowCount())]
    assert [(c.introducer, c.target) for c in cards] == [("Mia Chen", "Olga Ivanova")]
    assert view.status.text().startswith("1 of 3 match")
    assert QApplication.focusWidget() is view.columns[0].list  # Enter went to the first card
    view.filter.setFocus()
    qtbot.keyClicks(view.filter, "zzz")
    view.reload()
    assert view.stack.currentIndex() == 1 and "No introduction matches" in view.empty.title.text()
    qtbot.keyClick(view.filter, Qt.Key.Key_Escape)
    view.reload()
    assert sum(c.model.rowCount() for c in view.columns) == 3
