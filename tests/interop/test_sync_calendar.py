"""Next steps, keep-in-touch dates, dates that matter and conversations as VTODOs and VJOURNALs
(journal.interop.sync_calendar): every value comes back exactly, a server's item is patched in
place, and items as iOS, Android (tasks.org, jtx Board), Nextcloud, Thunderbird and Outlook write
them are read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.errors import JournalError
from journal.interop.sync_calendar import KIND_KEYS, CalendarFields, read_item, write_item
from journal.interop.sync_cards import ItemFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "sync"
NOW = dt.datetime(2025, 3, 1, 9, 0, 0)  # UTC, as the engine passes it


def fixture(name: str) -> str:
    with open(FIXTURES / name, encoding="utf-8", newline="") as file:  # the line ends as the client wrote them
        return file.read()


@pytest.fixture
def zone(local_zone):
    """The machine's local zone is Berlin for the test (tests/conftest.py puts the old one back)."""
    local_zone("Europe/Berlin")
    return local_zone


def assert_well_formed(text: str) -> None:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    icalendar.Calendar.from_ical(text)


def component(text: str, name: str = "VTODO"):
    return icalendar.Calendar.from_ical(text).walk(name)[0]


def lines(text: str) -> list[str]:
    """The content lines, unfolded."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def step(**values: str) -> CalendarFields:
    v = {key: "" for key in KIND_KEYS["step"]}
    v.update(values)
    return CalendarFields("step-1", "step", v)


# --- generated items -----------------------------------------------------------------------------------------------

_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
_text = st.text(alphabet=_chars, max_size=30)
_notes = st.text(alphabet=st.one_of(_chars, st.just("\n")), max_size=60)
_uid = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,30}", fullmatch=True)
_ref = st.one_of(st.just(""), _uid)
_day = st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))
_iso_day = _day.map(dt.date.isoformat)
_moment = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2035, 12, 31)).map(
    lambda d: d.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%S"))


@st.composite
def items(draw) -> CalendarFields:
    kind = draw(st.sampled_from(list(KIND_KEYS)))
    uid = draw(_uid)
    if kind == "step":
        values = {"text": draw(_notes), "due": draw(st.one_of(st.just(""), _iso_day, _moment)),
                  "snoozed_until": draw(st.one_of(st.just(""), _iso_day)), "done_at": draw(st.one_of(st.just(""), _moment)),
                  "person": draw(_ref), "conversation": draw(_ref), "introduction": draw(_ref)}
    elif kind == "keep":
        values = {"person": draw(_uid), "summary": draw(_text), "due": draw(_iso_day),
                  "done": draw(st.one_of(st.just(""), _iso_day))}
    elif kind == "date":
        due = draw(_iso_day)
        values = {"person": draw(_uid), "summary": draw(_text), "due": due,
                  "acknowledged": draw(st.one_of(st.just(""), st.just(due), _iso_day))}
    else:
        people = draw(st.lists(st.tuples(_uid, _text), max_size=4,
                               unique_by=lambda p: p[0]))
        values = {"occurred_at": draw(_moment), "channel": draw(st.sampled_from(["", "email", "coffee", "call"])),
                  "summary": draw(_text), "notes": draw(_notes),
                  "participants": "\n".join(f"{u}\t{n}" for u, n in sorted(people))}
    return CalendarFields(uid, kind, values)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items(), st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)).map(lambda d: d.replace(microsecond=0)))
def test_every_value_comes_back_exactly(zone, item, now):
    zone("Asia/Kolkata")  # +05:30 and no clock changes: every local time exists once
    text = write_item(item, now=now)
    assert_well_formed(text)
    again = read_item(text)
    assert (again.uid, again.kind, again.values) == (item.uid, item.kind, item.values)
    assert again.changed_at == now
    aware = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert read_item(write_item(item, now=aware)).changed_at == dt.datetime(2025, 3, 1, 9, 0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items(), items())
def test_a_patched_item_reads_as_the_journals_values(zone, first, second):
    zone("America/New_York")
    if (first.kind == "conversation") != (second.kind == "conversation"):
        second = CalendarFields(second.uid, first.kind, dict(first.values))
    server = write_item(first, now=NOW).replace(
        "END:VTODO", "PRIORITY:3\r\nX-APPLE-SORT-ORDER:42\r\nEND:VTODO").replace(
        "END:VJOURNAL", "CATEGORIES:Friends\r\nEND:VJOURNAL")
    patched = write_item(second, server, now=NOW)
    again = read_item(patched)
    assert (again.uid, again.kind, again.values) == (second.uid, second.kind, second.values)
    kept = lines(patched)
    assert ("PRIORITY:3" in kept and "X-APPLE-SORT-ORDER:42" in kept) or "CATEGORIES:Friends" in kept


# --- what the journal writes ---------------------------------------------------------------------------------------

def test_a_new_step_with_a_day_gets_an_alarm_at_nine_and_a_timed_one_at_its_time(zone):
    text = write_item(step(text="Call Ana", due="2025-03-05"), now=NOW)
    assert_well_formed(text)
    alarm = component(text).walk("VALARM")[0]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == dt.timedelta(hours=9) and alarm["TRIGGER"].params["RELATED"] == "END"
    assert "DUE;VALUE=DATE:20250305" in lines(text)
    timed = write_item(step(text="Call Ana", due="2025-03-05T14:30:00"), now=NOW)
    assert "DUE:20250305T143000" in lines(timed)  # floating local time, no TZID
    assert component(timed).walk("VALARM")[0]["TRIGGER"].dt == dt.timedelta(0)
    assert not component(write_item(step(text="Someday"), now=NOW)).walk("VALARM")


def test_stamps_and_completion_are_utc_and_a_snoozed_step_keeps_its_own_due(zone):
    text = write_item(step(text="Ask", due="2025-03-05", snoozed_until="2025-03-12", done_at="2025-03-02T08:15:00"),
                      now=NOW)
    got = lines(text)
    assert "DTSTAMP:20250301T090000Z" in got and "LAST-MODIFIED:20250301T090000Z" in got
    assert "COMPLETED:20250302T071500Z" in got and "STATUS:COMPLETED" in got and "PERCENT-COMPLETE:100" in got
    assert "DUE;VALUE=DATE:20250312" in got and "X-CONTACT-JOURNAL-DUE:2025-03-05" in got
    assert read_item(text).values["snoozed_until"] == "2025-03-12"
    assert read_item(text).changed_at == dt.datetime(2025, 3, 1, 9)


def test_references_and_kinds_travel_in_x_properties(zone):
    text = write_item(step(text="t", person="p-1", conversation="c-1", introduction="i-1"), now=NOW)
    got = lines(text)
    for line in ("X-CONTACT-JOURNAL-KIND:step", "X-CONTACT-JOURNAL-PERSON:p-1", "X-CONTACT-JOURNAL-CONVERSATION:c-1",
                 "X-CONTACT-JOURNAL-INTRODUCTION:i-1"):
        assert line in got
    conversation = CalendarFields("c-1", "conversation", {
        "occurred_at": "2025-02-28T19:00:00", "channel": "coffee", "summary": "Coffee, at last", "notes": "a\nb; c",
        "participants": "p-1\tAna Pérez\np-2\tBo"})
    text = write_item(conversation, now=NOW)
    got = lines(text)
    assert "BEGIN:VJOURNAL" in got and "DTSTART:20250228T190000" in got and "X-CONTACT-JOURNAL-CHANNEL:coffee" in got
    assert 'ATTENDEE;CN="Ana Pérez":urn:uuid:p-1' in got and 'ATTENDEE;CN="Bo":urn:uuid:p-2' in got
    assert "DESCRIPTION:a\\nb\\; c" in got
    assert read_item(text) == CalendarFields("c-1", "conversation", conversation.values, dt.datetime(2025, 3, 1, 9))


def test_a_date_acknowledged_for_this_occurrence_is_completed_else_the_acknowledgement_is_kept_aside(zone):
    base = {"person": "p-1", "summary": "Dana's birthday", "due": "2025-05-09"}
    done = write_item(CalendarFields("d", "date", {**base, "acknowledged": "2025-05-09"}), now=NOW)
    assert "STATUS:COMPLETED" in lines(done)
    earlier = write_item(CalendarFields("d", "date", {**base, "acknowledged": "2024-05-09"}), done, now=NOW)
    assert "STATUS:NEEDS-ACTION" in lines(earlier) and "X-CONTACT-JOURNAL-ACKNOWLEDGED:2024-05-09" in lines(earlier)
    assert "COMPLETED" not in component(earlier)
    ticked_on_phone = earlier.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED")
    assert read_item(ticked_on_phone).values["acknowledged"] == "2025-05-09"


# --- what phones do ------------------------------------------------------------------------------------------------

def test_a_step_ticked_done_on_an_iphone_is_done_at_the_time_it_was_ticked(zone):
    item = read_item(fixture("ios_ticked_journal_step.ics"))
    assert item.kind == "step" and item.uid == "step-5f1c"
    assert item.values["done_at"] == "2025-03-05T18:11:58"  # 17:11:58Z in Berlin
    assert item.values["person"] == "person-dana" and item.values["due"] == "2025-03-10"
    assert item.changed_at == dt.datetime(2025, 3, 5, 17, 12)
    untick = fixture("ios_ticked_journal_step.ics").replace("STATUS:COMPLETED", "STATUS:NEEDS-ACTION")
    assert read_item(untick).values["done_at"] == ""
    no_time = fixture("ios_ticked_journal_step.ics").replace("COMPLETED:20250305T171158Z\r\n", "")
    assert read_item(no_time).values["done_at"] == "2025-03-05T18:12:00"  # when it was last changed


def test_a_keep_in_touch_ticked_on_the_phone_is_done_that_local_day(zone):
    keep = CalendarFields("k", "keep", {"person": "p", "summary": "Keep in touch with Dana", "due": "2025-03-09",
                                        "done": ""})
    text = write_item(keep, now=NOW)
    late = text.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED\r\nCOMPLETED:20250303T233000Z")
    assert read_item(late).values["done"] == "2025-03-04"  # 00:30 in Berlin


def test_a_due_date_moved_on_the_phone_is_read_and_a_snoozed_one_becomes_the_snooze(zone):
    text = write_item(step(text="Call", due="2025-03-05"), now=NOW)
    moved = text.replace("DUE;VALUE=DATE:20250305", "DUE;VALUE=DATE:20250320")
    assert read_item(moved).values["due"] == "2025-03-20"
    timed = text.replace("DUE;VALUE=DATE:20250305", "DUE;TZID=America/New_York:20250320T090000")
    assert read_item(timed).values["due"] == "2025-03-20T14:00:00"
    snoozed = write_item(step(text="Call", due="2025-03-05", snoozed_until="2025-03-10"), now=NOW)
    moved = snoozed.replace("DUE;VALUE=DATE:20250310", "DUE;VALUE=DATE:20250317")
    assert (read_item(moved).values["due"], read_item(moved).values["snoozed_until"]) == ("2025-03-05", "2025-03-17")


def test_an_ios_reminder_keeps_its_sort_order_alarm_and_zone_after_a_patch(zone):
    server = fixture("ios_reminder_timed.ics")
    item = read_item(server)
    assert item.kind == "step" and item.values["text"] == "Send Dana the article"
    assert item.values["due"] == "2024-11-08T16:00:00"  # 15:00 London is 16:00 Berlin
    item.values["done_at"] = "2024-11-08T17:00:00"
    patched = write_item(item, server, now=NOW)
    assert_well_formed(patched)
    got = lines(patched)
    for kept in ("X-APPLE-SORT-ORDER:752839041", "PRIORITY:1", "CALSCALE:GREGORIAN", "TZID:Europe/London",
                 "DTSTART;TZID=Europe/London:20241108T150000", "CREATED:20241101T080000Z",
                 "X-WR-ALARMUID:9C8B7A6F-1E2D-4C3B-A0F9-E8D7C6B5A4F3", "TRIGGER;VALUE=DATE-TIME:20241108T150000Z",
                 "PRODID:-//Apple Inc.//iOS 17.2//EN"):
        assert kept in got
    assert "DUE;TZID=Europe/London:20241108T150000" in got  # the journal did not move it: left as the phone wrote it
    assert len(component(patched).walk("VALARM")) == 1
    assert "COMPLETED:20241108T160000Z" in got and "STATUS:COMPLETED" in got
    again = read_item(patched)
    assert again.values == item.values and again.uid == "3E2A1B0C-9D8E-4F7A-B6C5-D4E3F2A1B0C9"
    item.values["due"] = "2024-11-09T10:00:00"
    moved = lines(write_item(item, server, now=NOW))
    assert "DUE:20241109T100000" in moved and "X-APPLE-SORT-ORDER:752839041" in moved


def test_someone_elses_task_is_a_step_and_keeps_its_categories_and_progress(zone):
    server = fixture("nextcloud_tasks.ics")
    item = read_item(server)
    assert item.kind == "step" and item.values["text"] == "Book the venue"
    assert item.values["due"] == "2024-10-20T19:00:00" and item.values["done_at"] == ""
    assert item.changed_at == dt.datetime(2024, 10, 12, 9, 30)
    item.values["text"] = "Book the venue for the party"
    patched = lines(write_item(item, server, now=NOW))
    for kept in ("CATEGORIES:Errands,Events", "PRIORITY:5", "PERCENT-COMPLETE:40", "STATUS:IN-PROCESS",
                 "X-OC-HIDESUBTASKS:0", "RELATED-TO:b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e", "DUE:20241020T170000Z"):
        assert kept in patched
    assert "SUMMARY:Book the venue for the party" in patched and "X-CONTACT-JOURNAL-KIND:step" in patched


def test_thunderbird_and_outlook_zones_become_local_time(zone):
    item = read_item(fixture("thunderbird_task.ics"))
    assert item.values["due"] == "2024-11-11T10:00:00"
    zone("Europe/London")
    assert read_item(fixture("thunderbird_task.ics")).values["due"] == "2024-11-11T09:00:00"
    assert read_item(fixture("outlook_windows_zone.ics")).values["due"] == "2024-11-12T15:00:00"
    assert read_item(fixture("outlook_windows_zone.ics")).values["text"] == "Angebot an Jonas schicken"
    assert read_item(fixture("tasks_org_android.ics")).values["due"] == "2024-11-09T05:00:00"
    unknown = fixture("outlook_windows_zone.ics").replace('DUE;TZID="W. Europe Standard Time"', "DUE;TZID=Nowhere/Known")
    assert read_item(unknown).values["due"] == "2024-11-12T16:00:00"  # no such zone, no VTIMEZONE: taken as floating
    defined = fixture("outlook_windows_zone.ics").replace("W. Europe Standard Time", "Our office")
    assert read_item(defined).values["due"] == "2024-11-12T15:00:00"  # the zone its VTIMEZONE defines


def test_a_thunderbird_task_keeps_its_generation_description_and_alarm(zone):
    server = fixture("thunderbird_task.ics")
    item = read_item(server)
    item.values["due"] = "2024-11-12T10:00:00"
    patched = lines(write_item(item, server, now=NOW))
    for kept in ("X-MOZ-GENERATION:2", "X-MOZ-LASTACK:20241104T181700Z", "DESCRIPTION:Ask about the Lyon office",
                 "TRIGGER;VALUE=DURATION:-PT15M", "SEQUENCE:1"):
        assert kept in patched
    assert "DUE:20241112T100000" in patched
    assert "DTSTART;TZID=Europe/Berlin:20241111T090000" in patched  # still before the new DUE: left alone
    item.values["due"] = "2024-11-10"
    earlier = write_item(item, server, now=NOW)
    assert "DTSTART;VALUE=DATE:20241110" in lines(earlier)  # never after DUE, nor a date-time beside a date
    assert read_item(earlier).values == item.values


def test_a_task_cancelled_on_the_phone_stays_cancelled_and_reads_as_done(zone):
    server = write_item(step(text="Maybe"), now=NOW).replace(
        "STATUS:NEEDS-ACTION", "STATUS:CANCELLED\r\nCOMPLETED:20250302T100000Z")
    item = read_item(server)
    assert item.values["done_at"] == "2025-03-02T11:00:00"
    assert "STATUS:CANCELLED" in lines(write_item(item, server, now=NOW))
    item.values["done_at"] = ""
    assert "STATUS:NEEDS-ACTION" in lines(write_item(item, server, now=NOW))


def test_a_jtx_board_journal_entry_reads_as_a_conversation(zone):
    item = read_item(fixture("jtx_board_journal.ics"))
    assert item.kind == "conversation"
    assert item.values["occurred_at"] == "2024-11-06T12:30:00" and item.values["summary"] == "Lunch with Jonas"
    assert item.values["notes"] == "Talked about climbing, and the new job."
    assert item.values["participants"] == "mailto:jonas@mueller.example\tJonas Müller"
    item.values["participants"] = "p-jonas\tJonas Müller"
    patched = lines(write_item(item, fixture("jtx_board_journal.ics"), now=NOW))
    assert 'ATTENDEE;CN="Jonas Müller":urn:uuid:p-jonas' in patched
    assert "COLOR:#FF5722" in patched and "X-JTX-COLLECTION-COLOR:-16777216" in patched and "STATUS:FINAL" in patched


def test_lower_case_names_no_version_lf_and_folded_lines_are_read(zone):
    item = read_item(fixture("lenient_todo.ics"))
    assert (item.uid, item.kind, item.values["text"], item.values["due"]) == (
        "lenient-1", "step", "A summary that is folded", "2024-12-01")
    assert_well_formed(write_item(item, fixture("lenient_todo.ics"), now=NOW))
    bare = "BEGIN:VTODO\nUID:bare-1\nSUMMARY:No calendar around it\nEND:VTODO\n"
    assert read_item(bare).values["text"] == "No calendar around it"


@pytest.mark.parametrize("text, message", [
    ("", "not a calendar item"),
    ("BEGIN:VCARD\r\nEND:VCARD\r\n", "not a calendar item"),
    ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "no VTODO or VJOURNAL"),
    ("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", "no UID"),
    ("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:x\r\nDUE:2025xx\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", "cannot be read"),
    ("BEGIN:VCALENDAR\r\nthis is not\r\nEND:VCALENDAR\r\n", "cannot be read"),
])
def test_nothing_readable_is_one_line(zone, text, message):
    with pytest.raises(ItemFormatError) as caught:
        read_item(text)
    assert isinstance(caught.value, JournalError)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_servers_copy_that_cannot_be_read_is_refused_rather_than_written_over(zone):
    with pytest.raises(ItemFormatError):
        write_item(step(text="t"), "BEGIN:VCALENDAR\r\nnot a line\r\nEND:VCALENDAR\r\n", now=NOW)
    fresh = write_item(step(text="t"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", now=NOW)
    assert read_item(fresh).values["text"] == "t"  # a calendar with no task in it gets one
