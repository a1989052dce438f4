"""A full disk: during a backup, during the daily backup of a session, and under the journal.

Run on a small tmpfs, which needs root (and a kernel that lets the test mount); skipped elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from pathlib import Path

import pytest

from journal.errors import JournalError
from journal.services.conversations.records import PersonRef, StepDraft, log_conversation
from journal.services.upkeep import maintenance
from journal.store import backups
from journal.store.models import Conversation

FREE_BYTES = 8 * 1024  # left free on the full disk: far less than any journal


def _mount_tmpfs(point: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs for the disk-full cases needs root")
    point.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip() or result.returncode})")


def _unmount(point: Path) -> None:
    if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


@contextlib.contextmanager
def small_disk(point: Path, size: str = "2m"):
    _mount_tmpfs(point, size)
    try:
        yield point
    finally:
        _unmount(point)


def fill(folder: Path, leave: int = FREE_BYTES) -> Path:
    """Fill the file system holding `folder`, leaving about `leave` bytes free."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        try:
            while True:
                handle.write(b"\0" * 512)
        except OSError:
            pass
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


@pytest.fixture
def full_backups_disk(filled_journal):
    """The journal on an ordinary disk, its backups folder on a full one."""
    folder = backups.backup_dir(filled_journal)
    with small_disk(folder) as point:
        filler = fill(point)
        yield point
        assert sorted(point.iterdir()) == [filler], "a failed backup left something behind"


def _assert_one_disk_full_line(message: str, folder: Path) -> None:
    assert "\n" not in message
    assert "full" in message and str(folder) in message


def test_backup_now_on_a_full_disk_is_one_line_naming_the_folder(filled_journal, full_backups_disk, clock):
    maintenance.open_session(filled_journal, auto_backup=False, clock=clock)
    try:
        with pytest.raises(JournalError) as caught:
            maintenance.backup_now(filled_journal, clock=clock)
    finally:
        maintenance.db.close_journal()
    _assert_one_disk_full_line(str(caught.value), full_backups_disk)
    assert "no backup was taken" in str(caught.value)
    assert backups.list_backups(filled_journal) == []


def test_a_session_opens_and_the_change_is_saved_when_the_daily_backup_cannot_be_taken(
    filled_journal, full_backups_disk, clock, capsys
):
    before = None
    database = maintenance.open_session(filled_journal, clock=clock)  # the CLI's log and import
    try:
        before = Conversation.select().count()
        log_conversation(
            [PersonRef.named("Dana Smith")], next_steps=[StepDraft("Call back", clock.today())], clock=clock
        )
        assert Conversation.select().count() == before + 1
    finally:
        database.close()
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("contact-journal: warning: "), err
    _assert_one_disk_full_line(lines[0], full_backups_disk)
    _assert_one_disk_full_line(database.backup_failure, full_backups_disk)
    assert backups.list_backups(filled_journal) == []


def test_a_session_can_take_the_warning_itself(filled_journal, full_backups_disk, clock, capsys):
    heard = []
    database = maintenance.open_session(filled_journal, clock=clock, on_backup_failure=heard.append)
    database.close()
    assert len(heard) == 1 and "full" in heard[0]
    assert capsys.readouterr().err == ""


def test_the_app_s_daily_backup_thread_keeps_the_failure(filled_journal, full_backups_disk, clock):
    database = maintenance.open_session(filled_journal, auto_backup=False, clock=clock)
    try:
        thread = maintenance.start_daily_backup(filled_journal, clock=clock)
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert isinstance(thread.error, backups.DiskFullError)
        _assert_one_disk_full_line(str(thread.error), full_backups_disk)
        assert thread.result is None
        assert Conversation.select().count() > 0  # the window's connection goes on working
    finally:
        database.close()


def test_the_next_backup_succeeds_once_there_is_room(filled_journal, full_backups_disk, clock):
    maintenance.open_session(filled_journal, auto_backup=False, clock=clock)
    try:
        with pytest.raises(backups.DiskFullError):
            maintenance.backup_now(filled_journal, clock=clock)
        filler = full_backups_disk / "filler"
        os.truncate(filler, 0)
        copy = maintenance.backup_now(filled_journal, clock=clock)
        assert backups.verify(copy) == "ok" and backups.newest_backup(filled_journal) == copy
        copy.unlink()  # the fixture checks that only the filler is left
        os.truncate(filler, 1)
    finally:
        maintenance.db.close_journal()


def test_a_write_to_a_journal_on_a_full_disk_says_the_disk_is_full(tmp_path, clock):
    with small_disk(tmp_path / "disk", "4m") as point:
        journal = point / "journal.sqlite3"
        database = maintenance.open_session(journal, clock=clock)
        try:
            log_conversation([PersonRef.named("Dana Smith")], clock=clock)
            fill(point, leave=0)
            with pytest.raises(JournalError) as caught:
                for index in range(200):
                    log_conversation(
                        [PersonRef.named(f"Person {index}")],
                        summary="a long lunch " * 2000,
                        clock=clock,
                    )
            message = str(caught.value)
            assert "\n" not in message
            assert "full" in message and str(point) in message, message
            assert "rollback" not in message
            (point / "filler").unlink()
            # Nothing half-written: the journal still opens and holds what committed before.
            assert Conversation.select().count() >= 1
        finally:
            database.close()
