from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def cli(monkeypatch, capsys, clock, journal_path):
    """Run `contact-journal --db <test journal> ARGS...` in-process at the fixed test time."""
    import journal.clock
    from journal.cli import run

    monkeypatch.setattr(journal.clock, "SYSTEM_CLOCK", clock)

    def invoke(*argv: str, db: Path | None = journal_path) -> CliResult:
        capsys.readouterr()
        code = run((["--db", str(db)] if db is not None else []) + list(argv))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return invoke


@pytest.fixture
def rows(journal_path):
    """Row counts of every table in the test journal, read without opening it for writing."""

    def count(path: Path = journal_path) -> dict[str, int]:
        if not path.exists():
            return {}
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if "_fts" not in n}
        finally:
            conn.close()

    return count


@pytest.fixture
def snapshot():
    return lambda path: (path.read_bytes(), os.stat(path).st_mtime_ns)


@pytest.fixture
def corrupt():
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        page = int.from_bytes(data[16:18], "big") or 65536
        for offset in range(page, len(data)):
            data[offset] = (offset * 37 + 11) % 251
        path.write_bytes(bytes(data))

    return damage


def one_line_error(result: CliResult) -> None:
    """The contract for bad input: non-zero exit, one line on stderr, no traceback, no output."""
    assert result.code != 0, result
    assert result.err.endswith("\n") and result.err.count("\n") == 1, result
    assert result.err.startswith("contact-journal"), result
    assert "Traceback" not in result.err
    assert result.out == "", result


@pytest.fixture
def refused():
    return one_line_error
