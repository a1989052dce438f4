"""Reading mail headers over IMAP from a real Dovecot (tests/scan/dovecot.py): only the header
fields, nothing marked read, incrementally by UIDVALIDITY and UID, with one-line refusals."""

from __future__ import annotations

import mailbox

import pytest

from journal.services.scan.imap import ImapError, ImapMark, ImapReader, _host_port
from tests.scan.dovecot import own_maildir


def _message(number: int, sender: str = "dana@example.org", extra: str = "") -> bytes:
    return (f"From: Dana Smith <{sender}>\r\nTo: Me <me@example.com>\r\nCc: =?utf-8?q?J=C3=B6rg?= <jorg@example.de>\r\n"
            f"Subject: Private subject {number}\r\nDate: Tue, 24 Nov 2026 10:{number % 60:02d}:00 +0100\r\n"
            f"Message-ID: <m{number}@example.org>\r\n{extra}\r\nSecret body {number}\r\n").encode()


def _fill(server, count: int, start: int = 0) -> None:
    box = mailbox.Maildir(server.maildir)
    for number in range(start, start + count):
        box.add(_message(number))
    own_maildir(server)


def _reader(server, password=None):
    return ImapReader(f"127.0.0.1:{server.port}", server.user, password or server.password, ca_file=str(server.ca_file))


def test_headers_only_incrementally_and_nothing_marked_read(dovecot):
    _fill(dovecot, 30)
    with _reader(dovecot) as reader:
        [first] = reader.scan(["INBOX"])
    assert len(first.headers) == 30
    one = first.headers[0]
    assert one.sender == ("dana@example.org",) and one.to == ("me@example.com",) and one.cc == ("jorg@example.de",)
    assert one.message_id == "<m0@example.org>" and one.date is not None
    assert not any("Private subject" in repr(h) or "Secret body" in repr(h) for h in first.headers)
    assert first.mark.last_uid == 30

    _fill(dovecot, 5, start=30)
    with _reader(dovecot) as reader:
        [again] = reader.scan(["INBOX"], {"INBOX": first.mark})
        [quiet] = reader.scan(["INBOX"], {"INBOX": again.mark})
    assert [h.message_id for h in again.headers] == [f"<m{n}@example.org>" for n in range(30, 35)]
    assert quiet.headers == [] and quiet.mark == again.mark
    # EXAMINE and BODY.PEEK: no message got the \\Seen flag.
    assert all("S" not in message.get_flags() for message in mailbox.Maildir(dovecot.maildir).values())


def test_a_renumbered_folder_is_read_again(dovecot):
    _fill(dovecot, 3)
    with _reader(dovecot) as reader:
        [scan] = reader.scan(["INBOX"], {"INBOX": ImapMark(uidvalidity=1, last_uid=99)})
    assert scan.renumbered and len(scan.headers) == 3


def test_refusals_are_one_line(dovecot, tmp_path):
    with pytest.raises(ImapError, match="refused the user name or password"):
        _reader(dovecot, password="wrong")
    with pytest.raises(ImapError, match="not trusted"):
        ImapReader(f"127.0.0.1:{dovecot.port}", dovecot.user, dovecot.password)  # the system's CAs only
    with _reader(dovecot) as reader, pytest.raises(ImapError, match="no folder “Nope”"):
        reader.scan(["Nope"])
    from tests.sync.servers import free_port

    with pytest.raises(ImapError, match="Cannot reach 127.0.0.1"):
        ImapReader(f"127.0.0.1:{free_port()}", "x", "y")


def test_server_addresses():
    assert _host_port("mail.example.com") == ("mail.example.com", 993)
    assert _host_port("mail.example.com:1993") == ("mail.example.com", 1993)
    assert _host_port("[::1]:1993") == ("::1", 1993)
    with pytest.raises(ImapError, match="not a port"):
        _host_port("mail.example.com:abc")
