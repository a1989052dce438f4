"""The person pane's new fields, career list and photo, driven from the keyboard as a user would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from journal.services.people import photos
from journal.services.people import records as people
from journal.services.people.fields import fields_of
from journal.store.models import Address, Job, Person, PersonDate, PersonPhoto
from journal.ui.people.people_view import PeopleView
from tests.services.people.test_fields import png

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def journal(context, clock):
    dana = people.create_person("Dana Smith", organisation="Acme", role="CTO", clock=clock)
    sam = people.create_person("Sam Ortiz", clock=clock)
    return {"dana": dana.id, "sam": sam.id}


@pytest.fixture
def view(qtbot, context, host, journal):
    view = PeopleView(context)
    view.window_ = host(view, (1200, 900))
    view.open_person(journal["dana"])
    qtbot.waitUntil(lambda: view.editor.person_id == journal["dana"])
    return view


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot, widget, limit=80):
    """Tab through the pane until `widget` has the focus (proof it is in the tab order)."""
    for _ in range(limit):
        if focused() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"{widget.objectName()} is not reachable with Tab")


def test_a_birthday_an_address_and_a_photo_saved_with_the_keyboard_and_undone(
    qtbot, view, journal, tmp_path, monkeypatch, dump
):
    editor = view.editor
    before = dump()
    picture = tmp_path / "dana.png"
    picture.write_bytes(png(900, 600))  # bigger than kept: scaled to 512 px
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))

    editor.name.setFocus()
    qtbot.waitUntil(editor.name.hasFocus)
    tab_to(qtbot, editor.nickname)
    qtbot.keyClicks(focused(), "Dee")
    # Dates: the section opens with Space on its header, Add date makes a row.
    tab_to(qtbot, editor.dates_section.header)
    press(qtbot, Qt.Key.Key_Space)
    assert editor.dates_section.expanded()
    tab_to(qtbot, editor.dates.add_button)
    press(qtbot, Qt.Key.Key_Space)
    row = editor.dates.rows[0]
    assert focused() is row.kind
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is row.date
    qtbot.keyClicks(row.date, "--02-29")
    tab_to(qtbot, editor.date_reminders)
    press(qtbot, Qt.Key.Key_Down)  # "Remind me"
    # An address.
    tab_to(qtbot, editor.addresses_section.header)
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, editor.addresses.add_button)
    press(qtbot, Qt.Key.Key_Space)
    address = editor.addresses.rows[0]
    tab_to(qtbot, address.parts["street"])
    qtbot.keyClicks(focused(), "1 Main St")
    tab_to(qtbot, address.parts["locality"])
    qtbot.keyClicks(focused(), "Springfield")
    assert address.line.text() == "1 Main St, Springfield"
    # The photo, from its button's menu.
    editor.set_photo_action.trigger()
    assert editor.dirty and PersonPhoto.select().count() == 0  # saved with the rest
    press(qtbot, Qt.Key.Key_S, CTRL)

    person = Person.get_by_id(journal["dana"])
    assert (person.nickname, person.date_reminders) == ("Dee", True)
    assert [(d.kind, d.month, d.day, d.year) for d in PersonDate.select()] == [("birthday", 2, 29, None)]
    assert [(a.street, a.locality) for a in Address.select()] == [("1 Main St", "Springfield")]
    mime, width, height = photos.image_size(photos.photo_of(journal["dana"]).data)
    assert (mime, width, height) == ("image/jpeg", 512, 341)
    assert not editor.dirty and editor.heading.text() == "Dana Smith  “Dee”"
    assert editor.dates.rows[0].date.text() == "--02-29"
    assert editor.date_reminders.currentData() is True
    assert editor.clear_photo_action.isEnabled()

    # One Ctrl+Z takes the whole save back.
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert dump() == before
    qtbot.waitUntil(lambda: editor.nickname.text() == "" and not editor.dates.rows)
    assert not editor.clear_photo_action.isEnabled()


def test_a_bad_date_is_refused_in_one_line_and_nothing_is_written(qtbot, view, journal, monkeypatch, dump):
    editor = view.editor
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    before = dump()
    editor.dates_section.set_expanded(True)
    editor.dates.add_button.click()
    row = editor.dates.rows[0]
    row.date.setFocus()
    qtbot.keyClicks(row.date, "2019-02-29")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field says what is wrong under it
    assert row.error.isVisible() and row.error.text() == "“2019-02-29” is not a date: 2019 has no 29 February."
    editor.nickname.setFocus()
    qtbot.keyClicks(editor.nickname, "Dee")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert shown == ["“2019-02-29” is not a date: 2019 has no 29 February."]
    assert dump() == before and editor.dirty
    assert focused() is row.date


def test_an_edited_role_is_a_job_change_unless_marked_a_correction(qtbot, view, journal, clock):
    editor = view.editor
    assert not editor.correction.isVisible()
    editor.role.setFocus()
    editor.role.selectAll()
    qtbot.keyClicks(editor.role, "CEO")
    assert editor.correction.isVisible() and not editor.correction.isChecked()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.correction
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert [(j.role, j.ended_on) for j in Job.select()] == [("CEO", None)]  # corrected in place
    assert not editor.correction.isVisible()

    editor.organisation.setFocus()
    editor.organisation.selectAll()
    qtbot.keyClicks(editor.organisation, "Beta Corp")
    press(qtbot, Qt.Key.Key_S, CTRL)  # the box left off: a move
    rows = [(j.organisation.name, j.role, j.ended_on, j.noticed_on) for j in Job.select().order_by(Job.id)]
    assert rows == [("Acme", "CEO", clock.today(), None), ("Beta Corp", "CEO", None, clock.today())]
    items = [editor.jobs.item(r).text() for r in range(editor.jobs.count())]
    assert items[0].startswith("CEO at Beta Corp") and items[1].startswith("CEO at Acme") and items[1].endswith("former")
    assert "formerly at Acme" in editor.summary.text()
    titles = [editor.timeline.item(r).text().splitlines()[0] for r in range(editor.timeline.count())]
    assert "Moved to Beta Corp as CEO" in titles and "Left Acme (CEO)" in titles


def _answer_job_dialog(qtbot, organisation, role, started, ended):
    def fill():
        from journal.ui.people.job_dialog import JobDialog

        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, JobDialog) and w.isVisible())
        for edit, text in ((dialog.organisation, organisation), (dialog.role, role), (dialog.started, started), (dialog.ended, ended)):
            edit.setText(text)
        qtbot.keyClick(dialog.ended, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def test_career_list_adds_edits_and_removes_jobs_each_undoable(qtbot, view, journal, context):
    editor = view.editor
    assert editor.career_section.expanded() and editor.jobs.count() == 1
    _answer_job_dialog(qtbot, "Gamma", "Engineer", "2012-03", "2016-06-30")
    qtbot.keyClick(editor.add_job_button, Qt.Key.Key_Space)
    assert [editor.jobs.item(r).text() for r in range(2)] == [
        "CTO at Acme",
        "Engineer at Gamma · March 2012 – June 2016 · former",
    ]
    editor.jobs.setCurrentRow(1)
    _answer_job_dialog(qtbot, "Gamma", "Senior Engineer", "2012-03-01", "2016-06-30")
    qtbot.keyClick(editor.jobs, Qt.Key.Key_Return)
    assert Job.get(Job.role == "Senior Engineer").started_on == dt.date(2012, 3, 1)
    view.window_.activateWindow()  # back from the dialogs
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window_)
    editor.jobs.setFocus()
    editor.jobs.setCurrentRow(1)
    qtbot.keyClick(editor.jobs, Qt.Key.Key_Delete)
    assert Job.select().count() == 1 and editor.jobs.count() == 1
    context.operations.undo()
    assert Job.select().where(Job.role == "Senior Engineer").count() == 1
    assert Person.get_by_id(journal["dana"]).role == "CTO"  # a former job leaves the current one alone


def test_relations_link_to_the_person_named_and_open_them(qtbot, view, journal):
    editor = view.editor
    editor.relations_section.set_expanded(True)
    editor.relations.add_button.click()
    row = editor.relations.rows[0]
    row.kind.setCurrentText("partner")
    row.name.setFocus()
    qtbot.keyClicks(row.name, "Sam Ortiz")
    row.name.completer().popup().hide()
    editor.profiles_section.set_expanded(True)
    editor.profiles.add_button.click()
    profile = editor.profiles.rows[0]
    profile.service.setCurrentText("github")
    profile.value.setFocus()
    qtbot.keyClicks(profile.value, "@dana")
    assert 'href="https://github.com/dana"' in profile.link.text()
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert [(r.kind, r.name, r.other) for r in fields_of(journal["dana"]).relations] == [
        ("partner", "Sam Ortiz", journal["sam"])
    ]
    row = editor.relations.rows[0]
    assert row.open_button.isVisibleTo(editor)
    with qtbot.waitSignal(editor.open_requested) as blocker:
        row.open_button.click()
    assert blocker.args == ["person", journal["sam"]]


def test_clear_photo_is_saved_and_a_non_image_is_refused(qtbot, view, journal, tmp_path, monkeypatch):
    editor = view.editor
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not editor.clear_photo_action.isEnabled()
    view.context.operations.run("Set photo", photos.set_photo, journal["dana"], png(20, 20))
    qtbot.waitUntil(editor.clear_photo_action.isEnabled)  # the change notice reached the pane
    bad = tmp_path / "notes.png"
    bad.write_text("not a picture")
    assert not editor.set_photo_file(str(bad))
    assert shown and "not an image" in shown[0] and not editor.dirty
    editor.clear_photo_action.trigger()
    assert editor.dirty
    editor.save()
    assert PersonPhoto.select().count() == 0
