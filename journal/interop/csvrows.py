"""Reading CSV text row by row, with the file line on which each row starts."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from journal.interop.records import ImportFormatError

csv.field_size_limit(1024 * 1024)


def rows_with_lines(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """(start line, cells) for every row; a broken file raises ImportFormatError."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFormatError(f"Line {reader.line_num}: the CSV is broken ({exc}).") from None


def header_index(row: list[str]) -> dict[str, int]:
    """Column positions by name, case-insensitive; the first of a repeated name wins."""
    index: dict[str, int] = {}
    for position, name in enumerate(row):
        index.setdefault(name.strip().lstrip("\ufeff").casefold(), position)
    return index


def cell(row: list[str], index: dict[str, int], name: str) -> str:
    position = index.get(name.casefold())
    if position is None or position >= len(row):
        return ""
    return row[position].strip()


def data_rows(rows: Iterator[tuple[int, list[str]]], width: int, rejected: list) -> Iterator[tuple[int, list[str]]]:
    """The rows after a header `width` cells wide that hold anything: empty rows are passed
    over, and a row with more than two cells too many is rejected (appended to `rejected` as a
    `Rejected`, with its line) rather than read out of step with the header."""
    from journal.interop.records import Rejected

    for line, row in rows:
        if not any(value.strip() for value in row):
            continue
        if len(row) > width + 2:
            rejected.append(Rejected(line, f"{len(row)} columns where the header has {width}"))
            continue
        yield line, row
