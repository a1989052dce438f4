"""Which format a contact file is in, from its content alone (the start of the file).

vCard: a BEGIN:VCARD line (Android exports may put # comment lines first). The journal's
JSON: an object whose "format" is "contact-journal". The CSVs by their header names:
LinkedIn's (after its preamble), Google's two header generations, Thunderbird's, Outlook's.
"""

from __future__ import annotations

import csv
import io
import re

from journal.interop import google_csv, json_io, linkedin, outlook_csv, thunderbird_csv
from journal.interop.csvrows import header_index
from journal.interop.records import ImportFormatError
from journal.interop.text_decoding import sniff_encoding

HEAD_BYTES = 256 * 1024
VCARD = re.compile(r"(?:^|[\r\n])[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*(?:[\r\n]|$)", re.IGNORECASE)
JSON_HEAD = re.compile(r'^\s*\{\s*"format"\s*:\s*"' + re.escape(json_io.FORMAT) + '"')
NAMES = {
    "vcard": "vCard",
    "json": "Contact Journal JSON",
    "linkedin": "LinkedIn Connections.csv",
    "google": "Google Contacts CSV",
    "thunderbird": "Thunderbird CSV",
    "outlook": "Outlook CSV",
}


def head_text(data: bytes) -> str:
    """The start of the file as text, in the encoding a byte-order mark or the zero bytes show
    (UTF-8, UTF-16 or UTF-32, as the readers take it); undecodable bytes are replaced."""
    head, encoding = sniff_encoding(data[:HEAD_BYTES], "contact")
    width = {"utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}.get(encoding or "", 1)
    return head[: len(head) // width * width].decode(encoding or "utf-8", errors="replace")


def _csv_rows(text: str, limit: int) -> list[list[str]]:
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=outlook_csv.delimiter_of(text), strict=False)
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass  # the head may end inside a quoted cell; what was read is enough
    return rows


def detect(data: bytes) -> str:
    """The format key (vcard, json, linkedin, google, thunderbird, outlook) of a file's content;
    raises ImportFormatError when it is none of them."""
    text = head_text(data).lstrip("\ufeff")
    if not text.strip():
        raise ImportFormatError("The file is empty, so its format cannot be told.")
    if JSON_HEAD.match(text):
        return "json"
    if VCARD.search(text[:65536]):
        return "vcard"
    rows = _csv_rows(text, linkedin.HEADER_SEARCH_ROWS + 1)
    first = next((row for row in rows if any(cell.strip() for cell in row)), None)
    index = header_index(first) if first else {}
    if all(name in index for name in linkedin.REQUIRED):
        return "linkedin"
    if thunderbird_csv.is_header(index):
        return "thunderbird"
    if google_csv.header_generation(index) is not None:
        return "google"
    if outlook_csv.is_header(index):
        return "outlook"
    for row in rows:  # LinkedIn's header comes after a preamble of notes
        if all(name in header_index(row) for name in linkedin.REQUIRED):
            return "linkedin"
    raise ImportFormatError(
        "The format of this file cannot be told from its content: it is not a vCard, a Contact "
        "Journal export, or a CSV with the header of LinkedIn, Google, Outlook or Thunderbird. "
        "Choose its format yourself."
    )
