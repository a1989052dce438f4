"""The import planner matches exactly as a plain, one-by-one reading of the rules would.

The reference below compares every row with every person known so far (the journal's people,
then the file's rows added before it) with no index, no folding cache and no shortcuts; the
planner must reach the same decision for each row: the same person, the same close name (the
first of equally close names, in the order people became known), or a new person.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from journal.domain.contact_details import normalize_email
from journal.interop.dedupe import REVIEW_SCORE, describe_key, name_key, org_key
from journal.interop.records import ContactRecord
from journal.services.interchange import imports
from journal.services.interchange.import_writer import PendingPerson, write_plan
from journal.store.models import DB, ContactDetail, Organisation, Person

FIRST = ["Ana", "Anna", "Ána", "Bo", "Zoë", "Zoe"]
LAST = ["Pérez", "Perez", "Peres", "Perex", "Perey", "Li", "Lee", "Weiß", "Weiss"]
ORGS = ["Acme", "Acme Inc", "ACME", "Globex", "", "Inc"]
EMAILS = ["", "", "a@x.com", "A@X.com", "b@x.com"]
URLS = ["", "", "https://www.linkedin.com/in/a", "linkedin.com/in/a/", "https://linkedin.com/in/b?x=1"]

# Drawn from a seeded random generator: hypothesis, left to build the lists itself, mostly tries
# short lists of the first few names, which seldom holds two names equally close to a third.
actions = [imports.ADD_NEW, imports.MERGE, imports.SKIP]


def person(rng: random.Random) -> tuple[str, str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    name = f"{last}, {first}" if rng.random() < 0.3 else f"{first} {last}"
    return name, rng.choice(ORGS), rng.choice(EMAILS), rng.choice(URLS)


def reference(journal: list[tuple[int, str, str, set[str]]], records: list[ContactRecord], decisions: dict[int, str]):
    """(line, kind, target, reason) per record, the rules applied one comparison at a time."""
    known: list[tuple[object, str, str]] = []  # (ref, name key, organisation key), in the order added
    owner: dict[str, object] = {}  # the first to hold a key keeps it

    def add(ref, name, organisation, keys):
        known.append((ref, name_key(name), org_key(organisation)))
        for key in keys:
            owner.setdefault(key, ref)

    for pid, name, organisation, keys in journal:
        add(pid, name, organisation, keys)
    out = []
    for record in records:
        keys = imports.record_keys(record)
        nkey, okey = name_key(record.name), org_key(record.organisation)
        held = [key for key in sorted(keys) if key in owner]
        same_name = [ref for ref, n, o in known if (n, o) == (nkey, okey)]
        if held:
            out.append((record.line, "same", owner[held[0]], f"same {describe_key(held[0])}"))
            for key in keys:
                owner.setdefault(key, owner[held[0]])
            continue
        if same_name:
            reason = "same name and organisation" if record.organisation else "same name"
            out.append((record.line, "same", same_name[0], reason))
            for key in keys:
                owner.setdefault(key, same_name[0])
            continue
        best = None
        if record.organisation and okey:
            for ref, n, o in known:
                if o == okey:
                    score = fuzz.ratio(nkey, n)
                    if score >= REVIEW_SCORE and (best is None or score > best[1]):
                        best = (ref, score)
        if best is None:
            out.append((record.line, "new", None, ""))
            add(("new", record.line), record.name, record.organisation, keys)
            continue
        out.append((record.line, "review", best[0], f"close name at {record.organisation} ({round(best[1])}%)"))
        action = decisions.get(record.line, imports.ADD_NEW)
        if action == imports.ADD_NEW:
            add(("new", record.line), record.name, record.organisation, keys)
        elif action == imports.MERGE:
            for key in keys:
                owner.setdefault(key, best[0])
    return out


def planned(rows: list[imports.RowPlan]):
    out = []
    for row in rows:
        if row.outcome == imports.NEW:
            out.append((row.line, "new", None, ""))
            continue
        if row.match_id is not None:
            target = row.match_id
        else:
            target = ("new", int(re.search(r"line (\d+)", row.detail).group(1)))
        kind = "review" if row.outcome == imports.REVIEW else "same"
        reason = re.split(r": | as line | to ", row.detail)[0]
        out.append((row.line, kind, target, reason))
    return out


def _journal(existing) -> list[tuple[int, str, str, set[str]]]:
    journal = []
    for name, organisation, email, url in existing:
        org = Organisation.get_or_create(name=organisation)[0] if organisation else None
        person = Person.create(name=name, organisation=org, linkedin=url)
        keys = set()
        if email:
            ContactDetail.create(person=person, kind="email", value=email, normalized=normalize_email(email))
            keys.add(f"email:{normalize_email(email)}")
        keys |= imports.record_keys(ContactRecord(0, name, linkedin=url))
        journal.append((person.id, name, organisation, keys))
    return journal


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_planner_matches_like_the_one_by_one_reading(db, seed):
    rng = random.Random(seed)
    existing = [person(rng) for _ in range(rng.randint(0, 10))]
    records = []
    for line in range(2, 2 + rng.randint(1, 30)):
        name, organisation, email, url = person(rng)
        records.append(ContactRecord(line, name, organisation, emails=[(email, "")] if email else [], linkedin=url))
    decisions = {r.line: rng.choice(actions) for r in records if rng.random() < 0.5}
    with DB.atomic() as transaction:
        journal = _journal(existing)
        planner = imports.Planner(records, decisions)
        rows = planner.plan()
        transaction.rollback()
    assert planned(rows) == reference(journal, records, decisions)


def test_equally_close_names_go_to_the_one_known_first(db):
    acme = Organisation.create(name="Acme")
    first = Person.create(name="Anna Perex", organisation=acme)
    Person.create(name="Anna Perey", organisation=acme)
    records = [ContactRecord(2, "Anna Perez", "Acme"), ContactRecord(3, "Anna Perew", "Acme")]
    scores = {fuzz.ratio(name_key(a), name_key(b)) for a in ("Anna Perez", "Anna Perew") for b in ("Anna Perex", "Anna Perey")}
    assert scores == {90.0} and fuzz.ratio("anna perew", "anna perez") == 90.0
    rows = imports.Planner(records).plan()
    # Row 3 is as close to row 2 (added as new) as to both people, and goes to the first of them.
    assert [(row.outcome, row.match_id) for row in rows] == [(imports.REVIEW, first.id)] * 2
    assert rows[0].detail.startswith("close name at Acme (90%) to Anna Perex")


def test_a_later_row_merges_into_an_earlier_new_row_and_both_are_written(db, clock, tmp_path):
    from tests.interop import samples

    path = tmp_path / "Connections.csv"
    path.write_bytes(samples.linkedin([
        ["Ana", "Pérez", "https://www.linkedin.com/in/ana", "", "Acme", "", "12 Mar 2024"],
        ["Ana", "Perez", "https://www.linkedin.com/in/ana/", "ana@acme.com", "Acme", "CTO", "12 Mar 2024"],
        ["Bo", "Li", "https://www.linkedin.com/in/bo", "", "Globex", "Engineer", ""],
    ]))
    summary = imports.import_linkedin(path, clock=clock)
    rows = {row.line: row for row in summary.plan.rows}
    assert [row.outcome for row in summary.plan.rows] == [imports.NEW, imports.UPDATED, imports.NEW]
    assert "same LinkedIn linkedin.com/in/ana as line" in rows[min(rows) + 1].detail
    ana = Person.get(Person.name == "Ana Pérez")
    assert (ana.role, ana.organisation.name, str(ana.connected_on)) == ("CTO", "Acme", "2024-03-12")
    assert [(d.kind, d.value) for d in ana.details] == [("email", "ana@acme.com")]
    bo = Person.get(Person.name == "Bo Li")
    assert (bo.role, bo.connected_on, bo.notes, bo.how_met, bo.archived) == ("Engineer", None, "", "", False)
    assert Person.select().count() == 2


def test_a_row_is_held_as_its_record_until_a_later_row_merges_into_it(db):
    records = [
        ContactRecord(2, "Ana Pérez", "Acme", linkedin="https://www.linkedin.com/in/ana"),
        ContactRecord(3, "Bo Li", "Globex", linkedin="https://www.linkedin.com/in/bo"),
        ContactRecord(4, "Ana Perez", "Acme", role="CTO", linkedin="linkedin.com/in/ana"),
    ]
    planner = imports.Planner(records)
    planner.plan()
    assert planner.pending[("new", 3)] is records[1]
    merged = planner.pending[("new", 2)]
    assert isinstance(merged, PendingPerson) and merged.role == "CTO"


def test_plain_column_defaults_are_written_as_literals_and_others_bound():
    from journal.services.interchange.import_writer import _literal

    assert [_literal(v) for v in (None, False, True, 3, "", "O'Brien")] == ["NULL", "0", "1", "3", "''", "'O''Brien'"]
    assert _literal("a\x00b") is None and _literal(1.5) is None


@pytest.mark.parametrize("emails", [[], [("ana@acme.com", "work")]])
def test_a_new_person_is_written_alike_from_its_record_or_from_a_pending_person(db, clock, emails):
    Person.create(name="Someone Else")
    record = ContactRecord(
        2, "Ana Pérez", "Acme", role="CTO", emails=emails, linkedin="https://www.linkedin.com/in/ana",
        website="https://ana.dev", location="Lisbon", notes="  met at PyCon \n", connected_on=dt.date(2024, 3, 12),
    )
    with DB.atomic():
        planner = imports.Planner([record])
        planner.plan()
        assert (planner.pending[("new", 2)] is record) == (not emails)
        write_plan(planner, clock)
    ana = Person.get(Person.name == "Ana Pérez")
    assert (ana.organisation.name, ana.role, ana.linkedin, ana.website, ana.location, ana.notes, ana.connected_on) == (
        "Acme", "CTO", "https://www.linkedin.com/in/ana", "https://ana.dev", "Lisbon", "met at PyCon", dt.date(2024, 3, 12)
    )
    assert (ana.created_at, ana.updated_at, ana.archived, ana.is_placeholder, ana.how_met) == (clock.now(), clock.now(), False, False, "")
    assert [(d.kind, d.label, d.value) for d in ana.details] == [("email", "work", v) for v, _ in emails]
