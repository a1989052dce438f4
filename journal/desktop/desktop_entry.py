"""Desktop Entry files, as the freedesktop.org Desktop Entry Specification defines them: the one
writer of Contact Journal's menu entry and its XDG autostart entry, and a strict reader to check
what was written.

Exec is escaped twice, in this order:

1. Each argument is quoted as "The Exec key" says. An argument holding a reserved character
   (space, tab, newline, ``"``, ``'``, ``\\``, ``>``, ``<``, ``~``, ``|``, ``&``, ``;``, ``$``,
   ``*``, ``?``, ``#``, ``(``, ``)``, backtick) goes in double quotes, and inside them ``"``,
   backtick, ``$`` and ``\\`` get a backslash in front. A literal ``%`` is ``%%`` so that it is
   not taken for a field code.
2. The command line is then a value of type string, escaped by the general rules: backslash,
   newline, tab and carriage return become ``\\\\``, ``\\n``, ``\\t`` and ``\\r``.

Readers undo the second step first, so a backslash inside a quoted argument is four backslashes
in the file, and a dollar sign is ``\\\\$``.

String values other than Exec (Name, Comment, TryExec, Icon, Path) get only the general rules,
plus ``\\s`` for a space at either end, which parsers would otherwise strip. No escape exists for
the other control characters, which string values may not hold; writing one is a ValueError.

No Qt here: `make install-desktop` writes the menu entry without a display.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence

from journal import APP_ID, APP_NAME

COMMENT = "Log conversations, follow offered introductions and keep in touch"
GENERIC_NAME = "Networking Journal"
CATEGORIES = ("Office", "ContactManagement", "Qt")
KEYWORDS = ("contacts", "networking", "career", "introductions", "conversations", "journal")

# "The Exec key": an argument holding one of these must be quoted.
RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Inside the double quotes these take a backslash.
QUOTED_ESCAPES = frozenset('"`$\\')

_VALUE_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_VALUE_UNESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_KEY = re.compile(r"[A-Za-z0-9-]+(\[[^\[\]=]+\])?")

Group = tuple[str, Sequence[tuple[str, str]]]


class DesktopEntryError(ValueError):
    """Text that cannot be written to, or was not read from, a well-formed desktop entry."""


# --- writing -----------------------------------------------------------------------------------


def _check_characters(value: str) -> None:
    for ch in value:
        if ch not in _VALUE_ESCAPES and unicodedata.category(ch) == "Cc":
            raise DesktopEntryError(f"a desktop entry value cannot hold the control character {ch!r}: {value!r}")
        if unicodedata.category(ch) == "Cs":
            raise DesktopEntryError(f"a desktop entry value cannot hold a lone surrogate: {value!r}")


def escape_string(value: str) -> str:
    """`value` as a string (or localestring) value: the general escapes, and spaces at either end
    as ``\\s``."""
    _check_characters(value)
    body = "".join(_VALUE_ESCAPES.get(ch, ch) for ch in value)
    stripped = body.strip(" ")
    if not stripped:
        return "\\s" * len(body)
    leading = len(body) - len(body.lstrip(" "))
    trailing = len(body) - len(body.rstrip(" "))
    return "\\s" * leading + stripped + "\\s" * trailing


def quote_exec_arg(arg: str) -> str:
    """One argument of a command line, quoted as "The Exec key" says (step 1 only)."""
    arg = str(arg)
    _check_characters(arg)
    arg = arg.replace("%", "%%")
    # Quoting more than the reserved characters is allowed ("arguments may be quoted in whole");
    # any other white space (a carriage return, a no-break space) is quoted too, so that no reader
    # that splits on it can cut the argument in two.
    if arg and not RESERVED.intersection(arg) and not any(ch.isspace() for ch in arg):
        return arg
    escaped = "".join("\\" + ch if ch in QUOTED_ESCAPES else ch for ch in arg)
    return f'"{escaped}"'


def exec_value(command: Sequence[str]) -> str:
    """The value of an Exec key running `command` (the program, then its arguments): each
    argument quoted, then the whole line escaped as a string."""
    parts = [str(part) for part in command]
    if not parts or not parts[0]:
        raise DesktopEntryError("an Exec command line needs a program")
    return escape_string(" ".join(quote_exec_arg(part) for part in parts))


def list_value(items: Iterable[str]) -> str:
    """A value holding several strings: each escaped, ``;`` as ``\\;``, each ended by ``;``."""
    return "".join(escape_string(item).replace(";", "\\;") + ";" for item in items)


def boolean_value(flag: bool) -> str:
    return "true" if flag else "false"


def render(groups: Sequence[Group]) -> str:
    """The text of a desktop entry file from its groups of (key, already escaped value) pairs."""
    if not groups or groups[0][0] != "Desktop Entry":
        raise DesktopEntryError("a desktop entry file starts with the [Desktop Entry] group")
    blocks = []
    for name, pairs in groups:
        if not name or any(ch in "[]" or unicodedata.category(ch) == "Cc" for ch in name):
            raise DesktopEntryError(f"not a group name: {name!r}")
        lines = [f"[{name}]"]
        for key, value in pairs:
            if not _KEY.fullmatch(key):
                raise DesktopEntryError(f"not a key: {key!r}")
            if any(ch in "\n\r" for ch in value):
                raise DesktopEntryError(f"the value of {key} is not escaped: {value!r}")
            lines.append(f"{key}={value}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def application_entry(
    command: str | Sequence[str] = APP_ID,
    *,
    args: Sequence[str] = (),
    autostart: bool = False,
) -> str:
    """Contact Journal's desktop entry. `command` is the program (a name on PATH or an absolute
    path, or a list such as [python, "-m", "journal"]); `args` follow it on the main Exec line.

    The menu entry and the XDG autostart entry are one identity. The autostart entry
    (``autostart=True``, with "--minimized" among the arguments) has no menu actions and carries
    the GNOME key that lets the session switch it off.
    """
    parts = [command] if isinstance(command, str) else list(command)
    program = str(parts[0]) if parts else ""
    main: list[tuple[str, str]] = [
        ("Type", "Application"),
        ("Version", "1.4"),
        ("Name", escape_string(APP_NAME)),
        ("GenericName", escape_string(GENERIC_NAME)),
        ("Comment", escape_string(COMMENT)),
        ("Exec", exec_value([*parts, *args])),
    ]
    if os.path.isabs(program):
        main.append(("TryExec", escape_string(program)))
    main += [
        ("Icon", escape_string(APP_ID)),
        ("Terminal", boolean_value(False)),
        ("Categories", list_value(CATEGORIES)),
        ("Keywords", list_value(KEYWORDS)),
        ("StartupNotify", boolean_value(True)),
    ]
    if autostart:
        main.append(("X-GNOME-Autostart-enabled", boolean_value(True)))
        return render([("Desktop Entry", main)])
    main.append(("Actions", list_value(["log-conversation"])))
    action = [
        ("Name", escape_string("Log a Conversation")),
        ("Exec", exec_value([*parts, "--log"])),
    ]
    return render([("Desktop Entry", main), ("Desktop Action log-conversation", action)])


# --- reading (strict: anything this module would not write is an error) ---------------------------


def parse(text: str) -> dict[str, dict[str, str]]:
    """The groups of a desktop entry file, each a dict of key to raw (still escaped) value."""
    groups: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            if not line.endswith("]") or line.count("[") != 1 or line.count("]") != 1:
                raise DesktopEntryError(f"line {number}: not a group header: {line!r}")
            name = line[1:-1]
            if name in groups:
                raise DesktopEntryError(f"line {number}: group [{name}] appears twice")
            current = groups[name] = {}
            continue
        if current is None:
            raise DesktopEntryError(f"line {number}: a key before the first group: {line!r}")
        key, equals, value = line.partition("=")
        key = key.rstrip(" ")
        if not equals or not _KEY.fullmatch(key):
            raise DesktopEntryError(f"line {number}: not a key=value line: {line!r}")
        if key in current:
            raise DesktopEntryError(f"line {number}: key {key} appears twice")
        current[key] = value.lstrip(" ")
    if next(iter(groups), None) != "Desktop Entry":
        raise DesktopEntryError("the first group is not [Desktop Entry]")
    return groups


def unescape_string(raw: str) -> str:
    """Undo the general escapes of a string value."""
    out = []
    chars = iter(raw)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        code = next(chars, "")
        if code not in _VALUE_UNESCAPES:
            raise DesktopEntryError(f"unknown escape \\{code} in {raw!r}")
        out.append(_VALUE_UNESCAPES[code])
    return "".join(out)


def unescape_list(raw: str) -> list[str]:
    """The strings of a list value (each ended by ``;``, a literal one written ``\\;``)."""
    items, item, chars = [], [], iter(raw)
    for ch in chars:
        if ch == ";":
            items.append(unescape_string("".join(item)))
            item = []
        elif ch == "\\":
            code = next(chars, "")
            item.append(";" if code == ";" else "\\" + code)
        else:
            item.append(ch)
    if item:
        raise DesktopEntryError(f"a list value ends with ';': {raw!r}")
    return items


def _unpercent(arg: str, line: str) -> str:
    out = []
    chars = iter(arg)
    for ch in chars:
        if ch == "%":
            code = next(chars, "")
            if code != "%":
                raise DesktopEntryError(f"field code %{code} in {line!r}")
        out.append(ch)
    return "".join(out)


def split_command_line(line: str) -> list[str]:
    """Undo step 1: the arguments of an unescaped Exec command line."""
    args: list[str] = []
    i, n = 0, len(line)
    while True:
        if i >= n or line[i] == " ":
            raise DesktopEntryError(f"an empty argument (stray space) in {line!r}")
        if line[i] == '"':
            i += 1
            arg = []
            while True:
                if i >= n:
                    raise DesktopEntryError(f"an unclosed quote in {line!r}")
                ch = line[i]
                if ch == '"':
                    i += 1
                    break
                if ch == "\\":
                    if i + 1 >= n or line[i + 1] not in QUOTED_ESCAPES:
                        raise DesktopEntryError(f"a backslash that escapes nothing in {line!r}")
                    arg.append(line[i + 1])
                    i += 2
                    continue
                if ch in "`$":
                    raise DesktopEntryError(f"an unescaped {ch!r} inside quotes in {line!r}")
                arg.append(ch)
                i += 1
            if i < n and line[i] != " ":
                raise DesktopEntryError(f"a quote that does not end its argument in {line!r}")
            word = "".join(arg)
        else:
            end = line.find(" ", i)
            end = n if end < 0 else end
            word = line[i:end]
            if RESERVED.intersection(word):
                raise DesktopEntryError(f"a reserved character outside quotes in {line!r}")
            i = end
        args.append(_unpercent(word, line))
        if i >= n:
            return args
        i += 1  # the one space between arguments


def split_exec(raw: str) -> list[str]:
    """The program and arguments of an Exec value as written in the file (both steps undone)."""
    return split_command_line(unescape_string(raw))
