"""The sync account's password: in the OS keyring, or in CONTACT_JOURNAL_SYNC_PASSWORD.

The password is never written to the settings, the journal or a log. Scripts and headless
machines set CONTACT_JOURNAL_SYNC_PASSWORD (read each time, never stored), the way borg reads
BORG_PASSPHRASE; everyone else keeps it in the keyring (Secret Service, Keychain or Windows
Credential Locker) through the `keyring` library. Where neither is there, one plain sentence
says what to do.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from journal.errors import JournalError

SERVICE = "contact-journal-sync"
ENV = "CONTACT_JOURNAL_SYNC_PASSWORD"
_NO_KEYRING = "no Secret Service, Keychain or Credential Locker was found"


class SyncSecretError(JournalError):
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


def from_environment() -> str | None:
    """The password in CONTACT_JOURNAL_SYNC_PASSWORD, or None when it is not set (or empty)."""
    value = os.environ.get(ENV)
    return value or None


def _keyring():
    import keyring

    return keyring


def _no_keyring() -> SyncSecretError:
    return SyncSecretError(f"No keyring is available on this computer ({_NO_KEYRING}): set {ENV} to sync from here.")


def _is_fail_backend(backend) -> bool:
    from keyring.backends import fail

    return isinstance(backend, fail.Keyring)


def keyring_available() -> bool:
    """True when a keyring backend that can keep passwords is there."""
    try:
        return not _is_fail_backend(_keyring().get_keyring())
    except Exception:  # noqa: BLE001 - a broken backend is no keyring to use
        return False


def require_keyring() -> None:
    """Raise the plain sentence about a missing keyring unless one can keep a password."""
    if not keyring_available():
        raise _no_keyring()


def password(account_url: str, user: str) -> str:
    """The account's password: CONTACT_JOURNAL_SYNC_PASSWORD when set, else the keyring's.
    Raises SyncSecretError with a plain sentence when there is none."""
    env = from_environment()
    if env is not None:
        return env
    keyring = _keyring()
    from keyring.errors import KeyringError, NoKeyringError

    try:
        stored = keyring.get_password(SERVICE, _username(account_url, user))
    except NoKeyringError:
        raise _no_keyring() from None
    except KeyringError as exc:
        raise SyncSecretError(
            f"The keyring could not be read ({_describe(exc)}): unlock it, or set {ENV} to sync from here."
        ) from None
    if stored is None:
        raise SyncSecretError(f"No password is stored for {user} at {_host(account_url)}: add the account again.")
    return stored


def remember(account_url: str, user: str, secret: str) -> None:
    """Keep the password in the keyring (replacing one kept before)."""
    keyring = _keyring()
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(SERVICE, _username(account_url, user), secret)
    except NoKeyringError:
        raise _no_keyring() from None
    except KeyringError as exc:
        raise SyncSecretError(
            f"The password could not be stored in the keyring ({_describe(exc)}): unlock it, or set {ENV}."
        ) from None


def forget(account_url: str, user: str) -> None:
    """Take the password out of the keyring; nothing happens when none was kept (or there is no
    keyring at all)."""
    keyring = _keyring()
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(SERVICE, _username(account_url, user))
    except KeyringError:  # PasswordDeleteError (none kept), NoKeyringError: nothing to forget
        pass


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:120] if text else type(exc).__name__
