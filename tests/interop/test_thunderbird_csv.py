from pathlib import Path

import pytest

from journal.domain.dates import YearlyDate
from journal.interop import thunderbird_csv
from journal.interop.records import AddressRecord, DateRecord, ImportFormatError
from tests.interop import samples


def test_a_thunderbird_export_becomes_records():
    result = thunderbird_csv.parse(samples.thunderbird(samples.THUNDERBIRD_ROWS))
    assert result.format == "thunderbird"
    linus, mailing_list, zoe = result.records
    assert (linus.line, linus.name, linus.organisation, linus.role) == (2, "Linus Torvalds", "Linux Foundation", "Fellow")
    assert linus.emails == [("linus@kernel.example", ""), ("lt@home.example", "")]
    assert linus.phones == [("+1 503 555 0112", "Mobile"), ("+1 503 555 0111", "Work")]
    assert (linus.website, linus.linkedin) == ("https://kernel.example", "https://www.linkedin.com/in/linus")
    assert linus.location == "Portland, OR, USA"
    assert linus.notes == 'Kernel maintainer.\nLikes "git", hates C++.'
    assert (mailing_list.line, mailing_list.name) == (5, "list@lists.example")
    assert (zoe.name, zoe.location) == ("Zoë Keating", "Vermont")
    assert [(r.line, r.reason) for r in result.rejected] == [(4, "no name and no e-mail address")]


def test_the_display_name_wins_over_first_and_last():
    rows = [{"First Name": "Bob", "Last Name": "Smith", "Display Name": "Robert Smith"}]
    (bob,) = thunderbird_csv.parse(samples.thunderbird(rows)).records
    assert bob.name == "Robert Smith"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_each_encoding_thunderbird_writes(encoding):
    (zoe,) = thunderbird_csv.parse(samples.thunderbird([{"First Name": "Zoë", "Last Name": "Keating"}], encoding=encoding)).records
    assert zoe.name == "Zoë Keating"


def test_columns_are_read_by_name_and_short_rows_are_fine():
    text = "Primary Email,Display Name,Last Name,First Name\r\nann@x.example,Ann X\r\n"
    (ann,) = thunderbird_csv.parse(text.encode()).records
    assert (ann.name, ann.emails) == ("Ann X", [("ann@x.example", "")])


def test_another_csv_is_not_a_thunderbird_file():
    with pytest.raises(ImportFormatError, match="not a Thunderbird address-book CSV"):
        thunderbird_csv.parse(samples.outlook(samples.OUTLOOK_ROWS))
    with pytest.raises(ImportFormatError, match="not a Thunderbird address-book CSV"):
        thunderbird_csv.parse(samples.linkedin(samples.LINKEDIN_ROWS))


def test_a_file_a_spreadsheet_saved_with_semicolons():
    data = samples.thunderbird(samples.THUNDERBIRD_ROWS).decode().replace(",", ";").encode("cp1252", "replace")
    result = thunderbird_csv.parse(data)
    assert [r.name for r in result.records] == ["Linus Torvalds", "list@lists.example", "Zoë Keating"]


FIXTURE = Path(__file__).parent / "fixtures" / "csv" / "thunderbird_export.csv"


def test_thunderbird_export_with_birthday_parts_addresses_and_handles():
    linus, ada = thunderbird_csv.parse(FIXTURE.read_bytes()).records
    assert linus.nickname == "torvalds"
    assert linus.dates == [DateRecord("birthday", YearlyDate(12, 28, 1969))]
    assert linus.addresses == [
        AddressRecord("home", extended="Apt 3", street="1 Penguin Lane", locality="Portland", region="OR", postcode="97201",
                      country="USA"),
        AddressRecord("work", street="1 Letterman Dr", locality="San Francisco", region="CA", postcode="94129", country="USA"),
    ]
    assert (linus.website, linus.profiles) == ("https://kernel.example", [("url", "https://github.com/torvalds"), ("aim", "linus_irc")])
    assert ada.dates == [DateRecord("birthday", YearlyDate(12, 10))]  # no Birth Year


@pytest.mark.parametrize(("year", "month", "day", "expected"), [
    ("2000", "2", "29", [DateRecord("birthday", YearlyDate(2, 29, 2000))]),
    ("", "2", "29", [DateRecord("birthday", YearlyDate(2, 29))]),
    ("1999", "2", "29", []),
    ("", "13", "1", []),
    ("", "", "", []),
])
def test_birthday_columns(year, month, day, expected):
    rows = [{"Display Name": "Ann", "Birth Year": year, "Birth Month": month, "Birth Day": day}]
    (ann,) = thunderbird_csv.parse(samples.thunderbird(rows)).records
    assert ann.dates == expected


def test_nick_name_and_chat_name_columns():
    text = "First Name,Last Name,Display Name,Primary Email,Nick Name,Chat Name\r\nA,B,A B,a@b.example,Bee,a@chat.example\r\n"
    (ab,) = thunderbird_csv.parse(text.encode()).records
    assert (ab.nickname, ab.profiles) == ("Bee", [("chat", "a@chat.example")])
