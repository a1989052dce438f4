"""Avatars: initials on a colour of their own, or the photo in a circle; cached, and dropped when
a photo changes; read in batches for the rows a list paints."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from journal.errors import ValidationError
from journal.services.people import photos
from journal.services.people import records as people
from journal.ui.widgets.avatar import Avatar, avatars, colour_for, draw_avatar, initials, photo_for_journal
from tests.services.people.test_fields import png

GREY = (128, 128, 128)


def centre(pixmap) -> tuple[int, int, int]:
    image = pixmap.toImage()
    colour = image.pixelColor(image.width() // 2, image.height() // 3)
    return colour.red(), colour.green(), colour.blue()


def corner_alpha(pixmap) -> int:
    return pixmap.toImage().pixelColor(0, 0).alpha()


def test_initials_and_a_stable_colour(qapp):
    assert initials("Dana Smith") == "DS"
    assert initials("  ana maría  de la Peña ") == "AP"
    assert initials("Cher") == "C"
    assert initials("(her old manager)") == "HM"
    assert initials("") == "?"
    assert colour_for(7) == colour_for(7) and colour_for(7) != colour_for(8)
    pixmap = draw_avatar(40, "Dana Smith", 7)
    assert pixmap.width() == 40 and corner_alpha(pixmap) == 0  # round: the corners are clear
    image = pixmap.toImage()
    assert image.pixelColor(20, 4).rgb() == colour_for(7).rgb()


def test_a_photo_is_cropped_to_a_circle(qapp):
    image = QImage.fromData(png(60, 30))
    pixmap = draw_avatar(32, "Dana", 1, image)
    assert centre(pixmap) == GREY and corner_alpha(pixmap) == 0


def test_a_picked_image_is_kept_at_most_512_pixels_as_jpeg_or_png(qapp):
    big = QImage(1000, 400, QImage.Format.Format_RGB32)
    big.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    big.save(buffer, "BMP")
    kept = photo_for_journal(bytes(buffer.data()))
    assert photos.image_size(kept) == ("image/jpeg", 512, 204)
    clear = QImage(20, 20, QImage.Format.Format_ARGB32)
    clear.fill(Qt.GlobalColor.transparent)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    clear.save(buffer, "PNG")
    assert photos.image_size(photo_for_journal(bytes(buffer.data()))) == ("image/png", 20, 20)
    try:
        photo_for_journal(b"plain text")
    except ValidationError as exc:
        assert str(exc).startswith("This file is not an image")
    else:
        raise AssertionError("text was taken for an image")


def test_cache_shows_initials_then_the_photo_and_drops_it_when_the_photo_changes(qtbot, context, clock):
    dana = people.add_person("Dana Smith", clock=clock)
    cache = avatars(context)
    assert avatars(context) is cache
    first = cache.pixmap(dana, "Dana Smith", 24)
    assert centre(first) == centre(draw_avatar(24, "Dana Smith", dana))  # initials while unknown
    qtbot.waitUntil(lambda: cache.has_photo(dana) is not None)  # read once the event loop turns
    assert cache.has_photo(dana) is False
    assert cache.pixmap(dana, "Dana Smith", 24) is cache.pixmap(dana, "Dana Smith", 24)  # cached
    assert cache.cached_sizes(dana) == [24]

    label = Avatar(48, cache)
    qtbot.addWidget(label)
    label.set_person(dana, "Dana Smith")
    assert centre(label.pixmap()) != GREY
    with qtbot.waitSignal(cache.updated, timeout=1000) as blocker:
        context.operations.run("Set photo", photos.set_photo, dana, png(16, 16))
    assert dana in blocker.args[0] and 24 not in cache.cached_sizes(dana)
    assert centre(cache.pixmap_now(dana, "Dana Smith", 24)) == GREY
    assert centre(label.pixmap()) == GREY  # the label followed
    with qtbot.waitSignal(cache.updated, timeout=1000):
        context.operations.run("Clear photo", photos.clear_photo, dana)
    assert centre(cache.pixmap_now(dana, "Dana Smith", 24)) != GREY
    # A new name redraws the initials.
    renamed = cache.pixmap(dana, "Bo Chen", 24)
    assert renamed is not cache.pixmap(dana, "Dana Smith", 24)


def test_the_people_list_reads_photos_only_for_the_rows_it_paints_in_one_batch(qtbot, context, clock, host, db):
    from journal.ui.people.people_view import PeopleView

    with db.atomic():
        ids = [people.create_person(f"Person {n:04d}", clock=clock).id for n in range(400)]
    photos.set_photo(ids[0], png(10, 10))
    photos.set_photo(ids[-1], png(10, 10))  # far below: never read
    view = PeopleView(context)
    host(view, (1100, 700))
    cache = avatars(context)
    qtbot.waitUntil(lambda: cache.has_photo(ids[0]) is True)
    QApplication.processEvents()
    known = [pid for pid in ids if cache.has_photo(pid) is not None]
    assert 5 < len(known) < 60 and cache.has_photo(ids[-1]) is None
    assert cache.batches <= 2
    decoration = view.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert centre(decoration) == GREY
    assert view.model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None


def test_the_cache_keeps_only_what_was_used_lately(qapp):
    from journal.ui.widgets.avatar import _Recent

    recent = _Recent(3)
    for key in "abcd":
        recent[key] = key.upper()
    assert list(recent) == ["b", "c", "d"]
    recent.get("b")
    recent["e"] = "E"
    assert list(recent) == ["d", "b", "e"]
