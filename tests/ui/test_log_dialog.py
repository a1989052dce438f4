"""The Log conversation dialog, driven from the keyboard as a user would, checked in the database."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.services.people.records import create_person
from journal.store.models import Conversation, Introduction, NextStep, Participant, Person
from journal.ui.dialogs.log_dialog import LogDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, context):
    from journal.ui.dialogs.log_action import install_log_action
    from journal.ui.main_window import MainWindow

    win = MainWindow(context)
    install_log_action(win)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def open_dialog(qtbot, window) -> LogDialog:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.findChild(LogDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda d=dialog: QApplication.focusWidget() is d.picker.edit)
    return dialog


README = Path(__file__).resolve().parents[2] / "README.md"


def readme_keystrokes() -> tuple[int, list[str]]:
    """The number README.md claims and the key sequence it shows under "Logging a conversation"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Logging a conversation", 1)[1]
    claimed = int(re.search(r"takes (\d+) keystrokes beyond the text you type", section).group(1))
    block = section.split("<!-- keystrokes:", 1)[1].split("```\n", 1)[1].split("\n", 1)[0]
    return claimed, re.findall(r'"[^"]*"|\S+', block)


def chord(token: str):
    *mods, name = token.split("+")
    modifier = Qt.KeyboardModifier.NoModifier
    for mod in mods:
        modifier |= {"Ctrl": CTRL, "Alt": ALT, "Shift": Qt.KeyboardModifier.ShiftModifier}[mod]
    key = Qt.Key.Key_Return if name == "Enter" else getattr(Qt.Key, f"Key_{name.upper()}")
    return key, modifier


def test_one_person_one_offer_one_next_step_by_keyboard(qtbot, window, clock):
    """Types exactly the sequence README.md documents and checks the count it states."""
    claimed, tokens = readme_keystrokes()
    keys = [t for t in tokens if not t.startswith('"')]
    assert len(keys) == claimed == 6
    assert tokens[0] == "Ctrl+N"
    dialog = outcome = None
    for token in tokens:
        if token.startswith('"'):
            type_text(qtbot, token.strip('"'))
        elif token == "Ctrl+N":
            qtbot.keyClick(window, *chord(token))
            dialog = window.findChild(LogDialog)
            qtbot.waitExposed(dialog)
            qtbot.waitUntil(lambda d=dialog: QApplication.focusWidget() is d.picker.edit)
        elif token == tokens[-1]:
            with qtbot.waitSignal(dialog.finished, timeout=2000) as outcome:
                press(qtbot, *chord(token))
        else:
            press(qtbot, *chord(token))
    assert outcome.args == [LogDialog.DialogCode.Accepted.value]

    conversation = Conversation.get()
    assert conversation.occurred_at == clock.now().replace(second=0)
    dana = Person.get(Person.name == "Dana Smith")
    assert [p.person_id for p in Participant.select()] == [dana.id]
    offer = Introduction.get()
    assert offer.introducer_id == dana.id and offer.conversation_id == conversation.id
    assert offer.target.name == "her old manager at Initech" and offer.target.is_placeholder
    step = NextStep.get(NextStep.text == "Send Dana my CV")
    assert step.due_date == clock.today() + dt.timedelta(days=2)
    assert step.person_id == dana.id
    assert window.statusBar().currentMessage() == "Logged a conversation with Dana Smith (1 offer, 1 next step)."


# The offscreen platform cannot grab the keyboard for the completion popup, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_completion_picks_an_existing_person_and_ctrl_return_saves(qtbot, window, clock, db):
    with db.atomic():
        dana = create_person("Dana Smith", organisation="Acme", clock=clock)
        create_person("Sam Dane", clock=clock)
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, "dan")
    popup = dialog.picker.edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == [
        "Dana Smith — Acme",
        "Sam Dane",
    ]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.picker.people() == [(dana.id, "Dana Smith")]
    assert dialog.picker.edit.text() == ""
    type_text(qtbot, "Lee New")  # left in the field: saved with the chips
    press(qtbot, Qt.Key.Key_S, ALT)
    type_text(qtbot, "Coffee")
    press(qtbot, Qt.Key.Key_C, ALT)
    assert focused() is dialog.channel
    press(qtbot, Qt.Key.Key_Up)  # "event" sits above the default "other"
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        press(qtbot, Qt.Key.Key_Enter, CTRL)
    conversation = Conversation.get()
    assert conversation.summary == "Coffee" and conversation.channel == "event"
    names = sorted(p.person.name for p in Participant.select())
    assert names == ["Dana Smith", "Lee New"]
    assert Person.select().where(Person.name == "Dana Smith").count() == 1


def test_backspace_removes_the_last_chip(qtbot, window):
    dialog = open_dialog(qtbot, window)
    for name in ("Ann", "Bob"):
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Backspace)
    assert dialog.picker.names() == ["Ann"]


def test_a_refused_save_shows_why_keeps_the_dialog_and_writes_nothing(qtbot, window, clock):
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, "Dana Smith")
    press(qtbot, Qt.Key.Key_O, ALT)
    type_text(qtbot, "Dana Smith")  # offered to introduce me to herself
    assert not dialog.offers.rows[0].description.isChecked()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "cannot be introduced to themselves" in dialog.error.text()
    assert Person.select().count() == 0 and Conversation.select().count() == 0

    dialog.offers.rows[0].target.clear()
    dialog.when.setDateTime(dialog.when.dateTime().addDays(3))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and "future" in dialog.error.text()
    assert Conversation.select().count() == 0


def test_saving_with_nobody_says_so(qtbot, window):
    dialog = open_dialog(qtbot, window)
    press(qtbot, Qt.Key.Key_S, ALT)
    type_text(qtbot, "Lunch")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and "at least one person" in dialog.error.text()
    assert focused() is dialog.picker.edit


def test_escape_asks_before_losing_typed_text(qtbot, window, monkeypatch):
    answers = []

    def answer(choice):
        def ask(*args, **kwargs):
            answers.append(args[1])
            return choice

        return ask

    dialog = open_dialog(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    press(qtbot, Qt.Key.Key_N, ALT)
    type_text(qtbot, "Talked about the offsite")
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == ["Discard this conversation?"]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        press(qtbot, Qt.Key.Key_Escape)
    assert Conversation.select().count() == 0


def test_escape_on_an_empty_dialog_just_closes(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("nothing to lose"))
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        press(qtbot, Qt.Key.Key_Escape)


def test_quick_due_buttons_and_more_rows(qtbot, window, clock):
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, "Ann Lee")
    press(qtbot, Qt.Key.Key_X, ALT)
    type_text(qtbot, "First")
    press(qtbot, Qt.Key.Key_M, ALT)
    press(qtbot, Qt.Key.Key_E, ALT)  # another step
    type_text(qtbot, "Second")
    press(qtbot, Qt.Key.Key_2, ALT)
    assert dialog.steps.rows[1].due.date() == clock.today() + dt.timedelta(days=2)
    press(qtbot, Qt.Key.Key_W, ALT)
    qtbot.mouseClick(dialog.steps.rows[0].due.buttons[0], Qt.MouseButton.LeftButton)  # +2 days on row 1
    press(qtbot, Qt.Key.Key_F, ALT)  # another offer
    assert focused() is dialog.offers.rows[1].target
    type_text(qtbot, "Bo Chen")
    assert not dialog.offers.rows[1].description.isChecked()
    press(qtbot, Qt.Key.Key_D, ALT)  # Alt+D: it is a description after all
    assert dialog.offers.rows[1].description.isChecked()
    type_text(qtbot, " from the conference")  # a ticked box stays as the user left it
    press(qtbot, Qt.Key.Key_D, ALT)
    assert not dialog.offers.rows[1].description.isChecked()
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    due = {s.text: s.due_date for s in NextStep.select().where(NextStep.introduction.is_null())}
    assert due == {"First": clock.today() + dt.timedelta(days=2), "Second": clock.today() + dt.timedelta(days=7)}
    offer = Introduction.get()
    assert offer.target.name == "Bo Chen from the conference" and not offer.target.is_placeholder


def test_tab_order_follows_the_form(qtbot, window):
    open_dialog(qtbot, window)
    order = []
    for _ in range(8):
        order.append(focused().objectName())
        press(qtbot, Qt.Key.Key_Tab)
    assert order == ["peopleEdit", "when", "channel", "summary", "notes", "offerTarget", "offerIsDescription", "addOffer"]


def test_with_two_people_the_offer_says_who_made_it(qtbot, window):
    dialog = open_dialog(qtbot, window)
    for name in ("Ann Lee", "Bo Chen"):
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
    row = dialog.offers.rows[0]
    assert row.introducer.isVisible() and row.introducer.count() == 2
    press(qtbot, Qt.Key.Key_O, ALT)
    type_text(qtbot, "Cy Target")
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is row.introducer
    press(qtbot, Qt.Key.Key_Down)
    assert row.introducer.currentText() == "Bo Chen offered:"
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    offer = Introduction.get()
    assert (offer.introducer.name, offer.target.name) == ("Bo Chen", "Cy Target")
    assert sorted(p.person.name for p in Participant.select()) == ["Ann Lee", "Bo Chen"]


def test_enter_in_notes_is_a_new_line_and_ctrl_enter_there_saves(qtbot, window):
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, "Ann Lee")
    press(qtbot, Qt.Key.Key_N, ALT)
    type_text(qtbot, "first line")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "second line")
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert Conversation.get().notes == "first line\nsecond line"


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_jumping_to_another_field_closes_the_suggestions(qtbot, window, clock, db):
    with db.atomic():
        create_person("Dana Smith", clock=clock)
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, "Da")
    popup = dialog.picker.edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_O, ALT)
    assert focused() is dialog.offers.rows[0].target
    assert not popup.isVisible()
    assert dialog.picker.names() == ["Da"]  # still there, saved with the others unless changed


def test_a_new_person_gets_the_default_cadence_from_preferences(qtbot, window, context):
    from journal.desktop.preferences import Preferences

    Preferences(context.settings).default_cadence_days = 91
    open_dialog(qtbot, window)
    type_text(qtbot, "Rosa Alvarez")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: Person.select().count() == 1)
    person = Person.get()
    assert (person.name, person.cadence_days) == ("Rosa Alvarez", 91)


def test_saving_with_suggestions_open_asks_instead_of_adding_a_half_typed_name(qtbot, window, clock):
    create_person("Dana Smith", clock=clock)
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, "Dan")
    popup = dialog.picker.edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and Conversation.select().count() == 0
    assert "“Dan” is like people already in your journal" in dialog.error.text()
    assert [p.name for p in Person.select()] == ["Dana Smith"]
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # Enter: "Dan" is someone new after all
    assert dialog.picker.people() == [(None, "Dan")]
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    assert sorted(p.name for p in Person.select()) == ["Dan", "Dana Smith"]


def test_down_and_enter_take_the_suggestion_then_save(qtbot, window, clock):
    dana = create_person("Dana Smith", clock=clock)
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, "Dan")
    popup = dialog.picker.edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    assert [p.person_id for p in Participant.select()] == [dana.id]
    assert Person.select().count() == 1


def test_the_people_picker_shows_avatars_in_suggestions_and_chips(qtbot, window, clock, db, context):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QToolButton

    from journal.services.people import photos
    from journal.ui.widgets.avatar import avatars
    from tests.services.people.test_fields import png

    with db.atomic():
        dana = create_person("Dana Smith", organisation="Acme", clock=clock)
        sam = create_person("Sam Dane", clock=clock)
    photos.set_photo(dana.id, png(40, 30))
    cache = avatars(context)
    dialog = open_dialog(qtbot, window)
    batches = cache.batches
    type_text(qtbot, "dan")
    popup = dialog.picker.edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    icons = [popup.model().index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in range(popup.model().rowCount())]
    assert all(isinstance(icon, QIcon) and not icon.isNull() for icon in icons) and len(icons) == 2
    assert cache.batches == batches + 1  # both photos asked for in one query
    assert cache.has_photo(dana.id) is True and cache.has_photo(sam.id) is False
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    type_text(qtbot, "Lee New")
    press(qtbot, Qt.Key.Key_Return)  # a new name's chip gets initials
    chips = [c for c in dialog.picker.chips.findChildren(QToolButton) if c.objectName() == "chip"]
    assert [c.text() for c in chips] == ["Dana Smith  ✕", "Lee New  ✕"]
    assert all(not c.icon().isNull() for c in chips)
    dialog.picker.grab()  # painted without Qt warnings (which fail the test)
