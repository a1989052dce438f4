import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.interop import outlook_csv, thunderbird_csv
from journal.interop.detect import detect
from journal.interop.records import ImportFormatError
from tests.interop import samples


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (samples.VCARD_21.encode(), "vcard"),
        (samples.VCARD_30.encode("utf-16"), "vcard"),
        (samples.VCARD_40.encode("utf-16-le"), "vcard"),  # Apple's UTF-16 without a byte-order mark
        (samples.VCARD_40.encode("utf-16-be"), "vcard"),
        (samples.VCARD_21.replace("\r\n", "\r").encode("cp1252"), "vcard"),  # classic Mac line ends
        (b"# Android export\r\n\r\n" + samples.VCARD_40.encode(), "vcard"),
        (samples.linkedin(samples.LINKEDIN_ROWS), "linkedin"),
        (samples.linkedin(samples.LINKEDIN_ROWS, preamble=False, with_url=False), "linkedin"),
        (samples.GOOGLE_CURRENT.encode(), "google"),
        (samples.GOOGLE_LEGACY.encode("utf-8-sig"), "google"),
        (samples.outlook(samples.OUTLOOK_ROWS), "outlook"),
        (samples.OUTLOOK_LEGACY, "outlook"),
        (samples.OUTLOOK_GERMAN, "outlook"),
        (samples.OUTLOOK_GERMAN.replace(b"\",\"", b"\";\""), "outlook"),  # saved again with semicolons
        (samples.thunderbird(samples.THUNDERBIRD_ROWS, encoding="cp1252"), "thunderbird"),
        (samples.thunderbird(samples.THUNDERBIRD_ROWS, encoding="utf-8-sig"), "thunderbird"),
        (b'{"format": "contact-journal", "version": 1, "schema": 9, "tables": {}}\n', "json"),
    ],
)
def test_each_format_is_told_by_its_content(data, expected):
    assert detect(data) == expected


def test_a_long_note_in_the_first_rows_does_not_hide_the_header():
    rows = [{"First Name": "A", "Notes": "x" * 300_000}]
    assert detect(samples.outlook(rows)) == "outlook"


@pytest.mark.parametrize(
    "data",
    [b"", b"  \r\n", b"Name,Phone\r\nAna,123\r\n", b'{"format": "other"}', b"\x00\x01\x02\x03binary\x00\xff" * 10],
)
def test_anything_else_is_refused_with_a_reason(data):
    with pytest.raises(ImportFormatError):
        detect(data)


# --- through the import service and the command line ---------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "fmt", "people"),
    [
        ("contacts.csv", samples.outlook(samples.OUTLOOK_ROWS), "outlook", 3),
        ("abook.csv", samples.thunderbird(samples.THUNDERBIRD_ROWS, encoding="cp1252"), "thunderbird", 3),
        ("google.csv", samples.GOOGLE_CURRENT.encode(), "google", 2),
    ],
)
def test_import_auto_reads_each_csv_as_its_format_and_twice_changes_nothing(db, clock, tmp_path, name, data, fmt, people):
    from journal.services.interchange import imports
    from journal.store.models import Person

    path = tmp_path / name
    path.write_bytes(data)
    summary = imports.import_auto(path, clock=clock)
    assert summary.plan.format == fmt
    assert summary.plan.count("new") == people == Person.select().count()
    assert summary.plan.count("rejected") == 1
    assert str(summary).startswith(f"{imports.FORMATS[fmt][0]} import of {name}")
    again = imports.run_import(fmt, path, clock=clock)
    assert again.plan.count("new") == 0 and again.plan.count("unchanged") == people


def test_outlook_and_thunderbird_records_reach_the_journal(db, clock, tmp_path):
    from journal.services.interchange import imports
    from journal.store.models import Person

    path = tmp_path / "outlook.csv"
    path.write_bytes(samples.outlook(samples.OUTLOOK_ROWS))
    imports.import_outlook(path, clock=clock)
    grace = Person.get(Person.name == "Grace B. Hopper")
    assert grace.role == "Rear Admiral" and "COBOL" in grace.notes
    tb = tmp_path / "tb.csv"
    tb.write_bytes(samples.thunderbird(samples.THUNDERBIRD_ROWS))
    imports.import_thunderbird(tb, clock=clock)
    assert Person.select().where(Person.name == "Linus Torvalds").count() == 1


def test_the_command_line_imports_outlook_thunderbird_and_auto(journal_path, tmp_path, capsys):
    from journal.cli import run

    outlook, thunderbird, odd = tmp_path / "o.csv", tmp_path / "t.csv", tmp_path / "odd.csv"
    outlook.write_bytes(samples.OUTLOOK_LEGACY)
    thunderbird.write_bytes(samples.thunderbird(samples.THUNDERBIRD_ROWS))
    odd.write_bytes(b"Name,Phone\r\nAna,123\r\n")
    assert run(["--db", str(journal_path), "import", "outlook", str(outlook)]) == 0
    assert "Outlook CSV import of o.csv" in capsys.readouterr().out
    assert run(["--db", str(journal_path), "import", "auto", str(thunderbird), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Thunderbird CSV import of t.csv (dry run" in out and "new: 3" in out
    assert run(["--db", str(journal_path), "import", "thunderbird", str(outlook)]) != 0
    assert "not a Thunderbird address-book CSV" in capsys.readouterr().err
    assert run(["--db", str(journal_path), "import", "auto", str(odd)]) != 0
    assert "cannot be told from its content" in capsys.readouterr().err


# --- whatever bytes come in: records, or ImportFormatError --------------------------------

csv_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
csv_text = st.lists(st.lists(csv_cell, max_size=9).map(lambda cells: ",".join(cells)), max_size=8).map("\r\n".join)
OUTLOOK_SHORT = "First Name,Last Name,E-mail Address,E-mail Type,Mobile Phone,Company,Job Title,Notes,Categories\r\n"
THUNDERBIRD_SHORT = "First Name,Last Name,Display Name,Primary Email,Work Phone,Organization,Web Page 1,Notes\r\n"


def _check(parse, data: bytes) -> bool:
    """Whether `parse` read the file (as records, or rejected rows)."""
    try:
        result = parse(data)
    except ImportFormatError as exc:
        assert str(exc)
        return False
    lines = data.count(b"\n") + data.count(b"\r") + 1
    for record in result.records:
        assert record.name.strip() and 1 <= record.line <= lines
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data):
    for parse in (outlook_csv.parse, thunderbird_csv.parse):
        _check(parse, data)
    try:
        assert detect(data) in {"vcard", "json", "linkedin", "google", "outlook", "thunderbird"}
    except ImportFormatError as exc:
        assert str(exc)


@settings(max_examples=150, deadline=None)
@given(csv_text, st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_a_valid_header_and_random_rows(body, encoding):
    for header, parse, fmt in ((OUTLOOK_SHORT, outlook_csv.parse, "outlook"), (THUNDERBIRD_SHORT, thunderbird_csv.parse, "thunderbird")):
        data = (header + body).encode(encoding, errors="replace")
        if _check(parse, data):  # a file its parser reads is told as that format
            assert detect(data) == fmt


def test_parse_auto_reads_each_contact_format_and_names_it():
    from journal.services.interchange import imports

    assert imports.parse("auto", samples.OUTLOOK_LEGACY).format == "outlook"
    assert imports.parse("auto", samples.thunderbird(samples.THUNDERBIRD_ROWS)).format == "thunderbird"
    with pytest.raises(ImportFormatError, match="restored whole"):
        imports.parse("auto", b'{"format": "contact-journal", "tables": {}}')


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-16-be", "utf-8-sig"])
def test_a_vcard_is_told_in_every_encoding_its_reader_takes(encoding):
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nEND:VCARD\r\n"
    assert detect(card.encode(encoding)) == "vcard"
