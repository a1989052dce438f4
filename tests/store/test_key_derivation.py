"""The key is derived once per process: start-up begins it on a thread while the window is built,
and the unlock after the first paint finds it."""

from __future__ import annotations

import hashlib

import pytest

from journal.store import cipher, encryption
from journal.store.db import open_journal

pytest.importorskip("sqlcipher3")


def test_a_key_begun_at_start_is_the_one_the_unlock_uses(tmp_path, monkeypatch):
    monkeypatch.setattr(cipher, "KDF_ITER", 1000)
    path = tmp_path / "journal.sqlite3"
    open_journal(path).close()
    encryption.encrypt(path, "pass phrase")
    salt = cipher.salt_of(path)
    thread = cipher.prederive(path, "pass phrase")
    assert thread is not None
    thread.join()
    calls = []
    real = hashlib.pbkdf2_hmac
    monkeypatch.setattr(hashlib, "pbkdf2_hmac", lambda *a: calls.append(a) or real(*a))
    key = cipher.key_for(path, "pass phrase")
    assert calls == []  # found, not derived again
    assert key.key == real("sha512", b"pass phrase", salt, 1000, cipher.KEY_BYTES)
    open_journal(path, key=key).close()
    with pytest.raises(cipher.WrongPassphrase):
        cipher.unlock(path, passphrase="another")
    assert len(calls) == 1  # another passphrase is derived as usual


def test_a_plain_journal_has_nothing_to_derive(tmp_path):
    path = tmp_path / "journal.sqlite3"
    open_journal(path).close()
    assert cipher.prederive(path, "pass phrase") is None
