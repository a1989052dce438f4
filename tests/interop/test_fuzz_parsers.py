"""Whatever bytes a user brings, a parser returns records or raises ImportFormatError; nothing else."""

import base64

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.dates import KINDS
from journal.interop import google_csv, json_io, linkedin, outlook_csv, thunderbird_csv, vcard
from journal.interop.records import AddressRecord, DateRecord, ImportFormatError, ParseResult, PersonOut

PARSERS = [vcard.parse, linkedin.parse, google_csv.parse, outlook_csv.parse, thunderbird_csv.parse]
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
GOOGLE_HEADER = (
    "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Organization Name,Birthday,"
    "Event 1 - Label,Event 1 - Value,Address 1 - Label,Address 1 - Street,Relation 1 - Label,Relation 1 - Value,"
    "IM 1 - Service,IM 1 - Value\r\n"
)
OUTLOOK_HEADER = "First Name,Last Name,E-mail Address,Birthday,Anniversary,Home Street,Home City,Spouse,Web Page\r\n"
THUNDERBIRD_HEADER = (
    "First Name,Last Name,Display Name,Primary Email,Birth Year,Birth Month,Birth Day,Home Address,Screen Name\r\n"
)
csv_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
csv_text = st.lists(st.lists(csv_cell, max_size=9).map(lambda cells: ",".join(cells)), max_size=8).map("\r\n".join)
vcard_line = st.one_of(
    st.sampled_from(["FN:Ana", "N:Li;Bo;;;", "EMAIL:a@b.c", "TEL:+1 415", "item1.EMAIL:x@y.z", "item1.X-ABLabel:W",
                     "ORG:A;B", "ADR:;;;x;;;", "NOTE;ENCODING=QUOTED-PRINTABLE:a=", "BEGIN:VCARD", "END:VCARD",
                     "VERSION:2.1", "VERSION:4.0", "CATEGORIES:a,b", "BDAY:--04-12", "PHOTO;ENCODING=b:AAAA",
                     "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29", "BDAY:1999-02-29", "ANNIVERSARY:2010", "item2.X-ABDATE:2001-06-09",
                     "item2.X-ABLabel:_$!<Anniversary>!$_", "NICKNAME:a,b", "IMPP:xmpp:a@b", "X-AIM:x", "RELATED:urn:uuid:1",
                     "RELATED;TYPE=spouse:Bo", "item3.X-ABRELATEDNAMES:Li", "X-SOCIALPROFILE;type=twitter:http://t/x",
                     "PHOTO:data:image/png;base64,iVBORw==", "LOGO;ENCODING=b:AA", " AA", "KEY;VALUE=uri:http://k",
                     "ORG:X", "TITLE:Y", "item4.ORG:Z", "X-FOO;A=\"b:c\":d", "GENDER:F", "ADR;TYPE=home:a;b;c;d;e;f;g"]),
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
        assert all(isinstance(d, DateRecord) and d.kind in KINDS for d in record.dates)
        assert all(isinstance(a, AddressRecord) and not a.is_empty() for a in record.addresses)
        # A relation or profile may come without a kind or service ("item3.X-ABRELATEDNAMES:Li"
        # with no label), never without its value.
        assert all(value.strip() for _kind, value in record.profiles + record.relations)
        assert all("\r" not in line and "\n" not in line for line in record.extra_lines)
        if record.photo is not None:
            base64.b64decode(record.photo[1], validate=True)
        if parse is vcard.parse:  # whatever was read is written back and read again without error
            person = PersonOut(**{k: getattr(record, k) for k in PersonOut.__dataclass_fields__ if hasattr(record, k)})
            again = vcard.parse(vcard.person_to_card(person).encode()).records
            assert [r.extra_lines for r in again] == [record.extra_lines]


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
def test_csvs_with_a_valid_header_and_random_rows(body):
    _check(linkedin.parse, (LINKEDIN_HEADER + body).encode())
    _check(google_csv.parse, (GOOGLE_HEADER + body).encode())
    _check(outlook_csv.parse, (OUTLOOK_HEADER + body).encode())
    _check(thunderbird_csv.parse, (THUNDERBIRD_HEADER + body).encode())


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
