"""Every field people expect from a card, and every line the journal does not model kept as written.

Fixtures (tests/interop/fixtures/vcard), one producer each: an iOS 17 export with a photo on
CR CR LF lines, Apple's grouped dates and related names; a Nextcloud/DAVx5 vCard 4.0 card; a
KDE KAddressBook card with its X-KADDRESSBOOK- fields."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
import vobject

from journal.domain.dates import YearlyDate
from journal.interop import vcard
from journal.interop.records import AddressRecord, ContactRecord, DateRecord, PersonOut

FIXTURES = Path(__file__).parent / "fixtures" / "vcard"
FIELDS = [name for name in ContactRecord.__slots__ if name != "line"]


def read(name: str) -> vcard.VCardParseResult:
    return vcard.parse((FIXTURES / name).read_bytes())


def one(text: str) -> ContactRecord:
    (record,) = vcard.parse(text.encode()).records
    return record


def card(*lines: str, version: str = "3.0") -> str:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", "FN:Ana Pérez", *lines, "END:VCARD"]) + "\r\n"


def person_of(record: ContactRecord) -> PersonOut:
    """The person the journal would export for `record`, with the same fields."""
    return PersonOut(**{name: (list(value) if isinstance(value, (list, tuple)) and name != "photo" else value)
                        for name in FIELDS if name in PersonOut.__dataclass_fields__
                        for value in [getattr(record, name)]})


def written_and_read_again(record: ContactRecord) -> ContactRecord:
    text = vcard.person_to_card(person_of(record))
    if not any("QUOTED-PRINTABLE" in line.upper() for line in record.extra_lines):
        vobject.readOne(text)  # the card is standard enough for vobject (a kept 2.1 line may not be)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    (again,) = vcard.parse(text.encode()).records
    return again


def assert_same_fields(a: ContactRecord, b: ContactRecord) -> None:
    assert {k: getattr(a, k) for k in FIELDS} == {k: getattr(b, k) for k in FIELDS}


def test_ios_export_photo_dates_relations_and_profiles():
    result = read("ios17_export_with_photo_and_dates.vcf")
    assert result.rejected == [] and result.dropped_lines == []
    (amara,) = result.records
    assert amara.nickname == "Mara"
    assert amara.dates == [
        DateRecord("birthday", YearlyDate(3, 15)),  # X-APPLE-OMIT-YEAR=1604
        DateRecord("anniversary", YearlyDate(6, 9, 2012)),
        DateRecord("custom", YearlyDate(9, 1, 2019), "Joined Lagos Ventures"),
    ]
    assert amara.relations == [("spouse", "Chinedu Okafor"), ("sister", "Ngozi Eze")]
    assert amara.profiles == [("twitter", "http://twitter.com/amaraok"), ("skype", "skype:amara.okafor")]
    assert amara.linkedin == "http://www.linkedin.com/in/amara-okafor" and amara.website == "https://amara.example"
    assert amara.addresses == [AddressRecord("home", "", "", "12 Admiralty Way", "Lagos", "LA", "106104", "Nigeria")]
    assert amara.location == "Lagos, LA, Nigeria"
    mime, data = amara.photo
    assert mime == "image/jpeg" and " " not in data and base64.b64decode(data).startswith(b"\xff\xd8")
    # PRODID describes the file and is not kept; X-ABADR and X-ABUID are not modelled and are.
    assert amara.extra_lines == ["item2.X-ABADR:ng", "X-ABUID:5C1F7A2E-1B7E-4C7A-9C55-0E6D9B5C2A11:ABPerson",
                                 "ORG:Lagos Ventures;Investments"]  # the department, given back whole


def test_nextcloud_40_card_related_impp_data_uri_photo_and_anniversary():
    result = read("nextcloud_v40_related_impp_data_uri.vcf")
    (ines,) = result.records
    assert ines.nickname == "Nês, Inesita"
    assert ines.dates == [DateRecord("birthday", YearlyDate(8, 2)), DateRecord("anniversary", YearlyDate(5, 15, 2010))]
    assert ines.profiles == [("xmpp", "xmpp:ines@jabber.example"), ("sip", "sip:ines@voip.example")]
    assert ines.relations == [("spouse", "Rui Carvalho")]
    assert ines.photo[0] == "image/png" and base64.b64decode(ines.photo[1]).startswith(b"\x89PNG")
    assert ines.addresses == [AddressRecord("work", street="Rua Augusta 1", locality="Lisboa", postcode="1100-048",
                                            country="Portugal")]
    # A RELATED that points at another card (urn:uuid) names no one: kept as it was.
    assert ines.extra_lines == [
        "KIND:individual", "GENDER:F", "RELATED;TYPE=friend:urn:uuid:0b5e2b6c-7f0d-4e6e-8a52-1c2d3e4f5a6b",
        "LANG;PREF=1:pt-PT", "TZ:Europe/Lisbon", "GEO:geo:38.7139,-9.1394",
        "CLIENTPIDMAP:1;urn:uuid:53e374d9-337e-4727-8803-a1e9c14e0556",
    ]


def test_kaddressbook_fields_and_a_29_february_birthday():
    (zofia,) = read("kaddressbook_x_fields.vcf").records
    assert zofia.dates == [DateRecord("birthday", YearlyDate(2, 29, 1976)), DateRecord("anniversary", YearlyDate(7, 23, 2005))]
    assert zofia.relations == [("assistant", "Ewa Sekretarz"), ("manager", "Jan Dziekan"), ("spouse", "Tomasz Nowicki")]
    assert "X-KADDRESSBOOK-X-Profession:Inżynier" in zofia.extra_lines
    assert zofia.extra_lines[0] == "CLASS:PUBLIC"


@pytest.mark.parametrize("name", ["ios17_export_with_photo_and_dates.vcf", "nextcloud_v40_related_impp_data_uri.vcf",
                                  "kaddressbook_x_fields.vcf", "ios_photo_cr_cr_lf.vcf", "v21_declared_charsets.vcf",
                                  "v21_literal_commas.vcf", "outlook2003_latin2_qp_label.vcf"])
def test_each_fixture_written_and_read_again_gives_the_same_fields(name):
    for record in read(name).records:
        assert_same_fields(record, written_and_read_again(record))


@pytest.mark.parametrize(("line", "expected"), [
    ("BDAY:1980-04-02", DateRecord("birthday", YearlyDate(4, 2, 1980))),
    ("BDAY:19800402", DateRecord("birthday", YearlyDate(4, 2, 1980))),
    ("BDAY:--04-02", DateRecord("birthday", YearlyDate(4, 2))),
    ("BDAY:--0402", DateRecord("birthday", YearlyDate(4, 2))),
    ("BDAY;VALUE=date:1980-04-02T00:00:00Z", DateRecord("birthday", YearlyDate(4, 2, 1980))),
    ("BDAY:1900-04-02", DateRecord("birthday", YearlyDate(4, 2))),
    ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29", DateRecord("birthday", YearlyDate(2, 29))),
    ("ANNIVERSARY:20100515", DateRecord("anniversary", YearlyDate(5, 15, 2010))),
    ("X-ANNIVERSARY:2010-05-15", DateRecord("anniversary", YearlyDate(5, 15, 2010))),
    ("X-EVOLUTION-ANNIVERSARY:2010-05-15", DateRecord("anniversary", YearlyDate(5, 15, 2010))),
    ("X-KADDRESSBOOK-X-Anniversary:2010-05-15", DateRecord("anniversary", YearlyDate(5, 15, 2010))),
    ("X-MS-ANNIVERSARY:20100515", DateRecord("anniversary", YearlyDate(5, 15, 2010))),
    ("BDAY:2000-02-29", DateRecord("birthday", YearlyDate(2, 29, 2000))),
])
def test_each_date_form(line, expected):
    assert one(card(line)).dates == [expected]


def test_grouped_apple_dates_take_their_kind_from_the_label():
    record = one(card("item1.X-ABDATE:2001-06-09", "item1.X-ABLabel:_$!<Anniversary>!$_",
                      "item2.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-11-11", "item2.X-ABLabel:Name day",
                      "item3.X-ABDATE:2015-03-01", "item3.X-ABLabel:Work anniversary", "X-ABDATE:2020-01-01"))
    assert record.dates == [DateRecord("anniversary", YearlyDate(6, 9, 2001)), DateRecord("custom", YearlyDate(11, 11), "Name day"),
                            DateRecord("work_anniversary", YearlyDate(3, 1, 2015)), DateRecord("custom", YearlyDate(1, 1, 2020))]


def test_an_unreadable_date_costs_that_line_and_is_listed():
    result = vcard.parse(card("BDAY:sometime in spring", "ANNIVERSARY:2001-02-29", "EMAIL:ana@x.example").encode())
    (ana,) = result.records
    assert ana.dates == [] and ana.emails == [("ana@x.example", "")]
    assert [(r.line, r.reason.split(":")[0]) for r in result.dropped_lines] == [(4, "line dropped"), (5, "line dropped")]
    assert "BDAY" in result.dropped_lines[0].reason and "2001 has no 29 February" in result.dropped_lines[1].reason


def test_every_address_with_its_label_and_location_from_the_first():
    record = one(card("ADR;TYPE=home:PO 1;Flat 2;1 Main St\\, Back;Lisbon;Lx;1000;Portugal",
                      "item1.ADR:;;5 Side Rd;Porto;;4000;Portugal", "item1.X-ABLabel:Summer house", "ADR:;;;;;;"))
    assert record.addresses == [AddressRecord("home", "PO 1", "Flat 2", "1 Main St, Back", "Lisbon", "Lx", "1000", "Portugal"),
                                AddressRecord("Summer house", "", "", "5 Side Rd", "Porto", "", "4000", "Portugal")]
    assert record.location == "Lisbon, Lx, Portugal"


def test_nicknames_of_one_or_several_lines():
    assert one(card("NICKNAME:Ani")).nickname == "Ani"
    assert one(card("NICKNAME:Ani,Nana", "NICKNAME:Pé")).nickname == "Ani, Nana, Pé"
    assert one(card("NICKNAME:Ana\\, the Great", version="3.0")).nickname == "Ana, the Great"
    assert one(card("NICKNAME:Ani,Nana", version="2.1")).nickname == "Ani, Nana"


def test_photos_of_each_version_and_those_that_are_kept_as_lines():
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    v21 = one(card("PHOTO;ENCODING=BASE64;TYPE=GIF:", " R0lGODlhAQABAIAAAP", " ///wAAACwAAAAAAQABAAACAkQBADs=", "",
                   "TEL:1", version="2.1"))
    assert v21.photo == ("image/gif", "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=") and v21.phones == [("1", "")]
    assert one(card(f"PHOTO;ENCODING=b;TYPE=PNG:{png}")).photo == ("image/png", png)
    assert one(card(f"PHOTO;ENCODING=b:{png}")).photo == ("image/png", png)  # no TYPE: told by its bytes
    assert one(card(f"PHOTO:data:image/png;base64,{png}", version="4.0")).photo == ("image/png", png)
    url = one(card("PHOTO;VALUE=uri:https://example.com/ana.jpg"))
    assert url.photo is None and url.extra_lines == ["PHOTO;VALUE=uri:https://example.com/ana.jpg"]
    second = one(card(f"PHOTO;ENCODING=b;TYPE=PNG:{png}", f"PHOTO;ENCODING=b;TYPE=PNG:{png[:40]}", f" {png[40:]}"))
    assert second.photo == ("image/png", png) and second.extra_lines == [f"PHOTO;ENCODING=b;TYPE=PNG:{png}"]


def test_logo_sound_and_key_are_kept_unfolded_without_reaching_vobject():
    record = one(card("LOGO;ENCODING=b;TYPE=PNG:iVBORw0K", " GgoAAAAN", "KEY;ENCODING=b:MIICajCC",
                      "SOUND;VALUE=uri:https://example.com/ana.ogg", "item1.LOGO;VALUE=uri:https://x.example/l.png"))
    assert record.photo is None
    assert record.extra_lines == ["LOGO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAAN", "KEY;ENCODING=b:MIICajCC",
                                  "SOUND;VALUE=uri:https://example.com/ana.ogg", "item1.LOGO;VALUE=uri:https://x.example/l.png"]
    bad = vcard.parse(card("KEY;ENCODING=b:not*base64").encode())
    assert bad.records[0].extra_lines == []
    assert [(r.line, r.reason) for r in bad.dropped_lines] == [(4, "the KEY's base64 data cannot be decoded; the KEY is left out")]


def test_messaging_and_social_profiles():
    record = one(card(
        "IMPP;X-SERVICE-TYPE=Jabber;type=HOME:xmpp:ana@jabber.example", "IMPP:sip:ana@voip.example", "IMPP:ana-handle",
        "X-SOCIALPROFILE;type=twitter;x-user=ana:http://twitter.com/ana", "X-SOCIALPROFILE:https://social.example/@ana",
        "X-AIM:ana_aim", "X-JABBER;TYPE=HOME:ana@jabber.org", "X-ICQ:123456", "X-MSN:ana@msn.example", "X-YAHOO:ana_y",
        "X-SKYPE:ana.skype", "X-SKYPE-USERNAME:ana.s", "X-TWITTER:@ana", "X-GOOGLE-TALK:ana@gmail.example",
        "X-GADUGADU:98765", "URL:https://ana.example", "URL;TYPE=work:https://acme.example/ana",
        "item1.URL:https://blog.example", "item1.X-ABLabel:Blog",
    ))
    assert record.website == "https://ana.example"
    assert record.profiles == [
        ("work", "https://acme.example/ana"), ("blog", "https://blog.example"),
        ("jabber", "xmpp:ana@jabber.example"), ("sip", "sip:ana@voip.example"), ("impp", "ana-handle"),
        ("twitter", "http://twitter.com/ana"), ("social", "https://social.example/@ana"), ("aim", "ana_aim"),
        ("jabber", "ana@jabber.org"), ("icq", "123456"), ("msn", "ana@msn.example"), ("yahoo", "ana_y"),
        ("skype", "ana.skype"), ("skype", "ana.s"), ("twitter", "@ana"), ("googletalk", "ana@gmail.example"),
        ("gadugadu", "98765"),
    ]
    assert record.extra_lines == []


def test_linkedin_from_a_url_or_a_social_profile_is_kept_once():
    record = one(card("X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/ana",
                      "URL:https://linkedin.com/in/ana/", "X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/ana-2"))
    assert record.linkedin == "https://linkedin.com/in/ana/"
    assert record.profiles == [("linkedin", "https://www.linkedin.com/in/ana-2")]


def test_relations_of_every_producer():
    record = one(card(
        "RELATED;TYPE=spouse:Rui", "RELATED;TYPE=child;VALUE=text:Inês", "RELATED;VALUE=uri:https://example.com/bo",
        "item1.X-ABRELATEDNAMES:Maria", "item1.X-ABLabel:_$!<Mother>!$_", "item2.X-ABRELATEDNAMES:Joe",
        "item2.X-ABLabel:Godfather", "X-SPOUSE:Rui P", "X-MANAGER:Boss", "X-ASSISTANT:Aide",
        "X-EVOLUTION-SPOUSE:Rui E", "X-EVOLUTION-MANAGER:Boss E", "X-EVOLUTION-ASSISTANT:Aide E",
        "X-KADDRESSBOOK-X-SpouseName:Rui K", "X-KADDRESSBOOK-X-ManagersName:Boss K",
        "X-KADDRESSBOOK-X-AssistantsName:Aide K",
    ))
    assert record.relations == [
        ("spouse", "Rui"), ("child", "Inês"), ("mother", "Maria"), ("Godfather", "Joe"), ("spouse", "Rui P"),
        ("manager", "Boss"), ("assistant", "Aide"), ("spouse", "Rui E"), ("manager", "Boss E"), ("assistant", "Aide E"),
        ("spouse", "Rui K"), ("manager", "Boss K"), ("assistant", "Aide K"),
    ]
    assert record.extra_lines == ["RELATED;VALUE=uri:https://example.com/bo"]


def test_several_organisations_paired_with_their_titles_by_order_or_group():
    record = one(card("ORG:Acme;R&D", "TITLE:CTO", "ORG:Board Co", "TITLE:Advisor", "ORG:Charity"))
    assert (record.organisation, record.role) == ("Acme", "CTO")
    assert record.other_jobs == [("Board Co", "Advisor"), ("Charity", "")]
    grouped = one(card("ORG:Acme", "item1.TITLE:Chair", "TITLE:CTO", "item1.ORG:Club"))
    assert (grouped.organisation, grouped.role, grouped.other_jobs) == ("Acme", "CTO", [("Club", "Chair")])


def test_every_line_not_modelled_is_kept_as_written_in_file_order():
    record = one(card(
        "PRODID:-//Apple Inc.//macOS 14//EN", "REV:2024-01-01T00:00:00Z", "X-FOO;X-A=\"a:b;c\";Y=1,2:v\\,a;l\\nue",
        "GENDER:F", "item1.EMAIL:ana@x.example", "item1.X-ABLabel:Work", "item2.X-ABLabel:orphan",
        "item3.X-THING:1", "item3.X-ABLabel:thing", "IMPP;X-SERVICE-TYPE=Skype:skype:ana", "item4.IMPP:aim:ana",
        "item4.X-ABLabel:_$!<Other>!$_",
        "LABEL;TYPE=HOME;ENCODING=QUOTED-PRINTABLE:1 Main St=0D=0ALisbon", "X-Ünïcode-free:ü,ß;€",
    ))
    assert record.emails == [("ana@x.example", "Work")]
    assert record.extra_lines == [
        "X-FOO;X-A=\"a:b;c\";Y=1,2:v\\,a;l\\nue", "GENDER:F", "item2.X-ABLabel:orphan", "item3.X-THING:1",
        "item3.X-ABLabel:thing", "item4.X-ABLabel:_$!<Other>!$_", "LABEL;TYPE=HOME;ENCODING=QUOTED-PRINTABLE:1 Main St=0D=0ALisbon",
    ]


def test_21_quoted_printable_soft_breaks_are_joined_in_a_kept_line():
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jan\r\nX-NOTE2;ENCODING=QUOTED-PRINTABLE:first=\r\nsecond=0D=0Athird\r\n"
            "END:VCARD\r\n")
    assert one(text).extra_lines == ["X-NOTE2;ENCODING=QUOTED-PRINTABLE:firstsecond=0D=0Athird"]


def test_a_kept_line_in_a_declared_charset_is_kept_decoded():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nX-CITY;CHARSET=ISO-8859-1:Mal\xe9\r\nEND:VCARD\r\n"
    (ana,) = vcard.parse(data).records
    assert ana.extra_lines == ["X-CITY:Malé"]


def test_the_writer_writes_every_field_for_vobject():
    person = PersonOut(
        uid="u1", name="Ana Pérez", nickname="Ani, Nana", organisation="Acme", role="CTO", other_jobs=[("Club", "Chair")],
        emails=[("ana@x.example", "Private mail")], phones=[("+1", "work, fax")], website="https://ana.example",
        dates=[DateRecord("birthday", YearlyDate(4, 2)), DateRecord("anniversary", YearlyDate(6, 9, 2001)),
               DateRecord("custom", YearlyDate(2, 29), "Leap day")],
        addresses=[AddressRecord("home", street="1 Main St; Back", locality="Lisbon", country="Portugal")],
        profiles=[("skype", "ana.s"), ("twitter", "https://twitter.com/ana"), ("blog", "https://blog.example")],
        relations=[("spouse", "Rui"), ("Godfather", "Joe")], photo=("image/png", "iVBORw0KGgo=" * 40),
        extra_lines=["item1.X-ABADR:pt", "X-LONG;X-P=\"a:b\":" + "é" * 80],
    )
    text = vcard.person_to_card(person)
    component = vobject.readOne(text)
    assert component.nickname.value == "Ani, Nana"
    assert component.bday.value == "--04-02"
    groups = [p.group for p in component.contents["x-abdate"]]
    assert len(set(groups)) == 2 and "item1" not in groups
    assert "item1" not in {p.group for p in component.getChildren() if p.name != "X-ABADR"}  # kept lines' groups are not reused
    assert component.adr.value.street == "1 Main St; Back"
    assert component.photo.params["ENCODING"] == ["b"] and component.photo.params["TYPE"] == ["PNG"]
    assert [p.value for p in component.contents["impp"]] == ["ana.s"]
    assert text.count("\r\n ") >= 8  # the photo and the long kept line are folded
    again = one(text)
    assert again.profiles == [("blog", "https://blog.example"), ("skype", "ana.s"), ("twitter", "https://twitter.com/ana")]
    for name in ("nickname", "other_jobs", "emails", "phones", "website", "dates", "addresses", "relations", "photo",
                 "extra_lines"):
        assert getattr(again, name) == getattr(person, name), name


def test_folding_never_ends_a_line_on_an_equals_sign_a_reader_would_take_for_a_soft_break():
    kept = "X-NOTE;ENCODING=QUOTED-PRINTABLE:" + "=41" * 40
    text = vcard.person_to_card(PersonOut(uid="u", name="Jan", extra_lines=[kept]))
    assert all(not line.endswith("=") for line in text.split("\r\n"))
    assert one(text).extra_lines == [kept]


def test_write_then_read_keeps_a_person_with_no_addresses_but_a_location():
    stream = io.StringIO()
    vcard.write([PersonOut(uid="u", name="Bo", location="Lisbon")], stream)
    again = one(stream.getvalue())
    assert again.location == "Lisbon" and again.addresses == [AddressRecord(locality="Lisbon")]


def test_an_organisation_with_departments_is_written_back_whole_while_the_person_is_there():
    text = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nORG:Acme\\, Inc.;Engineering;Platform\r\nTITLE:CTO\r\n"
            b"item1.ORG:Globex;Research\r\nitem1.TITLE:Adviser\r\nEND:VCARD\r\n")
    (card,) = vcard.parse(text).records
    assert (card.organisation, card.role, card.other_jobs) == ("Acme, Inc.", "CTO", [("Globex", "Adviser")])
    assert card.extra_lines == ["ORG:Acme\\, Inc.;Engineering;Platform"]
    person = person_of(card)
    written = vcard.person_to_card(person)
    assert "\r\nORG:Acme\\, Inc.;Engineering;Platform\r\n" in written and written.count("ORG") == 2
    vobject.readOne(written)
    (again,) = vcard.parse(written.encode()).records
    assert (again.organisation, again.extra_lines) == ("Acme, Inc.", card.extra_lines)
    person.organisation = "Initech"  # they moved: the old departments are not written under the new name
    moved = vcard.person_to_card(person)
    assert "\r\nORG:Initech\r\n" in moved and "Engineering" not in moved
