"""Linux desktop integration: the .desktop entry (menu and autostart share one identity, written
by journal.desktop.desktop_entry) and a user-level install of the menu entry and the icons into
the hicolor theme.

    python -m journal.desktop.integration install --exec /path/to/contact-journal
    python -m journal.desktop.integration uninstall

No Qt here: the command line and `make install-desktop` use it without a display.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from journal import APP_ID
from journal.desktop.desktop_entry import DesktopEntryError, application_entry, exec_value
from journal.paths import resource

DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_NAME = APP_ID
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


class DesktopIntegrationError(Exception):
    """A clear, one-line reason why the entry or the icons could not be installed."""


def exec_line(command: str | Sequence[str], args: Sequence[str] = ()) -> str:
    """The Exec value (as written in the file) that runs `command` with `args`."""
    parts = [command] if isinstance(command, str) else list(command)
    return exec_value([*parts, *args])


def desktop_entry(
    command: str | Sequence[str] = APP_ID,
    *,
    args: Sequence[str] = (),
    autostart: bool = False,
) -> str:
    """The text of the .desktop entry; see journal.desktop.desktop_entry.application_entry."""
    return application_entry(command, args=args, autostart=autostart)


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    # The spec says a relative value is invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def entry_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "applications" / DESKTOP_FILE


def icon_paths(home: Path | None = None) -> dict[Path, Path]:
    """Where each bundled icon goes in the user's hicolor theme: {source: target}."""
    theme = (home or data_home()) / "icons" / "hicolor"
    pairs = {resource(f"icons/{APP_ID}.svg"): theme / "scalable" / "apps" / f"{ICON_NAME}.svg"}
    for size in ICON_SIZES:
        source = resource(f"icons/png/{APP_ID}-{size}.png")
        pairs[source] = theme / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
    return pairs


def _write_atomically(target: Path, data: bytes, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.partial")
    staging.write_bytes(data)
    staging.chmod(mode)
    os.replace(staging, target)


def install(command: str | Sequence[str], home: Path | None = None) -> list[Path]:
    """Install the menu entry (running `command`) and the icons; returns the files written."""
    home = home or data_home()
    program = Path(command if isinstance(command, str) else command[0])
    if not program.is_absolute():
        raise DesktopIntegrationError(f"the program must be an absolute path, not {program}")
    if not (program.is_file() and os.access(program, os.X_OK)):
        raise DesktopIntegrationError(f"{program} is not an executable file")
    pairs = icon_paths(home)
    missing = [str(src) for src in pairs if not src.is_file()]
    if missing:
        raise DesktopIntegrationError(f"icon files are missing: {', '.join(missing)}")
    try:
        text = desktop_entry(command)
    except DesktopEntryError as exc:
        raise DesktopIntegrationError(str(exc)) from None
    written = []
    for source, target in pairs.items():
        _write_atomically(target, source.read_bytes())
        written.append(target)
    entry = entry_path(home)
    _write_atomically(entry, text.encode("utf-8"))
    written.append(entry)
    _refresh_caches(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what `install` wrote; returns the files removed."""
    home = home or data_home()
    removed = []
    for target in [*icon_paths(home).values(), entry_path(home)]:
        if target.is_file():
            target.unlink()
            removed.append(target)
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Tell menus and icon themes something changed; both steps are optional niceties."""
    theme = home / "icons" / "hicolor"
    if theme.is_dir():
        os.utime(theme)  # icon theme caches compare the directory's mtime
    tool = shutil.which("update-desktop-database")
    applications = home / "applications"
    if tool and applications.is_dir():
        subprocess.run([tool, "-q", str(applications)], check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="desktop_integration", description="Add Contact Journal to the desktop menu.")
    verbs = parser.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("install", help="install the menu entry and icons for this user")
    add.add_argument("--exec", dest="program", type=Path, required=True, metavar="PATH", help="the contact-journal program")
    verbs.add_parser("uninstall", help="remove them again")
    verbs.add_parser("print", help="print the .desktop entry")
    args = parser.parse_args(argv)
    try:
        if args.verb == "print":
            sys.stdout.write(desktop_entry())
            return 0
        if args.verb == "install":
            written = install(str(args.program.expanduser().absolute()))
            print(f"Installed {entry_path()} and {len(written) - 1} icons under {data_home() / 'icons' / 'hicolor'}")
            return 0
        removed = uninstall()
        print(f"Removed {len(removed)} file(s).")
        return 0
    except (DesktopIntegrationError, OSError) as exc:
        print(f"{parser.prog}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
