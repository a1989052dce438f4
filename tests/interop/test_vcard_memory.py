"""A vCard with a big PHOTO costs memory in proportion to the file, not 150 times it.

vobject turns every line of a card into objects; for a 5 MB base64 photo that came to over a
gigabyte. The parser cuts binary properties out of the card before vobject sees it (keeping
the photo's base64 text itself), and reads the file one card at a time.
"""

from __future__ import annotations

import base64
import random
import tracemalloc

from journal.interop import vcard
from journal.services.interchange import imports

PHOTO_BYTES = 5 * 1024 * 1024


def _folded(line: str) -> list[str]:
    """A content line folded at 75 characters, as RFC 6350 writers do."""
    parts = [line[:75]]
    parts += [" " + line[i:i + 74] for i in range(75, len(line), 74)]
    return parts


def photo_card(size: int = PHOTO_BYTES, *, seed: int = 12) -> bytes:
    """Two cards, the first with a random JPEG-like PHOTO of `size` bytes (base64, folded, CRLF)."""
    payload = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random.Random(seed).randbytes(size) + b"\xff\xd9"
    photo = _folded("PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(payload).decode("ascii"))
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Ana Pérez",
        "N:Pérez;Ana;;;",
        *photo,
        "EMAIL;TYPE=WORK:ana@acme.example",
        "TEL;TYPE=CELL:+351 912 345 678",
        "ORG:Acme\\, Inc.;Platform",
        "TITLE:CTO",
        "item1.URL:https://www.linkedin.com/in/ana-perez/",
        "item2.LOGO;VALUE=uri:https://acme.example/logo.png",
        "ADR;TYPE=WORK:;;Rua Augusta 1;Lisbon;;1100-048;Portugal",
        "CATEGORIES:Mentors,Fintech",
        "NOTE:Met at the fintech meetup",
        "UID:ana-uid-1",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Bo Li",
        "EMAIL:bo@example.com",
        "END:VCARD",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_a_5_mb_photo_card_parses_within_a_small_multiple_of_the_file_size():
    data = photo_card()
    tracemalloc.start()
    try:
        result = vcard.parse(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak <= 6 * len(data), f"peak {peak / 2**20:.1f} MiB for a {len(data) / 2**20:.1f} MiB file"
    assert result.rejected == []
    ana, bo = result.records
    assert (ana.line, ana.name, ana.organisation, ana.role) == (1, "Ana Pérez", "Acme, Inc.", "CTO")
    assert ana.emails == [("ana@acme.example", "work")]
    assert ana.phones == [("+351 912 345 678", "cell")]
    assert ana.linkedin == "https://www.linkedin.com/in/ana-perez/"
    assert ana.location == "Lisbon, Portugal"
    assert ana.tags == ["Mentors", "Fintech"]
    assert ana.notes == "Met at the fintech meetup"
    assert ana.uid == "ana-uid-1"
    assert ana.photo[0] == "image/jpeg" and len(ana.photo[1]) == 4 * ((PHOTO_BYTES + 15) // 3)
    # The second card's line number counts the photo's lines that were cut out.
    assert (bo.name, bo.emails) == ("Bo Li", [("bo@example.com", "")])
    lines = data.decode("utf-8").splitlines()
    assert lines[bo.line - 1] == "BEGIN:VCARD" and lines[bo.line + 1] == "FN:Bo Li"


def test_a_card_reads_the_same_with_its_photo_cut_out():
    with_photo = vcard.parse(photo_card(3000)).records
    without = photo_card(3000).decode("utf-8")
    without = "\r\n".join(line for line in without.split("\r\n")
                          if not line.startswith(("PHOTO", " ", "item2.LOGO"))).encode("utf-8")
    plain = vcard.parse(without).records
    assert [r.name for r in with_photo] == [r.name for r in plain]
    apart = ("line", "photo", "extra_lines")
    for a, b in zip(with_photo, plain, strict=True):
        assert {k: getattr(a, k) for k in a.__slots__ if k not in apart} == {k: getattr(b, k) for k in b.__slots__ if k not in apart}
    ana = with_photo[0]
    assert ana.photo[0] == "image/jpeg" and base64.b64decode(ana.photo[1]).startswith(b"\xff\xd8\xff\xe0")
    assert ana.extra_lines == ["item2.LOGO;VALUE=uri:https://acme.example/logo.png", "ORG:Acme\\, Inc.;Platform"]
    assert plain[0].photo is None and plain[0].extra_lines == ["ORG:Acme\\, Inc.;Platform"]


def test_binary_properties_of_every_kind_and_a_vcard_21_photo_are_left_out():
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\n"
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n /9j/4AAQSkZJRgABAQ\r\n AAAQABAAD\r\n"
        "SOUND;ENCODING=BASE64:UklGRiQAAABXQVZF\r\n"
        "KEY;ENCODING=b:MIICajCCAdOgAwIBAgIC\r\n"
        "TEL;CELL:+49 151 23456789\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photographer\r\nNOTE:PHOTO: is a word here\r\nEND:VCARD\r\n"
    )
    jurgen, other = vcard.parse(text.encode()).records
    assert (jurgen.name, jurgen.phones) == ("Jürgen Müller", [("+49 151 23456789", "cell")])
    assert (other.line, other.notes) == (11, "PHOTO: is a word here")


def test_importing_a_photo_card_brings_in_the_rest_of_the_card(db, tmp_path, clock):
    source = tmp_path / "ana.vcf"
    source.write_bytes(photo_card(200_000))
    summary = imports.import_vcard(source, clock=clock)
    assert summary.plan.count(imports.NEW) == 2
    from journal.store.models import Person

    assert sorted(p.name for p in Person.select()) == ["Ana Pérez", "Bo Li"]
