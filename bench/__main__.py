"""`python -m bench` (or `make bench`): the big-journal benchmark.

Generates (once, cached in bench/.cache/) a journal of 20,000 people, 200,000 conversations with
~300-word notes, 50,000 next steps and 5,000 introductions (times --scale), then measures each
figure beside its floor in the same run: cold starts of the app and of a bare window alternating
(a fresh interpreter each), then interactive runs (search, month switch, Today, Done and undo).
Each figure is printed as "median (min–max)" with its verdict (bench/figures.py has the rule:
never "met" for a figure that was not measured cleanly); writes bench/results/scale-<s>.json and
bench/results/latest.json. With --scales, runs each scale in turn and prints one table of how
each figure grows across them (`python -m bench.report` rebuilds it from the saved files).

    python -m bench [--runs N] [--interact-runs N] [--scale F | --scales 0.2,1,5] [--skip-import]
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
from dataclasses import dataclass, field
from pathlib import Path

from bench import figures as fig
from bench import report
from bench.figures import MEMORY, Figure, per_run
from bench.generate import Size, cached

ROOT = Path(__file__).resolve().parent
RESULTS_DIR = ROOT / "results"
RESULTS = RESULTS_DIR / "latest.json"
PROBE_TIMEOUT_S = 900
WARM_UP_TIMEOUT_S = 4 * 3600  # the first open may upgrade a 5 GB journal's schema


def percentile(values: list[float], p: float) -> float:
    value = fig.percentile(values, p)
    return float("nan") if value is None else value


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


@dataclass
class ProbeRun:
    """One bench.probe process: the events it printed (each with `at_s`, when its line arrived,
    from the spawn), and what went wrong (None when nothing did)."""

    mode: str
    events: list[dict] = field(default_factory=list)
    error: str | None = None

    def at(self, name: str) -> float | None:
        return _event(self.events, name).get("at_s")

    def event(self, name: str) -> dict:
        return _event(self.events, name)


def run_probe(args: list[str], env: dict[str, str], timeout_s: float = PROBE_TIMEOUT_S) -> ProbeRun:
    """Run bench.probe in a fresh interpreter; never raises for the probe's own failure."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.probe", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT.parent,
    )
    run = ProbeRun(args[0])
    import threading

    timer = threading.Timer(timeout_s, proc.kill)  # a probe that hangs is killed, and says so
    timer.start()
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            event["at_s"] = time.perf_counter() - started
            run.events.append(event)
        stderr = proc.stderr.read() if proc.stderr else ""
        status = proc.wait()
    finally:
        timed_out = not timer.is_alive() and proc.returncode not in (0, None)
        timer.cancel()
    if status != 0 or run.event("error") or run.at("painted") is None:
        lines = [line for line in stderr.splitlines() if line.strip() and "does not support" not in line]
        said = run.event("error").get("message") or (lines[-1] if lines else "")
        why = "timed out" if timed_out else f"exit status {status}"
        said = " ".join(said.split())[:240]
        run.error = f"{run.mode} probe failed ({why}{': ' + said if said else ''})"
        run.events.append({"event": "error", "status": status, "stderr": lines[-12:]})
    return run


def probe(args: list[str], env: dict[str, str]) -> tuple[float, list[dict]]:
    """Run bench.probe; (seconds from spawn to its "painted" line, every event it printed).
    Raises when it never painted (bench/encryption_bench.py uses this)."""
    run = run_probe(args, env)
    painted = run.at("painted")
    if painted is None:
        raise RuntimeError(f"bench.probe {' '.join(args)} failed: {run.error}")
    return painted, run.events


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


def load_average() -> list[float] | None:
    """The 1-, 5- and 15-minute load averages (None where /proc/loadavg cannot be read)."""
    try:
        return [float(v) for v in Path("/proc/loadavg").read_text().split()[:3]]
    except (OSError, ValueError):
        return None


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
    return {"exit_status": proc.returncode, "output": (proc.stdout + proc.stderr).strip().splitlines()[-60:]}


def schema_version(path: Path) -> int | None:
    """The journal's PRAGMA user_version, read-only (None when it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


class Session:
    """The probes of one measurement, with what the machine and the journal did meanwhile."""

    def __init__(self, path: Path, env: dict[str, str]) -> None:
        self.path = path
        self.env = env
        self.loads: list[list[float]] = []
        self.upgrades: list[str] = []

    def sample_load(self) -> None:
        load = load_average()
        if load is not None:
            self.loads.append(load)

    def probe(self, args: list[str], *, counted: bool = True) -> ProbeRun:
        self.sample_load()
        before = schema_version(self.path) if len(args) > 1 else None
        started = time.perf_counter()
        run = run_probe(args, self.env, PROBE_TIMEOUT_S if counted else WARM_UP_TIMEOUT_S)
        print(f"  {args[0]}{'' if counted else ' (warm-up)'}: {time.perf_counter() - started:.1f} s"
              f"{', ' + run.error if run.error else ''}", file=sys.stderr, flush=True)
        after = schema_version(self.path) if len(args) > 1 else None
        if before != after:
            note = f"the journal was upgraded (schema {before} to {after}) in a {'measured' if counted else 'warm-up'} run"
            self.upgrades.append(note)
            if counted and run.error is None:
                run.error = note
        return run


def _problems(runs: list[ProbeRun]) -> list[str]:
    return [f"run {i + 1}: {run.error}" for i, run in enumerate(runs) if run.error]


def _ms(values: list[float], p: float) -> float | None:
    return fig.percentile(values, p)


def measure(path: Path, runs: int, interact_runs: int | None = None) -> dict:
    """Cold starts (a bare window and the app alternating, `runs` of each), then `interact_runs`
    interactive probes each followed by the raw FTS5 floor. Returns the figures and what they
    came from."""
    interact_runs = runs if interact_runs is None else interact_runs
    with tempfile.TemporaryDirectory(prefix="cj-bench-") as tmp:
        session = Session(path, _env(Path(tmp)))
        warm = [session.probe(["app", str(path)], counted=False), session.probe(["bare"], counted=False)]
        bare_runs, app_runs, interact = [], [], []
        for _ in range(runs):
            bare_runs.append(session.probe(["bare"]))
            app_runs.append(session.probe(["app", str(path)]))
        raw_runs: list[list[float] | None] = []
        for _ in range(interact_runs):
            run = session.probe(["interact", str(path)])
            interact.append(run)
            texts = [k["text"] for k in run.event("search").get("keystrokes", [])]
            try:
                raw = raw_search_ms(path, texts) if texts else None
                if raw is not None:
                    raw = [min(a, b) for a, b in zip(raw, raw_search_ms(path, texts), strict=True)]
            except Exception as exc:  # noqa: BLE001 - a floor that failed is a floor not measured
                raw = None
                run.error = run.error or f"raw FTS5 floor failed: {exc}"
            raw_runs.append(raw)
        session.sample_load()
    figures = build_figures(bare_runs, app_runs, interact, raw_runs)

    def median_of(values: list[float | None]) -> float | None:
        present = [v for v in values if v is not None]
        return statistics.median(present) if present else None

    def each(name: str, key: str, p: float) -> float | None:
        return median_of([_ms(run.event(name).get(key) or [], p) for run in interact])

    extra = {  # what earlier results had beside the figures: medians over the interactive runs
        "raw_p50_ms": median_of([_ms(raw, 50) if raw else None for raw in raw_runs]),
        "service_p50_ms": each("month", "service_ms", 50),
        "view_switches": min((sum(1 for e in run.events if e.get("event") == "month_view_step") for run in interact),
                             default=0),
        "today_service_p95_ms": each("today", "service_ms", 95),
        "settled_p50_ms": each("done_undo", "settled_ms", 50),
        "rounds": min((len(run.event("done_undo").get("undo_ms") or []) for run in interact), default=0),
    }
    slowest = sorted((k for run in interact for k in run.event("search").get("keystrokes", [])),
                     key=lambda k: -k["ms"])[:5]
    views = [run.event("views").get("first_show_ms", {}) for run in app_runs]
    return {
        "figures": figures,
        "loads": session.loads,
        "upgrades": session.upgrades,
        "warm_up_errors": [run.error for run in warm if run.error],
        "probe_errors": [run.error for run in bare_runs + app_runs + interact if run.error],
        "window_repainted_runs_s": [run.at("window_repainted") for run in app_runs],
        "ready_watched": sorted({run.event("ready").get("watched", "") for run in app_runs if run.event("ready")}),
        "views": {key: statistics.median(v[key] for v in views if key in v) for key in (views[0] if views else {})},
        "slowest_keys": slowest,
        "keystrokes": len(interact[0].event("search").get("keystrokes", [])) if interact else 0,
        "extra": extra,
    }


def build_figures(bare_runs: list[ProbeRun], app_runs: list[ProbeRun], interact: list[ProbeRun],
                  raw_runs: list[list[float] | None]) -> dict[str, Figure]:
    bare_problems, app_problems, interact_problems = _problems(bare_runs), _problems(app_runs), _problems(interact)

    def memory(run: ProbeRun, name: str) -> float | None:
        event = run.event("memory")
        return event.get(name) if event.get("source") == "VmHWM" else None

    def mem_problems(runs: list[ProbeRun], base: list[str]) -> list[str]:
        return base + [f"run {i + 1}: no VmHWM read" for i, run in enumerate(runs) if memory(run, "vmhwm_mib") is None]

    bare_s = [run.at("painted") for run in bare_runs]
    window_s = [run.at("painted") for run in app_runs]
    today_s = [run.at("ready") for run in app_runs]
    bare_mib = [memory(run, "vmhwm_mib") for run in bare_runs]
    app_mib = [memory(run, "vmhwm_mib") for run in app_runs]
    both = bare_problems + app_problems
    first_show = [max(run.event("views").get("first_show_ms", {}).values(), default=None) for run in app_runs]

    def series(runs: list[ProbeRun], name: str, key: str, p: float) -> list[float | None]:
        out = []
        for run in runs:
            values = run.event(name).get(key) or []
            out.append(_ms(values, p) if values else None)
        return out

    search_keys = [[k["ms"] for k in run.event("search").get("keystrokes", [])] for run in interact]
    search_p50 = [_ms(keys, 50) if keys else None for keys in search_keys]
    search_p95 = [_ms(keys, 95) if keys else None for keys in search_keys]
    raw_p95 = [_ms(raw, 95) if raw else None for raw in raw_runs]
    month_p95, month_p50 = [], []
    for run in interact:
        steps = [e["ms"] for e in run.events if e.get("event") == "month_view_step"]
        month_p95.append(_ms(steps, 95) if len(steps) == 24 else None)
        month_p50.append(_ms(steps, 50) if len(steps) == 24 else None)
    month_missing = [f"run {i + 1}: {len([e for e in r.events if e.get('event') == 'month_view_step'])} of 24 month switches"
                     for i, r in enumerate(interact) if month_p95[i] is None]

    F = Figure.from_runs
    out = [
        F("bare_s", "Bare window painted (the floor)", "s", bare_s, problems=bare_problems),
        F("window_s", "Start to the window painted", "s", window_s, problems=app_problems),
        F("window_ratio", "  window painted / bare window, per run", "x", per_run(window_s, bare_s, fig.ratio),
          problems=both),
        F("today_s", "Start to Today's list painted", "s", today_s, problems=app_problems),
        F("today_ratio", "  Today painted / bare window, per run", "x", per_run(today_s, bare_s, fig.ratio),
          problems=both),
        F("bare_mib", "Peak memory (VmHWM), bare window", "MiB", bare_mib, kind=MEMORY,
          problems=mem_problems(bare_runs, bare_problems)),
        F("app_mib", "Peak memory (VmHWM), journal open and every view shown", "MiB", app_mib, kind=MEMORY,
          problems=mem_problems(app_runs, app_problems)),
        F("extra_mib", "  app minus bare window, per run", "+MiB", per_run(app_mib, bare_mib, fig.difference),
          kind=MEMORY, problems=mem_problems(bare_runs, bare_problems) + mem_problems(app_runs, app_problems)),
        F("first_show_ms", "First show of a view, slowest", "ms", first_show, problems=app_problems),
        F("search_p50_ms", "Search keystroke to results painted, p50", "ms", search_p50, problems=interact_problems),
        F("search_p95_ms", "Search keystroke to results painted, p95", "ms", search_p95, problems=interact_problems),
        F("raw_p95_ms", "  raw FTS5 statements p95 (the floor)", "ms", raw_p95, problems=interact_problems),
        F("search_ratio", "  search p95 / raw FTS5 p95, per run", "x", per_run(search_p95, raw_p95, fig.ratio),
          problems=interact_problems),
        F("month_p50_ms", "Calendar month switch (view), p50", "ms", month_p50, problems=interact_problems + month_missing),
        F("month_p95_ms", "Calendar month switch (view), p95", "ms", month_p95, problems=interact_problems + month_missing),
        F("due_between_p95_ms", "  due_between over a month, p95", "ms", series(interact, "month", "service_ms", 95),
          problems=interact_problems),
        F("agenda_p50_ms", "Today: agenda(), p50", "ms", series(interact, "today", "service_ms", 50),
          problems=interact_problems),
        F("today_refresh_p50_ms", "Today view refresh, p50", "ms", series(interact, "today", "view_ms", 50),
          problems=interact_problems),
        F("done_p50_ms", "Today: Done, repainted, p50", "ms", series(interact, "done_undo", "done_ms", 50),
          problems=interact_problems),
        F("undo_p50_ms", "Today: Undo of a Done, repainted, p50", "ms", series(interact, "done_undo", "undo_ms", 50),
          problems=interact_problems),
    ]
    return {f.key: f for f in out}


def _median(figures: dict[str, Figure], key: str) -> float | None:
    return figures[key].median


def compatible(figures: dict[str, Figure], measured: dict) -> dict:
    """The keys earlier results had (start, memory, search, ...), from the figures."""
    f, x = figures, measured["extra"]
    return {
        "start": {
            "bare_median_s": f["bare_s"].median, "app_median_s": f["window_s"].median,
            "ratio": f["window_ratio"].median, "bare_runs_s": f["bare_s"].runs, "app_runs_s": f["window_s"].runs,
            "ready_median_s": f["today_s"].median, "ready_ratio": f["today_ratio"].median,
            "ready_runs_s": f["today_s"].runs, "ready_watched": measured["ready_watched"],
            "window_repainted_runs_s": measured["window_repainted_runs_s"],
        },
        "memory": {
            "source": "VmHWM", "bare_peak_mib": f["bare_mib"].median, "app_peak_mib": f["app_mib"].median,
            "extra_mib": f["extra_mib"].median, "bare_runs_mib": f["bare_mib"].runs, "app_runs_mib": f["app_mib"].runs,
            "extra_runs_mib": f["extra_mib"].runs,
        },
        "views": measured["views"],
        "search": {
            "keystrokes": measured["keystrokes"], "app_p50_ms": f["search_p50_ms"].median,
            "app_p95_ms": f["search_p95_ms"].median, "raw_p50_ms": x["raw_p50_ms"], "raw_p95_ms": f["raw_p95_ms"].median,
            "ratio_p95": f["search_ratio"].median, "slowest": measured["slowest_keys"],
        },
        "month_switch": {
            "view_p50_ms": f["month_p50_ms"].median, "view_p95_ms": f["month_p95_ms"].median,
            "service_p50_ms": x["service_p50_ms"], "service_p95_ms": f["due_between_p95_ms"].median,
            "view_switches": x["view_switches"],
        },
        "today": {"service_p50_ms": f["agenda_p50_ms"].median, "service_p95_ms": x["today_service_p95_ms"],
                  "view_p50_ms": f["today_refresh_p50_ms"].median},
        "done_undo": {"done_p50_ms": f["done_p50_ms"].median, "undo_p50_ms": f["undo_p50_ms"].median,
                      "undo_min_ms": f["undo_p50_ms"].min, "undo_max_ms": f["undo_p50_ms"].max,
                      "settled_p50_ms": x["settled_p50_ms"], "rounds": x["rounds"]},
    }


def scale_name(scale: float) -> str:
    return f"{scale:g}"


def journal_ready(size: Size) -> tuple[Path | None, str | None]:
    """The cached journal for `size`, generated if need be; (None, why) when another process is
    still generating it (a file without its .done marker, written to in the last minutes)."""
    from bench.generate import CACHE_DIR, SEED

    path = CACHE_DIR / f"journal-{size.tag}-s{SEED}.sqlite3"
    marker = path.with_suffix(".done")
    if path.exists() and not marker.exists():
        recent = max(p.stat().st_mtime for p in path.parent.glob(path.name + "*"))
        if time.time() - recent < 600:
            return None, f"{path.name} is still being generated (no {marker.name} yet)"
    return cached(size), None


def run_scale(scale: float, args, out: Path | None) -> dict | None:
    size = Size() if scale == 1.0 else Size().scaled(scale)
    path, why = journal_ready(size)
    if path is None:
        print(f"Scale {scale_name(scale)}: not measured: {why}", file=sys.stderr)
        return None
    print(f"Scale {scale_name(scale)}: {path.name}", file=sys.stderr, flush=True)
    compile_bytecode()
    mach = machine()
    load_start = load_average()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    measured = measure(path, args.runs, args.interact_runs)
    load_end = load_average()
    loads = measured["loads"]
    result = {
        "scale": scale,
        "runs_asked": args.runs,
        "interact_runs_asked": args.runs if args.interact_runs is None else args.interact_runs,
        "journal": {"people": size.people, "conversations": size.conversations, "next_steps": size.next_steps,
                    "introductions": size.introductions, "file_mib": round(path.stat().st_size / 2**20),
                    "path": path.name, "schema": schema_version(path)},
        "machine": mach,
        "when": started,
        "commit": _commit(),
        "load": {"start": load_start, "end": load_end, "samples_1min": [load[0] for load in loads],
                 "max_1min": max((load[0] for load in loads), default=None)},
        "probe_error": measured["probe_errors"][0] if measured["probe_errors"] else None,
        "probe_errors": measured["probe_errors"],
        "warm_up_errors": measured["warm_up_errors"],
        "upgrades": measured["upgrades"],
        "figures": {key: f.to_json() for key, f in measured["figures"].items()},
        **compatible(measured["figures"], measured),
    }
    result["load"]["busy"] = report.busy_of(result)
    result["verdicts"] = report.verdicts_of(result)
    v = result["verdicts"]
    result["targets_met"] = {
        "start": v["window_ratio"] == fig.MET, "today": v["today_ratio"] == fig.MET,
        "memory": v["extra_mib"] == fig.MET, "search": v["search_p95_ms"] == v["search_ratio"] == fig.MET,
        "month_switch": v["month_p95_ms"] == fig.MET, "undo": v["undo_p50_ms"] == fig.MET,
    }
    # The import benchmark has its own journal (30,000 rows into 20,000 people) whatever the
    # scale: with several scales it runs once, beside scale 1 (or the last one).
    if not args.skip_import and getattr(args, "import_scale", scale) == scale:
        result["import"] = run_import_bench()
    if args.vcard:
        result["vcard_import"] = run_import_bench("bench.vcard_bench")
    result["table"] = report.single_table(result)
    print(f"\nScale {scale_name(scale)}:\n")
    print(result["table"])
    print()
    print(report.machine_line(result))
    for line in report.warnings(result):
        print(line)
    if result.get("import"):
        print("\nImport benchmark:\n  " + "\n  ".join(result["import"]["output"]))
    if result.get("vcard_import"):
        print("\nvCard benchmark:\n  " + "\n  ".join(result["vcard_import"]["output"]))
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    targets = [RESULTS_DIR / f"scale-{scale_name(scale)}.json"] + ([out] if out is not None else [])
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    print("\nWrote " + ", ".join(str(t) for t in targets))
    return result


def _scales(text: str) -> list[float]:
    values = sorted({float(v) for v in text.split(",") if v.strip()})
    if not values or any(v <= 0 for v in values):
        raise argparse.ArgumentTypeError("scales are positive numbers, e.g. 0.2,1,5")
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each kind (median taken)")
    parser.add_argument("--interact-runs", type=int, default=None,
                        help="interactive probes (search, month switch, undo); default: --runs")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--scale", type=float, default=1.0, help="times the full journal: 0.2, 1, 5 or any")
    group.add_argument("--scales", type=_scales, default=None,
                       help="several scales in turn, largest last (e.g. 0.2,1,5), then one table across them")
    parser.add_argument("--skip-import", action="store_true", help="leave out bench/import_bench.py")
    parser.add_argument("--vcard", action="store_true",
                        help="also run bench/vcard_bench.py (20,000 cards with photos beside vobject; ~7 min)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="also write the last scale's results here")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scales = args.scales or [args.scale]
    args.import_scale = 1.0 if 1.0 in scales else scales[-1]
    results = []
    for i, scale in enumerate(scales):
        result = run_scale(scale, args, args.out if i == len(scales) - 1 else None)
        if result is not None:
            results.append(result)
    if len(scales) > 1 and results:
        print("\nAcross scales:\n")
        print(report.scales_table(results))
    return 0 if len(results) == len(scales) else 1


if __name__ == "__main__":
    sys.exit(main())
