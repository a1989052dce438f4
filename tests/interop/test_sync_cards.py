"""A person as a vCard for CardDAV and back (journal.interop.sync_cards): every value comes back
exactly, every line of the server's copy the journal does not model is kept, and cards as iOS,
DAVx5, Nextcloud and Thunderbird write them are read."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.dates import YearlyDate
from journal.errors import JournalError
from journal.interop import vcard
from journal.interop.sync_cards import PERSON_KEYS, CardFields, ItemFormatError, read_card, write_card
from tests.interop.test_vcard_roundtrip import cards as unmodelled_cards

FIXTURES = Path(__file__).parent / "fixtures" / "sync"


def fixture(name: str) -> str:
    with open(FIXTURES / name, encoding="utf-8", newline="") as file:  # the line ends as the client wrote them
        return file.read()


def kept_lines(text: str) -> list[str]:
    """The lines of a card the journal's vCard reader leaves unmodelled, without the sync's own."""
    (record,) = vcard.parse(text).records
    return [line for line in record.extra_lines if not line.upper().startswith("X-CONTACT-JOURNAL-")]


def assert_well_formed(text: str) -> None:
    assert text.endswith("\r\n") and not re.search("[\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]",
                                                 text.replace("\r\n", ""))
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    vobject.readOne(text)


def person(**values: str) -> dict[str, str]:
    out = {key: "" for key in PERSON_KEYS}
    out.update(values)
    return out


# --- generated cards --------------------------------------------------------------------------------------------

_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
_line = st.text(alphabet=_chars, max_size=20)
_word = st.text(alphabet=_chars, min_size=1, max_size=12).filter(lambda t: t.strip())
# Notes may hold anything a person pastes: line breaks of every kind, control characters.
_notes = st.text(alphabet=st.one_of(_chars, st.sampled_from("\n\r\t\x00\x0b\x85\u2028")), max_size=60)
_iso = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
_label = st.one_of(st.sampled_from(["", "work", "home", "cell", "home, fax", "Work", "Private line", "pref"]), _word)
_date = st.builds(YearlyDate, st.integers(1, 12), st.integers(1, 28), st.none() | st.integers(1, 9999))
_token = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}", fullmatch=True)


def _rows(*parts) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(*parts).map("\t".join), max_size=3).map("\n".join)


@st.composite
def card_fields(draw) -> CardFields:
    values = person(
        name=draw(_word),
        nickname=draw(_line),
        organisation=draw(_line),
        role=draw(_line),
        linkedin=draw(st.one_of(st.just(""), _token.map(lambda t: f"https://www.linkedin.com/in/{t}"),
                                _token.map(lambda t: f"linkedin.com/in/{t}"), _line)),
        website=draw(st.one_of(st.just(""), _token.map(lambda t: f"https://{t}.example"), _line)),
        location=draw(_line),
        notes=draw(_notes),
        how_met=draw(_notes),
        connected_on=draw(st.one_of(st.just(""), _iso)),
        cadence_days=draw(st.one_of(st.just(""), st.integers(1, 400).map(str))),
        cadence_set_on=draw(st.one_of(st.just(""), _iso)),
        keep_snoozed_until=draw(st.one_of(st.just(""), _iso)),
        placeholder=draw(st.sampled_from(["", "1"])),
        archived=draw(st.sampled_from(["", "1"])),
        emails=draw(_rows(st.one_of(st.emails(), _word), _label)),
        phones=draw(_rows(st.from_regex(r"\+?[0-9][0-9 ()-]{3,14}[0-9]", fullmatch=True), _label)),
        tags=draw(st.lists(_word.map(lambda t: " ".join(t.split())), max_size=4, unique_by=str.casefold)
                  .map(lambda tags: "\n".join(sorted(tags, key=lambda t: (t.casefold(), t))))),
        dates=draw(st.lists(st.tuples(st.sampled_from(["birthday", "anniversary", "work_anniversary", "custom"]),
                                      _line, _date.map(YearlyDate.text)).map("\t".join), max_size=3)
                   .map(lambda lines: "\n".join(sorted(lines)))),
        addresses=draw(_rows(_label, _line, _line, _line, _line, _line, _line, _line)),
        profiles=draw(_rows(st.sampled_from(["", "twitter", "skype", "mastodon", "xmpp", "blog", "Linkedin"]),
                            st.one_of(_word, _token.map(lambda t: f"https://{t}.example/me")))),
        relations=draw(_rows(st.sampled_from(["", "spouse", "child", "colleague", "Godmother", "Friend"]), _word)),
        other_jobs=draw(_rows(_line, _line)),
    )
    photo = None
    if draw(st.booleans()):
        data = base64.b64encode(draw(st.binary(min_size=1, max_size=200))).decode()
        photo = (draw(st.sampled_from(["image/jpeg", "image/png", "image/gif"])), data)
        values["photo"] = f"{photo[0]}\t{hashlib.sha1(data.encode()).hexdigest()}"
    for uid in draw(st.lists(_token, max_size=3, unique=True)):
        values[f"intro:{uid}"] = draw(st.text(max_size=60).filter(lambda t: t))  # any text, control characters too
    uid = draw(st.one_of(st.uuids().map(str), _token, st.just("urn:uuid:0f3c-Ab,x;y")))
    return CardFields(uid=uid, values=values, photo=photo)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card_fields())
def test_every_value_comes_back_exactly(card):
    text = write_card(card)
    assert_well_formed(text)
    assert read_card(text) == card


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(unmodelled_cards(), st.sampled_from(["5B1E-phone-uid", "a@b.example", "urn:uuid:77e1"]))
def test_a_card_written_over_the_servers_copy_keeps_every_line_the_journal_does_not_model(case, uid):
    text, expected = case
    text = text.replace("VERSION:3.0\r\n", f"VERSION:3.0\r\nUID:{uid}\r\n", 1)
    card = read_card(text)
    assert card.uid == uid
    written = write_card(card, text)
    assert_well_formed(written)
    assert kept_lines(written) == expected
    assert read_card(written) == card


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(unmodelled_cards(), card_fields())
def test_the_journals_values_replace_the_servers_and_its_other_lines_stay(case, card):
    server, expected = case
    server = server.replace("VERSION:3.0\r\n", "VERSION:3.0\r\nUID:server-uid\r\n", 1)
    written = write_card(card, server)
    assert kept_lines(written) == expected
    assert read_card(written) == card


# --- what the journal writes ---------------------------------------------------------------------------------------

def test_the_journals_own_fields_go_in_x_properties_and_the_note_holds_the_notes_only():
    card = CardFields("p-1", person(
        name="Dana Smith", notes="Likes tea", how_met="Leeds conference, 2019", cadence_days="30",
        cadence_set_on="2025-01-02", keep_snoozed_until="2025-02-01", placeholder="1", archived="1",
        connected_on="2019-05-04", **{"intro:i-9": '{"stage": "asked", "notes": "a;b,c\\\\d"}'},
    ))
    text = write_card(card)
    lines = text.split("\r\n")
    assert "NOTE:Likes tea" in lines
    assert "X-CONTACT-JOURNAL-HOW-MET:Leeds conference\\, 2019" in lines
    assert "X-CONTACT-JOURNAL-CADENCE-DAYS:30" in lines
    assert "X-CONTACT-JOURNAL-CADENCE-SET-ON:2025-01-02" in lines
    assert "X-CONTACT-JOURNAL-KEEP-SNOOZED-UNTIL:2025-02-01" in lines
    assert "X-CONTACT-JOURNAL-PLACEHOLDER:1" in lines and "X-CONTACT-JOURNAL-ARCHIVED:1" in lines
    assert "X-CONTACT-JOURNAL-CONNECTED-ON:2019-05-04" in lines
    assert any(line.startswith("X-CONTACT-JOURNAL-INTRODUCTION;X-ID=i-9:") for line in lines)
    assert not any(line.startswith(("REV", "X-CONTACT-JOURNAL-EXACT")) for line in lines)
    assert read_card(text) == card


def test_an_introductions_value_comes_back_byte_for_byte():
    value = 'line one\r\nline two\ttab, comma; semicolon \\ backslash \\n not a newline \x00\x85\u2028 é'
    card = CardFields("p-2", person(name="Ana", **{"intro:uuid-1": value, "intro:odd id;x": "v"}))
    assert read_card(write_card(card)).values["intro:uuid-1"] == value
    assert read_card(write_card(card)).values["intro:odd id;x"] == "v"


def test_a_value_vcard_cannot_give_back_exactly_is_kept_while_the_phone_leaves_it_alone():
    card = CardFields("p-3", person(name="Ana", location="Lisbon", linkedin="linkedin.com/in/ana"))
    text = write_card(card)
    assert "ADR:;;;Lisbon;;;" in text.split("\r\n")  # phones still see where Ana lives
    assert read_card(text) == card
    edited = text.replace("ADR:;;;Lisbon;;;", "ADR;TYPE=home:;;Rua A 1;Porto;;4000;Portugal")
    again = read_card(edited)
    assert again.values["location"] == "Porto, Portugal"
    assert again.values["addresses"] == "home\t\t\tRua A 1\tPorto\t\t4000\tPortugal"
    assert again.values["linkedin"] == "linkedin.com/in/ana"  # untouched on the phone: still exact


def test_lists_keep_the_journals_order_and_tags_and_dates_read_sorted():
    text = "\r\n".join([
        "BEGIN:VCARD", "VERSION:3.0", "UID:u", "FN:Bo", "EMAIL:z@example.com", "EMAIL:a@example.com",
        "TEL:2", "TEL:1", "CATEGORIES:beta,Alpha,gamma", "BDAY:1990-01-02", "item1.X-ABDATE:2015-06-07",
        "item1.X-ABLabel:_$!<Anniversary>!$_", "END:VCARD", ""])
    values = read_card(text).values
    assert values["emails"] == "z@example.com\t\na@example.com\t"
    assert values["phones"] == "2\t\n1\t"
    assert values["tags"] == "Alpha\nbeta\ngamma"
    assert values["dates"] == "anniversary\t\t2015-06-07\nbirthday\t\t1990-01-02"


def test_the_photo_travels_beside_the_values_and_an_unchanged_one_is_taken_from_the_server():
    data = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(300)).decode()
    digest = hashlib.sha1(data.encode()).hexdigest()
    card = CardFields("p-4", person(name="Ana", photo=f"image/png\t{digest}"), photo=("image/png", data))
    text = write_card(card)
    assert read_card(text).photo == ("image/png", data)
    again = write_card(CardFields("p-4", person(name="Ana B", photo=f"image/png\t{digest}")), text)
    assert read_card(again).photo == ("image/png", data) and read_card(again).values["name"] == "Ana B"
    assert read_card(write_card(CardFields("p-4", person(name="Ana")), text)).photo is None
    with pytest.raises(ValueError):
        write_card(CardFields("p-4", person(name="Ana", photo="image/png\t" + "0" * 40)))


def test_the_servers_uid_is_kept_exactly_and_its_rev_read_as_utc():
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:AbC-123_x\r\nFN:Ana\r\nREV:2024-03-01T10:00:00+02:00\r\nEND:VCARD\r\n"
    card = read_card(text)
    assert card.uid == "AbC-123_x"
    assert card.changed_at == dt.datetime(2024, 3, 1, 8, 0)
    assert read_card(text.replace("2024-03-01T10:00:00+02:00", "20240301T100000Z")).changed_at == dt.datetime(2024, 3, 1, 10)
    written = write_card(card, text)
    assert "REV:2024-03-01T08:00:00Z\r\n" in written and "UID:AbC-123_x\r\n" in written
    assert read_card(written).changed_at == card.changed_at
    assert "REV" not in write_card(CardFields("p-5", card.values), text)


# --- cards as the phones and servers write them ------------------------------------------------------------------

def test_an_iphone_card_reads_and_keeps_what_apple_wrote():
    text = fixture("ios17_card.vcf")
    card = read_card(text)
    assert card.uid == "7F3E2D1C-AAAA-4BBB-8CCC-0123456789AB"
    assert card.changed_at == dt.datetime(2024, 11, 5, 9, 15, 22)
    v = card.values
    assert (v["name"], v["nickname"], v["organisation"], v["role"]) == ("Dana Smith", "Dee", "Acme Ltd", "Lead engineer")
    assert v["emails"] == "dana@acme.example\tOther\ndana.home@example.org\thome"
    assert v["phones"] == "+44 7700 900123\tcell\n+44 20 7946 0000\tStudio"
    assert v["dates"] == "anniversary\t\t2012-06-09\nbirthday\t\t1985-04-02"
    assert v["relations"] == "spouse\tSam Smith"
    assert v["notes"] == "Met at the Leeds conference\nLikes green tea"
    assert card.photo is not None and card.photo[0] == "image/jpeg"
    assert v["photo"] == "image/jpeg\t" + hashlib.sha1(card.photo[1].encode()).hexdigest()
    card.values["role"] = "Head of engineering"
    written = write_card(card, text)
    assert_well_formed(written)
    lines = written.split("\r\n")
    for kept in ("PRODID:-//Apple Inc.//iPhone OS 17.2//EN", "X-ABUID:7F3E2D1C-AAAA-4BBB-8CCC-0123456789AB:ABPerson",
                 "item5.X-APPLE-CUSTOM-COLOUR:Blue", "item5.X-ABLabel:Favourite colour", "item3.X-ABADR:gb",
                 "ORG:Acme Ltd;Engineering", "X-ADDRESSING-GRAMMAR:eyJwcm9ub3VucyI6InRoZXkifQ=="):
        assert kept in lines
    assert kept_lines(written) == kept_lines(text)
    again = read_card(written)
    assert (again.uid, again.values, again.photo, again.changed_at) == (card.uid, card.values, card.photo, card.changed_at)


def test_a_davx5_card_keeps_the_android_properties():
    text = fixture("davx5_android_card.vcf")
    assert "\r" not in text  # LF line ends, as some clients send
    card = read_card(text)
    assert card.values["name"] == "Jonas Müller" and card.values["tags"] == "Climbing\nFamily"
    assert card.values["phones"] == "+49 151 23456789\tcell\n+49 30 1234567\twork"
    assert card.values["profiles"] == "twitter\thttps://twitter.com/joni"
    card.values["notes"] = "Climbing on Thursdays"
    written = write_card(card, text)
    assert "X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Anna;1;;;;;;;;;;;;;" in written.split("\r\n")
    assert kept_lines(written) == kept_lines(text) == [
        "X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Anna;1;;;;;;;;;;;;;", "X-PHONETIC-FIRST-NAME:Yonas",
        "X-SIP;TYPE=work:sip:jonas@sip.example"]
    assert read_card(written).values["notes"] == "Climbing on Thursdays"


def test_a_nextcloud_card_reads_linkedin_address_and_relation():
    card = read_card(fixture("nextcloud_card.vcf"))
    v = card.values
    assert v["linkedin"] == "https://www.linkedin.com/in/priya-raman" and v["website"] == "https://priya.example"
    assert v["addresses"] == "work\t\t\t12 Harbour Rd\tLeith\tEdinburgh\tEH6 6AB\tUnited Kingdom"
    assert v["location"] == "Leith, Edinburgh, United Kingdom"
    assert v["relations"] == "spouse\tArjun Raman" and v["tags"] == "Advisors\nWork"
    assert card.changed_at == dt.datetime(2024, 11, 5, 12)
    written = write_card(card, fixture("nextcloud_card.vcf"))
    assert kept_lines(written) == ["CLOUD;TYPE=HOME:priya@cloud.example", "GENDER:F"]
    assert "PRODID:-//Sabre//Sabre VObject 4.5.4//EN" in written.split("\r\n")


def test_a_thunderbird_vcard_4_reads_and_is_written_back_as_3():
    text = fixture("thunderbird_card.vcf")
    card = read_card(text)
    v = card.values
    assert (v["name"], v["nickname"]) == ("Léa Martin", "Lélé")
    assert v["notes"] == "Line one\nLine two, with a comma"
    assert v["dates"] == "birthday\t\t1990-03-15" and v["profiles"] == "xmpp\txmpp:lea@jabber.example"
    written = write_card(card, text)
    assert_well_formed(written)
    assert kept_lines(written) == ["TZ;VALUE=TEXT:Europe/Paris", "X-MOZILLA-HTML:TRUE"]
    assert read_card(written).values == card.values


def test_lower_case_names_no_version_lf_and_folded_lines_are_read():
    card = read_card(fixture("lenient_card.vcf"))
    assert card.uid == "kim-lee-1"
    assert card.values["name"] == "Kim Lee" and card.values["emails"] == "kim@example.com\twork"
    assert card.values["notes"] == "A note that a client folded at a space"
    assert kept_lines(write_card(card, fixture("lenient_card.vcf"))) == ["x-custom-thing:kept"]


def test_a_card_with_only_a_phone_number_is_named_by_it():
    card = read_card("BEGIN:VCARD\nVERSION:3.0\nUID:n1\nTEL;TYPE=cell:+1 555 0100\nEND:VCARD\n")
    assert card.values["name"] == "+1 555 0100"


def test_the_journals_x_lines_are_modelled_never_kept_twice():
    first = write_card(CardFields("p", person(name="Ana", how_met="Party", archived="1")))
    second = write_card(CardFields("p", person(name="Ana", how_met="Work")), first)
    assert second.count("X-CONTACT-JOURNAL-HOW-MET") == 1 and "ARCHIVED" not in second
    assert read_card(second).values["how_met"] == "Work"
    unknown = first.replace("END:VCARD", "X-CONTACT-JOURNAL-FROM-THE-FUTURE:yes\r\nEND:VCARD")
    assert "X-CONTACT-JOURNAL-FROM-THE-FUTURE:yes" in write_card(read_card(unknown), unknown)


@pytest.mark.parametrize("text, message", [
    ("", "no BEGIN:VCARD"),
    ("hello world", "no BEGIN:VCARD"),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\n", "cut off"),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n", "no UID"),
    ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "no BEGIN:VCARD"),
])
def test_nothing_readable_is_one_line(text, message):
    with pytest.raises(ItemFormatError) as caught:
        read_card(text)
    assert isinstance(caught.value, JournalError)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_servers_copy_that_cannot_be_read_is_refused_rather_than_written_over():
    with pytest.raises(ItemFormatError):
        write_card(CardFields("p", person(name="Ana")), "BEGIN:VCARD\r\nFN:Ana\r\n")
