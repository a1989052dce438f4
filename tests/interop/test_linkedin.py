import datetime as dt

import pytest

from journal.interop import linkedin
from journal.interop.records import ImportFormatError
from tests.interop import samples


def test_finds_the_header_after_the_preamble_and_keeps_line_numbers():
    result = linkedin.parse(samples.linkedin(samples.LINKEDIN_ROWS))
    ana, bo = result.records
    assert (ana.line, ana.name, ana.organisation, ana.role) == (5, "Ana Pérez", "Acme, Inc.", "CTO, Platform")
    assert ana.connected_on == dt.date(2024, 3, 12)
    assert ana.linkedin == "https://www.linkedin.com/in/ana-perez"
    assert bo.emails == [("bo@example.com", "")]
    assert [(r.line, r.reason) for r in result.rejected] == [
        (7, "no first or last name"),
        (8, "'Connected On' is 'someday', not a date like 12 Mar 2024"),
    ]


def test_older_export_without_url_column_and_without_preamble():
    result = linkedin.parse(samples.linkedin(samples.LINKEDIN_ROWS, with_url=False, preamble=False))
    assert [r.name for r in result.records] == ["Ana Pérez", "Bo Li"]
    assert all(r.linkedin == "" for r in result.records)
    assert result.records[0].line == 2


def test_quoted_newline_inside_a_cell_counts_physical_lines():
    text = "First Name,Last Name,Company,Connected On\n\"A\",\"B\",\"Two\nLines\",1 Jan 2020\nC,D,E,2 Jan 2020\n"
    result = linkedin.parse(text.encode())
    assert [(r.line, r.name) for r in result.records] == [(2, "A B"), (4, "C D")]


@pytest.mark.parametrize("text, expected", [
    ("12 Mar 2024", dt.date(2024, 3, 12)),
    ("1 September 2019", dt.date(2019, 9, 1)),
    ("2024-03-12", dt.date(2024, 3, 12)),
    ("31 Feb 2024", None),
    ("yesterday", None),
])
def test_connected_on_dates(text, expected):
    assert linkedin.parse_connected_on(text) == expected


def test_a_file_without_the_header_is_refused():
    with pytest.raises(ImportFormatError, match="not a LinkedIn Connections.csv"):
        linkedin.parse(b"Name,Email\nAna,ana@x.com\n")
