"""What a month in the tray must not pile up (found by bench/soak.py): the same operation done
again and again leaves as many widgets, menus and timers as it did once. Counts, never timings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMenu

from journal.services.conversations.records import PersonRef, log_conversation
from journal.ui.conversations.conversation_dialog import ConversationDialog
from journal.ui.conversations.conversations_view import ConversationsView
from journal.ui.dialogs.import_wizard import ImportWizard
from tests.ui.test_tray import due, make_desktop, open_menu  # noqa: F401 - the tray's fixtures

TIMES = 6


def deferred_deletes() -> None:
    """What the event loop does between two user actions: objects given up are deleted."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_reopening_the_tray_menu_leaves_one_submenu_per_due_item(qtbot, due, make_desktop):  # noqa: F811
    desktop = make_desktop()
    menu = open_menu(desktop)
    deferred_deletes()
    submenus = len(menu.findChildren(QMenu))
    actions = len(menu.findChildren(type(menu.actions()[0])))
    assert submenus == 2  # the late step and today's (the later one is not due)
    for _ in range(TIMES):
        open_menu(desktop)
        deferred_deletes()
    assert len(menu.findChildren(QMenu)) == submenus
    assert len(menu.findChildren(type(menu.actions()[0]))) == actions
    assert desktop.tray.item_menu(f"next_step:{due['today']}") is not None  # the new one is found


def test_each_file_import_wizard_is_freed_when_closed(qtbot, context):
    from journal.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    for _ in range(TIMES):
        wizard = window.interop_actions.open_import()
        wizard.reject()
        deferred_deletes()
    assert window.findChildren(ImportWizard) == []


def test_each_conversation_opened_to_edit_is_freed_when_closed(qtbot, context, clock, host):
    logged = log_conversation([PersonRef.named("Dana Smith")], when=dt.datetime(2026, 3, 2, 10, 0), summary="Coffee",
                              clock=clock)
    view = ConversationsView(context)
    host(view, (900, 500))
    for _ in range(TIMES):
        view.open_conversation(logged.conversation_id)
        assert view.dialog.isVisible()
        view.dialog.reject()
        deferred_deletes()
    assert view.findChildren(ConversationDialog) == []


def test_todays_minute_check_runs_only_while_the_view_shows(qtbot, context, host):
    from journal.ui.today.today_view import TodayView

    view = TodayView(context)
    assert not view._day_timer.isActive()  # built hidden (the app started in the tray): no wake-ups
    window = host(view)
    assert view._day_timer.isActive()
    window.hide()  # into the tray
    assert not view._day_timer.isActive()
    window.show()
    assert view._day_timer.isActive()


def test_each_date_picker_and_job_dialog_is_freed_once_answered(qtbot, context, host, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from journal.domain.agenda import AgendaItem, ItemKind
    from journal.ui.calendar.calendar_view import CalendarView
    from journal.ui.calendar.reschedule_dialog import RescheduleDialog
    from journal.ui.people.job_dialog import JobDialog
    from journal.ui.people.person_editor import PersonEditor

    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)  # as Escape would answer
    calendar = CalendarView(context)
    host(calendar, (900, 600))
    item = AgendaItem(kind=ItemKind.NEXT_STEP, id=1, title="Call Omar", due=dt.date(2026, 3, 12), overdue=False)
    editor = PersonEditor(context)
    host(editor, (700, 600))
    for _ in range(TIMES):
        assert calendar.ask_date(item) is None
        assert editor._job_dialog(None) is None
        deferred_deletes()
    assert calendar.findChildren(RescheduleDialog) == []
    assert editor.findChildren(JobDialog) == []


def test_each_message_draft_is_freed_when_closed(qtbot, context, clock, host):
    from journal.services.conversations.records import OfferDraft
    from journal.ui.introductions.draft_dialog import DraftDialog
    from journal.ui.introductions.introductions_view import IntroductionsView

    log_conversation([PersonRef.named("Ali Khan")], when=dt.datetime(2026, 3, 2, 10, 0), summary="Coffee",
                     offers=[OfferDraft(introducer=PersonRef.named("Ali Khan"), target=PersonRef.named("Dana Smith"))],
                     clock=clock)
    view = IntroductionsView(context)
    host(view, (900, 500))
    view.reload()
    assert view.current_card() is not None
    for _ in range(TIMES):
        view.draft_message()
        assert view.dialog.isVisible()
        view.dialog.reject()
        deferred_deletes()
    assert view.findChildren(DraftDialog) == []
