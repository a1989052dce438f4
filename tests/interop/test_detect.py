import pytest

from journal.interop.detect import detect
from journal.interop.records import ImportFormatError
from tests.interop import samples


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (samples.VCARD_21.encode(), "vcard"),
        (samples.VCARD_30.encode("utf-16"), "vcard"),
        (samples.VCARD_40.encode("utf-16-le"), "vcard"),  # Apple's UTF-16 without a byte-order mark
        (samples.VCARD_40.encode("utf-16-be"), "vcard"),
        (samples.VCARD_21.replace("\r\n", "\r").encode("cp1252"), "vcard"),  # classic Mac line ends
        (b"# Android export\r\n\r\n" + samples.VCARD_40.encode(), "vcard"),
        (samples.linkedin(samples.LINKEDIN_ROWS), "linkedin"),
        (samples.linkedin(samples.LINKEDIN_ROWS, preamble=False, with_url=False), "linkedin"),
        (samples.GOOGLE_CURRENT.encode(), "google"),
        (samples.GOOGLE_LEGACY.encode("utf-8-sig"), "google"),
        (samples.outlook(samples.OUTLOOK_ROWS), "outlook"),
        (samples.OUTLOOK_LEGACY, "outlook"),
        (samples.thunderbird(samples.THUNDERBIRD_ROWS, encoding="cp1252"), "thunderbird"),
        (samples.thunderbird(samples.THUNDERBIRD_ROWS, encoding="utf-8-sig"), "thunderbird"),
        (b'{"format": "contact-journal", "version": 1, "schema": 9, "tables": {}}\n', "json"),
    ],
)
def test_each_format_is_told_by_its_content(data, expected):
    assert detect(data) == expected


def test_a_long_note_in_the_first_rows_does_not_hide_the_header():
    rows = [{"First Name": "A", "Notes": "x" * 300_000}]
    assert detect(samples.outlook(rows)) == "outlook"


@pytest.mark.parametrize(
    "data",
    [b"", b"  \r\n", b"Name,Phone\r\nAna,123\r\n", b'{"format": "other"}', b"\x00\x01\x02\x03binary\x00\xff" * 10],
)
def test_anything_else_is_refused_with_a_reason(data):
    with pytest.raises(ImportFormatError):
        detect(data)
