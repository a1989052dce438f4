"""Benchmark: read a 20,000-card vCard 3.0 file with photos, against vobject over the same file.

The file (generated once, cached in bench/.cache/) is what a phone's contacts export looks like:
each card has names, an organisation, grouped e-mails with Apple labels, phones, an address, a
birthday and an anniversary, a note, web and social profiles, a few lines the journal does not
model, and a photo of a few KB of base64 folded at 75 octets. Each run times
`journal.interop.vcard.parse` and `vobject.readComponents` (every component consumed, its
values read) in the same process; the medians are compared (target: at most 1.5x vobject).

    .venv/bin/python -m bench.vcard_bench [--cards N] [--runs N] [--profile]
"""

from __future__ import annotations

import argparse
import base64
import gc
import random
import statistics
import sys
import time
from pathlib import Path

from bench.generate import CACHE_DIR, FIRST, LAST, ORG_A, ORG_B, ROLES

SEED = 6350
# Photos of 0.9 to 1.9 KB (1.2 to 2.5 KB of base64): 20,000 cards stay under the 64 MB the import takes.
TARGET_RATIO = 1.5


def _fold(line: str) -> list[str]:
    return [line[:75]] + [" " + line[i:i + 74] for i in range(75, len(line), 74)]


def _card(rng: random.Random, number: int) -> list[str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    org = f"{rng.choice(ORG_A)} {rng.choice(ORG_B)}"
    slug = f"{first}.{last}{number}".lower().encode("ascii", "ignore").decode()
    photo = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + rng.randbytes(rng.randint(900, 1900)) + b"\xff\xd9"
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//iPhone OS 17.4//EN",
        f"N:{last};{first};;;",
        f"FN:{first} {last}",
        f"ORG:{org};",
        f"TITLE:{rng.choice(ROLES)}",
        f"item1.EMAIL;type=INTERNET;type=pref:{slug}@example.com",
        "item1.X-ABLabel:_$!<Work>!$_",
        f"item2.EMAIL;type=INTERNET:{slug}@home.example",
        "item2.X-ABLabel:_$!<Home>!$_",
        f"TEL;type=CELL;type=VOICE;type=pref:+44 7700 {number % 1000000:06d}",
        f"TEL;type=WORK;type=VOICE:+44 20 7946 {number % 10000:04d}",
        f"item3.ADR;type=HOME;type=pref:;;{rng.randint(1, 200)} High Street;London;;SW1A 1AA;United Kingdom",
        "item3.X-ABADR:gb",
        f"BDAY;X-APPLE-OMIT-YEAR=1604:1604-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"item4.X-ABDATE:{rng.randint(1980, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "item4.X-ABLabel:_$!<Anniversary>!$_",
        f"NOTE:Met at the {rng.choice(ORG_B)} meetup\\, talked about {rng.choice(ROLES)} work.",
        f"item5.URL;type=pref:https://www.linkedin.com/in/{slug}",
        "item5.X-ABLabel:LinkedIn",
        f"X-SOCIALPROFILE;type=twitter;x-user={slug}:http://twitter.com/{slug}",
        f"X-ABUID:{rng.getrandbits(64):016X}:ABPerson",
        *_fold("PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(photo).decode("ascii")),
        "REV:2024-03-11T09:30:00Z",
        "END:VCARD",
    ]
    return lines


def cached(cards: int) -> Path:
    """The file for `cards` cards, generated once and kept in bench/.cache/ (ignored by git)."""
    path = CACHE_DIR / f"contacts-{cards}-s{SEED}.vcf"
    if path.exists():
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    partial = path.with_suffix(".partial")
    with open(partial, "w", encoding="utf-8", newline="") as handle:
        for number in range(cards):
            handle.write("\r\n".join(_card(rng, number)) + "\r\n")
    partial.replace(path)
    return path


def run_journal(data: bytes) -> tuple[float, int]:
    from journal.interop import vcard

    started = time.perf_counter()
    result = vcard.parse(data)
    return time.perf_counter() - started, len(result.records)


def run_vobject(data: bytes) -> tuple[float, int]:
    import vobject

    started = time.perf_counter()
    count = 0
    for component in vobject.readComponents(data.decode("utf-8"), ignoreUnreadable=True):
        for prop in component.getChildren():
            prop.value  # noqa: B018  (what a reader of the card does with each line)
        count += 1
    return time.perf_counter() - started, count


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s median ({min(values):.2f}–{max(values):.2f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.vcard_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one journal parse")
    args = parser.parse_args(argv)
    path = cached(args.cards)
    data = path.read_bytes()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        run_journal(data)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    ours, theirs = [], []
    for _ in range(args.runs):
        for runner, times in ((run_journal, ours), (run_vobject, theirs)):
            gc.collect()
            seconds, count = runner(data)
            assert count == args.cards, f"{runner.__name__} read {count} of {args.cards} cards"
            times.append(seconds)
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"vCard import: {args.cards} cards with photos, {len(data) / 2**20:.1f} MiB ({path.name})")
    print(f"  vobject.readComponents:   {_spread(theirs)} of {args.runs}")
    print(f"  journal.interop.vcard:    {_spread(ours)} of {args.runs}")
    print(f"  ratio:                    {ratio:.2f}x vobject")
    met = ratio <= TARGET_RATIO
    print(f"  target (<= {TARGET_RATIO}x vobject): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
