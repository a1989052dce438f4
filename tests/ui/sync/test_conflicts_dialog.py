"""File > Sync conflicts…: review what both sides changed, swap (S) or dismiss (Del), undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.services import operations
from journal.services.people import records as people
from journal.store.models import Person, SyncConflict

SHOTS = "/tmp/work/shots"


@pytest.fixture
def conflicts(db):
    dana = operations.run(people.create_person, "Dana Smith", organisation="Acme").value
    omar = operations.run(people.create_person, "Omar Haddad").value
    Person.update(notes="Met at the Lisbon meetup").where(Person.id == dana).execute()
    rows = [
        SyncConflict.create(kind="person", local_id=dana, uid="u-dana", title="Dana Smith", field="notes",
                            kept="Met at the Lisbon meetup", other="Met at PyCon", kept_side="journal",
                            at=dt.datetime(2026, 3, 11, 9, 0)),
        SyncConflict.create(kind="person", local_id=omar, uid="u-omar", title="Omar Haddad", field="nickname",
                            kept="", other="Om", kept_side="server", at=dt.datetime(2026, 3, 10, 18, 5)),
        SyncConflict.create(kind="person", local_id=dana, uid="u-dana", title="Dana Smith", field="phones",
                            kept="+44 20 7946 0000\twork\n+44 7700 900123\tmobile", other="+44 20 7946 0000\twork",
                            kept_side="server", at=dt.datetime(2026, 3, 9, 12, 0)),
    ]
    return {"dana": dana, "omar": omar, "rows": rows}


@pytest.fixture
def dialog(qtbot, context, conflicts):
    from journal.ui.main_window import MainWindow
    from journal.ui.sync.conflicts_dialog import ConflictsDialog

    window = MainWindow(context)
    qtbot.addWidget(window)
    made = ConflictsDialog(context, window)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def cells(dialog):
    model = dialog.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_lists_the_open_conflicts_newest_first(dialog):
    assert cells(dialog) == [
        ["Dana Smith", "notes", "Met at the Lisbon meetup", "Met at PyCon", "This computer", "2026-03-11 09:00"],
        ["Omar Haddad", "nickname", "(empty)", "Om", "Server", "2026-03-10 18:05"],
        ["Dana Smith", "phone numbers", "+44 20 7946 0000 work / +44 7700 900123 mobile", "+44 20 7946 0000 work",
         "Server", "2026-03-09 12:00"],
    ]
    assert dialog.table.hasFocus()
    assert dialog.table.currentIndex().row() == 0
    header = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert header == ["Item", "Field", "Kept", "Other value", "Kept from", "When"]
    dialog.grab().save(f"{SHOTS}/conflicts_dialog.png")


def test_s_swaps_the_value_back_and_ctrl_z_undoes_it(qtbot, dialog, conflicts):
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert Person.get_by_id(conflicts["dana"]).notes == "Met at PyCon"
    assert [row[0:2] for row in cells(dialog)] == [["Omar Haddad", "nickname"], ["Dana Smith", "phone numbers"]]
    assert dialog.message.text() == "Swap conflict: notes of Dana Smith"
    assert dialog.table.currentIndex().row() == 0 and dialog.table.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Person.get_by_id(conflicts["dana"]).notes == "Met at the Lisbon meetup"
    assert dialog.message.text() == "Undone: Swap conflict: notes of Dana Smith"
    assert len(cells(dialog)) == 2  # what was kept is kept again: the conflict stays settled


def test_delete_dismisses_and_keeps_what_won(qtbot, dialog, conflicts):
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert Person.get_by_id(conflicts["omar"]).nickname == ""
    assert [row[0:2] for row in cells(dialog)] == [["Dana Smith", "notes"], ["Dana Smith", "phone numbers"]]
    assert dialog.table.currentIndex().row() == 1  # the next one, where the cursor was
    assert SyncConflict.get_by_id(conflicts["rows"][1].id).resolved
    assert dialog.message.text() == "Dismiss conflict: nickname of Omar Haddad"


def test_the_buttons_and_the_tab_order(qtbot, dialog, conflicts):
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.swap_button
    qtbot.keyClick(dialog.swap_button, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.dismiss_button
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert cells(dialog) == []
    assert dialog.empty.isVisible() and not dialog.table.isVisible()
    assert not dialog.swap_button.isEnabled() and not dialog.dismiss_button.isEnabled()
    assert not dialog.swap()
    dialog.grab().save(f"{SHOTS}/conflicts_dialog_empty.png")


def test_a_refused_swap_is_said_in_the_dialog(qtbot, dialog, conflicts):
    SyncConflict.update(local_id=None).where(SyncConflict.id == conflicts["rows"][0].id).execute()
    dialog.reload()
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert dialog.message.text() == "Dana Smith is no longer in the journal."
    assert len(cells(dialog)) == 3


def test_new_conflicts_from_a_sync_round_show_up(qtbot, dialog, conflicts, context):
    SyncConflict.create(kind="person", local_id=conflicts["omar"], uid="u-omar", title="Omar Haddad", field="role",
                        kept="CTO", other="VP Engineering", kept_side="server", at=dt.datetime(2026, 3, 11, 9, 29))
    from journal.services.changes import Changes

    context.signals.changed.emit(Changes(tables=frozenset({"sync_conflict"})))
    assert cells(dialog)[0][:4] == ["Omar Haddad", "role", "CTO", "VP Engineering"]
