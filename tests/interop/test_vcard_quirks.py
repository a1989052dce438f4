"""Cards as real producers write them: one fixture per producer quirk (tests/interop/fixtures/vcard).

An unreadable line costs that line, never the card, and every line left out is listed with its
file line number and reason in the parse result's dropped_lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.interop import vcard

FIXTURES = Path(__file__).parent / "fixtures" / "vcard"


def read(name: str) -> vcard.VCardParseResult:
    return vcard.parse((FIXTURES / name).read_bytes())


def dropped(result) -> list[tuple[int, str]]:
    return [(r.line, r.reason) for r in result.dropped_lines]


def test_ios_photo_lines_ending_cr_cr_lf_cost_nothing():
    result = read("ios_photo_cr_cr_lf.vcf")
    (chidi,) = result.records
    assert chidi.name == "Chidi Okafor"
    assert chidi.phones == [("+44 7700 900123", "cell")]
    assert chidi.emails == [("chidi@example.org", "")]
    assert result.rejected == [] and result.dropped_lines == []


def test_kaddressbook_property_with_a_slash_in_its_name_costs_that_line():
    result = read("kaddressbook_slash_in_name.vcf")
    (marta,) = result.records
    assert (marta.name, marta.organisation, marta.emails) == ("Marta Kowalska", "Kowalscy Sp.", [("marta@example.pl", "")])
    assert dropped(result) == [(6, "line dropped: 'X-messaging/gadu-All' is not a valid property name")]


def test_android_comment_lines_are_left_out_and_listed():
    result = read("android_comment_lines.vcf")
    (rui,) = result.records
    assert rui.phones == [("+351 912 000 111", "cell")] and rui.emails == [("rui@example.pt", "home")]
    assert dropped(result) == [(5, "line dropped: a comment line"), (7, "line dropped: a comment line")]


def test_an_undecodable_base64_photo_costs_only_the_photo():
    result = read("undecodable_base64_photo.vcf")
    (lena,) = result.records
    assert (lena.name, lena.role, lena.emails) == ("Lena Berg", "Curator", [("lena@example.se", "")])
    assert dropped(result) == [(4, "the photo's base64 data cannot be decoded; the photo is left out")]


def test_outlook_2003_latin2_quoted_printable_label_keeps_the_card():
    result = read("outlook2003_latin2_qp_label.vcf")
    (jan,) = result.records
    assert (jan.name, jan.organisation) == ("Jan Nowak", "Nowak Handel")
    assert jan.phones == [("+48 12 345 67 89", "work")] and jan.emails == [("jan@example.pl", "")]
    # LABEL is not modelled: kept as written (its quoted-printable bytes undecoded), so nothing is guessed.
    assert jan.extra_lines == ["LABEL;WORK;ENCODING=QUOTED-PRINTABLE:ul. D=B3uga 5=0D=0AKrak=F3w"]
    assert dropped(result) == []


def test_a_modelled_quoted_printable_value_without_a_charset_is_read_as_windows_1252_and_noted():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jan\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Caf=E9\r\nEND:VCARD\r\n"
    result = vcard.parse(data)
    assert result.records[0].notes == "Café"
    ((line, reason),) = dropped(result)
    assert line == 4 and "NOTE" in reason and "declares no CHARSET" in reason


def test_vcard_21_commas_are_literal_and_colons_unescaped():
    (card,) = read("v21_literal_commas.vcf").records
    assert card.name == "Company, The"
    assert card.organisation == "Company, The"
    assert card.notes == "17.02.2016, 19:18 - XING invitation accepted, see profile"
    assert card.website == "http://www.example.com/a,b"


def test_declared_charsets_are_decoded_plain_and_quoted_printable():
    result = read("v21_declared_charsets.vcf")
    (card,) = result.records
    assert card.name == "山田 太郎"
    assert card.organisation == "Café Zoë"
    assert card.notes == "Łódź, ul. Żółta"
    assert card.role == "Černá Hora"
    assert result.dropped_lines == []


def test_a_nested_agent_card_becomes_a_person_of_its_own():
    result = read("v21_nested_agent.vcf")
    assert sorted((r.line, r.name) for r in result.records) == [(1, "Olga Petrova"), (6, "Ivan Sidorov")]
    olga = next(r for r in result.records if r.line == 1)
    assert olga.emails == [("olga@example.ru", "")] and olga.role == "Director"
    ivan = next(r for r in result.records if r.line == 6)
    assert ivan.phones == [("+7 495 000 0000", "work")]
    assert olga.extra_lines == [] and ivan.extra_lines == []  # the AGENT that opens Ivan's card is not a line to keep


def test_a_value_that_is_not_its_declared_charset_costs_that_line():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE;CHARSET=UTF-8:caf\xe9\r\nEMAIL:a@x.example\r\nEND:VCARD\r\n"
    result = vcard.parse(data)
    (ana,) = result.records
    assert ana.emails == [("a@x.example", "")] and ana.notes == ""
    assert dropped(result) == [(4, "line dropped: NOTE: it is not valid UTF-8")]


def test_undeclared_non_utf8_bytes_cost_no_contact_they_are_read_as_windows_1252_and_noted():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana P\xe9rez\r\nEMAIL:ana@example.test\r\nEND:VCARD\r\n"
    result = vcard.parse(data)
    (card,) = result.records
    assert card.name == "Ana Pérez" and card.emails == [("ana@example.test", "")]
    ((line, reason),) = dropped(result)
    assert line == 3 and "FN" in reason and "declares no CHARSET" in reason and "Windows-1252" in reason


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32"])
def test_utf16_and_utf32_with_or_without_a_byte_order_mark(encoding):
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ångström\r\nEMAIL:zoe@example.se\r\nEND:VCARD\r\n"
    (card,) = vcard.parse(text.encode(encoding)).records
    assert card.name == "Zoë Ångström"


def test_text_is_accepted_as_well_as_bytes():
    (card,) = vcard.parse("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Smith, Jo\r\nEND:VCARD\r\n").records
    assert card.name == "Smith, Jo"


def test_an_agent_card_written_inside_a_value_becomes_a_person_or_is_rejected():
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Olga Petrova\r\n"
        "AGENT:BEGIN:VCARD\\nVERSION:3.0\\nFN:Ivan Sidorov\\nORG:Petrova\\\\\\, Ltd.\\nEND:VCARD\\n\r\n"
        "AGENT:BEGIN:VCARD\\nFN:cut off\r\n"
        "END:VCARD\r\n"
    )
    result = vcard.parse(data)
    assert [(r.line, r.name) for r in result.records] == [(1, "Olga Petrova"), (4, "Ivan Sidorov")]
    assert result.records[1].organisation == "Petrova, Ltd."
    assert [(r.line, r.reason) for r in result.rejected] == [(5, "the AGENT card in this line cannot be read")]


def test_undecodable_bytes_in_parameters_cost_that_line():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ana\r\nTEL;CHARSET=SHIFT_JIS;X-\xe9=1:12345\r\nEND:VCARD\r\n"
    result = vcard.parse(data)
    (ana,) = result.records
    assert ana.phones == []
    ((line, reason),) = dropped(result)
    assert line == 4 and reason.startswith("line dropped:")


def test_apple_export_in_utf16_without_a_byte_order_mark():
    (zoe,) = read("apple_utf16_without_bom.vcf").records
    assert (zoe.name, zoe.organisation) == ("Zoë Ångström", "Nordljus AB")
    assert zoe.emails == [("zoe@nordljus.example", "Work")]


def test_a_nested_agent_card_without_a_name_is_listed_as_rejected():
    data = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Olga Petrova\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n"
        "NOTE:the assistant\r\nEND:VCARD\r\nEND:VCARD\r\n"
    )
    result = vcard.parse(data)
    assert [(r.line, r.name) for r in result.records] == [(1, "Olga Petrova")]
    assert [r.line for r in result.rejected] == [5]


def test_line_numbers_after_cr_cr_lf_photo_lines_count_each_line_once():
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chidi\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\r\n BBBB\r\r\n"
        b"X-bad/name:1\r\nEND:VCARD\r\n"
    )
    assert dropped(vcard.parse(data)) == [(6, "line dropped: 'X-bad/name' is not a valid property name")]


def test_an_undeclared_quoted_printable_value_is_read_in_the_charset_the_card_declares_elsewhere():
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-2:Jan Nowak\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE:ul. D=B3uga 5=0D=0AKrak=F3w\r\nEND:VCARD\r\n"
    )
    result = vcard.parse(data)
    (jan,) = result.records
    assert jan.name == "Jan Nowak"
    assert jan.notes == "ul. Długa 5\nKraków"
    ((line, reason),) = dropped(result)
    assert line == 4 and "read as ISO8859-2" in reason


def test_a_comma_nobody_escaped_stays_in_a_one_value_text():
    # Several phones and older Outlook exports write NOTE and TITLE commas bare; vCard 3.0 wants
    # them escaped, and reading one as a list separator would cut the text at the first comma.
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Smith, Dana\r\nTITLE:Head of Sales, EMEA\r\n"
            "NOTE:Lisbon in April, not March. Escaped\\, too\\\\, and a backslash\r\nEND:VCARD\r\n")
    [record] = vcard.parse(text).records
    assert record.name == "Smith, Dana"
    assert record.role == "Head of Sales, EMEA"
    assert record.notes == "Lisbon in April, not March. Escaped, too\\, and a backslash"
