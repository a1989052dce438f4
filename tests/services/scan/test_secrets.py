"""The IMAP password: the environment first, then the keyring, kept apart from the sync
account's and told apart per user and server; both share journal.services.passwords."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from keyring.errors import KeyringLocked

from journal.errors import JournalError
from journal.services.passwords import KeyringPasswords, PasswordError
from journal.services.scan import secrets
from journal.services.scan.secrets import ENV, SERVICE, ScanSecretError
from journal.services.sync import secrets as sync_secrets
from tests.services.sync.keyrings import keyring_in_place

SERVER = "mail.example.org:993"


def test_kept_under_its_own_service_per_user_and_server(memory_keyring):
    secrets.remember(SERVER, "dana", "one")
    secrets.remember("mail.example.org", "dana", "two")
    secrets.remember(SERVER, "sam", "three")
    assert secrets.password(SERVER, "dana") == "one"
    assert secrets.password("mail.example.org", "dana") == "two"
    assert memory_keyring.passwords == {
        ("contact-journal-imap", "dana@mail.example.org:993"): "one",
        ("contact-journal-imap", "dana@mail.example.org"): "two",
        ("contact-journal-imap", "sam@mail.example.org:993"): "three",
    }
    assert SERVICE == "contact-journal-imap" and ENV == "CONTACT_JOURNAL_IMAP_PASSWORD"


def test_the_keyring_user_name_is_the_sources_location(memory_keyring):
    from journal.services.scan.sources import imap_location

    location = imap_location(SERVER, "dana@example.org")
    secrets.remember(SERVER, "dana@example.org", "s3cret")
    assert secrets.split_location(location) == (SERVER, "dana@example.org")
    assert secrets.source_password(location) == "s3cret"
    assert list(memory_keyring.passwords) == [(SERVICE, location)]


def test_the_imap_and_sync_passwords_never_mix(memory_keyring, monkeypatch):
    sync_secrets.remember("https://dav.example.com/", "dana", "sync")
    with pytest.raises(ScanSecretError):
        secrets.password("dav.example.com", "dana")
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", "from-sync-env")
    with pytest.raises(ScanSecretError):
        secrets.password(SERVER, "dana")
    monkeypatch.setenv(ENV, "from-imap-env")
    assert secrets.password(SERVER, "dana") == "from-imap-env"
    assert sync_secrets.password("https://dav.example.com/", "dana") == "from-sync-env"


def test_the_environment_wins_works_without_a_keyring_and_is_never_stored(monkeypatch, memory_keyring):
    secrets.remember(SERVER, "dana", "kept")
    monkeypatch.setenv(ENV, "")  # empty counts as unset
    assert secrets.password(SERVER, "dana") == "kept"
    monkeypatch.setenv(ENV, "given")
    assert secrets.password(SERVER, "dana") == "given"
    assert memory_keyring.passwords == {(SERVICE, "dana@mail.example.org:993"): "kept"}
    with keyring_in_place(fail.Keyring()):
        assert secrets.password(SERVER, "dana") == "given"


def test_none_kept_says_how_to_keep_one():
    with pytest.raises(ScanSecretError) as caught:
        secrets.password(SERVER, "dana")
    assert str(caught.value) == (
        "No password is stored for dana at mail.example.org:993: add it again in Preferences > Mail & calendars "
        "or with scan imap --remember, or set CONTACT_JOURNAL_IMAP_PASSWORD."
    )
    assert secrets.stored(SERVER, "dana") is None
    assert isinstance(caught.value, PasswordError) and isinstance(caught.value, JournalError)


def test_no_keyring_and_a_locked_one_are_one_sentence_each(memory_keyring, monkeypatch):
    with keyring_in_place(fail.Keyring()):
        assert not secrets.keyring_available()
        with pytest.raises(ScanSecretError) as caught:
            secrets.stored(SERVER, "dana")
        assert str(caught.value).startswith("No keyring is available on this computer (")
        assert str(caught.value).endswith("): set CONTACT_JOURNAL_IMAP_PASSWORD to scan mail over IMAP from here.")
        with pytest.raises(ScanSecretError, match="No keyring is available"):
            secrets.require_keyring()
        secrets.forget(SERVER, "dana")  # nothing kept, nothing to do

    def locked(*_args):
        raise KeyringLocked("the collection is locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    with pytest.raises(ScanSecretError) as caught:
        secrets.password(SERVER, "dana")
    assert str(caught.value) == (
        "The keyring could not be read (the collection is locked): unlock it, or set "
        "CONTACT_JOURNAL_IMAP_PASSWORD to scan mail over IMAP from here."
    )


def test_forget_takes_it_out(memory_keyring):
    secrets.remember(SERVER, "dana", "s3cret")
    secrets.forget(SERVER, "dana")
    secrets.forget(SERVER, "dana")
    assert memory_keyring.passwords == {}


def test_both_kinds_are_one_implementation():
    assert isinstance(secrets.PASSWORDS, KeyringPasswords) and isinstance(sync_secrets.PASSWORDS, KeyringPasswords)
    assert issubclass(sync_secrets.SyncSecretError, PasswordError)
    assert sync_secrets.password.__func__ is secrets.password.__func__
