"""A small CardDAV/CalDAV client: discovery, collections, sync reports and item transfers.

One `requests.Session` per client (keep-alive, Basic auth sent up front, TLS verified against the
system's or a chosen CA file). Every request the server answers badly becomes a one-line
`SyncError` a user can act on; the password never appears in one.

hrefs are absolute paths (``/dana/contacts/abc.vcf``), normalised by `normalize_href` so that
the same item always reads the same whichever way a server percent-encodes it. Methods that take
a URL accept either such a path or a full URL on the account's host.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import socket
import ssl
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

import requests
from requests.auth import HTTPBasicAuth

from journal.errors import JournalError, one_line

DAV = "DAV:"
CARDDAV = "urn:ietf:params:xml:ns:carddav"
CALDAV = "urn:ietf:params:xml:ns:caldav"
CS = "http://calendarserver.org/ns/"

for _prefix, _uri in (("d", DAV), ("card", CARDDAV), ("cal", CALDAV), ("cs", CS)):
    ET.register_namespace(_prefix, _uri)

MULTIGET_BATCH = 100
MAX_REDIRECTS = 5
MAX_SYNC_PAGES = 1000  # a server that keeps paginating forever is a broken one
COMPONENTS = frozenset({"VTODO", "VEVENT", "VJOURNAL"})
_SAFE_PATH = "/:@!$&'()*+,;="
_LINE_END = re.compile(r"\r?\n")


# --- errors -------------------------------------------------------------------------------------


class SyncError(JournalError):
    """One line a user can act on. `status` is the HTTP status behind it, where there was one."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(one_line(message))
        self.status = status


class AuthFailed(SyncError):
    def __init__(
        self, message: str = "The server refused the user name or password.", *, status: int | None = 401
    ) -> None:
        super().__init__(message, status=status)


class Unreachable(SyncError):
    """No answer: connection refused, unknown name, time-out, TLS failure, connection broken."""


class ServerError(SyncError):
    """The server failed (5xx)."""


class BadResponse(SyncError):
    """Malformed XML, or an answer the protocol does not allow for what was asked."""


class PreconditionFailed(SyncError):
    """412: the item changed (or appeared) on the server since its ETag was read."""


class TokenInvalid(SyncError):
    """The server refused the sync-collection token: start again from an empty one, or fall
    back to comparing ETags."""


class InsecureUrl(SyncError):
    """http:// to a host other than loopback without the user's confirmation."""


class BadUrl(SyncError):
    """A URL that is not an http(s) address of a server (or names a different host)."""


class ItemRefused(BadResponse):
    """The server would not store or delete this one item (400, 403, 409, 413, 415, 422, 507):
    the rest of a sync can go on without it."""


# --- values -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Collection:
    url: str  # absolute path, normalised, ending in "/"
    name: str
    kind: str  # "addressbook" | "calendar"
    components: frozenset[str] = frozenset()  # calendars: what the server says it takes; empty if unknown
    supports_sync: bool = False
    ctag: str = ""


@dataclass(frozen=True)
class Changes:
    changed: dict[str, str]  # href -> etag
    deleted: list[str]
    token: str


@dataclass
class _Response:
    """One <response> of a multistatus: its href, its own status (if any) and the props that
    came back 200, by Clark name ("{DAV:}getetag")."""

    href: str
    status: int | None = None
    props: dict[str, ET.Element] = field(default_factory=dict)


# --- helpers --------------------------------------------------------------------------------------


def normalize_href(href: str) -> str:
    """The path of `href` (a path or a full URL), percent-encoded one fixed way."""
    path = urlsplit(href).path if "://" in href else href.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    return quote(unquote(path), safe=_SAFE_PATH)


def href_for(collection_url: str, uid: str, ext: str) -> str:
    """Where an item with this UID goes in a collection: its path + the quoted UID + ext
    (".vcf" or ".ics")."""
    base = normalize_href(collection_url)
    if not base.endswith("/"):
        base += "/"
    return base + quote(uid, safe="@") + ext


def etag_value(etag: str) -> str:
    """An ETag without its weak prefix and quotes, for comparing two that a server wrote
    differently (`W/"abc"` and `"abc"` name the same version for our purposes)."""
    etag = (etag or "").strip()
    if etag.startswith("W/"):
        etag = etag[2:]
    if len(etag) >= 2 and etag[0] == etag[-1] == '"':
        etag = etag[1:-1]
    return etag


def same_etag(a: str, b: str) -> bool:
    return bool(a) and bool(b) and etag_value(a) == etag_value(b)


def is_loopback(host: str) -> bool:
    host = (host or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _status_code(text: str | None) -> int | None:
    parts = (text or "").split()
    if len(parts) >= 2 and parts[1].isdigit():
        return int(parts[1])
    return None


def _el(tag: str, parent: ET.Element | None = None, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def _xml(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _propfind_body(props: Iterable[str]) -> bytes:
    root = _el(f"{{{DAV}}}propfind")
    prop = _el(f"{{{DAV}}}prop", root)
    for name in props:
        _el(name, prop)
    return _xml(root)


def _hrefs(node: ET.Element | None) -> list[str]:
    if node is None:
        return []
    return [(h.text or "").strip() for h in node.iter(f"{{{DAV}}}href") if (h.text or "").strip()]


def _text(node: ET.Element | None) -> str:
    return "" if node is None else "".join(node.itertext()).strip()


def _server_says(response: requests.Response) -> str:
    """A short reason from an error's body: the precondition a WebDAV <error> names, or a
    plain-text line; "" when there is none worth showing."""
    content_type = response.headers.get("Content-Type", "").lower()
    body = response.content[:2000]
    if "xml" in content_type or body.lstrip().startswith(b"<"):
        try:
            root = ET.fromstring(response.content)
        except ET.ParseError:
            return ""
        if root.tag != f"{{{DAV}}}error":
            return ""
        names = [child.tag.rsplit("}", 1)[-1] for child in root if child.tag != f"{{{DAV}}}responsedescription"]
        said = ", ".join(names[:3])
        description = one_line(root.findtext(f"{{{DAV}}}responsedescription") or "")
        if description:
            said = f"{said}: {description}" if said else description
        return said if len(said) <= 200 else said[:197] + "..."
    if content_type.startswith("text/plain") and body:
        text = one_line(body.decode("utf-8", errors="replace"))
        return text if len(text) <= 160 else text[:157] + "..."
    return ""


def _names_precondition(response: requests.Response) -> bool:
    """Whether an error's body is a WebDAV <error> naming a precondition (RFC 4918 16)."""
    if not response.content.lstrip().startswith(b"<"):
        return False
    try:
        root = ET.fromstring(response.content)
    except ET.ParseError:
        return False
    return root.tag == f"{{{DAV}}}error" and any(child.tag != f"{{{DAV}}}responsedescription" for child in root)


def _item_error(status: int) -> type[BadResponse]:
    return ItemRefused if status in (400, 403, 409, 413, 415, 422, 507) else BadResponse


def _cause_chain(exc: BaseException) -> list[BaseException]:
    """The exception, what it wraps (urllib3 keeps it in .reason and args) and its causes."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop()
        if e in seen or len(seen) > 20:
            continue
        seen.append(e)
        for nxt in (e.__cause__, e.__context__, getattr(e, "reason", None), *getattr(e, "args", ())):
            if isinstance(nxt, BaseException):
                todo.append(nxt)
    return seen


# --- the client -----------------------------------------------------------------------------------


class DavClient:
    """Talks to one CardDAV/CalDAV account. `requests` counts the HTTP requests made."""

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        *,
        ca_file: str = "",
        allow_http: bool = False,
        timeout: float = 30.0,
    ) -> None:
        url = (url or "").strip()
        parts = urlsplit(url)
        if "@" in parts.netloc or (parts.scheme.lower() not in ("http", "https") and "@" in url):
            # never echo what may be "user:password@host" back into a message
            raise BadUrl("Give the user name and password separately, not inside the server address.")
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise BadUrl(f"“{url}” is not a server address; give one like https://dav.example.com/.")
        try:
            parts.port  # noqa: B018 - raises for a port that is not a number in range
        except ValueError:
            raise BadUrl(f"“{url}” has a port that is not a number from 1 to 65535.") from None
        self.allow_http = allow_http
        self.host = parts.hostname
        self._check_scheme(parts.scheme.lower(), parts.hostname, url)
        path = parts.path or "/"
        self._origin = urlunsplit((parts.scheme.lower(), parts.netloc, "", "", ""))
        self.url_path = normalize_href(path)
        self.user = user
        self.timeout = timeout
        self.requests = 0
        self._session = requests.Session()
        self._session.auth = HTTPBasicAuth(user.encode("utf-8"), password.encode("utf-8"))
        self._session.verify = ca_file or True
        self._session.headers.update({"User-Agent": "Contact Journal", "Accept-Encoding": "gzip, deflate"})
        # The environment's proxies and CA bundle count for a server out there, not for one on
        # this machine (a proxy would not reach it).
        self._session.trust_env = not is_loopback(self.host)
        self._principals: dict[str, str] = {}
        self._homes: tuple[str, str] | None = None
        self._refused_redirect: BadResponse | None = None

    # --- plumbing -------------------------------------------------------------------------------

    def _check_scheme(self, scheme: str, host: str, url: str) -> None:
        if scheme == "http" and not self.allow_http and not is_loopback(host):
            raise InsecureUrl(
                f"{url} is not encrypted (http://), so the password would cross the network readable. "
                "Use https://, or confirm that plain http is wanted for this server."
            )

    def _url(self, href: str) -> str:
        """A full URL on this account's origin for a path or a full URL (which must be on the
        same host)."""
        if "://" in href:
            parts = urlsplit(href)
            if (parts.hostname or "").lower() != self.host.lower():
                raise BadUrl(f"{href} is not on {self.host}, the account's server.")
            self._check_scheme(parts.scheme.lower(), parts.hostname or "", href)
            return urlunsplit((parts.scheme, parts.netloc, normalize_href(parts.path or "/"), parts.query, ""))
        return self._origin + normalize_href(href)

    def _path(self, href: str) -> str:
        """The normalised path of a path or a full URL on this account's host."""
        self._url(href)
        return normalize_href(href)

    def _unreachable(self, exc: BaseException) -> Unreachable:
        chain = _cause_chain(exc)
        if any(isinstance(e, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(e) for e in chain):
            return Unreachable(
                f"Cannot reach {self.host}: its TLS certificate is not trusted "
                "(set a CA file if the server uses a certificate of its own)."
            )
        if any(isinstance(e, requests.exceptions.SSLError | ssl.SSLError) for e in chain):
            return Unreachable(
                f"Cannot reach {self.host}: the secure (TLS) connection failed; is it https on that port?"
            )
        if any(isinstance(e, requests.exceptions.Timeout | socket.timeout | TimeoutError) for e in chain):
            return Unreachable(f"Cannot reach {self.host}: no answer within {self.timeout:g} seconds.")
        if any(isinstance(e, socket.gaierror) for e in chain) or any(
            "NameResolution" in type(e).__name__ or "Name or service not known" in str(e) or "getaddrinfo" in str(e)
            for e in chain
        ):
            return Unreachable(f"Cannot reach {self.host}: there is no server by that name.")
        if any(isinstance(e, ConnectionRefusedError) for e in chain) or any(
            "Connection refused" in str(e) for e in chain
        ):
            return Unreachable(f"Cannot reach {self.host}: the connection was refused (is the server running?).")
        return Unreachable(f"Cannot reach {self.host}: the connection broke off.")

    def _request(
        self,
        method: str,
        href: str,
        *,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        depth: str | None = None,
    ) -> requests.Response:
        """Send one request (following same-host redirects with the same method and body).
        401 -> AuthFailed, 5xx -> ServerError, no answer -> Unreachable; any other status is
        returned for the caller to judge."""
        url = self._url(href)
        send_headers = dict(headers or {})
        if depth is not None:
            send_headers["Depth"] = depth
        if body is not None and "Content-Type" not in send_headers:
            send_headers["Content-Type"] = 'application/xml; charset="utf-8"'
        data = body.encode("utf-8") if isinstance(body, str) else body
        for _hop in range(MAX_REDIRECTS + 1):
            self.requests += 1
            try:
                response = self._session.request(
                    method, url, data=data, headers=send_headers, timeout=self.timeout, allow_redirects=False
                )
                response.content  # noqa: B018 - read the body here, so a broken one is Unreachable
            except requests.exceptions.RequestException as exc:
                raise self._unreachable(exc) from None
            status = response.status_code
            if status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                target = urljoin(url, response.headers["Location"])
                parts = urlsplit(target)
                if (parts.hostname or "").lower() != self.host.lower():
                    raise BadResponse(
                        f"The server at {self.host} sent the request on to another host ({parts.hostname}); "
                        "give that server's address instead.",
                        status=status,
                    )
                self._check_scheme(parts.scheme.lower(), parts.hostname or "", target)
                # The rest of the conversation happens where the server sent us (same host,
                # perhaps another scheme or port, as with a /.well-known redirect).
                self._origin = urlunsplit((parts.scheme.lower(), parts.netloc, "", "", ""))
                url = target
                continue
            if status == 401:
                raise AuthFailed()
            if status >= 500 and status != 507:
                raise ServerError(
                    f"The server at {self.host} failed ({status} {response.reason or ''}). It may work again later.",
                    status=status,
                )
            return response
        raise BadResponse(f"The server at {self.host} sent the request round in redirects.")

    def _unexpected(
        self, method: str, href: str, response: requests.Response, error: type[BadResponse] = BadResponse
    ) -> BadResponse:
        said = _server_says(response)
        if said.rstrip(".").lower() == (response.reason or "").lower():
            said = ""
        return error(
            f"The server at {self.host} answered {method} {normalize_href(href)} with "
            f"{response.status_code} {response.reason or ''}{f' ({said})' if said else ''}.",
            status=response.status_code,
        )

    def _parse(self, response: requests.Response) -> ET.Element:
        try:
            return ET.fromstring(response.content)
        except ET.ParseError:
            raise BadResponse(f"The server at {self.host} sent a reply that is not valid XML.") from None

    def _multistatus(self, response: requests.Response) -> list[_Response]:
        root = self._parse(response)
        if root.tag != f"{{{DAV}}}multistatus":
            raise BadResponse(f"The server at {self.host} sent a reply that is not a WebDAV multistatus.")
        out = []
        for node in root.findall(f"{{{DAV}}}response"):
            href = node.find(f"{{{DAV}}}href")
            if href is None or not (href.text or "").strip():
                continue
            item = _Response(normalize_href(urljoin(response.url, href.text.strip())))
            item.status = _status_code(node.findtext(f"{{{DAV}}}status"))
            for propstat in node.findall(f"{{{DAV}}}propstat"):
                code = _status_code(propstat.findtext(f"{{{DAV}}}status"))
                if code is not None and not 200 <= code < 300:
                    continue
                prop = propstat.find(f"{{{DAV}}}prop")
                for child in prop if prop is not None else ():
                    item.props[child.tag] = child
            out.append(item)
        return out

    def _propfind(self, href: str, props: Iterable[str], depth: str) -> list[_Response]:
        response = self._request("PROPFIND", href, body=_propfind_body(props), depth=depth)
        if response.status_code != 207:
            raise self._unexpected("PROPFIND", href, response)
        responses = self._multistatus(response)
        # Xandikos answers a PROPFIND of a missing collection with 207 and a 404 inside: that
        # is a missing collection, not an empty one.
        path = normalize_href(href).rstrip("/")
        for item in responses:
            if item.href.rstrip("/") == path and item.status is not None and item.status >= 400:
                raise BadResponse(
                    f"The server at {self.host} answered PROPFIND {normalize_href(href)} with {item.status}.",
                    status=item.status,
                )
        return responses

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> DavClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- discovery (RFC 6764, RFC 5397, RFC 6352, RFC 4791) ---------------------------------------

    def _principal(self, service: str) -> str:
        """The current-user-principal's path, found from /.well-known/<service> and then from
        the URL the user gave; "" when neither names one."""
        if service in self._principals:
            return self._principals[service]
        found = ""
        for candidate in (f"/.well-known/{service}", self.url_path):
            try:
                responses = self._propfind(candidate, [f"{{{DAV}}}current-user-principal"], "0")
            except BadResponse as exc:
                if exc.status is not None:  # 404, 405, 403, a redirect away…: the next place may know
                    if 300 <= exc.status < 400:
                        self._refused_redirect = exc
                    continue
                raise
            for item in responses:
                hrefs = _hrefs(item.props.get(f"{{{DAV}}}current-user-principal"))
                if hrefs:
                    found = normalize_href(urljoin(self._origin + item.href, hrefs[0]))
                    break
            if found:
                break
        self._principals[service] = found
        return found

    def home_sets(self) -> tuple[str, str]:
        """(address book home, calendar home) as paths; "" for one the server does not name."""
        if self._homes is not None:
            return self._homes
        card_principal = self._principal("carddav")
        cal_principal = self._principal("caldav")
        homes = {"addressbook": "", "calendar": ""}
        wanted = {
            "addressbook": f"{{{CARDDAV}}}addressbook-home-set",
            "calendar": f"{{{CALDAV}}}calendar-home-set",
        }
        asks: dict[str, list[str]] = {}
        for kind, principal in (("addressbook", card_principal), ("calendar", cal_principal)):
            asks.setdefault(principal or self.url_path, []).append(kind)
        for where, kinds in asks.items():
            try:
                responses = self._propfind(where, [wanted[k] for k in kinds], "0")
            except BadResponse as exc:
                if exc.status is not None:
                    continue
                raise
            for item in responses:
                for kind in kinds:
                    hrefs = _hrefs(item.props.get(wanted[kind]))
                    if hrefs and not homes[kind]:
                        homes[kind] = normalize_href(urljoin(self._origin + item.href, hrefs[0]))
        if not homes["addressbook"] and not homes["calendar"]:
            if self._refused_redirect is not None:
                raise self._refused_redirect
            raise BadResponse(
                f"The server at {self.host} does not say where this account's address books and calendars are; "
                "check the address, or give the address book's own URL."
            )
        self._homes = (homes["addressbook"], homes["calendar"])
        return self._homes

    _COLLECTION_PROPS = (
        f"{{{DAV}}}resourcetype",
        f"{{{DAV}}}displayname",
        f"{{{CALDAV}}}supported-calendar-component-set",
        f"{{{DAV}}}supported-report-set",
        f"{{{CS}}}getctag",
    )

    def _collection(self, item: _Response) -> Collection | None:
        rtype = item.props.get(f"{{{DAV}}}resourcetype")
        if rtype is None:
            return None
        tags = {child.tag for child in rtype}
        if f"{{{CARDDAV}}}addressbook" in tags:
            kind = "addressbook"
        elif f"{{{CALDAV}}}calendar" in tags:
            kind = "calendar"
        else:
            return None
        components: frozenset[str] = frozenset()
        comp_set = item.props.get(f"{{{CALDAV}}}supported-calendar-component-set")
        if kind == "calendar" and comp_set is not None:
            components = frozenset(
                (c.get("name") or "").upper() for c in comp_set.iter(f"{{{CALDAV}}}comp") if c.get("name")
            )
        reports = item.props.get(f"{{{DAV}}}supported-report-set")
        supports_sync = reports is not None and reports.find(f".//{{{DAV}}}sync-collection") is not None
        url = item.href if item.href.endswith("/") else item.href + "/"
        name = _text(item.props.get(f"{{{DAV}}}displayname")) or unquote(url.rstrip("/").rsplit("/", 1)[-1])
        ctag = _text(item.props.get(f"{{{CS}}}getctag"))
        return Collection(url, name, kind, components, supports_sync, ctag)

    def collections(self, home: str) -> list[Collection]:
        """The address books and calendars directly under `home` (Depth 1)."""
        home_path = self._path(home)
        out = []
        for item in self._propfind(home, self._COLLECTION_PROPS, "1"):
            if item.href.rstrip("/") == home_path.rstrip("/"):
                continue
            collection = self._collection(item)
            if collection is not None:
                out.append(collection)
        return sorted(out, key=lambda c: c.url)

    def collection(self, url: str) -> Collection | None:
        """One collection's properties (Depth 0), or None when `url` is not an address book or
        calendar."""
        for item in self._propfind(url, self._COLLECTION_PROPS, "0"):
            found = self._collection(item)
            if found is not None:
                return found
        return None

    def discover(self) -> tuple[list[Collection], list[Collection]]:
        """(address books, calendars) of the account."""
        card_home, cal_home = self.home_sets()
        books: list[Collection] = []
        calendars: list[Collection] = []
        for home in dict.fromkeys(h for h in (card_home, cal_home) if h):
            for collection in self.collections(home):
                (books if collection.kind == "addressbook" else calendars).append(collection)
        return books, calendars

    # --- making collections --------------------------------------------------------------------

    def _new_collection_url(self, home: str, name: str, attempt: int) -> str:
        base = self._path(home)
        if not base.endswith("/"):
            base += "/"
        slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "collection"
        slug = "-".join(part for part in slug.split("-") if part)
        return base + quote(slug if attempt == 0 else f"{slug}-{attempt + 1}") + "/"

    def _make(self, method: str, home: str, name: str, body_for) -> Collection:
        if not home:
            what = "address books" if method == "MKCOL" else "calendars"
            raise BadResponse(f"The server at {self.host} has no place for this account's {what}.")
        for attempt in range(6):
            url = self._new_collection_url(home, name, attempt)
            response = self._request(method, url, body=body_for())
            if response.status_code in (200, 201, 204):
                made = self.collection(url)
                if made is None:
                    raise BadResponse(
                        f"The server at {self.host} made {url} but not as the kind of collection asked for."
                    )
                return made
            if response.status_code in (405, 409):  # something is there already: try the next name
                # (405 is RFC 4918's answer, Radicale says 409; a 409 for a missing home ends
                # with the error below after a few tries)
                continue
            raise self._unexpected(method, url, response)
        raise BadResponse(f"The server at {self.host} refused every name tried for “{name}”.")

    def make_addressbook(self, home: str, name: str) -> Collection:
        """An address book under `home` (extended MKCOL, RFC 5689), named `name`."""

        def body() -> bytes:
            root = _el(f"{{{DAV}}}mkcol")
            prop = _el(f"{{{DAV}}}prop", _el(f"{{{DAV}}}set", root))
            rtype = _el(f"{{{DAV}}}resourcetype", prop)
            _el(f"{{{DAV}}}collection", rtype)
            _el(f"{{{CARDDAV}}}addressbook", rtype)
            _el(f"{{{DAV}}}displayname", prop, name)
            return _xml(root)

        return self._make("MKCOL", home, name, body)

    def make_calendar(self, home: str, name: str, components: set[str] | frozenset[str]) -> Collection:
        """A calendar under `home` (MKCALENDAR) taking `components` ("VTODO", "VJOURNAL", …).
        The Collection returned says what the server actually took."""

        def body() -> bytes:
            root = _el(f"{{{CALDAV}}}mkcalendar")
            prop = _el(f"{{{DAV}}}prop", _el(f"{{{DAV}}}set", root))
            _el(f"{{{DAV}}}displayname", prop, name)
            comp_set = _el(f"{{{CALDAV}}}supported-calendar-component-set", prop)
            for comp in sorted(components):
                _el(f"{{{CALDAV}}}comp", comp_set, name=comp.upper())
            return _xml(root)

        return self._make("MKCALENDAR", home, name, body)

    # --- listing changes -------------------------------------------------------------------------

    def sync_collection(self, url: str, token: str) -> Changes:
        """What changed in the collection since `token` ("" for everything), RFC 6578 with
        sync-level 1. Raises TokenInvalid where the server refuses the token."""
        collection_path = self._path(url)
        changed: dict[str, str] = {}
        deleted: dict[str, None] = {}
        current = token
        for _page in range(MAX_SYNC_PAGES):
            root = _el(f"{{{DAV}}}sync-collection")
            _el(f"{{{DAV}}}sync-token", root, current or None)
            _el(f"{{{DAV}}}sync-level", root, "1")
            _el(f"{{{DAV}}}getetag", _el(f"{{{DAV}}}prop", root))
            response = self._request("REPORT", url, body=_xml(root), depth="0")
            status = response.status_code
            if status != 207:
                refused = b"valid-sync-token" in response.content
                if current and (status in (403, 409) and refused or status in (400, 412, 507)):
                    raise TokenInvalid(
                        f"The server at {self.host} no longer accepts the saved sync state of "
                        f"{collection_path}; everything will be compared once.",
                        status=status,
                    )
                if status == 507:
                    raise ServerError(f"The server at {self.host} has run out of room ({status}).", status=status)
                raise self._unexpected("REPORT", url, response)
            root_el = self._parse(response)
            if root_el.tag != f"{{{DAV}}}multistatus":
                raise BadResponse(f"The server at {self.host} sent a reply that is not a WebDAV multistatus.")
            truncated = False
            for item in self._multistatus(response):
                if item.href.rstrip("/") == collection_path.rstrip("/"):
                    truncated = truncated or item.status == 507
                    continue
                if item.status == 404:
                    changed.pop(item.href, None)
                    deleted[item.href] = None
                    continue
                etag = _text(item.props.get(f"{{{DAV}}}getetag"))
                if item.href.endswith("/"):
                    continue  # a sub-collection
                deleted.pop(item.href, None)
                changed[item.href] = etag
            new_token = _text(root_el.find(f"{{{DAV}}}sync-token"))
            if not new_token:
                raise BadResponse(f"The server at {self.host} sent a sync report without a sync token.")
            if not truncated or new_token == current:
                # From an empty token the report is the whole collection: nothing is "deleted
                # since". Radicale still lists items it once held as 404s; they are dropped.
                return Changes(changed, list(deleted) if token else [], new_token)
            current = new_token
        raise BadResponse(f"The server at {self.host} never finished its sync report.")

    def list_etags(self, url: str) -> dict[str, str]:
        """Every item in the collection and its ETag (PROPFIND Depth 1): the fallback where
        sync-collection is missing or broken."""
        collection_path = self._path(url)
        out = {}
        for item in self._propfind(url, [f"{{{DAV}}}getetag", f"{{{DAV}}}resourcetype"], "1"):
            if item.href.rstrip("/") == collection_path.rstrip("/") or item.href.endswith("/"):
                continue
            rtype = item.props.get(f"{{{DAV}}}resourcetype")
            if rtype is not None and rtype.find(f"{{{DAV}}}collection") is not None:
                continue
            if item.status is not None and not 200 <= item.status < 300:
                continue
            out[item.href] = _text(item.props.get(f"{{{DAV}}}getetag"))
        return out

    # --- items -----------------------------------------------------------------------------------

    def multiget(self, url: str, hrefs: list[str], kind: str) -> dict[str, tuple[str, str]]:
        """href -> (etag, text) for the items asked for that exist; `kind` is the collection's
        ("addressbook" or "calendar"). Batches of MULTIGET_BATCH."""
        if kind in ("addressbook", "contacts", "person"):
            ns, report, data = CARDDAV, "addressbook-multiget", "address-data"
        elif kind in ("calendar", "tasks", "journal"):
            ns, report, data = CALDAV, "calendar-multiget", "calendar-data"
        else:
            raise ValueError(f"unknown collection kind {kind!r}")
        wanted = [normalize_href(h) for h in hrefs]
        out: dict[str, tuple[str, str]] = {}
        for start in range(0, len(wanted), MULTIGET_BATCH):
            batch = wanted[start : start + MULTIGET_BATCH]
            root = _el(f"{{{ns}}}{report}")
            prop = _el(f"{{{DAV}}}prop", root)
            _el(f"{{{DAV}}}getetag", prop)
            _el(f"{{{ns}}}{data}", prop)
            for href in batch:
                _el(f"{{{DAV}}}href", root, href)
            response = self._request("REPORT", url, body=_xml(root), depth="1")
            if response.status_code != 207:
                raise self._unexpected("REPORT", url, response)
            for item in self._multistatus(response):
                text_el = item.props.get(f"{{{ns}}}{data}")
                if text_el is None or (item.status is not None and item.status >= 300):
                    continue
                # XML turns the CRLF line ends vCard and iCalendar require into LF; put them
                # back, so that a body reads the same fetched here as by GET.
                body = _LINE_END.sub("\r\n", text_el.text or "")
                out[item.href] = (_text(item.props.get(f"{{{DAV}}}getetag")), body)
        return out

    def calendar_query(self, url: str, start: dt.datetime, end: dt.datetime) -> dict[str, tuple[str, str]] | None:
        """href -> (etag, text) of the events (VEVENT) in a calendar that overlap [start, end):
        a calendar-query REPORT with a time-range (RFC 4791 7.8; aware times, or naive UTC).
        None where the server does not take such a query (the caller then reads every item).
        An event listed without its data is fetched with a multiget."""

        def utc(value: dt.datetime) -> str:
            value = value.astimezone(dt.UTC) if value.tzinfo else value
            return value.strftime("%Y%m%dT%H%M%SZ")

        root = _el(f"{{{CALDAV}}}calendar-query")
        prop = _el(f"{{{DAV}}}prop", root)
        _el(f"{{{DAV}}}getetag", prop)
        _el(f"{{{CALDAV}}}calendar-data", prop)
        calendar = _el(f"{{{CALDAV}}}comp-filter", _el(f"{{{CALDAV}}}filter", root), name="VCALENDAR")
        events = _el(f"{{{CALDAV}}}comp-filter", calendar, name="VEVENT")
        _el(f"{{{CALDAV}}}time-range", events, start=utc(start), end=utc(end))
        try:
            response = self._request("REPORT", url, body=_xml(root), depth="1")
        except ServerError as exc:
            if exc.status == 501:  # Not Implemented
                return None
            raise
        if response.status_code in (400, 403, 405, 415, 422):  # a filter or report it does not support
            return None
        if response.status_code != 207:
            raise self._unexpected("REPORT", url, response)
        collection_path = self._path(url)
        out: dict[str, tuple[str, str]] = {}
        missing: list[str] = []
        for item in self._multistatus(response):
            if item.href.rstrip("/") == collection_path.rstrip("/") or item.href.endswith("/"):
                continue
            if item.status is not None and item.status >= 300:
                continue
            text_el = item.props.get(f"{{{CALDAV}}}calendar-data")
            if text_el is None or not (text_el.text or "").strip():
                missing.append(item.href)
                continue
            out[item.href] = (_text(item.props.get(f"{{{DAV}}}getetag")), _LINE_END.sub("\r\n", text_el.text))
        if missing:
            out.update(self.multiget(url, missing, "calendar"))
        return out

    def full_url(self, href: str) -> str:
        """The full URL of a path (or URL) on this account's server, as requests go to it."""
        return self._url(href)

    def get(self, href: str) -> tuple[str, str] | None:
        """(etag, text) of one item, None if it is not there."""
        response = self._request("GET", href)
        if response.status_code in (404, 410):
            return None
        if response.status_code != 200:
            raise self._unexpected("GET", href, response)
        return response.headers.get("ETag", ""), response.content.decode("utf-8", errors="replace")

    def put(self, href: str, text: str, content_type: str, *, etag: str | None = None, create: bool = False) -> str:
        """Store an item; `create` sends If-None-Match: *, `etag` sends If-Match. Returns the
        new ETag ("" if the server sent none). PreconditionFailed on 412."""
        headers = {"Content-Type": content_type}
        if create:
            headers["If-None-Match"] = "*"
        elif etag:
            headers["If-Match"] = etag
        response = self._request("PUT", href, body=text.encode("utf-8"), headers=headers)
        if response.status_code == 412 and _names_precondition(response):
            # Xandikos says 412 with <valid-address-data/> (or another precondition) for an
            # item it will not take: fetching and merging again would not help.
            raise self._unexpected("PUT", href, response, ItemRefused)
        if response.status_code == 412:
            raise PreconditionFailed(f"{normalize_href(href)} changed on the server in the meantime.", status=412)
        if response.status_code not in (200, 201, 204):
            raise self._unexpected("PUT", href, response, _item_error(response.status_code))
        return response.headers.get("ETag", "")

    def delete(self, href: str, *, etag: str = "") -> None:
        """Delete an item (If-Match when `etag`); one that is already gone is fine."""
        headers = {"If-Match": etag} if etag else {}
        response = self._request("DELETE", href, headers=headers)
        if response.status_code == 412:
            raise PreconditionFailed(f"{normalize_href(href)} changed on the server in the meantime.", status=412)
        if response.status_code in (404, 410):
            return
        if response.status_code not in (200, 202, 204):
            raise self._unexpected("DELETE", href, response, _item_error(response.status_code))
