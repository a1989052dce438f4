"""Imports: preview, one atomic write, duplicates matched, a second import of a file changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import json
import random

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import cli
from journal.errors import JournalError
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.interchange import exports, imports
from journal.services.interchange.json_tables import dump_tables
from journal.services.people.records import add_detail, create_person, set_tags, tags_of
from journal.store.models import Organisation, Person
from tests.interop import samples


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def snapshot() -> dict:
    return dump_tables()


def person(name: str) -> Person:
    return Person.get(Person.name == name)


def details(p: Person) -> set[tuple[str, str]]:
    return {(d.kind, d.normalized) for d in p.details}


def test_linkedin_import_and_a_second_import_changes_nothing(db, clock, tmp_path):
    path = write(tmp_path, "Connections.csv", samples.linkedin(samples.LINKEDIN_ROWS))
    summary = imports.import_linkedin(path, dry_run=False, clock=clock)
    text = str(summary)
    assert "new: 2" in text and "rejected: 2" in text
    assert "line 7: (no name) — no first or last name" in text
    assert "line 8: " in text and "not a date like 12 Mar 2024" in text
    ana = person("Ana Pérez")
    assert (ana.organisation.name, ana.role, ana.connected_on) == ("Acme, Inc.", "CTO, Platform", dt.date(2024, 3, 12))
    assert ana.linkedin == "https://www.linkedin.com/in/ana-perez"
    assert ana.created_at == clock.now()
    assert details(person("Bo Li")) == {("email", "bo@example.com")}
    before = snapshot()
    clock.advance(days=1)
    again = imports.import_linkedin(path, dry_run=False, clock=clock)
    assert (again.plan.count("new"), again.plan.count("updated"), again.plan.count("unchanged")) == (0, 0, 2)
    assert snapshot() == before


@pytest.mark.parametrize("fmt, data, people", [
    ("vcard", samples.VCARD_21 + samples.VCARD_30 + samples.VCARD_40, 5),
    ("google", samples.GOOGLE_CURRENT, 2),
    ("google", samples.GOOGLE_LEGACY, 1),
])
def test_each_format_imports_and_reimports_without_change(db, clock, tmp_path, fmt, data, people):
    path = write(tmp_path, "contacts", data)
    summary = imports.run_import(fmt, path, clock=clock)
    assert summary.plan.count("new") == people == Person.select().count()
    before = snapshot()
    again = imports.run_import(fmt, path, clock=clock)
    assert again.plan.count("new") == 0 and again.plan.count("updated") == 0
    assert snapshot() == before


def test_google_fields_land_in_the_journal(db, clock, tmp_path):
    imports.run_import("google", write(tmp_path, "g.csv", samples.GOOGLE_CURRENT), clock=clock)
    dana = person("Dana Smith")
    assert details(dana) == {("email", "dana@work.com"), ("email", "dana.smith@work.com"), ("email", "dana@home.net"),
                             ("phone", "+442079460958")}
    assert tags_of(dana.id) == ["Mentors", "Python"]
    assert (dana.location, dana.notes) == ("London, UK", "Met at PyCon")


def test_same_email_phone_or_linkedin_updates_the_existing_person(db, clock, tmp_path):
    dana = create_person("D. Smith", clock=clock)
    add_detail(dana.id, "email", "DANA@work.com")
    frank = create_person("Francis", clock=clock)
    add_detail(frank.id, "phone", "+1 415-555-0134")
    ana = create_person("A. P.", clock=clock, linkedin="linkedin.com/in/ana-perez/")
    imports.run_import("google", write(tmp_path, "g.csv", samples.GOOGLE_CURRENT), clock=clock)
    imports.run_import("google", write(tmp_path, "l.csv", samples.GOOGLE_LEGACY), clock=clock)
    summary = imports.run_import("linkedin", write(tmp_path, "c.csv", samples.linkedin(samples.LINKEDIN_ROWS)), clock=clock)
    assert Person.select().count() == 5  # three existing, plus Eve and Bo
    dana = Person.get_by_id(dana.id)
    assert dana.name == "D. Smith"  # nothing is overwritten
    assert (dana.organisation.name, dana.role) == ("Umbrella", "Head of Data")
    assert ("phone", "+442079460958") in details(dana)
    assert tags_of(dana.id) == ["Mentors", "Python"]
    assert ("email", "frank@ocean.io") in details(Person.get_by_id(frank.id))
    ana = Person.get_by_id(ana.id)
    assert (ana.connected_on, ana.organisation.name) == (dt.date(2024, 3, 12), "Acme, Inc.")
    (row,) = [r for r in summary.plan.rows if r.line == 5]
    assert row.outcome == "updated" and row.match_id == ana.id and "same LinkedIn" in row.detail


def test_close_name_at_the_same_organisation_is_offered_for_review(db, clock, tmp_path):
    existing = create_person("Anna Perez", organisation="ACME", clock=clock)
    path = write(tmp_path, "c.csv", samples.linkedin(samples.LINKEDIN_ROWS))
    plan = imports.preview("linkedin", path)
    (row,) = [r for r in plan.rows if r.outcome == "review"]
    assert (row.line, row.match_id, row.action) == (5, existing.id, imports.ADD_NEW)
    assert "close name at Acme, Inc." in row.detail
    assert Person.select().count() == 1  # a preview writes nothing

    imports.run_import("linkedin", path, decisions={5: imports.SKIP}, clock=clock)
    assert not Person.select().where(Person.name == "Ana Pérez").exists()
    imports.run_import("linkedin", path, decisions={5: imports.MERGE}, clock=clock)
    merged = Person.get_by_id(existing.id)
    assert merged.linkedin == "https://www.linkedin.com/in/ana-perez" and merged.connected_on == dt.date(2024, 3, 12)
    assert not Person.select().where(Person.name == "Ana Pérez").exists()


def test_a_row_repeated_in_one_file_becomes_one_person(db, clock, tmp_path):
    rows = [["Ana", "Pérez", "", "ana@x.com", "Acme", "", "1 Jan 2020"],
            ["Ana", "Perez", "https://linkedin.com/in/ap", "ANA@x.com", "", "CTO", "1 Jan 2020"]]
    summary = imports.run_import("linkedin", write(tmp_path, "c.csv", samples.linkedin(rows)), clock=clock)
    assert Person.select().count() == 1
    assert [r.outcome for r in summary.plan.rows] == ["new", "updated"]
    assert person("Ana Pérez").role == "CTO"


def test_dry_run_changes_nothing(db, clock, tmp_path):
    summary = imports.import_vcard(write(tmp_path, "a.vcf", samples.VCARD_30), dry_run=True, clock=clock)
    assert "dry run" in str(summary) and summary.plan.count("new") == 2
    assert Person.select().count() == 0


BAD_INPUTS = {
    "binary": bytes(range(256)) * 8,
    "linkedin-as-vcard": samples.linkedin(samples.LINKEDIN_ROWS),
    "truncated": samples.VCARD_30.encode()[:150],
    "garbage": "".join(random.Random(5).choice("abc;:=\r\n ") for _ in range(300_000)).encode(),
    "empty": b"",
}


def test_a_latin_1_file_without_charsets_comes_in_with_its_guesses_listed(db, clock, tmp_path):
    path = write(tmp_path, "latin.vcf", samples.VCARD_30.encode("latin-1", "replace"))
    summary = imports.run_import("vcard", path, clock=clock)
    assert summary.plan.count("new") == 2
    assert person("Ana Pérez").organisation.name == "Acme, Inc."
    assert any("declares no CHARSET" in note for note in summary.plan.notes)


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_raises_a_clear_error_and_writes_nothing(db, clock, tmp_path, kind):
    create_person("Already Here", clock=clock)
    before = snapshot()
    path = write(tmp_path, "bad.vcf", BAD_INPUTS[kind])
    with pytest.raises(JournalError) as raised:
        imports.import_vcard(path, dry_run=False, clock=clock)
    assert str(raised.value) and "\n" not in str(raised.value)
    assert snapshot() == before


@pytest.mark.parametrize("fmt", ["linkedin", "google", "json"])
def test_wrong_format_for_csv_and_json_importers(db, clock, tmp_path, fmt):
    path = write(tmp_path, "x", samples.VCARD_30)
    with pytest.raises(JournalError, match="not"):
        imports.run_import(fmt, path, clock=clock)
    assert Person.select().count() == 0


def populate(clock):
    result = log_conversation(
        [PersonRef.named("Dana Smith"), PersonRef.named("Lee Park")],
        summary="Coffee", notes="Talked about the board role",
        offers=[OfferDraft(PersonRef.named("Ravi Jain"))],
        next_steps=[StepDraft("Send my CV", dt.date(2026, 3, 13), dt.time(10, 30))],
        clock=clock,
    )
    dana = person("Dana Smith")
    add_detail(dana.id, "email", "dana@example.com", "work")
    add_detail(dana.id, "phone", "+44 20 7946 0958")
    set_tags(dana.id, ["mentor", "Fintech"])
    Person.update(connected_on=dt.date(2020, 5, 1), cadence_days=30, cadence_set_on=dt.date(2026, 1, 1),
                  organisation=Organisation.create(name="Umbrella")).where(Person.id == dana.id).execute()
    return result


def test_json_export_restores_exactly_into_an_empty_journal(db, clock, tmp_path):
    from journal.store.db import open_journal

    populate(clock)
    stream = io.StringIO()
    exports.export_json(stream, clock=clock)
    original = snapshot()
    path = write(tmp_path, "journal.json", stream.getvalue())
    db.close()
    open_journal(tmp_path / "restored.sqlite3")
    summary = imports.import_json(path, dry_run=False, clock=clock)
    assert "restored into the empty journal" in str(summary)
    assert snapshot() == original
    again = io.StringIO()
    exports.export_json(again, clock=clock)
    assert json.loads(again.getvalue()) == json.loads(stream.getvalue())
    before = snapshot()
    imports.import_json(path, dry_run=False, clock=clock)  # now into a journal that has them
    assert snapshot() == before


def test_vcard_export_has_fn_n_and_a_stable_uid_and_reimports_without_change(db, clock, tmp_path):
    populate(clock)
    first, second = io.StringIO(), io.StringIO()
    assert exports.export_vcard(first, clock=clock) == 3
    exports.export_vcard(second, clock=clock)
    assert first.getvalue() == second.getvalue()
    cards = list(vobject.readComponents(first.getvalue()))
    assert all(c.fn.value and c.n.value and c.uid.value.startswith("urn:uuid:") for c in cards)
    assert len({c.uid.value for c in cards}) == 3
    dana = next(c for c in cards if c.fn.value == "Dana Smith")
    assert dana.org.value == ["Umbrella"] and dana.email.value == "dana@example.com"
    assert dana.tel.value == "+44 20 7946 0958" and set(dana.categories.value) == {"mentor", "Fintech"}
    Person.update(name="Dana S.").where(Person.name == "Dana Smith").execute()  # the UID still matches
    before = snapshot()
    summary = imports.import_vcard(write(tmp_path, "out.vcf", first.getvalue()), dry_run=False, clock=clock)
    assert summary.plan.count("new") == 0
    assert snapshot() == before


def test_command_line_import_and_export(tmp_path, capsys):
    journal = tmp_path / "cli.sqlite3"
    source = write(tmp_path, "Connections.csv", samples.linkedin(samples.LINKEDIN_ROWS))
    assert cli.run(["--db", str(journal), "import", "linkedin", str(source), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert cli.run(["--db", str(journal), "import", "linkedin", str(source)]) == 0
    out = capsys.readouterr().out
    assert "new: 2" in out and "line 7" in out
    assert cli.run(["--db", str(journal), "export", "csv", "-o", str(tmp_path / "people.csv")]) == 0
    assert (tmp_path / "people.csv").read_text(encoding="utf-8").startswith("Name,Given Name")
    assert cli.run(["--db", str(journal), "export", "vcard"]) == 0
    assert capsys.readouterr().out.count("BEGIN:VCARD") == 2
    bad = write(tmp_path, "bad.csv", b"\x00\x01\x02binary")
    assert cli.run(["--db", str(journal), "import", "google", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "binary" in err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fmt=st.sampled_from(sorted(imports.FORMATS)), data=st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: (samples.LINKEDIN_PREAMBLE + "First Name,Last Name,Connected On\r\n" + t).encode()),
    st.text(max_size=300).map(lambda t: ("BEGIN:VCARD\r\nFN:x\r\n" + t + "\r\nEND:VCARD\r\n").encode()),
    st.text(max_size=300).map(lambda t: ('{"format": "contact-journal", "version": 1, "schema": 1, "tables": ' + t).encode()),
))
def test_fuzzed_imports_raise_only_journal_errors_and_leave_nothing_partial(db, clock, tmp_path, fmt, data):
    path = write(tmp_path, "fuzz", data)
    before = snapshot()
    try:
        imports.run_import(fmt, path, clock=clock)
    except JournalError:
        assert snapshot() == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_journal_exports_restore_whole_or_not_at_all(tmp_path_factory, clock, data):
    from journal.store.db import close_journal, open_journal

    folder = tmp_path_factory.mktemp("fuzz")
    open_journal(folder / "source.sqlite3")
    populate(clock)
    stream = io.StringIO()
    exports.export_json(stream, clock=clock)
    close_journal()
    document = json.loads(stream.getvalue())
    tables = [name for name, rows in document["tables"].items() if rows]
    table = data.draw(st.sampled_from(tables))
    row = data.draw(st.sampled_from(document["tables"][table]))
    column = data.draw(st.sampled_from(sorted(row)))
    row[column] = data.draw(st.one_of(st.none(), st.booleans(), st.integers(-3, 99), st.text(max_size=12),
                                      st.sampled_from(["2026-02-30", "25:00:00", "2026-03-11T09:30:00"])))
    path = write(folder, "journal.json", json.dumps(document))
    open_journal(folder / "target.sqlite3")
    try:
        imports.import_json(path, dry_run=False, clock=clock)
    except JournalError:
        assert all(not rows for rows in snapshot().values())
    finally:
        close_journal()


def test_an_oversized_file_is_refused_before_it_is_read(db, clock, tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 1000)
    path = write(tmp_path, "big.csv", samples.linkedin(samples.LINKEDIN_ROWS) * 10)
    with pytest.raises(JournalError, match="not supported"):
        imports.import_linkedin(path, dry_run=False, clock=clock)
    assert Person.select().count() == 0


@pytest.mark.parametrize("damage", ["cut", "row", "table", "binary"])
def test_a_damaged_streamed_export_restores_nothing(db, clock, tmp_path, damage):
    from journal.store.db import open_journal

    populate(clock)
    stream = io.StringIO()
    exports.export_json(stream, clock=clock)
    lines = stream.getvalue().split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith('  {"id"') and i > 10)
    if damage == "cut":
        lines = lines[: row + 1]
    elif damage == "row":
        lines[row] = lines[row][:20]
    elif damage == "table":
        lines[1] = ' "organisation" ['
    text = "\n".join(lines).encode()
    if damage == "binary":
        text = text[:300] + b"\xff\xfe\x00" + text[300:]
    path = write(tmp_path, "journal.json", text)
    db.close()
    open_journal(tmp_path / "restored.sqlite3")
    with pytest.raises(JournalError) as raised:
        imports.import_json(path, dry_run=False, clock=clock)
    assert str(raised.value)
    assert all(not rows for rows in snapshot().values())


def test_the_export_is_one_row_per_line_and_streams_back(db, clock):

    populate(clock)
    stream = io.StringIO()
    count = exports.export_json(stream, clock=clock)
    lines = stream.getvalue().splitlines()
    assert lines[0].endswith('"tables": {') and lines[-1] == "}}"
    assert sum(1 for line in lines if line.startswith("  {")) == count
    assert json.loads(stream.getvalue())["tables"] == dump_tables()


def test_lines_left_out_of_a_read_card_are_listed_in_the_summary(db, clock):
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[2] / "interop" / "fixtures" / "vcard" / "undecodable_base64_photo.vcf"
    summary = imports.run_import("vcard", fixture, dry_run=True, clock=clock)
    text = str(summary)
    assert summary.plan.count("new") >= 1
    assert "lines left out of contacts that were read: " in text
    assert "  line " in text.split("lines left out of contacts that were read: ")[1]
