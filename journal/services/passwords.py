"""Passwords for the servers the journal talks to: in the OS keyring, or in an environment variable.

A password is never written to the settings, the journal or a log. Scripts and headless
machines set an environment variable (read each time, never stored), the way borg reads
BORG_PASSPHRASE; everyone else keeps it in the keyring (Secret Service, Keychain or Windows
Credential Locker) through the `keyring` library. Where neither is there, one plain sentence
says what to do.

Each kind of server has one `KeyringPasswords`: its keyring service name, its variable, how a
server and a user become the keyring's user name, and the words its messages use
(journal.services.sync.secrets, journal.services.scan.secrets).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from journal.errors import JournalError

NO_KEYRING = "no Secret Service, Keychain or Credential Locker was found"


class PasswordError(JournalError):
    """No password can be had (or kept): one line a user can act on."""


@dataclass(frozen=True)
class KeyringPasswords:
    service: str  # the keyring's service name
    env: str  # the variable that, when set and not empty, gives the password instead
    purpose: str  # what the variable lets the user do: "sync from here"
    missing: str  # what to do when the keyring holds none: "add the account again"
    username: Callable[[str, str], str]  # (server, user) -> the keyring's user name
    host: Callable[[str], str]  # server -> how messages name it
    error: type[JournalError] = PasswordError

    def from_environment(self) -> str | None:
        """The password in the variable, or None when it is not set (or empty)."""
        return os.environ.get(self.env) or None

    def keyring_available(self) -> bool:
        """True when a keyring backend that can keep passwords is there."""
        try:
            from keyring.backends import fail

            return not isinstance(_keyring().get_keyring(), fail.Keyring)
        except Exception:  # noqa: BLE001 - a broken backend is no keyring to use
            return False

    def no_keyring(self) -> JournalError:
        return self.error(f"No keyring is available on this computer ({NO_KEYRING}): set {self.env} to {self.purpose}.")

    def require_keyring(self) -> None:
        """Raise the plain sentence about a missing keyring unless one can keep a password."""
        if not self.keyring_available():
            raise self.no_keyring()

    def stored(self, server: str, user: str) -> str | None:
        """The password the keyring keeps for this user on this server, None when it keeps none.
        Raises the error with a plain sentence when there is no keyring or it cannot be read."""
        keyring = _keyring()
        from keyring.errors import KeyringError, NoKeyringError

        try:
            return keyring.get_password(self.service, self.username(server, user))
        except NoKeyringError:
            raise self.no_keyring() from None
        except KeyringError as exc:
            raise self.error(
                f"The keyring could not be read ({describe(exc)}): unlock it, or set {self.env} to {self.purpose}."
            ) from None

    def password(self, server: str, user: str) -> str:
        """The variable's password when it is set, else the keyring's; raises the error with a
        plain sentence when there is none."""
        given = self.from_environment()
        if given is not None:
            return given
        kept = self.stored(server, user)
        if kept is None:
            raise self.error(f"No password is stored for {user} at {self.host(server)}: {self.missing}.")
        return kept

    def remember(self, server: str, user: str, secret: str) -> None:
        """Keep the password in the keyring (replacing one kept before)."""
        keyring = _keyring()
        from keyring.errors import KeyringError, NoKeyringError

        try:
            keyring.set_password(self.service, self.username(server, user), secret)
        except NoKeyringError:
            raise self.no_keyring() from None
        except KeyringError as exc:
            raise self.error(
                f"The password could not be stored in the keyring ({describe(exc)}): unlock it, or set {self.env}."
            ) from None

    def forget(self, server: str, user: str) -> None:
        """Take the password out of the keyring; nothing happens when none was kept (or there is
        no keyring at all)."""
        keyring = _keyring()
        from keyring.errors import KeyringError

        try:
            keyring.delete_password(self.service, self.username(server, user))
        except KeyringError:  # PasswordDeleteError (none kept), NoKeyringError: nothing to forget
            pass


def _keyring():
    import keyring

    return keyring


def describe(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:120] if text else type(exc).__name__
