import datetime as dt
import io

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.interop import vcard
from journal.interop.records import ImportFormatError, PersonOut
from tests.interop import samples


def test_vcard_21_quoted_printable_and_bare_types():
    (card,) = vcard.parse(samples.VCARD_21.encode()).records
    assert card.name == "Jürgen Müller"
    assert card.phones == [("+49 30 901820", "work"), ("+49 151 23456789", "cell")]
    assert card.emails == [("juergen@stark.example", "")]
    assert card.notes == "First line\nsecond line that is long and soft broken"


def test_vcard_30_grouped_labels_folding_and_a_broken_line():
    result = vcard.parse(samples.VCARD_30.encode())
    ana, broken = result.records
    assert ana.emails == [("ana@acme.example", "Work"), ("ana.perez@home.example", "Personal")]
    assert ana.organisation == "Acme, Inc."
    assert ana.linkedin == "https://www.linkedin.com/in/ana-perez/"
    assert ana.location == "Lisbon, Portugal"
    assert ana.tags == ["Mentors", "Fintech"]
    assert ana.notes.endswith("long enough to be folded.")
    # A line with no colon costs that line, not the card: the card comes in and the line is listed.
    assert broken.name == "Broken Card" and broken.emails == [] and result.rejected == []
    ((line, reason),) = [(r.line, r.reason) for r in result.dropped_lines]
    assert line == 24 and reason.startswith("line dropped: it is not a property (no NAME:value)")


def test_vcard_40_uri_phones_uid_and_cards_without_names():
    result = vcard.parse(samples.VCARD_40.encode())
    hiroshi, org_only = result.records
    assert hiroshi.phones == [("+81-90-1234-5678", "cell")]
    assert hiroshi.uid == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert org_only.name == "Only An Organisation"
    assert [r.line for r in result.rejected] == [14]


def test_a_truncated_file_is_refused_whole():
    with pytest.raises(ImportFormatError, match="cut off"):
        vcard.parse(samples.VCARD_30.encode()[:200])


def test_not_a_vcard():
    with pytest.raises(ImportFormatError, match="not a vCard"):
        vcard.parse(b"hello\nworld\n")


def test_written_card_is_read_back_by_vobject_with_every_field():
    person = PersonOut(
        uid="urn:uuid:1", name="Ana Pérez", organisation="Acme, Inc.", role="CTO", emails=[("a@x.com", "work")],
        phones=[("+14155550100", "cell")], linkedin="linkedin.com/in/ana", website="https://ana.dev",
        location="Lisbon", notes="Line; one\nline two", how_met="PyCon", tags=["vc", "friends"],
        connected_on=dt.date(2024, 3, 12), updated_at=dt.datetime(2026, 1, 2, 3, 4, 5),
    )
    stream = io.StringIO()
    assert vcard.write([person], stream) == 1
    card = vobject.readOne(stream.getvalue())
    assert card.version.value == "3.0"
    assert card.fn.value == "Ana Pérez"
    assert (card.n.value.given, card.n.value.family) == ("Ana", "Pérez")
    assert card.uid.value == "urn:uuid:1"
    assert card.org.value == ["Acme, Inc."]
    assert card.title.value == "CTO"
    assert card.email.value == "a@x.com" and "work" in card.email.params["TYPE"]
    assert card.tel.value == "+14155550100"
    assert sorted(u.value for u in card.contents["url"]) == ["https://ana.dev", "https://linkedin.com/in/ana"]
    assert card.adr.value.city == "Lisbon"
    assert card.note.value == "Line; one\nline two\n\nHow we met: PyCon"
    assert card.categories.value == ["vc", "friends"]
    assert card.contents["x-contact-journal-connected-on"][0].value == "2024-03-12"
    assert card.rev.value == "2026-01-02T03:04:05Z"


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85"),
                max_size=90)


@settings(max_examples=150, deadline=None)
@given(name=_text.filter(lambda t: t.strip()), org=_text, note=st.lists(_text, max_size=3).map("\n".join),
       tags=st.lists(_text.filter(lambda t: t.strip() and t == " ".join(t.split())), max_size=3, unique=True),
       email=_text)
def test_any_text_survives_writing_and_reading_back(name, org, note, tags, email):
    from journal.interop.records import clean

    person = PersonOut(uid="urn:uuid:x", name=name, organisation=org, notes=note, tags=tags,
                       emails=[(email, "work")] if email.strip() else [])
    text = vcard.write([person], out := io.StringIO()) and out.getvalue()
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    card = vobject.readOne(text)
    assert card.fn.value == name
    (record,) = vcard.parse(text.encode()).records
    assert record.name == clean(name)
    assert record.organisation == clean(org)
    assert record.notes == note.strip()
    assert record.tags == [clean(t) for t in tags]
    assert record.emails == ([(clean(email), "work")] if email.strip() else [])
