"""Journals that sync, for the sync tests: open one at a time (the models are bound to one
journal at once), add the account, run a round, and read back what a journal holds in a form
two journals can be compared in."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from journal.services import operations
from journal.services.sync import account, engine, tracking
from journal.store.db import close_journal, open_journal
from journal.store.models import (
    ContactDetail,
    Conversation,
    Introduction,
    NextStep,
    Participant,
    Person,
    PersonDate,
    PersonTag,
    Tag,
)


@contextlib.contextmanager
def opened(path: Path):
    database = open_journal(path)
    try:
        yield database
    finally:
        close_journal()


def add_account(path: Path, server, **options) -> account.AccountInfo:
    with opened(path):
        return account.add_account(server.url, server.user, server.password, **options)


def sync(path: Path, server, clock, **options) -> engine.SyncReport:
    tracking.clock = clock
    with opened(path):
        return engine.sync(server.password, clock=clock, **options)


def do(path: Path, fn, *args, clock=None, **kwargs):
    """Run `fn` as an operation on the journal at `path` (the way the window does)."""
    if clock is not None:
        tracking.clock = clock
    with opened(path):
        return operations.run(fn, *args, label="test", **kwargs).value


def _day(value) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else (value or "")


def contents(path: Path) -> dict:
    """What the journal holds, by names rather than ids."""
    with opened(path):
        names = {p.id: p.name for p in Person.select(Person.id, Person.name)}
        people = {}
        for p in Person.select():
            emails = [d.value for d in ContactDetail.select().where(ContactDetail.person == p.id).order_by(ContactDetail.id)]
            tags = sorted(t.name for t in Tag.select().join(PersonTag).where(PersonTag.person == p.id))
            dates = sorted(f"{d.kind} {d.month:02d}-{d.day:02d} {d.year or ''}" for d in PersonDate.select().where(PersonDate.person == p.id))
            people[p.name] = {
                "organisation": p.organisation.name if p.organisation_id else "",
                "role": p.role, "notes": p.notes, "how_met": p.how_met, "emails": emails, "tags": tags,
                "cadence": p.cadence_days, "placeholder": bool(p.is_placeholder), "archived": bool(p.archived),
                "dates": dates,
            }
        conversations = sorted(
            (_day(c.occurred_at), c.channel, c.summary, c.notes,
             tuple(sorted(names[x.person_id] for x in Participant.select().where(Participant.conversation == c.id))))
            for c in Conversation.select()
        )
        intros = sorted(
            (names[i.introducer_id], names[i.target_id], i.stage, _day(i.offered_on), _day(i.asked_on),
             _day(i.introduced_on), _day(i.met_on), _day(i.thanked_on), i.notes)
            for i in Introduction.select()
        )
        steps = sorted(
            (s.text, _day(s.due_date), _day(s.snoozed_until), s.done_at is not None,
             names.get(s.person_id, "") if s.person_id else "")
            for s in NextStep.select()
        )
        return {"people": people, "conversations": conversations, "introductions": intros, "steps": steps}


def start_synced(path: Path, server, seed, clock) -> tuple[Path, object, account.AccountInfo]:
    """A journal at `path` filled by `seed(clock)`, with the account added and synced once."""
    do(path, seed, clock, clock=clock)
    info = add_account(path, server)
    sync(path, server, clock)
    return path, clock, info


def card(server, info: account.AccountInfo, name: str) -> tuple[str, str, str] | None:
    """(href, ETag, text) of the card named `name` in the account's address book, read with
    plain WebDAV as another client would; None if there is none."""
    import re
    from urllib.parse import urlsplit

    from tests.sync.servers import raw_request

    listing = raw_request(server, "PROPFIND", urlsplit(info.contacts_url).path,
                          '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
                          {"Depth": "1"})
    assert listing.status_code == 207, listing.text
    for href in re.findall(r"<[^>]*href>([^<]+\.vcf)</", listing.text):
        answer = raw_request(server, "GET", href)
        if f"FN:{name}\r\n" in answer.text:
            return href, answer.headers.get("ETag"), answer.text
    return None
