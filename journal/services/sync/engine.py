"""One sync round with the account's CardDAV/CalDAV server.

1. Every row that is synced and has no item yet gets one (a uid and the path it will have on
   the server), committed before anything is sent: a round killed at any moment and run again
   sends the same uids to the same paths, so nothing is ever created twice.
2. Pull: per collection, what changed since the last round (sync-collection, RFC 6578, or where
   the server has none or its token fails, a comparison of every ETag), fetched in batches.
3. Apply, as one operation (undoable like any other): each item changed on the server is merged
   field by field with the journal's row against the version both last agreed on
   (journal.domain.merge). A field both changed goes to the later change; the other value is
   kept as a conflict to review. Items deleted on the server are deleted here, except a person
   who still has conversations, who is archived; an item changed here since is kept and sent
   again instead.
4. Push: every row whose fields differ from what the server last had is sent, patched into the
   server's own copy so that what the journal does not model stays as it was: If-None-Match: *
   for a new one, If-Match for the rest. A 412 means someone changed it meanwhile: fetch, merge,
   send again. Rows deleted here are deleted there (If-Match).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from dataclasses import dataclass, field

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.merge import changed_keys, merge
from journal.errors import ValidationError
from journal.interop.sync_cards import kept_journal_fields
from journal.services import operations
from journal.services.sync import local
from journal.services.sync.state import GONE, State, base_of, dump, href_for, raw_of
from journal.services.transaction import write
from journal.store.models import (
    DB,
    Conversation,
    Introduction,
    NextStep,
    Person,
    SyncAccount,
    SyncCollection,
    SyncConflict,
    SyncItem,
)

ROLES = ("contacts", "tasks", "journal")
CONTENT_TYPE = {"contacts": "text/vcard; charset=utf-8", "tasks": "text/calendar; charset=utf-8",
                "journal": "text/calendar; charset=utf-8"}
KINDS_OF = {"contacts": ("person",), "tasks": ("step", "keep", "date"), "journal": ("conversation",)}
DERIVED = ("keep", "date")
# A person's fields only a Contact Journal writes (X-CONTACT-JOURNAL-* properties).
JOURNAL_ONLY = frozenset({"how_met", "cadence_days", "cadence_set_on", "keep_snoozed_until", "placeholder", "archived",
                          "connected_on"})
PUT_ATTEMPTS = 3
# What the push learns (each item's new ETag and agreed version) is saved in batches: the
# journal commits with a full fsync, which would cost more than the upload itself. A round cut
# short before a batch is saved loses nothing: the next round finds those items on the server
# (412 on create) and agrees with them again.
SAVE_EVERY_ITEMS = 200
SAVE_EVERY_SECONDS = 2.0


@dataclass
class SyncReport:
    up: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    conflicted: list[str] = field(default_factory=list)
    deleted_here: list[str] = field(default_factory=list)
    deleted_there: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    requests: int = 0
    dry_run: bool = False
    # The operations that applied the server's changes (for the window's undo list) and what
    # they changed; not part of the JSON.
    steps: list = field(default_factory=list, repr=False)
    changes: list = field(default_factory=list, repr=False)

    def as_json(self) -> dict:
        return {
            "up": self.up,
            "down": self.down,
            "merged": self.merged,
            "conflicted": self.conflicted,
            "deleted_here": self.deleted_here,
            "deleted_there": self.deleted_there,
            "notes": self.notes,
            "requests": self.requests,
            "dry_run": self.dry_run,
        }

    def is_empty(self) -> bool:
        return not (self.up or self.down or self.merged or self.conflicted or self.deleted_here or self.deleted_there)

    def summary(self) -> str:
        parts = [f"{len(self.up)} sent", f"{len(self.down)} received"]
        if self.merged:
            parts.append(f"{len(self.merged)} merged")
        if self.conflicted:
            parts.append(f"{len(self.conflicted)} in conflict")
        if self.deleted_here or self.deleted_there:
            parts.append(f"{len(self.deleted_here) + len(self.deleted_there)} deleted")
        return ", ".join(parts)


# The journals this process has compared row by row with the server once (see _Round._thorough).
_COMPARED_ALL: set[str] = set()


class _DryRun(Exception):
    """Unwinds a dry run's transaction."""


@dataclass
class _Pulled:
    """One item fetched from the server, parsed."""

    role: str
    href: str
    etag: str
    text: str
    uid: str
    kind: str
    values: dict[str, str]
    photo: tuple[str, str] | None = None
    changed_at: dt.datetime | None = None


def sync(password: str, *, dry_run: bool = False, clock: Clock = SYSTEM_CLOCK, client=None,
         announce: bool = True) -> SyncReport:
    """One round: pull, merge, push. Raises SyncError (one line) where the server cannot be
    used; what was done before it stays done and consistent, and the next round goes on.
    `announce` off: the caller (a worker thread) tells listeners of report.changes itself."""
    from journal.services.sync import account as accounts
    from journal.services.sync.webdav import DavClient, SyncError

    row = SyncAccount.select().order_by(SyncAccount.id).first()
    if row is None:
        raise ValidationError("There is no sync account: add one first (Preferences > Accounts, or `account add`).")
    own = client is None
    if own:
        client = DavClient(row.url, row.user, password, ca_file=row.ca_file, allow_http=row.allow_http)
    start = client.requests
    report = SyncReport(dry_run=dry_run)
    try:
        if dry_run:
            with contextlib.suppress(_DryRun), DB.atomic("IMMEDIATE"):
                _Round(row, client, clock, report, announce=False).run()
                raise _DryRun
        else:
            _Round(row, client, clock, report, announce=announce).run()
    except SyncError as exc:
        if not dry_run:
            accounts.record_outcome(at=None, error=str(exc))
        raise
    finally:
        report.requests = client.requests - start
        if own:
            client.close()
    if not dry_run:
        accounts.record_outcome(at=clock.now(), error="")
    return report


def _utc(local_time: dt.datetime | None) -> dt.datetime | None:
    if local_time is None:
        return None
    return local_time.astimezone(dt.UTC).replace(tzinfo=None)


class _Round:
    def __init__(self, account: SyncAccount, client, clock: Clock, report: SyncReport, *, announce: bool) -> None:
        self.announce = announce
        self.account = account
        self.client = client
        self.clock = clock
        self.report = report
        self.dry_run = report.dry_run
        self.collections = {c.role: c for c in SyncCollection.select()}
        self.roles = [role for role in ROLES if role in self.collections]
        self.state: State | None = None
        self.pushed: set[str] = set()  # the collections this round sent to
        self._unsaved: dict[int, SyncItem] = {}
        self._saved_at = time.monotonic()

    # -- the round ----------------------------------------------------------------------------
    def run(self) -> None:
        with write():
            self.state = State()
            self._assign()
        if not self.account.journal_url and self.account.last_sync_at is None and self.account.journal_note:
            self.report.notes.append(self.account.journal_note)
        pulled, deleted, tokens = {}, {}, {}
        for role in self.roles:
            pulled[role], deleted[role], tokens[role] = self._pull(role)
        if any(pulled.values()) or any(deleted.values()) or any(
                tokens[r] != self.collections[r].token for r in self.roles):
            self._operation(self._apply, pulled, deleted, tokens)
        try:
            self._push()
        finally:
            self._save_learned()

    def _learned(self, item, **values) -> None:
        """Record what an upload taught; saved with the next batch."""
        self.state.save(item, persist=False, **values)
        self._unsaved[item.id] = item
        if len(self._unsaved) >= SAVE_EVERY_ITEMS or time.monotonic() - self._saved_at >= SAVE_EVERY_SECONDS:
            self._save_learned()

    def _save_learned(self) -> None:
        if self._unsaved and not self.dry_run:
            with write():
                for item in self._unsaved.values():
                    item.save()
        self._unsaved.clear()
        self._saved_at = time.monotonic()

    def _operation(self, fn, *args) -> None:
        result = operations.run(fn, *args, label="Sync with server", announce=self.announce)
        if result.step is not None:
            self.report.steps.append(result.step)
            self.report.changes.append(result.changes)

    def _apply_fetched(self, got: _Pulled, locals_of_kind: dict) -> None:
        intros: dict[str, str] = {}
        self._apply_one(got, locals_of_kind, intros)
        self._apply_introductions(intros)

    def _assign(self) -> None:
        state = self.state
        # Only the rows no item stands for yet are read (one query each): a quiet round reads none.
        state.assign("person", state.unassigned("person", Person._meta.table_name))
        state.assign("introduction", state.unassigned("introduction", Introduction._meta.table_name))
        state.assign("step", state.unassigned("step", NextStep._meta.table_name))
        if "journal" in self.collections:
            state.assign("conversation", state.unassigned("conversation", Conversation._meta.table_name))
        state.assign_derived()

    # -- pull ---------------------------------------------------------------------------------
    def _listing(self, role: str) -> tuple[dict[str, str], list[str], str, bool]:
        """(href -> etag of what changed, hrefs deleted, the new token, whether it is a full listing)."""
        from journal.services.sync.webdav import SyncError, TokenInvalid

        collection = self.collections[role]
        if collection.sync_supported is not False:
            for token in dict.fromkeys([collection.token, ""]):
                try:
                    changes = self.client.sync_collection(collection.url, token)
                except TokenInvalid:
                    continue
                except SyncError:
                    if collection.sync_supported:
                        raise
                    break  # a server that answered no sync-collection: compare ETags instead
                return dict(changes.changed), list(changes.deleted), changes.token, token == ""
        etags = self.client.list_etags(collection.url)
        return etags, [], "", True

    def _pull(self, role: str) -> tuple[list[_Pulled], list[str], str]:
        from journal.interop.sync_calendar import read_item
        from journal.interop.sync_cards import ItemFormatError, read_card

        state = self.state
        changed, deleted, token, full = self._listing(role)
        if full:
            known = {item.href for item in state.of_role(role) if item.href and item.etag and item.etag != GONE}
            deleted = sorted(known - set(changed))
        else:
            sent = {item.href for item in state.sent_items(role) if item.href and item.etag != GONE}
            deleted = sorted(set(deleted) | (sent - set(changed)))
        wanted = [href for href, etag in changed.items()
                  if (item := state.by_href(role, href)) is None or not etag or item.etag != etag]
        bodies = self.client.multiget(self.collections[role].url, wanted, "addressbook" if role == "contacts" else "calendar") if wanted else {}
        pulled = []
        for href in wanted:
            if href not in bodies:
                continue
            etag, text = bodies[href]
            try:
                if role == "contacts":
                    card = read_card(text)
                    pulled.append(_Pulled(role, href, etag, text, card.uid, "person", dict(card.values), card.photo,
                                          card.changed_at))
                else:
                    item = read_item(text)
                    kind = item.kind if role == "tasks" else "conversation"
                    if role == "tasks" and kind == "conversation":
                        continue
                    pulled.append(_Pulled(role, href, etag, text, item.uid, kind, dict(item.values), None, item.changed_at))
            except ItemFormatError as exc:
                self.report.notes.append(f"Left {href} on the server as it was: {exc}")
        return pulled, [h for h in deleted if state.by_href(role, h) is not None], token

    # -- apply (inside one operation) -----------------------------------------------------------
    def _apply(self, pulled: dict[str, list[_Pulled]], deleted: dict[str, list[str]], tokens: dict[str, str]) -> None:
        state = self.state
        today = self.clock.today()
        intros: dict[str, str] = {}
        if "contacts" in pulled:
            people = local.read_people(state, self._local_ids("contacts", pulled["contacts"])) if pulled["contacts"] else {}
            for got in pulled["contacts"]:
                self._apply_one(got, {pid: card.values for pid, card in people.items()}, intros)
            self._apply_introductions(intros)
            state.assign_derived()
        locals_by_kind = {}
        if pulled.get("tasks") or deleted.get("tasks"):
            locals_by_kind["step"] = local.read_steps(state, self._local_ids("tasks", pulled.get("tasks", ()), deleted.get("tasks", ())))
            locals_by_kind["keep"] = local.read_keeps(state, today)
            locals_by_kind["date"] = local.read_dates(state, today)
        if pulled.get("journal") or deleted.get("journal"):
            locals_by_kind["conversation"] = local.read_conversations(
                state, self._local_ids("journal", pulled.get("journal", ()), deleted.get("journal", ())))
        for role in ("tasks", "journal"):
            for got in pulled.get(role, ()):
                self._apply_one(got, locals_by_kind.get(got.kind, {}), intros)
        if deleted.get("contacts"):
            ids = self._local_ids("contacts", (), deleted["contacts"])
            locals_by_kind["person"] = {pid: card.values for pid, card in local.read_people(state, ids).items()}
        for role in self.roles:
            for href in deleted.get(role, ()):
                self._deleted_there(role, href, locals_by_kind)
        for role in self.roles:
            if tokens.get(role) is not None:
                collection = self.collections[role]
                collection.token = tokens[role]
                collection.save()
                state.clear_sent(role)

    def _local_ids(self, role: str, pulled=(), hrefs=()) -> list[int]:
        """The journal's rows the pulled items and deleted hrefs stand for."""
        state, ids = self.state, set()
        for got in pulled:
            item = state.by_href(role, got.href) or state.by_uid(role, got.uid)
            if item is not None and item.local_id is not None:
                ids.add(item.local_id)
        for href in hrefs:
            item = state.by_href(role, href)
            if item is not None and item.local_id is not None:
                ids.add(item.local_id)
        return sorted(ids)

    def _newer_here(self, item, remote_changed_at: dt.datetime | None) -> bool:
        mine = _utc(item.local_changed_at) if item is not None else None
        if mine is None:
            return False
        theirs = remote_changed_at or _utc(self.clock.now())
        return mine > theirs

    def _write(self, kind: str, local_id: int | None, values: dict[str, str], photo=None) -> int | None:
        state, clock = self.state, self.clock
        if kind == "person":
            plain = {k: v for k, v in values.items() if not k.startswith("intro:")}
            return local.write_person(local_id, plain, photo, state, clock=clock)
        if kind == "step":
            return local.write_step(local_id, values, state, clock=clock)
        if kind == "conversation":
            return local.write_conversation(local_id, values, state, clock=clock)
        if kind == "keep":
            local.write_keep(local_id, values, state, clock=clock)
            return local_id
        if kind == "date":
            local.write_date(local_id, values, state, clock=clock)
            return local_id
        raise ValueError(kind)

    def _title(self, kind: str, values: dict[str, str]) -> str:
        if kind == "person":
            return values.get("name", "") or "someone"
        if kind == "step":
            return values.get("text", "") or "a next step"
        if kind == "conversation":
            return values.get("summary", "") or f"a conversation on {values.get('occurred_at', '')[:10]}"
        return values.get("summary", "") or kind

    def _apply_one(self, got: _Pulled, locals_of_kind: dict[int, dict[str, str]], intros: dict[str, str]) -> None:
        state, report = self.state, self.report
        item = state.by_href(got.role, got.href) or state.by_uid(got.role, got.uid)
        if item is not None and item.kind != got.kind:
            report.notes.append(f"Left {got.href} alone: its uid belongs to another kind of item.")
            return
        title = self._title(got.kind, got.values)
        try:
            self._merge_one(got, item, title, locals_of_kind, intros)
        except ValidationError as exc:
            # One item the journal cannot take (a card with no name, a date it cannot read)
            # stays on the server as it is; the round goes on. Writers check before writing.
            self.report.notes.append(f"Left “{title}” on the server as it was: {exc}")

    def _merge_one(self, got: _Pulled, item, title: str, locals_of_kind: dict[int, dict[str, str]],
                   intros: dict[str, str]) -> None:
        state, report = self.state, self.report
        if item is None or item.local_id is None:
            if got.kind in DERIVED:
                # A task derived from a person or date this journal has not got (or no longer
                # has): it is another journal's to keep or delete.
                return
            local_id = self._write(got.kind, None, got.values, got.photo)
            if item is None:
                state.add(got.role, got.kind, local_id, got.uid, href=got.href, etag=got.etag, base=dump(got.values),
                          raw=got.text)
            else:
                state.save(item, local_id=local_id, href=got.href, etag=got.etag, base=dump(got.values), raw=got.text)
                report.notes.append(f"{title} was deleted here and changed on the server: it is back here.")
            report.down.append(title)
            self._collect_intros(got, {}, intros)
            return
        mine = locals_of_kind.get(item.local_id)
        if mine is None:
            return
        base = base_of(item)
        if got.kind == "person" and base and not kept_journal_fields(got.text):
            # A client that keeps no property it does not know dropped every journal-only field
            # at once (how you met, the cadence, the introductions ...): that is not an edit.
            got.values = {**{k: v for k, v in got.values.items() if k not in JOURNAL_ONLY and not k.startswith("intro:")},
                          **{k: v for k, v in base.items() if k in JOURNAL_ONLY or k.startswith("intro:")}}
        merged = merge(base, mine, got.values, local_is_newer=self._newer_here(item, got.changed_at))
        to_local = merged.differs_from(mine)
        plain = {k: v for k, v in to_local.items() if not k.startswith("intro:")}
        if plain:
            photo = got.photo if "photo" in plain else None
            self._write(got.kind, item.local_id, plain, photo)
        self._collect_intros(got, mine, intros, merged.values)
        if got.kind not in DERIVED:
            for conflict in merged.conflicts:
                SyncConflict.create(kind=got.kind, local_id=item.local_id, uid=item.uid, title=title, field=conflict.key,
                                    kept=conflict.kept, other=conflict.other, kept_side=conflict.kept_side,
                                    at=self.clock.now())
        state.save(item, href=got.href, etag=got.etag, base=dump(got.values), raw=got.text)
        if merged.conflicts and got.kind not in DERIVED:
            report.conflicted.append(title)
        elif to_local and merged.differs_from(got.values):
            report.merged.append(title)
        elif to_local:
            report.down.append(title)

    def _collect_intros(self, got: _Pulled, mine: dict[str, str], intros: dict[str, str],
                        merged: dict[str, str] | None = None) -> None:
        if got.kind != "person":
            return
        values = merged if merged is not None else got.values
        for key in set(values) | {k for k in mine if k.startswith("intro:")}:
            if key.startswith("intro:") and values.get(key, "") != mine.get(key, ""):
                uid = key.removeprefix("intro:")
                if values.get(key) or uid not in intros:
                    intros[uid] = values.get(key, "")

    def _apply_introductions(self, intros: dict[str, str]) -> None:
        state = self.state
        for uid, encoded in intros.items():
            item = state.by_uid("contacts", uid)
            if item is not None and item.kind != "introduction":
                continue
            if not encoded:
                if item is not None and item.local_id is not None:
                    local.remove("introduction", item.local_id)
                    state.drop(item)
                continue
            values = local.decode_introduction(encoded)
            local_id = local.write_introduction(item.local_id if item else None, values, state, clock=self.clock)
            if local_id is None:
                continue
            if item is None:
                state.add("contacts", "introduction", local_id, uid)
            elif item.local_id != local_id:
                state.save(item, local_id=local_id)

    def _deleted_there(self, role: str, href: str, locals_by_kind: dict) -> None:
        state, report = self.state, self.report
        item = state.by_href(role, href)
        if item is None:
            return
        if item.local_id is None:
            state.drop(item)
            return
        if item.kind in DERIVED:
            # The phone deleted a keep-in-touch or date task: it comes back while the cadence or
            # the date does (remove those to stop it).
            state.save(item, href="", etag="", base="", raw="")
            return
        mine = locals_by_kind.get(item.kind, {}).get(item.local_id)
        title = self._title(item.kind, mine or {})
        base = base_of(item)
        if mine is not None and base is not None and changed_keys(base, mine):
            state.save(item, href="", etag="", base="", raw="")
            report.notes.append(f"{title} was deleted on the server and changed here: it is sent again.")
            return
        outcome = local.remove(item.kind, item.local_id)
        if outcome == "archived":
            after = {pid: c.values for pid, c in local.read_people(state, [item.local_id]).items()}.get(item.local_id, {})
            state.save(item, href="", etag=GONE, raw="", base=dump(after))
            report.deleted_here.append(f"{title} (archived: they have conversations)")
        else:
            state.drop(item)
            report.deleted_here.append(title)

    # -- push ---------------------------------------------------------------------------------
    def _locals(self) -> dict[str, dict[int, object]]:
        """The rows a push must look at: those changed here since (operations mark them), those
        not yet on the server, and the derived tasks (their due dates move with the calendar)."""
        state, today = self.state, self.clock.today()
        state.refresh()
        needed: dict[str, list[int]] = {"person": [], "step": [], "conversation": []}
        thorough = self._thorough()
        for item in state.to_push(needed, everything=thorough):
            needed[item.kind].append(item.local_id)
        found: dict[str, dict[int, object]] = {}
        if "contacts" in self.collections:
            found["person"] = local.read_people(state, needed["person"]) if needed["person"] else {}
        if "tasks" in self.collections:
            found["step"] = local.read_steps(state, needed["step"]) if needed["step"] else {}
            found["keep"] = local.read_keeps(state, today)
            found["date"] = local.read_dates(state, today)
        if "journal" in self.collections:
            found["conversation"] = local.read_conversations(state, needed["conversation"]) if needed["conversation"] else {}
        return found

    def _push(self) -> None:
        from journal.services.sync.webdav import ItemRefused, PreconditionFailed

        state = self.state
        for item in state.without_local():
            if item.kind == "introduction" or not item.href or item.etag == GONE:
                self._commit(state.drop, item)
                continue
            if item.role not in self.collections:
                continue
            title = self._title(item.kind, base_of(item) or {})
            if not self.dry_run:
                try:
                    self.client.delete(item.href, etag=item.etag if item.kind not in DERIVED else "")
                except ItemRefused as exc:
                    self.report.notes.append(f"The server kept “{title}”, deleted here: {exc}")
                    continue
                except PreconditionFailed:
                    self._deleted_here_changed_there(item)
                    continue
            self._commit(state.drop, item)
            self.pushed.add(item.role)
            if item.kind not in DERIVED:
                self.report.deleted_there.append(title)
        found = self._locals()
        state.of_kinds(DERIVED)  # the derived tasks, compared below, read in one query
        for kind in ("person", "step", "keep", "date", "conversation"):
            for local_id, values in found.get(kind, {}).items():
                item = state.by_local(kind, local_id)
                if item is None:
                    continue
                self._push_one(item, values)
        # A keep-in-touch task whose cadence was removed, a date task of someone archived: gone.
        for item in state.of_kinds(DERIVED):
            if item.role in self.collections and item.local_id not in found.get(item.kind, {}):
                if item.href and item.etag and item.etag != GONE and not self.dry_run:
                    self.client.delete(item.href)
                    self.pushed.add(item.role)
                self._commit(state.drop, item)

    def _thorough(self) -> bool:
        """The first round a process makes on a journal compares every row, not only those
        operations marked: a change made by another program (or an older version) is found."""
        key = str(DB.obj.database)
        first = key not in _COMPARED_ALL
        if first and not self.dry_run:
            _COMPARED_ALL.add(key)
        return first

    def _deleted_here_changed_there(self, item) -> None:
        """A row deleted here whose server copy changed meanwhile: the edit wins, it comes back."""
        got = self._fetch(item)
        if got is None:
            self._commit(self.state.drop, item)
            return
        self._operation(self._apply_fetched, got, {})

    def _fetch(self, item) -> _Pulled | None:
        from journal.interop.sync_calendar import read_item
        from journal.interop.sync_cards import read_card

        answer = self.client.get(item.href)
        if answer is None:
            return None
        etag, text = answer
        if item.role == "contacts":
            card = read_card(text)
            return _Pulled(item.role, item.href, etag, text, card.uid, "person", dict(card.values), card.photo, card.changed_at)
        cal = read_item(text)
        return _Pulled(item.role, item.href, etag, text, cal.uid, cal.kind if item.role == "tasks" else "conversation",
                       dict(cal.values), None, cal.changed_at)

    def _render(self, item, values, server_text: str | None) -> str:
        from journal.interop.sync_calendar import CalendarFields, write_item
        from journal.interop.sync_cards import CardFields, write_card

        if item.kind == "person":
            card = values
            changed = _utc(item.local_changed_at or self.clock.now())
            return write_card(CardFields(item.uid, dict(card.values), card.photo, changed), server_text)
        return write_item(CalendarFields(item.uid, item.kind, dict(values)), server_text, now=_utc(self.clock.now()))

    def _push_one(self, item, found) -> None:
        from journal.services.sync.webdav import ItemRefused, PreconditionFailed

        values = found.values if item.kind == "person" else found
        base = base_of(item)
        if item.etag == GONE:
            if base is None or not changed_keys(base, values):
                return
            self._commit(self.state.save, item, href="", etag="")  # changed since: it goes back to the server
        if item.href and item.etag and base is not None and not changed_keys(base, values):
            if item.dirty:
                self._learned(item, dirty=False)
            return
        title = self._title(item.kind, values)
        if self.dry_run:
            self.report.up.append(title)
            return
        collection = self.collections[item.role]
        href = item.href or href_for(collection.url, item.uid, item.role)
        if not item.href:
            self._learned(item, href=href)  # the same path again if the round is cut short: it follows from the uid
        for _attempt in range(PUT_ATTEMPTS):
            text = self._render(item, found, raw_of(item) or None)
            try:
                etag = self.client.put(href, text, CONTENT_TYPE[item.role], etag=item.etag or None, create=not item.etag)
            except ItemRefused as exc:
                # The server will not store this one (too big, a rule of its own): the rest goes on.
                self.report.notes.append(f"The server did not take “{title}”: {exc}")
                return
            except PreconditionFailed:
                got = self._fetch(item)
                if got is None:
                    self._commit(self.state.save, item, etag="", raw="")
                    continue
                # Changed there meanwhile (or made by an earlier round that was cut short): merge.
                self._operation(self._apply_fetched, got, {item.local_id: values})
                refreshed = self._locals_of(item)
                if refreshed is None:
                    return
                found = refreshed
                values = found.values if item.kind == "person" else found
                if not changed_keys(base_of(item), values):
                    return
                continue
            self._learned(item, href=href, etag=etag, base=dump(values), raw=text, sent=True, dirty=False)
            self.pushed.add(item.role)
            self.report.up.append(title)
            return
        self.report.notes.append(f"{title} kept changing on the server: it is sent again next time.")

    def _locals_of(self, item):
        state, today = self.state, self.clock.today()
        reader = {
            "person": lambda: local.read_people(state, [item.local_id]),
            "step": lambda: local.read_steps(state, [item.local_id]),
            "keep": lambda: local.read_keeps(state, today),
            "date": lambda: local.read_dates(state, today),
            "conversation": lambda: local.read_conversations(state, [item.local_id]),
        }[item.kind]
        return reader().get(item.local_id)

    def _commit(self, fn, *args, **kwargs) -> None:
        self._save_learned()
        if self.dry_run:
            fn(*args, **kwargs)
            return
        with write():
            fn(*args, **kwargs)

