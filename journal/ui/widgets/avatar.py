"""Avatars: a person's photo cropped to a circle, or their initials on a colour of their own.

One `AvatarCache` per window (`avatars(context)`) keeps the pixmaps by (person id, size). A
list asks for the avatars of the rows it paints; the photos of the people not yet known are read
together, in one query, once the paint is over, and `updated(ids)` says whose avatars changed so
the list repaints them. A change notice that touches photos drops those people's pixmaps.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from journal.errors import ValidationError

MAX_PHOTO_SIDE = 512  # journal.services.people.photos.MAX_SIDE


def initials(name: str) -> str:
    """"Dana Smith" → "DS", "Cher" → "C", "(her old manager)" → "H"; "?" when nothing is left."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in (name or "").split()]
    words = [w for w in words if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def colour_for(key: object) -> QColor:
    """A calm colour that is always the same for the same key (a person's id, or a name)."""
    hue = zlib.crc32(str(key).encode("utf-8")) % 360
    return QColor.fromHsv(hue, 110, 175)


def _ratio() -> float:
    app = QGuiApplication.instance()
    return app.devicePixelRatio() if app is not None else 1.0


def draw_avatar(size: int, name: str, key: object, image: QImage | None = None) -> QPixmap:
    """A round avatar of `size` logical pixels: `image` cropped to a circle, else initials."""
    ratio = _ratio()
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(circle)
    if image is not None and not image.isNull():
        side = min(image.width(), image.height())
        square = image.copy((image.width() - side) // 2, (image.height() - side) // 2, side, side)
        painter.drawImage(QRectF(0, 0, size, size), square)
    else:
        painter.fillPath(circle, colour_for(key))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, round(size * 0.4)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


def image_from(data: bytes) -> QImage | None:
    image = QImage.fromData(QByteArray(data))
    return None if image.isNull() else image


def photo_for_journal(data: bytes) -> bytes:
    """An image file's bytes as the journal keeps a photo: at most MAX_PHOTO_SIDE pixels a side,
    PNG where it has transparency, else JPEG. ValidationError for what is not an image."""
    image = image_from(data)
    if image is None:
        raise ValidationError("This file is not an image this app can read (PNG, JPEG, GIF, BMP …).")
    if max(image.width(), image.height()) > MAX_PHOTO_SIDE:
        image = image.scaled(
            MAX_PHOTO_SIDE, MAX_PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    transparent = image.hasAlphaChannel()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if transparent:
        image.save(buffer, "PNG")
    else:
        image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", 88)
    return bytes(buffer.data())


class _Recent(OrderedDict):
    """A dict that keeps the `limit` entries used last (a scroll through 100,000 people keeps only
    what was seen lately)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return super().__getitem__(key)
        return default


# Photos are kept no bigger than the largest avatar drawn (the pane's header, on a HiDPI screen).
KEPT_SIDE = 160


class AvatarCache(QObject):
    """Pixmaps by (person id, size), photos read in batches for the people asked for."""

    updated = Signal(object)  # a frozenset of person ids whose avatars changed

    def __init__(self, signals=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: _Recent = _Recent(4000)  # (person id, size) -> QPixmap
        self._images: _Recent = _Recent(500)  # person id -> QImage, or None: known to have no photo
        self._names: dict[int, str] = {}
        self._pending: set[int] = set()
        self.batches = 0  # photo queries so far (the proof that lists read in batches)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.load_pending)
        if signals is not None:
            signals.changed.connect(self._journal_changed)

    def pixmap(self, person_id: int, name: str, size: int) -> QPixmap:
        """The avatar now: initials until the photo, if any, has been read (then `updated`)."""
        key = (person_id, size)
        if self._names.get(person_id) not in (None, name):
            self._drop({person_id}, forget_photo=False)
        self._names[person_id] = name
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        if person_id not in self._images:
            self._pending.add(person_id)
            self._timer.start()
            return draw_avatar(size, name, person_id)  # not kept: the photo may replace it
        pixmap = draw_avatar(size, name, person_id, self._images[person_id])
        self._pixmaps[key] = pixmap
        return pixmap

    def pixmap_now(self, person_id: int, name: str, size: int) -> QPixmap:
        """The avatar with the photo read at once (one person: a pane's header)."""
        if person_id not in self._images:
            self._pending.add(person_id)
            self.load_pending(announce=False)
        return self.pixmap(person_id, name, size)

    def prefetch(self, person_ids) -> None:
        """Read the photos of those of `person_ids` not known yet, in one query, now."""
        self._pending.update(pid for pid in person_ids if pid is not None and pid not in self._images)
        self.load_pending(announce=False)

    def icons(self, people, size: int) -> dict:
        """{id: QIcon} for [(id, name)] (a new name, id None, gets initials), photos read at once."""
        people = list(people)
        self.prefetch(pid for pid, _name in people)
        out = {}
        for person_id, name in people:
            pixmap = self.pixmap(person_id, name, size) if person_id is not None else draw_avatar(size, name, name)
            out[person_id] = QIcon(pixmap)
        return out

    def load_pending(self, *, announce: bool = True) -> None:
        ids = sorted(self._pending)
        self._pending.clear()
        if not ids:
            return
        from journal.services.people.photos import photos_of

        self.batches += 1
        found = photos_of(ids)
        with_photo = set()
        for person_id in ids:
            photo = found.get(person_id)
            image = image_from(photo.data) if photo else None
            if image is not None and max(image.width(), image.height()) > KEPT_SIDE:
                image = image.scaled(
                    KEPT_SIDE, KEPT_SIDE, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self._images[person_id] = image
            if image is not None:
                with_photo.add(person_id)
        if announce and with_photo:
            self.updated.emit(frozenset(with_photo))

    def has_photo(self, person_id: int) -> bool | None:
        """True or False once read, None while unknown."""
        if person_id not in self._images:
            return None
        return self._images[person_id] is not None

    def cached_sizes(self, person_id: int) -> list[int]:
        return sorted(size for pid, size in self._pixmaps if pid == person_id)

    def forget(self, person_ids=None) -> None:
        """Drop the pixmaps and photos of `person_ids` (None: everyone); they are read again."""
        self._drop(set(self._images) | {pid for pid, _s in self._pixmaps} if person_ids is None else set(person_ids))
        changed = frozenset(person_ids) if person_ids is not None else frozenset()
        self.updated.emit(changed)

    def _drop(self, ids: set[int], *, forget_photo: bool = True) -> None:
        for key in [k for k in self._pixmaps if k[0] in ids]:
            del self._pixmaps[key]
        if forget_photo:
            for person_id in ids:
                self._images.pop(person_id, None)

    def _journal_changed(self, changes) -> None:
        if changes.everything:
            self.forget()
        elif changes.touches("person_photo"):
            self.forget(changes.person_ids or None)
        elif changes.person_ids:
            # A new name changes the initials; the pixmaps are redrawn when next asked for.
            self._drop(set(changes.person_ids), forget_photo=False)


def avatars(context) -> AvatarCache:
    """The window's avatar cache (made on first use, kept with the context)."""
    cache = getattr(context, "_avatar_cache", None)
    if cache is None:
        cache = AvatarCache(context.signals, context.signals)
        context._avatar_cache = cache
    return cache


class Avatar(QLabel):
    """A round avatar of one person, kept up to date from the cache; or of an image not yet saved."""

    def __init__(self, size: int, cache: AvatarCache | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("avatar")
        self._size = size
        self._cache = cache
        self._person: tuple[int, str] | None = None
        self._preview = False
        self.setFixedSize(size, size)
        if cache is not None:
            cache.updated.connect(self._updated)

    def set_person(self, person_id: int | None, name: str) -> None:
        self._person = (person_id, name) if person_id is not None else None
        self._preview = False
        if person_id is None or self._cache is None:
            self.setPixmap(draw_avatar(self._size, name, name))
        else:
            self.setPixmap(self._cache.pixmap_now(person_id, name, self._size))

    def show_image(self, image: QImage | None, name: str, key: object) -> None:
        """A preview (a photo picked but not saved, or none)."""
        self._preview = True
        self.setPixmap(draw_avatar(self._size, name, key, image))

    def _updated(self, ids) -> None:
        if not self._preview and self._person is not None and (not ids or self._person[0] in ids):
            self.set_person(*self._person)
