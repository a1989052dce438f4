"""The sync password: the environment first, then the keyring, and a plain sentence otherwise."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from keyring.errors import KeyringLocked

from journal.errors import JournalError
from journal.services.sync import secrets
from journal.services.sync.secrets import SERVICE, SyncSecretError
from tests.services.sync.keyrings import MemoryKeyring, keyring_in_place

URL = "https://dav.example.com/"


def test_the_safety_net_puts_an_empty_memory_keyring_in_place(memory_keyring):
    assert keyring.get_keyring() is memory_keyring
    assert memory_keyring.passwords == {}


def test_remembered_password_comes_back_from_the_keyring(memory_keyring):
    secrets.remember(URL, "dana", "s3cret")
    assert secrets.password(URL, "dana") == "s3cret"
    # Kept under the app's service name, per user and server, and nowhere else.
    assert list(memory_keyring.passwords) == [(SERVICE, "dana@https://dav.example.com")]
    assert SERVICE == "contact-journal-sync"


def test_two_servers_with_the_same_user_keep_two_passwords():
    secrets.remember(URL, "dana", "one")
    secrets.remember("https://cloud.example.org/remote.php/dav", "dana", "two")
    assert secrets.password(URL, "dana") == "one"
    assert secrets.password("https://cloud.example.org/remote.php/dav/", "dana") == "two"


def test_remember_replaces_the_password_kept_before():
    secrets.remember(URL, "dana", "old")
    secrets.remember(URL, "dana", "new")
    assert secrets.password(URL, "dana") == "new"


def test_the_environment_wins_and_is_never_stored(monkeypatch, memory_keyring):
    secrets.remember(URL, "dana", "from-keyring")
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", "from-env")
    assert secrets.password(URL, "dana") == "from-env"
    assert memory_keyring.passwords == {(SERVICE, "dana@https://dav.example.com"): "from-keyring"}
    assert secrets.from_environment() == "from-env"


def test_the_environment_works_without_any_keyring(monkeypatch):
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", "from-env")
    with keyring_in_place(fail.Keyring()):
        assert secrets.password(URL, "dana") == "from-env"


def test_an_empty_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", "")
    secrets.remember(URL, "dana", "kept")
    assert secrets.password(URL, "dana") == "kept"


def test_no_stored_password_says_to_add_the_account_again():
    with pytest.raises(SyncSecretError) as caught:
        secrets.password(URL, "dana")
    assert str(caught.value) == "No password is stored for dana at dav.example.com: add the account again."
    assert isinstance(caught.value, JournalError)


def test_no_keyring_at_all_says_to_set_the_variable():
    with keyring_in_place(fail.Keyring()):
        assert not secrets.keyring_available()
        with pytest.raises(SyncSecretError) as caught:
            secrets.password(URL, "dana")
        message = str(caught.value)
        assert message.startswith("No keyring is available on this computer (")
        assert message.endswith("): set CONTACT_JOURNAL_SYNC_PASSWORD to sync from here.")
        assert "\n" not in message
        with pytest.raises(SyncSecretError, match="No keyring is available"):
            secrets.remember(URL, "dana", "s3cret")
        secrets.forget(URL, "dana")  # nothing kept, nothing to do


def test_a_locked_keyring_is_one_sentence(memory_keyring, monkeypatch):
    def locked(*_args):
        raise KeyringLocked("the collection is locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    with pytest.raises(SyncSecretError) as caught:
        secrets.password(URL, "dana")
    assert str(caught.value) == (
        "The keyring could not be read (the collection is locked): unlock it, or set "
        "CONTACT_JOURNAL_SYNC_PASSWORD to sync from here."
    )


def test_forget_takes_the_password_out_and_is_quiet_when_there_is_none(memory_keyring):
    secrets.remember(URL, "dana", "s3cret")
    secrets.forget(URL, "dana")
    assert memory_keyring.passwords == {}
    secrets.forget(URL, "dana")
    with pytest.raises(SyncSecretError, match="No password is stored"):
        secrets.password(URL, "dana")


def test_the_memory_keyring_restores_the_one_before():
    before = keyring.get_keyring()
    other = MemoryKeyring()
    with keyring_in_place(other):
        assert keyring.get_keyring() is other
    assert keyring.get_keyring() is before
