"""The journal's own JSON: every table, every column, so that importing it restores exactly."""

from __future__ import annotations

import json

from journal.interop.records import ImportFormatError, decode

FORMAT = "contact-journal"
VERSION = 1


def dump(tables: dict[str, list[dict]], *, schema: int, exported_at: str, stream) -> None:
    document = {"format": FORMAT, "version": VERSION, "schema": schema, "exported_at": exported_at, "tables": tables}
    json.dump(document, stream, ensure_ascii=False, indent=1, sort_keys=False)
    stream.write("\n")


def load(data: bytes) -> dict:
    """The document, checked for shape; raises ImportFormatError for anything else."""
    text = decode(data, "Contact Journal JSON")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"This is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise ImportFormatError("This JSON is nested too deeply to be a Contact Journal export.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFormatError("This JSON is not a Contact Journal export (no \"format\": \"contact-journal\").")
    if document.get("version") != VERSION:
        raise ImportFormatError(f"This Contact Journal export has version {document.get('version')!r}; this app reads version {VERSION}.")
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows) for rows in tables.values()
    ):
        raise ImportFormatError("This Contact Journal export is damaged: \"tables\" is not a set of row lists.")
    return document
