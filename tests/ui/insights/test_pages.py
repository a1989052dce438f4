"""The funnel, the introducers, losing touch and the activity, driven by keys: every number leads
to what is behind it, and the one-key actions act."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu

from journal.domain.pipeline import Stage
from journal.store.models import Person
from tests.ui.insights.conftest import settled


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def show_tab(qtbot, window, letter):
    """Ctrl+7, then Alt+the tab's underlined letter, as a user would."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    view = window.view("insights")
    qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
    view.current_page().setFocus(Qt.FocusReason.TabFocusReason)
    settled(qtbot, view)  # the tab is read on the reader's thread
    return view


def offers_listed(page) -> list[int]:
    from journal.ui.insights.models import offer_id

    return [offer_id(page.model.item(r)) for r in range(page.model.rowCount())]


def test_the_funnel_counts_and_each_number_lists_its_offers(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_U)
    page = view.funnel_page
    assert view.current_page() is page and focused() == "funnelChart"
    f = page.funnel
    assert f.total == 4  # Fay's offer of January 2025 is before the last 12 months
    # Bob's offer of Carl was introduced without an ask: it reached "asked" all the same.
    assert f.reached[Stage.ASKED] == 3 and f.reached[Stage.INTRODUCED] == 2 and f.reached[Stage.MET] == 1
    assert page.chart.current_cell().kind == "reached" and page.chart.current_cell().stage is Stage.OFFERED
    assert len(offers_listed(page)) == 4
    qtbot.keyClick(page.chart, Qt.Key.Key_Down)  # Asked, reached
    assert sorted(offers_listed(page)) == sorted([journal["dana_ali"], journal["dana_erin"], journal["bob_carl"]])
    assert page.title.text() == "3 offers reached Asked or a later stage"
    qtbot.keyClick(page.chart, Qt.Key.Key_Down)
    qtbot.keyClick(page.chart, Qt.Key.Key_Right)  # Introduced, in it now
    assert offers_listed(page) == [journal["bob_carl"]]
    assert page.title.text() == "1 offer in Introduced now"
    qtbot.keyClick(page.chart, Qt.Key.Key_End)  # lapsed: none
    assert offers_listed(page) == []
    qtbot.keyClick(page.chart, Qt.Key.Key_Up)  # declined
    assert offers_listed(page) == [journal["dana_erin"]]
    qtbot.keyClick(page.chart, Qt.Key.Key_Up)  # stalled now
    assert set(offers_listed(page)) == {r.introduction_id for r in f.stalled} and f.stalled
    qtbot.keyClick(page.chart, Qt.Key.Key_Return)
    assert focused() == "funnelOffers"
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert focused() == "funnelChart"


def test_enter_on_an_offer_opens_it_in_introductions(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_U)
    page = view.funnel_page
    qtbot.keyClick(page.chart, Qt.Key.Key_Down)
    qtbot.keyClick(page.chart, Qt.Key.Key_Down)
    qtbot.keyClick(page.chart, Qt.Key.Key_Down)  # Met, reached: Dana → Ali
    qtbot.keyClick(page.chart, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_key() == "introductions"
    assert window.view("introductions").current_card().id == journal["dana_ali"]


def test_a_click_on_a_number_lists_its_offers(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_U)
    page = view.funnel_page
    chart = page.chart
    chart.repaint()  # where each number is drawn is known once painted
    rect = next(r for r, cell in chart._hit if cell.kind == "now" and cell.stage is Stage.MET)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert offers_listed(page) == [journal["dana_ali"]]
    assert focused() == "funnelOffers"


def test_the_period_applies_to_every_tab(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_U)
    page = view.funnel_page
    assert page.funnel.total == 4
    view.period_box.setFocus()
    view.set_period("all")
    assert view.reading.isVisible()  # said while the reader reads
    settled(qtbot, view)
    assert not view.reading.isVisible()
    assert page.funnel.total == 5
    assert view.context.settings.value("insights/period") == "all"
    view.set_period("30")  # 10 Feb to 11 Mar: Bob's and Carl's offers
    settled(qtbot, view)
    assert page.funnel.total == 2
    view.set_period("all")  # read before: at once, nothing read again
    assert page.funnel.total == 5 and not view.reads.busy()
    view.set_period("30")
    view.show_tab(view.introducers_page)
    settled(qtbot, view)
    assert [r.name for r in view.introducers_page.model.rows] == ["Bob Stone", "Carl Berg"]
    view.show_tab(view.graph_page)
    settled(qtbot, view)
    assert {e.introduction_id for e in view.graph_page.graph.edges} == {journal["bob_carl"], journal["carl_dee"]}


def test_a_change_elsewhere_refreshes_the_tab_in_front(qtbot, window, journal, clock):
    from journal.services import operations
    from journal.services.pipeline.introductions import advance

    view = show_tab(qtbot, window, Qt.Key.Key_U)
    page = view.funnel_page
    assert page.funnel.counts[Stage.MET] == 1
    operations.run(advance, journal["dana_ali"], Stage.THANKED, clock=clock, label="Dana → Ali: thanked")
    settled(qtbot, view)
    assert page.funnel.counts[Stage.MET] == 0 and page.funnel.counts[Stage.THANKED] == 1


def test_introducers_and_the_offers_behind_their_numbers(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_N)
    page = view.introducers_page
    assert focused() == "introducersTable"
    rows = page.model.rows
    assert [(r.name, r.offers, r.met, len(r.unthanked)) for r in rows] == [
        ("Dana Smith", 2, 1, 1), ("Bob Stone", 1, 0, 0), ("Carl Berg", 1, 0, 0),
    ]
    assert page.model.index(0, 3).data() == "50 %" and page.model.index(0, 4).data() == "18"  # 2 Feb to 20 Feb
    assert page.offers_title.text() == "Offers Dana Smith made in the period (2)"
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    qtbot.keyClick(page.table, Qt.Key.Key_Right)  # the Met column
    assert [page.offers_model.item(r).id for r in range(page.offers_model.rowCount())] == [journal["dana_ali"]]
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert focused() == "introducerOffers"
    qtbot.keyClick(page.offers, Qt.Key.Key_Return)
    assert window.current_key() == "introductions" and window.view("introductions").current_card().id == journal["dana_ali"]


def test_enter_on_an_introducers_name_opens_them(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_N)
    page = view.introducers_page
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_key() == "people" and window.view("people").editor.name.text() == "Bob Stone"


def test_t_drafts_the_thank_you_and_ctrl_enter_hands_it_to_the_mail_app(qtbot, window, journal, monkeypatch):
    from journal.ui.introductions.draft_dialog import DraftDialog

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    view = show_tab(qtbot, window, Qt.Key.Key_N)
    page = view.introducers_page
    assert page.thank_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_T)
    dialog = window.findChild(DraftDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.body.hasFocus)
    assert dialog.kind.currentData() == "thank" and dialog.to.text() == "dana@acme.test"
    assert dialog.subject.text() == "Thank you for the introduction to Ali Khan"
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and opened[0].startswith("mailto:dana@acme.test?")
    assert parse_qs(urlsplit(opened[0]).query)["subject"] == ["Thank you for the introduction to Ali Khan"]
    assert "mark it thanked in Introductions" in window.statusBar().currentMessage()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # Bob: nothing to thank him for
    assert not page.thank_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_T)
    assert window.statusBar().currentMessage() == "Bob Stone has no meeting left to thank them for."


def test_losing_touch_ranks_against_the_usual_gap(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_L)
    page = view.losing_page
    assert focused() == "losingTouchTable"
    rows = page.model.rows
    assert rows[0].name == "Dana Smith" and rows[0].usual_gap_days == 10 and rows[0].days_since == 37
    assert page.model.index(0, 4).data() == "3.7×"
    once = [r.name for r in rows if r.usual_gap_days is None]
    assert once == ["Fay Hill", "Carl Berg"]  # one contact only: after the others, longest since first
    assert page.model.index(len(rows) - 1, 3).data() == "one contact only"


def test_k_sets_a_cadence_from_their_usual_gap_and_ctrl_z_takes_it_back(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_L)
    page = view.losing_page
    qtbot.keyClick(page.table, Qt.Key.Key_K)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.objectName() == "cadenceMenu"
    assert menu.actions()[0].text() == "Their usual gap: Every 10 days"
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert Person.get_by_id(journal["dana"]).cadence_days == 10
    settled(qtbot, view)
    assert page.model.index(page.model.row_of(journal["dana"]), 6).data() == "Every 10 days"
    assert window.statusBar().currentMessage() == "Keep in touch with Dana Smith: Every 10 days. Ctrl+Z undoes it."
    window.activateWindow()  # the offscreen platform leaves the closed menu the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Person.get_by_id(journal["dana"]).cadence_days is None


def test_l_logs_a_conversation_with_them(qtbot, window, journal):
    from journal.ui.dialogs.log_dialog import LogDialog

    view = show_tab(qtbot, window, Qt.Key.Key_L)
    page = view.losing_page
    qtbot.keyClick(page.table, Qt.Key.Key_L)
    dialog = window.findChild(LogDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.picker.names() == ["Dana Smith"]
    dialog.done(0)


def test_activity_bars_lead_to_their_conversations_and_new_people(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_Y)
    page = view.activity_page
    assert focused() == "activityChart"
    chart = page.chart
    assert chart.bucket_start().isoformat() == "2026-03-09"  # this week, Monday 9 March
    assert page.model.rowCount() == 0
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # the week of 2 March: Carl's video call, he was new
    settled(qtbot, view)
    assert page.title.text() == "week of 02 Mar 2026: 1 conversation(s)"
    assert [page.model.item(r).participants for r in range(page.model.rowCount())] == ["Carl Berg"]
    assert [page.new_people.item(i).text() for i in range(page.new_people.count())] == ["Carl Berg"]
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # 23 Feb: Bob's message, Bob not new
    settled(qtbot, view)
    assert page.breakdown.text() == "message 1" and page.new_people.count() == 0
    qtbot.keyClick(chart, Qt.Key.Key_M)
    settled(qtbot, view)
    assert page.activity.bucket == "month" and chart.bucket_start().isoformat() == "2026-02-01"
    assert chart.total_at(chart.current) == 3  # 2, 20 and 27 February
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert focused() == "activityConversations"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_key() == "conversations"


def test_tabs_come_back_as_they_were_left(qtbot, window, journal):
    view = show_tab(qtbot, window, Qt.Key.Key_Y)
    assert window.context.settings.value("insights/tab") == 4
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Activit&y"


def test_the_tables_pass_the_model_tester(qtmodeltester, context, journal):
    from journal.services.insights import Period, introducers, losing_touch
    from journal.services.pipeline.introductions import cards
    from journal.ui.insights.models import IntroducersModel, LosingTouchModel, OffersModel

    today = context.clock.today()
    for model, rows in (
        (IntroducersModel(), introducers(Period.all(today))),
        (LosingTouchModel(context.clock), losing_touch(today)),
        (OffersModel(context.clock), cards()),
    ):
        model.set_rows(rows)
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_read_that_fails_says_why_in_the_status_bar(qtbot, window, journal, monkeypatch):
    from journal.errors import JournalError
    from journal.ui.insights import funnel_page

    def broken(period, today):
        raise JournalError("The journal is busy: another program is writing to it.")

    monkeypatch.setattr(funnel_page, "read_funnel", broken)
    view = show_tab(qtbot, window, Qt.Key.Key_U)
    assert window.statusBar().currentMessage() == "The journal is busy: another program is writing to it."
    assert not view.reading.isVisible() and view.funnel_page.funnel is None


def test_the_funnel_and_introducers_share_the_cards_until_the_journal_changes(qtbot, window, journal, clock):
    from journal.services import operations
    from journal.services.pipeline.introductions import advance

    view = show_tab(qtbot, window, Qt.Key.Key_U)
    funnel = view.funnel_page
    view = show_tab(qtbot, window, Qt.Key.Key_N)
    introducers = view.introducers_page
    assert introducers._cards is funnel._cards  # one copy of every card, not one per tab
    assert funnel._cards[journal["dana_ali"]].stage is Stage.MET
    assert funnel._cards[journal["dana_ali"]].notes == ""  # the lists show none
    operations.run(advance, journal["dana_ali"], Stage.THANKED, clock=clock, label="Dana → Ali: thanked")
    settled(qtbot, view)
    assert introducers._cards[journal["dana_ali"]].stage is Stage.THANKED
