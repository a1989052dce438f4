"""A phone edits what the journal synced: the `caldav` library for the task list, plain WebDAV
requests for the contacts, as DAVx5 or iOS would send them. Each edit arrives in the journal,
and what the phone set that the journal does not model is still on the server afterwards."""

from __future__ import annotations

import datetime as dt

import caldav
import pytest

from journal.clock import FixedClock
from journal.services.agenda import next_steps
from journal.services.people.records import add_detail, create_person
from journal.store.models import ContactDetail, NextStep, Person
from tests.sync.harness import card, do, opened, start_synced, sync
from tests.sync.servers import raw_request

T0 = dt.datetime(2026, 11, 2, 9, 0)


def _seed(clock):
    dana = create_person("Dana Smith", organisation="Northwind Clinic", clock=clock)
    add_detail(dana.id, "email", "dana@northwind.example", "work")
    create_person("Old Contact", clock=clock)
    next_steps.create_step("Send Dana my CV", due=T0.date() + dt.timedelta(days=2), person_id=dana.id, clock=clock)
    next_steps.create_step("Book the train to Lyon", due=T0.date() + dt.timedelta(days=5), clock=clock)


def _calendar(server, name):
    client = caldav.DAVClient(url=server.url, username=server.user, password=server.password)
    for calendar in client.principal().calendars():
        if calendar.get_display_name() == name:
            return calendar
    raise AssertionError(f"no calendar {name}")


def _todo(calendar, summary):
    for todo in calendar.todos(include_completed=True):
        if str(todo.icalendar_component.get("SUMMARY")) == summary:
            return todo
    raise AssertionError(f"no task {summary}")


@pytest.fixture
def synced(dav_server, tmp_path):
    return start_synced(tmp_path / "journal.sqlite3", dav_server, _seed, FixedClock(T0))


def _card_href(server, info, name):
    found = card(server, info, name)
    assert found is not None, f"no card for {name}"
    return found


def test_the_phone_ticks_a_task_done_and_moves_another(dav_server, synced):
    path, clock, _ = synced
    tasks = _calendar(dav_server, "Contact Journal tasks")
    cv = _todo(tasks, "Send Dana my CV")
    cv.complete()
    train = _todo(tasks, "Book the train to Lyon")
    component = train.icalendar_component
    component.pop("DUE")
    component.add("DUE", dt.date(2026, 11, 20))
    component.add("PRIORITY", 1)  # the phone's own: the journal does not model it
    train.save()

    clock.set(T0 + dt.timedelta(hours=1))
    report = sync(path, dav_server, clock)
    assert report.down
    with opened(path):
        assert NextStep.get(NextStep.text == "Send Dana my CV").done_at is not None
        moved = NextStep.get(NextStep.text == "Book the train to Lyon")
        assert (moved.snoozed_until or moved.due_date) == dt.date(2026, 11, 20)

    # The journal changes the same task afterwards; the phone's PRIORITY stays on the server.
    def rename():
        step = NextStep.get(NextStep.text == "Book the train to Lyon")
        step.text = "Book the train to Lyon (first class)"
        step.save()

    do(path, rename, clock=clock)
    sync(path, dav_server, clock)
    after = _todo(_calendar(dav_server, "Contact Journal tasks"), "Book the train to Lyon (first class)")
    assert int(after.icalendar_component.get("PRIORITY")) == 1


def test_the_phone_edits_adds_and_deletes_cards(dav_server, synced):
    path, clock, info = synced
    href, etag, text = _card_href(dav_server, info, "Dana Smith")
    edited = text.replace("END:VCARD", "TEL;TYPE=CELL:+44 20 7946 0000\r\nX-PHONE-RINGTONE:marimba\r\nEND:VCARD")
    answer = raw_request(dav_server, "PUT", href, edited, {"Content-Type": "text/vcard", "If-Match": etag})
    assert answer.status_code in (200, 201, 204)
    folder = href.rsplit("/", 1)[0]
    new_card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-made-1\r\nFN:Priya Raman\r\nN:Raman;Priya;;;\r\n"
                "EMAIL;TYPE=INTERNET:priya@example.org\r\nX-ABUID:ABCD-1234\r\nEND:VCARD\r\n")
    assert raw_request(dav_server, "PUT", f"{folder}/phone-made-1.vcf", new_card,
                       {"Content-Type": "text/vcard", "If-None-Match": "*"}).status_code in (200, 201, 204)
    old_href, old_etag, _ = _card_href(dav_server, info, "Old Contact")
    assert raw_request(dav_server, "DELETE", old_href, headers={"If-Match": old_etag}).status_code in (200, 204)

    clock.set(T0 + dt.timedelta(hours=1))
    report = sync(path, dav_server, clock)
    assert "Priya Raman" in report.down and "Old Contact" in report.deleted_here
    with opened(path):
        dana = Person.get(Person.name == "Dana Smith")
        phones = [d.value for d in ContactDetail.select().where(ContactDetail.person == dana.id, ContactDetail.kind == "phone")]
        assert phones == ["+44 20 7946 0000"]
        assert Person.get_or_none(Person.name == "Priya Raman") is not None
        assert Person.get_or_none(Person.name == "Old Contact") is None

    # The journal edits Dana and Priya; what the phone set and the journal does not model stays.
    def edit():
        for name in ("Dana Smith", "Priya Raman"):
            person = Person.get(Person.name == name)
            person.notes = "Met again at the summit."
            person.save()

    do(path, edit, clock=clock)
    sync(path, dav_server, clock)
    _, _, dana_text = _card_href(dav_server, info, "Dana Smith")
    _, _, priya_text = _card_href(dav_server, info, "Priya Raman")
    assert "X-PHONE-RINGTONE:marimba" in dana_text and "NOTE:Met again at the summit." in dana_text
    assert "X-ABUID:ABCD-1234" in priya_text and "UID:phone-made-1" in priya_text
