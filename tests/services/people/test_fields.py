"""The person pane's lists and photo: checked, replaced, linked, saved in one undoable step."""

from __future__ import annotations

import base64
import datetime as dt
import struct
import zlib

import pytest

from journal.domain.dates import YearlyDate
from journal.errors import ValidationError
from journal.services import operations
from journal.services.people import detail, editing, fields, jobs, photos
from journal.services.people import records as people
from journal.services.people.fields import AddressEntry, DateEntry, FieldChanges, ProfileEntry, RelationEntry
from journal.services.people.records import PersonChanges
from journal.store.models import Address, Person, PersonDate, PersonPhoto, Profile, Relation


def png(width: int, height: int) -> bytes:
    """A real (grey) PNG of width × height, written by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


@pytest.fixture
def dana(db, clock):
    return people.add_person("Dana Smith", organisation="Acme", clock=clock)


def test_parse_date_accepts_both_forms_and_29_february_without_a_year():
    assert fields.parse_date("1980-04-02") == YearlyDate(4, 2, 1980)
    assert fields.parse_date(" --02-29 ") == YearlyDate(2, 29)
    with pytest.raises(ValidationError, match=r"^“2019-02-29” is not a date: 2019 has no 29 February\.$"):
        fields.parse_date("2019-02-29")
    with pytest.raises(ValidationError, match=r"^“2 April” is not a date: write YYYY-MM-DD, or --MM-DD without a year\.$"):
        fields.parse_date("2 April")
    with pytest.raises(ValidationError, match="needs a date"):
        fields.parse_date("  ")


def test_lists_are_replaced_and_read_back(dana):
    fields.apply(
        dana,
        FieldChanges(
            dates=(DateEntry("birthday", YearlyDate(2, 29)), DateEntry("custom", YearlyDate(6, 1, 2020), " First  day ")),
            addresses=(AddressEntry("home", street="1 Main St", locality="Springfield", postcode="12345"), AddressEntry()),
            profiles=(ProfileEntry("GitHub", "@dana"), ProfileEntry("github", "@DANA"), ProfileEntry("", "")),
            relations=(RelationEntry("Spouse", "Sam Smith"),),
        ),
    )
    got = fields.fields_of(dana)
    assert [(d.kind, d.date.text(), d.label) for d in got.dates] == [("birthday", "--02-29", ""), ("custom", "2020-06-01", "First day")]
    assert [a.one_line() for a in got.addresses] == ["1 Main St, 12345 Springfield"]
    assert [(p.service, p.value, p.url) for p in got.profiles] == [("github", "@dana", "https://github.com/dana")]
    assert [(r.kind, r.name, r.other) for r in got.relations] == [("spouse", "Sam Smith", None)]
    first_date = got.dates[0].id
    # Replacing keeps rows that stay (their ids) and drops the others.
    fields.apply(dana, FieldChanges(dates=(DateEntry("birthday", YearlyDate(2, 29)),), addresses=()))
    again = fields.fields_of(dana)
    assert [d.id for d in again.dates] == [first_date]
    assert again.addresses == () and len(again.profiles) == 1


def test_bad_rows_refuse_with_one_line_and_write_nothing(dana):
    with pytest.raises(ValidationError, match=r"^The date --05-01 needs a label saying what it is\.$"):
        fields.apply(dana, FieldChanges(dates=(DateEntry("birthday", YearlyDate(1, 1)), DateEntry("custom", YearlyDate(5, 1)))))
    with pytest.raises(ValidationError, match="^“dana smith” is not a profile"):
        fields.apply(dana, FieldChanges(profiles=(ProfileEntry("skype", "dana smith"),)))
    with pytest.raises(ValidationError, match=r"^The manager needs a name\.$"):
        fields.apply(dana, FieldChanges(relations=(RelationEntry("manager", " "),)))
    assert PersonDate.select().count() == Profile.select().count() == Relation.select().count() == 0


def test_profile_urls():
    assert fields.profile_url("", "www.example.org/dana") == "https://www.example.org/dana"
    assert fields.profile_url("mastodon", "https://social.example/@d") == "https://social.example/@d"
    assert fields.profile_url("skype", "dana.s") == ""
    assert fields.profile_url("twitter", "@dana") == "https://twitter.com/dana"


def test_relations_link_the_one_person_so_named(dana, clock):
    sam = people.add_person("Sam Smith", clock=clock)
    people.add_person("Alex Lee", clock=clock)
    people.add_person("alex lee", clock=clock)
    fields.replace_relations(
        dana,
        [RelationEntry("spouse", "sam smith"), RelationEntry("friend", "Alex Lee"), RelationEntry("self", "Dana Smith")],
    )
    assert [(r.name, r.other) for r in fields.fields_of(dana).relations] == [
        ("sam smith", sam), ("Alex Lee", None), ("Dana Smith", None)
    ]
    # A stale link (the name was changed to someone else's) is not kept.
    fields.replace_relations(dana, [RelationEntry("spouse", "Someone Else", other=sam)])
    assert fields.fields_of(dana).relations[0].other is None
    # Deleting the linked person keeps the relation by name.
    fields.replace_relations(dana, [RelationEntry("spouse", "Sam Smith")])
    people.delete_person(sam)
    assert [(r.name, r.other) for r in fields.fields_of(dana).relations] == [("Sam Smith", None)]


def test_photo_checks_kind_and_size(dana):
    assert photos.image_size(png(3, 2)) == ("image/png", 3, 2)
    assert photos.image_size(jpeg_header(640, 480)) == ("image/jpeg", 640, 480)
    with pytest.raises(ValidationError, match=r"^A photo must be a PNG or JPEG image\.$"):
        photos.set_photo(dana, b"GIF89a....")
    with pytest.raises(ValidationError, match=r"^The photo is 640×480 pixels; at most 512 a side is kept\.$"):
        photos.set_photo(dana, jpeg_header(640, 480))
    photos.set_photo(dana, png(512, 40))
    row = PersonPhoto.get_by_id(dana)
    assert row.mime == "image/png" and "\n" not in row.data
    assert base64.b64decode(row.data) == png(512, 40)
    assert photos.photo_of(dana).data == png(512, 40)
    assert set(photos.photos_of([dana, dana, 999])) == {dana}
    photos.clear_photo(dana)
    assert photos.photo_of(dana) is None and photos.photos_of([dana]) == {}


def test_one_save_is_one_undo_that_restores_every_field(dana, clock, dump):
    people.update_person(dana, PersonChanges(name="Dana Smith", organisation="Acme", role="CTO", nickname="Dee"), clock=clock)
    photos.set_photo(dana, png(4, 4))
    before = dump()
    result = operations.run(
        editing.save_person,
        dana,
        PersonChanges(name="Dana Smith-Lee", organisation="Acme", role="CEO", nickname="D", date_reminders=False),
        FieldChanges(
            dates=(DateEntry("birthday", YearlyDate(4, 2, 1980)),),
            addresses=(AddressEntry("work", street="2 Side St"),),
            profiles=(ProfileEntry("github", "dana"),),
            relations=(RelationEntry("assistant", "Bo Chen"),),
        ),
        photo=png(8, 8),
        clock=clock,
        label="Edit Dana",
    )
    person = Person.get_by_id(dana)
    assert (person.name, person.nickname, person.date_reminders, person.role) == ("Dana Smith-Lee", "D", False, "CEO")
    assert Address.select().count() == 1 and photos.photo_of(dana).data == png(8, 8)
    assert result.changes.person_ids == {dana}
    history = operations.History()
    history.push(result.step)
    history.undo()
    assert dump() == before


def test_a_bad_photo_or_row_saves_nothing(dana, clock, dump):
    before = dump()
    with pytest.raises(ValidationError):
        editing.save_person(dana, PersonChanges(name="New name"), photo=b"not an image", clock=clock)
    with pytest.raises(ValidationError):
        editing.save_person(
            dana, PersonChanges(name="New name"), FieldChanges(dates=(DateEntry("custom", YearlyDate(1, 1)),)), clock=clock
        )
    assert dump() == before


def test_clearing_the_photo_on_save(dana, clock):
    photos.set_photo(dana, png(4, 4))
    editing.save_person(dana, PersonChanges(name="Dana Smith", organisation="Acme"), photo=None, clock=clock)
    assert photos.photo_of(dana) is None


def test_detail_has_nickname_former_organisations_and_career_in_the_timeline(dana, clock):
    people.update_person(dana, PersonChanges(name="Dana Smith", organisation="Acme", role="VP", nickname="Dee"), clock=clock)
    jobs.change_job(dana, "Beta Corp", "VP Engineering", on=dt.date(2026, 3, 1))
    jobs.add_job(dana, "Gamma", "Intern", dt.date(2010, 1, 1), dt.date(2011, 6, 30))
    got = detail.get_person(dana)
    assert got.nickname == "Dee" and got.organisation == "Beta Corp"
    assert got.former_organisations == ("Acme", "Gamma")
    career = [(e.date, e.title) for e in detail.timeline(dana, clock=clock) if e.kind == detail.JOB]
    assert (dt.date(2026, 3, 1), "Moved to Beta Corp as VP Engineering") in career
    assert (dt.date(2026, 3, 1), "Left Acme (VP)") in career
    assert (dt.date(2010, 1, 1), "Started at Gamma as Intern") in career
    assert (dt.date(2011, 6, 30), "Left Gamma (Intern)") in career
    # Back at a former organisation: it is current, not former.
    jobs.change_job(dana, "Acme", "CEO", on=dt.date(2026, 4, 1))
    assert detail.get_person(dana).former_organisations == ("Beta Corp", "Gamma")
