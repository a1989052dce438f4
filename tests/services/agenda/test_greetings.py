"""The drafts Today offers for a job change and a date that matter, and their mailto: URLs."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from journal.services.agenda import greetings
from journal.store.models import ContactDetail, Person


def test_a_congratulation_goes_to_the_first_address_and_names_the_move(db):
    dana = Person.create(name="Dana Smith")
    for value in ("dana@acme.test", "dana@home.test"):
        ContactDetail.create(person=dana, kind="email", value=value, normalized=value)
    draft = greetings.congratulation(dana.id, "Dana Smith", "Acme", "VP Engineering")
    assert (draft.kind, draft.to, draft.recipient) == (greetings.CONGRATULATE, "dana@acme.test", "Dana Smith")
    assert draft.subject == "Congratulations on Acme!"
    assert draft.body.startswith("Hi Dana,\n\nI just saw that you've moved to Acme as VP Engineering — congratulations!")
    promoted = greetings.congratulation(dana.id, "Dana Smith", "Acme", "CTO", same_organisation=True)
    assert "you're now CTO at Acme" in promoted.body and promoted.subject == "Congratulations on the new role, Dana!"


def test_wishes_by_kind_and_a_person_without_an_address(db):
    eli = Person.create(name="Eli Jones")
    assert greetings.wishes(eli.id, "Eli Jones", "birthday").subject == "Happy birthday!"
    assert greetings.wishes(eli.id, "Eli Jones", "birthday").to == ""
    assert "Happy 10-year anniversary!" in greetings.wishes(eli.id, "Eli Jones", "anniversary", years=10).body
    assert greetings.wishes(eli.id, "Eli Jones", "custom", "Name day").subject == "Name day"


def test_the_mailto_url_encodes_everything_and_uses_crlf(db):
    draft = greetings.congratulation(1, "Dana Smith", "Acme & Co", "VP", to="dana+work@acme.test")
    url = greetings.mailto_url(draft.to, draft.subject, draft.body)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "dana%2Bwork@acme.test"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Congratulations on Acme & Co!"]
    assert "\r\n\r\n" in query["body"][0] and "&" not in parts.query.split("&body=")[1].replace("%26", "")
