"""Contact seen in mail and calendars, from the file to what the journal keeps and suggests."""

from __future__ import annotations

import datetime as dt

from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage
from journal.services import operations
from journal.services.agenda.items import agenda
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.people.detail import get_person
from journal.services.pipeline import introductions
from journal.services.scan import known, runner, sources, suggestions
from journal.services.transaction import write
from journal.store import last_contact
from journal.store.models import DB, MailContact, Person, SeenMeeting
from tests.services.scan.helpers import event, ics, message, person, write_maildir, write_mbox

DAY = dt.timedelta(days=1)


def _own(*addresses):
    with write():
        known.set_own_addresses(list(addresses))


def test_an_exchange_with_a_known_address_is_contact_and_keep_in_touch_counts_it(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith", "Dana@Example.org", cadence=14, set_on=(now - 60 * DAY).date())
    _own("me@example.com")
    box = write_mbox(tmp_path / "Inbox", [
        message("Dana Smith <dana@example.org>", "me@example.com", now - 3 * DAY),
        message("me@example.com", "Dana <DANA@example.org>", now - 2 * DAY),
        message("stranger@else.net", "me@example.com", now - DAY),  # nobody in the journal
    ])
    assert any(i.kind is ItemKind.KEEP_IN_TOUCH for i in agenda(0, clock=clock))  # overdue before
    source, outcome = runner.scan_path("mail", str(box), clock=clock)
    assert source.kind == "mbox" and outcome.messages == 3 and outcome.exchanges == 2 and outcome.people == {dana}
    ((at, direction),) = last_contact.last_mailed(DB.obj, [dana]).values()
    assert direction == "sent" and at.date() == (now - 2 * DAY).date()
    assert last_contact.last_contacts(DB.obj, [dana]) == {dana: (now - 2 * DAY).date()}
    assert not any(i.kind is ItemKind.KEEP_IN_TOUCH for i in agenda(0, clock=clock))
    detail = get_person(dana, clock=clock)
    assert detail.last_emailed.date() == (now - 2 * DAY).date() and detail.last_conversation is None
    # Nothing about the stranger is kept anywhere.
    assert MailContact.select().count() == 1


def test_a_rescan_reads_only_what_is_new(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith", "dana@example.org")
    folder = write_maildir(tmp_path / "Mail", [message("dana@example.org", "me@example.com", now - 5 * DAY)])
    source, first = runner.scan_path("mail", str(folder), clock=clock)
    assert source.kind == "maildir" and first.exchanges == 1
    _again, quiet = runner.scan_path("mail", str(folder), clock=clock)
    assert quiet.messages == 0 and quiet.people == set()
    write_maildir(folder, [message("dana@example.org", "me@example.com", now - DAY)])
    _again, more = runner.scan_path("mail", str(folder), clock=clock)
    assert more.messages == 1 and more.people == {dana}
    assert last_contact.last_contacts(DB.obj, [dana]) == {dana: (now - DAY).date()}


def test_without_own_addresses_the_mailbox_is_the_users(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith", "dana@example.org")
    sam = person("Sam Lee", "sam@example.org")
    box = write_mbox(tmp_path / "mbox", [
        message("dana@example.org", "someone@list.example", now - 2 * DAY),  # from a person: received
        message("me@wherever.example", "sam@example.org", now - DAY),  # to a person from someone else: sent
    ])
    runner.scan_path("mail", str(box), clock=clock)
    mailed = last_contact.last_mailed(DB.obj)
    assert mailed[dana][1] == "received" and mailed[sam][1] == "sent"


def test_own_addresses_make_other_peoples_threads_no_contact(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith", "dana@example.org")
    _own("me@example.com")
    box = write_mbox(tmp_path / "mbox", [message("dana@example.org", "list@lists.example", now - DAY)])
    _source, outcome = runner.scan_path("mail", str(box), clock=clock)
    assert outcome.exchanges == 0 and last_contact.last_mailed(DB.obj, [dana]) == {}


def test_a_reply_on_the_thread_suggests_the_introduction_was_made(db, clock, tmp_path):
    now = clock.now()
    result = log_conversation([PersonRef.named("Dana Smith")], when=now - 10 * DAY, clock=clock,
                              offers=[OfferDraft(PersonRef.named("Sam Lee"))])
    intro_id = result.introduction_ids[0]
    dana, sam = (Person.get(Person.name == n).id for n in ("Dana Smith", "Sam Lee"))
    from journal.store.models import ContactDetail
    ContactDetail.create(person=dana, kind="email", value="dana@example.org", normalized="dana@example.org")
    ContactDetail.create(person=sam, kind="email", value="sam@example.org", normalized="sam@example.org")
    _own("me@example.com")
    box = write_mbox(tmp_path / "mbox", [
        message("dana@example.org", "me@example.com", now - 12 * DAY, cc="sam@example.org"),  # before the offer
        message("dana@example.org", "me@example.com", now - 4 * DAY, cc="sam@example.org"),
    ])
    runner.scan_path("mail", str(box), clock=clock)
    (hint,) = suggestions.suggestions(clock=clock)
    assert hint.kind == "stage" and hint.stage == "introduced" and hint.introduction_id == intro_id
    assert hint.title == "Dana Smith replied on the thread with Sam Lee — mark introduced?"
    assert hint.date == (now - 4 * DAY).date()
    assert hint.to_json() == {"id": f"stage:{intro_id}:introduced", "kind": "stage", "title": hint.title,
                              "date": hint.date.isoformat(), "people": ["Dana Smith", "Sam Lee"]}
    # Moving the introduction on by hand answers it.
    introductions.advance(intro_id, Stage.INTRODUCED, clock=clock)
    assert suggestions.suggestions(clock=clock) == []


def test_a_past_meeting_is_suggested_once_and_dismissing_is_for_good(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith", "dana@example.org")
    _own("me@example.com")
    path = tmp_path / "cal.ics"
    path.write_text(ics(
        event("coffee-1", now - 2 * DAY, attendees=("me@example.com", "dana@example.org"), location="Café Rosa"),
        event("nobody", now - DAY, summary="Dentist"),  # no one in the journal: never stored
        event("ahead", now + 2 * DAY, summary="Lunch", organizer="dana@example.org"),
    ))
    source, outcome = runner.scan_path("calendar", str(path), clock=clock)
    assert outcome.meetings == 2 and SeenMeeting.select().count() == 2
    assert not SeenMeeting.select().where(SeenMeeting.summary == "Dentist").exists()
    (meeting,) = suggestions.suggestions(clock=clock)
    assert meeting.kind == "meeting" and meeting.person_ids == (dana,) and meeting.channel == "in person"
    assert meeting.title.startswith("You met Dana Smith on ") and meeting.title.endswith("(Coffee chat) — log it?")
    ahead = get_person(dana, clock=clock).next_meeting
    assert ahead is not None and ahead[1] == "Lunch"

    operations.run(suggestions.dismiss, meeting.key, clock=clock, label="Dismiss")
    assert suggestions.suggestions(clock=clock) == []
    # Forgetting what was scanned and scanning again does not bring it back.
    with write():
        sources.forget()
    assert SeenMeeting.select().count() == 0
    runner.scan_path("calendar", str(path), clock=clock)
    assert suggestions.suggestions(clock=clock) == []
    assert SeenMeeting.select().count() == 2


def test_a_meeting_logged_by_hand_is_not_suggested(db, clock, tmp_path):
    now = clock.now()
    person("Dana Smith", "dana@example.org")
    path = tmp_path / "cal.ics"
    path.write_text(ics(event("coffee-1", now - 2 * DAY, attendees=("dana@example.org",))))
    runner.scan_path("calendar", str(path), clock=clock)
    assert len(suggestions.suggestions(clock=clock)) == 1
    log_conversation([PersonRef.named("Dana Smith")], when=now - 2 * DAY + dt.timedelta(hours=2), clock=clock)
    assert suggestions.suggestions(clock=clock) == []


def test_cancelled_and_declined_meetings_are_not_kept(db, clock, tmp_path):
    now = clock.now()
    person("Dana Smith", "dana@example.org")
    _own("me@example.com")
    path = tmp_path / "cal.ics"
    path.write_text(ics(
        event("c1", now - DAY, attendees=("dana@example.org",), extra="STATUS:CANCELLED"),
        event("d1", now - 2 * DAY, attendees=("dana@example.org",),
              extra="ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com"),
    ))
    _source, outcome = runner.scan_path("calendar", str(path), clock=clock)
    assert outcome.meetings == 0 and suggestions.suggestions(clock=clock) == []


def test_a_name_matches_only_where_one_person_has_it(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith")
    person("Alex Kim")
    person("Alex Kim")
    path = tmp_path / "cal.ics"
    path.write_text(ics(
        event("n1", now - DAY, attendees=("CN=Dana Smith:mailto:unknown@else.net",)),
        event("n2", now - 2 * DAY, attendees=("CN=Alex Kim:mailto:alex@else.net",)),
    ).replace("ATTENDEE;PARTSTAT=ACCEPTED:CN=", "ATTENDEE;CN="))
    runner.scan_path("calendar", str(path), clock=clock)
    assert [s.person_ids for s in suggestions.suggestions(clock=clock)] == [(dana,)]


def test_removing_a_source_forgets_what_it_gave(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith", "dana@example.org")
    box = write_mbox(tmp_path / "mbox", [message("dana@example.org", "me@example.com", now - DAY)])
    source, _ = runner.scan_path("mail", str(box), clock=clock)
    with write():
        assert sources.remove_source(source.id) == {dana}
    assert last_contact.last_mailed(DB.obj) == {} and sources.list_sources() == []


def test_an_address_new_to_the_journal_counts_mail_scanned_before(db, clock, tmp_path):
    now = clock.now()
    dana = person("Dana Smith", "dana@example.org")
    sam = person("Sam Lee")
    folder = write_maildir(tmp_path / "Mail", [
        message("dana@example.org", "me@example.com", now - 5 * DAY),
        message("sam@example.org", "me@example.com", now - 3 * DAY),
    ])
    _source, first = runner.scan_path("mail", str(folder), clock=clock)
    assert first.people == {dana}
    _source, quiet = runner.scan_path("mail", str(folder), clock=clock)
    assert quiet.messages == 0  # nothing new: nothing read
    from journal.store.models import ContactDetail

    ContactDetail.create(person=sam, kind="email", value="Sam@Example.org", normalized="sam@example.org")
    _source, again = runner.scan_path("mail", str(folder), clock=clock)
    assert again.messages == 2 and again.people == {sam}  # read from the start, Dana unchanged
    assert last_contact.last_contacts(DB.obj, [sam]) == {sam: (now - 3 * DAY).date()}
    counts = dict(MailContact.select(MailContact.person, MailContact.exchanges).tuples())
    assert counts == {dana: 1, sam: 1}  # counted afresh, not twice
    _source, quiet = runner.scan_path("mail", str(folder), clock=clock)
    assert quiet.messages == 0
