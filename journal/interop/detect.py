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
    """The start of the file as text, whatever its encoding; undecodable bytes are replaced."""
    head = data[:HEAD_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("utf-8", errors="replace")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    sample = head[:4096]
    if sample and b"\x00" in sample:
        # UTF-16 without a byte-order mark: ASCII text has its zero bytes on one side.
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return head[: len(head) // 2 * 2].decode("utf-16-le", errors="replace")
        if even > len(sample) // 4 and odd == 0:
            return head[: len(head) // 2 * 2].decode("utf-16-be", errors="replace")
        raise ImportFormatError("The file is binary, not a contact file.")
    return head.decode("utf-8", errors="replace")


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
    if google_csv._generation(index) is not None:
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
