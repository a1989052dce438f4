import pytest

from journal.interop import google_csv
from journal.interop.records import ImportFormatError
from tests.interop import samples


def test_current_header_generation():
    result = google_csv.parse(samples.GOOGLE_CURRENT.encode())
    dana, eve = result.records
    assert (dana.line, dana.name, dana.organisation, dana.role) == (2, "Dana Smith", "Umbrella", "Head of Data")
    assert dana.emails == [("dana@work.com", "Work"), ("dana.smith@work.com", "Work"), ("dana@home.net", "Home")]
    assert dana.phones == [("+44 20 7946 0958", "Mobile")]
    assert dana.tags == ["Mentors", "Python"]
    assert dana.linkedin == "https://www.linkedin.com/in/danasmith"
    assert dana.location == "London, UK"
    assert eve.tags == []  # "* starred" is Google's own group
    assert [(r.line, r.reason) for r in result.rejected] == [(3, "no name and no e-mail address")]


def test_legacy_header_generation():
    (frank,) = google_csv.parse(samples.GOOGLE_LEGACY.encode()).records
    assert frank.name == "Frank Ocean"
    assert frank.notes == "Notes, with a comma"
    assert frank.emails == [("frank@ocean.io", "Home"), ("f@ocean.io", "Home")]
    assert frank.tags == ["Friends"]
    assert (frank.organisation, frank.role, frank.website) == ("Blonde Co", "Singer", "https://frank.example")


def test_columns_are_read_by_name_not_position():
    text = "Organization Name,E-mail 1 - Value,Last Name,First Name\nInitech,p@initech.com,Gibbons,Peter\n"
    (peter,) = google_csv.parse(text.encode()).records
    assert (peter.name, peter.organisation, peter.emails) == ("Peter Gibbons", "Initech", [("p@initech.com", "")])


def test_a_linkedin_file_is_not_a_google_file():
    with pytest.raises(ImportFormatError, match="not a Google Contacts CSV"):
        google_csv.parse(samples.linkedin(samples.LINKEDIN_ROWS))
