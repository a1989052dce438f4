"""The import wizard: pick a file, preview on a worker thread, decide duplicates, import, export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from journal.services.people.records import create_person
from journal.store.models import Person
from journal.ui.dialogs.import_wizard import ImportWizard
from tests.interop import samples

WAIT_MS = 15_000


def click(qtbot, button):
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_wizard(qtbot, context, path, fmt_index=0):
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    source = wizard.source_page
    for _ in range(fmt_index):
        qtbot.keyClick(source.format_box, Qt.Key.Key_Down)
    qtbot.keyClicks(source.path_edit, str(path))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.plan is not None or "cannot be imported" in page.status.text(), timeout=WAIT_MS)
    return wizard


def test_preview_review_and_import(qtbot, qtmodeltester, context, tmp_path):
    existing = create_person("Anna Perez", organisation="ACME", clock=context.clock)
    path = tmp_path / "Connections.csv"
    path.write_bytes(samples.linkedin(samples.LINKEDIN_ROWS))
    wizard = open_wizard(qtbot, context, path)
    page = wizard.preview_page
    qtmodeltester.check(page.model)
    assert [(r.line, r.outcome) for r in page.model.rows] == [(5, "review"), (6, "new"), (7, "rejected"), (8, "rejected")]
    assert "1 new" in page.status.text() and "2 rejected" in page.status.text()
    assert page.proxy.rowCount() == 1  # the review rows are shown first
    assert not page.buttons["merge"].isEnabled()
    page.table.setFocus()
    page.table.selectRow(0)
    click(qtbot, page.buttons["merge"])
    assert page.decisions() == {5: "merge"}
    assert "Merge into match" in page.proxy.index(0, 1).data()
    page.filter_box.setCurrentIndex(0)
    wizard.grab().save(str(tmp_path.parent / "import_preview.png"))
    assert Person.select().count() == 1  # the preview wrote nothing

    with qtbot.waitSignal(context.signals.changed, timeout=WAIT_MS):
        click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
        qtbot.waitUntil(lambda: wizard.commit_page.summary is not None, timeout=WAIT_MS)
    assert "new: 1" in wizard.commit_page.report.toPlainText()
    merged = Person.get_by_id(existing.id)
    assert merged.linkedin == "https://www.linkedin.com/in/ana-perez"
    assert {p.name for p in Person.select()} == {"Anna Perez", "Bo Li"}
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert not wizard.isVisible()


def test_a_bad_file_is_refused_with_a_message_and_nothing_written(qtbot, context, tmp_path):
    path = tmp_path / "photo.vcf"
    path.write_bytes(bytes(range(256)) * 4)
    wizard = open_wizard(qtbot, context, path, fmt_index=2)
    page = wizard.preview_page
    assert "binary" in page.status.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert Person.select().count() == 0
    wizard.reject()


def test_missing_file_stays_on_the_first_page(qtbot, context, tmp_path):
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.source_page.path_edit, str(tmp_path / "nope.csv"))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.source_page
    assert "is not a file" in wizard.source_page.error.text()


def test_menu_actions_open_the_wizard_and_export_off_the_gui_thread(qtbot, context, tmp_path):
    from journal.ui.main_window import MainWindow

    create_person("Dana Smith", clock=context.clock)
    window = MainWindow(context)
    qtbot.addWidget(window)
    actions = window.interop_actions
    assert actions.import_action in window.file_menu.actions()
    assert actions.duplicates_action in window.tools_menu.actions()
    assert actions.import_action.shortcut().toString() == "Ctrl+Shift+I"
    wizard = actions.open_import()
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    wizard.reject()
    target = tmp_path / "people.vcf"
    task = actions.export_to("vcard", target)
    with qtbot.waitSignal(task.done, timeout=WAIT_MS):
        pass
    assert target.read_text(encoding="utf-8").count("BEGIN:VCARD") == 1
    assert "Exported 1 item(s)" in window.statusBar().currentMessage()


def test_back_and_another_file_previews_the_new_file(qtbot, context, tmp_path):
    first = tmp_path / "Connections.csv"
    first.write_bytes(samples.linkedin(samples.LINKEDIN_ROWS))
    wizard = open_wizard(qtbot, context, first)
    assert len(wizard.preview_page.model.rows) == 4
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    second = tmp_path / "google.csv"
    second.write_text(samples.GOOGLE_LEGACY, encoding="utf-8")
    source = wizard.source_page
    source.format_box.setFocus()
    qtbot.keyClick(source.format_box, Qt.Key.Key_Down)
    source.path_edit.clear()
    qtbot.keyClicks(source.path_edit, str(second))
    qtbot.keyClick(wizard, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.plan is not None, timeout=WAIT_MS)
    assert [(r.name, r.outcome) for r in page.model.rows] == [("Frank Ocean", "new")]


def test_the_preview_counts_job_changes_and_says_what_moved(qtbot, context, tmp_path):
    bo = create_person("Bo Li", organisation="Initech", role="Engineer", clock=context.clock)
    from journal.services.people.records import add_detail

    add_detail(bo.id, "email", "bo@example.com", "")
    path = tmp_path / "Connections.csv"
    path.write_bytes(samples.linkedin(samples.LINKEDIN_ROWS[1:2]))
    wizard = open_wizard(qtbot, context, path)
    page = wizard.preview_page
    assert "1 job change(s)" in page.status.text()
    (row,) = page.model.rows
    assert row.outcome == "updated" and "Globex" in page.model.index(0, 4).data()
    assert Person.get_by_id(bo.id).organisation.name == "Initech"  # the preview wrote nothing
    wizard.reject()
