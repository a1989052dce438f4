"""Unlocking an encrypted journal at start-up: the Unlock dialog (a wrong passphrase, another
try, the journal never written), the keyring's remembered passphrase, CONTACT_JOURNAL_PASSPHRASE,
and the whole start: the window paints first, then the journal opens."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from journal.desktop.lock import KEYRING_SERVICE
from journal.ui.main_window import MainWindow
from journal.ui.security.startup import StartupUnlock
from journal.ui.security.unlock_dialog import UnlockDialog
from tests.ui.security.conftest import PASSPHRASE, fingerprint


def _keyring_user(path) -> str:
    return str(path.resolve())


@pytest.fixture
def window(qtbot, encrypted_journal, tmp_path):
    from PySide6.QtCore import QSettings

    from journal.ui.context import AppContext

    context = AppContext(journal_path=encrypted_journal, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    context.signals.detach()


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_a_wrong_passphrase_says_so_and_another_try_opens_it(qtbot, encrypted_journal):
    from journal.desktop.lock import unlock

    before = fingerprint(encrypted_journal)
    dialog = UnlockDialog(encrypted_journal, lambda passphrase, remember: (unlock(encrypted_journal, passphrase), ""))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.passphrase
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # nothing typed yet
    assert dialog.message.text() == "Type the passphrase first."
    _type(qtbot, dialog.passphrase, "lantern orchard 46")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.busy.isVisible() and dialog.passphrase.isReadOnly()  # derived off the GUI thread
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.message.text() == f"That is not the passphrase of {encrypted_journal}."
    assert dialog.result() == 0 and dialog.isVisible()
    assert dialog.passphrase.hasFocus() and dialog.passphrase.selectedText() == "lantern orchard 46"
    assert fingerprint(encrypted_journal) == before  # not a byte written, no -wal or -shm made
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)  # replaces the selection
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.key is not None and "hidden" in repr(dialog.key)
    assert fingerprint(encrypted_journal) == before


def test_quit_and_the_keys_of_the_dialog(qtbot, encrypted_journal):
    dialog = UnlockDialog(encrypted_journal, lambda passphrase, remember: (None, ""), keyring=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember.isEnabled() and "No keyring" in dialog.remember.toolTip()
    assert dialog.unlock_button.text() == "&Unlock" and dialog.quit_button.text() == "&Quit"
    assert dialog.unlock_button.isDefault()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_remembered_passphrase_opens_it_without_asking(qtbot, window, encrypted_journal, memory_keyring):
    memory_keyring.passwords[(KEYRING_SERVICE, _keyring_user(encrypted_journal))] = PASSPHRASE
    unlocking = StartupUnlock(window, encrypted_journal)
    with qtbot.waitSignal(unlocking.unlocked) as got:
        unlocking.start()
    assert got.args[0] is not None and unlocking.how == "keyring" and unlocking.dialog is None


def test_the_environments_passphrase_opens_it_for_scripted_starts(qtbot, window, encrypted_journal, monkeypatch):
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    unlocking = StartupUnlock(window, encrypted_journal)
    with qtbot.waitSignal(unlocking.unlocked):
        unlocking.start()
    assert unlocking.how == "environment"


def test_a_stale_remembered_passphrase_asks_and_remembering_replaces_it(qtbot, window, encrypted_journal, memory_keyring):
    where = (KEYRING_SERVICE, _keyring_user(encrypted_journal))
    memory_keyring.passwords[where] = "an old one"
    unlocking = StartupUnlock(window, encrypted_journal)
    unlocking.start()
    qtbot.waitUntil(lambda: unlocking.dialog is not None and unlocking.dialog.isVisible())
    dialog = unlocking.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.message.text() == "The passphrase remembered on this computer does not open this journal any more."
    assert dialog.remember.isEnabled()
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Remember (an animated click)
    qtbot.waitUntil(dialog.remember.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Passphrase: back to the field
    assert dialog.focusWidget() is dialog.passphrase
    with qtbot.waitSignal(unlocking.unlocked):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert memory_keyring.passwords[where] == PASSPHRASE
    assert unlocking.how == "dialog"


def test_unlocking_without_remembering_forgets_a_stale_passphrase(qtbot, window, encrypted_journal, memory_keyring):
    where = (KEYRING_SERVICE, _keyring_user(encrypted_journal))
    memory_keyring.passwords[where] = "an old one"
    unlocking = StartupUnlock(window, encrypted_journal)
    unlocking.start()
    qtbot.waitUntil(lambda: unlocking.dialog is not None)
    _type(qtbot, unlocking.dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(unlocking.unlocked):
        qtbot.keyClick(unlocking.dialog.passphrase, Qt.Key.Key_Return)
    assert where not in memory_keyring.passwords


# --- the whole start ----------------------------------------------------------------------------


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


@pytest.fixture
def run(qapp):
    from journal.app import run_gui

    yield run_gui
    import shiboken6

    for window in _main_windows():
        window.context.signals.detach()
        shiboken6.delete(window)


def _args(path) -> argparse.Namespace:
    return argparse.Namespace(db=path, demo=False, log=False, minimized=False)


def test_start_paints_the_window_then_asks_then_opens_today(run, encrypted_journal, monkeypatch):
    import journal.services.upkeep.maintenance as maintenance

    seen: dict = {}
    real_open = maintenance.open_session

    def open_session(path, **kwargs):
        seen["key"] = kwargs.get("key")
        database = real_open(path, **kwargs)
        QTimer.singleShot(0, lambda: QApplication.instance().exit(0))
        return database

    monkeypatch.setattr(maintenance, "open_session", open_session)

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, answer)
            return
        [window] = _main_windows()
        seen["painted_first"] = window.isVisible() and "today" in window._factories
        dialog = dialogs[0]
        if "wrong" not in seen:
            seen["wrong"] = True
            dialog.passphrase.setText("nope")
            dialog.try_unlock()
            QTimer.singleShot(10, answer)
        elif dialog.task is not None:
            QTimer.singleShot(10, answer)
        else:
            seen["message"] = dialog.message.text()
            dialog.passphrase.setText(PASSPHRASE)
            dialog.try_unlock()

    QTimer.singleShot(0, answer)
    assert run(_args(encrypted_journal)) == 0
    assert seen["painted_first"] is True
    assert seen["message"].startswith("That is not the passphrase of")
    assert seen["key"] is not None
    [window] = _main_windows()
    assert window.current_key() == "today"
    today = window.view("today")
    labels = " ".join(label.text() for label in today.findChildren(type(today.heading)))
    assert "1 next step" in labels  # read from the encrypted journal


def test_quitting_the_unlock_dialog_ends_the_app_and_leaves_the_file_alone(run, encrypted_journal):
    before = fingerprint(encrypted_journal)

    def quit_dialog() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, quit_dialog)
            return
        dialogs[0].quit_button.click()

    QTimer.singleShot(0, quit_dialog)
    assert run(_args(encrypted_journal)) == 0
    assert fingerprint(encrypted_journal) == before


def test_the_environments_passphrase_goes_first_and_a_stale_keyring_is_not_in_its_way(qtbot, window, encrypted_journal,
                                                                                       monkeypatch, memory_keyring):
    memory_keyring.passwords[(KEYRING_SERVICE, _keyring_user(encrypted_journal))] = "an old one"
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    unlocking = StartupUnlock(window, encrypted_journal)
    with qtbot.waitSignal(unlocking.unlocked):
        unlocking.start()
    assert unlocking.how == "environment" and unlocking.dialog is None
