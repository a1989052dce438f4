"""SIGKILL during `encrypt`, at each step and at random moments: the old journal or the new one
is left whole and opens, leftovers go at the next open, and encrypting again finishes the job.
And the crash test of logging conversations, on an encrypted journal."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from journal.store import backups, cipher, encryption
from journal.store.db import close_journal, open_journal
from tests.conftest import dump_journal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not cipher.available(), reason="needs the encryption extra (sqlcipher3)"),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

PASSPHRASE = "kill me softly"
SECRET = "Ottoline Marchbanks-Veyre"
ROOT = Path(__file__).resolve().parents[2]

# The child encrypts the journal; with a stage it stops just before (or after) that step, says
# so on stdout and waits to be killed there. Stages:
#   temporary  the hidden temporary file was just created, nothing written to it yet
#   verify     the encrypted copy is written, about to be verified
#   swap       verified and fsync'ed, the old -wal/-shm removed, about to replace the journal
#   swapped    the journal was just replaced, its backups not yet converted
#   backup     about to replace the first backup
ENCRYPT_CHILD = textwrap.dedent(
    """
    import os, sys
    from journal.store import cipher, encryption

    path, stage = sys.argv[1], sys.argv[2]

    def stop_here():
        print("at " + stage, flush=True)
        os.read(0, 1)  # the parent never writes: wait for the kill

    if stage == "temporary":
        made = cipher.converting_file
        def converting_file(target):
            result = made(target)
            stop_here()
            return result
        cipher.converting_file = converting_file
    elif stage == "verify":
        verify = encryption._verify
        def _verify(*args):
            stop_here()
            return verify(*args)
        encryption._verify = _verify
    elif stage in ("swap", "swapped", "backup"):
        replace = os.replace
        calls = []
        def patched(source, target):
            calls.append(target)
            if stage == "swap" or (stage == "backup" and len(calls) == 2):
                stop_here()
            replace(source, target)
            if stage == "swapped":
                stop_here()
        encryption.os.replace = patched
    print("ready", flush=True)
    encryption.encrypt(path, os.environ["PASSPHRASE"])
    print("done", flush=True)
    """
)

LOGGING_CHILD = textwrap.dedent(
    """
    import datetime as dt, os, sys
    from journal.clock import FixedClock
    from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
    from journal.store.db import open_journal

    clock = FixedClock(dt.datetime(2026, 3, 11, 9, 30))
    open_journal(sys.argv[1], passphrase=os.environ["PASSPHRASE"])
    print("ready", flush=True)
    count = 0
    while True:
        count += 1
        result = log_conversation(
            [PersonRef.named(f"Person {sys.argv[2]}-{count}")],
            summary="notes " * 50,
            offers=[OfferDraft(PersonRef.named(f"Target {sys.argv[2]}-{count}"))],
            next_steps=[StepDraft(f"Follow up {count}", clock.today())],
            clock=clock,
        )
        print(result.conversation_id, flush=True)
    """
)


def start(code: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PASSPHRASE=PASSPHRASE, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )


def kill(child: subprocess.Popen) -> bytes:
    os.kill(child.pid, signal.SIGKILL)
    output, errors = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, errors.decode(errors="replace")
    return output


@pytest.fixture
def journal(tmp_path, clock) -> Path:
    """A closed plain journal with a few hundred people (a copy takes long enough to be killed
    in the middle of) and a manual backup."""
    from journal.services.people.records import create_person
    from journal.services.transaction import write
    from journal.services.upkeep import maintenance

    path = tmp_path / "journal.sqlite3"
    database = maintenance.open_session(path, clock=clock)
    with write():
        create_person(SECRET, notes="the secret every file must hide", clock=clock)
        for index in range(600):
            create_person(f"Person {index}", notes=f"note {index} " * 40, clock=clock)
    maintenance.backup_now(path, clock=clock)
    database.close()
    return path


def journal_state(path: Path):
    """The journal's dump, opened plain or with the passphrase, whichever it now is."""
    database = open_journal(path, passphrase=PASSPHRASE)
    try:
        return database.encrypted, dump_journal(database)
    finally:
        close_journal()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".converting", ".converting-journal")))


def plain_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes())


def finish_and_check(path: Path, before) -> None:
    """Whatever the kill left, encrypting again (or still) ends with every file encrypted."""
    if not cipher.is_encrypted(path) or encryption.unfinished(path):
        encryption.encrypt(path, PASSPHRASE)
    assert journal_state(path) == (True, before)
    assert plain_files(path.parent) == []
    assert leftovers(path.parent) == []
    key = cipher.key_for(path, PASSPHRASE)
    assert all(cipher.check(backup, key) for backup in backups.list_backups(path))


@pytest.mark.parametrize("stage", ["temporary", "verify", "swap", "swapped", "backup"])
def test_a_kill_at_each_step_of_encrypt_leaves_a_whole_journal(journal, stage):
    _, before = journal_state(journal)
    child = start(ENCRYPT_CHILD, str(journal), stage)
    try:
        assert child.stdout.readline() == b"ready\n", child.stderr.read().decode(errors="replace")
        line = child.stdout.readline()
        assert line == f"at {stage}\n".encode(), child.stderr.read().decode(errors="replace")
        kill(child)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    encrypted = cipher.is_encrypted(journal)
    assert encrypted == (stage in ("swapped", "backup"))
    if stage in ("temporary", "verify", "swap"):
        assert leftovers(journal.parent), "the kill should have left the temporary file"
    # It opens, whole, as it was; the open removes what the kill left.
    assert journal_state(journal) == (encrypted, before)
    assert leftovers(journal.parent) == []
    finish_and_check(journal, before)


def test_kills_at_random_moments_of_encrypt_leave_a_whole_journal(journal, tmp_path):
    rng = random.Random(20261201)
    _, before = journal_state(journal)
    pristine = {p.relative_to(journal.parent): p.read_bytes() for p in journal.parent.rglob("*") if p.is_file()}
    for _ in range(6):
        for relative, data in pristine.items():  # start each round from the plain journal
            (journal.parent / relative).write_bytes(data)
        child = start(ENCRYPT_CHILD, str(journal), "none")
        try:
            assert child.stdout.readline() == b"ready\n", child.stderr.read().decode(errors="replace")
            time.sleep(rng.uniform(0.0, 0.6))
            if child.poll() is None:
                kill(child)
            else:
                child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        _, dump = journal_state(journal)  # plain or encrypted, as the kill fell: whole either way
        assert dump == before
        assert leftovers(journal.parent) == []
        finish_and_check(journal, before)
        for path in [journal, *backups.list_backups(journal)]:
            path.unlink()


def test_committed_conversations_survive_sigkill_on_an_encrypted_journal(journal):
    encryption.encrypt(journal, PASSPHRASE)
    rng = random.Random(16)
    reported: set[int] = set()
    for round_number in range(8):
        child = start(LOGGING_CHILD, str(journal), str(round_number))
        try:
            assert child.stdout.readline() == b"ready\n", child.stderr.read().decode(errors="replace")
            time.sleep(rng.uniform(0.0, 0.3))
            output = kill(child)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        reported |= {int(line) for line in output.split(b"\n")[:-1] if line.strip().isdigit()}
    assert reported, "the child committed nothing; the test proved nothing"
    from journal.services.upkeep import maintenance
    from journal.store.models import Conversation, Introduction

    assert maintenance.check(journal, passphrase=PASSPHRASE) == "ok"
    open_journal(journal, passphrase=PASSPHRASE)
    try:
        present = {row.id for row in Conversation.select(Conversation.id)}
        assert reported <= present
        assert Introduction.select().count() == len(present)
    finally:
        close_journal()
    assert plain_files(journal.parent) == []
