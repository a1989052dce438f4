"""The sync account's password: in the OS keyring, or in CONTACT_JOURNAL_SYNC_PASSWORD.

The password is never written to the settings, the journal or a log. Scripts and headless
machines set CONTACT_JOURNAL_SYNC_PASSWORD (read each time, never stored), the way borg reads
BORG_PASSPHRASE; everyone else keeps it in the keyring (Secret Service, Keychain or Windows
Credential Locker) through the `keyring` library. Where neither is there, one plain sentence
says what to do. The keeping itself is journal.services.passwords, shared with the IMAP
password of journal.services.scan.secrets.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from journal.services.passwords import KeyringPasswords, PasswordError

SERVICE = "contact-journal-sync"
ENV = "CONTACT_JOURNAL_SYNC_PASSWORD"


class SyncSecretError(PasswordError):
    """No password can be had (or kept) for the account: one line a user can act on."""


def _username(account_url: str, user: str) -> str:
    """The keyring's user name for the account: the user and the server, so two accounts on two
    servers with the same user name keep two passwords."""
    return f"{user}@{account_url.strip().rstrip('/')}"


def _host(account_url: str) -> str:
    try:
        return urlsplit(account_url.strip()).hostname or account_url
    except ValueError:
        return account_url


PASSWORDS = KeyringPasswords(
    service=SERVICE, env=ENV, purpose="sync from here", missing="add the account again",
    username=_username, host=_host, error=SyncSecretError,
)

from_environment = PASSWORDS.from_environment
keyring_available = PASSWORDS.keyring_available
require_keyring = PASSWORDS.require_keyring
password = PASSWORDS.password
remember = PASSWORDS.remember
forget = PASSWORDS.forget
