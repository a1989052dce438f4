"""A keyring that lives in memory, so that no test ever reads or writes the user's own."""

from __future__ import annotations

import contextlib

import keyring
import keyring.backend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Passwords in a dict: {(service, user name): password}."""

    priority = 1  # never chosen on its own: only keyring.set_keyring puts it in place

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


@contextlib.contextmanager
def keyring_in_place(backend):
    """`backend` as the keyring for the block; the one before it back afterwards."""
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


@contextlib.contextmanager
def isolated_keyring(monkeypatch):
    """The safety net every sync test runs in: an empty in-memory keyring and no password in
    the environment."""
    monkeypatch.delenv("CONTACT_JOURNAL_SYNC_PASSWORD", raising=False)
    with keyring_in_place(MemoryKeyring()) as backend:
        yield backend
