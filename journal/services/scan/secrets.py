"""The password of an IMAP account that is scanned: in the OS keyring (service
"contact-journal-imap", user "NAME@HOST[:PORT]"), or in CONTACT_JOURNAL_IMAP_PASSWORD.

Read each time and never written to the settings, the journal or a log; kept the same way as
the sync account's (journal.services.passwords).
"""

from __future__ import annotations

from journal.services.passwords import KeyringPasswords, PasswordError

SERVICE = "contact-journal-imap"
ENV = "CONTACT_JOURNAL_IMAP_PASSWORD"


class ScanSecretError(PasswordError):
    """No password can be had (or kept) for an IMAP account: one line a user can act on."""


def _username(server: str, user: str) -> str:
    """The keyring's user name: the user and the server (HOST or HOST:PORT) as given, so one
    user on two servers keeps two passwords. It is the source's location, too."""
    return f"{user.strip()}@{server.strip()}"


def _host(server: str) -> str:
    return server.strip()


PASSWORDS = KeyringPasswords(
    service=SERVICE, env=ENV, purpose="scan mail over IMAP from here",
    missing=f"add it again in Preferences > Mail & calendars or with scan imap --remember, or set {ENV}",
    username=_username, host=_host, error=ScanSecretError,
)

from_environment = PASSWORDS.from_environment
keyring_available = PASSWORDS.keyring_available
require_keyring = PASSWORDS.require_keyring
password = PASSWORDS.password
stored = PASSWORDS.stored
remember = PASSWORDS.remember
forget = PASSWORDS.forget


def split_location(location: str) -> tuple[str, str]:
    """(server, user) of an IMAP source's location "user@server" (the user may hold an @)."""
    user, _, server = location.rpartition("@")
    return server, user


def source_password(location: str) -> str:
    """The password of the IMAP source at `location`, from the variable or the keyring."""
    server, user = split_location(location)
    return password(server, user)
