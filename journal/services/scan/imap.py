"""Reading mail headers from an IMAP server over TLS, incrementally.

Each folder is opened read-only (EXAMINE), so nothing is marked read, and only the header fields
the journal looks at are fetched, with BODY.PEEK[HEADER.FIELDS (...)]: never a body, never a
subject. What was read is remembered per folder as (UIDVALIDITY, the highest UID seen): the next
scan asks only for newer UIDs, and a folder whose UIDVALIDITY changed (the server renumbered it)
is read again from the start.
"""

from __future__ import annotations

import imaplib
import socket
import ssl
from collections.abc import Iterable
from dataclasses import dataclass

from journal.errors import JournalError
from journal.interop.mail_headers import MailHeaders, parse_headers

FIELDS = "FROM SENDER TO CC DATE MESSAGE-ID"
BATCH = 500
DEFAULT_PORT = 993


class ImapError(JournalError):
    """One line a user can act on."""


@dataclass(frozen=True)
class ImapMark:
    uidvalidity: int
    last_uid: int

    def to_json(self) -> dict:
        return {"uidvalidity": self.uidvalidity, "last_uid": self.last_uid}

    @classmethod
    def from_json(cls, data: dict) -> ImapMark:
        return cls(int(data["uidvalidity"]), int(data["last_uid"]))


@dataclass
class FolderScan:
    folder: str
    headers: list[MailHeaders]
    mark: ImapMark
    renumbered: bool = False  # UIDVALIDITY changed: the folder was read again from the start


def _host_port(server: str) -> tuple[str, int]:
    """HOST, HOST:PORT or [IPv6]:PORT."""
    text = server.strip()
    host, port = text, ""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, port = text.split(":")
    if not host:
        raise ImapError("Give the IMAP server, as HOST or HOST:PORT.")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise ImapError(f"“{port}” is not a port number.")
    return host, int(port) if port else DEFAULT_PORT


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


class ImapReader:
    """One connection: `ImapReader(server, user, password).scan(folders, marks)`; closes on exit."""

    def __init__(self, server: str, user: str, password: str, *, ca_file: str = "", timeout: float = 30.0) -> None:
        self.host, self.port = _host_port(server)
        context = ssl.create_default_context(cafile=ca_file or None)
        try:
            self.imap = imaplib.IMAP4_SSL(self.host, self.port, ssl_context=context, timeout=timeout)
        except ssl.SSLCertVerificationError as exc:
            raise ImapError(f"The certificate of {self.host} is not trusted ({exc.verify_message}).") from None
        except ssl.SSLError as exc:
            raise ImapError(f"Could not speak TLS with {self.host}:{self.port} ({exc.reason or exc}).") from None
        except socket.gaierror:
            raise ImapError(f"Cannot reach {self.host}: the name is not known.") from None
        except TimeoutError:
            raise ImapError(f"Cannot reach {self.host}:{self.port}: it did not answer in time.") from None
        except OSError as exc:
            raise ImapError(f"Cannot reach {self.host}:{self.port}: {exc.strerror or exc}.") from None
        try:
            # AUTHENTICATE PLAIN carries the password as UTF-8 (LOGIN takes ASCII only).
            secret = b"\0" + user.encode() + b"\0" + password.encode()
            if b"AUTH=PLAIN" in b" ".join(c.encode() if isinstance(c, str) else c for c in self.imap.capabilities):
                self.imap.authenticate("PLAIN", lambda _challenge: secret)
            else:
                self.imap.login(user, password)
        except imaplib.IMAP4.error:
            self.close()
            raise ImapError(f"{self.host} refused the user name or password.") from None
        except UnicodeEncodeError:
            self.close()
            raise ImapError(f"{self.host} takes only ASCII passwords, and this one is not.") from None

    def __enter__(self) -> ImapReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.imap.logout()
        except (imaplib.IMAP4.error, OSError):
            pass

    def folders(self) -> list[str]:
        status, lines = self.imap.list()
        found = []
        for line in lines or ():
            if not line:
                continue
            text = line.decode("utf-8", "replace")
            name = text.rsplit(' "', 1)[-1].rstrip('"') if text.endswith('"') else text.rsplit(" ", 1)[-1]
            found.append(name.replace('\\"', '"'))
        return found

    def scan(self, folders: Iterable[str], marks: dict[str, ImapMark] | None = None) -> list[FolderScan]:
        marks = marks or {}
        return [self.scan_folder(folder, marks.get(folder)) for folder in folders]

    def scan_folder(self, folder: str, mark: ImapMark | None = None) -> FolderScan:
        try:
            status, _ = self.imap.select(_quote(folder), readonly=True)
        except imaplib.IMAP4.error as exc:
            raise ImapError(f"{self.host} has no folder “{folder}” ({exc}).") from None
        if status != "OK":
            raise ImapError(f"{self.host} has no folder “{folder}”.")
        uidvalidity = int((self.imap.response("UIDVALIDITY")[1] or [b"0"])[0] or 0)
        renumbered = mark is not None and mark.uidvalidity != uidvalidity
        last = mark.last_uid if mark is not None and not renumbered else 0
        status, data = self.imap.uid("SEARCH", f"UID {last + 1}:*")
        uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last) if status == "OK" else []
        headers: list[MailHeaders] = []
        for start in range(0, len(uids), BATCH):
            chunk = uids[start:start + BATCH]
            status, data = self.imap.uid("FETCH", ",".join(map(str, chunk)), f"(UID BODY.PEEK[HEADER.FIELDS ({FIELDS})])")
            if status != "OK":
                raise ImapError(f"{self.host} would not give the headers of “{folder}”.")
            for part in data:
                if isinstance(part, tuple) and len(part) == 2:
                    parsed = parse_headers(part[1])
                    if parsed is not None:
                        headers.append(parsed)
        return FolderScan(folder, headers, ImapMark(uidvalidity, max(uids, default=last)), renumbered)
