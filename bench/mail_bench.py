"""Benchmark: a first scan of a 100,000-message Maildir, beside the floor of reading the same headers
with `mailbox.Maildir` and `email.parser.HeaderParser`; and a rescan with nothing new.

The Maildir (generated once with `mailbox`, cached in bench/.cache/) looks like a few years of
someone's inbox: messages of a few KB with Received, DKIM, ARC and list headers, a fifth of them
to mailing lists, one in fifty with a 40 KB attachment, a third still in new/ and the rest in
cur/ with flags. Each run times, in the same process and alternating:

- `scan_maildir(path, None)`: every message's contact headers, parsed and normalised;
- the floor: `mailbox.Maildir(path).iterkeys()`, each message's file through `HeaderParser`
  (headers only, compat32) and its From, Sender, To, Cc, Date and Message-ID fetched as is.

The medians are compared (target: at most 1.5x the floor). The rescan loads the mark from its
JSON text and scans again with nothing new (target: under 1 s).

Then the whole job as the app runs it, `runner.scan_path("mail", ...)` into a journal of 2,000
people, a thousand of whom wrote or were written to in the Maildir: read, match each address,
keep the latest exchange per person and write it with the mark, against the same floor; and
its rescan, which also loads the mark from the journal and writes it back.

    .venv/bin/python -m bench.mail_bench [--messages N] [--runs N] [--parsers]
"""

from __future__ import annotations

import argparse
import gc
import io
import mailbox
import os
import random
import shutil
import statistics
import sys
import time
from email import policy
from email.parser import BytesHeaderParser, HeaderParser
from pathlib import Path

from bench.generate import CACHE_DIR, FIRST, LAST
from journal.interop.mail_headers import MaildirMark, scan_maildir

SEED = 1515
TARGET_RATIO = 1.5
TARGET_RESCAN_S = 1.0
WORDS = ("coffee", "next", "week", "project", "draft", "thanks", "meeting", "notes", "review", "plan", "call",
         "budget", "ideas", "follow", "up", "lunch", "intro", "question", "update", "Friday")
LISTS = ("python-dev@python.example", "announce@lists.debian.example", "team@corp.example", "book-club@groups.example")


def _address(rng: random.Random, number: int) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = f"{first}.{last}{number % 997}".lower().encode("ascii", "ignore").decode() or f"p{number}"
    return f"{first} {last}", f"{local}@{rng.choice(('example.com', 'mail.example', 'uni.example.ac'))}"


def _message(rng: random.Random, number: int, when: float) -> bytes:
    name, sender = _address(rng, rng.randrange(5000))
    to_list = rng.random() < 0.2
    recipients = [("Me", "me@example.org")] + [_address(rng, rng.randrange(5000)) for _ in range(rng.randrange(3))]
    cc = [_address(rng, rng.randrange(5000)) for _ in range(rng.choice((0, 0, 0, 1, 2, 5)))]
    date = time.strftime("%a, %d %b %Y %H:%M:%S ", time.gmtime(when)) + rng.choice(("+0000", "+0100", "-0500", "+0530"))
    subject = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8)))
    lines = [
        "Return-Path: <bounces+" + sender.replace("@", "=") + "@mx.example.net>",
        "Delivered-To: me@example.org",
        f"Received: from mx{number % 7}.example.net (mx{number % 7}.example.net [192.0.2.{number % 250}])",
        f"\tby mail.example.org (Postfix) with ESMTPS id {number:X}A",
        "\tfor <me@example.org>; " + date,
        f"Received: from [10.0.{number % 250}.2] (unknown [198.51.100.{number % 250}])",
        f"\tby mx{number % 7}.example.net (Postfix) with ESMTPSA id {number:X}B; " + date,
        f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={sender.split('@')[1]}; s=s{number % 3};",
        "\th=from:to:cc:subject:date:message-id:mime-version:content-type;",
        "\tbh=" + rng.randbytes(32).hex()[:44] + "=;",
        "\tb=" + rng.randbytes(96).hex(),
        "ARC-Seal: i=1; a=rsa-sha256; t=" + str(int(when)) + "; cv=none; d=example.net; s=arc;",
        "\tb=" + rng.randbytes(64).hex(),
        f"From: {name} <{sender}>",
        "To: " + ", ".join(f'"{n}" <{a}>' for n, a in recipients) if not to_list else f"To: {LISTS[number % 4]}",
    ]
    if cc:
        lines.append("Cc: " + ",\n ".join(f"{n} <{a}>" for n, a in cc))
    if to_list:
        lines += [f"List-Id: <{LISTS[number % 4].replace('@', '.')}>", f"List-Unsubscribe: <mailto:{LISTS[number % 4]}?unsub>",
                  f"Sender: {LISTS[number % 4].replace('@', '-bounces@')}"]
    lines += [
        f"Subject: {subject}",
        "Date: " + date,
        f"Message-ID: <{number}.{rng.getrandbits(48):x}@{sender.split('@')[1]}>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        f"X-Mailer: {rng.choice(('Thunderbird 128.3', 'Evolution 3.52', 'Apple Mail (2.3774)', 'mutt 2.2'))}",
    ]
    body = "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(rng.randint(10, 60)))
    if rng.random() < 0.02:
        body += "\n\n" + "\n".join(rng.randbytes(57).hex()[:76] for _ in range(530))  # ~40 KB, as an attachment
    return ("\n".join(lines) + "\n\n" + body + "\n").encode()


def cached(messages: int) -> Path:
    """The Maildir of `messages` messages, generated once and kept in bench/.cache/ (ignored by git)."""
    path = CACHE_DIR / f"maildir-{messages}-s{SEED}"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"generating {messages:,} messages in {path} (once)...", file=sys.stderr)
    rng = random.Random(SEED)
    box = mailbox.Maildir(partial, factory=None, create=True)
    start = time.time() - messages * 1800
    for number in range(messages):
        key = box.add(_message(rng, number, start + number * 1800))
        if rng.random() < 0.67:  # read by the mail program: in cur/ with flags
            os.rename(partial / "new" / key, partial / "cur" / f"{key}:2,{rng.choice(('S', 'RS', 'FS'))}")
    past = time.time() - 3600  # a folder last changed an hour ago
    for sub in ("cur", "new", "tmp"):
        os.utime(partial / sub, (past, past))
    partial.rename(path)
    return path


def floor(path: Path) -> int:
    """The same headers read with the standard library alone, as is: no normalising."""
    box = mailbox.Maildir(path, factory=None, create=False)
    parser = HeaderParser(policy=policy.compat32)
    count = 0
    for key in box.iterkeys():
        with box.get_file(key) as handle:
            message = parser.parse(io.TextIOWrapper(handle, encoding="ascii", errors="surrogateescape"), headersonly=True)
        fields = (message.get_all("from"), message.get_all("sender"), message.get_all("to"), message.get_all("cc"),
                  message["date"], message["message-id"])
        count += fields[0] is not None
    return count


def _timed(fn, *args) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def _spread(values: list[float], unit: str = "s") -> str:
    return f"{statistics.median(values):.3f} {unit} (min {min(values):.3f}, max {max(values):.3f})"


def compare_parsers(path: Path, sample: int = 2000) -> None:
    """What the choice of policy costs: compat32 against policy.default on the same header blocks."""
    blocks = []
    for directory in (path / "cur", path / "new"):
        for entry in sorted(os.scandir(directory), key=lambda e: e.name)[: sample // 2]:
            with open(entry.path, "rb") as handle:
                blocks.append(handle.read(16384).split(b"\n\n", 1)[0])
    for name, chosen in (("compat32", policy.compat32), ("default", policy.default)):
        parser = BytesHeaderParser(policy=chosen)
        start = time.perf_counter()
        for block in blocks:
            message = parser.parsebytes(block)
            for field in ("from", "sender", "to", "cc", "date", "message-id"):
                [str(v) for v in message.get_all(field) or ()]
        print(f"  BytesHeaderParser, policy {name}: {(time.perf_counter() - start) / len(blocks) * 1e6:.0f} us a message")


def _journal(folder: Path, headers) -> None:
    """A journal of 2,000 people: a thousand whose addresses appear in the Maildir (as senders),
    a thousand who never do. The user's own address is known."""
    from journal.services.scan import known
    from journal.services.transaction import write
    from journal.store.db import open_journal
    from journal.store.models import ContactDetail, Person

    open_journal(folder / "journal.sqlite3")
    seen: list[str] = []
    for message in headers:
        for address in message.sender:
            if address not in seen and address != "me@example.org":
                seen.append(address)
        if len(seen) >= 1000:
            break
    with write():
        known.set_own_addresses(["me@example.org"])
        for number in range(2000):
            person = Person.create(name=f"Person {number}")
            address = seen[number] if number < len(seen) else f"nobody{number}@nowhere.example"
            ContactDetail.create(person=person.id, kind="email", value=address, normalized=address)


def journal_scans(path: Path, headers, runs: int, floor_times: list[float]) -> bool:
    import tempfile

    from journal.services.scan import runner, sources
    from journal.services.transaction import write

    with tempfile.TemporaryDirectory() as folder:
        _journal(Path(folder), headers)
        full: list[float] = []
        outcome = None
        for _ in range(runs):
            with write():
                sources.forget()
            seconds, (_source, outcome) = _timed(runner.scan_path, "mail", str(path))
            full.append(seconds)
        rescans = []
        for _ in range(max(runs, 5)):
            seconds, (_source, quiet) = _timed(runner.scan_path, "mail", str(path))
            assert quiet.messages == 0, "a rescan with nothing new found messages"
            rescans.append(seconds)
    ratio = statistics.median(full) / statistics.median(floor_times)
    rescan_median = statistics.median(rescans)
    print(f"first scan into a journal: {_spread(full)}  ({outcome.exchanges:,} exchanges with "
          f"{len(outcome.people):,} people)")
    print(f"ratio to the floor:        {ratio:.2f}x  (target <= {TARGET_RATIO}x) {'ok' if ratio <= TARGET_RATIO else 'OVER'}")
    print(f"rescan into the journal:   {_spread([r * 1000 for r in rescans], 'ms')} "
          f"(target < {TARGET_RESCAN_S:.0f} s) {'ok' if rescan_median < TARGET_RESCAN_S else 'OVER'}")
    return ratio <= TARGET_RATIO and rescan_median < TARGET_RESCAN_S


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--parsers", action="store_true", help="also time compat32 against policy.default")
    parser.add_argument("--no-journal", action="store_true", help="time the reader only, not the scan into a journal")
    args = parser.parse_args(argv)
    path = cached(args.messages)
    print(f"Maildir: {args.messages:,} messages, {sum(e.stat().st_size for d in ('cur', 'new') for e in os.scandir(path / d)) / 2**20:.0f} MiB")
    if args.parsers:
        compare_parsers(path)
    scan_times: list[float] = []
    floor_times: list[float] = []
    found = mark = None
    floor(path)  # one untimed pass each, so that both runs start from the same warm page cache
    scan_maildir(path, None)
    for _ in range(args.runs):
        seconds, (found, mark) = _timed(scan_maildir, path, None)
        scan_times.append(seconds)
        seconds, count = _timed(floor, path)
        floor_times.append(seconds)
    assert found is not None and mark is not None
    text = mark.to_json()

    def rescan():
        return scan_maildir(path, MaildirMark.from_json(text))

    rescans = []
    for _ in range(max(args.runs, 5)):
        seconds, (again, _mark) = _timed(rescan)
        assert again == [], "a rescan with nothing new found messages"
        rescans.append(seconds)
    ratio = statistics.median(scan_times) / statistics.median(floor_times)
    rescan_median = statistics.median(rescans)
    print(f"first scan_maildir:        {_spread(scan_times)}  ({len(found):,} messages)")
    print(f"floor (mailbox + HeaderParser): {_spread(floor_times)}  ({count:,} with From)")
    print(f"ratio of medians:          {ratio:.2f}x  (target <= {TARGET_RATIO}x) {'ok' if ratio <= TARGET_RATIO else 'OVER'}")
    print(f"rescan, nothing new:       {_spread([r * 1000 for r in rescans], 'ms')}, mark {len(text) / 2**20:.1f} MiB of JSON "
          f"(target < {TARGET_RESCAN_S:.0f} s) {'ok' if rescan_median < TARGET_RESCAN_S else 'OVER'}")
    met = ratio <= TARGET_RATIO and rescan_median < TARGET_RESCAN_S
    if not args.no_journal:
        met = journal_scans(path, found, args.runs, floor_times) and met
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
