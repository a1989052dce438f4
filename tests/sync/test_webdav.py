"""DavClient against real Radicale and Xandikos servers (tests/sync/servers.py), and against a tiny
fake server only for answers no real server gives (broken XML, a 500, a paginated report, a
redirect to another host)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from journal.services.sync import webdav
from journal.services.sync.webdav import (
    AuthFailed,
    BadResponse,
    BadUrl,
    DavClient,
    InsecureUrl,
    ItemRefused,
    PreconditionFailed,
    ServerError,
    SyncError,
    TokenInvalid,
    Unreachable,
    href_for,
    normalize_href,
    same_etag,
)
from tests.sync.conftest import TEST_PASSWORD
from tests.sync.servers import ServerStartError, free_port, raw_request, self_signed_certificate, start_server

VCARD = "text/vcard; charset=utf-8"
ICAL = "text/calendar; charset=utf-8"


def card(uid: str, name: str, extra: str = "") -> str:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{name};;;;\r\n{extra}END:VCARD\r\n"


def todo(uid: str, summary: str, status: str = "NEEDS-ACTION") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260311T093000Z\r\nSUMMARY:{summary}\r\nDUE;VALUE=DATE:20260320\r\n"
        f"STATUS:{status}\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )


def journal_entry(uid: str, summary: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VJOURNAL\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260311T093000Z\r\nDTSTART:20260310T120000\r\nSUMMARY:{summary}\r\n"
        "DESCRIPTION:Coffee at the station\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n"
    )


@pytest.fixture
def client(dav_server) -> Iterator[DavClient]:
    with DavClient(dav_server.url, dav_server.user, dav_server.password, timeout=10) as c:
        yield c


@pytest.fixture
def book(client):
    return client.make_addressbook(client.home_sets()[0], "Contact Journal")


# --- discovery and collections ----------------------------------------------------------------------


def test_discovery_from_the_root_finds_the_principals_collections(dav_server, client):
    card_home, cal_home = client.home_sets()
    assert card_home.startswith(dav_server.principal) and cal_home.startswith(dav_server.principal)
    book = client.make_addressbook(card_home, "Contact Journal")
    tasks = client.make_calendar(cal_home, "Contact Journal", {"VTODO"})

    # A second client, as a second computer would, from nothing but the root URL.
    with DavClient(dav_server.url, dav_server.user, dav_server.password) as fresh:
        books, calendars = fresh.discover()
    assert book in books and all(b.kind == "addressbook" for b in books)
    assert tasks in calendars and all(c.kind == "calendar" for c in calendars)
    found = next(c for c in calendars if c.url == tasks.url)
    assert found.name == "Contact Journal" and found.components == {"VTODO"}
    assert found.supports_sync and found.ctag
    assert not any(c.url == book.url for c in calendars)  # an address book is never taken for a calendar
    # Two collections of the same name never clash, even in a shared home (Radicale's).
    assert book.url != tasks.url


def test_discovery_from_the_principal_url_too(dav_server, client):
    book = client.make_addressbook(client.home_sets()[0], "Cards")
    with DavClient(dav_server.url + dav_server.principal.lstrip("/"), dav_server.user, dav_server.password) as c:
        assert book in c.discover()[0]


def test_the_well_known_urls_find_the_account_from_any_address_on_the_server(dav_server, client):
    """RFC 6764: /.well-known/carddav and /caldav (Radicale redirects with 301, Xandikos with
    302, and PROPFIND must stay PROPFIND through either) lead to the principal even when the
    address given is not a WebDAV resource at all."""
    book = client.make_addressbook(client.home_sets()[0], "Cards")
    with DavClient(dav_server.url + "no/such/page", dav_server.user, dav_server.password) as c:
        assert book in c.discover()[0]


def test_make_calendar_for_tasks_and_for_conversations(dav_server, client):
    home = client.home_sets()[1]
    tasks = client.make_calendar(home, "Tasks", {"VTODO"})
    journal = client.make_calendar(home, "Conversations", {"VJOURNAL"})
    assert tasks.kind == journal.kind == "calendar"
    assert tasks.components == {"VTODO"}
    # Both servers take VJOURNAL and keep it in the collection's component set.
    assert journal.components == {"VJOURNAL"}
    href = href_for(journal.url, "conv-1", ".ics")
    etag = client.put(href, journal_entry("conv-1", "Coffee with Dana"), ICAL, create=True)
    got = client.get(href)
    assert got is not None and same_etag(got[0], etag) and "BEGIN:VJOURNAL" in got[1]


# --- items and preconditions ----------------------------------------------------------------------


def test_put_create_update_delete_with_preconditions(client, book):
    href = href_for(book.url, "dana-1", ".vcf")
    before = client.requests
    etag = client.put(href, card("dana-1", "Dana Smith"), VCARD, create=True)
    assert client.requests == before + 1 and etag

    with pytest.raises(PreconditionFailed) as created_twice:  # If-None-Match: * over an existing one
        client.put(href, card("dana-1", "Dana Other"), VCARD, create=True)
    assert created_twice.value.status == 412 and "\n" not in str(created_twice.value)

    newer = client.put(href, card("dana-1", "Dana Smyth"), VCARD, etag=etag)
    assert newer and not same_etag(newer, etag)
    with pytest.raises(PreconditionFailed):  # If-Match with a stale ETag
        client.put(href, card("dana-1", "Dana Lost"), VCARD, etag=etag)

    got = client.get(href)
    assert got is not None
    assert same_etag(got[0], newer) and "FN:Dana Smyth" in got[1]

    with pytest.raises(PreconditionFailed):
        client.delete(href, etag=etag)
    client.delete(href, etag=newer)
    assert client.get(href) is None
    client.delete(href)  # already gone: fine


def test_hrefs_read_the_same_whichever_way_they_are_encoded(client, book):
    uid = "a b@example.com"
    href = href_for(book.url, uid, ".vcf")
    assert href == book.url + "a%20b@example.com.vcf"
    client.put(href, card(uid, "Odd Uid"), VCARD, create=True)
    assert list(client.list_etags(book.url)) == [href]
    assert normalize_href("http://host:1" + book.url + "a%20b%40example.com.vcf") == href


def test_an_item_the_server_will_not_take_is_refused_not_a_conflict(client, book):
    """Radicale says 400; Xandikos says 412 with <valid-address-data/>, which must not read as
    "changed meanwhile" (fetching and merging again would never help)."""
    with pytest.raises(ItemRefused) as refused:
        client.put(href_for(book.url, "broken", ".vcf"), "not a card at all", VCARD, create=True)
    assert not isinstance(refused.value, PreconditionFailed)
    assert refused.value.status in (400, 412) and "/broken.vcf" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_missing_collection_is_an_error_never_an_empty_listing(client):
    missing = client.home_sets()[0] + "nowhere/"
    for listing in (lambda: client.list_etags(missing), lambda: client.sync_collection(missing, "")):
        with pytest.raises(BadResponse) as gone:
            listing()
        assert gone.value.status == 404


def test_etags_compare_through_weak_prefixes_and_quotes():
    assert webdav.etag_value('W/"abc"') == webdav.etag_value('"abc"') == webdav.etag_value("abc") == "abc"
    assert same_etag('W/"abc"', '"abc"') and not same_etag('"abc"', '"abd"')
    assert not same_etag("", "")  # no ETag is never the same version as another


# --- listing changes ----------------------------------------------------------------------------------


def test_sync_collection_lists_changes_and_deletions_incrementally(dav_server, client, book):
    first = client.sync_collection(book.url, "")
    assert first.changed == {} and first.deleted == [] and first.token

    a, b = href_for(book.url, "a", ".vcf"), href_for(book.url, "b", ".vcf")
    etag_a = client.put(a, card("a", "Ann"), VCARD, create=True)
    etag_b = client.put(b, card("b", "Bob"), VCARD, create=True)
    second = client.sync_collection(book.url, first.token)
    assert set(second.changed) == {a, b} and second.deleted == []
    # The ETag a PUT returns is the one the report gives: the engine compares them as strings.
    assert second.changed[a] == etag_a and second.changed[b] == etag_b
    assert second.token != first.token

    # Another client (a phone) edits one card and deletes the other.
    edited = raw_request(dav_server, "PUT", a, card("a", "Ann Lee"), {"Content-Type": VCARD, "If-Match": etag_a})
    assert edited.status_code in (201, 204)
    assert raw_request(dav_server, "DELETE", b).status_code in (200, 204)
    before = client.requests
    third = client.sync_collection(book.url, second.token)
    assert client.requests == before + 1
    assert list(third.changed) == [a] and third.deleted == [b]
    assert not same_etag(third.changed[a], etag_a)

    quiet = client.sync_collection(book.url, third.token)
    assert quiet.changed == {} and quiet.deleted == []

    # From an empty token: everything there is now, nothing deleted.
    everything = client.sync_collection(book.url, "")
    assert list(everything.changed) == [a] and everything.deleted == []


def test_a_token_the_server_does_not_know_is_refused(dav_server, client, book):
    # Radicale answers 403 <valid-sync-token/>, Xandikos 412.
    with pytest.raises(TokenInvalid) as refused:
        client.sync_collection(book.url, "http://radicale.org/ns/sync/0123456789abcdef")
    assert refused.value.status in (403, 409, 412)


def test_list_etags_is_the_fallback_listing(client, book):
    hrefs = {
        href_for(book.url, uid, ".vcf"): client.put(href_for(book.url, uid, ".vcf"), card(uid, uid), VCARD, create=True)
        for uid in ("x", "y")
    }
    assert client.list_etags(book.url) == hrefs
    assert client.sync_collection(book.url, "").changed == hrefs


def test_multiget_fetches_bodies_in_batches(monkeypatch, client):
    tasks = client.make_calendar(client.home_sets()[1], "Tasks", {"VTODO"})
    hrefs = []
    for n in range(5):
        href = href_for(tasks.url, f"step-{n}", ".ics")
        client.put(href, todo(f"step-{n}", f"Step {n}"), ICAL, create=True)
        hrefs.append(href)
    missing = href_for(tasks.url, "never-there", ".ics")
    monkeypatch.setattr(webdav, "MULTIGET_BATCH", 2)
    before = client.requests
    got = client.multiget(tasks.url, [*hrefs, missing], "calendar")
    assert client.requests == before + 3  # six hrefs, two at a time
    assert set(got) == set(hrefs)
    etags = client.list_etags(tasks.url)
    for n, href in enumerate(hrefs):
        etag, text = got[href]
        assert etag == etags[href]
        assert f"SUMMARY:Step {n}" in text and "BEGIN:VTODO" in text


def test_multiget_of_cards(client, book):
    href = href_for(book.url, "dana", ".vcf")
    client.put(href, card("dana", "Dana Smith", "X-PHONE-APP:kept\r\n"), VCARD, create=True)
    got = client.multiget(book.url, [href], "addressbook")
    assert "X-PHONE-APP:kept" in got[href][1]
    assert got[href] == client.get(href)  # the same text (CRLF line ends too) as a GET
    assert client.multiget(book.url, [], "addressbook") == {}


# --- failures ------------------------------------------------------------------------------------------


def test_wrong_password_is_auth_failed(dav_server):
    with DavClient(dav_server.url, dav_server.user, "wrong " + TEST_PASSWORD) as c, pytest.raises(AuthFailed) as failed:
        c.discover()
    message = str(failed.value)
    assert message == "The server refused the user name or password."
    assert TEST_PASSWORD not in message and "wrong" not in message


def test_unreachable_port():
    port = free_port()  # nothing listens there
    with DavClient(f"http://127.0.0.1:{port}/", "dana", "pw") as c, pytest.raises(Unreachable) as failed:
        c.discover()
    assert str(failed.value) == "Cannot reach 127.0.0.1: the connection was refused (is the server running?)."


def test_a_killed_server_is_unreachable_and_back_after_a_restart(dav_server, client, book):
    href = href_for(book.url, "a", ".vcf")
    client.put(href, card("a", "Ann"), VCARD, create=True)
    token = client.sync_collection(book.url, "").token
    dav_server.kill()
    with pytest.raises(Unreachable) as failed:
        client.sync_collection(book.url, token)
    assert str(failed.value).startswith("Cannot reach 127.0.0.1: ")
    dav_server.restart()
    # The same client carries on (its dropped keep-alive connection is replaced), data intact.
    assert client.sync_collection(book.url, token).changed == {}
    assert client.get(href) is not None


def test_an_unknown_host_is_unreachable():
    with DavClient("https://nonexistent.invalid/", "dana", "pw", timeout=5) as c, pytest.raises(Unreachable) as failed:
        c.discover()
    assert str(failed.value).startswith("Cannot reach nonexistent.invalid: ")


def test_tls_is_verified_and_a_ca_file_can_be_given(tmp_path):
    pytest.importorskip("cryptography")
    cert, key = self_signed_certificate(tmp_path / "tls")
    try:
        server = start_server("radicale", tmp_path, TEST_PASSWORD, tls=(cert, key))
    except ServerStartError as exc:
        pytest.skip(f"radicale could not start with TLS here: {exc}")
    try:
        with DavClient(server.url, server.user, server.password) as c, pytest.raises(Unreachable) as untrusted:
            c.home_sets()
        assert "certificate is not trusted" in str(untrusted.value) and "CA file" in str(untrusted.value)
        with DavClient(server.url, server.user, server.password, ca_file=str(cert)) as c:
            assert c.home_sets() == (server.principal, server.principal)
    finally:
        server.stop()


def test_plain_http_only_to_loopback_unless_confirmed():
    with pytest.raises(InsecureUrl) as refused:
        DavClient("http://dav.example.com/", "dana", "pw")
    assert "https://" in str(refused.value) and "pw" not in str(refused.value).split()
    DavClient("http://dav.example.com/", "dana", "pw", allow_http=True).close()
    for url in ("https://dav.example.com/", "http://localhost:5232/", "http://127.0.0.2/", "http://[::1]:8080/"):
        DavClient(url, "dana", "pw").close()
    for url in (
        "ftp://dav.example.com/",
        "dav.example.com",
        "https://dana:secret@dav.example.com/",
        "dana:secret@dav.example.com",
        "https://dav.example.com:99999/",
    ):
        with pytest.raises(BadUrl) as bad:
            DavClient(url, "dana", "pw")
        assert "secret" not in str(bad.value)


# --- answers no real server gives: a tiny fake on loopback ------------------------------------------------


Reply = tuple[int, dict[str, str], bytes]


@contextmanager
def fake_server(answer: Callable[[str, str, bytes], Reply]) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 answering every request with answer(method, path, body)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self):
            length = int(self.headers.get("Content-Length") or 0)
            status, headers, body = answer(self.command, self.path, self.rfile.read(length))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCOL = do_MKCALENDAR = _any

        def log_message(self, format, *args):  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


XML = {"Content-Type": "application/xml; charset=utf-8"}


def test_no_answer_in_time_is_unreachable():
    release = threading.Event()

    def answer(method, path, body):
        release.wait(5)
        return 207, XML, b""

    with fake_server(answer) as url, DavClient(url, "dana", "pw", timeout=0.2) as c:
        try:
            with pytest.raises(Unreachable) as failed:
                c.list_etags("/dana/contacts/")
        finally:
            release.set()
    assert str(failed.value) == "Cannot reach 127.0.0.1: no answer within 0.2 seconds."


def test_malformed_xml_is_bad_response():
    with fake_server(lambda m, p, b: (207, XML, b"<multistatus xmlns='DAV:'><response>")) as url:
        with DavClient(url, "dana", "pw") as c, pytest.raises(BadResponse) as bad:
            c.list_etags("/dana/contacts/")
    assert str(bad.value) == "The server at 127.0.0.1 sent a reply that is not valid XML."


def test_a_500_is_server_error():
    with fake_server(lambda m, p, b: (500, {}, b"Traceback (most recent call last): ...")) as url:
        with DavClient(url, "dana", "pw") as c, pytest.raises(ServerError) as failed:
            c.put("/dana/contacts/a.vcf", card("a", "Ann"), VCARD, create=True)
    assert failed.value.status == 500 and "Traceback" not in str(failed.value)
    assert isinstance(failed.value, SyncError)


def test_a_redirect_to_another_host_is_not_followed():
    seen = []

    def answer(method, path, body):
        seen.append(path)
        return 302, {"Location": "http://localhost:1/elsewhere/"}, b""

    with fake_server(answer) as url, DavClient(url, "dana", "pw") as c, pytest.raises(BadResponse) as bad:
        c.list_etags("/dana/contacts/")
    assert "another host" in str(bad.value) and seen == ["/dana/contacts/"]


def _report(token: str, *responses: str) -> bytes:
    return (
        "<?xml version='1.0'?><d:multistatus xmlns:d='DAV:'>"
        + "".join(responses)
        + f"<d:sync-token>{token}</d:sync-token></d:multistatus>"
    ).encode()


def _item(href: str, etag: str = "", status: int = 200) -> str:
    if status == 200:
        return f"<d:response><d:href>{href}</d:href><d:propstat><d:prop><d:getetag>{etag}</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
    return f"<d:response><d:href>{href}</d:href><d:status>HTTP/1.1 {status} X</d:status></d:response>"


def test_a_paginated_sync_report_is_followed_to_its_end():
    """RFC 6578 3.6: a server may truncate the report with 507 on the request-URI; asking again
    with the token it gave brings the rest."""
    pages = {
        "t0": _report("t1", _item("/c/a.vcf", '"1"'), _item("/c/b.vcf", '"1"'), _item("/c/", status=507)),
        "t1": _report("t2", _item("/c/b.vcf", status=404), _item("/c/d.vcf", '"4"')),
    }

    def answer(method, path, body):
        text = body.decode()
        token = text.split("<d:sync-token>")[1].split("<")[0] if "<d:sync-token>" in text else ""
        return 207, XML, pages[token]

    with fake_server(answer) as url, DavClient(url, "dana", "pw") as c:
        changes = c.sync_collection("/c/", "t0")
        assert c.requests == 2
    assert changes.changed == {"/c/a.vcf": '"1"', "/c/d.vcf": '"4"'}
    assert changes.deleted == ["/c/b.vcf"] and changes.token == "t2"


@pytest.mark.parametrize("status", [400, 409, 412, 507])
def test_quirky_refusals_of_a_given_token_are_token_invalid(status):
    body = b"<d:error xmlns:d='DAV:'><d:valid-sync-token/></d:error>" if status == 409 else b""
    with fake_server(lambda m, p, b: (status, XML, body)) as url, DavClient(url, "dana", "pw") as c:
        with pytest.raises(TokenInvalid):
            c.sync_collection("/c/", "old-token")
        with pytest.raises(SyncError) as first:  # with no token there is nothing to drop
            c.sync_collection("/c/", "")
        assert not isinstance(first.value, TokenInvalid)
