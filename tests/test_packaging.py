"""Packaging: the build spec, the bundled resources, the .desktop entry, install-desktop and the
translation catalogues."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journal import APP_ID, APP_NAME, paths
from journal.desktop import integration as di
from journal.ui.icons import BUNDLED

ROOT = Path(__file__).resolve().parent.parent

# Keys the Desktop Entry spec 1.4 defines for the groups we write.
KNOWN_KEYS = {
    "Type", "Version", "Name", "GenericName", "NoDisplay", "Comment", "Icon", "Hidden", "OnlyShowIn",
    "NotShowIn", "DBusActivatable", "TryExec", "Exec", "Path", "Terminal", "Actions", "MimeType",
    "Categories", "Implements", "Keywords", "StartupNotify", "StartupWMClass", "URL", "PrefersNonDefaultGPU",
}


def _spec():
    tree = ast.parse((ROOT / "build.spec").read_text())
    constants = {}
    analysis = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Analysis":
            analysis = node
    return constants, analysis


def _desktop(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(text)
    return parser


# --- build.spec -------------------------------------------------------------------------------


def test_spec_freezes_the_entry_point_with_resources_and_pyside6_only():
    constants, analysis = _spec()
    assert constants["NAME"] == "contact-journal"
    assert ast.literal_eval(analysis.args[0]) == ["journal/__main__.py"]
    keywords = {k.arg: k.value for k in analysis.keywords}
    assert ast.literal_eval(keywords["datas"]) == [("resources", "resources")]
    assert {"PyQt5", "PyQt6", "PySide2", "tkinter"} <= set(constants["OTHER_BINDINGS"])
    assert {"QtWebEngineCore", "QtQuick", "Qt3DCore", "QtQml"} <= set(constants["UNUSED_QT"])
    # What the app and the self-test need stays in.
    assert not {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork", "QtDBus"} & set(constants["UNUSED_QT"])
    dropped = " ".join(constants["UNUSED_PLUGINS"])
    for needed in ("libqoffscreen", "libqxcb", "libqwayland", "iconengines", "imageformats/libqsvg"):
        assert needed not in dropped


def test_spec_includes_modules_loaded_by_name():
    _, analysis = _spec()
    keywords = {k.arg: k.value for k in analysis.keywords}
    assert ast.unparse(keywords["hiddenimports"]) == "collect_submodules('journal')"


def test_entry_script_runs_as_a_script():
    done = subprocess.run([sys.executable, str(ROOT / "journal" / "__main__.py"), "--version"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip().startswith("contact-journal ")


# --- resources ----------------------------------------------------------------------------------


def test_resources_are_found_from_the_source_tree():
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource("contact-journal.desktop").is_file()
    assert paths.resource("icons/contact-journal.svg").is_file()


def test_resources_are_found_in_a_frozen_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.resource("icons/x.png") == tmp_path / "resources" / "icons" / "x.png"


def test_every_bundled_png_has_its_size_and_a_transparent_corner(qapp):
    from PySide6.QtGui import QImage

    for name, sizes in BUNDLED.items():
        for size in sizes:
            path = paths.resource(f"icons/png/{name}-{size}.png")
            image = QImage(str(path))
            assert not image.isNull(), path
            assert (image.width(), image.height()) == (size, size), path
            assert image.pixelColor(0, 0).alpha() == 0, f"{path} is not drawn with rounded corners"
            solid = sum(image.pixelColor(x, y).alpha() > 200 for x in range(size) for y in range(size))
            assert solid > size * size * 0.3, f"{path} is mostly empty"


def test_pngs_match_their_svg_sources(qapp):
    """Catches an SVG edited without running tools/render_icons.py."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import render_icons
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from PySide6.QtGui import QImage

    for name, sizes in render_icons.TARGETS.items():
        for size in (sizes[0], 48):
            fresh = render_icons.render(render_icons.source_for(name, size), size)
            stored = QImage(str(render_icons.png_path(name, size))).convertToFormat(fresh.format())
            diff = sum(
                abs(fresh.pixelColor(x, y).alpha() - stored.pixelColor(x, y).alpha())
                for x in range(size)
                for y in range(size)
            )
            assert diff / (size * size) < 2, f"{name}-{size}.png is out of date: run tools/render_icons.py"


def test_the_due_tray_icon_differs_from_the_plain_one(qapp):
    from journal.ui.icons import tray_icon

    for style in ("color", "light", "dark"):
        plain = tray_icon(False, style).pixmap(22, 22).toImage()
        due = tray_icon(True, style).pixmap(22, 22).toImage()
        assert plain != due, style


def test_the_dark_monochrome_glyph_is_one_dark_colour(qapp):
    from journal.ui.icons import tray_icon

    image = tray_icon(False, "dark").pixmap(32, 32).toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() == 255
    }
    assert colours == {"#303030"}


# --- the .desktop entry ---------------------------------------------------------------------------


def test_shipped_desktop_file_is_the_rendered_entry():
    text = paths.resource("contact-journal.desktop").read_text(encoding="utf-8")
    assert text == di.desktop_entry()


def test_desktop_entry_has_valid_keys_and_our_identity():
    entry = _desktop(di.desktop_entry())
    main = entry["Desktop Entry"]
    assert set(main) <= KNOWN_KEYS
    assert (main["Type"], main["Name"], main["Icon"], main["Exec"]) == ("Application", APP_NAME, APP_ID, APP_ID)
    assert main["Categories"].endswith(";") and "Office" in main["Categories"].split(";")
    assert main["Terminal"] == "false"
    assert main["Actions"] == "log-conversation;"
    assert entry["Desktop Action log-conversation"]["Exec"] == "contact-journal --log"


def test_autostart_entry_shares_the_identity():
    menu = _desktop(di.desktop_entry())["Desktop Entry"]
    auto = _desktop(di.desktop_entry(["/opt/cj/contact-journal"], args=["--minimized"], autostart=True))
    start = auto["Desktop Entry"]
    assert (start["Name"], start["Icon"], start["Type"]) == (menu["Name"], menu["Icon"], menu["Type"])
    assert start["Exec"] == "/opt/cj/contact-journal --minimized"
    assert start["X-GNOME-Autostart-enabled"] == "true"
    assert "Actions" not in start and auto.sections() == ["Desktop Entry"]


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ("/usr/bin/contact-journal", "/usr/bin/contact-journal"),
        ("/home/a b/.venv/bin/contact-journal", '"/home/a b/.venv/bin/contact-journal"'),
        ("/opt/x$y/cj", '"/opt/x\\\\$y/cj"'),
        ("/opt/100%/cj", "/opt/100%%/cj"),
    ],
)
def test_exec_paths_are_quoted_per_the_spec(program, expected):
    assert di.exec_line(program) == expected


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_file_validate_accepts_every_entry(tmp_path):
    files = [paths.resource("contact-journal.desktop")]
    for i, text in enumerate(
        [di.desktop_entry(["/home/a b/bin/contact-journal"]), di.desktop_entry(["/x/cj"], args=["--minimized"], autostart=True)]
    ):
        files.append(tmp_path / f"entry{i}.desktop")
        files[-1].write_text(text, encoding="utf-8")
    done = subprocess.run(["desktop-file-validate", *map(str, files)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


# --- make install-desktop ----------------------------------------------------------------------------


@pytest.fixture
def program(tmp_path) -> Path:
    exe = tmp_path / "venv bin" / "contact-journal"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    return exe


def test_install_puts_entry_and_hicolor_icons_under_xdg_data_home(qapp, program, tmp_path, monkeypatch, capsys):
    from PySide6.QtGui import QImage

    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert di.main(["install", "--exec", str(program)]) == 0
    entry = _desktop((home / "applications" / "contact-journal.desktop").read_text())["Desktop Entry"]
    assert entry["Exec"] == f'"{program}"'
    assert entry["TryExec"] == str(program)
    for size in di.ICON_SIZES:
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "contact-journal.png"
        assert QImage(str(icon)).size().width() == size
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "contact-journal.svg").is_file()
    assert "Installed" in capsys.readouterr().out

    assert di.main(["uninstall"]) == 0
    left = {p.name for p in home.rglob("*") if p.is_file()}
    assert left <= {"mimeinfo.cache"}  # update-desktop-database's, when it is installed


def test_install_refuses_a_program_that_is_not_there(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert di.main(["install", "--exec", str(tmp_path / "missing")]) == 1
    assert "is not an executable file" in capsys.readouterr().err
    assert not (tmp_path / "share").exists()


def test_relative_xdg_data_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert di.data_home() == tmp_path / ".local" / "share"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_desktop_points_at_the_venv_program():
    done = subprocess.run(["make", "-n", "install-desktop"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f'install --exec "{ROOT}/.venv/bin/contact-journal"' in done.stdout


# --- translations -------------------------------------------------------------------------------------


def test_every_translation_source_is_compiled():
    folder = paths.resource("translations")
    sources = sorted(p.stem for p in folder.glob("*.ts"))
    assert sources and sources == sorted(p.stem for p in folder.glob("*.qm"))


def test_german_catalogue_translates_the_about_dialog(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from journal.ui.i18n import install_translators

    try:
        loaded = install_translators(qapp, QLocale("de"))
        assert "contact_journal_de" in loaded
        assert QCoreApplication.translate("AboutDialog", "About Contact Journal") == "Über Contact Journal"
        assert QCoreApplication.translate("MainWindow", "&About Contact Journal") == "Ü&ber Contact Journal"
    finally:
        assert "contact_journal_en_GB" not in install_translators(qapp, QLocale("en_GB"))
    assert QCoreApplication.translate("AboutDialog", "About Contact Journal") == "About Contact Journal"


def test_translators_are_replaced_not_stacked(qapp):
    from PySide6.QtCore import QLocale, QTranslator

    from journal.ui.i18n import install_translators

    try:
        install_translators(qapp, QLocale("de"))
        install_translators(qapp, QLocale("de"))
        assert len([t for t in qapp.findChildren(QTranslator) if t.objectName().startswith("translator:")]) == 2
    finally:
        install_translators(qapp, QLocale("en_GB"))


def test_translations_tool_knows_where_lupdate_is():
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    assert os.access(lupdate if lupdate.exists() else shutil.which("pyside6-lupdate"), os.X_OK)
