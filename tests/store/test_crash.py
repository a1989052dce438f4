"""Kill a process that is logging conversations, many times, at random moments (SIGKILL).

Every conversation the process reported as committed must still be there, whole, and the file
must pass SQLite's integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).resolve().parent / "crash_child.py"
ROUNDS = 40
SEED = 20260311


def reported_ids(output: bytes) -> set[int]:
    """Ids on complete lines; a line cut short by the kill is not a report."""
    ids = set()
    for line in output.split(b"\n")[:-1]:  # the last piece has no newline: cut or empty
        if line.strip().isdigit():
            ids.add(int(line))
    return ids


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_committed_conversations_survive_sigkill(tmp_path):
    rng = random.Random(SEED)
    journal = tmp_path / "journal.sqlite3"
    reported: set[int] = set()
    for round_number in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(journal), str(round_number)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            first = child.stdout.readline()
            assert first == b"ready\n", child.stderr.read().decode(errors="replace")
            # Startup is done; kill at a random moment of the logging loop (sometimes at once).
            time.sleep(rng.choice([0.0, rng.uniform(0.0, 0.05), rng.uniform(0.05, 0.4)]))
            os.kill(child.pid, signal.SIGKILL)
            output, errors = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL, errors.decode(errors="replace")
        reported |= reported_ids(output)

    assert len(reported) >= ROUNDS, "the child barely committed anything; the test proved nothing"
    conn = sqlite3.connect(journal)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        present = {row[0] for row in conn.execute("SELECT id FROM conversation")}
        assert reported <= present, f"lost committed conversations: {sorted(reported - present)[:10]}"
        # Every conversation is whole: two participants, one offer, two steps (the ask and the follow-up).
        torn = conn.execute(
            """
            SELECT c.id FROM conversation c
            WHERE (SELECT count(*) FROM participant p WHERE p.conversation_id = c.id) != 2
               OR (SELECT count(*) FROM introduction i WHERE i.conversation_id = c.id) != 1
               OR (SELECT count(*) FROM next_step s WHERE s.conversation_id = c.id) != 2
            """
        ).fetchall()
        assert torn == []
        # Nothing outside a conversation either: each new person took part in one or was offered in one.
        orphans = conn.execute(
            """
            SELECT count(*) FROM person p
            WHERE NOT EXISTS (SELECT 1 FROM participant x WHERE x.person_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM introduction i WHERE i.target_id = p.id)
            """
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()

    from journal.store.db import close_journal, open_journal
    from journal.store.models import Conversation

    open_journal(journal)
    assert Conversation.select().count() == len(present)
    close_journal()
