"""`account add/list/remove` and `sync` on the command line, against real Radicale and Xandikos."""

from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from journal.services.sync.secrets import SERVICE
from tests.services.sync.keyrings import isolated_keyring, keyring_in_place
from tests.sync.servers import ServerStartError, free_port, start_server

PASSWORD = "correct horse ±battery"
ACCOUNT_KEYS = {"url", "user", "contacts_url", "tasks_url", "journal_url", "journal_note", "last_sync_at", "last_error"}
REPORT_KEYS = {"up", "down", "merged", "conflicted", "deleted_here", "deleted_there", "notes", "requests", "dry_run"}


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    with isolated_keyring(monkeypatch) as backend:
        yield backend


@pytest.fixture(params=["radicale", "xandikos"])
def server(request, tmp_path):
    try:
        started = start_server(request.param, tmp_path / "servers", PASSWORD)
    except ServerStartError as exc:
        pytest.skip(f"{request.param} could not start here: {exc}")
    yield started
    started.stop()


@pytest.fixture
def env_password(monkeypatch):
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", PASSWORD)


def table(path, name):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT * FROM {name}").fetchall()
    finally:
        conn.close()


def typed_password(monkeypatch, text):
    """Standard input is a terminal and the user types `text` at the prompt."""
    prompts = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or text)
    return prompts


def test_add_with_the_password_from_the_environment_stores_nothing(cli, server, env_password, memory_keyring, journal_path):
    result = cli("account", "add", server.url, "--user", "dana")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[0] == (
        f"Added dana at {server.url} (the password comes from CONTACT_JOURNAL_SYNC_PASSWORD and was not stored)."
    )
    assert lines[1].startswith("Address book: /dana/")
    assert lines[2].startswith("Task list: /dana/")
    assert lines[3].startswith("Conversations: ")
    assert memory_keyring.passwords == {}
    listed = cli("account", "list", "--json")
    assert listed.code == 0, listed
    (account,) = json.loads(listed.out)
    assert set(account) == ACCOUNT_KEYS
    assert account["user"] == "dana" and account["last_sync_at"] is None and account["last_error"] == ""
    assert PASSWORD not in listed.out
    assert PASSWORD not in journal_path.read_bytes().decode("latin-1")


def test_a_typed_password_goes_to_the_keyring_and_sync_uses_it(cli, server, monkeypatch, memory_keyring):
    prompts = typed_password(monkeypatch, PASSWORD)
    result = cli("account", "add", server.url, "--user", "dana")
    assert result.code == 0, result
    assert prompts == ["Password for dana at 127.0.0.1: "]
    assert "(the password is in the keyring)" in result.out
    assert [(service, name) for service, name in memory_keyring.passwords] == [(SERVICE, f"dana@{server.url.rstrip('/')}")]
    assert list(memory_keyring.passwords.values()) == [PASSWORD]

    assert cli("log", "--with", "Dana Smith", "--next", "Send Dana the deck", "--due", "2026-03-20").code == 0
    dry = cli("sync", "--dry-run", "--json")
    assert dry.code == 0, dry
    preview = json.loads(dry.out)
    assert set(preview) == REPORT_KEYS and preview["dry_run"] is True
    assert preview["up"], preview
    synced = cli("sync", "--json")
    assert synced.code == 0, synced
    report = json.loads(synced.out)
    assert report["dry_run"] is False
    assert sorted(report["up"]) == sorted(preview["up"])  # the dry run sent nothing
    again = cli("sync")
    assert again.code == 0, again
    assert again.out.splitlines()[0].startswith("Synced: 0 sent, 0 received, 0 merged, 0 in conflict, 0 deleted here, 0 deleted there (")
    (account,) = json.loads(cli("account", "list", "--json").out)
    assert account["last_sync_at"] == "2026-03-11T09:30:00"

    plain = cli("account", "list")
    assert plain.out.splitlines()[0] == f"dana at {server.url}"
    assert "Last sync: 2026-03-11 09:30:00" in plain.out

    removed = cli("account", "remove")
    assert removed.code == 0, removed
    assert removed.out == f"Removed the account dana at {server.url}; the journal and the server keep what they have.\n"
    assert memory_keyring.passwords == {}
    assert json.loads(cli("account", "list", "--json").out) == []


def test_sync_prints_what_went_up(cli, radicale_like_account):
    assert cli("log", "--with", "Omar Haddad").code == 0
    result = cli("sync")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[0].startswith("Synced: ")
    assert any(line.split() and line.split()[0] == "sent" and "Omar Haddad" in line for line in lines[1:]), result.out


@pytest.fixture
def radicale_like_account(cli, server, env_password):
    assert cli("account", "add", server.url, "--user", "dana").code == 0
    return server


def test_a_wrong_password_is_one_line_and_nothing_is_kept(cli, server, monkeypatch, refused, journal_path, memory_keyring):
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", "wrong")
    result = cli("account", "add", server.url, "--user", "dana")
    refused(result)
    assert result.code == 1
    assert result.err == "contact-journal: The server refused the user name or password.\n"
    assert table(journal_path, "sync_account") == []
    assert memory_keyring.passwords == {}


def test_a_wrong_password_at_sync_time_changes_nothing(cli, radicale_like_account, monkeypatch, refused, journal_path):
    assert cli("log", "--with", "Dana Smith", "--next", "Call Dana", "--due", "2026-03-20").code == 0
    users_tables = ("person", "conversation", "participant", "next_step", "introduction")
    before = [table(journal_path, name) for name in users_tables]
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", "wrong")
    result = cli("sync")
    refused(result)
    assert result.err == "contact-journal: The server refused the user name or password.\n"
    assert [table(journal_path, name) for name in users_tables] == before
    (account,) = json.loads(cli("account", "list", "--json").out)
    assert account["last_error"] == "The server refused the user name or password."
    assert account["last_sync_at"] is None


def test_an_unreachable_server_is_one_line(cli, env_password, refused, journal_path):
    url = f"http://127.0.0.1:{free_port()}/"
    result = cli("account", "add", url, "--user", "dana")
    refused(result)
    assert result.code == 1
    assert result.err.startswith("contact-journal: Cannot reach 127.0.0.1")
    assert table(journal_path, "sync_account") == []


@pytest.mark.parametrize("url", ["ftp://dav.example.com/", "https://", "https://:8443/"])
def test_a_bad_url_is_refused_before_the_password_is_asked(cli, url, monkeypatch, refused):
    prompts = typed_password(monkeypatch, PASSWORD)
    result = cli("account", "add", url, "--user", "dana")
    refused(result)
    assert result.code == 1
    assert prompts == []


def test_plain_http_to_another_host_needs_allow_http(cli, env_password, refused, journal_path):
    result = cli("account", "add", "http://dav.example.com/", "--user", "dana")
    refused(result)
    assert "http" in result.err
    assert table(journal_path, "sync_account") == []


def test_no_password_and_no_terminal_is_one_line(cli, refused, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    result = cli("account", "add", "https://dav.example.com/", "--user", "dana")
    refused(result)
    assert result.err == (
        "contact-journal: No password: set CONTACT_JOURNAL_SYNC_PASSWORD, or run this on a terminal to type it.\n"
    )


def test_no_keyring_and_no_variable_says_so_plainly(cli, refused, monkeypatch):
    from keyring.backends import fail

    typed_password(monkeypatch, PASSWORD)
    with keyring_in_place(fail.Keyring()):
        result = cli("account", "add", "https://dav.example.com/", "--user", "dana")
    refused(result)
    assert result.err.startswith("contact-journal: No keyring is available on this computer (")
    assert result.err.endswith("set CONTACT_JOURNAL_SYNC_PASSWORD to sync from here.\n")


def test_an_empty_typed_password_is_refused(cli, refused, monkeypatch):
    typed_password(monkeypatch, "")
    result = cli("account", "add", "https://dav.example.com/", "--user", "dana")
    refused(result)
    assert result.err == "contact-journal: No password was given; nothing was changed.\n"


def test_sync_and_remove_without_an_account(cli, refused):
    assert cli("log", "--with", "Dana Smith").code == 0
    result = cli("sync")
    refused(result)
    assert "There is no sync account" in result.err
    refused(cli("account", "remove"))
    listed = cli("account", "list")
    assert listed.out == "No sync account. Add one with `contact-journal account add URL --user NAME`.\n"


def test_sync_without_a_stored_password_says_to_add_the_account_again(cli, radicale_like_account, monkeypatch, refused):
    monkeypatch.delenv("CONTACT_JOURNAL_SYNC_PASSWORD")
    result = cli("sync")
    refused(result)
    assert result.err == "contact-journal: No password is stored for dana at 127.0.0.1: add the account again.\n"


def test_account_needs_an_action_and_add_needs_a_user(cli):
    assert cli("account").code == 2
    assert cli("account", "add", "https://dav.example.com/").code == 2
