"""A seeded generator of a big, realistic journal for the benchmark.

The schema comes from the app itself (journal.store.db.open_journal, so the file has every index,
trigger and full-text table a user's journal has); the rows are then written with raw sqlite3
`executemany` inside one transaction. Notes are built from a pool of sentences over a Zipf-like
vocabulary, so the full-text index has the long, skewed posting lists of real prose.

Conversations, the bulk of the file, are built in chunks by worker processes (one per core), each
chunk from its own seed, while this process writes the chunks before it: the file is the same
whatever the number of cores.

    python -m bench.generate [--scale F] [--out PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import multiprocessing
import os
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.reference import REFERENCE_NOW  # the journal's "today", for the modules that import it from here

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
SEED = 20260311
# Bumped whenever the same size and seed would give other rows, so that no stale cache is read.
GENERATOR = 2
CHUNK = 10_000


@dataclass(frozen=True)
class Size:
    people: int = 20_000
    conversations: int = 200_000
    next_steps: int = 50_000
    introductions: int = 5_000
    words_per_note: int = 300

    def scaled(self, factor: float) -> Size:
        return Size(
            max(10, int(self.people * factor)),
            max(10, int(self.conversations * factor)),
            max(10, int(self.next_steps * factor)),
            max(5, int(self.introductions * factor)),
            self.words_per_note,
        )

    @property
    def tag(self) -> str:
        return (f"p{self.people}-c{self.conversations}-s{self.next_steps}-i{self.introductions}"
                f"-w{self.words_per_note}-g{GENERATOR}")


FIRST = (
    "Aoife Siobhán Zoë Chloé Renée José Jürgen Björn Søren Ana María Lucía Sofía Élodie Hélène Léa Noémie Maëlle "
    "Ines Inês João Tomás Nuño Ahmed Fatima Yusuf Leila Omar Amira Hiroshi Yuki Kenji Aiko Wei Ming Li Jun Priya "
    "Arjun Anika Rohan Deepa Ravi Olga Ivan Dmitri Katya Pavel Zofia Łukasz Małgorzata Piotr Agnieszka Emma Liam "
    "Olivia Noah Ava William Sophia James Isabella Benjamin Mia Lucas Charlotte Henry Amelia Alexander Harper "
    "Daniel Evelyn Michael Abigail Ethan Emily Jacob Elizabeth Logan Sofia Jackson Avery Sebastian Ella Jack "
    "Scarlett Aiden Grace Owen Chloe Samuel Victoria Matthew Riley Joseph Aria Levi Lily Mateo Aurora David Zoey "
    "Sean Niamh Ciarán Oisín Róisín Padraig Maeve Declan Saoirse Cormac Eoin Gráinne Fionn Tadhg Brigid Ruairí"
).split()
LAST = (
    "O'Brien O'Neill O'Connor D'Angelo McAllister MacDonald Müller Schröder Weiß Groß Nuñez Peña García Martínez "
    "López González Rodríguez Fernández Pérez Sánchez Ramírez Núñez Côté Lefèvre Dubois Moreau Fontaine Girard "
    "Nakamura Tanaka Suzuki Watanabe Yamamoto Kobayashi Chen Wang Zhang Liu Huang Patel Sharma Gupta Iyer Reddy "
    "Nair Kowalski Nowak Wiśniewski Wójcik Kamiński Ivanov Petrov Smirnov Popescu Horváth Novák Dvořák Jensen "
    "Hansen Nielsen Andersen Larsen Svensson Johansson Lindqvist Karlsson Smith Johnson Williams Brown Jones "
    "Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis "
    "Robinson Walker Young Allen King Wright Scott Torres Hill Green Adams Baker Nelson Carter Mitchell Roberts "
    "Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy "
    "Bailey Rivera Cooper Richardson Cox Howard Ward Peterson Gray Ramos Watson Brooks Kelly Sanders Price "
    "Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson Hughes Flores Washington"
).split()
ORG_A = (
    "Acme Globex Initech Umbrella Hooli Vandelay Stark Wayne Tyrell Cyberdyne Soylent Aperture Massive Oscorp "
    "Gringotts Monarch Nakatomi Wonka Dunder Pied Blue Red Green North South Silver Golden Iron Quantum Nimbus "
    "Helix Vertex Apex Summit Harbor Beacon Cedar Maple Willow Aurora Zenith Nova Orbit Atlas Titan Vector "
    "Lumen Prism Cobalt Crimson Emerald Sapphire Onyx Granite River Ocean Falcon Eagle Fox Wolf Bear Lynx"
).split()
ORG_B = (
    "Systems Labs Analytics Health Capital Partners Robotics Software Energy Bank Media Studios Foods Logistics "
    "Ventures Consulting Security Cloud Data Networks Bio Pharma Insurance Motors Retail Foundation Institute "
    "University Hospital Council Group Holdings"
).split()
ROLES = (
    "CTO, VP Engineering, Head of Data, Staff Engineer, Principal Engineer, Engineering Manager, Product Manager, "
    "Designer, Recruiter, Talent Partner, Founder, Co-founder, CEO, COO, CFO, Investor, Partner, Director of "
    "Product, Data Scientist, ML Engineer, Researcher, Professor, Consultant, Analyst, Sales Lead, Marketing Lead, "
    "Developer Advocate, SRE, Security Engineer, Architect"
).split(", ")
TAGS = (
    "mentor recruiter investor founder alumni conference meetup former-colleague python rust go java c++ "
    "data ml design product hiring speaker friend neighbour climate fintech health edtech open-source "
    "remote berlin london dublin paris lisbon tokyo nyc sf toronto"
).split()
COMMON = (
    "the of and to a in that is was he she they we for it with as his her on be at by i this had not are but "
    "from or have an which one you were all would there their will when who more about if out so up said what "
    "its into than them can only other new some could time these two may then do first any like now my such "
    "make over our even most me state after also made many did must before back see through way where get "
    "much go well your know should down work year because come people just say each those take day good how "
    "long very still own find last give"
).split()
TOPICS = (
    "role team hiring interview offer salary equity startup roadmap product launch funding series seed board "
    "strategy pipeline introduction referral coffee lunch conference talk workshop meetup mentor advice career "
    "promotion manager leadership engineering platform infrastructure migration kubernetes python rust database "
    "analytics machine learning model research paper grant budget contract client customer partnership market "
    "expansion relocation visa remote office culture onboarding feedback review deadline project proposal demo "
    "prototype architecture security compliance audit sales revenue growth churn retention design research"
).split()
SYLLABLES = "ka lo mi ne ru sa ti vo ba de fi go hu ja ke li mo nu pa re si to ve wa ye zo bri cla dra fle gro pla"
SYLLABLES = SYLLABLES.split()
STAGES = ("offered", "asked", "introduced", "met", "thanked", "declined", "lapsed")
CHANNELS = ("in person", "call", "video", "e-mail", "message", "event", "other")


def _vocabulary(rng: random.Random, size: int = 12_000) -> tuple[list[str], list[float]]:
    """Words and cumulative Zipf weights: common words first, then topic words, then a long tail."""
    tail: set[str] = set()
    while len(tail) < size:
        tail.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    words = COMMON + TOPICS + sorted(tail)
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(words))))
    return words, weights


def _sentences(rng: random.Random, count: int = 6_000) -> list[str]:
    words, cum = _vocabulary(rng)
    pool = []
    for _ in range(count):
        chosen = rng.choices(words, cum_weights=cum, k=rng.randint(8, 18))
        sentence = " ".join(chosen)
        pool.append(sentence[0].upper() + sentence[1:] + rng.choice(".....?!"))
    return pool


def _ts(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _names(seed: int, people: int) -> list[str]:
    rng = random.Random(f"{seed}:names")
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(people)]


_WORKER: dict = {}


def _start_worker(seed: int, size: Size) -> None:
    """Each worker rebuilds the shared pools from the seed rather than receiving them."""
    _WORKER.update(seed=seed, size=size, names=_names(seed, size.people),
                   sentences=_sentences(random.Random(f"{seed}:sentences")))


def _conversation_chunk(first: int) -> tuple[list[tuple], list[tuple[int, int]]]:
    """Conversations `first` .. `first + CHUNK - 1`: their rows and their participants."""
    seed, size, names, sentences = (_WORKER[k] for k in ("seed", "size", "names", "sentences"))
    rng = random.Random(f"{seed}:conversations:{first}")
    now = REFERENCE_NOW
    sentences_per_note = max(1, size.words_per_note // 13)
    span = 8 * 365 * 24 * 3600
    rows, parts = [], []
    for cid in range(first, min(size.conversations, first + CHUNK - 1) + 1):
        when = now - dt.timedelta(seconds=int(span * rng.random() ** 1.6))
        who = rng.sample(range(1, size.people + 1), k=rng.choice((1, 1, 1, 2, 2, 3)))
        body = rng.choices(sentences, k=sentences_per_note)
        body.insert(rng.randrange(len(body)), f"Talked with {names[who[0] - 1]} about {rng.choice(TOPICS)}.")
        kind = rng.choice(("chat", "catch-up", "call", "intro", "follow-up"))
        summary = f"{rng.choice(TOPICS).capitalize()} {kind} with {names[who[0] - 1]}"
        rows.append((cid, _ts(when), rng.choice(CHANNELS), summary, " ".join(body), _ts(when)))
        parts.extend((cid, p) for p in who)
    return rows, parts


def generate(path: Path, size: Size = Size(), seed: int = SEED, log=print, workers: int | None = None) -> Path:
    """Write a new journal with `size` rows at `path` (replacing it)."""
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    # Started before any connection is open, so that no worker inherits one.
    pool = multiprocessing.get_context("fork").Pool(workers, _start_worker, (seed, size))
    try:
        chunks = pool.imap(_conversation_chunk, range(1, size.conversations + 1, CHUNK))
        _write(path, size, seed, chunks, started, log)
    finally:
        pool.terminate()
        pool.join()
    return path


def _write(path: Path, size: Size, seed: int, chunks, started: float, log) -> None:
    from journal.store.db import close_journal, open_journal

    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    open_journal(path, backup_before_migrating=False)
    close_journal()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("BEGIN")
    now = REFERENCE_NOW
    today = now.date()

    orgs = sorted({f"{a} {b}" for a in ORG_A for b in ORG_B})
    rng.shuffle(orgs)
    orgs = orgs[: max(5, size.people // 10)]
    conn.executemany(
        "INSERT INTO organisation(id, name, website, notes, created_at) VALUES (?, ?, '', '', ?)",
        [(i + 1, name, _ts(now)) for i, name in enumerate(orgs)],
    )
    conn.executemany("INSERT INTO tag(id, name) VALUES (?, ?)", [(i + 1, t) for i, t in enumerate(TAGS)])

    sentences = _sentences(random.Random(f"{seed}:sentences"))
    names = _names(seed, size.people)
    people = []
    for pid, name in enumerate(names, start=1):
        cadence = rng.choice((14, 30, 60, 90, 180)) if rng.random() < 0.15 else None
        created = now - dt.timedelta(days=rng.randint(30, 3000))
        people.append((
            pid, name, 0, rng.randint(1, len(orgs)) if rng.random() < 0.85 else None, rng.choice(ROLES),
            "", "", "", "", " ".join(rng.choices(sentences, k=rng.randint(0, 3))),
            cadence, (created.date().isoformat() if cadence else None), None, None, 1 if rng.random() < 0.05 else 0,
            _ts(created), _ts(created),
        ))
    conn.executemany(
        "INSERT INTO person(id, name, is_placeholder, organisation_id, role, linkedin, website, location, "
        "how_met, notes, cadence_days, cadence_set_on, keep_in_touch_snoozed_until, connected_on, archived, "
        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        people,
    )
    person_tags = {(pid, rng.randint(1, len(TAGS))) for pid in range(1, size.people + 1) for _ in range(rng.randint(0, 3))}
    conn.executemany("INSERT INTO person_tag(person_id, tag_id) VALUES (?, ?)", sorted(person_tags))
    log(f"  people and organisations: {time.perf_counter() - started:.1f} s")

    # Conversations: spread over eight years, more of them recently; ~words_per_note words of notes.
    for number, (rows, parts) in enumerate(chunks, start=1):
        conn.executemany(
            "INSERT INTO conversation(id, occurred_at, channel, summary, notes, created_at) VALUES (?,?,?,?,?,?)", rows
        )
        conn.executemany("INSERT INTO participant(conversation_id, person_id) VALUES (?, ?)", parts)
        if number % 20 == 0:
            log(f"  conversations {number * CHUNK:,}: {time.perf_counter() - started:.1f} s")
    log(f"  conversations: {time.perf_counter() - started:.1f} s")

    intros = []
    for iid in range(1, size.introductions + 1):
        a, b = rng.sample(range(1, size.people + 1), k=2)
        offered = today - dt.timedelta(days=rng.randint(0, 900))
        stage = rng.choice(STAGES)
        changed = min(today, offered + dt.timedelta(days=rng.randint(0, 60)))
        intros.append((
            iid, a, b, rng.randint(1, size.conversations), stage, offered.isoformat(),
            changed.isoformat() if stage in ("declined", "lapsed") else None, changed.isoformat(),
            rng.choice(sentences), _ts(now),
        ))
    conn.executemany(
        "INSERT INTO introduction(id, introducer_id, target_id, conversation_id, stage, offered_on, closed_on, "
        "stage_changed_on, notes, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        intros,
    )
    steps = []
    verbs = ("Send", "Ask", "Follow up with", "Introduce", "Thank", "Call", "E-mail", "Share the deck with")
    for sid in range(1, size.next_steps + 1):
        pid = rng.randint(1, size.people)
        # Most steps belong to past conversations and were done; a few hundred are overdue and
        # the open ones ahead fall due over the next four months.
        if rng.random() < 0.9:
            due = today - dt.timedelta(days=int(8 * 365 * rng.random() ** 1.6) + 1)
            done = _ts(dt.datetime.combine(due, dt.time(17))) if rng.random() < 0.97 else None
        else:
            due = today + dt.timedelta(days=rng.randint(0, 120))
            done = None
        intro = rng.randint(1, size.introductions) if rng.random() < 0.1 else None
        steps.append((
            sid, f"{rng.choice(verbs)} {names[pid - 1]} about {rng.choice(TOPICS)}", due.isoformat(),
            "10:00:00" if rng.random() < 0.1 else None, pid, rng.randint(1, size.conversations), intro, done,
            None, _ts(now),
        ))
    conn.executemany(
        "INSERT INTO next_step(id, text, due_date, due_time, person_id, conversation_id, introduction_id, done_at, "
        "snoozed_until, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        steps,
    )
    conn.execute("COMMIT")
    log(f"  introductions and next steps: {time.perf_counter() - started:.1f} s")
    for table in ("person_fts", "conversation_fts", "introduction_fts", "next_step_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    log(f"  optimised: {time.perf_counter() - started:.1f} s, {path.stat().st_size / 2**20:.0f} MiB")


def cached(size: Size = Size(), seed: int = SEED, log=print) -> Path:
    """The journal for `size`, generated once and kept in bench/.cache/ (ignored by git)."""
    path = CACHE_DIR / f"journal-{size.tag}-s{seed}.sqlite3"
    marker = path.with_suffix(".done")
    if not (path.exists() and marker.exists()):
        log(f"Generating {path.name} ...")
        marker.unlink(missing_ok=True)
        generate(path, size, seed, log=log)
        marker.write_text("ok\n")
    upgrade(path, log=log)
    return path


def upgrade(path: Path, log=print) -> None:
    """Bring a cached journal to this checkout's schema once, in place and without the app's
    backup before upgrading (a generated file is its own backup: it can be generated again), so
    that no measured start pays for an upgrade and no 5 GB copy is left in a backups folder."""
    from journal.store.db import close_journal, open_journal
    from journal.store.migrations import SCHEMA_VERSION

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    if version >= SCHEMA_VERSION:
        return
    started = time.perf_counter()
    log(f"Upgrading {path.name} from schema {version} to {SCHEMA_VERSION} ...")
    open_journal(path, backup_before_migrating=False)
    close_journal()
    log(f"  upgraded in {time.perf_counter() - started:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (default 1)")
    parser.add_argument("--out", type=Path, help="write here instead of the cache")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    size = Size().scaled(args.scale) if args.scale != 1.0 else Size()
    path = generate(args.out, size, args.seed) if args.out else cached(size, args.seed)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
