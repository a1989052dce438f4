from pathlib import Path

import pytest

from journal.domain.dates import YearlyDate
from journal.interop import outlook_csv
from journal.interop.records import AddressRecord, DateRecord, ImportFormatError
from tests.interop import samples


def test_an_outlook_export_becomes_records():
    result = outlook_csv.parse(samples.outlook(samples.OUTLOOK_ROWS))
    assert result.format == "outlook"
    grace, mail_only, rene = result.records
    assert (grace.line, grace.name, grace.organisation, grace.role) == (2, "Grace B. Hopper", "US Navy", "Rear Admiral")
    assert grace.emails == [("grace@navy.example", ""), ("grace.hopper@home.example", "")]
    assert grace.phones == [("+1 202 555 0199", "Mobile"), ("+1 202 555 0101", "Work")]
    assert grace.location == "Arlington, VA, United States"
    assert grace.linkedin == "https://www.linkedin.com/in/gracehopper" and grace.website == ""
    assert grace.notes == "Met at the COBOL meeting.\nSecond line, with a comma."
    assert grace.tags == ["Mentors", "Navy"]
    assert (mail_only.line, mail_only.name, mail_only.tags) == (5, "only.mail@example.com", [])
    assert (rene.name, rene.location, rene.website) == ("René Lévesque", "Montréal", "http://rene.example")
    assert [(r.line, r.reason) for r in result.rejected] == [(4, "no name and no e-mail address")]


def test_the_multi_line_note_moves_the_line_numbers_on():
    rows = [{"First Name": "A", "Notes": "one\r\ntwo\r\nthree"}, {"First Name": "B"}]
    a, b = outlook_csv.parse(samples.outlook(rows)).records
    assert (a.line, b.line) == (2, 5)


def test_an_old_outlook_file_in_the_windows_code_page():
    (juergen,) = outlook_csv.parse(samples.OUTLOOK_LEGACY).records
    assert (juergen.name, juergen.organisation, juergen.role) == ("Jürgen Müller", "Stark Industries", "Ingenieur")
    assert juergen.emails == [("juergen@stark.example", "")]  # the Exchange path is not an address
    assert juergen.location == "Köln, Deutschland"
    assert juergen.notes == "Läuft über\nzwei Zeilen"
    assert juergen.tags == ["Kunden"]


def test_columns_are_read_by_name_with_missing_and_extra_columns():
    text = "Company,Last Name,E-mail Address,First Name,Mystery\nInitech,Gibbons,p@initech.com,Peter,x\n\n,Short\n"
    result = outlook_csv.parse(text.encode())
    peter, short = result.records
    assert (peter.name, peter.organisation, peter.emails) == ("Peter Gibbons", "Initech", [("p@initech.com", "")])
    assert (short.line, short.name) == (4, "Short")


def test_too_many_columns_is_rejected_with_its_line():
    text = "First Name,Last Name,E-mail Address\nA,B,a@b.c,1,2,3,4\n"
    result = outlook_csv.parse(text.encode())
    assert [(r.line, r.reason) for r in result.rejected] == [(2, "7 columns where the header has 3")]


def test_another_csv_is_not_an_outlook_file():
    with pytest.raises(ImportFormatError, match="not an Outlook contacts CSV"):
        outlook_csv.parse(samples.GOOGLE_CURRENT.encode())
    with pytest.raises(ImportFormatError, match="not an Outlook contacts CSV"):
        outlook_csv.parse(samples.thunderbird(samples.THUNDERBIRD_ROWS))
    with pytest.raises(ImportFormatError, match="not an Outlook contacts CSV"):
        outlook_csv.parse(b"")


def test_a_german_outlook_header():
    result = outlook_csv.parse(samples.OUTLOOK_GERMAN)
    (kaethe,) = result.records
    assert (kaethe.name, kaethe.organisation, kaethe.role) == ("Käthe Schröder", "Bäckerei Schröder GmbH", "Inhaberin")
    assert kaethe.emails == [("kaethe@baeckerei.example", "")]
    assert kaethe.phones == [("+49 170 1234567", "Mobile"), ("+49 89 123456", "Work")]
    assert kaethe.location == "München, Bayern, Deutschland"
    assert (kaethe.notes, kaethe.website, kaethe.tags) == ("Brötchen jeden Morgen", "https://baeckerei.example", ["Lieferanten"])
    assert [(r.line, r.reason) for r in result.rejected] == [(3, "no name and no e-mail address")]


def test_the_display_name_names_a_row_without_first_and_last_name():
    text = (
        "First Name,Last Name,E-mail Address,E-mail Type,E-mail Display Name\r\n"
        ",,ana@example.com,SMTP,Ana Pérez (ana@example.com)\r\n"
        ",,bo@example.com,INTERNET,bo@example.com\r\n"
    )
    ana, bo = outlook_csv.parse(text.encode()).records
    assert (ana.name, ana.emails) == ("Ana Pérez", [("ana@example.com", "")])
    assert (bo.name, bo.emails) == ("bo@example.com", [("bo@example.com", "")])


def test_a_file_a_spreadsheet_saved_with_semicolons():
    text = 'Vorname;Nachname;E-Mail-Adresse;Firma;Notizen\r\nKäthe;Schröder;k@b.example;Bäckerei;"eins; zwei"\r\n'
    (kaethe,) = outlook_csv.parse(text.encode("cp1252")).records
    assert (kaethe.name, kaethe.organisation, kaethe.notes) == ("Käthe Schröder", "Bäckerei", "eins; zwei")


FIXTURE = Path(__file__).parent / "fixtures" / "csv" / "outlook_us_export.csv"


def test_outlook_us_export_with_dates_addresses_and_relations():
    """Outlook's own export (Windows code page, every column, 0/0/00 where there is no date)."""
    grace, alan = outlook_csv.parse(FIXTURE.read_bytes()).records
    assert grace.nickname == "Amazing Grace"
    assert grace.dates == [DateRecord("birthday", YearlyDate(12, 9, 1906)), DateRecord("anniversary", YearlyDate(6, 15, 1930))]
    assert grace.addresses == [
        AddressRecord("work", po_box="PO Box 7", street="1000 Navy Pentagon, Room 4E", locality="Arlington", region="VA",
                      postcode="22202", country="United States of America"),
        AddressRecord("home", street="12 Elm St", locality="New York", region="NY", postcode="10001",
                      country="United States of America"),
    ]
    assert grace.relations == [("spouse", "Vincent Hopper"), ("manager", "Chester Nimitz"), ("assistant", "Jean Sammet")]
    assert grace.website == "https://grace.example"
    assert alan.dates == [DateRecord("birthday", YearlyDate(5, 17, 1940))]  # the 0/0/00 anniversary is none


def test_a_german_outlook_writes_day_first_dates():
    text = ("Vorname;Nachname;E-Mail-Adresse;Geburtstag;Jahrestag;Partner;Webseite;Persönliche Webseite\r\n"
            "Käthe;Schröder;k@b.example;2.4.1980;0.0.00;Fritz;https://www.linkedin.com/in/k;https://k.example\r\n")
    (kaethe,) = outlook_csv.parse(text.encode("cp1252")).records
    assert kaethe.dates == [DateRecord("birthday", YearlyDate(4, 2, 1980))]
    assert kaethe.relations == [("spouse", "Fritz")]
    assert (kaethe.linkedin, kaethe.website) == ("https://www.linkedin.com/in/k", "https://k.example")
