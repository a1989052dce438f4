"""Preferences > Privacy as a user drives it: encrypting the journal (the passphrase twice, the
note that a forgotten one cannot be recovered), changing the passphrase, decrypting, each run
with the journal closed and opened again while the sync and the scan wait; what the tab says
where SQLCipher is missing; the lock's choices kept on OK."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from journal.desktop.lock import KEYRING_SERVICE, is_encrypted, unlock
from journal.desktop.preferences import Preferences
from tests.ui.security.conftest import PASSPHRASE


@pytest.fixture
def plain_desktop(make_desktop, db, journal_path, clock):
    from journal.services.people.records import add_person

    add_person("Dana Whitfield", clock=clock)
    return make_desktop(journal_path, db)


def privacy(qtbot, desktop):
    dialog = desktop.open_preferences(page="privacy")
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    page = dialog.privacy
    assert dialog.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: not page._keyring_task.running)
    return dialog, page


def open_passphrase_dialog(qtbot, button):
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName().endswith("Dialog")
                    and QApplication.activeModalWidget().objectName() != "preferencesDialog")
    return QApplication.activeModalWidget()


def fill(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def converted(qtbot, desktop, page):
    qtbot.waitUntil(lambda: not desktop.conversion.running and page.message.isVisible(), timeout=30_000)
    return page.message.text()


def test_encrypting_from_preferences(qtbot, plain_desktop, journal_path, memory_keyring):
    desktop = plain_desktop
    dialog, page = privacy(qtbot, desktop)
    assert page.state.text().startswith("The journal is not encrypted")
    assert page.encrypt_button.isVisible() and not page.decrypt_button.isVisible()
    assert not page.idle_minutes.isEnabled() and page.lock_note.isVisible()
    ask = open_passphrase_dialog(qtbot, page.encrypt_button)
    assert "A forgotten passphrase cannot be recovered." in ask.findChild(QLabel, "passphraseWarning").text()
    fill(qtbot, ask.new_field, PASSPHRASE)
    fill(qtbot, ask.again_field, PASSPHRASE + "!")
    qtbot.keyClick(ask.again_field, Qt.Key.Key_Return)
    assert ask.message.text() == "The two new passphrases differ: type the new one again, twice."
    assert ask.isVisible() and not is_encrypted(journal_path)
    fill(qtbot, ask.again_field, PASSPHRASE)
    ask.remember.setChecked(True)
    qtbot.keyClick(ask.again_field, Qt.Key.Key_Return)
    assert converted(qtbot, desktop, page) == "The journal is encrypted."
    assert is_encrypted(journal_path)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(journal_path).execute("SELECT count(*) FROM person").fetchone()
    assert desktop.access.encrypted and desktop.lock_action.isVisible() and desktop.lock.enabled
    assert memory_keyring.passwords[(KEYRING_SERVICE, str(journal_path.resolve()))] == PASSPHRASE
    from journal.services.people.lookup import suggest

    assert [p.name for p in suggest("Dana")] == ["Dana Whitfield"]  # the window reads it again
    assert desktop.sync.controller._started and desktop.scan.controller._started  # the background is back
    assert page.change_button.isVisible() and page.idle_minutes.isEnabled()
    dialog.reject()


def test_changing_the_passphrase_then_decrypting(qtbot, desktop, encrypted_journal, memory_keyring):
    dialog, page = privacy(qtbot, desktop)
    assert page.state.text().startswith("The journal is encrypted")
    ask = open_passphrase_dialog(qtbot, page.change_button)
    fill(qtbot, ask.current_field, "not it")
    fill(qtbot, ask.new_field, "a new one")
    fill(qtbot, ask.again_field, "a new one")
    qtbot.keyClick(ask.again_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ask.task is None and ask.message.isVisible())
    assert ask.message.text() == "That is not the journal's current passphrase."
    assert ask.current_field.hasFocus()
    fill(qtbot, ask.current_field, PASSPHRASE)
    qtbot.keyClick(ask.current_field, Qt.Key.Key_Return)
    assert converted(qtbot, desktop, page) == "The journal has its new passphrase."
    assert unlock(encrypted_journal, "a new one") == desktop.access.key
    assert desktop.access.matches("a new one") and not desktop.access.matches(PASSPHRASE)

    page.message.clear()
    ask = open_passphrase_dialog(qtbot, page.decrypt_button)
    assert ask.new_field is None and not ask.remember.isVisible()
    fill(qtbot, ask.current_field, "a new one")
    qtbot.keyClick(ask.current_field, Qt.Key.Key_Return)
    assert converted(qtbot, desktop, page) == "The journal is not encrypted any more."
    assert not is_encrypted(encrypted_journal)
    assert sqlite3.connect(encrypted_journal).execute("SELECT name FROM person").fetchall() == [("Dana Whitfield",)]
    assert not desktop.access.encrypted and not desktop.lock_action.isVisible()
    assert page.encrypt_button.isVisible() and not page.idle_minutes.isEnabled()
    dialog.reject()


def test_a_conversion_that_is_refused_leaves_the_journal_open_as_it_was(qtbot, plain_desktop, journal_path, monkeypatch):
    from journal.errors import JournalError

    def refuse(self, passphrase, report=None):
        raise JournalError(f"{journal_path} is open (is Contact Journal running?); close it first.")

    monkeypatch.setattr(type(plain_desktop.access), "encrypt", refuse)
    dialog, page = privacy(qtbot, plain_desktop)
    ask = open_passphrase_dialog(qtbot, page.encrypt_button)
    fill(qtbot, ask.new_field, PASSPHRASE)
    fill(qtbot, ask.again_field, PASSPHRASE)
    qtbot.keyClick(ask.again_field, Qt.Key.Key_Return)
    assert "close it first" in converted(qtbot, plain_desktop, page)
    assert not is_encrypted(journal_path) and not plain_desktop.access.encrypted
    from journal.services.people.lookup import suggest

    assert [p.name for p in suggest("Dana")] == ["Dana Whitfield"]
    dialog.reject()


def test_without_sqlcipher_the_tab_says_so_and_offers_nothing(qtbot, tmp_path, journal_path, db):
    from journal.desktop.lock import JournalAccess
    from journal.ui.security.conversion import JournalConversion
    from journal.ui.security.privacy_page import PrivacyPage

    access = JournalAccess(journal_path, db)
    page = PrivacyPage(Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)), access,
                       JournalConversion(access), available=False)
    qtbot.addWidget(page)
    page.show()
    assert page.missing.isVisible()
    assert page.missing.text().count(".") == 1 and "sqlcipher3" in page.missing.text()
    assert not page.encrypt_button.isEnabled()
    assert page.ask("encrypt") is None
    page.wait()


def test_the_locks_choices_are_kept_on_ok(qtbot, desktop):
    dialog, page = privacy(qtbot, desktop)
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Lock &after
    assert page.focusWidget() is page.idle_minutes
    page.idle_minutes.selectAll()
    qtbot.keyClicks(page.idle_minutes, "15")
    assert page.idle_minutes.text() == "15 idle minutes"
    page.on_screen_lock.setChecked(True)
    page.details.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(page.idle_minutes, Qt.Key.Key_Return)
    prefs = desktop.preferences
    assert (prefs.lock_idle_minutes, prefs.lock_on_screen_lock, prefs.locked_reminder_details) == (15, True, True)
    assert desktop.lock.idle.active and desktop.lock.idle.minutes == 15 and desktop.lock.screen.enabled


def test_backups_left_plain_by_a_stopped_encrypt_are_offered_and_encrypted(qtbot, make_desktop, journal_path, clock):
    import shutil

    from journal.services.people.records import add_person
    from journal.services.upkeep.maintenance import backup_now, open_session
    from journal.store import encryption
    from journal.store.db import open_journal

    database = open_journal(journal_path)
    add_person("Dana Whitfield", clock=clock)
    backup = backup_now(journal_path, clock=clock)
    database.close()
    plain_copy = journal_path.parent / "plain-backup"
    shutil.copy2(backup, plain_copy)
    encryption.encrypt(journal_path, PASSPHRASE)
    shutil.copy2(plain_copy, backup)  # as if the app had been killed before the backups were done
    plain_copy.unlink()
    assert not is_encrypted(backup)
    desktop = make_desktop(journal_path, open_session(journal_path, key=unlock(journal_path, PASSPHRASE), auto_backup=False))
    dialog, page = privacy(qtbot, desktop)
    assert page.finish_button.isVisible() and "some of its backups are not" in page.state.text()
    ask = open_passphrase_dialog(qtbot, page.finish_button)
    assert ask.new_field is None and ask.focusWidget() is ask.current_field
    fill(qtbot, ask.current_field, PASSPHRASE)
    qtbot.keyClick(ask.current_field, Qt.Key.Key_Return)
    assert converted(qtbot, desktop, page) == "Every backup is encrypted now."
    assert is_encrypted(backup)
    qtbot.waitUntil(lambda: not page._keyring_task.running)
    qtbot.waitUntil(lambda: not page.finish_button.isVisible())
    assert page.state.text().startswith("The journal is encrypted: ")
    dialog.reject()
