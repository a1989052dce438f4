"""Find duplicates: a worker finds pairs, a pair's merge is previewed, confirmed, and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people.records import add_detail, create_person
from journal.store.models import Participant, Person
from journal.ui.dialogs.duplicates import DuplicatesDialog

WAIT_MS = 15_000


def open_dialog(qtbot, context):
    dialog = DuplicatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=WAIT_MS)
    return dialog


def test_review_merge_and_undo(qtbot, qtmodeltester, context, tmp_path):
    a = create_person("Ana Pérez", organisation="Acme", clock=context.clock)
    b = create_person("Perez, Ana", organisation="ACME Inc", role="CTO", clock=context.clock)
    add_detail(b.id, "email", "ana@acme.com")
    log_conversation([PersonRef(id=b.id)], summary="Coffee", clock=context.clock)
    create_person("Bo Li", organisation="Acme", clock=context.clock)
    dialog = open_dialog(qtbot, context)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 4).data() == "same name at Acme"
    assert "1 conversation(s)" in dialog.preview.text()
    assert dialog.keep_box.currentData() == a.id
    dialog.grab().save(str(tmp_path / "duplicates.png"))

    asked = []
    dialog.confirm = lambda preview: asked.append(preview) or False
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and Person.select().count() == 3  # cancelled: nothing changed

    dialog.confirm = lambda preview: True
    with qtbot.waitSignal(context.signals.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert not Person.select().where(Person.id == b.id).exists()
    assert Person.get_by_id(a.id).role == "CTO"
    assert Participant.select().where(Participant.person == a.id).count() == 1
    assert dialog.model.rowCount() == 0
    assert "Merged Perez, Ana into Ana Pérez" in dialog.status.text()
    assert dialog.undo_button.isEnabled()

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Person.get_by_id(b.id).name == "Perez, Ana"
    assert Person.get_by_id(a.id).role == ""
    qtbot.waitUntil(lambda: not dialog.task.running and dialog.model.rowCount() == 1, timeout=WAIT_MS)
    assert not dialog.undo_button.isEnabled()


def test_keep_choice_decides_who_stays(qtbot, context):
    a = create_person("Dana Smith", clock=context.clock)
    add_detail(a.id, "phone", "+44 20 7946 0958")
    b = create_person("D. Smith", clock=context.clock)
    add_detail(b.id, "phone", "+44 (20) 7946-0958")
    dialog = open_dialog(qtbot, context)
    assert dialog.model.index(0, 4).data() == "same phone +442079460958"
    dialog.keep_box.setFocus()
    qtbot.keyClick(dialog.keep_box, Qt.Key.Key_Down)
    assert dialog.keep_box.currentData() == b.id
    assert "Keep D. Smith" in dialog.preview.text()
    dialog.confirm = lambda preview: True
    assert dialog.merge_selected()
    assert [p.id for p in Person.select()] == [b.id]


def test_nothing_to_merge(qtbot, context):
    create_person("Only One", clock=context.clock)
    dialog = open_dialog(qtbot, context)
    assert dialog.status.text() == "No duplicates found."
    assert not dialog.merge_button.isEnabled()
    assert not dialog.undo_button.isEnabled()
