from journal.services.people.lookup import looks_like_description, suggest
from journal.services.people.records import create_person


def test_suggest_matches_names_words_and_organisations(db, clock):
    create_person("Dana Smith", organisation="Acme", clock=clock)
    create_person("Adam Danes", clock=clock)
    create_person("Sam Acker", organisation="Globex", clock=clock)
    gone = create_person("Danielle Gone", clock=clock)
    gone.archived = True
    gone.save()
    assert [s.name for s in suggest("dan")] == ["Dana Smith", "Adam Danes"]
    assert [s.label for s in suggest("acm")] == ["Dana Smith — Acme"]
    assert [s.name for s in suggest("ac")] == ["Dana Smith", "Sam Acker"]
    assert suggest("") == []
    assert suggest("%") == []
    assert len(suggest("a", limit=2)) == 2


def test_descriptions_are_told_from_names():
    assert looks_like_description("her sister-in-law, CMO at Initech")
    assert looks_like_description("someone from the design team")
    assert looks_like_description("the CTO")
    assert looks_like_description("Dana's sister-in-law")  # the command line's rule holds here too
    assert not looks_like_description("Seán O'Brien")
    assert not looks_like_description("Dana Smith")
    assert not looks_like_description("Jean-Luc Picard")
    assert not looks_like_description("")
