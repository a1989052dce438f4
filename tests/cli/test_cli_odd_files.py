"""Odd files and places on the command line: each gets one clear line, never "unexpected error"."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal.store import backups

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
READ_VERBS = (["check"], ["agenda"], ["export", "json"], ["search", "Dana"])


def run(*argv: str, **options) -> subprocess.CompletedProcess:
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "journal", *argv], timeout=30, check=False, **options)


def _one_line(stderr: bytes | str) -> str:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert text.startswith("contact-journal") and text.count("\n") == 1, text
    assert "unexpected error" not in text and "Traceback" not in text, text
    return text


def test_an_immutable_journal_on_log_is_one_line_and_unchanged(cli, journal_path, refused, snapshot):
    assert cli("log", "--with", "Dana Smith").code == 0
    if IS_ROOT:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(journal_path)]).returncode:
            pytest.skip("chattr +i is not available here")
    else:
        journal_path.chmod(0o400)
    before = snapshot(journal_path)
    try:
        result = cli("log", "--with", "Lee Park")
    finally:
        if IS_ROOT:
            subprocess.run(["chattr", "-i", str(journal_path)], check=False)
        journal_path.chmod(0o600)
    refused(result)
    assert result.code == 1 and "changes cannot be saved there" in result.err
    _one_line(result.err)
    assert snapshot(journal_path) == before


def test_invalid_utf8_in_with_is_a_bad_argument(journal_path):
    raw = os.fsencode(str(journal_path))
    result = run("--db", str(journal_path), "log", "--with", os.fsdecode(b"caf\xe9"))
    assert result.returncode == 2
    assert "--with is not valid text" in _one_line(result.stderr)
    assert not Path(os.fsdecode(raw)).exists()


def test_invalid_utf8_in_process(cli, refused):
    result = cli("log", "--with", "caf\udce9")
    refused(result)
    assert result.code == 2 and "--with" in result.err


def test_export_with_stdout_closed_or_full(journal_path):
    assert run("--db", str(journal_path), "log", "--with", "Dana Smith").returncode == 0
    closed = run("--db", str(journal_path), "export", "json", stdout=None, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 1
    assert "standard output is closed" in _one_line(closed.stderr)
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            result = run("--db", str(journal_path), "export", "json", stdout=full)
        assert result.returncode == 1
        assert "could not be written to standard output" in _one_line(result.stderr)


def test_a_fifo_is_refused_by_every_verb_without_hanging_or_changing_it(tmp_path):
    fifo = tmp_path / "journal.fifo"
    os.mkfifo(fifo, 0o644)
    verbs = [*READ_VERBS, ["log", "--with", "Dana"], ["backup"], ["import", "json", str(fifo)],
             ["restore", str(fifo)]]
    for verb in verbs:
        result = run("--db", str(fifo), *verb)
        assert result.returncode in (1, 2), verb
        assert str(fifo) in _one_line(result.stderr)
    assert stat.S_IMODE(fifo.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.fifo"]


@pytest.mark.parametrize("kind", ["folder", "device"])
def test_a_folder_or_a_device_is_refused(cli, tmp_path, refused, kind):
    path = tmp_path / "a-folder" if kind == "folder" else Path("/dev/null")
    path.mkdir(exist_ok=True) if kind == "folder" else None
    for verb in [*READ_VERBS, ["log", "--with", "Dana"]]:
        result = cli(*verb, db=path)
        refused(result)
        assert "not a journal file" in result.err
    if kind == "folder":
        assert list(path.iterdir()) == []


@pytest.mark.parametrize("empty", [False, True])
def test_read_only_verbs_never_create_a_journal(cli, journal_path, refused, empty):
    if empty:
        journal_path.touch()
    for verb in READ_VERBS:
        result = cli(*verb)
        refused(result)
        assert result.code == 1 and result.err == f"contact-journal: no journal at {journal_path} yet\n"
    assert journal_path.exists() == empty and (not empty or journal_path.stat().st_size == 0)
    assert sorted(p.name for p in journal_path.parent.iterdir()) == (["journal.sqlite3"] if empty else [])
    assert cli("log", "--with", "Dana Smith").code == 0  # a writing verb creates it


@pytest.fixture
def frozen(journal_path):
    """Make the journal's folder read-only for everyone, root included, or skip."""
    folder = journal_path.parent
    if IS_ROOT:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)]).returncode:
            pytest.skip("chattr +i is not available here")
    else:
        folder.chmod(0o500)
    yield folder
    if IS_ROOT:
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    else:
        folder.chmod(0o700)


def test_a_journal_in_a_read_only_folder_is_read_and_writes_say_why_not(cli, journal_path, refused, request):
    assert cli("log", "--with", "Dana Smith", "--next", "Call Dana", "--due", "2026-03-12").code == 0
    request.getfixturevalue("frozen")
    assert cli("check").out == f"{journal_path}: ok\n"
    assert "Call Dana" in cli("agenda").out
    assert "Dana Smith" in cli("search", "Dana").out
    assert '"Dana Smith"' in cli("export", "json").out
    result = cli("log", "--with", "Lee Park")
    refused(result)
    assert "changes cannot be saved there" in result.err
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.sqlite3"]


def test_restore_through_a_symlink_restores_the_target_and_keeps_the_link(cli, journal_path, tmp_path, refused):
    assert cli("log", "--with", "Dana Smith").code == 0
    assert cli("backup").code == 0
    [copy] = backups.list_backups(journal_path)
    assert cli("log", "--with", "Lee Park").code == 0
    link = tmp_path / "link.sqlite3"
    link.symlink_to(journal_path)
    holder = sqlite3.connect(journal_path)  # the window, holding the journal open
    holder.execute("SELECT count(*) FROM person").fetchone()
    try:
        result = cli("restore", str(copy), db=link)
        refused(result)
        assert "in use" in result.err
    finally:
        holder.close()
    result = cli("restore", str(copy), db=link)
    assert result.code == 0, result
    assert link.is_symlink() and link.resolve() == journal_path.resolve()
    conn = sqlite3.connect(f"{journal_path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT name FROM person").fetchall() == [("Dana Smith",)]
    finally:
        conn.close()


def test_export_onto_a_symlink_writes_its_target(cli, tmp_path):
    assert cli("log", "--with", "Dana Smith").code == 0
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = cli("export", "json", "-o", str(link))
    assert result.code == 0, result
    assert link.is_symlink() and "Dana Smith" in target.read_text()


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_export_onto_a_device_is_refused(cli, refused, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    assert cli("log", "--with", "Dana Smith").code == 0
    before = os.stat(device)
    result = cli("export", "json", "-o", device)
    refused(result)
    assert result.code == 2 and device in result.err
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_data_folder_parents_are_private_under_umask_000(tmp_path):
    data = tmp_path / "u" / "a" / "b" / "cj"
    env = {**os.environ, "CONTACT_JOURNAL_DATA_DIR": str(data)}
    env.pop("CONTACT_JOURNAL_DB", None)
    result = run("log", "--with", "Dana Smith", env=env, preexec_fn=lambda: os.umask(0))
    assert result.returncode == 0, result.stderr
    for folder in ("u", "u/a", "u/a/b", "u/a/b/cj"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder


def test_a_data_folder_under_a_folder_others_can_write_is_refused(cli, tmp_path, monkeypatch, refused):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("CONTACT_JOURNAL_DATA_DIR", str(shared / "cj"))
    result = cli("log", "--with", "Dana Smith", db=None)
    refused(result)
    assert str(shared) in result.err and not (shared / "cj").exists()
