"""The one writer of .desktop files: Exec quoting and string escapes per the Desktop Entry
Specification, read back by the strict reader, by GLib and by desktop-file-validate."""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.desktop import desktop_entry as de
from journal.desktop import integration as di
from journal.desktop.autostart import Autostart
from journal.paths import resource

# Programs no shell-minded writer gets right by accident.
HOSTILE = [
    "/home/a b/.venv/bin/contact-journal",
    "/home/$HOME/bin/contact-journal",
    "/opt/`whoami`/$(id -u)/contact-journal",
    '/opt/say "hi"/it\'s/contact-journal',
    "/opt/back\\slash\\\\twice\\/contact-journal",
    "/opt/100%/%f%%u/contact-journal",
    "/home/józef/Документы/日本語/contact-journal",
    "~/bin/contact-journal",
    "/opt/~user/contact-journal",
    "/opt/;&|<>*?#()=/contact-journal",
    "/opt/tab\there/new\nline/cr\rhere/contact-journal",
    "/opt/ends with a space /contact-journal",
]

# What string values may hold: everything but NUL and the control characters that have no escape.
VALUE_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"))


def exec_lines(path: Path) -> list[bytes]:
    return [line for line in path.read_bytes().split(b"\n") if line.startswith(b"Exec=")]


def entry_of(path: Path) -> dict[str, str]:
    return de.parse(path.read_text(encoding="utf-8"))["Desktop Entry"]


@pytest.fixture
def installed(tmp_path):
    """Both entries for each hostile program: {program: (autostart file, menu file)}."""
    files = {}
    for i, program in enumerate(HOSTILE):
        autostart = Autostart("linux", config_home=tmp_path / f"config{i}").enable([program, "--minimized"])
        menu = tmp_path / f"share{i}" / "applications" / di.DESKTOP_FILE
        menu.parent.mkdir(parents=True)
        menu.write_text(di.desktop_entry(program), encoding="utf-8")
        files[program] = (autostart, menu)
    return files


# --- the Exec key ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["/usr/bin/cj"], "/usr/bin/cj"),
        (["/opt/a b/cj", "--minimized"], '"/opt/a b/cj" --minimized'),
        # The spec's own example: a literal backslash in a quoted argument is four in the file,
        (["/opt/x\\y"], '"/opt/x\\\\\\\\y"'),
        # and a dollar sign is \\$.
        (["/opt/x$y"], '"/opt/x\\\\$y"'),
        (['/opt/"q"`b`'], '"/opt/\\\\"q\\\\"\\\\`b\\\\`"'),
        (["/opt/100%"], "/opt/100%%"),
        (["/opt/100% x"], '"/opt/100%% x"'),
        (["/opt/it's"], "\"/opt/it's\""),
        (["~/cj"], '"~/cj"'),
        (["cj", ""], 'cj ""'),
        (["cj", "a\tb\nc"], 'cj "a\\tb\\nc"'),
        # Not reserved, but white space some readers split on: quoted as well, which the spec allows.
        (["cj", "a\rb", "no\u00a0break"], 'cj "a\\rb" "no\u00a0break"'),
        (["/opt/józef/cj"], "/opt/józef/cj"),
    ],
)
def test_exec_values_as_the_spec_writes_them(args, written):
    assert de.exec_value(args) == written
    assert de.split_exec(written) == args


@pytest.mark.parametrize("program", HOSTILE)
def test_hostile_programs_round_trip_through_both_entries(installed, program):
    autostart, menu = installed[program]
    start = entry_of(autostart)
    assert de.split_exec(start["Exec"]) == [program, "--minimized"]
    main = de.parse(menu.read_text(encoding="utf-8"))
    assert de.split_exec(main["Desktop Entry"]["Exec"]) == [program]
    assert de.split_exec(main["Desktop Action log-conversation"]["Exec"]) == [program, "--log"]
    for entry in (start, main["Desktop Entry"]):
        tryexec = entry.get("TryExec")
        assert tryexec is None if not program.startswith("/") else de.unescape_string(tryexec) == program


@pytest.mark.parametrize("program", HOSTILE)
def test_both_entries_write_the_same_exec_bytes_for_a_program(installed, program):
    autostart, menu = installed[program]
    [start] = exec_lines(autostart)
    main, action = exec_lines(menu)
    assert start == main + b" --minimized"
    assert action == main + b" --log"


def test_install_desktop_round_trips_a_hostile_program(tmp_path):
    program = tmp_path / 'a b $HOME `x` "q" \\ 100% józef ~' / "contact-journal"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    home = tmp_path / "share"
    di.install(str(program), home)
    menu = di.entry_path(home)
    autostart = Autostart("linux", config_home=tmp_path / "config").enable([str(program), "--minimized"])
    assert de.split_exec(entry_of(menu)["Exec"]) == [str(program)]
    assert de.unescape_string(entry_of(menu)["TryExec"]) == str(program)
    assert exec_lines(autostart)[0] == exec_lines(menu)[0] + b" --minimized"


def test_the_shipped_entry_reads_back():
    entry = de.parse(resource("contact-journal.desktop").read_text(encoding="utf-8"))
    assert de.split_exec(entry["Desktop Entry"]["Exec"]) == ["contact-journal"]
    assert de.split_exec(entry["Desktop Action log-conversation"]["Exec"]) == ["contact-journal", "--log"]
    assert de.unescape_list(entry["Desktop Entry"]["Categories"]) == list(de.CATEGORIES)
    assert de.unescape_string(entry["Desktop Entry"]["Comment"]) == de.COMMENT


# --- other values ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Contact Journal", "Contact Journal"),
        ("C:\\new", "C:\\\\new"),
        ("two\nlines\tand\rreturn", "two\\nlines\\tand\\rreturn"),
        ("  padded  ", "\\s\\spadded\\s\\s"),
        (" ", "\\s"),
        ("/home/józef/$HOME/`x`/100%", "/home/józef/$HOME/`x`/100%"),
    ],
)
def test_string_values_use_the_general_escapes(value, written):
    assert de.escape_string(value) == written
    assert de.unescape_string(written) == value


def test_list_values_escape_their_separator():
    assert de.list_value(["a;b", "c\\", "d"]) == "a\\;b;c\\\\;d;"
    assert de.unescape_list(de.list_value(["a;b", "c\\", "d"])) == ["a;b", "c\\", "d"]


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x1b", "\x7f", "\x85"])
def test_control_characters_without_an_escape_are_refused(tmp_path, bad):
    with pytest.raises(de.DesktopEntryError, match="control character"):
        de.exec_value([f"/opt/a{bad}b"])
    with pytest.raises(de.DesktopEntryError):
        de.escape_string(f"x{bad}")
    autostart = Autostart("linux", config_home=tmp_path)
    with pytest.raises(ValueError):
        autostart.enable([f"/opt/a{bad}b", "--minimized"])
    assert not autostart.is_enabled()


def test_install_reports_an_unwritable_program_path(tmp_path, capsys, monkeypatch):
    program = tmp_path / "a\x1bb" / "contact-journal"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert di.main(["install", "--exec", str(program)]) == 1
    assert "control character" in capsys.readouterr().err
    assert not (tmp_path / "share").exists()


@pytest.mark.parametrize(
    "line",
    [
        "/opt/$HOME/cj",  # reserved character outside quotes
        "/opt/a\\\\b",  # a backslash outside quotes
        'cj a"b"',  # quotes around part of an argument
        'cj "ab"c',
        'cj "open',
        'cj "a\\\\qb"',  # a backslash that escapes nothing inside quotes
        'cj "$x"',  # an unescaped $ inside quotes
        "cj %f",  # a field code: never written
        "cj 100%",
        "cj  two-spaces",
        "cj trailing ",
        "",
        "cj \\q",  # not a string escape
    ],
)
def test_the_reader_refuses_what_the_writer_never_writes(line):
    with pytest.raises(de.DesktopEntryError):
        de.split_exec(line)


def test_the_reader_refuses_malformed_files():
    for text in ["Name=x\n", "[Desktop Entry]\nName\n", "[Desktop Entry]\nName=a\nName=b\n", "[Other]\nName=x\n"]:
        with pytest.raises(de.DesktopEntryError):
            de.parse(text)


# --- properties ----------------------------------------------------------------------------------------------


@given(st.lists(VALUE_TEXT, min_size=1).filter(lambda args: args[0] != ""))
def test_any_command_round_trips_through_a_whole_file(args):
    assert de.split_exec(de.exec_value(args)) == args
    entry = de.parse(de.application_entry(args[0], args=args[1:], autostart=True))["Desktop Entry"]
    assert de.split_exec(entry["Exec"]) == args


@given(VALUE_TEXT)
def test_any_string_round_trips(value):
    written = de.escape_string(value)
    assert "\n" not in written and "\r" not in written
    assert not written.startswith(" ") and not written.endswith(" ")
    assert de.unescape_string(written) == value


# --- other readers -------------------------------------------------------------------------------------------


def _glib():
    name = ctypes.util.find_library("glib-2.0")
    if not name:
        return None
    lib = ctypes.CDLL(name)
    lib.g_key_file_new.restype = ctypes.c_void_p
    lib.g_key_file_load_from_data.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_ssize_t, ctypes.c_int, ctypes.c_void_p]
    lib.g_key_file_get_string.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p]
    lib.g_key_file_get_string.restype = ctypes.c_void_p
    lib.g_key_file_free.argtypes = [ctypes.c_void_p]
    lib.g_shell_parse_argv.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_void_p, ctypes.c_void_p]
    lib.g_strfreev.argtypes = [ctypes.c_void_p]
    lib.g_free.argtypes = [ctypes.c_void_p]
    return lib


GLIB = _glib()


def glib_exec(text: str) -> list[str]:
    """What GLib (GDesktopAppInfo) runs for the Exec key of `text`: the key file's string, "%%" to
    "%" as its field-code expansion does, then g_shell_parse_argv."""
    keyfile = GLIB.g_key_file_new()
    try:
        data = text.encode("utf-8")
        assert GLIB.g_key_file_load_from_data(keyfile, data, len(data), 0, None)
        raw = GLIB.g_key_file_get_string(keyfile, b"Desktop Entry", b"Exec", None)
        assert raw
        command = ctypes.string_at(raw).decode("utf-8").replace("%%", "%")
        GLIB.g_free(raw)
    finally:
        GLIB.g_key_file_free(keyfile)
    argc, argv = ctypes.c_int(), ctypes.POINTER(ctypes.c_char_p)()
    assert GLIB.g_shell_parse_argv(command.encode("utf-8"), ctypes.byref(argc), ctypes.byref(argv), None)
    try:
        return [argv[i].decode("utf-8") for i in range(argc.value)]
    finally:
        GLIB.g_strfreev(argv)


@pytest.mark.skipif(GLIB is None, reason="GLib (libglib-2.0) is not installed, so there is no reference reader")
@pytest.mark.parametrize("program", HOSTILE)
def test_glib_reads_the_same_command(installed, program):
    autostart, menu = installed[program]
    assert glib_exec(autostart.read_text(encoding="utf-8")) == [program, "--minimized"]
    assert glib_exec(menu.read_text(encoding="utf-8")) == [program]


@pytest.mark.skipif(GLIB is None, reason="GLib (libglib-2.0) is not installed, so there is no reference reader")
@given(st.lists(VALUE_TEXT, min_size=1).filter(lambda args: args[0] != ""))
def test_glib_reads_any_command_as_written(args):
    assert glib_exec(de.application_entry(args[0], args=args[1:], autostart=True)) == args


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (desktop-file-utils) is not installed",
)
def test_desktop_file_validate_accepts_both_entries_for_every_program(installed):
    files = [str(path) for pair in installed.values() for path in pair]
    done = subprocess.run(["desktop-file-validate", *files], check=False, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
