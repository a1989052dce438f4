"""`python -m bench` (or `make bench`): the big-journal benchmark.

Generates (once, cached in bench/.cache/) a journal of 20,000 people, 200,000 conversations with
~300-word notes, 50,000 next steps and 5,000 introductions, then measures each figure beside its
floor in the same run, prints a table and writes bench/results/latest.json.

    python -m bench [--runs N] [--scale F] [--skip-import] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import Size, cached

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "latest.json"

TARGET_START_RATIO = 1.5
TARGET_EXTRA_MIB = 60
TARGET_SEARCH_RATIO = 2.0
TARGET_SEARCH_MS = 16.0
TARGET_MONTH_MS = 16.0
TARGET_UNDO_MS = 16.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["CONTACT_JOURNAL_DATA_DIR"] = str(tmp / "data")
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env.pop("CONTACT_JOURNAL_DB", None)
    # An installed app runs from compiled bytecode; a development shell that turns bytecode off
    # would make every start recompile the whole app (about 55 ms here) and measure that instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_bytecode() -> None:
    import compileall

    for package in ("journal", "bench"):
        compileall.compile_dir(str(ROOT.parent / package), quiet=1)


def probe(args: list[str], env: dict[str, str]) -> tuple[float, list[dict]]:
    """Run bench.probe; (seconds from spawn to its "painted" line, every event it printed)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.probe", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT.parent,
    )
    painted_at = None
    events = []
    assert proc.stdout is not None
    for line in proc.stdout:
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        event["at_s"] = time.perf_counter() - started  # when the line arrived, from the spawn
        if event.get("event") == "painted" and painted_at is None:
            painted_at = event["at_s"]
        events.append(event)
    stderr = proc.stderr.read() if proc.stderr else ""
    status = proc.wait()
    if painted_at is None:
        raise RuntimeError(f"bench.probe {' '.join(args)} failed:\n{stderr[-2000:]}")
    if status != 0:  # keep what was measured before it failed, and say where it failed
        lines = [line for line in stderr.splitlines() if line.strip() and "does not support" not in line]
        events.append({"event": "error", "status": status, "stderr": lines[:12]})
    return painted_at, events


def _event(events: list[dict], name: str) -> dict:
    return next((e for e in events if e.get("event") == name), {})


def raw_search_ms(path: Path, texts: list[str]) -> list[float]:
    """The FTS5 statements the app runs for each text, straight through sqlite3: the floor."""
    from journal.services.search import RECENT_CAPS
    from journal.store import search as index

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    timings = []
    try:
        for text in texts:
            started = time.perf_counter()
            expression = index.match_expression(text)
            if expression is not None:
                for kind in index.TABLES:
                    if kind in RECENT_CAPS:
                        conn.execute(index.recent_search_sql(kind), (expression, RECENT_CAPS[kind], 8)).fetchall()
                    else:
                        conn.execute(index.search_sql(kind), (expression, 8)).fetchall()
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        conn.close()
    return timings


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import peewee
    import PySide6
    from PySide6.QtCore import qVersion

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": PySide6.__version__,
        "peewee": peewee.__version__,
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "journal"],
                               capture_output=True, text=True, cwd=ROOT).stdout
    except OSError:
        return "unknown"
    return head.strip() + (" with uncommitted changes under journal/" if dirty.strip() else "")


def run_import_bench(module: str = "bench.import_bench") -> dict | None:
    if not (ROOT / f"{module.rsplit('.', 1)[-1]}.py").exists():
        return None
    proc = subprocess.run(
        [sys.executable, "-m", module], capture_output=True, text=True, cwd=ROOT.parent
    )
    return {"exit_status": proc.returncode, "output": (proc.stdout + proc.stderr).strip().splitlines()[-20:]}


def measure(path: Path, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="cj-bench-") as tmp:
        env = _env(Path(tmp))
        probe(["app", str(path)], env)  # warm-up: file cache and Python bytecode, not counted
        probe(["bare"], env)
        bare_s, app_s, ready_s, bare_mib, app_mib, views = [], [], [], [], [], []
        for _ in range(runs):
            seconds, events = probe(["bare"], env)
            bare_s.append(seconds)
            bare_mib.append(_event(events, "memory")["peak_rss_mib"])
            seconds, events = probe(["app", str(path)], env)
            app_s.append(seconds)
            ready_s.append(_event(events, "ready")["at_s"])
            app_mib.append(_event(events, "memory")["peak_rss_mib"])
            views.append(_event(events, "views").get("first_show_ms", {}))
        _seconds, events = probe(["interact", str(path)], env)
    keys = _event(events, "search")["keystrokes"]
    app_keys = [k["ms"] for k in keys]
    raw_keys = raw_search_ms(path, [k["text"] for k in keys])
    raw_keys = [min(a, b) for a, b in zip(raw_keys, raw_search_ms(path, [k["text"] for k in keys]), strict=True)]
    month = {**_event(events, "month"), "view_ms": [e["ms"] for e in events if e.get("event") == "month_view_step"]}
    today = _event(events, "today")
    done_undo = {"done_ms": [], "undo_ms": [], "settled_ms": [], **(_event(events, "done_undo") or {})}
    error = _event(events, "error")
    slowest = sorted(keys, key=lambda k: -k["ms"])[:5]
    return {
        "probe_error": error or None,
        "start": {
            "bare_median_s": statistics.median(bare_s),
            "app_median_s": statistics.median(app_s),
            "ratio": statistics.median(app_s) / statistics.median(bare_s),
            "bare_runs_s": bare_s,
            "app_runs_s": app_s,
            "ready_median_s": statistics.median(ready_s),
            "ready_ratio": statistics.median(ready_s) / statistics.median(bare_s),
            "ready_runs_s": ready_s,
        },
        "memory": {
            "bare_peak_mib": statistics.median(bare_mib),
            "app_peak_mib": statistics.median(app_mib),
            "extra_mib": statistics.median(app_mib) - statistics.median(bare_mib),
        },
        "views": {key: statistics.median(run[key] for run in views if key in run) for key in (views[0] if views else {})},
        "search": {
            "keystrokes": len(app_keys),
            "app_p50_ms": percentile(app_keys, 50),
            "app_p95_ms": percentile(app_keys, 95),
            "raw_p50_ms": percentile(raw_keys, 50),
            "raw_p95_ms": percentile(raw_keys, 95),
            "ratio_p95": percentile(app_keys, 95) / max(percentile(raw_keys, 95), 1e-6),
            "slowest": slowest,
        },
        "month_switch": {
            "service_p50_ms": percentile(month["service_ms"], 50),
            "service_p95_ms": percentile(month["service_ms"], 95),
            "view_p50_ms": percentile(month["view_ms"], 50) if month["view_ms"] else None,
            "view_p95_ms": percentile(month["view_ms"], 95) if month["view_ms"] else None,
            "view_switches": len(month["view_ms"]),
        },
        "today": {
            "service_p50_ms": percentile(today["service_ms"], 50),
            "service_p95_ms": percentile(today["service_ms"], 95),
            "view_p50_ms": percentile(today["view_ms"], 50) if today["view_ms"] else None,
        },
        "done_undo": {
            "done_p50_ms": percentile(done_undo["done_ms"], 50),
            "undo_p50_ms": percentile(done_undo["undo_ms"], 50),
            "undo_min_ms": min(done_undo["undo_ms"], default=float("nan")),
            "undo_max_ms": max(done_undo["undo_ms"], default=float("nan")),
            "settled_p50_ms": percentile(done_undo["settled_ms"], 50),
            "rounds": len(done_undo["undo_ms"]),
        },
    }


def verdicts(r: dict) -> dict[str, bool]:
    s = r["search"]
    month = r["month_switch"]
    month_ms = month["view_p95_ms"] if month["view_p95_ms"] is not None else month["service_p95_ms"]
    return {
        "start": r["start"]["ratio"] <= TARGET_START_RATIO,
        "memory": r["memory"]["extra_mib"] <= TARGET_EXTRA_MIB,
        "search": s["ratio_p95"] <= TARGET_SEARCH_RATIO and s["app_p95_ms"] < TARGET_SEARCH_MS,
        "month_switch": month_ms < TARGET_MONTH_MS,
    }


def table(r: dict) -> str:
    ok = verdicts(r)
    mark = {True: "met", False: "MISSED"}
    st, mem, s, mo, td = r["start"], r["memory"], r["search"], r["month_switch"], r["today"]

    def ms(v):
        return "—" if v is None else f"{v:.1f} ms"

    rows = [
        ("Cold start to the window painted (median)", f"{st['app_median_s']:.2f} s", f"bare window {st['bare_median_s']:.2f} s",
         f"{st['ratio']:.2f}x (<= {TARGET_START_RATIO}x)", mark[ok["start"]]),
        ("  then the Today list painted (median)", f"{st['ready_median_s']:.2f} s", "",
         f"{st['ready_ratio']:.2f}x the bare window", ""),
        ("Peak RSS, big journal open", f"{mem['app_peak_mib']:.0f} MiB", f"bare window {mem['bare_peak_mib']:.0f} MiB",
         f"+{mem['extra_mib']:.0f} MiB (<= +{TARGET_EXTRA_MIB})", mark[ok["memory"]]),
        ("Search keystroke to results p50", ms(s["app_p50_ms"]), f"raw FTS5 {ms(s['raw_p50_ms'])}", "", ""),
        ("Search keystroke to results p95", ms(s["app_p95_ms"]), f"raw FTS5 {ms(s['raw_p95_ms'])}",
         f"{s['ratio_p95']:.2f}x (<= 2x, < 16 ms)", mark[ok["search"]]),
        ("Calendar month switch p50 / p95 (view)", f"{ms(mo['view_p50_ms'])} / {ms(mo['view_p95_ms'])}", "", "< 16 ms",
         mark[ok["month_switch"]]),
        ("  due_between over a month p50 / p95", f"{ms(mo['service_p50_ms'])} / {ms(mo['service_p95_ms'])}", "", "", ""),
        ("Today: agenda() p50 / p95", f"{ms(td['service_p50_ms'])} / {ms(td['service_p95_ms'])}", "", "", ""),
    ]
    if r.get("views"):
        slowest = max(r["views"], key=r["views"].get)
        rows.append(("First show of each view, slowest (median)", ms(r["views"][slowest]), "", slowest, ""))
    if td.get("view_p50_ms") is not None:
        rows.append(("Today view refresh p50", ms(td["view_p50_ms"]), "", "", ""))
    du = r.get("done_undo") or {}
    if du.get("rounds"):
        rows.append(("Today: Done, repainted p50", ms(du["done_p50_ms"]), "", "", ""))
        rows.append(("Today: Undo of a Done, repainted p50 (min–max)",
                     f"{ms(du['undo_p50_ms'])} ({du['undo_min_ms']:.1f}–{du['undo_max_ms']:.1f})", "", "< 16 ms",
                     mark[du["undo_p50_ms"] < TARGET_UNDO_MS]))
        rows.append(("  and everything the notice set going, p50", ms(du["settled_p50_ms"]), "", "", ""))
    if mo.get("view_switches", 24) < 24:
        rows.append(("  calendar view switches measured", f"{mo.get('view_switches', 0)} of 24", "", "",
                     "the view crashed" if r.get("probe_error") else ""))
    widths = [max(len(str(row[i])) for row in rows + [("Measure", "Value", "Floor", "Target", "")]) for i in range(5)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(("Measure", "Value", "Floor", "Target", ""), widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        lines.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each kind (median taken)")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full journal (quick checks)")
    parser.add_argument("--skip-import", action="store_true", help="leave out bench/import_bench.py")
    parser.add_argument("--vcard", action="store_true",
                        help="also run bench/vcard_bench.py (20,000 cards with photos beside vobject; ~7 min)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    size = Size() if args.scale == 1.0 else Size().scaled(args.scale)
    path = cached(size)
    compile_bytecode()
    results = measure(path, args.runs)
    report = {
        "journal": {"people": size.people, "conversations": size.conversations, "next_steps": size.next_steps,
                    "introductions": size.introductions, "file_mib": round(path.stat().st_size / 2**20)},
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": _commit(),
        **results,
        "targets_met": verdicts(results),
    }
    if not args.skip_import:
        report["import"] = run_import_bench()
    if args.vcard:
        report["vcard_import"] = run_import_bench("bench.vcard_bench")
    text = table(results)
    print(text)
    m = report["machine"]
    print(f"\n{m['nproc']} x {m['cpu']}, Python {m['python']}, Qt {m['qt']} (PySide6 {m['pyside6']}), SQLite {m['sqlite']}")
    if report.get("import"):
        print("\nImport benchmark:\n  " + "\n  ".join(report["import"]["output"]))
    if report.get("vcard_import"):
        print("\nvCard benchmark:\n  " + "\n  ".join(report["vcard_import"]["output"]))
    report["table"] = text
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
