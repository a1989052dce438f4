"""Benchmark: the big journal plain and encrypted (SQLCipher), in the same run, alternating.

The encrypted copy is made once from the cached big journal (bench/generate.py) with
`journal.store.encryption.encrypt` and kept in bench/.cache/. Each run starts the app on the
plain journal and on the encrypted one in turn (a fresh interpreter each, as `python -m bench`
does), then one interactive run of each types the search palette's queries and switches the
calendar's month. Targets (issue 16):

- start to the window painted within 1.1x plain (the window paints before the journal is read);
- unlock to Today painted within 1.5x plain (from the paint: derive the key, open, fill Today);
- search keystroke p95 within 1.3x plain;
- the calendar's month switch under 16 ms;

and what the key derivation costs alone (PBKDF2-HMAC-SHA512, cipher.KDF_ITER rounds).

    .venv/bin/python -m bench.encryption_bench [--runs N] [--scale S]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.__main__ import _env, _event, compile_bytecode, percentile, probe
from bench.generate import CACHE_DIR, Size, cached

PASSPHRASE = "correct horse battery staple"
TARGETS = {"start": 1.1, "unlock": 1.5, "search": 1.3, "month_ms": 16.0}


def encrypted_copy(plain: Path, log=print) -> Path:
    """The encrypted twin of `plain`, made once (a copy converted in a folder of its own)."""
    from journal.store import encryption
    from journal.store.db import close_journal

    folder = CACHE_DIR / f"encrypted-{plain.stem}"
    target = folder / "journal.sqlite3"
    done = folder / "done"
    if done.exists() and target.exists():
        return target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log(f"encrypting a copy of {plain.name} ({plain.stat().st_size / 2**20:.0f} MiB, once)...")
    started = time.perf_counter()
    shutil.copyfile(plain, target)
    encryption.encrypt(target, PASSPHRASE)
    close_journal()
    done.write_text(f"{time.perf_counter() - started:.1f}\n")
    log(f"  encrypted in {time.perf_counter() - started:.0f} s")
    return target


def kdf_ms(rounds: int = 5) -> list[float]:
    from journal.store import cipher

    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        hashlib.pbkdf2_hmac("sha512", PASSPHRASE.encode(), os.urandom(16), cipher.KDF_ITER, cipher.KEY_BYTES)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _spread(values: list[float], unit: str, digits: int = 0) -> str:
    return (f"{statistics.median(values):.{digits}f} {unit} "
            f"({min(values):.{digits}f}–{max(values):.{digits}f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    size = Size() if args.scale == 1.0 else Size().scaled(args.scale)
    plain = cached(size)
    secret = encrypted_copy(plain)
    compile_bytecode()
    results: dict[str, dict[str, list[float]]] = {k: {"start": [], "unlock": []} for k in ("plain", "encrypted")}
    with tempfile.TemporaryDirectory(prefix="cj-bench-crypt-") as tmp:
        env = _env(Path(tmp))
        env_secret = {**env, "CONTACT_JOURNAL_PASSPHRASE": PASSPHRASE}
        kinds = (("plain", plain, env), ("encrypted", secret, env_secret))
        for _name, path, environment in kinds:  # warm-up: file cache and bytecode, not counted
            probe(["app", str(path)], environment)
        for _ in range(args.runs):
            for name, path, environment in kinds:
                painted, events = probe(["app", str(path)], environment)
                results[name]["start"].append(painted)
                results[name]["unlock"].append(_event(events, "ready")["at_s"] - painted)
        interactive = {}
        for name, path, environment in kinds:
            _seconds, events = probe(["interact", str(path)], environment)
            keys = [k["ms"] for k in _event(events, "search")["keystrokes"]]
            month = [e["ms"] for e in events if e.get("event") == "month_view_step"]
            interactive[name] = {"search_p95": percentile(keys, 95), "search_p50": percentile(keys, 50),
                                 "month_p50": percentile(month, 50), "month_p95": percentile(month, 95)}
    kdf = kdf_ms()
    ratios = {
        "start": statistics.median(results["encrypted"]["start"]) / statistics.median(results["plain"]["start"]),
        "unlock": statistics.median(results["encrypted"]["unlock"]) / statistics.median(results["plain"]["unlock"]),
        "search": interactive["encrypted"]["search_p95"] / interactive["plain"]["search_p95"],
    }

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    print(f"Journal: {size.people:,} people, {size.conversations:,} conversations "
          f"({plain.stat().st_size / 2**20:.0f} MiB plain, {secret.stat().st_size / 2**20:.0f} MiB encrypted); "
          f"{args.runs} cold starts of each, alternating")
    for name in ("plain", "encrypted"):
        r, i = results[name], interactive[name]
        print(f"  {name:9}  window painted {_spread([s * 1000 for s in r['start']], 'ms')}, "
              f"then Today painted {_spread([s * 1000 for s in r['unlock']], 'ms')}; "
              f"search p50/p95 {i['search_p50']:.1f}/{i['search_p95']:.1f} ms; "
              f"month switch p50/p95 {i['month_p50']:.1f}/{i['month_p95']:.1f} ms")
    print(f"  start to painted, encrypted / plain:  {ratios['start']:.2f}x (<= {TARGETS['start']}x) "
          f"{verdict(ratios['start'] <= TARGETS['start'])}")
    print(f"  unlock to Today painted, enc / plain: {ratios['unlock']:.2f}x (<= {TARGETS['unlock']}x) "
          f"{verdict(ratios['unlock'] <= TARGETS['unlock'])}")
    print(f"  search p95, encrypted / plain:        {ratios['search']:.2f}x (<= {TARGETS['search']}x) "
          f"{verdict(ratios['search'] <= TARGETS['search'])}")
    month = interactive["encrypted"]["month_p95"]
    print(f"  month switch p95, encrypted:          {month:.1f} ms (< {TARGETS['month_ms']:.0f} ms) "
          f"{verdict(month < TARGETS['month_ms'])}")
    print(f"  key derivation alone:                 {_spread(kdf, 'ms')} "
          f"(PBKDF2-HMAC-SHA512, {__import__('journal.store.cipher', fromlist=['KDF_ITER']).KDF_ITER:,} rounds)")
    met = (ratios["start"] <= TARGETS["start"] and ratios["unlock"] <= TARGETS["unlock"]
           and ratios["search"] <= TARGETS["search"] and month < TARGETS["month_ms"])
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
