"""Regenerate the translation sources from the tr() strings in journal/ui, then compile them.

    .venv/bin/python tools/update_translations.py            # every existing locale
    .venv/bin/python tools/update_translations.py --add fr   # start a new locale

Uses pyside6-lupdate and pyside6-lrelease, which PySide6-Essentials installs next to Python.
Translate the .ts files with Qt Linguist (pyside6-linguist) or any TS editor, then run this
again to compile the .qm files the app loads (commit both).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "journal" / "ui", ROOT / "journal" / "desktop", ROOT / "journal" / "app.py"]
OUT = ROOT / "resources" / "translations"
CATALOGUE = "contact_journal"


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"update_translations: {name} not found (it comes with PySide6-Essentials)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", action="append", default=[], metavar="LOCALE", help="start a catalogue for LOCALE")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    ts_files = sorted(OUT.glob(f"{CATALOGUE}_*.ts"))
    ts_files += [OUT / f"{CATALOGUE}_{loc}.ts" for loc in args.add if OUT / f"{CATALOGUE}_{loc}.ts" not in ts_files]
    if not ts_files:
        raise SystemExit("update_translations: no locale yet; start one with --add LOCALE")
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    for ts in ts_files:
        locale = ts.stem.removeprefix(CATALOGUE + "_")
        subprocess.run(
            [lupdate, "-silent", "-no-obsolete", "-extensions", "py", "-locations", "relative", "-target-language", locale,
             *map(str, SOURCES), "-ts", str(ts)],
            check=True,
        )
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"{ts.relative_to(ROOT)} -> {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
