"""Any card imported into the journal and exported again still holds every property it had
that the journal does not model, byte for byte after unfolding, and reads back with the same
fields: the promise a first sync with the user's phone depends on."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings

from journal.interop import vcard
from journal.services.interchange import exports, imports
from journal.store.models import Person
from tests.interop.test_vcard_fields import FIELDS
from tests.interop.test_vcard_roundtrip import cards


def _jobs(record) -> set:
    return {(record.organisation, record.role), *record.other_jobs}


def _identities(name: str, value):
    """What the journal keeps of a modelled field: each value once, an e-mail address whatever its
    case or label, a phone or an address whatever its label, a date once per kind and day (a year
    or a label filled in)."""
    if name == "emails":
        return {v.lower() for v, _label in value}
    if name == "phones":
        return {v for v, _label in value}
    if name == "dates":
        return {(d.kind, d.date.month, d.date.day) for d in value}
    if name == "addresses":
        return {a.parts() for a in value}
    if isinstance(value, (list, tuple)) and name != "photo":
        return set(value)
    return value


def _through_journal(text: str, tmp_path, clock):
    source = tmp_path / "card.vcf"
    source.write_bytes(text.encode())
    summary = imports.run_import("vcard", source, clock=clock)
    assert summary.plan.count("rejected") == 0
    out = io.StringIO()
    exports.export_vcard(out, clock=clock)
    return out.getvalue()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(case=cards())
def test_an_imported_card_exports_with_every_line_it_does_not_model(case, db, tmp_path, clock):
    text, expected = case
    Person.delete().execute()  # each example starts from an empty journal
    (read,) = vcard.parse(text.encode()).records
    exported = _through_journal(text, tmp_path, clock)
    (again,) = vcard.parse(exported.encode()).records
    assert again.extra_lines == expected
    for name in FIELDS:
        if name == "uid":
            continue  # the journal gives a card without a UID one of its own
        if name == "other_jobs":  # one job given twice is one job
            assert _jobs(again) == _jobs(read)
            continue
        assert _identities(name, getattr(again, name)) == _identities(name, getattr(read, name)), name


def test_a_re_import_of_the_exported_card_keeps_one_copy_of_each_line(db, tmp_path, clock):
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Pérez\r\nEMAIL:ana@example.test\r\n"
        "X-FAVOURITE-TEA;TYPE=green:Sencha\\, loose\r\nGENDER:F\r\nitem1.X-CUSTOM:one\r\nitem1.X-ABLabel:Kept\r\n"
        "END:VCARD\r\n"
    )
    exported = _through_journal(card, tmp_path, clock)
    again = _through_journal(exported, tmp_path, clock)
    (record,) = vcard.parse(again.encode()).records
    assert record.extra_lines == [
        "X-FAVOURITE-TEA;TYPE=green:Sencha\\, loose", "GENDER:F", "item1.X-CUSTOM:one", "item1.X-ABLabel:Kept",
    ]
    assert Person.select().count() == 1
