"""Three writers at once on one journal: command-line logs, an import, and the window.

Write transactions begin IMMEDIATE, so a writer that finds the journal locked waits on the busy
timeout instead of failing when its transaction, having read first, tries to write. Each writer
here runs in its own process, as they do for a user: every write that reports success must be
in the journal afterwards, none may fail "busy", and the file must pass SQLite's own check.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from tests.interop.samples import linkedin

CLI_LOGS = 12
IMPORT_ROWS = 300
IMPORTS = 2
WINDOW_STEPS = 40  # at least this many, and on until the other writers are done
TIMEOUT = 120

# The window: one long-lived connection running service functions through operations.run, as
# the window's runner does, adding steps and ticking every other one off until told to stop. A
# window writes a change per click, not back to back: with no pause at all between its
# transactions, SQLite's busy handler (which polls, it does not queue) can lose every race for
# the lock to it and time out, so it rests a moment between operations as a quick user would.
WINDOW_CHILD = textwrap.dedent(
    """
    import json, os, sys, time
    from journal.store.db import open_journal, close_journal
    from journal.services import operations
    from journal.services.agenda import next_steps

    path, count, ready, stop = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    open_journal(path)
    open(ready, "w").close()
    added, completed, failures = [], [], []
    i = 0
    while i < count or not os.path.exists(stop):
        try:
            step_id = operations.run(next_steps.add, f"window-step-{i}", label="Add step").value
            added.append(f"window-step-{i}")
            if i % 2 == 0:
                operations.run(next_steps.complete, step_id, label="Done")
                completed.append(f"window-step-{i}")
        except Exception as exc:
            failures.append(f"{type(exc).__name__}: {exc}")
        i += 1
    close_journal()
    print(json.dumps({"added": added, "completed": completed, "failures": failures}))
    """
)


def _cli(path: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journal", "--db", str(path), *argv],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def _seed(path: Path) -> None:
    """A journal with something in it, so every writing verb takes (or looks for) the daily backup."""
    seeded = _cli(path, "log", "--with", "Seed Person", "--summary", "seed")
    assert seeded.returncode == 0, seeded.stderr


def _import_file(tmp_path: Path, batch: int) -> Path:
    rows = [
        [f"Imported{batch}x{i}", f"Person{batch}x{i}", f"https://www.linkedin.com/in/imp-{batch}-{i}",
         f"imp-{batch}-{i}@example.com", "Acme", "Engineer", "12 Mar 2024"]
        for i in range(IMPORT_ROWS)
    ]
    target = tmp_path / f"connections-{batch}.csv"
    target.write_bytes(linkedin(rows))
    return target


def test_cli_logs_an_import_and_the_window_write_at_once_and_nothing_is_lost(tmp_path):
    path = tmp_path / "journal.sqlite3"
    _seed(path)
    files = [_import_file(tmp_path, batch) for batch in range(IMPORTS)]
    ready, stop = tmp_path / "window-ready", tmp_path / "window-stop"

    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW_CHILD, str(path), str(WINDOW_STEPS), str(ready), str(stop)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    logs: list[tuple[str, subprocess.CompletedProcess]] = []
    imports: list[subprocess.CompletedProcess] = []

    def log_loop() -> None:
        for i in range(CLI_LOGS):
            marker = f"cli-log-{i}"
            logs.append((marker, _cli(path, "log", "--with", f"Logger {i}", "--summary", marker,
                                      "--offer", f"Target {i}", "--next", f"cli-step-{i}", "--due", "2030-01-01")))

    def import_loop() -> None:
        for target in files:
            imports.append(_cli(path, "import", "linkedin", str(target)))

    threads = [threading.Thread(target=log_loop), threading.Thread(target=import_loop)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    stop.touch()
    out, err = window.communicate(timeout=TIMEOUT)
    assert window.returncode == 0, err
    assert ready.exists()
    window_result = json.loads(out)

    # Nothing failed, busy or otherwise: with IMMEDIATE the writers waited their turn.
    failed_logs = [(marker, r.stderr) for marker, r in logs if r.returncode != 0]
    assert not failed_logs, failed_logs
    assert all(r.returncode == 0 for r in imports), [r.stderr for r in imports]
    assert window_result["failures"] == []
    assert len(logs) == CLI_LOGS and len(imports) == IMPORTS
    assert len(window_result["added"]) >= WINDOW_STEPS

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        summaries = {r[0] for r in conn.execute("SELECT summary FROM conversation WHERE summary LIKE 'cli-log-%'")}
        assert summaries == {marker for marker, _ in logs}
        cli_steps = {r[0] for r in conn.execute("SELECT text FROM next_step WHERE text LIKE 'cli-step-%'")}
        assert cli_steps == {f"cli-step-{i}" for i in range(CLI_LOGS)}
        imported = conn.execute("SELECT count(*) FROM person WHERE name LIKE 'Imported%'").fetchone()[0]
        assert imported == IMPORT_ROWS * IMPORTS
        steps = dict(conn.execute("SELECT text, done_at IS NOT NULL FROM next_step WHERE text LIKE 'window-step-%'"))
        assert set(steps) == set(window_result["added"])
        assert {text for text, done in steps.items() if done} == set(window_result["completed"])
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
