"""The calendars of the sync account, read for meetings: read-only, over CalDAV.

The same server, user, password, CA file and plain-http consent as the sync account; only
PROPFIND and REPORT are sent, so nothing on the server changes. The journal's own task list and
conversations calendar are not read as calendars.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from journal.errors import ValidationError
from journal.services.changes import Changes, notify
from journal.services.scan.sources import Source, add_source
from journal.services.sync.account import AccountInfo, get_account
from journal.services.transaction import write

# Servers read a floating or all-day time in a zone of their own choosing (often UTC): the query
# asks for a day more on each side, and the meeting reader keeps exactly the window.
_MARGIN = dt.timedelta(days=1)


def _account() -> AccountInfo:
    account = get_account()
    if account is None:
        raise ValidationError("There is no sync account: add one to read the calendars on its server.")
    return account


def _open(account: AccountInfo, password: str | None, client):
    """(client, whether it is ours to close): the one given, or one made the way the sync
    account makes its own (same server, CA file and consent to plain http)."""
    if client is not None:
        return client, False
    if password is None:
        from journal.services.sync import secrets

        password = secrets.password(account.url, account.user)
    from journal.services.sync.webdav import DavClient

    return DavClient(account.url, account.user, password, ca_file=account.ca_file,
                     allow_http=account.allow_http), True


def _path(url: str) -> str:
    return (urlsplit(url).path if "://" in url else url).rstrip("/")


def account_calendars(*, password: str | None = None, client=None) -> list[tuple[str, str]]:
    """(URL, name) of each calendar on the account's server that holds events (VEVENT among the
    components it takes, or no list given), leaving out the journal's task list and
    conversations."""
    account = _account()
    own = {_path(u) for u in (account.tasks_url, account.journal_url) if u}
    dav, close = _open(account, password, client)
    try:
        _books, calendars = dav.discover()
        found = [
            (dav.full_url(c.url), c.name)
            for c in calendars
            if (not c.components or "VEVENT" in c.components) and _path(c.url) not in own
        ]
    finally:
        if close:
            dav.close()
    return found


def add_account_calendars(*, password: str | None = None, client=None, announce: bool = True) -> list[Source]:
    """A source (kind "caldav") for each calendar of the account that holds events; those added
    before are kept as they are (turned off stays off)."""
    calendars = account_calendars(password=password, client=client)
    with write():
        added = [add_source("caldav", url) for url, _name in calendars]
    if announce and added:
        notify(Changes(scanned=True, tables=frozenset({"scan_source"})))
    return added


def read_calendars(location: str, window: tuple[dt.datetime, dt.datetime], *, password: str | None = None,
                   client=None) -> list[str]:
    """The iCalendar text of each event in the calendar at `location` that overlaps `window`
    (naive local times), by a calendar-query with a time-range where the server takes one, else
    every item in the calendar. Nothing is written to the server."""
    from journal.services.sync.webdav import BadResponse

    account = _account()
    dav, close = _open(account, password, client)
    try:
        found = _events(dav, location, *window)
    except BadResponse as exc:
        if exc.status in (404, 410):
            raise ValidationError(f"The calendar {location} is no longer on the server.") from None
        raise
    finally:
        if close:
            dav.close()
    return [text for _href, (_etag, text) in sorted(found.items())]


def _events(dav, location: str, start: dt.datetime, end: dt.datetime) -> dict[str, tuple[str, str]]:
    from journal.services.sync.webdav import ServerError

    try:
        found = dav.calendar_query(location, (start - _MARGIN).astimezone(dt.UTC), (end + _MARGIN).astimezone(dt.UTC))
    except ServerError:  # one that fails on the filter (a time zone it cannot read…); one that is down fails below
        found = None
    if found is None:
        hrefs = list(dav.list_etags(location))
        found = dav.multiget(location, hrefs, "calendar") if hrefs else {}
    return found
