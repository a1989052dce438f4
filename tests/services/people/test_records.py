"""update_person: the person pane's save of the fields on Person, and its job-change hook."""

from __future__ import annotations

import pytest

from journal.errors import ValidationError
from journal.services.people import records as people
from journal.services.people.records import PersonChanges
from journal.store.models import Job, Person


@pytest.fixture
def dana(db, clock):
    return people.create_person("Dana Smith", organisation="Acme", role="VP", clock=clock).id


def test_nickname_and_date_reminders_are_saved_or_left_as_they_are(dana, clock):
    people.update_person(
        dana, PersonChanges(name="Dana Smith", organisation="Acme", role="VP", nickname="  Dee ", date_reminders=False),
        clock=clock,
    )
    person = Person.get_by_id(dana)
    assert (person.nickname, person.date_reminders) == ("Dee", False)
    people.update_person(dana, PersonChanges(name="Dana Smith", organisation="Acme", role="VP"), clock=clock)
    person = Person.get_by_id(dana)
    assert (person.nickname, person.date_reminders) == ("Dee", False)  # not named: kept
    people.update_person(
        dana, PersonChanges(name="Dana Smith", organisation="Acme", role="VP", nickname="", date_reminders=None),
        clock=clock,
    )
    person = Person.get_by_id(dana)
    assert (person.nickname, person.date_reminders) == ("", None)  # None follows Preferences


def test_a_new_role_is_a_job_change_unless_it_is_a_correction(dana, clock):
    people.update_person(
        dana, PersonChanges(name="Dana Smith", organisation="Acme", role="VP Eng", job_change=False), clock=clock
    )
    assert [(j.role, j.ended_on, j.noticed_on) for j in Job.select()] == [("VP Eng", None, None)]
    people.update_person(dana, PersonChanges(name="Dana Smith", organisation="Beta", role="CTO"), clock=clock)
    rows = [(j.organisation.name, j.role, j.ended_on, j.noticed_on) for j in Job.select().order_by(Job.id)]
    today = clock.today()
    assert rows == [("Acme", "VP Eng", today, None), ("Beta", "CTO", None, today)]
    person = Person.get_by_id(dana)
    assert (person.organisation.name, person.role) == ("Beta", "CTO")


def test_a_refused_save_changes_nothing(dana, clock, dump):
    before = dump()
    with pytest.raises(ValidationError, match="is not an e-mail address"):
        people.update_person(
            dana, PersonChanges(name="Dana", organisation="Beta", nickname="D", emails=("nope",)), clock=clock
        )
    assert dump() == before
