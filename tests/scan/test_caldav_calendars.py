"""Meetings read from the calendars of the sync account, against the real Radicale and Xandikos
the sync tests start (tests/sync/servers.py): read-only, only the calendars that hold events,
never the journal's own task list or conversations."""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from journal.services.scan import caldav, known, runner, sources, suggestions
from journal.services.sync import account, secrets
from journal.services.sync.webdav import DavClient
from journal.services.transaction import write
from journal.store.models import SeenMeeting
from tests.services.scan.helpers import person
from tests.sync.servers import ServerStartError, raw_request, start_server

PASSWORD = "correct horse ±battery"
ICAL = "text/calendar; charset=utf-8"
DAY = dt.timedelta(days=1)


@pytest.fixture(params=["radicale", "xandikos"])
def dav_server(request, tmp_path):
    """Each real server in turn, started for this test and stopped after it."""
    try:
        server = start_server(request.param, tmp_path / "servers", PASSWORD)
    except ServerStartError as exc:
        pytest.skip(f"{request.param} could not start here: {exc}")
    yield server
    server.stop()


def _calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def _event(uid: str, start: str, end: str, summary: str, *attendees: str, extra: str = "", zone: str = "") -> str:
    tz = f";TZID={zone}" if zone else ""
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260301T000000Z", f"DTSTART{tz}:{start}", f"DTEND{tz}:{end}",
             f"SUMMARY:{summary}", "ORGANIZER:mailto:me@example.com"]
    lines += [f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{a}" for a in attendees]
    if extra:
        lines += extra.split("\n")
    return "\r\n".join([*lines, "END:VEVENT"]) + "\r\n"


# As Outlook writes it: a Windows zone name, with its VTIMEZONE.
W_EUROPE = "\r\n".join([
    "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE",
]) + "\r\n"

# The test's "now" is Wed 11 Mar 2026, 09:30 (tests/conftest.py).
EVENTS = {
    "coffee": _calendar(_event("coffee-1", "20260309T100000Z", "20260309T110000Z", "Coffee with Dana",
                               "dana@example.org", "me@example.com", extra="LOCATION:Café Rosa")),
    # Weekly on Mondays since last June; the one of 2 March did not happen.
    "weekly": _calendar(_event("weekly-1", "20250602T140000Z", "20250602T143000Z", "Weekly sync", "sam@example.org",
                               extra="RRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20260302T140000Z")),
    "outlook": _calendar(W_EUROPE, _event("lunch-1", "20260320T120000", "20260320T130000", "Lunch with Alex",
                                          "alex@example.org", zone="W. Europe Standard Time")),
    "cancelled": _calendar(_event("cancel-1", "20260305T080000Z", "20260305T090000Z", "Breakfast",
                                  "dana@example.org", extra="STATUS:CANCELLED")),
    "dentist": _calendar(_event("dentist-1", "20260304T080000Z", "20260304T090000Z", "Dentist",
                                "reception@dentist.example")),
    "old": _calendar(_event("old-1", "20250105T100000Z", "20250105T110000Z", "Old coffee", "dana@example.org")),
}

TODO = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VTODO\r\nUID:todo-1\r\n"
        "DTSTAMP:20260301T000000Z\r\nDTSTART:20260309T100000Z\r\nDUE:20260309T110000Z\r\n"
        "SUMMARY:Call Dana\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")


def _mkcalendar(server, path: str, name: str, components: tuple[str, ...]) -> str:
    comps = "".join(f'<C:comp name="{c}"/>' for c in components)
    body = ('<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            f"<D:set><D:prop><D:displayname>{name}</D:displayname>"
            f"<C:supported-calendar-component-set>{comps}</C:supported-calendar-component-set></D:prop></D:set>"
            "</C:mkcalendar>")
    response = raw_request(server, "MKCALENDAR", path, body)
    assert response.status_code in (200, 201), response.text
    return path


def _put(server, path: str, text: str) -> None:
    response = raw_request(server, "PUT", path, text, {"Content-Type": ICAL, "If-None-Match": "*"})
    assert response.status_code in (201, 204), (path, response.status_code, response.text)


def _home(server) -> str:
    return "/dana/calendars/" if server.kind == "xandikos" else "/dana/"


def _everything(server) -> dict[str, dict[str, str]]:
    """Each collection on the server and the ETag of each item in it."""
    with DavClient(server.url, server.user, server.password) as client:
        books, calendars = client.discover()
        return {c.url: client.list_etags(c.url) for c in books + calendars}


def _fill(server) -> tuple[str, str]:
    """A work calendar with the events, and a calendar of chores that holds tasks only."""
    work = _mkcalendar(server, _home(server) + "work/", "Work", ("VEVENT",))
    for name, text in EVENTS.items():
        _put(server, f"{work}{name}.ics", text)
    chores = _mkcalendar(server, _home(server) + "chores/", "Chores", ("VTODO",))
    _put(server, f"{chores}todo-1.ics", TODO)
    return work, chores


@pytest.fixture
def people(db):
    ids = {"dana": person("Dana Smith", "dana@example.org"), "sam": person("Sam Lee", "sam@example.org"),
           "alex": person("Alex Kim", "alex@example.org")}
    with write():
        known.set_own_addresses(["me@example.com"])
    return ids


def _add_account(server) -> account.AccountInfo:
    info = account.add_account(server.url, server.user, server.password)
    secrets.remember(info.url, info.user, server.password)  # where the sync account keeps it
    return info


def test_the_accounts_calendars_of_events_are_read_and_nothing_on_the_server_changes(
        dav_server, people, clock, local_zone):
    local_zone("UTC")
    work, chores = _fill(dav_server)
    info = _add_account(dav_server)
    before = _everything(dav_server)

    listed = caldav.account_calendars()
    paths = {requests.utils.urlparse(url).path: name for url, name in listed}
    assert paths.get(work) == "Work"
    assert chores not in paths  # tasks only
    assert info.tasks_url not in paths and (not info.journal_url or info.journal_url not in paths)
    assert all(url.startswith(dav_server.url.rstrip("/")) for url, _name in listed)

    added = caldav.add_account_calendars()
    assert sorted(s.location for s in added) == sorted(url for url, _ in listed)
    assert all(s.kind == "caldav" for s in added)
    assert {s.id for s in caldav.add_account_calendars()} == {s.id for s in added}  # added once

    (source,) = [s for s in added if s.location.endswith(work)]
    outcome, changes = runner.scan_source(source.id, clock=clock)
    assert changes.scanned and outcome.people == set(people.values())

    # Past meetings are offered: the coffee with Dana, and each Monday with Sam but 2 March.
    offered = suggestions.suggestions(clock=clock)
    assert sorted(((s.date.isoformat(), s.people) for s in offered), reverse=True) == [
        ("2026-03-09", ("Sam Lee",)),
        ("2026-03-09", ("Dana Smith",)),
        ("2026-02-23", ("Sam Lee",)),
        ("2026-02-16", ("Sam Lee",)),
        ("2026-02-09", ("Sam Lee",)),
    ]
    assert [s.date for s in offered] == sorted((s.date for s in offered), reverse=True)  # newest first
    coffee = next(s for s in offered if s.people == ("Dana Smith",))
    assert coffee.summary == "Coffee with Dana" and coffee.location == "Café Rosa"
    assert coffee.start == dt.datetime(2026, 3, 9, 10, 0) and coffee.channel == "in person"
    assert not any(s.start.date() == dt.date(2026, 3, 2) for s in offered)  # EXDATE

    # Meetings ahead: Lunch with Alex at noon in W. Europe (UTC+1 in March) is 11:00 UTC.
    now = clock.now()
    ahead = suggestions.upcoming(now, now + 90 * DAY, people["alex"])
    assert [(m.start, m.summary) for m in ahead] == [(dt.datetime(2026, 3, 20, 11, 0), "Lunch with Alex")]
    assert suggestions.next_meeting(people["sam"], clock=clock).start == dt.datetime(2026, 3, 16, 14, 0)

    kept = {row.summary for row in SeenMeeting.select()}
    assert kept == {"Coffee with Dana", "Weekly sync", "Lunch with Alex"}  # no Breakfast, no Dentist
    assert _everything(dav_server) == before


def test_only_the_events_in_the_window_are_fetched(dav_server, people, clock):
    work, _chores = _fill(dav_server)
    _add_account(dav_server)
    start, end = runner.window(clock.now())
    texts = caldav.read_calendars(dav_server.url.rstrip("/") + work, (start, end))
    uids = sorted(line.split(":", 1)[1].strip() for text in texts for line in text.splitlines()
                  if line.startswith("UID:"))
    # The event of January 2025 is outside the window: the server's time-range leaves it out.
    assert uids == ["cancel-1", "coffee-1", "dentist-1", "lunch-1", "weekly-1"]
    assert all("\r\n" in text for text in texts)


class _NoCalendarQuery(DavClient):
    """A client of a server that answers calendar-query with `status`, as some do for a
    time-range (403, 501) or for an event they cannot read (500)."""

    def __init__(self, *args, status: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.refused = 0
        send = self._session.request

        def request(method, url, data=None, **options):
            if method == "REPORT" and data and b"calendar-query" in data:
                self.refused += 1
                response = requests.Response()
                response.status_code, response._content, response.url = status, b"", url
                return response
            return send(method, url, data=data, **options)

        self._session.request = request


@pytest.mark.parametrize("status", [403, 500, 501])
def test_a_server_without_calendar_query_is_read_whole(dav_server, people, clock, status):
    work, _chores = _fill(dav_server)
    _add_account(dav_server)
    before = _everything(dav_server)
    with write():
        source = sources.add_source("caldav", dav_server.url.rstrip("/") + work)
    with _NoCalendarQuery(dav_server.url, dav_server.user, dav_server.password, status=status) as client:
        texts = caldav.read_calendars(source.location, runner.window(clock.now()), client=client)
        assert client.refused == 1 and len(texts) == len(EVENTS)  # every item, the old one too
        outcome, _changes = runner.scan_source(source.id, clock=clock, client=client)
    # The coffee, the lunch and the Mondays of the window (9 Feb to 8 Jun: 18, less 2 March).
    assert outcome.meetings == 1 + 1 + 17 and outcome.people == set(people.values())
    assert _everything(dav_server) == before


def test_the_password_is_the_sync_accounts_and_a_missing_calendar_says_so(dav_server, people, clock):
    _fill(dav_server)
    _add_account(dav_server)
    with write():
        source = sources.add_source("caldav", dav_server.url.rstrip("/") + _home(dav_server) + "gone/")
    with pytest.raises(Exception, match="no longer on the server") as raised:
        runner.scan_source(source.id, clock=clock)
    assert str(raised.value).count("\n") == 0
    assert sources.get_source(source.id).last_error == str(raised.value)
    with pytest.raises(Exception, match="refused the user name or password"):
        caldav.read_calendars(dav_server.url.rstrip("/") + _home(dav_server) + "work/",
                              runner.window(clock.now()), password="wrong")


def test_without_a_sync_account_there_is_nothing_to_read(db, clock):
    with pytest.raises(Exception, match="There is no sync account"):
        caldav.account_calendars()


def test_a_server_that_is_down_fails_the_scan_in_one_line(dav_server, people, clock):
    work, _chores = _fill(dav_server)
    _add_account(dav_server)
    (source,) = [s for s in caldav.add_account_calendars() if s.location.endswith(work)]
    dav_server.stop()
    with pytest.raises(Exception, match="Cannot reach 127.0.0.1") as raised:
        runner.scan_source(source.id, clock=clock)
    assert "\n" not in str(raised.value) and sources.get_source(source.id).last_error == str(raised.value)


def test_the_sync_accounts_ca_file_is_trusted_for_its_calendars(tmp_path, people, clock, monkeypatch):
    from tests.sync.servers import self_signed_certificate

    certificate = self_signed_certificate(tmp_path / "tls")
    # The test's own requests (the phone filling the calendar) trust it; the journal's client
    # never reads this for a server on this machine, only the account's CA file.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(certificate[0]))
    try:
        server = start_server("radicale", tmp_path / "servers", PASSWORD, tls=certificate)
    except ServerStartError as exc:
        pytest.skip(f"radicale could not start here: {exc}")
    try:
        work, _chores = _fill(server)
        with pytest.raises(Exception, match="not trusted"):
            account.add_account(server.url, server.user, PASSWORD)
        info = account.add_account(server.url, server.user, PASSWORD, ca_file=str(certificate[0]))
        secrets.remember(info.url, info.user, PASSWORD)
        (source,) = [s for s in caldav.add_account_calendars() if s.location.endswith(work)]
        assert source.location.startswith("https://localhost:")
        outcome, _changes = runner.scan_source(source.id, clock=clock)
        assert outcome.meetings == 19
    finally:
        server.stop()
