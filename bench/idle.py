"""Idle benchmark: the real app hidden in a real tray, and how often its main thread wakes.

Starts Xvfb on a free display with openbox and a tray host (trayer), then the app as `make run`
would (`python -m journal --minimized`, on a copy of a small generated journal) with its data,
XDG folders and settings in a temporary directory, the keyring refused
(PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring) and no session bus. The app lists what
timers it holds (journal/desktop/debug_timers.py, behind CONTACT_JOURNAL_DEBUG_TIMERS) when the
idle window starts and ends; voluntary_ctxt_switches of every thread (/proc/<pid>/task/*/status)
are sampled at both ends. The main thread is the task whose tid is the pid. Its wakeups are
compared with the fires the armed timers account for over the window.

    .venv/bin/python -m bench.idle [--minutes 10] [--settle 30] [--scale 0.005]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def _start_xvfb() -> tuple[subprocess.Popen, str, int]:
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    received = b""
    while not received.endswith(b"\n"):
        ready, _, _ = select.select([read_fd], [], [], 15)
        chunk = os.read(read_fd, 32) if ready else b""
        if not chunk:
            break
        received += chunk
    number = received.decode().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb could not start")
    return server, f":{number}", read_fd


def switches(pid: int) -> dict[int, dict]:
    """tid -> {name, voluntary, involuntary} for every thread of `pid`."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)
        out[int(task.name)] = {
            "name": fields.get("Name", "").strip(),
            "voluntary": int(fields.get("voluntary_ctxt_switches", "0")),
            "involuntary": int(fields.get("nonvoluntary_ctxt_switches", "0")),
        }
    return out


def _read_dumps(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _wait_dumps(path: Path, count: int, timeout: float) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        dumps = _read_dumps(path)
        if len(dumps) >= count:
            return dumps
        time.sleep(0.2)
    return _read_dumps(path)


def expected_fires(timers: list[dict], seconds: float) -> list[dict]:
    """The fires each running timer accounts for in `seconds`: a repeating one every interval
    (its first at its remaining time), a single-shot one once if it falls due in the window."""
    rows = []
    for timer in timers:
        if not timer["active"]:
            continue
        first = max(timer["remaining_ms"], 0) / 1000
        interval = timer["interval_ms"] / 1000
        if first > seconds:
            fires = 0
        elif timer["single_shot"]:
            fires = 1
        else:
            fires = 1 + (math.floor((seconds - first) / interval) if interval > 0 else 10**9)
        rows.append({**timer, "fires": fires})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--settle", type=float, default=30.0, help="seconds after start-up before the window starts")
    parser.add_argument("--scale", type=float, default=0.005)
    parser.add_argument("--out", type=Path, default=RESULTS / "idle.json")
    args = parser.parse_args(argv)
    for program in ("Xvfb", "openbox", "trayer"):
        if shutil.which(program) is None:
            print(f"idle benchmark skipped: {program} is not installed (apt-get install xvfb openbox trayer)")
            return 0
    from bench.generate import Size, cached

    source = cached(Size().scaled(args.scale))
    tmp = Path(tempfile.mkdtemp(prefix="idle-", dir="/tmp/work" if Path("/tmp/work").is_dir() else None))
    helpers: list[subprocess.Popen] = []
    app = None
    try:
        xvfb, display, display_fd = _start_xvfb()
        helpers.append(xvfb)
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "QT_QPA_PLATFORM")}
        env["DISPLAY"] = display
        helpers.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
        helpers.append(subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24",
             "--SetDockType", "true", "--expand", "true"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
        data = tmp / "data"
        data.mkdir()
        journal = data / "journal.sqlite3"
        shutil.copy(source, journal)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
            (tmp / name).mkdir(mode=0o700)
            env[name] = str(tmp / name)
        dumps = tmp / "timers.jsonl"
        env.update({
            "QT_QPA_PLATFORM": "xcb", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "CONTACT_JOURNAL_DATA_DIR": str(data), "CONTACT_JOURNAL_DEBUG_TIMERS": str(dumps),
        })
        log = (tmp / "app.log").open("w")
        app = subprocess.Popen([sys.executable, "-m", "journal", "--db", str(journal), "--minimized"],
                               env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp)
        if not _wait_dumps(dumps, 1, 60):
            raise SystemExit(f"the app did not start: {(tmp / 'app.log').read_text()[-1500:]}")
        time.sleep(args.settle)  # the first sync/scan rounds and the paint are over
        os.kill(app.pid, signal.SIGUSR1)
        start_dump = _wait_dumps(dumps, 2, 10)[-1]
        time.sleep(0.5)
        before, started = switches(app.pid), time.monotonic()
        print(f"idle for {args.minutes:g} min with the window hidden in the tray (display {display}) ...", flush=True)
        time.sleep(args.minutes * 60)
        after, elapsed = switches(app.pid), time.monotonic() - started
        os.kill(app.pid, signal.SIGUSR1)
        end_dump = _wait_dumps(dumps, 3, 10)[-1]
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        for helper in reversed(helpers):
            helper.terminate()
            try:
                helper.wait(10)
            except subprocess.TimeoutExpired:
                helper.kill()
    names = {t["tid"]: t["name"] for t in start_dump["threads"]}
    threads = []
    for tid, end in sorted(after.items()):
        begin = before.get(tid, {"voluntary": 0, "involuntary": 0})
        threads.append({
            "tid": tid, "main": tid == app.pid, "name": names.get(tid, end["name"]),
            "voluntary": end["voluntary"] - begin["voluntary"], "involuntary": end["involuntary"] - begin["involuntary"],
        })
    armed = expected_fires(start_dump["timers"], elapsed)
    expected = sum(t["fires"] for t in armed)
    main = next(t for t in threads if t["main"])
    print(f"\n{'tid':>8} {'thread':<24} {'voluntary':>9} {'involuntary':>11}")
    for t in threads:
        print(f"{t['tid']:>8} {(t['name'] + (' (main)' if t['main'] else ''))[:24]:<24} {t['voluntary']:>9} {t['involuntary']:>11}")
    print(f"\ntimers running at the start ({len(armed)}), fires expected in {elapsed / 60:.1f} min:")
    for t in sorted(armed, key=lambda t: -t["fires"]):
        print(f"  {t['fires']:>5}  every {t['interval_ms'] / 1000:>8.1f} s{' once' if t['single_shot'] else ''}"
              f"  (next in {t['remaining_ms'] / 1000:.0f} s)  {t['where']}")
    ratio = main["voluntary"] / expected if expected else float("inf")
    verdict = "met" if main["voluntary"] <= 2 * max(expected, 1) + 2 else "MISSED"
    print(f"\nmain thread: {main['voluntary']} voluntary wakeups for {expected} timer fires "
          f"({ratio:.1f} per fire): {verdict} (only the timers it armed wake it)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "minutes": round(elapsed / 60, 2), "scale": args.scale, "threads": threads,
        "main_voluntary": main["voluntary"], "expected_timer_fires": expected, "verdict": verdict,
        "timers_at_start": armed, "timers_at_end": [t for t in end_dump["timers"] if t["active"]],
    }, indent=2) + "\n")
    print(f"wrote {args.out}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
