"""Whatever bytes a user brings, a parser returns records or raises ImportFormatError; nothing else."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.interop import google_csv, json_io, linkedin, vcard
from journal.interop.records import ImportFormatError, ParseResult

PARSERS = [vcard.parse, linkedin.parse, google_csv.parse]
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
GOOGLE_HEADER = "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Organization Name\r\n"
csv_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
csv_text = st.lists(st.lists(csv_cell, max_size=9).map(lambda cells: ",".join(cells)), max_size=8).map("\r\n".join)
vcard_line = st.one_of(
    st.sampled_from(["FN:Ana", "N:Li;Bo;;;", "EMAIL:a@b.c", "TEL:+1 415", "item1.EMAIL:x@y.z", "item1.X-ABLabel:W",
                     "ORG:A;B", "ADR:;;;x;;;", "NOTE;ENCODING=QUOTED-PRINTABLE:a=", "BEGIN:VCARD", "END:VCARD",
                     "VERSION:2.1", "VERSION:4.0", "CATEGORIES:a,b", "BDAY:--04-12", "PHOTO;ENCODING=b:AAAA"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
)
vcard_text = st.lists(vcard_line, max_size=12).map(lambda lines: "BEGIN:VCARD\r\n" + "\r\n".join(lines) + "\r\nEND:VCARD\r\n")


def _check(parse, data: bytes) -> None:
    try:
        result = parse(data)
    except ImportFormatError as exc:
        assert str(exc)
        return
    assert isinstance(result, ParseResult)
    for record in result.records:
        assert record.name.strip() and record.line >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data):
    for parse in PARSERS:
        _check(parse, data)
    try:
        json_io.load(data)
    except ImportFormatError:
        pass


@settings(max_examples=150, deadline=None)
@given(csv_text)
def test_linkedin_and_google_with_a_valid_header_and_random_rows(body):
    _check(linkedin.parse, (LINKEDIN_HEADER + body).encode())
    _check(google_csv.parse, (GOOGLE_HEADER + body).encode())


@settings(max_examples=200, deadline=None)
@given(vcard_text)
def test_vcards_with_random_properties(text):
    _check(vcard.parse, text.encode())


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)))
def test_json_shapes(value):
    import json

    document = {"format": "contact-journal", "version": 1, "schema": 1, "tables": value}
    try:
        json_io.load(json.dumps(document).encode())
    except ImportFormatError:
        pass
