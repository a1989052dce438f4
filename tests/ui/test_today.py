"""The Today view driven by keys and clicks, checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from journal.domain.agenda import ItemKind
from journal.services import operations
from journal.services.agenda import next_steps
from journal.services.agenda.today import Group
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.people import records as people
from journal.store.models import Conversation, Introduction, NextStep, Participant, Person
from journal.ui.dialogs.log_dialog import LogDialog
from journal.ui.today.today_view import TodayView

DAY = dt.timedelta(days=1)


@pytest.fixture
def journal(db, clock):
    """An overdue step, a step due today, a future step, an overdue offer and a keep-in-touch due."""
    now = clock.now()
    log_conversation(
        [PersonRef.named("Ann Overdue")], when=now - 5 * DAY, clock=clock,
        next_steps=[StepDraft("Send Ann the slides", clock.today() - 2 * DAY)],
    )
    log_conversation(
        [PersonRef.named("Bo Today")], when=now - DAY, clock=clock,
        next_steps=[StepDraft("Call Bo back", clock.today()), StepDraft("Later", clock.today() + 3 * DAY)],
    )
    log_conversation(
        [PersonRef.named("Cy Introducer")], when=now - 3 * DAY, clock=clock,
        offers=[OfferDraft(PersonRef.named("Di Target"))],
    )
    log_conversation([PersonRef.named("Eve Cadence")], when=now - 20 * DAY, clock=clock)
    people.set_cadence(Person.get(Person.name == "Eve Cadence").id, 14, clock=clock)
    return {p.name: p.id for p in Person.select()}


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
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    view.table.setFocus()
    return win


@pytest.fixture
def view(window) -> TodayView:
    return window.view("today")


def titles(view: TodayView) -> dict[str, list[str]]:
    """Heading -> the titles listed under it, as the list shows them."""
    model = view.model
    result: dict[str, list[str]] = {}
    heading = None
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.item(index) is None:
            heading = index.data()
            result[heading] = []
        else:
            result[heading].append(index.data())
    return result


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(view.table, k, modifier)


def when_modal(action):
    """Run `action(widget)` on the next modal dialog or popup menu once it is showing."""

    def later():
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(10, later)
            return
        action(widget)

    QTimer.singleShot(0, later)


def test_the_model_passes_the_model_tester(qtmodeltester, view, journal):
    view.refresh()
    assert view.model.rowCount() == 3 + 4  # three headings, four items
    assert view.model.heading_rows() == [0, 3, 5]
    assert [view.table.columnSpan(row, 0) for row in range(7)] == [3, 1, 1, 3, 1, 3, 1]
    qtmodeltester.check(view.model)


def test_the_empty_model_passes_too_and_the_empty_state_says_what_to_do(qtbot, qtmodeltester, view):
    assert view.model.rowCount() == 0
    qtmodeltester.check(view.model)
    assert view.pages.currentWidget() is view.empty
    assert "Ctrl+N" in view.empty_text.text()
    assert not view.done_button.isEnabled()
    qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    dialog = view.window().findChild(LogDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.done(0)


def test_lists_what_is_due_grouped_with_stage_and_days_waiting(view, journal, clock):
    view.refresh()
    assert titles(view) == {
        "Next steps due (2)": ["Send Ann the slides", "Call Bo back"],
        "Introductions waiting on you (1)": ["Cy Introducer → Di Target"],
        "Keep in touch (1)": ["Keep in touch with Eve Cadence"],
    }
    model = view.model
    intro = model.index(model.group_index(Group.INTRODUCTIONS).row() + 1, 0)
    assert intro.siblingAtColumn(1).data() == "Offered · waiting 3 days"
    assert intro.siblingAtColumn(2).data() == "yesterday"
    step = model.index(model.group_index(Group.STEPS).row() + 1, 0)
    assert step.siblingAtColumn(2).data() == "2 days overdue"
    assert view.summary.text() == "2 next steps · 1 introduction waiting · 1 person to keep in touch with"
    assert view.pages.currentWidget() is view.table


def test_d_marks_a_step_done_and_the_next_item_is_selected(qtbot, view, journal):
    view.refresh()
    assert view.select("next_step", NextStep.get(NextStep.text == "Send Ann the slides").id)
    key(qtbot, view, Qt.Key.Key_D)
    assert NextStep.get(NextStep.text == "Send Ann the slides").done_at is not None
    assert view.current_item().title == "Call Bo back"
    key(qtbot, view, Qt.Key.Key_Space)
    assert NextStep.get(NextStep.text == "Call Bo back").done_at is not None
    assert "Next steps due" not in " ".join(titles(view))


def test_done_on_an_introduction_advances_it(qtbot, view, journal, clock):
    view.refresh()
    intro = Introduction.get()
    view.select("introduction", intro.id)
    assert view.done_button.text().startswith("Advance to Asked")
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    intro = Introduction.get()
    assert intro.stage == "asked" and intro.asked_on == clock.today()
    assert "Introductions waiting" not in " ".join(titles(view))  # the nudge is due in a week


def test_one_and_w_snooze_a_day_and_a_week(qtbot, view, journal, clock):
    view.refresh()
    view.select("next_step", NextStep.get(NextStep.text == "Call Bo back").id)
    key(qtbot, view, Qt.Key.Key_1)
    assert NextStep.get(NextStep.text == "Call Bo back").snoozed_until == clock.today() + DAY
    view.select("keep_in_touch", journal["Eve Cadence"])
    key(qtbot, view, Qt.Key.Key_W)
    assert Person.get_by_id(journal["Eve Cadence"]).keep_in_touch_snoozed_until == clock.today() + 7 * DAY
    intro = Introduction.get()
    view.select("introduction", intro.id)
    key(qtbot, view, Qt.Key.Key_1)
    step = NextStep.get((NextStep.introduction == intro.id) & NextStep.done_at.is_null())
    assert step.snoozed_until == clock.today() + DAY
    assert [t for group in titles(view).values() for t in group] == ["Send Ann the slides"]


# Menus cannot grab the keyboard on the offscreen platform, and say so.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing")
def test_s_opens_the_snooze_menu_and_pick_a_date_asks_for_one(qtbot, view, journal, clock):
    view.refresh()
    step_id = NextStep.get(NextStep.text == "Send Ann the slides").id
    view.select("next_step", step_id)
    when_modal(lambda menu: qtbot.keyClick(menu, Qt.Key.Key_W))  # "1 &week"
    key(qtbot, view, Qt.Key.Key_S)
    assert NextStep.get_by_id(step_id).snoozed_until == clock.today() + 7 * DAY

    view.select("next_step", NextStep.get(NextStep.text == "Call Bo back").id)

    def pick(menu):
        def in_dialog(dialog):
            calendar = dialog.calendar
            qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Down)  # a week after tomorrow
            dialog.accept()

        when_modal(in_dialog)
        qtbot.keyClick(menu, Qt.Key.Key_P)  # "&Pick a date…"

    when_modal(pick)
    key(qtbot, view, Qt.Key.Key_S)
    assert NextStep.get(NextStep.text == "Call Bo back").snoozed_until == clock.today() + 8 * DAY


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")
def test_the_snooze_button_by_mouse(qtbot, view, journal, clock):
    view.refresh()
    view.select("keep_in_touch", journal["Eve Cadence"])

    def choose(menu):
        action = next(a for a in menu.actions() if a.text() == "1 &day")
        spot = menu.actionGeometry(action).center()
        qtbot.mouseMove(menu, spot)
        qtbot.mousePress(menu, Qt.MouseButton.LeftButton, pos=spot)
        qtbot.mouseRelease(menu, Qt.MouseButton.LeftButton, pos=spot)

    when_modal(choose)
    qtbot.mouseClick(view.snooze_button, Qt.MouseButton.LeftButton)  # the menu opens on the next turn
    qtbot.waitUntil(lambda: Person.get_by_id(journal["Eve Cadence"]).keep_in_touch_snoozed_until is not None)
    assert Person.get_by_id(journal["Eve Cadence"]).keep_in_touch_snoozed_until == clock.today() + DAY


def test_enter_and_double_click_open_the_item(qtbot, window, view, journal):
    view.refresh()
    view.select("keep_in_touch", journal["Eve Cadence"])
    key(qtbot, view, Qt.Key.Key_Return)
    intro = Introduction.get()
    view.select("introduction", intro.id)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    step = NextStep.get(NextStep.text == "Send Ann the slides")
    view.select("next_step", step.id)
    rect = view.table.visualRect(view.table.currentIndex())
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.opened == [("person", journal["Eve Cadence"]), ("introduction", intro.id), ("person", journal["Ann Overdue"])]


def test_done_on_keep_in_touch_can_just_mark_contacted(qtbot, view, journal, clock):
    view.refresh()
    view.select("keep_in_touch", journal["Eve Cadence"])

    def mark(box):
        button = next(b for b in box.buttons() if b.text() == "Just &mark contacted")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_modal(mark)
    key(qtbot, view, Qt.Key.Key_D)
    assert Person.get_by_id(journal["Eve Cadence"]).keep_in_touch_snoozed_until == clock.today() + 14 * DAY
    assert "Keep in touch" not in " ".join(titles(view))


def test_done_on_keep_in_touch_can_log_the_conversation(qtbot, view, journal, clock):
    view.refresh()
    view.select("keep_in_touch", journal["Eve Cadence"])
    when_modal(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))  # the default: Log conversation…
    key(qtbot, view, Qt.Key.Key_D)
    dialog = view.window().findChild(LogDialog)
    assert dialog is not None and dialog.picker.names() == ["Eve Cadence"]
    qtbot.waitExposed(dialog)

    def active() -> bool:
        dialog.activateWindow()
        return QApplication.activeWindow() is dialog

    qtbot.waitUntil(active)
    qtbot.keyClicks(dialog.summary, "Caught up")
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    conversation = Conversation.get(Conversation.summary == "Caught up")
    assert [p.person_id for p in Participant.select().where(Participant.conversation == conversation)] == [
        journal["Eve Cadence"]
    ]
    assert "Keep in touch" not in " ".join(titles(view))


def test_refreshes_when_the_journal_changes(qtbot, view, journal, clock):
    view.refresh()
    before = sum(w.count for w in view.chart.weeks())
    step = operations.run(next_steps.add, "Brand new", due=clock.today(), clock=clock).value
    assert "Brand new" in titles(view)["Next steps due (3)"]
    operations.run(log_conversation, [PersonRef.named("Fay New")], clock=clock)
    assert sum(w.count for w in view.chart.weeks()) == before + 1
    assert view.chart.weeks()[-1].count >= 1
    operations.run(next_steps.delete, step)
    assert "Brand new" not in " ".join(sum(titles(view).values(), []))


def test_the_chart_paints(qtbot, view, journal):
    view.refresh()  # the journal was filled after the view was made
    image = view.chart.grab().toImage()
    assert image.width() >= 200
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert "#e39b3a" in colours  # this week's bar


def test_arrow_keys_step_over_the_group_headings(qtbot, view, journal):
    view.refresh()
    view.select("next_step", NextStep.get(NextStep.text == "Call Bo back").id)
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.current_item().kind is ItemKind.INTRODUCTION
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.current_item().kind is ItemKind.KEEP_IN_TOUCH
    key(qtbot, view, Qt.Key.Key_Up)
    key(qtbot, view, Qt.Key.Key_Up)
    assert view.current_item().title == "Call Bo back"
    key(qtbot, view, Qt.Key.Key_Home)
    assert view.current_item().title == "Send Ann the slides"
    key(qtbot, view, Qt.Key.Key_End)
    assert view.current_item().title == "Keep in touch with Eve Cadence"
    key(qtbot, view, Qt.Key.Key_Up)  # over the heading above it
    assert view.current_item().kind is ItemKind.INTRODUCTION


def test_a_new_day_is_picked_up(qtbot, view, journal, clock):
    view.refresh()
    assert "Wednesday 11 March" in view.heading.text()
    clock.advance(days=1)
    view._day_timer.timeout.emit()  # what the once-a-minute check does
    assert "Thursday 12 March" in view.heading.text()
    assert "Later" not in " ".join(sum(titles(view).values(), []))
    clock.advance(days=2)
    view._day_timer.timeout.emit()
    assert "Later" in " ".join(sum(titles(view).values(), []))


def test_while_hidden_it_waits_and_catches_up_when_shown(qtbot, window, view, journal, clock):
    window.add_view("other", "Other", QLabel("elsewhere"))
    window.show_view("other")
    assert not view.isVisible()
    operations.run(next_steps.add, "Added elsewhere", due=clock.today(), clock=clock)
    assert "Added elsewhere" not in " ".join(sum(titles(view).values(), []))
    window.show_view("today")
    assert "Added elsewhere" in " ".join(sum(titles(view).values(), []))


def test_refreshing_keeps_one_snooze_menu(qtbot, view, journal):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QMenu

    for _ in range(5):
        view.refresh()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    menus = [m for m in view.findChildren(QMenu) if m.objectName() == "snoozeMenu"]
    assert len(menus) == 1


def test_done_and_its_undo_patch_one_row_instead_of_reading_the_list_again(qtbot, window, view, journal, clock):
    view.refresh()
    resets, removed, inserted = [], [], []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    view.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    before = titles(view)
    view.select("next_step", NextStep.get(NextStep.text == "Send Ann the slides").id)
    key(qtbot, view, Qt.Key.Key_Space)
    assert removed == [(1, 1)] and not resets
    assert titles(view)["Next steps due (1)"] == ["Call Bo back"]
    assert view.current_item().title == "Call Bo back"  # the selection moves to the next row
    window.context.operations.undo()
    assert inserted == [(1, 1)] and not resets
    assert titles(view) == before


# --- dates that matter and job changes ---------------------------------------------------------


@pytest.fixture
def yearly(db, clock):
    """Dana's birthday today (born 1986), Eli's year-less anniversary in 3 days, Fay's birthday
    in 12 days (beyond the default 7), and Gus's move from Initech to Acme noticed 2 days ago."""
    from journal.store.models import ContactDetail, Job, Organisation, PersonDate

    dana = Person.create(name="Dana Smith")
    eli = Person.create(name="Eli Jones")
    fay = Person.create(name="Fay Later")
    gus = Person.create(name="Gus Mover")
    ContactDetail.create(person=gus, kind="email", value="gus@example.com", normalized="gus@example.com")
    today = clock.today()
    ids = {
        "dana": PersonDate.create(person=dana, kind="birthday", month=today.month, day=today.day, year=1986).id,
        "eli": PersonDate.create(person=eli, kind="anniversary", month=3, day=14).id,
        "fay": PersonDate.create(person=fay, kind="birthday", month=3, day=23).id,
    }
    Job.create(person=gus, organisation=Organisation.create(name="Initech"), role="Engineer", ended_on=today - 2 * DAY)
    ids["gus"] = Job.create(person=gus, organisation=Organisation.create(name="Acme"), role="VP Engineering", noticed_on=today - 2 * DAY).id
    ids["gus_person"] = gus.id
    return ids


def test_dates_and_job_changes_are_listed_with_their_own_words(qtbot, qtmodeltester, view, yearly, tmp_path):
    view.refresh()
    assert titles(view) == {
        "Dates that matter (2)": ["Dana Smith's birthday (turns 40)", "Eli Jones's anniversary"],
        "Reasons to reconnect (1)": ["Gus Mover moved to Acme as VP Engineering"],
    }
    qtmodeltester.check(view.model)
    model = view.model
    dana = model.index_of(("date", yearly["dana"]))
    assert dana.siblingAtColumn(1).data().startswith("Birthday · ")
    assert dana.siblingAtColumn(2).data() == "today"
    assert model.index_of(("date", yearly["eli"])).siblingAtColumn(2).data() == "in 3 days"
    gus = model.index_of(("reconnect", yearly["gus"]))
    assert gus.siblingAtColumn(1).data() == "Previously at Initech"
    assert gus.siblingAtColumn(2).data() == "noticed 2 days ago"
    assert "C: draft a congratulation" in gus.data(Qt.ItemDataRole.ToolTipRole)
    assert not gus.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert view.summary.text() == "2 dates that matter · 1 job change"
    view.window().resize(1000, 420)
    view.table.setCurrentIndex(gus)
    view.grab().save(str(tmp_path / "today_yearly.png"))


def test_the_look_ahead_follows_preferences(view, yearly, context):
    from journal.desktop.preferences import Preferences

    Preferences(context.settings).today_date_days = 14
    view.refresh()
    assert "Fay Later's birthday" in titles(view)["Dates that matter (3)"]
    Preferences(context.settings).today_date_days = 0
    view.refresh()
    assert titles(view)["Dates that matter (1)"] == ["Dana Smith's birthday (turns 40)"]


def test_d_marks_a_date_done_for_the_year_and_undo_brings_it_back(qtbot, window, view, yearly, clock):
    from journal.store.models import PersonDate

    view.refresh()
    assert view.select("date", yearly["dana"])
    assert view.done_button.text().startswith("Done")
    assert not view.snooze_button.isEnabled()
    assert view.write_button.isVisible() and view.write_button.text().startswith("Send wishes")
    key(qtbot, view, Qt.Key.Key_D)
    assert PersonDate.get_by_id(yearly["dana"]).acknowledged_on == clock.today()
    assert titles(view)["Dates that matter (1)"] == ["Eli Jones's anniversary"]
    assert "Done for this year" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: PersonDate.get_by_id(yearly["dana"]).acknowledged_on is None)
    qtbot.waitUntil(lambda: "Dates that matter (2)" in titles(view))
    assert view.current_item().kind is ItemKind.DATE and view.current_item().id == yearly["dana"]


def test_snooze_keys_do_nothing_to_a_date_but_say_why(qtbot, window, view, yearly):
    from journal.store.models import PersonDate

    view.refresh()
    view.select("date", yearly["eli"])
    for k in (Qt.Key.Key_1, Qt.Key.Key_W, Qt.Key.Key_S):
        key(qtbot, view, k)
    assert PersonDate.get_by_id(yearly["eli"]).acknowledged_on is None
    assert "comes back each year" in window.statusBar().currentMessage()
    assert len(titles(view)["Dates that matter (2)"]) == 2


def test_d_dismisses_a_job_change_and_undo_brings_it_back(qtbot, window, view, yearly):
    from journal.store.models import Job

    view.refresh()
    view.select("reconnect", yearly["gus"])
    assert view.done_button.text().startswith("Dismiss")
    key(qtbot, view, Qt.Key.Key_D)
    assert Job.get_by_id(yearly["gus"]).dismissed
    assert "Reasons to reconnect (1)" not in titles(view)
    window.context.operations.undo()
    qtbot.waitUntil(lambda: "Reasons to reconnect (1)" in titles(view))
    assert not Job.get_by_id(yearly["gus"]).dismissed


def test_c_drafts_a_congratulation_to_the_first_address(qtbot, window, view, yearly):
    from urllib.parse import parse_qs, urlsplit

    from journal.ui.today.greeting_dialog import GreetingDialog

    opened = []
    view.open_url = lambda url: opened.append(url.toString()) or True
    view.refresh()
    view.select("reconnect", yearly["gus"])
    assert view.write_button.isVisible() and view.write_button.text().startswith("Congratulate")
    key(qtbot, view, Qt.Key.Key_C)
    dialog = window.findChild(GreetingDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.to.text() == "gus@example.com"
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.body.hasFocus)
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.body, "Gus? Coffee soon?")  # the body is the user's to edit
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    parts = urlsplit(opened[0])
    assert parts.scheme == "mailto" and parts.path == "gus@example.com"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Congratulations on Acme!"]
    body = query["body"][0]
    assert body.startswith("Hi Gus,\r\n\r\nI just saw that you've moved to Acme as VP Engineering")
    assert body.endswith("Gus? Coffee soon?")
    assert "mail app" in window.statusBar().currentMessage()


def test_enter_opens_the_person_of_a_date_or_a_job_change(qtbot, window, view, yearly):
    from journal.store.models import PersonDate

    view.refresh()
    view.select("reconnect", yearly["gus"])
    key(qtbot, view, Qt.Key.Key_Return)
    view.select("date", yearly["dana"])
    key(qtbot, view, Qt.Key.Key_Return)
    assert window.opened == [("person", yearly["gus_person"]), ("person", PersonDate.get_by_id(yearly["dana"]).person_id)]


def test_heading_rows_and_positions_follow_every_change_of_the_list(qapp):
    """The headings are worked out from the groups' counts: the same rows a walk finds, after
    the list is set, a group is replaced or goes, and steps are patched in and out."""
    import datetime as dt

    from journal.domain.agenda import ItemKind
    from journal.services.agenda.today import Group, TodayItem
    from journal.ui.today.today_model import TodayModel

    day = dt.date(2026, 3, 11)

    def step(n: int) -> TodayItem:
        return TodayItem(ItemKind.NEXT_STEP, n, f"Step {n:03}", day, False)

    def keep(n: int) -> TodayItem:
        return TodayItem(ItemKind.KEEP_IN_TOUCH, n, f"Keep {n}", day, False)

    model = TodayModel()

    def check() -> None:
        walked = [row for row, entry in enumerate(model._rows) if isinstance(entry, Group)]
        assert model.heading_rows() == walked
        for row in range(len(model._rows) + 2):
            heading = max((h for h in walked if h <= min(row, len(model._rows) - 1)), default=-1)
            expected = (walked.index(heading), row - heading - 1) if heading >= 0 and row > heading else None
            assert model.position_of(row) == expected

    check()
    model.set_items({Group.STEPS: [step(1), step(2), step(3)], Group.INTRODUCTIONS: [], Group.KEEP_IN_TOUCH: [keep(7), keep(8)]}, day)
    check()
    model.replace_group(Group.SUGGESTIONS, [keep(20)])
    check()
    assert model.patch_steps({2}, [])
    check()
    assert model.patch_steps(set(), [step(0), step(4)])
    check()
    model.replace_group(Group.KEEP_IN_TOUCH, [])
    check()
    model.set_items({}, day)
    check()
