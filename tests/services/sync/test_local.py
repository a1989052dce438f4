"""The journal's rows as sync field dicts and back: what is written reads back the same, key by
key; writes follow the journal's rules, undo like any operation and keep the full-text index
right; readers cost a few queries whatever the journal's size."""

from __future__ import annotations

import datetime as dt
import hashlib
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playhouse.test_utils import count_queries

from journal.domain.channels import CHANNELS
from journal.domain.pipeline import Stage
from journal.errors import ValidationError
from journal.interop.sync_cards import read_card, write_card
from journal.services import operations
from journal.services.conversations.records import PersonRef, log_conversation
from journal.services.people import records as people
from journal.services.pipeline import introductions
from journal.services.sync import local
from journal.store.models import (
    Conversation,
    Introduction,
    Job,
    NextStep,
    Organisation,
    Person,
    PersonDate,
    PersonPhoto,
    Tag,
)
from tests.conftest import TEST_NOW, dump_journal

TODAY = TEST_NOW.date()
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


class DictUids:
    """The Uids protocol over two dicts; `give` hands a row a UID."""

    def __init__(self) -> None:
        self.uids: dict[tuple[str, int], str] = {}
        self.ids: dict[tuple[str, str], int] = {}

    def give(self, kind: str, local_id: int, uid: str | None = None) -> str:
        uid = uid or f"{kind}-{local_id}@test"
        self.uids[(kind, local_id)] = uid
        self.ids[(kind, uid)] = local_id
        return uid

    def uid_of(self, kind: str, local_id: int) -> str:
        return self.uids.get((kind, local_id), "")

    def local_of(self, kind: str, uid: str) -> int | None:
        return self.ids.get((kind, uid))


@pytest.fixture
def uids() -> DictUids:
    return DictUids()


def op(fn, *args, **kwargs):
    """Run a writer as the engine does: inside one operation."""
    return operations.run(fn, *args, label="Sync", **kwargs)


def write_person(person_id, values, uids, clock, photo=None) -> int:
    return op(local.write_person, person_id, values, photo, uids, clock=clock).value


def card(pid: int, uids) -> local.CardFields:
    return local.read_people(uids, [pid])[pid]


def index_is_right(db) -> None:
    """Every full-text index holds exactly what its rows say."""
    for fts, source, columns in (
        ("person_fts", "person_search_source", "name, organisation, role, notes, tags"),
        ("introduction_fts", "introduction_search_source", "introducer, target, notes"),
    ):
        indexed = sorted(db.execute_sql(f"SELECT rowid, {columns} FROM {fts}").fetchall())
        expected = sorted(db.execute_sql(f"SELECT id, {columns} FROM {source}").fetchall())
        assert indexed == expected, fts
    dump_journal(db)  # integrity-check of the external-content indexes


PHOTO = ("image/png", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")

DANA = {
    "name": "Dana Smith",
    "nickname": "Dee",
    "organisation": "Acme",
    "role": "CTO",
    "linkedin": "https://www.linkedin.com/in/dana",
    "website": "https://dana.example",
    "location": "Berlin",
    "notes": "Met at PyCon.\nLikes climbing.",
    "how_met": "Through Sam",
    "connected_on": "2024-03-12",
    "cadence_days": "30",
    "cadence_set_on": "2026-01-05",
    "keep_snoozed_until": "2026-03-20",
    "placeholder": "",
    "archived": "",
    "emails": "dana@acme.example\twork\ndana@home.example\t",
    "phones": "+49 30 1234567\tmobile",
    "tags": "climbing\nInvestor\nwork",
    "dates": "birthday\t\t--04-02\ncustom\tFirst day at Acme\t2020-09-01",
    "addresses": "home\t\t\tMain St 1\tBerlin\t\t10115\tGermany\nwork\tPO 12\tFloor 3\tOffice Rd 2\tMunich\tBavaria\t80331\tGermany",
    "profiles": "github\tdana\nxmpp\tdana@jabber.example",
    "relations": "spouse\tAlex Smith\nassistant\tKim",
    "other_jobs": "Climbing Club\tTreasurer\nUniversity\tLecturer",
    "photo": "image/png\t" + hashlib.sha1(PHOTO[1].encode()).hexdigest(),
}


# --- people ----------------------------------------------------------------------------------


def test_a_person_written_from_every_key_reads_back_the_same(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    uids.give("person", pid, "dana")
    got = card(pid, uids)
    assert got.values == DANA
    assert got.photo == PHOTO
    assert got.uid == "dana"
    assert set(got.values) == set(local.PERSON_KEYS)
    index_is_right(db)


def test_the_journal_holds_a_written_person_by_its_own_rules(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    person = Person.get_by_id(pid)
    assert person.organisation.name == "Acme" and person.role == "CTO"
    current = [(j.organisation.name, j.role) for j in Job.select().where(Job.ended_on.is_null()).order_by(Job.id)]
    assert current == [("Acme", "CTO"), ("Climbing Club", "Treasurer"), ("University", "Lecturer")]
    assert person.cadence_set_on == dt.date(2026, 1, 5)
    assert PersonPhoto.get_by_id(pid).data == PHOTO[1]
    assert person.created_at == TEST_NOW
    assert people.next_contact_due(person) == dt.date(2026, 3, 20)  # the snooze is later than set-on + 30


def test_only_the_keys_given_are_set(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    clock.advance(days=1)
    write_person(pid, {"role": "CEO", "tags": "work", "notes": "Now CEO."}, uids, clock)
    got = card(pid, uids).values
    assert got == {**DANA, "role": "CEO", "tags": "work", "notes": "Now CEO."}
    assert Person.get_by_id(pid).updated_at == TEST_NOW + dt.timedelta(days=1)


def test_writing_what_is_there_writes_nothing(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    result = op(local.write_person, pid, DANA, PHOTO, uids, clock=clock)
    assert result.step is None  # no row changed, nothing to undo
    result = op(local.write_person, pid, {"photo": DANA["photo"]}, None, uids, clock=clock)
    assert result.step is None  # the photo's value alone, for the photo kept


def test_a_new_card_named_like_someone_is_someone_new(db, clock, uids):
    first = people.add_person("Dana Smith", clock=clock)
    second = write_person(None, {"name": "Dana Smith"}, uids, clock)
    assert second != first
    assert Person.select().where(Person.name == "Dana Smith").count() == 2


def test_intro_keys_are_ignored_by_write_person(db, clock, uids):
    pid = write_person(None, {"name": "Kim", "intro:x": "v=1&stage=offered"}, uids, clock)
    assert Introduction.select().count() == 0
    assert "intro:x" not in card(pid, uids).values


def test_a_changed_organisation_corrects_the_current_job_and_the_index(db, clock, uids):
    pid = write_person(None, {"name": "Dana Smith", "organisation": "Acme", "role": "CTO"}, uids, clock)
    write_person(pid, {"organisation": "Globex"}, uids, clock)
    person = Person.get_by_id(pid)
    assert (person.organisation.name, person.role) == ("Globex", "CTO")
    assert [(j.organisation.name, j.role, j.ended_on) for j in Job.select()] == [("Globex", "CTO", None)]
    index_is_right(db)
    write_person(pid, {"organisation": "", "role": ""}, uids, clock)
    values = card(pid, uids).values
    assert (values["organisation"], values["role"]) == ("", "")
    index_is_right(db)


def test_an_other_job_no_longer_listed_ends_and_is_kept(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    clock.advance(days=3)
    write_person(pid, {"other_jobs": "University\tProfessor"}, uids, clock)
    assert card(pid, uids).values["other_jobs"] == "University\tProfessor"
    ended = [(j.organisation.name, j.role, j.ended_on) for j in Job.select().where(Job.ended_on.is_null(False))]
    assert ended == [("University", "Lecturer", TODAY + dt.timedelta(days=3))]
    assert card(pid, uids).values["organisation"] == "Acme"
    index_is_right(db)


def test_other_jobs_for_someone_without_a_job_stay_other_jobs(db, clock, uids):
    pid = write_person(None, {"name": "Kim", "other_jobs": "Club\tChair"}, uids, clock)
    values = card(pid, uids).values
    assert (values["organisation"], values["role"], values["other_jobs"]) == ("", "", "Club\tChair")


def test_a_cadence_changed_alone_starts_today_and_ends_a_snooze(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    write_person(pid, {"cadence_days": "14"}, uids, clock)
    values = card(pid, uids).values
    assert (values["cadence_days"], values["cadence_set_on"], values["keep_snoozed_until"]) == ("14", "2026-03-11", "")
    write_person(pid, {"cadence_days": ""}, uids, clock)
    values = card(pid, uids).values
    assert (values["cadence_days"], values["cadence_set_on"]) == ("", "")
    write_person(pid, {"cadence_days": "7", "cadence_set_on": "2026-02-01", "keep_snoozed_until": "2026-03-30"}, uids, clock)
    values = card(pid, uids).values
    assert (values["cadence_days"], values["cadence_set_on"], values["keep_snoozed_until"]) == ("7", "2026-02-01", "2026-03-30")


def test_tags_take_the_journals_spelling_and_read_sorted_ignoring_case(db, clock, uids):
    Tag.create(name="Work")
    pid = write_person(None, {"name": "Kim", "tags": "zeta\nwork\nAlpha\n#beta\nALPHA"}, uids, clock)
    assert card(pid, uids).values["tags"] == "Alpha\nbeta\nWork\nzeta"
    assert Tag.select().where(Tag.name == "work").count() == 1  # the one tag, NOCASE


def test_lists_keep_their_order_and_labels_and_read_in_the_contract_form(db, clock, uids):
    values = {
        "name": "Kim",
        "emails": "b@x.example\thome\na@x.example\twork\nB@X.example\tdup",
        "phones": "555 0100\t\n\t\n+1 212 555 0199\tcell",
        "addresses": "home\t\t\t\t\t\t\t\nwork\t\t\tHigh  St\tTown\t\t\t",
        "profiles": "Twitter\t@kim\ntwitter\t@KIM\nskype\tkim smith",
        "relations": "Friend\t  Sam   Lee \nchild\t",
        "dates": "anniversary\t\t2010-06-01\nbirthday\t\t1604-12-24\ngraduation\t\t2008-07-01",
    }
    pid = write_person(None, values, uids, clock)
    got = card(pid, uids).values
    assert got["emails"] == "b@x.example\thome\na@x.example\twork"
    assert got["phones"] == "555 0100\t\n+1 212 555 0199\tcell"
    assert got["addresses"] == "work\t\t\tHigh St\tTown\t\t\t"
    assert got["profiles"] == "twitter\t@kim\nskype\tkim smith"
    assert got["relations"] == "friend\tSam Lee"
    assert got["dates"] == "anniversary\t\t2010-06-01\nbirthday\t\t--12-24\ncustom\tgraduation\t2008-07-01"
    reordered = "a@x.example\twork\nb@x.example\thome"
    write_person(pid, {"emails": reordered}, uids, clock)
    assert card(pid, uids).values["emails"] == reordered


def test_tabs_and_line_breaks_inside_a_part_read_as_spaces(db, clock, uids):
    pid = people.add_person("Kim", clock=clock)
    PersonDate.create(person=pid, kind="custom", label="a\tb", month=1, day=2)
    values = card(pid, uids).values
    assert values["dates"] == "custom\ta b\t--01-02"


def test_a_relation_to_someone_in_the_journal_links_to_them(db, clock, uids):
    sam = people.add_person("Sam Lee", clock=clock)
    pid = write_person(None, {"name": "Kim", "relations": "friend\tsam lee"}, uids, clock)
    from journal.store.models import Relation

    relation = Relation.get(Relation.person == pid)
    assert relation.other_id == sam
    assert card(pid, uids).values["relations"] == "friend\tsam lee"


def test_dates_that_stay_keep_their_rows(db, clock, uids):
    pid = write_person(None, {"name": "Kim", "dates": "birthday\t\t--04-02\nanniversary\t\t2010-06-01"}, uids, clock)
    before = {d.kind: d.id for d in PersonDate.select()}
    write_person(pid, {"dates": "anniversary\t\t2010-06-01\nbirthday\t\t1980-04-02"}, uids, clock)
    after = {d.kind: d.id for d in PersonDate.select()}
    assert after == before  # the year filled in, in place
    assert card(pid, uids).values["dates"] == "anniversary\t\t2010-06-01\nbirthday\t\t1980-04-02"


def test_the_photo_is_replaced_and_removed(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    other = ("image/jpeg", "/9j/4AAQSkZJRgABAQ==")
    write_person(pid, {"photo": local.photo_value(other)}, uids, clock, photo=other)
    assert card(pid, uids).photo == other
    with pytest.raises(ValidationError, match="without its image"):
        write_person(pid, {"photo": local.photo_value(PHOTO)}, uids, clock)
    write_person(pid, {"photo": ""}, uids, clock)
    got = card(pid, uids)
    assert (got.values["photo"], got.photo) == ("", None)


def test_placeholder_and_archived_flags(db, clock, uids):
    pid = write_person(None, {"name": "her sister, CMO at X", "placeholder": "1", "archived": "1"}, uids, clock)
    person = Person.get_by_id(pid)
    assert person.is_placeholder and person.archived
    values = card(pid, uids).values
    assert (values["placeholder"], values["archived"]) == ("1", "1")
    write_person(pid, {"placeholder": "", "archived": "0"}, uids, clock)
    values = card(pid, uids).values
    assert (values["placeholder"], values["archived"]) == ("", "")


@pytest.mark.parametrize(
    "values, message",
    [
        ({"name": "  "}, "needs a name"),
        ({"cadence_days": "monthly"}, "positive number of days"),
        ({"cadence_days": "-3"}, "positive number of days"),
        ({"connected_on": "12/03/2024"}, "not a date"),
        ({"dates": "birthday\t\t2023-02-29"}, "not a date"),
        ({"keep_snoozed_until": "soon"}, "not a date"),
    ],
)
def test_a_bad_value_is_refused_in_one_line_and_nothing_is_written(db, clock, uids, values, message):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    before = dump_journal(db)
    with pytest.raises(ValidationError, match=message) as caught:
        write_person(pid, {"role": "CEO", "tags": "", **values}, uids, clock)
    assert "\n" not in str(caught.value)
    assert dump_journal(db) == before


def test_a_person_with_no_name_is_not_created(db, clock, uids):
    with pytest.raises(ValidationError, match="needs a name"):
        write_person(None, {"organisation": "Acme"}, uids, clock)
    assert Person.select().count() == 0 and Organisation.select().count() == 0


def test_writing_a_person_is_undone_and_redone_exactly(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    before = dump_journal(db)
    history = operations.History()
    history.record(op(local.write_person, pid, {**DANA, "organisation": "Globex", "tags": "new", "other_jobs": "",
                                                "dates": "", "photo": ""}, None, uids, clock=clock))
    after = dump_journal(db)
    history.undo()
    assert dump_journal(db) == before
    history.redo()
    assert dump_journal(db) == after
    index_is_right(db)


def test_everyone_is_read_placeholders_and_archived_too_with_their_introductions(db, clock, uids):
    a = people.add_person("Ann", clock=clock)
    b = write_person(None, {"name": "someone at X", "placeholder": "1"}, uids, clock)
    c = people.add_person("Cy", clock=clock)
    people.set_archived(c, True, clock=clock)
    for pid in (a, b, c):
        uids.give("person", pid)
    intro = introductions.offer(a, b, notes="Great fit", clock=clock)
    introductions.offer(c, b, clock=clock)  # no sync UID yet: not in the card
    uid = uids.give("introduction", intro)
    read = local.read_people(uids)
    assert set(read) == {a, b, c}
    assert [k for k in read[b].values if k.startswith("intro:")] == [f"intro:{uid}"]
    decoded = local.decode_introduction(read[b].values[f"intro:{uid}"])
    assert decoded == {
        "introducer": f"person-{a}@test", "target": f"person-{b}@test", "stage": "offered",
        "offered_on": "2026-03-11", "asked_on": "", "introduced_on": "", "met_on": "", "thanked_on": "",
        "closed_on": "", "stage_changed_on": "2026-03-11", "conversation": "", "notes": "Great fit",
    }
    assert local.read_people(uids, [a, c]).keys() == {a, c}
    assert local.read_people(uids, []) == {}


def _populate(n: int, clock) -> list[int]:
    ids = []
    for i in range(n):
        values = {**DANA, "name": f"Person {i}", "organisation": f"Org {i % 3}"}
        ids.append(local.write_person(None, values, PHOTO, DictUids(), clock=clock))
    return ids


def test_readers_cost_the_same_few_queries_for_any_number_of_rows(db, clock, uids):
    def cost(read) -> int:
        with count_queries() as counter:
            read()
        return counter.count

    def costs() -> list[int]:
        return [
            cost(lambda: local.read_people(uids)),
            cost(lambda: local.read_people(uids, [1, 2])),
            cost(lambda: local.read_steps(uids)),
            cost(lambda: local.read_keeps(uids, TODAY)),
            cost(lambda: local.read_dates(uids, TODAY)),
            cost(lambda: local.read_conversations(uids)),
            cost(lambda: local.read_introductions(uids)),
        ]

    def more(n: int) -> None:
        ids = _populate(n, clock)
        for pid in ids:
            uids.give("person", pid)
        for a, b in zip(ids, ids[1:], strict=False):
            uids.give("introduction", introductions.offer(a, b, clock=clock))
            log_conversation([PersonRef(a), PersonRef(b)], clock=clock, summary="Coffee")

    more(3)
    small = costs()
    more(30)
    assert costs() == small
    assert max(small) <= 12


# Values in the journal's own form, which read back exactly.
WORD = st.text(alphabet=string.ascii_letters + "äéøßЖ中", min_size=1, max_size=8)
PHRASE = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
TEXT = st.one_of(st.just(""), PHRASE)
NOTES = st.one_of(st.just(""), st.lists(PHRASE, min_size=1, max_size=3).map("\n".join))
DAY = st.dates(dt.date(1950, 1, 1), dt.date(2030, 12, 31))
DAY_TEXT = st.one_of(st.just(""), DAY.map(dt.date.isoformat))
EMAIL = st.builds(lambda a, b: f"{a}@{b}.example", st.text(string.ascii_lowercase, min_size=1, max_size=6),
                  st.text(string.ascii_lowercase, min_size=1, max_size=6))
PHONE = st.integers(2_000_000, 9_999_999).map(lambda n: f"+1 212 {n}")
TAGS = ("work", "Investor", "climbing", "Жук", "ß-club", "zeta")
HANDLE = st.text(string.ascii_lowercase + string.digits + "@.", min_size=1, max_size=10)


def _lines_of(rows) -> str:
    return "\n".join("\t".join(row) for row in rows)


def _unique(rows, key):
    seen, out = set(), []
    for row in rows:
        if key(row) not in seen:
            seen.add(key(row))
            out.append(row)
    return out


@st.composite
def person_values(draw) -> tuple[dict[str, str], tuple[str, str] | None]:
    cadence = draw(st.one_of(st.just(""), st.integers(1, 400).map(str)))
    emails = _unique(draw(st.lists(st.tuples(EMAIL, TEXT), max_size=3)), lambda r: r[0])
    phones = _unique(draw(st.lists(st.tuples(PHONE, TEXT), max_size=3)), lambda r: r[0])
    # Tags are one per name ignoring case across the journal: a fixed spelling of each.
    tags = sorted(set(draw(st.lists(st.sampled_from(TAGS), max_size=4))), key=lambda t: (t.casefold(), t))
    date_rows = []
    for kind, label, day, with_year in draw(st.lists(st.tuples(st.sampled_from(PersonDate.KINDS), TEXT, DAY, st.booleans()), max_size=3)):
        with_year = with_year and day.year not in (1604, 1900)  # years other apps write for "no year"
        date_rows.append((kind, label, day.isoformat() if with_year else f"--{day.month:02d}-{day.day:02d}"))
    date_rows = sorted(_unique(date_rows, tuple), key=lambda r: "\t".join(r))
    addresses = [r for r in draw(st.lists(st.tuples(*[TEXT] * 8), max_size=2)) if any(r[1:])]
    profiles = _unique(draw(st.lists(st.tuples(st.sampled_from(["", "github", "xmpp", "twitter"]), HANDLE), max_size=3)),
                       lambda r: (r[0], r[1].casefold()))
    relations = draw(st.lists(st.tuples(st.sampled_from(["", "spouse", "friend"]), PHRASE), max_size=2))
    org = draw(st.sampled_from(["", "Acme", "Globex", "Initech"]))
    role = draw(st.sampled_from(["", "CTO", "Engineer"]))
    others = [r for r in draw(st.lists(st.tuples(st.sampled_from(["", "Club", "University"]), st.sampled_from(["", "Chair"])), max_size=2)) if any(r)]
    if not org and not role:
        others = []  # their first current job would be the person's organisation and role
    photo = draw(st.one_of(st.none(), st.tuples(st.sampled_from(["image/jpeg", "image/png"]),
                                                st.text(string.ascii_letters + string.digits + "+/", min_size=4, max_size=40))))
    values = {
        "name": draw(PHRASE), "nickname": draw(TEXT), "organisation": org, "role": role,
        "linkedin": draw(TEXT), "website": draw(TEXT), "location": draw(TEXT), "notes": draw(NOTES),
        "how_met": draw(NOTES), "connected_on": draw(DAY_TEXT), "cadence_days": cadence,
        "cadence_set_on": draw(DAY_TEXT), "keep_snoozed_until": draw(DAY_TEXT),
        "placeholder": draw(st.sampled_from(["", "1"])), "archived": draw(st.sampled_from(["", "1"])),
        "emails": _lines_of(emails), "phones": _lines_of(phones), "tags": "\n".join(tags),
        "dates": _lines_of(date_rows), "addresses": _lines_of(addresses), "profiles": _lines_of(profiles),
        "relations": _lines_of(relations), "other_jobs": _lines_of(others),
        "photo": local.photo_value(photo),
    }
    return values, photo


@PROPERTY
@given(first=person_values(), second=person_values())
def test_any_person_reads_back_as_written_and_rewritten(db, clock, first, second):
    uids = DictUids()
    values, photo = first
    pid = write_person(None, values, uids, clock, photo=photo)
    got = card(pid, uids)
    assert got.values == values
    assert got.photo == photo
    values, photo = second
    write_person(pid, values, uids, clock, photo=photo)
    got = card(pid, uids)
    assert got.values == values
    assert got.photo == photo


# --- next steps ------------------------------------------------------------------------------


def test_a_step_reads_back_with_its_time_snooze_done_and_links(db, clock, uids):
    pid = people.add_person("Dana", clock=clock)
    other = people.add_person("Sam", clock=clock)
    conversation = log_conversation([PersonRef(pid)], clock=clock).conversation_id
    intro = introductions.offer(other, pid, clock=clock)
    refs = {"person": uids.give("person", pid), "conversation": uids.give("conversation", conversation),
            "introduction": uids.give("introduction", intro)}
    values = {"text": "Send Dana my CV", "due": "2026-03-14T15:30:00", "snoozed_until": "2026-03-16",
              "done_at": "2026-03-12T08:05:00", **refs}
    sid = op(local.write_step, None, values, uids, clock=clock).value
    assert local.read_steps(uids, [sid]) == {sid: values}
    step = NextStep.get_by_id(sid)
    assert (step.due_date, step.due_time, step.created_at) == (dt.date(2026, 3, 14), dt.time(15, 30), TEST_NOW)
    plain = {"text": "Call Sam", "due": "2026-03-20", "snoozed_until": "", "done_at": "", "person": "",
             "conversation": "", "introduction": ""}
    op(local.write_step, sid, plain, uids, clock=clock)
    assert local.read_steps(uids, [sid]) == {sid: plain}
    index_is_right(db)


def test_a_step_naming_unknown_items_is_unlinked_and_text_is_needed(db, clock, uids):
    sid = op(local.write_step, None, {"text": "  Call   back ", "person": "nobody", "introduction": "gone"}, uids,
             clock=clock).value
    assert local.read_steps(uids)[sid] == {"text": "Call back", "due": "", "snoozed_until": "", "done_at": "",
                                           "person": "", "conversation": "", "introduction": ""}
    with pytest.raises(ValidationError, match="needs some text"):
        op(local.write_step, None, {"due": "2026-03-20"}, uids, clock=clock)
    with pytest.raises(ValidationError, match="not a date"):
        op(local.write_step, sid, {"due": "next week"}, uids, clock=clock)
    with pytest.raises(ValidationError, match="no next step"):
        op(local.write_step, 999, {"text": "x"}, uids, clock=clock)


def test_a_steps_due_time_with_a_zone_is_local_time(db, clock, uids):
    sid = op(local.write_step, None, {"text": "Call", "due": "2026-03-14T15:30:00+00:00"}, uids, clock=clock).value
    expected = dt.datetime(2026, 3, 14, 15, 30, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    assert local.read_steps(uids)[sid]["due"] == expected.isoformat()


STEP_VALUES = st.fixed_dictionaries({
    "text": PHRASE,
    "due": st.one_of(st.just(""), DAY.map(dt.date.isoformat),
                     st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 12, 31)).map(
                         lambda t: t.replace(microsecond=0).isoformat())),
    "snoozed_until": DAY_TEXT,
    "done_at": st.one_of(st.just(""), st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 12, 31)).map(
        lambda t: t.replace(microsecond=0).isoformat())),
})


@PROPERTY
@given(first=STEP_VALUES, second=STEP_VALUES)
def test_any_step_reads_back_as_written(db, clock, first, second):
    uids = DictUids()
    links = {"person": "", "conversation": "", "introduction": ""}
    sid = op(local.write_step, None, first, uids, clock=clock).value
    assert local.read_steps(uids, [sid])[sid] == {**first, **links}
    op(local.write_step, sid, second, uids, clock=clock)
    assert local.read_steps(uids, [sid])[sid] == {**second, **links}


def test_a_card_read_from_the_journal_goes_through_the_codec_unchanged(db, clock, uids):
    pid = write_person(None, DANA, uids, clock, photo=PHOTO)
    uids.give("person", pid, "urn:uuid:dana")
    sam = people.add_person("Sam", clock=clock)
    uids.give("person", sam)
    uids.give("introduction", introductions.offer(sam, pid, notes="a, b; c\\d\nand a line", clock=clock))
    fields = card(pid, uids)
    back = read_card(write_card(fields))
    assert (back.uid, back.values, back.photo) == (fields.uid, fields.values, fields.photo)


# --- introductions ---------------------------------------------------------------------------


def _pair(uids, clock) -> tuple[int, int, str, str]:
    a = people.add_person("Ann Introducer", clock=clock)
    b = people.add_person("Bo Target", clock=clock)
    return a, b, uids.give("person", a), uids.give("person", b)


def test_an_introduction_reads_back_with_its_stage_and_every_date(db, clock, uids):
    a, b, ua, ub = _pair(uids, clock)
    conversation = log_conversation([PersonRef(a)], clock=clock).conversation_id
    uc = uids.give("conversation", conversation)
    values = {
        "introducer": ua, "target": ub, "stage": "met", "offered_on": "2026-01-02", "asked_on": "2026-01-05",
        "introduced_on": "2026-01-20", "met_on": "2026-02-01", "thanked_on": "", "closed_on": "",
        "stage_changed_on": "2026-02-01", "conversation": uc, "notes": "Ann knows Bo from school",
    }
    steps_before = NextStep.select().count()
    iid = op(local.write_introduction, None, values, uids, clock=clock).value
    assert local.read_introductions(uids) == {iid: values}
    assert NextStep.select().count() == steps_before  # the implied steps travel as steps of their own
    assert Introduction.get_by_id(iid).created_at == TEST_NOW
    uid = uids.give("introduction", iid)
    assert local.decode_introduction(card(b, uids).values[f"intro:{uid}"]) == values
    closed = {**values, "stage": "declined", "closed_on": "2026-02-03", "stage_changed_on": "2026-02-03",
              "conversation": "", "notes": ""}
    op(local.write_introduction, iid, closed, uids, clock=clock)
    assert local.read_introductions(uids) == {iid: closed}
    index_is_right(db)


def test_a_new_introduction_needs_only_its_people(db, clock, uids):
    a, b, ua, ub = _pair(uids, clock)
    iid = op(local.write_introduction, None, {"introducer": ua, "target": ub}, uids, clock=clock).value
    assert local.read_introductions(uids)[iid] == {
        "introducer": ua, "target": ub, "stage": "offered", "offered_on": "2026-03-11", "asked_on": "",
        "introduced_on": "", "met_on": "", "thanked_on": "", "closed_on": "", "stage_changed_on": "2026-03-11",
        "conversation": "", "notes": "",
    }


def test_an_introduction_naming_someone_unknown_is_not_written(db, clock, uids):
    a, b, ua, ub = _pair(uids, clock)
    before = dump_journal(db)
    assert op(local.write_introduction, None, {"introducer": ua, "target": "stranger"}, uids, clock=clock).value is None
    assert op(local.write_introduction, None, {"target": ub}, uids, clock=clock).value is None
    iid = introductions.offer(a, b, clock=clock)
    people.delete_person(a)  # gone, though the uid is still known to the caller
    assert Introduction.get_or_none(Introduction.id == iid) is None
    assert op(local.write_introduction, None, {"introducer": ua, "target": ub}, uids, clock=clock).value is None
    c = people.add_person("Cy", clock=clock)
    iid = introductions.offer(c, b, clock=clock)
    changed = dump_journal(db)
    assert op(local.write_introduction, iid, {"introducer": "stranger", "notes": "x"}, uids, clock=clock).value is None
    assert dump_journal(db) == changed != before


@pytest.mark.parametrize(
    "values, message",
    [
        ({"stage": "maybe"}, "no introduction stage"),
        ({"met_on": "last week"}, "not a date"),
        ({"target": "ann"}, "introduced to themselves"),
    ],
)
def test_a_bad_introduction_is_refused(db, clock, uids, values, message):
    a, b, ua, ub = _pair(uids, clock)
    uids.give("person", a, "ann")
    with pytest.raises(ValidationError, match=message):
        op(local.write_introduction, None, {"introducer": "ann", "target": ub, **values}, uids, clock=clock)
    assert Introduction.select().count() == 0


INTRODUCTION_VALUES = st.fixed_dictionaries({
    **{key: st.text(max_size=12) for key in local.INTRODUCTION_KEYS},
    "notes": st.text(),
})


@given(values=INTRODUCTION_VALUES)
def test_any_introduction_encodes_to_one_plain_line_and_back(values):
    encoded = local.encode_introduction(values)
    assert local.decode_introduction(encoded) == values
    assert set(encoded) <= set(string.ascii_letters + string.digits + "%=&-._~")
    assert local.encode_introduction(local.decode_introduction(encoded)) == encoded


def test_an_unreadable_introduction_is_refused_in_one_line():
    for text in ("v=1&notes=%ZZ%FF", "v=2&stage=offered", "no equals sign"):
        with pytest.raises(ValidationError) as caught:
            local.decode_introduction(text)
        assert "\n" not in str(caught.value)
    assert local.decode_introduction("v=1&stage=asked&later=x")["stage"] == "asked"


@PROPERTY
@given(
    stage=st.sampled_from(list(Stage)),
    days=st.lists(st.one_of(st.none(), DAY), min_size=7, max_size=7),
    notes=NOTES,
)
def test_any_introduction_reads_back_as_written(db, clock, stage, days, notes):
    uids = DictUids()
    a, b, ua, ub = _pair(uids, clock)
    keys = ("offered_on", "asked_on", "introduced_on", "met_on", "thanked_on", "closed_on", "stage_changed_on")
    values = {"introducer": ua, "target": ub, "stage": stage.value, "conversation": "", "notes": notes,
              **{key: day.isoformat() if day else "" for key, day in zip(keys, days, strict=True)}}
    for key in ("offered_on", "stage_changed_on"):  # never empty in the journal
        values[key] = values[key] or "2026-01-01"
    iid = op(local.write_introduction, None, values, uids, clock=clock).value
    assert local.read_introductions(uids, [iid]) == {iid: values}


# --- keep in touch ---------------------------------------------------------------------------


def test_keeps_are_the_active_people_with_a_cadence_and_their_due_day(db, clock, uids):
    dana = people.add_person("Dana Smith", cadence_days=30, clock=clock)
    sam = people.add_person("Sam", cadence_days=7, clock=clock)
    people.add_person("No Cadence", clock=clock)
    gone = people.add_person("Archived", cadence_days=7, clock=clock)
    people.set_archived(gone, True, clock=clock)
    uids.give("person", dana)
    clock.advance(days=2)
    log_conversation([PersonRef(sam)], clock=clock)
    assert local.read_keeps(uids, TODAY) == {
        dana: {"person": f"person-{dana}@test", "summary": "Keep in touch with Dana Smith", "due": "2026-04-10", "done": ""},
        sam: {"person": "", "summary": "Keep in touch with Sam", "due": "2026-03-20", "done": ""},
    }


def test_a_keep_ticked_done_moves_one_cadence_on_from_that_day(db, clock, uids):
    dana = people.add_person("Dana Smith", cadence_days=30, clock=clock)
    clock.advance(days=40)
    op(local.write_keep, dana, {"done": "2026-04-15", "due": "2026-04-10"}, uids, clock=clock)
    assert local.read_keeps(uids, clock.today())[dana]["due"] == "2026-05-15"
    assert Person.get_by_id(dana).keep_in_touch_snoozed_until == dt.date(2026, 5, 15)


def test_a_keeps_due_day_moved_is_a_snooze(db, clock, uids):
    dana = people.add_person("Dana Smith", cadence_days=30, clock=clock)
    op(local.write_keep, dana, {"due": "2026-04-20"}, uids, clock=clock)
    assert local.read_keeps(uids, TODAY)[dana]["due"] == "2026-04-20"
    result = op(local.write_keep, dana, {"due": "2026-04-20", "summary": "whatever", "done": ""}, uids, clock=clock)
    assert result.step is None
    op(local.write_keep, dana, {"due": "2026-03-15"}, uids, clock=clock)
    # a snooze moves a keep later than its cadence makes it, never earlier
    assert local.read_keeps(uids, TODAY)[dana]["due"] == "2026-04-10"


def test_a_keep_for_someone_without_a_cadence_changes_nothing(db, clock, uids):
    pid = people.add_person("Kim", clock=clock)
    assert op(local.write_keep, pid, {"done": "2026-03-11"}, uids, clock=clock).step is None
    with pytest.raises(ValidationError):
        op(local.write_keep, 999, {"done": "2026-03-11"}, uids, clock=clock)


# --- dates that matter -----------------------------------------------------------------------


def test_a_dates_due_day_is_its_next_occurrence_not_yet_marked_done(db, clock, uids):
    pid = write_person(None, {"name": "Dana Smith", "dates": "birthday\t\t1986-03-11\ncustom\tFirst met\t--12-01"},
                       uids, clock)
    uids.give("person", pid)
    archived = write_person(None, {"name": "Old", "archived": "1", "dates": "birthday\t\t--05-05"}, uids, clock)
    birthday, first_met = (d.id for d in PersonDate.select().where(PersonDate.person == pid).order_by(PersonDate.id))
    read = local.read_dates(uids, TODAY)
    assert read == {
        birthday: {"person": f"person-{pid}@test", "summary": "Dana Smith's birthday", "due": "2026-03-11", "acknowledged": ""},
        first_met: {"person": f"person-{pid}@test", "summary": "Dana Smith: First met", "due": "2026-12-01", "acknowledged": ""},
    }
    assert archived not in {v["person"] for v in read.values()}
    op(local.write_date, birthday, {**read[birthday], "acknowledged": "2026-03-11"}, uids, clock=clock)
    assert PersonDate.get_by_id(birthday).acknowledged_on == TODAY
    assert local.read_dates(uids, TODAY)[birthday] == {**read[birthday], "due": "2027-03-11", "acknowledged": "2026-03-11"}
    assert local.read_dates(uids, dt.date(2027, 3, 1))[birthday]["due"] == "2027-03-11"
    op(local.write_date, birthday, {"acknowledged": ""}, uids, clock=clock)
    assert local.read_dates(uids, TODAY)[birthday]["due"] == "2026-03-11"
    moved = op(local.write_date, first_met, {"due": "2026-12-05", "summary": "Other"}, uids, clock=clock)
    assert moved.step is None  # a date that matters is not moved


def test_the_29th_of_february_falls_on_the_28th_in_a_common_year(db, clock, uids):
    pid = write_person(None, {"name": "Leap", "dates": "birthday\t\t2000-02-29"}, uids, clock)
    (date_id,) = local.read_dates(uids, TODAY)
    assert local.read_dates(uids, dt.date(2027, 1, 1))[date_id]["due"] == "2027-02-28"
    assert local.read_dates(uids, dt.date(2027, 3, 1))[date_id]["due"] == "2028-02-29"
    assert pid


def test_a_date_no_longer_there_is_refused(db, clock, uids):
    with pytest.raises(ValidationError, match="no longer in the journal"):
        op(local.write_date, 999, {"acknowledged": "2026-03-11"}, uids, clock=clock)


# --- conversations ---------------------------------------------------------------------------


def test_a_conversation_reads_back_with_its_participants_sorted_by_uid(db, clock, uids):
    dana = people.add_person("Dana Smith", clock=clock)
    sam = people.add_person("Sam Lee", clock=clock)
    uids.give("person", dana, "b-dana")
    uids.give("person", sam, "a-sam")
    values = {"occurred_at": "2026-03-10T18:30:00", "channel": "video", "summary": "Catch-up",
              "notes": "Talked about the move.\nShe starts in May.", "participants": "a-sam\tSam Lee\nb-dana\tDana Smith"}
    cid = op(local.write_conversation, None, values, uids, clock=clock).value
    assert local.read_conversations(uids) == {cid: values}
    assert people.last_contact(dana) == dt.date(2026, 3, 10)
    assert Conversation.get_by_id(cid).created_at == TEST_NOW
    fewer = {**values, "participants": "b-dana\tDana Smith", "channel": "call", "summary": "Call"}
    op(local.write_conversation, cid, fewer, uids, clock=clock)
    assert local.read_conversations(uids, [cid]) == {cid: fewer}
    assert people.last_contact(sam) is None
    index_is_right(db)


def test_a_conversations_unknown_participants_are_skipped(db, clock, uids):
    dana = people.add_person("Dana Smith", clock=clock)
    uids.give("person", dana, "dana")
    values = {"occurred_at": "2026-03-10T18:30:00", "channel": "coffee", "participants": "stranger\tX\ndana\tDana"}
    cid = op(local.write_conversation, None, values, uids, clock=clock).value
    assert local.read_conversations(uids)[cid] == {
        "occurred_at": "2026-03-10T18:30:00", "channel": "other", "summary": "", "notes": "",
        "participants": "dana\tDana Smith",
    }
    with pytest.raises(ValidationError, match="at least one person"):
        op(local.write_conversation, None, {**values, "participants": "stranger\tX"}, uids, clock=clock)
    with pytest.raises(ValidationError, match="day and time"):
        op(local.write_conversation, None, {"participants": "dana\tDana"}, uids, clock=clock)
    assert Conversation.select().count() == 1


def test_a_synced_conversation_leaves_keep_in_touch_snoozes_to_the_cards(db, clock, uids):
    dana = people.add_person("Dana Smith", cadence_days=30, clock=clock)
    people.snooze_keep_in_touch(dana, dt.date(2026, 5, 1), clock=clock)
    uids.give("person", dana, "dana")
    op(local.write_conversation, None, {"occurred_at": "2026-03-11T08:00:00", "participants": "dana\t"}, uids, clock=clock)
    assert Person.get_by_id(dana).keep_in_touch_snoozed_until == dt.date(2026, 5, 1)


CONVERSATION_VALUES = st.fixed_dictionaries({
    "occurred_at": st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 12, 31)).map(
        lambda t: t.replace(microsecond=0).isoformat()),
    "channel": st.sampled_from(CHANNELS),
    "summary": TEXT,
    "notes": NOTES,
    "who": st.sets(st.integers(0, 3), min_size=1),
})


@PROPERTY
@given(first=CONVERSATION_VALUES, second=CONVERSATION_VALUES)
def test_any_conversation_reads_back_as_written(db, clock, first, second):
    uids = DictUids()
    ids = [people.add_person(f"P{i}", clock=clock) for i in range(4)]
    for pid in ids:
        uids.give("person", pid)

    def values(drawn):
        who = sorted((f"person-{ids[i]}@test", f"P{i}") for i in drawn["who"])
        return {**{k: v for k, v in drawn.items() if k != "who"}, "participants": "\n".join("\t".join(w) for w in who)}

    cid = op(local.write_conversation, None, values(first), uids, clock=clock).value
    assert local.read_conversations(uids, [cid]) == {cid: values(first)}
    op(local.write_conversation, cid, values(second), uids, clock=clock)
    assert local.read_conversations(uids, [cid]) == {cid: values(second)}


# --- deleting --------------------------------------------------------------------------------


def test_a_person_with_conversations_is_archived_else_deleted(db, clock, uids):
    dana = people.add_person("Dana Smith", clock=clock)
    sam = people.add_person("Sam", clock=clock)
    log_conversation([PersonRef(dana)], clock=clock)
    assert op(local.remove, "person", dana).value == "archived"
    assert Person.get_by_id(dana).archived
    assert op(local.remove, "person", dana).value == "archived"
    assert op(local.remove, "person", sam).value == "deleted"
    assert op(local.remove, "person", sam).value == "gone"
    index_is_right(db)


def test_removing_each_kind(db, clock, uids):
    dana = people.add_person("Dana Smith", cadence_days=30, clock=clock)
    sam = people.add_person("Sam", clock=clock)
    logged = log_conversation([PersonRef(dana)], clock=clock).conversation_id
    intro = introductions.offer(sam, dana, clock=clock)
    step = NextStep.select().where(NextStep.introduction == intro).get().id
    write_person(dana, {"dates": "birthday\t\t--04-02"}, uids, clock)
    date_id = PersonDate.get().id
    kept = op(local.write_step, None, {"text": "Call", "conversation": ""}, uids, clock=clock).value
    history = operations.History()
    before = dump_journal(db)
    for kind, local_id in (("keep", dana), ("date", date_id), ("conversation", logged), ("introduction", intro),
                           ("step", kept)):
        history.record(op(local.remove, kind, local_id))
        assert op(local.remove, kind, local_id).value == "gone"
    assert Person.get_by_id(dana).cadence_days is None
    assert NextStep.get_or_none(NextStep.id == step) is None  # an introduction's steps go with it
    assert local.read_keeps(uids, TODAY) == {} and local.read_dates(uids, TODAY) == {}
    while history.can_undo():
        history.undo()
    assert dump_journal(db) == before
    with pytest.raises(ValueError):
        local.remove("meeting", 1)


def test_a_removed_row_leaves_its_sync_item_without_a_row(db, clock):
    from journal.store.models import SyncItem

    dana = people.add_person("Dana Smith", clock=clock)
    SyncItem.create(role="contacts", kind="person", local_id=dana, uid="dana")
    op(local.remove, "person", dana)
    assert SyncItem.get().local_id is None
