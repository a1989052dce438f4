"""Benchmark: the first sync of a generated journal into a local Radicale, beside its floor.

The floor is uploading the very same items (the texts the sync sent, to the same paths) with the
same HTTP client (journal.services.sync.webdav.DavClient.put, one keep-alive session) into a
fresh Radicale, in the same run. Target: the sync takes at most 1.5 times the floor. Each run
starts both servers afresh; the medians are compared and the min–max spread printed beside them.

Radicale's file storage looks at the whole collection on every upload, so an upload costs more
as the collection grows; the default scale (0.005 of the big journal: 100 people, 1,000
conversations, 250 next steps) keeps a run to a couple of minutes. The same run also counts the
requests of a round with nothing to do (target: at most two per collection) and of a round with
one change (one upload plus one report per collection).

    .venv/bin/python -m bench.sync_bench [--scale F] [--runs N]
    .venv/bin/python -m bench.sync_bench --quiet-round COPY [--runs N]

`--quiet-round` measures, without a server, the journal's own part of a round with nothing to
do on a big journal: the sync state, assigning uids to new rows (none), the items to push
(none), the rows deleted here (none) and the keep-in-touch and date tasks compared every round.
It gives every row of COPY (a copy of a generated journal: it is written to) an item on the
first run, as a first sync would, then times the round's local part and reports the peak
memory (VmHWM) of the process.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import Size, cached

TARGET_RATIO = 1.5
USER, PASSWORD = "bench", "bench-password"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Radicale:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.port = _free_port()
        (folder / "users").write_text(f"{USER}:{PASSWORD}\n")
        (folder / "config").write_text("\n".join([
            "[server]", f"hosts = 127.0.0.1:{self.port}",
            "[auth]", "type = htpasswd", f"htpasswd_filename = {folder / 'users'}", "htpasswd_encryption = plain",
            "delay = 0",
            "[rights]", "type = owner_only",
            "[storage]", f"filesystem_folder = {folder / 'collections'}",
            "[web]", "type = none",
            "[logging]", "level = warning", "",
        ]))
        self.process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(folder / "config")],
                                        stdout=subprocess.DEVNULL, stderr=(folder / "log").open("w"))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise SystemExit(f"Radicale did not start: {(folder / 'log').read_text()[-500:]}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def _recording_client():
    from journal.services.sync.webdav import DavClient

    class Recording(DavClient):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.sent: list[tuple[str, str, str]] = []

        def put(self, href, text, content_type, **kwargs):
            etag = super().put(href, text, content_type, **kwargs)
            self.sent.append((href, text, content_type))
            return etag

    return Recording


def one_run(journal: Path, tmp: Path) -> dict:
    from journal.services import operations
    from journal.services.sync import account, engine
    from journal.services.sync.webdav import DavClient
    from journal.store.db import close_journal, open_journal
    from journal.store.models import Person, SyncCollection

    work = tmp / "journal.sqlite3"
    shutil.copy(journal, work)
    server = Radicale(tmp / "radicale")
    try:
        open_journal(work, backup_before_migrating=False)
        account.add_account(server.url, USER, PASSWORD)
        client = _recording_client()(server.url, USER, PASSWORD)
        started = time.perf_counter()
        report = engine.sync(PASSWORD, client=client, announce=False)
        sync_s = time.perf_counter() - started
        collections = SyncCollection.select().count()
        quiet = engine.sync(PASSWORD, client=client, announce=False)
        first = Person.select().order_by(Person.id).first()

        def change() -> None:  # as the window changes it: one operation
            Person.update(notes=first.notes + " (changed)").where(Person.id == first.id).execute()

        operations.run(change, label="Edit", announce=False)
        one = engine.sync(PASSWORD, client=client, announce=False)
        sent = client.sent[: len(report.up)]
        client.close()
        close_journal()
    finally:
        server.stop()
    floor_server = Radicale(tmp / "floor")
    try:
        floor = DavClient(floor_server.url, USER, PASSWORD)
        floor.discover()
        card_home, calendar_home = floor.home_sets()
        for href in sorted({h.rsplit("/", 2)[0] + "/" + h.rsplit("/", 2)[1] + "/" for h, _t, _c in sent}):
            name = href.rstrip("/").rsplit("/", 1)[1]
            if any(h.startswith(href) and h.endswith(".vcf") for h, _t, _c in sent):
                floor.make_addressbook(card_home, name)
            else:
                components = {"VJOURNAL"} if any(h.startswith(href) and "VJOURNAL" in t for h, t, _c in sent[:50]) else {"VTODO"}
                floor.make_calendar(calendar_home, name, components)
        started = time.perf_counter()
        for href, text, content_type in sent:
            floor.put(href, text, content_type, create=True)
        floor_s = time.perf_counter() - started
        floor.close()
    finally:
        floor_server.stop()
    return {"items": len(sent), "sync_s": sync_s, "floor_s": floor_s, "collections": collections,
            "quiet_requests": quiet.requests, "quiet_empty": quiet.is_empty(), "one_change_requests": one.requests,
            "one_change_up": len(one.up)}


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def _items_for_every_row(database) -> None:
    """What a first sync leaves behind: an item for every row, on the server and agreed."""
    made = ("lower(hex(randomblob(16)))", "'/c/' || lower(hex(randomblob(16))) || '.ics'")
    with database.atomic():
        for role, kind, table in (("contacts", "person", "person"), ("contacts", "introduction", "introduction"),
                                  ("tasks", "step", "next_step"), ("journal", "conversation", "conversation")):
            database.execute_sql(
                f"INSERT INTO sync_item (role, kind, local_id, uid, href, etag, base, raw, sent, dirty) "
                f"SELECT '{role}', '{kind}', id, {made[0]}, {made[1]}, '\"1\"', '{{\"summary\":\"' || id || '\"}}', "
                f"'BEGIN:VCALENDAR' || hex(randomblob(300)), 0, 0 FROM {table}"
            )
        database.execute_sql(
            "INSERT INTO sync_item (role, kind, local_id, uid, href, etag, base, raw, sent, dirty) "
            "SELECT 'tasks', 'keep', p.id, 'keep-' || s.uid, '/t/keep-' || s.uid || '.ics', '\"1\"', '{}', '', 0, 0 "
            "FROM person p JOIN sync_item s ON s.kind = 'person' AND s.local_id = p.id "
            "WHERE p.cadence_days IS NOT NULL AND p.archived = 0"
        )


def quiet_round(path: Path, runs: int) -> int:
    from bench.reference import REFERENCE_NOW
    from journal.services.sync import local
    from journal.services.sync.state import State
    from journal.store.db import close_journal, open_journal
    from journal.store.models import Conversation, Introduction, NextStep, Person

    database = open_journal(path, backup_before_migrating=False)
    if database.execute_sql("SELECT count(*) FROM sync_item").fetchone()[0] == 0:
        _items_for_every_row(database)
    (items,) = database.execute_sql("SELECT count(*) FROM sync_item").fetchone()
    today = REFERENCE_NOW.date()

    def one() -> tuple[int, ...]:
        state = State()
        for kind, model in (("person", Person), ("introduction", Introduction), ("step", NextStep),
                            ("conversation", Conversation)):
            state.assign(kind, state.unassigned(kind, model._meta.table_name))
        state.assign_derived()
        state.refresh()
        pushed = state.to_push(("person", "step", "conversation"))
        gone = state.without_local()
        keeps, dates = local.read_keeps(state, today), local.read_dates(state, today)
        state.of_kinds(("keep", "date"))
        for kind, found in (("keep", keeps), ("date", dates)):
            for local_id in found:
                state.by_local(kind, local_id)
        return len(pushed), len(gone), len(keeps) + len(dates)

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        counts = one()
        times.append(time.perf_counter() - started)
    close_journal()
    peak = next((line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM")), "?")
    print(f"A round with nothing to do, the journal's part, over {items:,} items: {_spread(times)}; "
          f"{counts[0]} to push, {counts[1]} deleted here, {counts[2]:,} derived tasks compared; "
          f"peak memory {int(peak) / 1024:.0f} MiB")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.005)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quiet-round", type=Path, metavar="COPY",
                        help="time the journal's part of a quiet round on COPY (written to), without a server")
    args = parser.parse_args(argv)
    if args.quiet_round:
        return quiet_round(args.quiet_round, args.runs)
    journal = cached(Size().scaled(args.scale))
    runs = []
    for number in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="cj-sync-bench-") as tmp:
            result = one_run(journal, Path(tmp))
        runs.append(result)
        print(f"run {number + 1}: {result['items']} items, sync {result['sync_s']:.2f} s, floor {result['floor_s']:.2f} s",
              flush=True)
    sync_s = [r["sync_s"] for r in runs]
    floor_s = [r["floor_s"] for r in runs]
    ratios = [r["sync_s"] / r["floor_s"] for r in runs]
    ratio = statistics.median(sync_s) / statistics.median(floor_s)
    last = runs[-1]
    print(f"First sync of {last['items']} items into Radicale: {_spread(sync_s)}; "
          f"floor (the same uploads, same client): {_spread(floor_s)}")
    print(f"  ratio {ratio:.2f} (per run {min(ratios):.2f}–{max(ratios):.2f}); target <= {TARGET_RATIO}: "
          f"{'met' if ratio <= TARGET_RATIO else 'missed'}")
    quiet_ok = all(r["quiet_empty"] and r["quiet_requests"] <= 2 * r["collections"] for r in runs)
    print(f"  a round with nothing to do: {last['quiet_requests']} requests for {last['collections']} collections "
          f"(target <= {2 * last['collections']}): {'met' if quiet_ok else 'missed'}")
    one_ok = all(r["one_change_up"] == 1 and r["one_change_requests"] == r["collections"] + 1 for r in runs)
    print(f"  one change: {last['one_change_requests']} requests ({last['one_change_up']} upload + "
          f"{last['one_change_requests'] - last['one_change_up']} reports): {'met' if one_ok else 'missed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
