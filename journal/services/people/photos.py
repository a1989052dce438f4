"""A person's photo: set (a PNG or JPEG of at most MAX_SIDE pixels a side), clear, read.

The window scales a picked image before it gets here; this module checks what it is given by
its header alone (no image library), so a file that is not a small PNG or JPEG is refused with
one line and nothing is written. Photos are kept in base64 apart from Person, and read for the
few people a list shows at a time (`photos_of`), never for the whole table.
"""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import ValidationError
from journal.services.transaction import write
from journal.store.models import Person, PersonPhoto

MAX_SIDE = 512
MIMES = ("image/jpeg", "image/png")
_PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Photo:
    mime: str
    data: bytes


def image_size(data: bytes) -> tuple[str, int, int]:
    """(mime, width, height) of a PNG or JPEG from its header; ValidationError otherwise."""
    if data.startswith(_PNG) and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "image/png", width, height
    if data.startswith(b"\xff\xd8"):
        at = 2
        while at + 4 <= len(data):
            if data[at] != 0xFF:
                break
            marker = data[at + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                at += 2
                continue
            (length,) = struct.unpack(">H", data[at + 2 : at + 4])
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                if at + 9 <= len(data):
                    height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                    return "image/jpeg", width, height
                break
            at += 2 + length
        raise ValidationError("This JPEG photo is damaged: its size cannot be read.")
    raise ValidationError("A photo must be a PNG or JPEG image.")


def check(data: bytes) -> str:
    """The photo's MIME type, once it is known to be a small enough PNG or JPEG."""
    if not data:
        raise ValidationError("The photo is empty.")
    mime, width, height = image_size(data)
    if not width or not height:
        raise ValidationError("The photo has no pixels.")
    if max(width, height) > MAX_SIDE:
        raise ValidationError(f"The photo is {width}×{height} pixels; at most {MAX_SIDE} a side is kept.")
    return mime


def set_photo(person_id: int, data: bytes, *, clock: Clock = SYSTEM_CLOCK) -> None:
    mime = check(data)
    encoded = base64.b64encode(data).decode("ascii")
    with write():
        if not Person.update(updated_at=clock.now()).where(Person.id == person_id).execute():
            raise ValidationError("This person no longer exists; it may have been deleted.")
        existing = PersonPhoto.get_or_none(PersonPhoto.person == person_id)
        if existing is None:
            PersonPhoto.create(person=person_id, mime=mime, data=encoded)
        elif existing.data != encoded or existing.mime != mime:
            existing.mime, existing.data = mime, encoded
            existing.save()


def clear_photo(person_id: int, *, clock: Clock = SYSTEM_CLOCK) -> None:
    with write():
        if PersonPhoto.delete().where(PersonPhoto.person == person_id).execute():
            Person.update(updated_at=clock.now()).where(Person.id == person_id).execute()


def _decode(mime: str, data: str) -> Photo | None:
    try:
        return Photo(mime or "image/jpeg", base64.b64decode(data, validate=False))
    except (binascii.Error, ValueError):
        return None


def photo_of(person_id: int) -> Photo | None:
    row = PersonPhoto.get_or_none(PersonPhoto.person == person_id)
    return _decode(row.mime, row.data) if row else None


def photos_of(person_ids) -> dict[int, Photo]:
    """The photos of those of `person_ids` that have one, in one query (a page of a list)."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return {}
    out = {}
    for row in PersonPhoto.select().where(PersonPhoto.person.in_(ids)):
        photo = _decode(row.mime, row.data)
        if photo is not None:
            out[row.person_id] = photo
    return out
