from pathlib import Path

import pytest

from journal.domain.dates import YearlyDate
from journal.interop import google_csv
from journal.interop.records import AddressRecord, DateRecord, ImportFormatError
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


FIXTURE = Path(__file__).parent / "fixtures" / "csv" / "google_contacts_current.csv"


def test_google_export_with_dates_addresses_relations_profiles_and_organisations():
    """A Google Contacts export (current header): Birthday --MM-DD, events, two addresses, relations."""
    result = google_csv.parse(FIXTURE.read_bytes())
    dana, eve = result.records
    assert dana.nickname == "Dee"
    assert dana.dates == [DateRecord("birthday", YearlyDate(4, 2)), DateRecord("anniversary", YearlyDate(9, 17, 2011)),
                          DateRecord("custom", YearlyDate(6, 30), "Graduation")]
    assert dana.addresses == [
        AddressRecord("home", extended="Flat 2", street="10 Downing Way", locality="London", postcode="SW1A 2AA", country="UK"),
        AddressRecord("work", po_box="PO Box 42", street="1 Canada Square", locality="London", region="Greater London",
                      postcode="E14 5AB", country="United Kingdom"),
    ]
    assert dana.location == "London, UK"
    assert dana.relations == [("spouse", "Sam Smith"), ("child", "Alex Smith"), ("child", "Robin Smith")]
    assert (dana.linkedin, dana.website) == ("https://www.linkedin.com/in/danasmith", "https://dana.example")
    assert dana.profiles == [("portfolio", "https://dana.example/work"), ("skype", "dana.smith")]
    assert (dana.organisation, dana.role, dana.other_jobs) == ("Umbrella", "Head of Data", [("Hive Labs", "Advisor")])
    # 29 February with its year; an event that is no date is passed over, the contact still comes in.
    assert (eve.line, eve.dates) == (6, [DateRecord("birthday", YearlyDate(2, 29, 1992))])


def test_legacy_header_numbered_organisations_events_and_im():
    text = (
        "Name,Given Name,Family Name,Birthday,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,"
        "Organization 2 - Type,Organization 2 - Name,Organization 2 - Title,Event 1 - Type,Event 1 - Value,"
        "IM 1 - Type,IM 1 - Service,IM 1 - Value,Address 1 - Type,Address 1 - Formatted,Relation 1 - Type,"
        "Relation 1 - Value\r\n"
        "Frank Ocean,Frank,Ocean,1987-10-28,,Blonde Co,Singer,,Odd Future,Member,Other,--12-01,Home,Jabber,f@jab.example,"
        "Home,1 Channel St Los Angeles,Manager,Kevin\r\n"
    )
    (frank,) = google_csv.parse(text.encode()).records
    assert (frank.organisation, frank.role, frank.other_jobs) == ("Blonde Co", "Singer", [("Odd Future", "Member")])
    assert frank.dates == [DateRecord("birthday", YearlyDate(10, 28, 1987)), DateRecord("custom", YearlyDate(12, 1))]
    assert frank.profiles == [("jabber", "f@jab.example")]
    assert frank.addresses == [AddressRecord("home", street="1 Channel St Los Angeles")]
    assert frank.relations == [("manager", "Kevin")]
