"""Turning a contact file's bytes into text without giving up on its first odd byte.

A file is read as UTF-8 unless it starts with a byte-order mark or its zero bytes show it is
UTF-16 or UTF-32 without one. Bytes that are not UTF-8 are kept as surrogate escapes, so a
parser can take a value's own bytes back (`raw_bytes`) and decode them with the charset the
value declares (`decode_value`).
"""

from __future__ import annotations

import codecs
import re

from journal.interop.records import MAX_FILE_BYTES, ImportFormatError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

FALLBACK = "windows-1252"
_UNDECODED = re.compile("[\udc80-\udcff]")  # the surrogate escapes of bytes that were not UTF-8


def _unmarked_wide(sample: bytes) -> str | None:
    """The UTF-16/32 encoding whose zero-byte pattern `sample` shows, for text that is mostly ASCII."""
    if len(sample) < 4:
        return None
    for name, width, place in (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1)):
        units = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        ascii_units = sum(1 for u in units if u[place] and not any(u[j] for j in range(width) if j != place))
        if units and ascii_units >= 0.6 * len(units):
            return name
    return None


def sniff_encoding(data: bytes, what: str) -> tuple[bytes, str | None]:
    """(the bytes after any byte-order mark, the encoding it or the zero bytes show; None when
    there is neither: UTF-8 as far as can be told). Zero bytes in no UTF-16/32 pattern: binary."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], name
    if b"\x00" in data[:65536]:
        encoding = _unmarked_wide(data[:4096])
        if encoding is None:
            raise ImportFormatError(f"The file is binary, not a {what} file.")
        return data, encoding
    return data, None


def decode_file(data: bytes, what: str) -> str:
    """The text of a contact file; bytes that are not UTF-8 stay as surrogate escapes."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFormatError(
            f"The file is {len(data) // (1024 * 1024)} MB; a {what} file over "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB is not supported."
        )
    data, encoding = sniff_encoding(data, what)
    if encoding and encoding != "utf-8":
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ImportFormatError(f"The file is not valid {encoding.upper()} text ({exc.reason}).") from None
    else:
        text = data.decode("utf-8", "surrogateescape")
    if "\x00" in text:
        raise ImportFormatError(f"The file is binary, not a {what} file.")
    return text


def raw_bytes(text: str) -> bytes:
    """The file's own bytes behind `text` (as decode_file read them)."""
    return text.encode("utf-8", "surrogateescape")


def has_undecoded(text: str) -> bool:
    """True when `text` holds bytes decode_file could not read as UTF-8."""
    return _UNDECODED.search(text) is not None


def known_charset(name: str) -> str | None:
    """Python's codec for a declared charset (SHIFT_JIS, WINDOWS-1252, ISO-8859-2 ...), or None."""
    try:
        return codecs.lookup(name.strip().strip('"')).name
    except (LookupError, ValueError):
        return None


def decode_value(raw: bytes, charset: str | None, fallback: str | None = None) -> tuple[str | None, str]:
    """(text, note): `raw` decoded as `charset` (or UTF-8), and what was guessed, if anything.

    Undeclared bytes that are not UTF-8 are read as `fallback` (a charset declared elsewhere in
    the same card) or Windows-1252. Text is None when the bytes cannot be read as the declared
    charset."""
    if charset:
        try:
            return raw.decode(charset), ""
        except UnicodeDecodeError:
            return None, f"it is not valid {charset.upper()}"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        if fallback and fallback != "utf-8":
            try:
                return raw.decode(fallback), f"it is not UTF-8 and declares no CHARSET; read as {fallback.upper()}, as the card's other lines declare"
            except UnicodeDecodeError:
                pass
        return raw.decode(FALLBACK, "replace"), "it is not UTF-8 and declares no CHARSET; read as Windows-1252"
