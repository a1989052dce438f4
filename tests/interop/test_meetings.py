"""Meetings read from iCalendar files as the common clients write them, and from calendars made here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.interop.meetings import (
    MAX_OCCURRENCES,
    Attendee,
    Meeting,
    MeetingList,
    declined,
    is_cancelled,
    read_meetings,
)

FIXTURES = Path(__file__).parent / "fixtures" / "meetings"
ME = frozenset({"me@example.org"})
NOV = (dt.datetime(2026, 11, 1), dt.datetime(2026, 12, 1))


def _read(name: str, start=NOV[0], end=NOV[1], own=ME) -> MeetingList:
    result = read_meetings((FIXTURES / name).read_bytes(), start=start, end=end, own_addresses=own)
    assert result.skipped == []
    return result


def _cal(*events: str, header: str = "") -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{header}{body}END:VCALENDAR\r\n"


def _starts(meetings) -> list[str]:
    return [m.start.strftime("%m-%d %H:%M") for m in meetings]


# --- Google Calendar ------------------------------------------------------------------------------------------

def test_google_weekly_series_with_until_exdate_and_overrides(local_zone):
    local_zone("Europe/Berlin")
    meetings = _read("google.ics")
    standup = [m for m in meetings if m.uid.startswith("4kq0")]
    # Tue and Thu at 10:00; 5 Nov is an EXDATE, 10 Nov moved to 14:00, 12 Nov cancelled.
    assert _starts(standup) == ["11-03 10:00", "11-10 14:00", "11-12 10:00", "11-17 10:00", "11-19 10:00",
                                "11-24 10:00", "11-26 10:00"]
    moved = standup[1]
    assert moved.summary == "Stand-up with Dana (moved)"
    assert moved.end == dt.datetime(2026, 11, 10, 14, 30)
    assert moved.recurrence_id == "20261110T090000Z"  # the original start, in UTC
    assert [a.partstat for a in moved.attendees] == ["TENTATIVE", "ACCEPTED"]
    assert is_cancelled(standup[2]) and standup[2].status == "CANCELLED"
    assert not any(is_cancelled(m) for m in standup if m is not standup[2])
    assert standup[0].organizer == "me@example.org"
    assert standup[0].attendees[0] == Attendee("dana.smith@example.com", "Dana Smith", "ACCEPTED", "REQ-PARTICIPANT")
    assert standup[0].my_response == "ACCEPTED"
    assert len({m.recurrence_id for m in standup}) == len(standup)


def test_google_until_ends_the_series(local_zone):
    local_zone("Europe/Berlin")
    december = _read("google.ics", dt.datetime(2026, 12, 1), dt.datetime(2027, 1, 1))
    # UNTIL=20261208T085959Z is a second before Tue 8 Dec 10:00 Berlin: the 3rd is the last.
    assert _starts(m for m in december if m.uid.startswith("4kq0")) == ["12-01 10:00", "12-03 10:00"]


def test_google_utc_and_all_day_events(local_zone):
    local_zone("Europe/Berlin")
    meetings = _read("google.ics")
    coffee = next(m for m in meetings if m.summary == "Coffee chat")
    assert (coffee.start, coffee.end) == (dt.datetime(2026, 11, 24, 10), dt.datetime(2026, 11, 24, 11))
    assert coffee.recurrence_id == "" and not coffee.all_day
    assert coffee.organizer == "dana.smith@example.com"  # written Dana.Smith@Example.com
    assert coffee.location == "Café Einstein, Unter den Linden 42, Berlin"
    assert coffee.my_response == "NEEDS-ACTION"
    offsite = next(m for m in meetings if m.summary == "Team offsite")
    assert offsite.all_day
    assert (offsite.start, offsite.end) == (dt.datetime(2026, 11, 27), dt.datetime(2026, 11, 28))
    assert meetings == sorted(meetings, key=lambda m: m.start)


def test_the_same_file_read_in_another_zone_moves_timed_events_not_all_day_ones(local_zone):
    local_zone("America/New_York")
    meetings = _read("google.ics")
    coffee = next(m for m in meetings if m.summary == "Coffee chat")
    assert coffee.start == dt.datetime(2026, 11, 24, 4)  # 09:00 UTC is 04:00 EST
    standup = next(m for m in meetings if m.uid.startswith("4kq0"))
    assert standup.start == dt.datetime(2026, 11, 3, 4)  # 10:00 CET
    offsite = next(m for m in meetings if m.summary == "Team offsite")
    assert offsite.start == dt.datetime(2026, 11, 27)


def test_a_series_keeps_its_wall_clock_time_across_a_change_of_clocks(local_zone):
    local_zone("UTC")
    october = _read("google.ics", dt.datetime(2026, 10, 20), dt.datetime(2026, 10, 30))
    # 10:00 in Berlin is 08:00 UTC in summer time and 09:00 UTC after 25 October.
    assert _starts(october) == ["10-20 08:00", "10-22 08:00", "10-27 09:00", "10-29 09:00"]


# --- Outlook and Exchange -------------------------------------------------------------------------------------

def test_outlook_microsoft_zone_monthly_by_day_with_count_and_declined(local_zone):
    local_zone("Europe/Berlin")
    meetings = _read("outlook.ics", dt.datetime(2026, 1, 1), dt.datetime(2028, 1, 1))
    # The second Wednesday of four months, at 11:00 "W. Europe Standard Time".
    assert [m.start for m in meetings] == [dt.datetime(2026, 11, 11, 11), dt.datetime(2026, 12, 9, 11),
                                          dt.datetime(2027, 1, 13, 11), dt.datetime(2027, 2, 10, 11)]
    first = meetings[0]
    assert first.summary == "Monthly review" and first.location == "Microsoft Teams Meeting"
    assert first.organizer == "sam.lee@contoso.example"  # MAILTO:Sam.Lee@contoso.example
    assert first.attendees[0] == Attendee("sam.lee@contoso.example", "Sam Lee", "NEEDS-ACTION", "REQ-PARTICIPANT")
    assert first.my_response == "DECLINED"  # mailto:ME@Example.ORG
    assert all(declined(m) for m in meetings)
    assert not any(is_cancelled(m) for m in meetings)


def test_outlook_microsoft_zone_read_elsewhere(local_zone):
    local_zone("Asia/Tokyo")
    meetings = _read("outlook.ics")
    assert meetings[0].start == dt.datetime(2026, 11, 11, 19)  # 11:00 CET is 10:00 UTC, 19:00 JST


def test_exchange_pacific_zone_without_vtimezone_and_cancel_messages(local_zone):
    local_zone("Europe/London")
    text = (FIXTURES / "exchange_cancel.ics").read_text()
    assert "VTIMEZONE" not in text and text.count("BEGIN:VCALENDAR") == 4
    meetings = _read("exchange_cancel.ics")
    sync = [m for m in meetings if m.summary == "Partner sync"]
    # Mondays 09:00 Pacific = 17:00 in London (both on winter time in November).
    assert _starts(sync) == ["11-02 17:00", "11-09 17:00", "11-16 17:00", "11-23 17:00", "11-30 17:00"]
    assert [m.status for m in sync] == ["CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED", "CONFIRMED"]
    budget = next(m for m in meetings if m.summary == "Budget walkthrough")
    assert is_cancelled(budget) and budget.start == dt.datetime(2026, 11, 19, 21)
    assert all(m.my_response == "NEEDS-ACTION" and m.organizer == "riley.chen@fabrikam.example" for m in meetings)
    # UNTIL=20261215T170000Z includes Mon 14 Dec 09:00 PST (17:00 UTC) and nothing after.
    december = _read("exchange_cancel.ics", dt.datetime(2026, 12, 1), dt.datetime(2027, 1, 1))
    assert _starts(december) == ["12-07 17:00", "12-14 17:00"]


def test_common_microsoft_zone_names_without_vtimezone(local_zone):
    local_zone("UTC")
    names = {"W. Europe Standard Time": 9, "Pacific Standard Time": 18, "Eastern Standard Time": 15,
             "GMT Standard Time": 10, "Romance Standard Time": 9, "Central Europe Standard Time": 9,
             "Tokyo Standard Time": 1, "India Standard Time": 4}
    for name, utc_hour in names.items():
        data = _cal(f"UID:x\r\nDTSTART;TZID=\"{name}\":20261116T100000\r\nSUMMARY:{name}")
        meetings = read_meetings(data, start=dt.datetime(2026, 11, 15), end=dt.datetime(2026, 11, 18))
        assert [m.start.hour for m in meetings] == [utc_hour], name


# --- Apple Calendar -------------------------------------------------------------------------------------------

def test_apple_rdate_duration_email_parameter_and_encoded_cn(local_zone):
    local_zone("America/New_York")
    meetings = _read("apple.ics", dt.datetime(2026, 11, 1), dt.datetime(2027, 1, 1))
    lunches = [m for m in meetings if m.summary == "Lunch with Priya"]
    assert [(m.start, m.end) for m in lunches] == [
        (dt.datetime(2026, 11, 18, 12, 30), dt.datetime(2026, 11, 18, 14)),  # DURATION:PT1H30M
        (dt.datetime(2026, 12, 3, 12, 30), dt.datetime(2026, 12, 3, 14)),  # the RDATE
    ]
    lunch = lunches[0]
    assert lunch.status == "TENTATIVE" and lunch.my_response == "TENTATIVE"
    assert lunch.location == "Blue Bottle Hayes Valley"
    priya, grandma, me = lunch.attendees
    assert priya == Attendee("priya@example.net", 'Priya "PJ" Patel', "ACCEPTED", "REQ-PARTICIPANT")
    assert grandma == Attendee("", "Grandma", "NEEDS-ACTION", "REQ-PARTICIPANT")  # invalid:nomail
    assert me.role == "CHAIR"
    birthday = next(m for m in meetings if m.summary == "Priya's birthday")
    assert birthday.all_day and birthday.start == dt.datetime(2026, 11, 22)


# --- Thunderbird ----------------------------------------------------------------------------------------------

def test_thunderbird_lf_lines_utc_exdate_and_cancelled_override(local_zone):
    local_zone("Europe/Berlin")
    assert b"\r\n" not in (FIXTURES / "thunderbird.ics").read_bytes()
    meetings = _read("thunderbird.ics")
    # Daily, COUNT=5 from 16 Nov at 08:00; the 17th is excluded by a UTC EXDATE, the 19th cancelled.
    assert _starts(meetings) == ["11-16 08:00", "11-18 08:00", "11-19 08:00", "11-20 08:00"]
    assert [is_cancelled(m) for m in meetings] == [False, False, True, False]
    assert meetings[0].attendees[1] == Attendee("me@example.org", "", "ACCEPTED", "OPT-PARTICIPANT")  # Mailto:
    assert meetings[0].my_response == "ACCEPTED"


# --- Nextcloud ------------------------------------------------------------------------------------------------

def test_nextcloud_endless_series_iana_zone_without_vtimezone(local_zone):
    local_zone("Europe/Berlin")
    assert "VTIMEZONE" not in (FIXTURES / "nextcloud.ics").read_text()
    meetings = _read("nextcloud.ics")
    series = [m for m in meetings if m.summary == "Language exchange"]
    assert _starts(series) == ["11-02 17:00", "11-09 17:00", "11-16 17:00", "11-23 17:00", "11-30 17:00"]
    juergen, mia, me = series[0].attendees
    assert juergen.name == "Jürgen Bauer"  # CN="=?utf-8?q?J=C3=BCrgen_Bauer?="
    assert mia.email == "mia.wagner@example.de"  # written without mailto:
    assert me.email == "me@example.org" and series[0].my_response == "ACCEPTED"
    assert series[0].organizer == "juergen@example.at"
    far = _read("nextcloud.ics", dt.datetime(2040, 3, 1), dt.datetime(2040, 3, 8))
    assert _starts(far) == ["03-05 17:00"]


def test_a_floating_time_stays_at_its_wall_clock_time(local_zone):
    for zone in ("Europe/Berlin", "Pacific/Auckland"):
        local_zone(zone)
        dinner = next(m for m in _read("nextcloud.ics") if m.summary == "Dinner at Mia's")
        assert (dinner.start, dinner.end) == (dt.datetime(2026, 11, 25, 19), dt.datetime(2026, 11, 25, 21, 30))


# --- made here: time zones, windows and the lenient cases -----------------------------------------------------

def test_utc_tzid_vtimezone_of_its_own_and_x_wr_timezone(local_zone):
    local_zone("Europe/Berlin")
    custom = ("BEGIN:VTIMEZONE\r\nTZID:Custom Plus Five\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
              "TZOFFSETFROM:+0500\r\nTZOFFSETTO:+0500\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")
    data = _cal("UID:utc\r\nDTSTART;TZID=UTC:20261116T100000\r\nSUMMARY:utc",
                "UID:own\r\nDTSTART;TZID=Custom Plus Five:20261116T100000\r\nSUMMARY:own",
                header=custom)
    got = {m.uid: m.start for m in read_meetings(data, start=dt.datetime(2026, 11, 16), end=dt.datetime(2026, 11, 17))}
    assert got == {"utc": dt.datetime(2026, 11, 16, 11), "own": dt.datetime(2026, 11, 16, 6)}
    # A floating time in a calendar that names its zone is a time in that zone.
    data = _cal("UID:f\r\nDTSTART:20261116T100000\r\nSUMMARY:f", header="X-WR-TIMEZONE:America/Chicago\r\n")
    [meeting] = read_meetings(data, start=dt.datetime(2026, 11, 16), end=dt.datetime(2026, 11, 17))
    assert meeting.start == dt.datetime(2026, 11, 16, 17)  # 10:00 CST is 16:00 UTC, 17:00 CET


def test_an_unknown_zone_is_taken_as_floating(local_zone):
    local_zone("Europe/Berlin")
    data = _cal("UID:u\r\nDTSTART;TZID=Somewhere/Else:20261116T100000\r\nDTEND;TZID=Somewhere/Else:20261116T110000")
    [meeting] = read_meetings(data, start=dt.datetime(2026, 11, 16), end=dt.datetime(2026, 11, 17))
    assert (meeting.start, meeting.end) == (dt.datetime(2026, 11, 16, 10), dt.datetime(2026, 11, 16, 11))


def test_daily_with_interval_and_weekly_by_several_days_with_count(local_zone):
    local_zone("UTC")
    data = _cal("UID:d\r\nDTSTART:20261102T080000Z\r\nDTEND:20261102T081500Z\r\nRRULE:FREQ=DAILY;INTERVAL=3",
                "UID:w\r\nDTSTART:20261102T120000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=4",
                "UID:m\r\nDTSTART;VALUE=DATE:20260131\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1")
    meetings = read_meetings(data, start=dt.datetime(2026, 11, 1), end=dt.datetime(2026, 11, 12))
    assert [(m.uid, m.start.day) for m in meetings] == [
        ("d", 2), ("w", 2), ("w", 4), ("d", 5), ("w", 6), ("d", 8), ("w", 9), ("d", 11)]
    last_days = read_meetings(data, start=dt.datetime(2027, 2, 1), end=dt.datetime(2027, 3, 1))
    assert [(m.uid, m.start) for m in last_days if m.uid == "m"] == [("m", dt.datetime(2027, 2, 28))]


def test_an_occurrence_moved_into_or_out_of_the_window_goes_with_its_new_time(local_zone):
    local_zone("UTC")
    data = _cal("UID:r\r\nDTSTART:20261102T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Series",
                "UID:r\r\nRECURRENCE-ID:20261102T100000Z\r\nDTSTART:20261112T100000Z\r\nSUMMARY:In",
                "UID:r\r\nRECURRENCE-ID:20261116T100000Z\r\nDTSTART:20261201T100000Z\r\nSUMMARY:Out")
    meetings = read_meetings(data, start=dt.datetime(2026, 11, 10), end=dt.datetime(2026, 11, 20))
    assert [(m.summary, m.start.day, m.recurrence_id) for m in meetings] == [("In", 12, "20261102T100000Z")]


def test_the_window_is_half_open_and_takes_what_overlaps_it(local_zone):
    local_zone("UTC")
    data = _cal("UID:before\r\nDTSTART:20261116T080000Z\r\nDTEND:20261116T090000Z",  # ends at the start
                "UID:across\r\nDTSTART:20261115T220000Z\r\nDTEND:20261116T093000Z",  # runs into it
                "UID:point\r\nDTSTART:20261116T090000Z",  # no end, at the start
                "UID:inside\r\nDTSTART:20261116T120000Z\r\nDURATION:PT1H",
                "UID:at-end\r\nDTSTART:20261116T170000Z\r\nDTEND:20261116T180000Z",  # begins at the end
                "UID:days\r\nDTSTART;VALUE=DATE:20261114\r\nDTEND;VALUE=DATE:20261117")  # three days
    meetings = read_meetings(data, start=dt.datetime(2026, 11, 16, 9), end=dt.datetime(2026, 11, 16, 17))
    assert [m.uid for m in meetings] == ["days", "across", "point", "inside"]
    point = meetings[2]
    assert point.end is None  # neither DTEND nor DURATION
    assert meetings[3].end == dt.datetime(2026, 11, 16, 13)


def test_an_event_without_uid_gets_a_stable_one(local_zone):
    local_zone("UTC")
    event = "DTSTART:20261116T100000Z\r\nSUMMARY:No uid\r\nDTSTAMP:{stamp}"
    first = read_meetings(_cal(event.format(stamp="20261101T000000Z")), start=NOV[0], end=NOV[1])
    again = read_meetings(_cal(event.format(stamp="20261130T000000Z")), start=NOV[0], end=NOV[1])
    other = read_meetings(_cal(event.replace("No uid", "Another").format(stamp="20261101T000000Z")),
                          start=NOV[0], end=NOV[1])
    assert first[0].uid and first[0].uid == again[0].uid != other[0].uid
    # Two different events without UID stay two meetings.
    both = _cal(event.format(stamp="1"), event.replace("No uid", "Another").format(stamp="2"))
    assert len(read_meetings(both, start=NOV[0], end=NOV[1])) == 2


def test_addresses_in_every_spelling(local_zone):
    local_zone("UTC")
    data = _cal("UID:a\r\nDTSTART:20261116T100000Z\r\n"
                "ORGANIZER:MaIlTo:Boss@Example.COM\r\n"
                "ATTENDEE;CN=Plain:plain@example.com\r\n"
                "ATTENDEE;CN=\"Lee, Sam\";PARTSTAT=declined:mailto:sam%40example.com\r\n"
                "ATTENDEE;CN=\"Zoë ^'Z^' ^^ Ng\":MAILTO:<zoe@example.com>\r\n"
                "ATTENDEE;CN==?iso-8859-1?q?Ren=E9_Roux?=:mailto:rene@example.fr\r\n"
                "ATTENDEE:urn:uuid:00000000-0000-0000-0000-000000000000\r\n")
    [meeting] = read_meetings(data, start=NOV[0], end=NOV[1], own_addresses=frozenset({"SAM@example.com "}))
    assert meeting.organizer == "boss@example.com"
    assert [(a.email, a.name) for a in meeting.attendees] == [
        ("plain@example.com", "Plain"), ("sam@example.com", "Lee, Sam"), ("zoe@example.com", 'Zoë "Z" ^ Ng'),
        ("rene@example.fr", "René Roux")]
    assert meeting.my_response == "DECLINED" and declined(meeting)
    assert meeting.attendees[0].partstat == "NEEDS-ACTION"  # the default


def test_own_response_is_empty_when_not_invited(local_zone):
    local_zone("UTC")
    data = _cal("UID:a\r\nDTSTART:20261116T100000Z\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:x@example.com")
    [meeting] = read_meetings(data, start=NOV[0], end=NOV[1], own_addresses=ME)
    assert meeting.my_response == "" and not declined(meeting)
    [meeting] = read_meetings(data, start=NOV[0], end=NOV[1])
    assert meeting.my_response == ""


def test_the_newest_copy_of_an_event_wins(local_zone):
    local_zone("UTC")
    old = "UID:s\r\nSEQUENCE:1\r\nDTSTART:20261116T100000Z\r\nSUMMARY:Old time"
    new = "UID:s\r\nSEQUENCE:2\r\nDTSTART:20261117T100000Z\r\nSUMMARY:New time"
    for data in (_cal(new, old), _cal(old) + _cal(new)):
        assert [(m.summary, m.start.day) for m in read_meetings(data, start=NOV[0], end=NOV[1])] == [("New time", 17)]


def test_a_reply_does_not_replace_the_invitation_but_counts_alone(local_zone):
    local_zone("UTC")
    invite = _cal("UID:i\r\nSEQUENCE:0\r\nDTSTART:20261116T100000Z\r\nSUMMARY:Invite\r\n"
                  "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.org\r\nATTENDEE:mailto:dana@example.com",
                  header="METHOD:REQUEST\r\n")
    reply = _cal("UID:i\r\nSEQUENCE:0\r\nDTSTART:20261116T100000Z\r\nSUMMARY:Invite\r\n"
                 "ATTENDEE;PARTSTAT=ACCEPTED:mailto:dana@example.com", header="METHOD:REPLY\r\n")
    [meeting] = read_meetings(invite + reply, start=NOV[0], end=NOV[1], own_addresses=frozenset({"MAILTO:Me@Example.org"}))
    assert [a.email for a in meeting.attendees] == ["me@example.org", "dana@example.com"]
    assert meeting.my_response == "ACCEPTED"
    [alone] = read_meetings(reply, start=NOV[0], end=NOV[1])
    assert [a.email for a in alone.attendees] == ["dana@example.com"]


def test_an_event_cancelled_as_a_whole_is_marked_so(local_zone):
    local_zone("UTC")
    data = _cal("UID:c\r\nSTATUS:CANCELLED\r\nDTSTART:20261116T100000Z\r\nRRULE:FREQ=DAILY;COUNT=2",
                "UID:t\r\nSTATUS:tentative\r\nDTSTART:20261116T110000Z",
                "UID:odd\r\nSTATUS:SOMETHING-ELSE\r\nDTSTART:20261116T120000Z")
    meetings = read_meetings(data, start=NOV[0], end=NOV[1])
    assert [(m.uid, m.status) for m in meetings] == [
        ("c", "CANCELLED"), ("t", "TENTATIVE"), ("odd", "CONFIRMED"), ("c", "CANCELLED")]


def test_broken_events_are_skipped_with_their_reason_and_the_rest_is_read(local_zone):
    local_zone("UTC")
    data = _cal("UID:good\r\nDTSTART:20261116T100000Z\r\nSUMMARY:Good",
                "UID:no-start\r\nSUMMARY:Nothing to go on",
                "UID:bad-start\r\nDTSTART:tomorrow-ish\r\nSUMMARY:Bad start",
                "UID:bad-rule\r\nDTSTART:20261116T100000Z\r\nRRULE:FREQ=FORTNIGHTLY\r\nSUMMARY:Bad rule",
                "UID:good-2\r\nDTSTART:20261117T100000Z\r\nSUMMARY:Good too")
    data = data.replace("SUMMARY:Good too", "SUMMARY:Good too\r\nthis line is no content line\r\n\x00")
    result = read_meetings(data, start=NOV[0], end=NOV[1])
    assert [m.uid for m in result] == ["good", "good-2"]
    reasons = {s.uid: s.reason for s in result.skipped}
    assert reasons["no-start"] == "no DTSTART"
    assert "DTSTART" in reasons["bad-start"]
    assert "bad-rule" in reasons
    assert any("content line" in s.reason for s in result.skipped)
    assert all("\n" not in s.reason for s in result.skipped)


def test_an_unbalanced_calendar_is_read_event_by_event(local_zone):
    local_zone("UTC")
    data = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
            "BEGIN:VEVENT\r\nUID:one\r\nDTSTART:20261116T100000Z\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:broken\r\nDTSTART:20261116T110000Z\r\nBEGIN:VALARM\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:two\r\nDTSTART:20261116T120000Z\r\nEND:VEVENT\r\n")  # no END:VCALENDAR
    result = read_meetings(data, start=NOV[0], end=NOV[1])
    assert {"one", "two"} <= {m.uid for m in result}


def test_events_without_a_vcalendar_and_odd_encodings(local_zone):
    local_zone("UTC")
    bare = "BEGIN:VEVENT\nUID:bare\nDTSTART:20261116T100000Z\nSUMMARY:Bare\nEND:VEVENT\n"
    assert [m.summary for m in read_meetings(bare, start=NOV[0], end=NOV[1])] == ["Bare"]
    latin = _cal("UID:l\r\nDTSTART:20261116T100000Z\r\nSUMMARY:Caf\xe9 mit J\xfcrgen").encode("cp1252")
    assert [m.summary for m in read_meetings(latin, start=NOV[0], end=NOV[1])] == ["Café mit Jürgen"]
    bom = b"\xef\xbb\xbf" + _cal("UID:b\r\nDTSTART:20261116T100000Z\r\nSUMMARY:Bom").encode()
    assert [m.summary for m in read_meetings(bom, start=NOV[0], end=NOV[1])] == ["Bom"]


@pytest.mark.parametrize("data", [b"", "", b"\xff\xfe\x00", "not a calendar", "BEGIN:VCALENDAR", "END:VEVENT",
                                  "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", None, 42])
def test_nothing_readable_gives_an_empty_list(data):
    result = read_meetings(data, start=NOV[0], end=NOV[1])
    assert isinstance(result, MeetingList) and list(result) == []


# --- bounded expansion ----------------------------------------------------------------------------------------

def test_a_two_year_weekly_series_with_exceptions_is_read_over_a_month_quickly(local_zone):
    local_zone("Europe/Berlin")
    first = dt.datetime(2025, 6, 2, 9)  # a Monday
    weeks = [first + dt.timedelta(weeks=n) for n in range(104)]
    exdates = [w for n, w in enumerate(weeks) if n % 7 == 3]
    moved = [w for n, w in enumerate(weeks) if n % 5 == 1 and w not in exdates]
    events = ["UID:long\r\nDTSTART;TZID=Europe/Berlin:20250602T090000\r\nDTEND;TZID=Europe/Berlin:20250602T093000\r\n"
              "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=104\r\n"
              + "".join(f"EXDATE;TZID=Europe/Berlin:{w:%Y%m%dT%H%M%S}\r\n" for w in exdates)
              + "SUMMARY:Weekly 1:1"]
    for w in moved:
        later = w + dt.timedelta(days=1, hours=5)
        events.append(f"UID:long\r\nRECURRENCE-ID;TZID=Europe/Berlin:{w:%Y%m%dT%H%M%S}\r\n"
                      f"DTSTART;TZID=Europe/Berlin:{later:%Y%m%dT%H%M%S}\r\nSUMMARY:Weekly 1:1 (moved)")
    data = _cal(*events).encode()
    window = (dt.datetime(2026, 3, 1), dt.datetime(2026, 4, 1))
    meetings = read_meetings(data, start=window[0], end=window[1])
    expected = []
    for w in weeks:
        if w in exdates:
            continue
        when = w + dt.timedelta(days=1, hours=5) if w in moved else w
        if window[0] <= when < window[1]:
            expected.append(when)
    assert [m.start for m in meetings] == expected and len(expected) >= 3
    assert meetings.skipped == []


def test_an_endless_rule_is_expanded_only_as_far_as_the_window(local_zone):
    local_zone("UTC")
    data = _cal("UID:forever\r\nDTSTART:19000101T100000Z\r\nRRULE:FREQ=DAILY",
                "UID:minutes\r\nDTSTART:20261115T000000Z\r\nRRULE:FREQ=MINUTELY;INTERVAL=30")
    meetings = read_meetings(data, start=dt.datetime(2026, 11, 16, 9), end=dt.datetime(2026, 11, 16, 11))
    assert [(m.uid, m.start.strftime("%H:%M")) for m in meetings] == [
        ("minutes", "09:00"), ("minutes", "09:30"), ("forever", "10:00"), ("minutes", "10:00"), ("minutes", "10:30")]
    assert meetings.skipped == []


@pytest.mark.parametrize("rule", ["FREQ=MINUTELY", "FREQ=SECONDLY;COUNT=200000000", "FREQ=HOURLY;INTERVAL=0",
                                  "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,31", "FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=-31"])
def test_a_rule_too_costly_or_impossible_to_expand_is_skipped_at_once(local_zone, rule):
    local_zone("UTC")
    data = _cal(f"UID:bad\r\nDTSTART:19900101T000000Z\r\nRRULE:{rule}",
                "UID:fine\r\nDTSTART:20261116T100000Z")
    result = read_meetings(data, start=dt.datetime(2026, 11, 16), end=dt.datetime(2026, 11, 17))
    assert [m.uid for m in result] == ["fine"]
    assert [s.uid for s in result.skipped] == ["bad"] and "RRULE" in result.skipped[0].reason


def test_a_series_too_dense_for_the_window_is_cut_and_said_so(local_zone):
    local_zone("UTC")
    data = _cal("UID:dense\r\nDTSTART:20261116T000000Z\r\nRRULE:FREQ=MINUTELY")
    result = read_meetings(data, start=dt.datetime(2026, 11, 16), end=dt.datetime(2026, 11, 20))
    assert len(result) == MAX_OCCURRENCES
    assert [s.uid for s in result.skipped] == ["dense"] and str(MAX_OCCURRENCES) in result.skipped[0].reason


# --- anything at all ------------------------------------------------------------------------------------------

_LINES = st.sampled_from([
    "BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "METHOD:CANCEL", "METHOD:REQUEST",
    "X-WR-TIMEZONE:Europe/Berlin", "X-WR-TIMEZONE:Nowhere", "UID:a", "UID:b", "UID:", "SUMMARY:s",
    "DTSTART:20261116T100000Z", "DTSTART:20261116T100000", "DTSTART;VALUE=DATE:20261116", "DTSTART:2026",
    "DTSTART;TZID=W. Europe Standard Time:20261116T100000", "DTSTART;TZID=Bad/Zone:20261116T100000",
    "DTEND:20261116T110000Z", "DTEND:20261115T110000Z", "DTEND;VALUE=DATE:20261117", "DURATION:PT1H",
    "DURATION:-P1D", "DURATION:bogus", "RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3",
    "RRULE:FREQ=MONTHLY;BYDAY=2WE;UNTIL=20270101T000000Z", "RRULE:FREQ=YEARLY;UNTIL=20261101", "RRULE:FREQ=",
    "RRULE:FREQ=HOURLY;INTERVAL=0", "RRULE:FREQ=DAILY;BYSETPOS=400", "EXDATE:20261117T100000Z",
    "EXDATE;VALUE=DATE:20261117", "RDATE:20261120T100000Z", "RDATE;VALUE=PERIOD:20261120T100000Z/PT1H",
    "RECURRENCE-ID:20261117T100000Z", "RECURRENCE-ID;RANGE=THISANDFUTURE:20261118T100000Z",
    "RECURRENCE-ID:junk", "STATUS:CANCELLED", "STATUS:TENTATIVE", "SEQUENCE:x", "SEQUENCE:3",
    "ORGANIZER:mailto:a@b.c", "ORGANIZER;CN=\"x\":", "ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.org",
    "ATTENDEE;CN==?utf-8?b?w7w=?=:x@y.z", "ATTENDEE;EMAIL=:urn:uuid:1", "ATTENDEE;CN=\"unterminated:x",
    "BEGIN:VTIMEZONE", "END:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD", "END:STANDARD",
    "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZOFFSETTO:junk", "BEGIN:VALARM", "END:VALARM", " folded",
]) | st.text(max_size=30)


_SKELETON = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART:20261116T100000Z"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_LINES, max_size=30), in_event=st.booleans(), crlf=st.booleans(), as_bytes=st.booleans())
def test_never_raises_on_any_input(lines, in_event, crlf, as_bytes):
    if in_event:  # most inputs then hold an event that reads, and the lines change it
        lines = [*_SKELETON, *lines, "END:VEVENT", "END:VCALENDAR"]
    text = ("\r\n" if crlf else "\n").join(lines)
    data = text.encode("utf-8", "surrogatepass") if as_bytes else text
    start, end = dt.datetime(2026, 11, 15), dt.datetime(2026, 11, 22)
    result = read_meetings(data, start=start, end=end, own_addresses=ME)
    assert isinstance(result, MeetingList)
    assert all(isinstance(m, Meeting) for m in result)
    assert [m.start for m in result] == sorted(m.start for m in result)
    for m in result:
        assert m.start < end and m.status in ("CONFIRMED", "TENTATIVE", "CANCELLED")
        assert m.start.tzinfo is None and (m.end is None or m.end.tzinfo is None)
        assert m.uid and m.organizer == m.organizer.lower()
    assert all(s.reason and "\n" not in s.reason for s in result.skipped)
