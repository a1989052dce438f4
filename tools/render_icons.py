"""Render the PNG icon sizes from the SVG sources in resources/icons with Qt's own SVG renderer.

    .venv/bin/python tools/render_icons.py            # write resources/icons/png/*.png
    .venv/bin/python tools/render_icons.py --sheet /tmp/icons.png   # also a contact sheet to look at

The PNGs are committed: the desktop menu, the hicolor theme and platforms without an SVG icon
engine use them. Run this after changing an SVG and commit both.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ICONS = ROOT / "resources" / "icons"
PNG_DIR = ICONS / "png"

APP_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
TRAY_SIZES = (16, 22, 24, 32, 48, 64)
# Below this size the detailed drawing turns to mush; a simplified source is used instead.
SMALL_LIMIT = 24

# name -> sizes. The app icon's small sizes come from contact-journal-small.svg.
TARGETS: dict[str, tuple[int, ...]] = {
    "contact-journal": APP_SIZES,
    "contact-journal-tray": TRAY_SIZES,
    "contact-journal-tray-due": TRAY_SIZES,
    "contact-journal-tray-mono": TRAY_SIZES,
    "contact-journal-tray-mono-due": TRAY_SIZES,
}


def source_for(name: str, size: int) -> Path:
    small = ICONS / f"{name}-small.svg"
    if size <= SMALL_LIMIT and small.exists():
        return small
    return ICONS / f"{name}.svg"


def png_path(name: str, size: int) -> Path:
    return PNG_DIR / f"{name}-{size}.png"


def render(svg: Path, size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def render_all() -> list[Path]:
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sizes in TARGETS.items():
        for size in sizes:
            target = png_path(name, size)
            if not render(source_for(name, size), size).save(str(target), "PNG"):
                raise SystemExit(f"render_icons: could not write {target}")
            written.append(target)
    return written


def _shown(name: str, size: int, background: str):
    """The PNG as a panel would show it: monochrome glyphs tinted dark on a light background."""
    from PySide6.QtGui import QIcon, QImage

    path = str(png_path(name, size))
    if "-mono" in name and background != "#2b2b2b":
        from journal.ui.icons import DARK_GLYPH, tinted

        return tinted(QIcon(path), DARK_GLYPH, (size,)).pixmap(size, size).toImage()
    return QImage(path)


def contact_sheet(target: Path) -> None:
    """Every PNG at its real size on a light and a dark strip, plus 4x zooms of the small ones."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    pad, label_w = 12, 230
    rows = list(TARGETS.items())
    row_h = 128 + 2 * pad
    width = label_w + sum(min(s, 128) + pad for s in APP_SIZES) + pad + 3 * (96 + pad)
    height = 2 * len(rows) * (row_h) + pad
    sheet = QImage(width, height, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#ffffff"))
    painter = QPainter(sheet)
    painter.setFont(QFont("Sans", 9))
    y = pad
    for background, ink in (("#f3f3f3", "#222222"), ("#2b2b2b", "#eeeeee")):
        for name, sizes in rows:
            painter.fillRect(QRect(0, y - pad // 2, width, row_h), QColor(background))
            painter.setPen(QColor(ink))
            painter.drawText(QRect(pad, y, label_w, row_h - pad), Qt.AlignmentFlag.AlignVCenter, name)
            x = label_w
            for size in sizes:
                image = _shown(name, size, background)
                shown = min(size, 128)
                painter.drawImage(QRect(x, y, shown, shown), image)
                x += shown + pad
            for size in (16, 22, 24):  # zoomed 4x without smoothing, to judge the pixels
                image = _shown(name, size, background)
                painter.drawImage(QRect(x, y, size * 4, size * 4), image)
                x += size * 4 + pad
            y += row_h
    painter.end()
    sheet.save(str(target))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", type=Path, metavar="PNG", help="also write a contact sheet here")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    written = render_all()
    print(f"Wrote {len(written)} PNGs to {PNG_DIR.relative_to(ROOT)}")
    if args.sheet:
        contact_sheet(args.sheet)
        print(f"Contact sheet: {args.sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
