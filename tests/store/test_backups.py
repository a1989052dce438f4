"""Online backups, their names and pruning, and restoring one."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal.store import backups
from journal.store.db import close_journal, open_journal
from journal.store.models import Conversation, Person


def people_in(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM person")}
    finally:
        conn.close()


def test_an_online_backup_of_a_live_journal_has_what_is_still_in_the_wal(db, journal_path, clock):
    Person.create(name="Dana Smith")
    assert Path(f"{journal_path}-wal").stat().st_size > 0
    copy = backups.backup(journal_path, db, reason="manual", now=clock.now())
    assert copy.name == "journal-20260311-093000-manual.backup.sqlite3"
    assert people_in(copy) == {"Dana Smith"}
    assert backups.verify(copy) == "ok"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert not Path(f"{copy}-wal").exists()  # a backup is one self-contained file


def test_same_second_backups_get_distinct_names_in_order(db, journal_path, clock):
    made = [backups.backup(journal_path, db, reason="manual", now=clock.now(), keep=50) for _ in range(3)]
    assert len(set(made)) == 3
    assert backups.list_backups(journal_path) == made
    assert backups.newest_backup(journal_path) == made[-1]


def test_daily_backup_at_most_once_a_day(filled_journal, clock):
    database = open_journal(filled_journal)
    try:
        first = backups.backup_if_due(filled_journal, database, clock.now())
        assert first is not None and backups.backup_reason(filled_journal, first) == "daily"
        clock.advance(hours=10)
        assert backups.backup_if_due(filled_journal, database, clock.now()) is None
        clock.advance(hours=5)  # past midnight: a new day
        second = backups.backup_if_due(filled_journal, database, clock.now())
        assert second is not None
        assert backups.list_backups(filled_journal, "daily") == [first, second]
    finally:
        close_journal()


def test_a_manual_backup_today_counts_as_today_s(filled_journal, clock):
    database = open_journal(filled_journal)
    try:
        backups.backup(filled_journal, database, reason="manual", now=clock.now())
        assert backups.backup_if_due(filled_journal, database, clock.now()) is None
    finally:
        close_journal()


def test_pruning_keeps_the_last_n_of_each_kind_and_every_safety_copy(filled_journal, clock):
    database = open_journal(filled_journal)
    try:
        safety = backups.backup(filled_journal, database, reason="before-upgrade-v1", now=clock.now())
        for _day in range(14):
            clock.advance(days=1)
            backups.backup_if_due(filled_journal, database, clock.now(), keep=10)
            backups.backup(filled_journal, database, reason="manual", now=clock.now(), keep=3)
        daily = backups.list_backups(filled_journal, "daily")
        assert len(daily) == 10
        assert daily[0].name.startswith("journal-20260316-")  # the four oldest are gone
        assert len(backups.list_backups(filled_journal, "manual")) == 3
        assert safety.exists()
    finally:
        close_journal()


def test_other_journals_backups_in_the_same_folder_are_not_ours(tmp_path, clock):
    ours = tmp_path / "work.sqlite3"
    theirs = tmp_path / "work-old.sqlite3"
    for path in (ours, theirs):
        open_journal(path)
        Person.create(name=path.name)
        backups.backup(path, None, now=clock.now())
        close_journal()
    [mine] = backups.list_backups(ours)
    assert people_in(mine) == {"work.sqlite3"}
    for _ in range(3):
        backups.backup(theirs, None, now=clock.now(), keep=1)
    assert backups.list_backups(ours) == [mine]


def test_restore_round_trip_keeps_a_copy_of_what_it_replaces(filled_journal, clock):
    copy = backups.backup(filled_journal, None, now=clock.now())
    open_journal(filled_journal)
    Person.create(name="Added after the backup")
    conversations = Conversation.select().count()
    close_journal()
    clock.advance(minutes=5)
    kept = backups.restore(filled_journal, copy, now=clock.now())
    assert backups.backup_reason(filled_journal, kept) == "before-restore"
    assert "Added after the backup" in people_in(kept)
    assert "Added after the backup" not in people_in(filled_journal)
    assert stat.S_IMODE(filled_journal.stat().st_mode) == 0o600
    open_journal(filled_journal)
    assert Conversation.select().count() == conversations
    close_journal()
    assert not filled_journal.with_name("journal.sqlite3.restoring").exists()


def test_restore_onto_a_damaged_journal_moves_the_damaged_file_aside(filled_journal, clock, corrupt):
    copy = backups.backup(filled_journal, None, now=clock.now())
    corrupt(filled_journal)
    damaged_bytes = filled_journal.read_bytes()
    kept = backups.restore(filled_journal, copy, now=clock.now())
    assert backups.backup_reason(filled_journal, kept) == "damaged"
    assert kept.read_bytes() == damaged_bytes
    assert backups.verify(filled_journal) == "ok"
    assert people_in(filled_journal) == people_in(copy)


def test_restore_onto_a_missing_journal(tmp_path, filled_journal, clock):
    copy = backups.backup(filled_journal, None, now=clock.now())
    target = tmp_path / "elsewhere" / "journal.sqlite3"
    assert backups.restore(target, copy) is None
    assert people_in(target) == people_in(filled_journal)


def test_restore_refuses_a_damaged_source_and_changes_nothing(filled_journal, tmp_path, snapshot):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = snapshot(filled_journal)
    with pytest.raises(ValueError, match="cannot be restored"):
        backups.restore(filled_journal, bad)
    assert snapshot(filled_journal) == before


def test_verify_reports_damage(filled_journal, corrupt):
    assert backups.verify(filled_journal) == "ok"
    corrupt(filled_journal)
    assert backups.verify(filled_journal) != "ok"


def test_backup_names_carry_the_clock_s_time(db, journal_path):
    when = dt.datetime(2030, 1, 2, 3, 4, 5)
    copy = backups.backup(journal_path, db, reason="daily", now=when)
    assert copy.name == "journal-20300102-030405-daily.backup.sqlite3"


def test_reading_a_closed_journal_leaves_nothing_beside_it(filled_journal, clock):
    assert backups.verify(filled_journal) == "ok"
    copy = backups.backup(filled_journal, None, now=clock.now())
    backups.restore(filled_journal, copy, now=clock.now())
    assert sorted(p.name for p in filled_journal.parent.iterdir()) == ["backups", "journal.sqlite3"]
    assert all(p.name.endswith(backups.SUFFIX) for p in backups.backup_dir(filled_journal).iterdir())


def test_a_backup_from_a_worker_thread_leaves_no_connection_open_there(db, journal_path, clock):
    import threading

    from journal.store.db import in_use

    Person.create(name="Dana Smith")
    made, done, release = [], threading.Event(), threading.Event()

    def worker():
        made.append(backups.backup(journal_path, db, now=clock.now()))
        done.set()
        release.wait(10)  # the thread lives on, like a pool thread

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert done.wait(10)
        assert people_in(made[0]) == {"Dana Smith"}
        close_journal()  # the test thread's own connection
        assert not in_use(journal_path)
    finally:
        release.set()
        thread.join(10)


# --- backups that cannot lie: a partial or cut-short file never counts -----------------------

CHILD = """
import datetime as dt, sys
from journal.store import backups
from journal.store.db import open_journal
database = open_journal(sys.argv[1])
print("ready", flush=True)
backups.backup_if_due(backups.Path(sys.argv[1]), database, dt.datetime.fromisoformat(sys.argv[2]))
print("done", flush=True)
sys.stdin.read()
"""


def partials(journal: Path) -> list[Path]:
    return sorted(p for p in backups.backup_dir(journal).iterdir() if ".partial" in p.name)


def test_a_backup_leaves_no_partial_file_and_is_private(filled_journal, clock):
    copy = backups.backup(filled_journal, reason="manual", now=clock.now())
    assert partials(filled_journal) == []
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert backups.verify(copy) == "ok"


def test_a_leftover_partial_is_never_a_backup_and_goes_at_the_next_backup(filled_journal, clock):
    folder = backups.backup_dir(filled_journal)
    folder.mkdir(mode=0o700)
    leftover = folder / ".journal-k1ll3d_x.partial"
    leftover.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    Path(f"{leftover}-journal").write_bytes(b"x")
    assert backups.list_backups(filled_journal) == []
    assert backups.newest_backup(filled_journal) is None
    database = open_journal(filled_journal)
    try:
        taken = backups.backup_if_due(filled_journal, database, clock.now())
    finally:
        close_journal()
    assert taken is not None and backups.verify(taken) == "ok"
    assert partials(filled_journal) == []
    assert backups.list_backups(filled_journal) == [taken]


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 84, b"not a database at all" * 100])
def test_a_broken_file_named_like_today_s_backup_does_not_count(filled_journal, clock, content):
    folder = backups.backup_dir(filled_journal)
    folder.mkdir(mode=0o700)
    broken = folder / "journal-20260311-093000-daily.backup.sqlite3"
    broken.write_bytes(content)
    assert backups.list_backups(filled_journal) == []
    assert backups.newest_backup(filled_journal) is None
    database = open_journal(filled_journal)
    try:
        taken = backups.backup_if_due(filled_journal, database, clock.now())
    finally:
        close_journal()
    assert taken is not None and taken != broken and backups.verify(taken) == "ok"
    assert backups.newest_backup(filled_journal) == taken
    assert broken.read_bytes() == content  # not ours to delete, never replaced either


def test_a_cut_short_backup_is_not_listed(filled_journal, clock):
    copy = backups.backup(filled_journal, reason="daily", now=clock.now())
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    assert backups.list_backups(filled_journal) == []


def test_a_copy_that_does_not_verify_is_refused_and_removed(filled_journal, clock, monkeypatch):
    monkeypatch.setattr(backups, "_check_copy", lambda path: "Page 3: btreeInitPage() returns error code 11")
    with pytest.raises(backups.JournalError, match="did not verify") as caught:
        backups.backup(filled_journal, reason="manual", now=clock.now())
    assert "\n" not in str(caught.value)
    assert list(backups.backup_dir(filled_journal).iterdir()) == []


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory) -> Path:
    """A journal of some 15 MB, so that copying it takes a moment."""
    journal = tmp_path_factory.mktemp("big") / "journal.sqlite3"
    open_journal(journal)
    rows = [{"name": f"Person {i}", "notes": f"note {i} " + "x" * 1500} for i in range(10_000)]
    with Person._meta.database.atomic():
        for start in range(0, len(rows), 500):
            Person.insert_many(rows[start : start + 500]).execute()
    close_journal()
    return journal


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_the_daily_backup_then_the_next_start_takes_a_good_one(big_journal):
    from journal.clock import FixedClock
    from journal.services.upkeep import maintenance

    rng = random.Random(20260312)
    offsets = [0.0, 0.005, 0.02, 0.05, 0.1, 0.2]
    killed_midway = 0
    for round_number in range(6):
        day = dt.datetime(2026, 4, 1 + round_number, 9, 0)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(big_journal), day.isoformat()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert child.stdout.readline() == b"ready\n", child.stderr.read().decode(errors="replace")
            time.sleep(offsets[round_number % len(offsets)] + rng.uniform(0.0, 0.01))
            os.kill(child.pid, signal.SIGKILL)
            output, errors = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL, errors.decode(errors="replace")
        stamp = f"{day:%Y%m%d}"
        today = [p for p in backups.list_backups(big_journal) if stamp in p.name]
        killed_midway += not today
        for listed in backups.list_backups(big_journal):  # whatever is listed is a whole backup
            assert backups.verify(listed) == "ok"
            assert ".partial" not in listed.name
        assert backups.newest_backup(big_journal) is None or ".partial" not in backups.newest_backup(big_journal).name

        database = maintenance.open_session(big_journal, clock=FixedClock(day.replace(hour=10)))
        database.close()
        assert database.backup_failure is None
        today = [p for p in backups.list_backups(big_journal, "daily") if stamp in p.name]
        assert len(today) == 1, "the next start that day must take (or keep) one good backup"
        assert backups.verify(today[0]) == "ok"
        assert partials(big_journal) == []
        conn = backups.open_readonly(today[0])
        try:
            assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 10_000
        finally:
            conn.close()
    assert killed_midway >= 1, "no kill landed during a backup; the test proved nothing"
    # restore accepts the newest one
    newest = backups.newest_backup(big_journal)
    maintenance.restore(big_journal, newest)
