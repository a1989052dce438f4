"""Benchmark: import a 30,000-row LinkedIn Connections.csv into a journal of 20,000 people.

Duplicate detection and job-change detection are on, as they always are, and the import runs as
File > Import runs it: one operation, its rows captured so that it can be undone. Its floor, in
the same run, alternating with it, is what any importer must do at the least: a plain csv.reader
pass over the same file, then, on a fresh copy of the same journal opened with the app's pragmas
(WAL, synchronous=FULL, foreign keys, its cache), one transaction of executemany writing exactly
the people rows the import created (the same columns and values, read from what it wrote) and
their full-text rows, and the commit. Target: at most 2x the floor and under 3 s.

A second case re-imports the file, after the first import, with ~10% of the connections at
another company: each of those is a job change. Its floor writes the person, job and full-text
rows that re-import wrote (updates of the changed columns, the new jobs).

    .venv/bin/python -m bench.import_bench [--rows N] [--people N] [--runs N] [--journal PATH] [--profile]

The journals are copied into one temporary folder, removed at the end, on Ctrl+C and on a kill.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import FIRST, LAST, ORG_A, ORG_B, ROLES, Size, cached

SEED = 30_000
TARGET_SECONDS = 3.0
TARGET_RATIO = 2.0
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def prepare_journal(people: int, workdir: Path, source: Path | None = None) -> Path:
    """A copy of the generated journal (or of `source`) with LinkedIn addresses and some e-mails
    filled in."""
    if source is None:
        # The big journal the main benchmark uses (shared cache), scaled when --people differs.
        size = Size() if people == Size().people else Size().scaled(people / Size().people)
        source = cached(size)
    path = workdir / "base.sqlite3"
    shutil.copyfile(source, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute(
        "UPDATE person SET linkedin = 'https://www.linkedin.com/in/existing-' || id WHERE id % 5 < 3"
    )
    conn.execute(
        "INSERT INTO contact_detail(person_id, kind, label, value, normalized) "
        "SELECT id, 'email', 'work', 'p' || id || '@example.com', 'p' || id || '@example.com' FROM person WHERE id % 3 = 0"
    )
    conn.execute("COMMIT")
    conn.close()
    return path


def existing_people(path: Path) -> list[tuple[int, str, str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT person.id, person.name, coalesce(organisation.name, ''), person.role FROM person "
        "LEFT JOIN organisation ON organisation.id = person.organisation_id"
    ).fetchall()
    conn.close()
    return rows


HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


def connections(rows: int, existing: list[tuple[int, str, str, str]]) -> tuple[list[list[str]], dict[str, int]]:
    """A LinkedIn export's rows: ~15% people already known by URL (at their organisation, in
    their role), ~3% close names, the rest new."""
    rng = random.Random(SEED)
    orgs = [f"{a} {b}" for a in ORG_A for b in ORG_B]
    mix = {"known": 0, "close": 0, "new": 0}
    out = []
    for number in range(rows):
        roll = rng.random()
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2008, 2025)}"
        if roll < 0.15:
            pid, name, org, role = rng.choice(existing)
            first, _, last = name.partition(" ")
            url = f"https://www.linkedin.com/in/existing-{pid}" if pid % 5 < 3 else f"https://www.linkedin.com/in/x{number}"
            mix["known"] += 1
        elif roll < 0.18:
            pid, name, org, role = rng.choice(existing)
            first, _, last = name.partition(" ")
            first = first[:-1] + "a" if len(first) > 3 else first
            url = f"https://www.linkedin.com/in/close-{number}"
            mix["close"] += 1
        else:
            first, last, org = rng.choice(FIRST), rng.choice(LAST), rng.choice(orgs)
            role = rng.choice(ROLES)
            url = f"https://www.linkedin.com/in/{first.lower()}-{number}"
            mix["new"] += 1
        out.append([first, last, url, "", org, role or rng.choice(ROLES), date])
    return out, mix


def moved(rows: list[list[str]], share: float = 0.10) -> tuple[list[list[str]], int]:
    """The same connections, `share` of them at another company (each one a job change)."""
    rng = random.Random(SEED + 1)
    orgs = [f"{a} {b}" for a in ORG_A for b in ORG_B]
    out, count = [], 0
    for row in rows:
        row = list(row)
        if rng.random() < share:
            row[4] = rng.choice([o for o in orgs[:8] if o != row[4]])
            count += 1
        out.append(row)
    return out, count


def write_connections(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write("Notes:\r\n")
        handle.write('"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n')
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def _flushed(path: Path) -> None:
    """Write out the copy's dirty page cache, so that the timed fsyncs (commit, WAL checkpoint)
    are not billed for the benchmark's own copying."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- the floor: what any importer has to do -----------------------------------------------------

FTS_COLUMNS = ("name", "organisation", "role", "notes", "tags")


def _table(path: Path, table: str) -> tuple[dict[int, tuple], tuple[str, ...]]:
    """rowid -> values of every row of `table`, and the column names."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if table == "person_fts":
            names = FTS_COLUMNS
        else:
            names = tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{table}")'))
        quoted = ", ".join(f'"{n}"' for n in names)
        return {row[0]: row[1:] for row in conn.execute(f'SELECT rowid, {quoted} FROM "{table}"')}, names
    finally:
        conn.close()


def written(before: Path, after: Path, tables: tuple[str, ...], updates: bool) -> list[tuple[str, str, list[tuple]]]:
    """The statements and rows that turn `before` into `after` for `tables` and the people's
    full-text rows, as an importer with nothing else to do would write them: an INSERT of every
    new row (all its columns, its id included), with `updates` an UPDATE of only the columns
    that changed, and each new (or, with `updates`, changed) person's full-text row."""
    work: list[tuple[str, str, list[tuple]]] = []
    for table in tables:
        old, names = _table(before, table)
        new, _names = _table(after, table)
        inserted = [(rowid, *values) for rowid, values in new.items() if rowid not in old]
        if inserted:
            marks = ", ".join("?" * (len(names) + 1))
            quoted = ", ".join(f'"{n}"' for n in names)
            work.append((table, f'INSERT INTO "{table}" (rowid, {quoted}) VALUES ({marks})', inserted))
        groups: dict[tuple[int, ...], list[tuple]] = {}
        for rowid, values in new.items() if updates else ():
            was = old.get(rowid)
            if was is not None and was != values:
                changed = tuple(i for i, (a, b) in enumerate(zip(was, values, strict=True)) if a != b)
                groups.setdefault(changed, []).append(tuple(values[i] for i in changed) + (rowid,))
        for changed, rows in groups.items():
            sets = ", ".join(f'"{names[i]}" = ?' for i in changed)
            work.append((table, f'UPDATE "{table}" SET {sets} WHERE rowid = ?', rows))
    old, _names = _table(before, "person_fts")
    new, _names = _table(after, "person_fts")
    replaced = {rowid for rowid, values in new.items() if updates and rowid in old and old[rowid] != values}
    if replaced:
        work.append(("person_fts", "DELETE FROM person_fts WHERE rowid = ?", [(rowid,) for rowid in sorted(replaced)]))
    fresh = [(rowid, *values) for rowid, values in new.items() if rowid not in old or rowid in replaced]
    if fresh:
        work.append(("person_fts", f"INSERT INTO person_fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)", fresh))
    return work


def floor_once(base: Path, connections: Path, work: list[tuple[str, str, list[tuple]]], workdir: Path, run: int) -> float:
    """A plain csv.reader pass over the file, then, on a fresh copy of the same journal opened
    with the app's pragmas (WAL, synchronous=FULL, foreign keys, its cache), `work` written by
    executemany in one transaction and committed. The copy's triggers are dropped first
    (untimed): the floor writes the full-text rows itself, as `work` holds them."""
    from journal.store.db import PRAGMAS

    path = workdir / f"floor{run}.sqlite3"
    shutil.copyfile(base, path)
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            tables = {table for table, _sql, _rows in work}
            marks = ", ".join("?" * len(tables))
            for (name,) in conn.execute(
                f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})", sorted(tables)
            ).fetchall():
                conn.execute(f'DROP TRIGGER "{name}"')
            for pragma, value in PRAGMAS.items():
                conn.execute(f"PRAGMA {pragma} = {value}")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            _flushed(path)
            started = time.perf_counter()
            with open(connections, encoding="utf-8-sig", newline="") as handle:
                parsed = list(csv.reader(handle))
            conn.execute("BEGIN IMMEDIATE")
            for _table_name, sql, rows in work:
                conn.executemany(sql, rows)
            conn.execute("COMMIT")
            elapsed = time.perf_counter() - started
            assert len(parsed) > 1
        finally:
            conn.close()
    finally:
        _remove(path)
    return elapsed


def import_once(base: Path, connections: Path, workdir: Path, run: int, profile: bool = False, keep: Path | None = None):
    from bench.generate import REFERENCE_NOW
    from journal.clock import FixedClock
    from journal.services import operations
    from journal.services.interchange.imports import run_import
    from journal.store import changelog
    from journal.store.db import close_journal, open_journal

    path = workdir / f"run{run}.sqlite3"
    shutil.copyfile(base, path)
    _flushed(path)
    open_journal(path, backup_before_migrating=False)
    # The undo capture's reading back (of its log and of the rows), timed apart from the commit.
    condensing: list[float] = []
    originals = {name: getattr(changelog, name) for name in ("_logged", "_condense") if hasattr(changelog, name)}

    def timed(function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                condensing.append(time.perf_counter() - started)

        return run

    for name, function in originals.items():
        setattr(changelog, name, timed(function))
    try:
        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        marks: dict[str, float] = {}

        def phase(_percent: int, message: str) -> None:
            marks.setdefault(message.split(" ")[0], time.perf_counter())

        started = time.perf_counter()
        # As File > Import runs it: one operation, whose rows are kept so that it can be undone.
        summary = operations.run(
            run_import, "linkedin", connections, clock=FixedClock(REFERENCE_NOW), progress=phase, announce=False
        ).value
        elapsed = time.perf_counter() - started
        undo = sum(condensing)
        phases = {
            "read, parse and load the journal's keys": marks.get("Comparing", started) - started,
            "match every row": marks.get("Writing", started) - marks.get("Comparing", started),
            "write (SQLite, with the full-text index and first jobs)": marks.get("Saving", started)
            - marks.get("Writing", started),
            "condense what undo needs": undo,
            "commit (WAL, synchronous=FULL) and the rest": elapsed - (marks.get("Saving", started) - started) - undo,
        }
        if profiler:
            profiler.disable()
            import pstats

            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    finally:
        for name, function in originals.items():
            setattr(changelog, name, function)
        close_journal()
        try:
            if keep is not None:  # the journal after the import, for the re-import case
                shutil.copyfile(path, keep)
        finally:
            _remove(path)
    return elapsed, summary, phases


def _spread(values: list[float], unit: str = "s") -> str:
    scale = 1000 if unit == "ms" else 1
    digits = 0 if unit == "ms" else 2
    return (f"{statistics.median(values) * scale:.{digits}f} {unit} "
            f"({min(values) * scale:.{digits}f}–{max(values) * scale:.{digits}f})")


def _case(title: str, imports: list[float], floors: list[float], runs: int, phases: list[dict[str, float]],
          floor_text: str) -> bool:
    """Print one case's figures; whether it meets its targets."""
    complete = len(imports) == runs and len(floors) == runs
    ratios = [took / floor for took, floor in zip(imports, floors, strict=False)]
    print(title)
    print(f"  floor ({floor_text}): {_spread(floors, 'ms')} median (min–max) of {len(floors)}")
    print(f"  import: {_spread(imports)} median (min–max) of {len(imports)}")
    if not ratios:
        print("  no run completed")
        return False
    ratio, of_medians = statistics.median(ratios), statistics.median(imports) / statistics.median(floors)
    print(f"  ratio: {ratio:.2f}x median of the runs' ratios ({min(ratios):.2f}–{max(ratios):.2f}x), "
          f"{of_medians:.2f}x the ratio of the medians")
    for name in phases[0]:
        print(f"    {name}: {_spread([p[name] for p in phases], 'ms')}")
    met = complete and ratio <= TARGET_RATIO and of_medians <= TARGET_RATIO and statistics.median(imports) < TARGET_SECONDS
    verdict = "met" if met else ("NOT met" if complete else f"NOT met ({len(imports)} of {runs} runs completed)")
    print(f"  target (<= {TARGET_RATIO:.0f}x the floor and under {TARGET_SECONDS:.0f} s, median): {verdict}"
          f" (slowest import {max(imports):.2f} s)")
    return met


def _stop_on_terminate() -> None:
    """A kill (SIGTERM, SIGHUP) unwinds like Ctrl+C, so the temporary journals are removed."""

    def stop(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--journal", type=Path, help="import into a copy of this journal instead of the generated one")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the first import and re-import")
    args = parser.parse_args(argv)
    _stop_on_terminate()
    with tempfile.TemporaryDirectory(prefix="cj-import-bench-") as tmp:
        workdir = Path(tmp)
        base = prepare_journal(args.people, workdir, args.journal)
        rows, mix = connections(args.rows, existing_people(base))
        csv_path = workdir / "Connections.csv"
        write_connections(csv_path, rows)
        again_rows, changed = moved(rows)
        again_path = workdir / "Connections-later.csv"
        write_connections(again_path, again_rows)
        imported = workdir / "imported.sqlite3"
        reimported = workdir / "reimported.sqlite3"
        imports, floors, phases, reimports, refloors, rephases = [], [], [], [], [], []
        summary = again = None
        work = rework = None
        try:
            for run in range(args.runs):  # the import and its floor alternate, so drift falls on both
                elapsed, summary, split = import_once(
                    base, csv_path, workdir, run, profile=args.profile and run == 0, keep=imported if run == 0 else None
                )
                imports.append(elapsed)
                phases.append(split)
                if work is None:  # the people rows and full-text rows the import wrote (and any
                    # organisation it had to add first, which those rows refer to)
                    work = written(base, imported, ("organisation", "person"), updates=False)
                floors.append(floor_once(base, csv_path, work, workdir, run))
            for run in range(args.runs):
                elapsed, again, split = import_once(
                    imported, again_path, workdir, 100 + run, profile=args.profile and run == 0,
                    keep=reimported if run == 0 else None,
                )
                reimports.append(elapsed)
                rephases.append(split)
                if rework is None:  # the organisation, person, job and full-text rows the re-import wrote
                    rework = written(imported, reimported, ("organisation", "person", "job"), updates=True)
                    _remove(reimported)
                refloors.append(floor_once(imported, again_path, rework, workdir, 100 + run))
        except KeyboardInterrupt:
            print("interrupted: the figures below are of the runs that completed", file=sys.stderr)
        if summary is None:
            return 1
        plan = summary.plan
        print(f"LinkedIn import: {args.rows} rows into a journal of {args.people} people (dedupe and job changes on)")
        print(f"  file mix: {mix['new']} new, {mix['known']} known by name/URL, {mix['close']} close names")
        print(
            f"  outcome: {plan.count('new')} new, {plan.count('updated')} updated, {plan.count('unchanged')} unchanged, "
            f"{plan.count('review')} for review, {plan.count('rejected')} rejected, {plan.job_changes} job changes"
        )
        new_people = sum(len(rows) for table, _sql, rows in work if table == "person")
        new_orgs = sum(len(rows) for table, _sql, rows in work if table == "organisation")
        ok = _case("Import, as File > Import runs it (one undoable operation)", imports, floors, args.runs, phases,
                   f"csv.reader + executemany of the {new_people} new people and their full-text rows"
                   f"{f' (and {new_orgs} new organisations)' if new_orgs else ''}, one commit")
        if again is not None:
            again_plan = again.plan
            print(f"Re-import of the same file after it, {changed} connections ({changed * 100 // args.rows}%) "
                  "at another company")
            print(
                f"  outcome: {again_plan.count('new')} new, {again_plan.count('updated')} updated, "
                f"{again_plan.count('unchanged')} unchanged, {again_plan.count('review')} for review, "
                f"{again_plan.job_changes} job changes"
            )
            counts = {}
            for table, _sql, rows in rework:
                counts[table] = counts.get(table, 0) + len(rows)
            text = ", ".join(f"{n} {t}" for t, n in counts.items())
            ok = _case("Re-import (job changes)", reimports, refloors, args.runs, rephases,
                       f"csv.reader + executemany of the rows it wrote ({text}), one commit") and ok
        else:
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
