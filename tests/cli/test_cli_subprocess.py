"""The installed entry point, run as users' scripts run it: `python -m journal ...` in a new process."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journal", *argv], capture_output=True, text=True, timeout=60, check=False
    )


def test_log_then_agenda_json_in_separate_processes(journal_path):
    logged = run("--db", str(journal_path), "log", "--with", "Dana Smith", "--date", "2026-01-05",
                 "--offer", "Dana's sister-in-law, CMO at AAMC")
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.startswith("Logged conversation 1 with Dana Smith")
    agenda = run("--db", str(journal_path), "agenda", "--json")
    assert agenda.returncode == 0, agenda.stderr
    items = json.loads(agenda.stdout)
    step = next(i for i in items if i["kind"] == "next_step")
    assert step == {
        "id": 1,
        "kind": "next_step",
        "title": "Ask Dana Smith for the introduction to Dana's sister-in-law, CMO at AAMC",
        "due": "2026-01-07",
        "overdue": True,
        "people": ["Dana Smith"],
    }
    assert {i["kind"] for i in items} == {"next_step", "introduction"}


def test_bad_input_in_a_new_process_is_one_line_without_a_traceback(journal_path):
    result = run("--db", str(journal_path), "log", "--with", "Dana", "--date", "someday")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "'someday' is not a date like 2026-03-14" in result.stderr
    assert not journal_path.exists()
