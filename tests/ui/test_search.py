"""The Ctrl+K search palette, driven like a user."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from journal.services import operations
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.search import MARK_END, MARK_START
from journal.ui.search.action import install_search, palette_of
from journal.ui.search.delegate import runs
from journal.ui.search.results_model import IsHeaderRole, KindRole, SearchResultsModel


class FakeWindow(QMainWindow):
    """A window with the main window's open_item contract and a View menu."""

    def __init__(self, known=("person", "conversation", "introduction", "next_step")):
        super().__init__()
        self.view_menu = self.menuBar().addMenu("&View")
        self.opened: list[tuple[str, int]] = []
        self.known = known

    def open_item(self, kind, item_id):
        if kind not in self.known:
            return False
        self.opened.append((kind, item_id))
        return True


@pytest.fixture
def filled(db, clock):
    log_conversation(
        [PersonRef.named("Siobhán O'Brien")],
        when=dt.datetime(2026, 3, 2, 10, 0),
        summary="Coffee about Siobhán's C++ team",
        notes="She knows the CTO at Zoë's café.",
        offers=[OfferDraft(PersonRef.named("Max Müller"))],
        next_steps=[StepDraft("Send my CV to Siobhán", dt.date(2026, 3, 20))],
        clock=clock,
    )
    log_conversation([PersonRef.named("Olga Ivanov")], summary="Robotics meetup", clock=clock)
    return db


@pytest.fixture
def window(qtbot, filled):
    win = FakeWindow()
    qtbot.addWidget(win)
    install_search(win)
    palette = palette_of(win)
    palette.set_debounce(0)
    win.show()
    return win


def type_query(qtbot, palette, text):
    with qtbot.waitSignal(palette.results_shown, timeout=2000):
        qtbot.keyClicks(palette.input, text)


def test_ctrl_k_opens_the_palette_with_focus_in_the_input(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = palette_of(window)
    qtbot.waitUntil(palette.isVisible)
    assert palette.focusWidget() is palette.input
    assert "Type to search" in palette.status.text()


def test_results_grouped_by_kind_and_enter_opens_the_first(qtbot, window):
    palette = palette_of(window)
    palette.popup()
    type_query(qtbot, palette, "siob")
    model = palette.model
    headers = [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(IsHeaderRole)]
    assert headers == ["People (1)", "Conversations (1)", "Introductions (1)", "Next steps (2)"]
    assert model.index(1).data() == "Siobhán O'Brien"
    assert palette.list.currentIndex().row() == 1
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert window.opened == [("person", model.index(1).data(Qt.ItemDataRole.UserRole + 2))]
    assert not palette.isVisible()


def test_arrow_keys_skip_headers_and_enter_opens_that_kind(qtbot, window):
    palette = palette_of(window)
    palette.popup()
    type_query(qtbot, palette, "siob")
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    assert palette.list.currentIndex().data(KindRole) == "conversation"
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    assert palette.list.currentIndex().data(KindRole) == "next_step"
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    last = palette.list.currentIndex().row()
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)  # stays on the last
    assert palette.list.currentIndex().row() == last == palette.model.rowCount() - 1
    qtbot.keyClick(palette.input, Qt.Key.Key_Up)
    qtbot.keyClick(palette.input, Qt.Key.Key_Up)
    assert palette.list.currentIndex().data(KindRole) == "introduction"
    qtbot.keyClick(palette.input, Qt.Key.Key_Enter)
    assert window.opened[-1][0] == "introduction"


def test_a_kind_without_a_view_says_so_and_stays_open(qtbot, filled):
    win = FakeWindow(known=("person",))
    qtbot.addWidget(win)
    install_search(win)
    palette = palette_of(win)
    palette.set_debounce(0)
    win.show()
    palette.popup()
    type_query(qtbot, palette, "robotics")
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert win.opened == []
    assert palette.isVisible()
    assert "cannot be shown" in palette.status.text()


@pytest.mark.parametrize("text", ["c++", "O'Brien", '"unbalanced', "AND OR", "NEAR(", "*"])
def test_odd_input_shows_results_or_a_message(qtbot, window, text):
    palette = palette_of(window)
    palette.popup()
    type_query(qtbot, palette, text)
    assert palette.status.text()
    if text in ('"unbalanced', "AND OR", "NEAR("):
        assert "Nothing matches" in palette.status.text()
    if text == "O'Brien":
        assert palette.model.result_count() >= 3


def test_escape_closes(qtbot, window):
    palette = palette_of(window)
    palette.popup()
    qtbot.keyClick(palette.input, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_clicking_a_result_opens_it(qtbot, window):
    palette = palette_of(window)
    palette.popup()
    type_query(qtbot, palette, "robotics")
    rect = palette.list.visualRect(palette.model.index(1))
    qtbot.mouseClick(palette.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.opened and window.opened[0][0] == "conversation"


def test_model_passes_the_model_tester(qtmodeltester, filled):
    from journal.services.search import search

    model = SearchResultsModel()
    model.set_results(search("siob"))
    qtmodeltester.check(model)
    model.set_results({})
    qtmodeltester.check(model)


def test_marked_text_splits_into_runs():
    from journal.services.search import MARK_END, MARK_START

    assert runs(f"<b> {MARK_START}Zoë{MARK_END} & {MARK_START}co{MARK_END}") == [
        ("<b> ", False),
        ("Zoë", True),
        (" & ", False),
        ("co", True),
    ]
    assert runs("plain") == [("plain", False)]


def test_screenshot_of_results(qtbot, window, tmp_path):
    palette = palette_of(window)
    palette.popup()
    type_query(qtbot, palette, "siob")
    image = palette.grab()
    assert not image.isNull() and image.width() >= 600
    image.save(str(tmp_path / "search.png"))


def test_open_results_follow_changes_to_the_journal(qtbot, context, filled):
    from journal.services.conversations.records import PersonRef, log_conversation

    win = FakeWindow()
    win.context = context
    qtbot.addWidget(win)
    install_search(win)
    palette = palette_of(win)
    palette.set_debounce(0)
    win.show()
    palette.popup()
    type_query(qtbot, palette, "quantum")
    assert palette.model.result_count() == 0
    with qtbot.waitSignal(palette.results_shown, timeout=2000):
        operations.run(log_conversation, [PersonRef.named("Olga Ivanov")], summary="Quantum computing chat")
    assert palette.model.index(1).data().endswith("Quantum computing chat")


def test_a_person_found_through_a_former_organisation_is_marked_formerly_at_it(qtbot, window, clock):
    from journal.services.people import jobs
    from journal.services.people import records as people
    from journal.ui.search.results_model import SnippetRole

    olga = people.find_by_name("Olga Ivanov").id
    people.update_person(olga, people.PersonChanges(name="Olga Ivanov", organisation="Initech", role="PM"), clock=clock)
    jobs.change_job(olga, "Globex", "Head of Product", on=dt.date(2026, 3, 1))
    people.add_person("Ina Initech-Fan", clock=clock)  # the word in her own name: not marked
    palette = palette_of(window)
    palette.popup()
    type_query(qtbot, palette, "initech")
    model = palette.model
    rows = {model.index(r).data(): model.index(r).data(SnippetRole) for r in range(model.rowCount())
            if model.index(r).data(KindRole) == "person"}
    assert rows["Olga Ivanov — Globex"] == f"formerly at {MARK_START}Initech{MARK_END}"
    assert "formerly" not in (rows["Ina Initech-Fan"] or "")
    # Found by the current organisation: no note.
    palette.input.clear()
    type_query(qtbot, palette, "globex")
    first = model.index(model.first_result_row()).data(SnippetRole) or ""
    assert "formerly" not in first


def test_a_marked_line_too_long_for_its_room_is_elided_with_its_highlights_inside(qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    from journal.ui.search.delegate import HIGHLIGHT, _Faces, draw_runs
    from journal.ui.search.results_model import runs

    image = QImage(400, 40, QImage.Format.Format_ARGB32)
    marked = f"{MARK_START}Siobhán{MARK_END} talked about the {MARK_START}kubernetes{MARK_END} migration " * 4
    for bold in (True, False):
        image.fill(QColor("white"))
        painter = QPainter(image)
        faces = _Faces(painter.font())
        draw_runs(painter, QRect(10, 10, 200, 20), runs(marked), QColor("black"), faces, bold)
        painter.end()
        lit = [(x, y) for y in range(image.height()) for x in range(image.width())
               if QColor(image.pixel(x, y)).red() > 200 and QColor(image.pixel(x, y)).blue() < 150]
        assert lit, "the matches are highlighted"
        assert all(8 <= x <= 212 for x, _y in lit), "no highlight past the room"
        drawn = [x for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) != 0xFFFFFFFF]
        assert drawn and max(drawn) <= 212, "no text past the room"
    assert HIGHLIGHT.alpha() < 255
