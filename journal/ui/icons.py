"""The app's icons from resources/icons (SVG sources plus rendered PNG sizes), and theme icons.

The PNG sizes are added first, so every platform gets crisp pixels at the common sizes even
without Qt's SVG icon engine; the SVG fills in any other size where the engine is present.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon, QPixmap

from journal.paths import resource

APP_ICON = "contact-journal"
APP_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
TRAY_SIZES = (16, 22, 24, 32, 48, 64)

# Every icon we ship: name -> the PNG sizes rendered by tools/render_icons.py.
BUNDLED: dict[str, tuple[int, ...]] = {
    APP_ICON: APP_SIZES,
    "contact-journal-tray": TRAY_SIZES,
    "contact-journal-tray-due": TRAY_SIZES,
    "contact-journal-tray-mono": TRAY_SIZES,
    "contact-journal-tray-mono-due": TRAY_SIZES,
}

# Tray styles: full colour, or a one-colour glyph for light or for dark panels.
TRAY_STYLES = ("color", "light", "dark")
DARK_GLYPH = QColor("#303030")


def png_path(name: str, size: int):
    return resource(f"icons/png/{name}-{size}.png")


def svg_path(name: str):
    return resource(f"icons/{name}.svg")


@cache
def bundled_icon(name: str) -> QIcon:
    """One of our icons with all its sizes; a null QIcon if its files are missing."""
    if name not in BUNDLED:
        raise KeyError(f"no bundled icon {name!r}; known: {', '.join(BUNDLED)}")
    icon = QIcon()
    for size in BUNDLED[name]:
        path = png_path(name, size)
        if path.exists():
            icon.addFile(str(path))
    svg = svg_path(name)
    if svg.exists() and icon.isNull():
        icon.addFile(str(svg))
    return icon


def app_icon() -> QIcon:
    return bundled_icon(APP_ICON)


def tinted(icon: QIcon, color: QColor, sizes: tuple[int, ...] = TRAY_SIZES) -> QIcon:
    """The icon's shape filled with one colour (its alpha kept): recolours a monochrome glyph."""
    from PySide6.QtGui import QPainter  # here: the window's first frame does not need it

    result = QIcon()
    for size in sizes:
        source = icon.pixmap(size, size)
        if source.isNull():
            continue
        pixmap = QPixmap(source.size())
        pixmap.setDevicePixelRatio(source.devicePixelRatio())
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.drawPixmap(0, 0, source)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), color)
        painter.end()
        result.addPixmap(pixmap)
    return result


@cache
def tray_icon(due: bool = False, style: str = "color") -> QIcon:
    """The tray icon: `due` adds the badge; `style` is "color", "light" (a light glyph for dark
    panels) or "dark" (a dark glyph for light panels)."""
    if style not in TRAY_STYLES:
        raise ValueError(f"tray style must be one of {TRAY_STYLES}, not {style!r}")
    suffix = "-due" if due else ""
    if style == "color":
        return bundled_icon(f"contact-journal-tray{suffix}")
    glyph = bundled_icon(f"contact-journal-tray-mono{suffix}")
    icon = QIcon(glyph) if style == "light" else tinted(glyph, DARK_GLYPH)
    icon.setIsMask(True)  # a template image where the platform supports it (macOS)
    return icon


def themed(name: str, fallback: str | None = None) -> QIcon:
    """A freedesktop theme icon, or one of ours when the theme lacks it."""
    icon = QIcon.fromTheme(name)
    if icon.isNull() and fallback:
        path = resource(f"icons/{fallback}")
        if path.exists():
            return QIcon(str(path))
    return icon
