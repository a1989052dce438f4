import csv
import io

import pytest

from journal.interop.csv_export import HEADER, neutralise, write
from journal.interop.records import PersonOut


@pytest.mark.parametrize("value", ["=1+2", "+44 20 7946", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_triggers_are_neutralised(value):
    assert neutralise(value) == "'" + value


def test_plain_values_are_left_alone():
    assert neutralise("Ana") == "Ana" and neutralise("") == ""


def test_one_row_per_person_with_a_header():
    stream = io.StringIO()
    people = [PersonOut(uid="u", name="=HYPERLINK(\"http://evil\")", organisation="Acme", tags=["a", "b"]),
              PersonOut(uid="v", name="Bo Li", phones=[("+1 415", "")])]
    assert write(people, stream) == 2
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows[0] == HEADER
    assert rows[1][0] == "'=HYPERLINK(\"http://evil\")"
    assert rows[1][HEADER.index("Tags")] == "a, b"
    assert rows[2][HEADER.index("Phone")] == "'+1 415"
