"""The sync account: adding one (discovering the server's collections, making the journal's own
where none is chosen), reading it and removing it. The password is never stored here."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from journal.errors import ValidationError
from journal.services.transaction import write
from journal.store.models import SyncAccount, SyncCollection, SyncConflict, SyncItem

ADDRESS_BOOK_NAME = "Contact Journal"
TASKS_NAME = "Contact Journal tasks"
JOURNAL_NAME = "Contact Journal conversations"
NO_VJOURNAL = ("This server keeps no journal entries (VJOURNAL), so conversations stay on this computer; "
               "people, next steps and dates sync.")


@dataclass(frozen=True)
class AccountInfo:
    url: str
    user: str
    ca_file: str
    allow_http: bool
    contacts_url: str
    tasks_url: str
    journal_url: str
    journal_note: str
    last_sync_at: dt.datetime | None
    last_error: str

    def as_json(self) -> dict:
        return {
            "url": self.url,
            "user": self.user,
            "contacts_url": self.contacts_url,
            "tasks_url": self.tasks_url,
            "journal_url": self.journal_url,
            "journal_note": self.journal_note,
            "last_sync_at": self.last_sync_at.isoformat() if self.last_sync_at else None,
            "last_error": self.last_error,
        }


def _info(row: SyncAccount) -> AccountInfo:
    return AccountInfo(row.url, row.user, row.ca_file, bool(row.allow_http), row.contacts_url, row.tasks_url,
                       row.journal_url, row.journal_note, row.last_sync_at, row.last_error)


def get_account() -> AccountInfo | None:
    row = SyncAccount.select().order_by(SyncAccount.id).first()
    return _info(row) if row else None


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(f"“{url}” is not a server address: give one like https://dav.example.com/.")
    return parts.geturl()


def _client(url, user, password, ca_file, allow_http, client_factory):
    if client_factory is None:
        from journal.services.sync.webdav import DavClient as client_factory
    return client_factory(url, user, password, ca_file=ca_file, allow_http=allow_http)


def probe(url: str, user: str, password: str, *, ca_file: str = "", allow_http: bool = False, client_factory=None):
    """Connect and list (address books, calendars): "Test connection" and the pickers."""
    client = _client(check_url(url), user, password, ca_file, allow_http, client_factory)
    try:
        return client.discover()
    finally:
        client.close()


def _same(a: str, b: str) -> bool:
    return urlsplit(a).path.rstrip("/") == urlsplit(b).path.rstrip("/")


def add_account(url: str, user: str, password: str, *, ca_file: str = "", allow_http: bool = False,
                contacts_url: str = "", tasks_url: str = "", client_factory=None) -> AccountInfo:
    """Connect, find or make the collections, and remember the account (replacing any other).
    Nothing is stored when the server cannot be reached or refuses."""
    if not user.strip():
        raise ValidationError("Give the user name for the server.")
    if ca_file and not os.path.isfile(ca_file):
        raise ValidationError(f"There is no CA file at {ca_file}.")
    url = check_url(url)
    client = _client(url, user.strip(), password, ca_file, allow_http, client_factory)
    try:
        books, calendars = client.discover()
        home_books, home_calendars = client.home_sets()
        book = _pick(books, contacts_url, ADDRESS_BOOK_NAME, "address book")
        if book is None:
            book = client.make_addressbook(home_books, ADDRESS_BOOK_NAME)
        tasks = _pick([c for c in calendars if not c.components or "VTODO" in c.components], tasks_url, TASKS_NAME,
                      "task list")
        if tasks is None:
            tasks = client.make_calendar(home_calendars, TASKS_NAME, {"VTODO"})
        journal = next((c for c in calendars if c.name == JOURNAL_NAME and "VJOURNAL" in c.components), None)
        note = ""
        if journal is None:
            from journal.services.sync.webdav import SyncError

            try:
                journal = client.make_calendar(home_calendars, JOURNAL_NAME, {"VJOURNAL"})
            except SyncError:
                journal = None
            if journal is not None and journal.components and "VJOURNAL" not in journal.components:
                journal = None
            if journal is None:
                note = NO_VJOURNAL
    finally:
        client.close()
    with write():
        _forget_all()
        SyncAccount.create(url=url, user=user.strip(), ca_file=ca_file, allow_http=allow_http, contacts_url=book.url,
                           tasks_url=tasks.url, journal_url=journal.url if journal else "", journal_note=note)
        for role, collection in (("contacts", book), ("tasks", tasks), ("journal", journal)):
            if collection is not None:
                SyncCollection.create(role=role, url=collection.url, token="", sync_supported=collection.supports_sync)
    return get_account()


def _pick(collections, wanted: str, name: str, what: str):
    if wanted:
        for collection in collections:
            if _same(collection.url, wanted):
                return collection
        raise ValidationError(f"The server has no {what} at {wanted}.")
    return next((c for c in collections if c.name == name), None)


def _forget_all() -> None:
    SyncConflict.delete().execute()
    SyncItem.delete().execute()
    SyncCollection.delete().execute()
    SyncAccount.delete().execute()


def remove_account() -> AccountInfo | None:
    """Forget the account, what was synced and the conflicts; the journal's people and the
    server's items stay as they are."""
    account = get_account()
    if account is None:
        raise ValidationError("There is no sync account to remove.")
    with write():
        _forget_all()
    return account


def record_outcome(*, at: dt.datetime | None, error: str) -> None:
    with write():
        values = {SyncAccount.last_error: error}
        if at is not None:
            values[SyncAccount.last_sync_at] = at
        SyncAccount.update(values).execute()
