"""The journal's own JSON: every table, every column, so that importing it restores exactly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from journal.interop.records import MAX_FILE_BYTES, ImportFormatError, decode

FORMAT = "contact-journal"
VERSION = 1
NOT_UTF8 = "The file is not UTF-8 text, so it is not a Contact Journal export. Nothing was imported."


def dump(tables, *, schema: int, exported_at: str, stream) -> int:
    """Write `tables` ((name, rows) pairs; rows may be iterators) one row per line, so a big
    journal streams out without being held in memory. Returns the number of rows."""
    head = {"format": FORMAT, "version": VERSION, "schema": schema, "exported_at": exported_at}
    stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {')
    count = 0
    for number, (name, rows) in enumerate(tables):
        stream.write(("," if number else "") + f"\n {json.dumps(name)}: [")
        for index, row in enumerate(rows):
            stream.write(("," if index else "") + "\n  " + json.dumps(row, ensure_ascii=False))
            count += 1
        stream.write("\n ]")
    stream.write("\n}}\n")
    return count


def load(data: bytes) -> dict:
    """The document, checked for shape; raises ImportFormatError for anything else."""
    text = decode(data, "Contact Journal JSON")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"This is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise ImportFormatError("This JSON is nested too deeply to be a Contact Journal export.") from None
    _check_header(document)
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows) for rows in tables.values()
    ):
        raise ImportFormatError("This Contact Journal export is damaged: \"tables\" is not a set of row lists.")
    return document


def _check_header(document) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFormatError("This JSON is not a Contact Journal export (no \"format\": \"contact-journal\").")
    if document.get("version") != VERSION:
        raise ImportFormatError(
            f"This Contact Journal export has version {document.get('version')!r}; this app reads version {VERSION}."
        )


class Export:
    """A journal export on disk, read table by table.

    A file as `dump` writes it (one row per line) is streamed, so a journal of any size restores
    without being held in memory; any other layout of the same JSON is loaded whole (up to the
    size limit). Each call of `tables()` reads the file again.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._document: dict | None = None
        with self._open() as handle:
            try:
                first = handle.readline(1 << 16)
            except UnicodeDecodeError:
                raise ImportFormatError(NOT_UTF8) from None
            if "\x00" in first:
                raise ImportFormatError("The file is binary, not a Contact Journal export.")
        header = None
        if first.rstrip("\r\n").endswith('"tables": {'):
            try:
                header = json.loads(first.rstrip("\r\n") + "}}")
            except json.JSONDecodeError:
                header = None
        if header is None:
            size = self.path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ImportFormatError(
                    f"This JSON is {size // 2**20} MB and not laid out as the app writes it; "
                    f"such files over {MAX_FILE_BYTES // 2**20} MB are not supported."
                )
            self._document = load(self.path.read_bytes())
            header = self._document
        _check_header(header)
        self.header = {k: v for k, v in header.items() if k != "tables"}

    def _open(self):
        return open(self.path, encoding="utf-8-sig", newline="")

    def tables(self) -> Iterator[tuple[str, Iterator[dict]]]:
        if self._document is not None:
            for name, rows in self._document["tables"].items():
                yield name, iter(rows)
            return
        with self._open() as handle:
            try:
                handle.readline()
                yield from self._stream(handle)
            except UnicodeDecodeError:
                raise ImportFormatError(NOT_UTF8) from None

    def _stream(self, handle):
        number = 1
        for raw in handle:
            number += 1
            line = raw.rstrip("\r\n")
            if line == "}}":
                return
            name = _table_name(line, number)
            rows = _TableRows(handle, number)
            yield name, rows
            rows.drain()
            if not rows.closed:
                raise ImportFormatError(f"This export ends inside table {name!r}: it looks cut off. Nothing was imported.")
            number = rows.line
        raise ImportFormatError("This export ends before its last line: it looks cut off. Nothing was imported.")


def _table_name(line: str, number: int) -> str:
    head = line.rstrip(",")
    if line.startswith(" ") and head.endswith(": ["):
        try:
            name = json.loads(head[: -len(": [")].strip())
        except json.JSONDecodeError:
            name = None
        if isinstance(name, str):
            return name
    raise ImportFormatError(f"Line {number} of this export is damaged: a table name was expected.")


class _TableRows:
    """The rows of one table, read line by line from the shared file handle."""

    def __init__(self, handle, line: int) -> None:
        self.handle, self.line, self.closed = handle, line, False

    def __iter__(self):
        try:
            yield from self._read()
        except UnicodeDecodeError:
            raise ImportFormatError(NOT_UTF8) from None

    def _read(self):
        for raw in self.handle:
            self.line += 1
            text = raw.rstrip("\r\n").rstrip(",")
            if text.strip() == "]":
                self.closed = True
                return
            try:
                row = json.loads(text)
            except (json.JSONDecodeError, RecursionError):
                raise ImportFormatError(f"Line {self.line} of this export is damaged: it is not a JSON row.") from None
            if not isinstance(row, dict):
                raise ImportFormatError(f"Line {self.line} of this export is not a row.")
            yield row

    def drain(self) -> None:
        if not self.closed:
            for _row in self:
                pass
