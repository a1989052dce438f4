"""Undo and redo in the window, as a user does them: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y wherever
the keyboard is, the Edit menu saying what they would take back, the Undo bar after a delete, and
a clear warning when something done since is in the way."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from journal.services import operations
from journal.services.conversations.records import (
    OfferDraft,
    PersonRef,
    StepDraft,
    delete_conversation,
    log_conversation,
)
from journal.services.people import records as people
from journal.store.models import Introduction, NextStep, Person
from journal.ui.dialogs.duplicates import DuplicatesDialog
from journal.ui.dialogs.import_wizard import ImportWizard

DAY = dt.timedelta(days=1)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WAIT_MS = 15_000


@pytest.fixture
def journal(db, clock):
    """An overdue step, an offer whose step is overdue, someone with a conversation and a tag, and
    two records of one person."""
    now = clock.now()
    ann = log_conversation(
        [PersonRef.named("Ann Lee")], when=now - 5 * DAY, summary="Lunch", clock=clock,
        next_steps=[StepDraft("Send Ann the slides", clock.today() - 2 * DAY)],
    )
    offer = log_conversation(
        [PersonRef.named("Cy Introducer")], when=now - 3 * DAY, clock=clock, offers=[OfferDraft(PersonRef.named("Di Target"))],
    )
    dana = people.create_person("Dana Smith", organisation="Initech", clock=clock).id
    people.set_tags(dana, ["investor", "angel"])  # the detail pane lists (and saves) them sorted
    coffee = log_conversation([PersonRef(id=dana)], when=now - 2 * DAY, summary="Coffee about the seed round", clock=clock)
    ana = people.create_person("Ana Pérez", organisation="Acme", clock=clock).id
    perez = people.create_person("Perez, Ana", organisation="ACME Inc", role="CTO", clock=clock).id
    people.add_detail(perez, "email", "ana@acme.com")
    log_conversation([PersonRef(id=perez)], when=now - DAY, summary="Demo", clock=clock)
    return {
        "ann": ann.people_created[0], "step": ann.next_step_ids[0], "offer": offer.introduction_ids[0],
        "dana": dana, "coffee": coffee.conversation_id, "ana": ana, "perez": perez,
    }


@pytest.fixture
def window(qtbot, context, journal):
    """The whole window over the journal, shown and active, the keyboard in Today's list."""
    from journal.app import build_main_window

    win = build_main_window(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def focused():
    return QApplication.focusWidget()


def status(window) -> str:
    return window.statusBar().currentMessage()


def menu_texts(window) -> tuple[str, str]:
    """What Edit > Undo and Edit > Redo say when the menu opens."""
    window.edit_menu.aboutToShow.emit()
    actions = window.edit_actions
    return actions.undo.text().replace("&", ""), actions.redo.text().replace("&", "")


def go_to_item(qtbot, view, title: str) -> None:
    """Arrow down Today's list to the item called `title`."""
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    for _ in range(view.model.rowCount()):
        if view.current_item() is not None and view.current_item().title == title:
            return
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    raise AssertionError(f"{title!r} is not in Today")


def in_today(view, kind: str, item_id: int) -> bool:
    return view.model.index_of((kind, item_id)).isValid()


def step_done(step_id: int) -> bool:
    return NextStep.get_by_id(step_id).done_at is not None


# --- Today: Done, then Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y ---------------------------------------


def test_done_in_today_is_undone_and_redone_by_keys(qtbot, window, journal, dump, clock):
    view = window.view("today")
    assert focused() is view.table
    step = journal["step"]
    before = dump()
    go_to_item(qtbot, view, "Send Ann the slides")
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert NextStep.get_by_id(step).done_at == clock.now()
    assert not in_today(view, "next_step", step)
    done = dump()

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert not step_done(step)
    assert dump() == before
    assert in_today(view, "next_step", step)
    assert view.current_item().title == "Send Ann the slides"  # selected again: Done is one key away
    assert status(window) == "Undone: Done: Send Ann the slides"

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert step_done(step) and not in_today(view, "next_step", step)
    assert dump() == done
    assert status(window) == "Redone: Done: Send Ann the slides"

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert dump() == before and in_today(view, "next_step", step)
    qtbot.keyClick(focused(), Qt.Key.Key_Y, CTRL)
    assert dump() == done and not in_today(view, "next_step", step)
    assert status(window) == "Redone: Done: Send Ann the slides"

    qtbot.keyClick(focused(), Qt.Key.Key_Y, CTRL)  # nothing more to redo: said, nothing changed
    assert status(window) == "Nothing to redo."
    assert dump() == done


def test_the_edit_menu_says_what_undo_and_redo_would_do(qtbot, window, journal):
    view = window.view("today")
    assert menu_texts(window) == ("Undo", "Redo")
    go_to_item(qtbot, view, "Cy Introducer → Di Target")
    qtbot.keyClick(view.table, Qt.Key.Key_D)
    assert Introduction.get_by_id(journal["offer"]).stage == "asked"
    go_to_item(qtbot, view, "Send Ann the slides")
    qtbot.keyClick(view.table, Qt.Key.Key_D)
    assert menu_texts(window) == ("Undo Done: Send Ann the slides", "Redo")
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert menu_texts(window) == ("Undo Done: Cy Introducer → Di Target", "Redo Done: Send Ann the slides")
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert menu_texts(window) == ("Undo Done: Send Ann the slides", "Redo")
    # The menu's own actions do the same as the keys.
    window.edit_actions.undo.trigger()
    assert not step_done(journal["step"])
    window.edit_actions.redo.trigger()
    assert step_done(journal["step"])


def test_after_undoing_the_only_operation_the_edit_menu_offers_to_redo_it(qtbot, window, journal):
    view = window.view("today")
    go_to_item(qtbot, view, "Send Ann the slides")
    qtbot.keyClick(view.table, Qt.Key.Key_D)
    assert menu_texts(window) == ("Undo Done: Send Ann the slides", "Redo")
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert not step_done(journal["step"])
    assert window.context.operations.history.redo_label() == "Done: Send Ann the slides"
    assert menu_texts(window) == ("Undo", "Redo Done: Send Ann the slides")


# --- Introductions: advancing an offer -------------------------------------------------------


@pytest.mark.parametrize("key, modifiers", [(Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Right, CTRL)])
def test_advancing_an_offer_is_undone_with_its_step(qtbot, window, journal, dump, key, modifiers):
    intro = journal["offer"]
    before = dump()
    qtbot.keyClick(focused(), Qt.Key.Key_4, CTRL)
    board = window.view("introductions")
    assert window.current_key() == "introductions"
    assert board.current_card().id == intro and focused() is board.columns[0].list
    qtbot.keyClick(focused(), key, modifiers)
    assert Introduction.get_by_id(intro).stage == "asked"
    steps = NextStep.select().where(NextStep.introduction == intro)
    assert {(s.text, s.done_at is None) for s in steps} == {
        ("Ask Cy Introducer for the introduction to Di Target", False),
        ("Nudge Cy Introducer about the introduction to Di Target", True),
    }
    assert board.current_card().id == intro and board.columns[1].list.hasFocus()

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert dump() == before
    assert Introduction.get_by_id(intro).stage == "offered"
    assert [s.text for s in NextStep.select().where(NextStep.introduction == intro)] == [
        "Ask Cy Introducer for the introduction to Di Target"
    ]
    offered = board.columns[0].model
    assert [offered.card(row).id for row in range(offered.rowCount())] == [intro]
    assert board.columns[1].model.rowCount() == 0
    assert status(window) == "Undone: Cy Introducer → Di Target: Asked"


# --- Tools > Find duplicates: a merge ----------------------------------------------------------


def open_duplicates(qtbot, window) -> DuplicatesDialog:
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL | SHIFT)  # Tools > Find duplicates…
    dialog = window.findChild(DuplicatesDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.task.running and dialog.model.rowCount() == 1, timeout=WAIT_MS)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def merge_the_pair(qtbot, dialog, journal) -> None:
    assert {dialog.current_pair().a.id, dialog.current_pair().b.id} == {journal["ana"], journal["perez"]}
    with qtbot.waitSignal(dialog.context.signals.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert Person.get_or_none(Person.id == journal["perez"]) is None
    assert Person.get_by_id(journal["ana"]).role == "CTO"


@pytest.fixture
def say_yes(monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    return asked


def test_a_merge_is_undone_with_ctrl_z_in_the_dialog(qtbot, window, journal, dump, say_yes):
    before = dump()
    dialog = open_duplicates(qtbot, window)
    merge_the_pair(qtbot, dialog, journal)
    assert "Merge them?" in say_yes[0]
    qtbot.keyClick(dialog, Qt.Key.Key_Z, CTRL)
    assert dump() == before
    assert Person.get_by_id(journal["perez"]).name == "Perez, Ana"
    qtbot.waitUntil(lambda: not dialog.task.running and dialog.model.rowCount() == 1, timeout=WAIT_MS)
    dialog.reject()


def test_a_merge_is_undone_from_the_edit_menu_once_the_dialog_is_closed(qtbot, window, journal, dump, say_yes):
    before = dump()
    dialog = open_duplicates(qtbot, window)
    merge_the_pair(qtbot, dialog, journal)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert menu_texts(window)[0] == "Undo Merge Perez, Ana into Ana Pérez"
    window.edit_actions.undo.trigger()
    assert dump() == before
    assert status(window) == "Undone: Merge Perez, Ana into Ana Pérez"


# --- File > Import: the wizard to the end, then Edit > Undo ------------------------------------


def test_an_import_is_undone_from_the_edit_menu(qtbot, window, journal, dump, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nTITLE:Designer\r\nEMAIL:ann@lee.example\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Frank Ocean\r\nN:Ocean;Frank;;;\r\nORG:Blonde Co\r\n"
        "EMAIL:frank@ocean.example\r\nCATEGORIES:Friends\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    before = dump()
    qtbot.keyClick(focused(), Qt.Key.Key_I, CTRL | SHIFT)  # File > Import contacts…
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    source = wizard.source_page
    source.format_box.setFocus()
    qtbot.keyClick(source.format_box, Qt.Key.Key_Down)
    qtbot.keyClick(source.format_box, Qt.Key.Key_Down)
    assert source.fmt() == "vcard"
    qtbot.keyClicks(source.path_edit, str(path))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=WAIT_MS)
    assert (preview.plan.count("new"), preview.plan.count("updated")) == (1, 1)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.commit_page.summary is not None, timeout=WAIT_MS)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert Person.get(Person.name == "Frank Ocean").organisation.name == "Blonde Co"
    assert Person.get_by_id(journal["ann"]).role == "Designer"
    imported = dump()

    assert menu_texts(window)[0] == "Undo Import contacts.vcf"
    window.edit_actions.undo.trigger()
    assert dump() == before
    assert Person.get_or_none(Person.name == "Frank Ocean") is None
    assert Person.get_by_id(journal["ann"]).role == ""
    window.edit_actions.redo.trigger()
    assert dump() == imported


# --- People: a delete, the Undo bar, and an undo something is in the way of ---------------------


def delete_in_people(qtbot, window, person_id: int):
    """Ctrl+2, arrow to the person, Delete (answered Yes)."""
    qtbot.keyClick(focused(), Qt.Key.Key_2, CTRL)
    view = window.view("people")
    assert focused() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    for _ in range(view.model.rowCount()):
        if view.current_person_id() == person_id:
            break
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.current_person_id() == person_id
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert Person.get_or_none(Person.id == person_id) is None
    return view


def test_an_undo_that_something_is_in_the_way_of_warns_and_changes_nothing(
    qtbot, window, journal, dump, say_yes, monkeypatch
):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: warnings.append((title, text)))
    view = delete_in_people(qtbot, window, journal["dana"])
    # Elsewhere (the command line, the tray), not on this window's undo list: Dana's conversation goes.
    operations.run(delete_conversation, journal["coffee"], label="Delete the coffee")
    before = dump()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    [(title, text)] = warnings
    assert title == "Undo"
    assert text == (
        "Cannot undo “Delete Dana Smith”: the conversation it involves was deleted since. Nothing was changed."
    )
    assert status(window) == text
    assert dump() == before
    assert Person.get_or_none(Person.id == journal["dana"]) is None
    assert not window.edit_actions.bar.isVisible()  # its Undo can no longer be done
    assert menu_texts(window) == ("Undo", "Redo")  # and it left the list


def test_the_undo_bar_offers_the_delete_back_and_goes_with_the_next_operation(qtbot, window, journal, dump, say_yes):
    before = dump()
    delete_in_people(qtbot, window, journal["dana"])
    bar = window.edit_actions.bar
    assert bar.isVisible()
    assert bar.label.text() == "Deleted Dana Smith. Ctrl+Z or Undo brings them back."
    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    assert dump() == before
    assert not bar.isVisible()
    assert window.view("people").current_person_id() == journal["dana"]

    delete_in_people(qtbot, window, journal["dana"])
    assert bar.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_1, CTRL)  # to Today, and Done on the overdue step
    today = window.view("today")
    go_to_item(qtbot, today, "Send Ann the slides")
    qtbot.keyClick(today.table, Qt.Key.Key_D)
    assert step_done(journal["step"])
    assert not bar.isVisible()  # its Undo would now take back the Done, not the delete
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert not step_done(journal["step"])
    assert not bar.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)  # and the delete, under it
    assert dump() == before


def test_an_edit_saved_in_the_detail_pane_is_undone_exactly(qtbot, window, journal, dump):
    qtbot.keyClick(focused(), Qt.Key.Key_2, CTRL)
    view = window.view("people")
    view.open_person(journal["dana"])
    editor = view.editor
    assert editor.tags.text() == "angel, investor"
    before = dump()
    qtbot.mouseClick(editor.role, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.role, "CTO")
    qtbot.keyClick(editor.role, Qt.Key.Key_Z, CTRL)  # in a field, Ctrl+Z undoes the typing there
    assert editor.role.text() == "" and dump() == before
    qtbot.keyClicks(editor.role, "Partner")
    qtbot.keyClick(editor.role, Qt.Key.Key_S, CTRL)
    assert Person.get_by_id(journal["dana"]).role == "Partner"
    saved = dump()
    assert menu_texts(window)[0] == "Undo Edit Dana Smith"
    window.edit_actions.undo.trigger()
    assert dump() == before
    assert editor.role.text() == ""  # the pane shows the person as they are again
    assert status(window) == "Undone: Edit Dana Smith"
    window.edit_actions.redo.trigger()
    assert dump() == saved
