"""iCalendar export: written with the icalendar library, parsed back to check it."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

from icalendar import Calendar

from journal.interop.ical import COMPLETED, NEEDS_ACTION, TodoEntry, read_todos, write_calendar
from journal.services.agenda import next_steps
from journal.services.conversations.records import PersonRef, StepDraft, log_conversation
from journal.services.interchange.calendar_export import export_ics, export_ics_file
from journal.services.people import records as people

REMINDER = dt.time(8, 30)


def local_to_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone().astimezone(dt.UTC)


def test_writer_round_trip():
    now = dt.datetime(2026, 3, 11, 9, 30)
    entries = [
        TodoEntry("next_step:1", "Call Omar; ask about the role", dt.date(2026, 3, 12), dt.time(14, 0),
                  alarm_at=dt.datetime(2026, 3, 12, 14, 0)),
        TodoEntry("next_step:2", "Send deck", dt.date(2026, 3, 9), status=COMPLETED,
                  completed_at=dt.datetime(2026, 3, 10, 17, 0)),
        TodoEntry("next_step:3", "Someday"),
    ]
    todos = {t.uid: t for t in read_todos(write_calendar(entries, now=now))}
    assert todos["next_step:1@contact-journal"].summary == "Call Omar; ask about the role"
    assert todos["next_step:1@contact-journal"].due == dt.datetime(2026, 3, 12, 14, 0)
    assert todos["next_step:1@contact-journal"].alarms == (local_to_utc(dt.datetime(2026, 3, 12, 14, 0)),)
    assert todos["next_step:2@contact-journal"].status == COMPLETED
    assert todos["next_step:2@contact-journal"].alarms == ()
    assert todos["next_step:3@contact-journal"].due is None


def test_export_holds_open_steps_and_keep_in_touch_dates(db, clock):
    log_conversation(
        [PersonRef.named("Dana Smith")],
        summary="Coffee",
        next_steps=[StepDraft("Send Dana the deck", dt.date(2026, 3, 12))],
        clock=clock,
    )
    timed = next_steps.add("Call Omar", due=dt.date(2026, 3, 13), due_time=dt.time(14, 0), clock=clock)
    done_long_ago = next_steps.add("Old", due=dt.date(2026, 1, 1), clock=clock)
    next_steps.complete(done_long_ago, clock=type(clock)(dt.datetime(2026, 1, 2, 10, 0)))
    recently_done = next_steps.add("Thank Priya", due=dt.date(2026, 3, 10), clock=clock)
    next_steps.complete(recently_done, clock=clock)
    marta = people.create_person("Marta").id
    people.set_cadence(marta, 14, clock=clock)

    stream = io.StringIO()
    count = export_ics(stream, clock=clock, reminder_time=REMINDER)
    text = stream.getvalue()
    assert count == 4
    assert "\r\n" in text and "BEGIN:VCALENDAR" in text

    todos = {t.uid: t for t in read_todos(text)}
    assert set(todos) == {
        "next_step:1@contact-journal",
        f"next_step:{timed}@contact-journal",
        f"next_step:{recently_done}@contact-journal",
        f"keep_in_touch:{marta}@contact-journal",
    }
    deck = todos["next_step:1@contact-journal"]
    assert (deck.summary, deck.status, deck.due) == ("Send Dana the deck", NEEDS_ACTION, dt.date(2026, 3, 12))
    assert deck.alarms == (local_to_utc(dt.datetime(2026, 3, 12, 8, 30)),)
    assert todos[f"next_step:{timed}@contact-journal"].due == dt.datetime(2026, 3, 13, 14, 0)
    assert todos[f"next_step:{recently_done}@contact-journal"].status == COMPLETED
    touch = todos[f"keep_in_touch:{marta}@contact-journal"]
    assert (touch.summary, touch.due) == ("Keep in touch with Marta", dt.date(2026, 3, 25))

    calendar = Calendar.from_ical(text)
    vtodo = next(c for c in calendar.walk("VTODO") if str(c["uid"]) == "next_step:1@contact-journal")
    assert "With Dana Smith" in str(vtodo["description"])
    assert vtodo["due"].params.get("VALUE") == "DATE"
    assert next(iter(vtodo.walk("VALARM")))["trigger"].params.get("VALUE") == "DATE-TIME"


def test_reexport_keeps_uids_and_moves_dates(db, clock, tmp_path):
    step = next_steps.add("Follow up", due=dt.date(2026, 3, 12), clock=clock)
    target = tmp_path / "journal.ics"
    export_ics_file(target, clock=clock, reminder_time=REMINDER)
    first = read_todos(target.read_bytes())
    next_steps.reschedule(step, dt.date(2026, 3, 20))
    export_ics_file(target, clock=clock, reminder_time=REMINDER)
    second = read_todos(target.read_bytes())
    assert [t.uid for t in first] == [t.uid for t in second] == [f"next_step:{step}@contact-journal"]
    assert second[0].due == dt.date(2026, 3, 20)
    assert not list(tmp_path.glob(".*.partial"))


def test_a_failed_write_leaves_the_old_file(db, clock, tmp_path, monkeypatch):
    import os

    next_steps.add("Follow up", due=dt.date(2026, 3, 12), clock=clock)
    target = tmp_path / "journal.ics"
    target.write_text("previous export")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    try:
        export_ics_file(target, clock=clock, reminder_time=REMINDER)
    except OSError:
        pass
    else:
        raise AssertionError("the write should have failed")
    assert target.read_text() == "previous export"
    assert not list(tmp_path.glob(".*.partial"))


def test_command_line_export_ics(db, journal_path, clock, tmp_path):
    next_steps.add("Call Omar", due=dt.date(2030, 1, 2), clock=clock)
    db.close()
    result = subprocess.run(
        [sys.executable, "-m", "journal", "--db", str(journal_path), "export", "ics"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    todos = read_todos(result.stdout)
    assert [(t.summary, t.due) for t in todos] == [("Call Omar", dt.date(2030, 1, 2))]
    out = tmp_path / "out.ics"
    result = subprocess.run(
        [sys.executable, "-m", "journal", "--db", str(journal_path), "export", "ics", "-o", str(out)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Exported 1 item(s)" in result.stderr
    assert read_todos(out.read_bytes())[0].summary == "Call Omar"


def test_command_line_export_ics_alarms_at_the_preferred_time(db, journal_path, clock, capsys, monkeypatch):
    import journal.clock
    from journal.cli import run
    from journal.desktop.preferences import Preferences

    monkeypatch.setattr(journal.clock, "SYSTEM_CLOCK", clock)
    next_steps.add("Call Omar", due=dt.date(2030, 1, 2), clock=clock)
    db.close()
    Preferences().reminder_time = dt.time(7, 45)
    capsys.readouterr()
    assert run(["--db", str(journal_path), "export", "ics"]) == 0
    (todo,) = read_todos(capsys.readouterr().out)
    assert todo.alarms == (local_to_utc(dt.datetime(2030, 1, 2, 7, 45)),)
