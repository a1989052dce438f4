"""The daily backup runs on its own thread and connection while the journal stays usable."""

from __future__ import annotations

from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.upkeep.maintenance import start_daily_backup
from journal.store import backups
from journal.store.models import Person


def test_daily_backup_runs_off_the_calling_thread_once_a_day(db, journal_path, clock):
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    start_daily_backup(journal_path, clock=clock).join(timeout=30)
    found = backups.list_backups(journal_path)
    assert len(found) == 1 and backups.verify(found[0]) == "ok"
    # The calling thread's connection is untouched and still works.
    assert Person.select().count() == 1
    start_daily_backup(journal_path, clock=clock).join(timeout=30)
    assert len(backups.list_backups(journal_path)) == 1  # at most once a day
    clock.advance(days=1)
    start_daily_backup(journal_path, clock=clock).join(timeout=30)
    assert len(backups.list_backups(journal_path)) == 2


def test_an_empty_journal_is_not_backed_up(db, journal_path, clock):
    start_daily_backup(journal_path, clock=clock).join(timeout=30)
    assert backups.list_backups(journal_path) == []


def test_a_failing_backup_is_reported_not_raised(db, journal_path, clock, capsys, monkeypatch):
    log_conversation([PersonRef.named("Dana Smith")], clock=clock)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(backups, "backup_if_due", broken)
    thread = start_daily_backup(journal_path, clock=clock)
    thread.join(timeout=30)
    err = capsys.readouterr().err
    assert "daily backup" in err and "disk full" in err
    assert len(err.splitlines()) == 1 and err.startswith("contact-journal: warning: ")
    assert isinstance(thread.error, OSError) and thread.result is None  # kept for the window
    assert Person.select().count() == 1
