"""Secrets stay in the keyring: after a sync account (on a real Radicale server) and an IMAP
source are added and the journal is encrypted through Preferences > Privacy with "Remember on
this computer", none of the passwords nor the passphrase is in the settings files, the journal,
its -wal and -shm, its backups, any other file the test's home or folder holds, or what was
logged and printed."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journal.desktop.lock import KEYRING_SERVICE, is_encrypted
from tests.ui.security.test_privacy_page import converted, fill, open_passphrase_dialog, privacy

SYNC_PASSWORD = "sync pässword 9Q"
IMAP_PASSWORD = "imap secret 77Z"
PASSPHRASE = "harbour juniper 12"


@pytest.fixture
def radicale(tmp_path):
    from tests.sync.servers import ServerStartError, start_server

    try:
        server = start_server("radicale", tmp_path / "servers", SYNC_PASSWORD)
    except ServerStartError as exc:
        pytest.skip(f"radicale could not start here: {exc}")
    yield server
    server.stop()


def _files_under(*folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            found += [Path(root) / name for name in names]
    return found


def test_no_password_or_passphrase_is_written_anywhere(qtbot, make_desktop, db, journal_path, radicale, tmp_path,
                                                       memory_keyring, capfd, caplog, clock):
    caplog.set_level(logging.DEBUG)
    from journal.services.people.records import add_person
    from journal.services.scan import secrets as scan_secrets
    from journal.services.scan.sources import add_source, imap_location
    from journal.services.sync import secrets as sync_secrets
    from journal.services.sync.account import add_account
    from journal.services.upkeep.maintenance import backup_now

    add_person("Dana Whitfield", clock=clock)
    info = add_account(radicale.url, radicale.user, SYNC_PASSWORD)  # as Preferences > Accounts does
    sync_secrets.remember(info.url, info.user, SYNC_PASSWORD)
    scan_secrets.remember("mail.example.com", "dana", IMAP_PASSWORD)  # as the Add IMAP account dialog does
    add_source("imap", imap_location("mail.example.com", "dana"))
    backup_now(journal_path, clock=clock)
    desktop = make_desktop(journal_path, db)
    desktop.sync.sync_now()  # a round with the password, so that whatever it logs is looked at too
    qtbot.waitUntil(lambda: not desktop.sync.controller.running, timeout=30_000)

    dialog, page = privacy(qtbot, desktop)
    ask = open_passphrase_dialog(qtbot, page.encrypt_button)
    fill(qtbot, ask.new_field, PASSPHRASE)
    fill(qtbot, ask.again_field, PASSPHRASE)
    ask.remember.setChecked(True)
    qtbot.keyClick(ask.again_field, Qt.Key.Key_Return)
    assert converted(qtbot, desktop, page) == "The journal is encrypted."
    dialog.accept()  # the choices on the page go to the settings too
    desktop.preferences.settings.sync()
    assert is_encrypted(journal_path)

    kept = {key for key in memory_keyring.passwords}
    assert (KEYRING_SERVICE, str(journal_path.resolve())) in kept
    assert set(memory_keyring.passwords.values()) == {SYNC_PASSWORD, IMAP_PASSWORD, PASSPHRASE}

    home = Path(os.environ["HOME"])
    files = _files_under(tmp_path, home)
    names = {f.name for f in files}
    assert "settings.ini" in names and journal_path.name in names
    assert any(f.parent.name == "backups" for f in files), "a backup to look into"
    out, err = capfd.readouterr()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    servers = tmp_path / "servers"  # the Radicale server's own files hold its user's password, by design
    for secret in (SYNC_PASSWORD, IMAP_PASSWORD, PASSPHRASE):
        needle = secret.encode()
        holding = [f for f in files if servers not in f.parents and needle in f.read_bytes()]
        assert holding == [], f"{secret!r} written to {holding}"
        assert secret not in out + err + logged
