"""What mail and calendars say of a person, in the person pane and the People table: the last
e-mail beside the last conversation, the next meeting, and last contact counting both."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from journal.services import operations
from journal.services.changes import Changes, notify
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.scan import runner, sources
from journal.services.transaction import write
from journal.ui.people.people_model import COLUMNS
from journal.ui.people.people_view import PeopleView
from tests.services.scan.helpers import event, ics, message, person, write_mbox

NOW = dt.datetime(2026, 3, 11, 9, 30)  # the clock fixture's now
DAY = dt.timedelta(days=1)


@pytest.fixture
def journal(db, clock):
    dana = person("Dana Smith", "dana@example.org", cadence=14, set_on=dt.date(2026, 1, 1))
    sam = person("Sam Lee", "sam@example.org")
    operations.run(log_conversation, [PersonRef(id=dana)], when=dt.datetime(2026, 3, 1, 12), clock=clock)
    return {"dana": dana, "sam": sam}


@pytest.fixture
def view(qtbot, context, host, journal):
    view = PeopleView(context)
    view.window_ = host(view, (1200, 800))
    view.open_person(journal["dana"])
    qtbot.waitUntil(lambda: view.editor.person_id == journal["dana"])
    return view


def contact(editor) -> str:
    """The contact line as read (its parts are held together with no-break spaces and word
    joiners)."""
    return editor.contact.text().replace("\u00a0", " ").replace("\u2060", "")


def scan_mail(tmp_path, clock, *messages):
    return runner.scan_path("mail", str(write_mbox(tmp_path / "Inbox", list(messages))), clock=clock)


def scan_calendar(tmp_path, clock, *events):
    path = tmp_path / "work.ics"
    path.write_text(ics(*events), encoding="utf-8")
    return runner.scan_path("calendar", str(path), clock=clock)


def forget(person_ids=None):
    with write():
        forgotten = sources.forget()
    notify(Changes(person_ids=frozenset(forgotten if person_ids is None else person_ids), scanned=True))


def test_before_any_scan_the_pane_says_only_the_last_conversation(view):
    editor = view.editor
    assert contact(editor) == "last conversation 01 Mar"
    assert editor.summary.isHidden()  # no job: no empty line above
    assert editor.next_due.text() == "next due 15 Mar"


def test_an_mbox_scan_shows_last_e_mailed_and_moves_last_contact(qtbot, view, journal, clock, tmp_path):
    editor = view.editor
    scan_mail(tmp_path, clock, message("Dana Smith <dana@example.org>", "me@example.com", NOW - 2 * DAY))
    qtbot.waitUntil(lambda: "last e-mailed" in contact(editor))
    assert contact(editor) == "last conversation 01 Mar · last e-mailed 09 Mar (they wrote)"
    # Keep-in-touch counts the later of the two: 9 March + 14 days.
    assert editor.next_due.text() == "next due 23 Mar"
    assert "Last contact (a conversation or an e-mail): 09 Mar" in editor.contact.toolTip()
    scan_mail(tmp_path, clock, message("me@example.com", "dana@example.org", NOW - DAY))
    qtbot.waitUntil(lambda: "(you wrote)" in contact(editor))
    assert contact(editor) == "last conversation 01 Mar · last e-mailed 10 Mar (you wrote)"


def test_a_calendar_scan_shows_the_next_meeting_and_a_forget_removes_both(qtbot, view, journal, clock, tmp_path):
    editor = view.editor
    scan_mail(tmp_path, clock, message("dana@example.org", "me@example.com", NOW - 2 * DAY))
    scan_calendar(
        tmp_path, clock,
        event("past", NOW - 3 * DAY, summary="Retro", attendees=("dana@example.org",)),
        event("coffee", dt.datetime(2026, 3, 13, 10), summary="Coffee chat", attendees=("dana@example.org",)),
        event("later", dt.datetime(2026, 4, 2, 10), summary="Board meeting", attendees=("dana@example.org",)),
    )
    qtbot.waitUntil(lambda: "next:" in contact(editor))
    assert contact(editor) == (
        "last conversation 01 Mar · last e-mailed 09 Mar (they wrote) · next: Fri 13 Mar, Coffee chat"
    )
    assert "Next meeting in your calendar: Fri 13 Mar 2026 10:00 Coffee chat" in editor.contact.toolTip()
    forget()
    qtbot.waitUntil(lambda: contact(editor) == "last conversation 01 Mar")
    assert editor.next_due.text() == "next due 15 Mar"


def test_a_meeting_next_year_says_its_year_and_one_without_a_title_says_only_the_day(
    qtbot, view, journal, clock, tmp_path
):
    editor = view.editor
    scan_calendar(tmp_path, clock, event("untitled", dt.datetime(2026, 3, 12, 8), summary="",
                                         attendees=("dana@example.org",)))
    qtbot.waitUntil(lambda: "next:" in contact(editor))
    assert contact(editor).endswith("· next: Thu 12 Mar")


def test_unsaved_edits_stay_while_a_scan_updates_the_contact_line(qtbot, view, journal, clock, tmp_path):
    editor = view.editor
    editor.nickname.setFocus()
    qtbot.keyClicks(editor.nickname, "Dee")
    assert editor.dirty
    scan_mail(tmp_path, clock, message("dana@example.org", "me@example.com", NOW - 2 * DAY))
    qtbot.waitUntil(lambda: "last e-mailed 09 Mar" in contact(editor))
    assert editor.nickname.text() == "Dee" and editor.dirty
    forget()
    qtbot.waitUntil(lambda: "last e-mailed" not in contact(editor))
    assert editor.nickname.text() == "Dee"


def test_a_notice_that_names_nobody_still_refreshes_the_pane(qtbot, view, journal, clock, tmp_path):
    editor = view.editor
    scan_calendar(tmp_path, clock, event("coffee", dt.datetime(2026, 3, 13, 10), summary="Coffee chat",
                                         attendees=("dana@example.org",)))
    qtbot.waitUntil(lambda: "next:" in contact(editor))
    forget(person_ids=())
    qtbot.waitUntil(lambda: "next:" not in contact(editor))


def test_a_scan_of_someone_else_leaves_the_pane_alone(qtbot, view, journal, clock, tmp_path, monkeypatch):
    editor = view.editor
    editor.nickname.setFocus()
    qtbot.keyClicks(editor.nickname, "Dee")  # unsaved: the pane itself reads what a scan changed
    reads = []
    real = editor.refresh_contact
    monkeypatch.setattr(editor, "refresh_contact", lambda: reads.append(1) or real())
    scan_mail(tmp_path, clock, message("sam@example.org", "me@example.com", NOW - DAY))
    qtbot.wait(10)
    assert reads == []
    scan_mail(tmp_path, clock, message("dana@example.org", "me@example.com", NOW - DAY))
    qtbot.waitUntil(lambda: reads == [1])


def test_the_people_tables_last_contact_counts_e_mail(qtbot, view, journal, clock, tmp_path):
    model = view.model
    column = COLUMNS.index("last_contact")

    def last_contact_of(person_id):
        row = model.row_of(person_id)
        return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)

    assert last_contact_of(journal["dana"]) == "01 Mar" and not last_contact_of(journal["sam"])
    scan_mail(
        tmp_path, clock,
        message("dana@example.org", "me@example.com", NOW - 2 * DAY),
        message("me@example.com", "sam@example.org", dt.datetime(2025, 12, 24, 9)),
    )
    qtbot.waitUntil(lambda: last_contact_of(journal["dana"]) == "09 Mar")
    assert last_contact_of(journal["sam"]) == "24 Dec 2025"
    # Sorted by last contact, newest first, e-mail counts.
    model.sort(column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.person_id(0) == journal["dana"])
    assert model.person_id(1) == journal["sam"]
    # A conversation later than the e-mail wins again.
    operations.run(log_conversation, [PersonRef(id=journal["sam"])], when=NOW - DAY, clock=clock)
    qtbot.waitUntil(lambda: last_contact_of(journal["sam"]) == "10 Mar")
    forget()
    qtbot.waitUntil(lambda: last_contact_of(journal["dana"]) == "01 Mar")


def test_a_narrow_pane_wraps_between_parts_never_inside_a_date(qtbot, view, journal, clock, tmp_path):
    scan_mail(tmp_path, clock, message("dana@example.org", "me@example.com", NOW - 2 * DAY))
    qtbot.waitUntil(lambda: "last e-mailed" in contact(view.editor))
    parts = view.editor.contact.text().split(" · ")
    assert len(parts) == 2 and all(" " not in part for part in parts)
