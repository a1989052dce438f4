"""Odd files and places: non-regular files, read-only journals, damaged pages, unsafe folders."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from journal.errors import JournalError, NotAJournalError
from journal.store.db import close_journal, ensure_private_dir, open_journal
from journal.store.models import Person

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _odd_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    found = {"fifo": fifo, "folder": folder, "device": Path("/dev/null")}
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    sock.close()
    found["socket"] = sock_path
    link = tmp_path / "link-to-fifo"
    link.symlink_to(fifo)
    found["symlink to a fifo"] = link
    return found


def test_anything_but_a_regular_file_is_refused_before_sqlite_opens_it(tmp_path):
    for kind, path in _odd_files(tmp_path).items():
        before = os.lstat(path)
        with pytest.raises(JournalError) as info:
            open_journal(path)
        message = str(info.value)
        assert "\n" not in message and str(path) in message, kind
        after = os.lstat(path)
        assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode), kind  # never chmod-ed
        assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists(), kind


def test_a_symlink_to_a_regular_journal_opens(filled_journal, tmp_path):
    link = tmp_path / "link.sqlite3"
    link.symlink_to(filled_journal)
    open_journal(link)
    try:
        assert Person.select().count() == 6
    finally:
        close_journal()
    assert link.is_symlink()


def test_read_only_opening_never_creates_a_journal(tmp_path):
    missing = tmp_path / "missing.sqlite3"
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    for path in (missing, empty):
        with pytest.raises(JournalError, match="no journal at .* yet"):
            open_journal(path, read_only=True)
    assert not missing.exists() and empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]


def test_a_damaged_page_is_one_line_with_the_detail_behind_the_debug_switch(filled_journal, corrupt, monkeypatch):
    data = bytearray(filled_journal.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    last = len(data) // page - 1
    data[last * page : last * page + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"  # a broken b-tree page header
    filled_journal.write_bytes(bytes(data))
    monkeypatch.delenv("CONTACT_JOURNAL_DEBUG", raising=False)
    with pytest.raises(NotAJournalError) as info:
        open_journal(filled_journal)
    assert "\n" not in str(info.value) and "damaged" in str(info.value)
    assert info.value.detail and "***" not in str(info.value)
    monkeypatch.setenv("CONTACT_JOURNAL_DEBUG", "1")
    with pytest.raises(NotAJournalError) as info:
        open_journal(filled_journal)
    assert "\n" not in str(info.value) and info.value.detail in str(info.value)


@pytest.fixture
def immutable_folder():
    """Make a folder read-only for everyone, root included (chattr +i), or skip."""
    made: list[Path] = []

    def freeze(folder: Path) -> None:
        if IS_ROOT:
            if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
                pytest.skip("chattr +i is not available here to make a folder read-only as root")
        else:
            folder.chmod(0o500)
        made.append(folder)

    yield freeze
    for folder in made:
        if IS_ROOT:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        else:
            folder.chmod(0o700)


def _journal_in(folder: Path, clock) -> Path:
    from journal.services.conversations.records import PersonRef, log_conversation

    folder.mkdir()
    path = folder / "journal.sqlite3"
    open_journal(path)
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    close_journal()
    return path


def test_a_journal_in_a_read_only_folder_is_read_but_not_written(tmp_path, clock, immutable_folder):
    path = _journal_in(tmp_path / "ro", clock)
    immutable_folder(path.parent)
    database = open_journal(path, read_only=True)
    try:
        assert [p.name for p in Person.select()] == ["Dana Smith"]
    finally:
        database.close()
    with pytest.raises(JournalError, match="changes cannot be saved there") as info:
        open_journal(path)
    assert "\n" not in str(info.value)
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal.sqlite3"]


def test_a_read_only_journal_with_a_wal_is_read_through_it(tmp_path, clock, immutable_folder):
    path = _journal_in(tmp_path / "ro", clock)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE person SET name = 'Dana from the WAL'")
    writer.commit()
    copy = path.with_name("copy.sqlite3")
    for suffix in ("", "-wal", "-shm"):  # as a crash leaves it: the change only in the -wal
        shutil.copy(f"{path}{suffix}", f"{copy}{suffix}")
    writer.close()
    immutable_folder(path.parent)
    database = open_journal(copy, read_only=True)
    try:
        assert [p.name for p in Person.select()] == ["Dana from the WAL"]
    finally:
        database.close()


def test_a_wal_without_its_shm_in_a_read_only_folder_is_one_clear_line(tmp_path, clock, immutable_folder):
    path = _journal_in(tmp_path / "ro", clock)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE person SET name = 'Dana from the WAL'")
    writer.commit()
    copy = path.with_name("copy.sqlite3")
    for suffix in ("", "-wal"):
        shutil.copy(f"{path}{suffix}", f"{copy}{suffix}")
    writer.close()
    immutable_folder(path.parent)
    with pytest.raises(JournalError, match="cannot be read without copy.sqlite3-shm") as info:
        open_journal(copy, read_only=True)
    assert "\n" not in str(info.value)


@pytest.fixture
def read_only_mount(tmp_path):
    """A small tmpfs, remounted read-only by the test (as root where `mount` works), or skip."""
    if not IS_ROOT or not shutil.which("mount"):
        pytest.skip("mounting a read-only file system needs root and mount")
    point = tmp_path / "mnt"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)], capture_output=True).returncode:
        pytest.skip("mount -t tmpfs is not permitted here")

    def remount_ro() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True, capture_output=True)

    yield point, remount_ro
    subprocess.run(["umount", str(point)], check=False)


def test_a_journal_on_a_read_only_file_system(read_only_mount, clock):
    point, remount_ro = read_only_mount
    path = _journal_in(point / "data", clock)
    remount_ro()
    database = open_journal(path, read_only=True)
    try:
        assert [p.name for p in Person.select()] == ["Dana Smith"]
    finally:
        database.close()
    with pytest.raises(JournalError, match="read-only file system"):
        open_journal(path)


def test_missing_parents_are_created_private_under_a_permissive_umask(tmp_path):
    old = os.umask(0)
    try:
        ensure_private_dir(tmp_path / "u" / "a" / "b" / "cj")
    finally:
        os.umask(old)
    for folder in ("u", "u/a", "u/a/b", "u/a/b/cj"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder


def test_a_folder_under_a_world_writable_parent_without_the_sticky_bit_is_refused(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(JournalError, match="other users") as info:
        open_journal(shared / "cj" / "journal.sqlite3")
    assert str(shared) in str(info.value)
    assert not (shared / "cj").exists()
    shared.chmod(0o1777)  # sticky, as /tmp: others cannot move what is ours
    open_journal(shared / "cj" / "journal.sqlite3")
    close_journal()
