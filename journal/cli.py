"""The command line: a contract that users' scripts rely on.

Every error is one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from pathlib import Path

from journal import __version__

PROG = "contact-journal"
PASSPHRASE_ENV = "CONTACT_JOURNAL_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CONTACT_JOURNAL_NEW_PASSPHRASE"
BACKUP_PASSPHRASE_ENV = "CONTACT_JOURNAL_BACKUP_PASSPHRASE"


class UsageError(Exception):
    """Bad arguments: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(message)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-14") from None


def _positive_days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0 or value > 3660:
        raise argparse.ArgumentTypeError("--days must be between 0 and 3660")
    return value


def build_parser() -> argparse.ArgumentParser:
    from journal.store.models import CHANNELS

    parser = _Parser(prog=PROG, description="A private journal for career networking.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", type=Path, metavar="PATH", help="the journal file to open")
    parser.add_argument("--demo", action="store_true", help="open a throwaway journal filled with a sample")
    parser.add_argument("--log", action="store_true", help="open the Log conversation dialog")
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    parser.add_argument("--minimized", action="store_true", help="start hidden in the system tray")
    parser.add_argument(
        "--passphrase-file", type=Path, metavar="FILE",
        help=f"for the verbs: an encrypted journal's passphrase is the first line of FILE (unless {PASSPHRASE_ENV} "
             "is set; without either it is asked on a terminal)",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)

    log = verbs.add_parser("log", help="log a conversation")
    log.add_argument("--with", dest="people", action="append", required=True, metavar="NAME")
    log.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    log.add_argument("--channel", default="other", choices=CHANNELS, metavar="C")
    log.add_argument("--summary", default="", metavar="TEXT")
    log.add_argument("--note", default="", metavar="TEXT")
    log.add_argument("--offer", action="append", default=[], metavar="TARGET")
    log.add_argument("--next", dest="next_text", metavar="TEXT")
    log.add_argument("--due", type=_date, metavar="YYYY-MM-DD")

    agenda = verbs.add_parser("agenda", help="what is due: overdue items plus the next N days")
    agenda.add_argument("--days", type=_positive_days, default=7)
    agenda.add_argument("--json", action="store_true")

    verbs.add_parser("backup", help="back up the journal now")
    restore = verbs.add_parser("restore", help="replace the journal with a backup (keeps a copy)")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--backup-passphrase-file", type=Path, metavar="FILE",
        help=f"an encrypted backup's passphrase, where it differs from the journal's, is the first line of FILE "
             f"(unless {BACKUP_PASSPHRASE_ENV} is set; without either it is asked on a terminal)",
    )
    verbs.add_parser("check", help="check the journal's integrity")

    importer = verbs.add_parser("import", help="bring contacts in from another program")
    importer.add_argument("format", choices=sorted(IMPORTERS), metavar="FORMAT", help=", ".join(sorted(IMPORTERS)))
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")

    exporter = verbs.add_parser("export", help="write the journal in a standard format")
    exporter.add_argument("format", choices=sorted(EXPORTERS), metavar="FORMAT", help=", ".join(sorted(EXPORTERS)))
    exporter.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")

    lister = verbs.add_parser("people", help="list everyone: details, tags, last contact, jobs and dates")
    lister.add_argument("--json", action="store_true",
                        help="print an array of {id, name, organisation, role, emails, phones, tags, last_contact, "
                             "last_emailed, next_keep_in_touch, jobs, dates}")
    lister.add_argument("--archived", action="store_true", help="include archived people")

    finder = verbs.add_parser("search", help="find people, conversations, introductions and next steps")
    finder.add_argument("query", metavar="QUERY")
    finder.add_argument("--json", action="store_true", help="print an array of {kind, id, title, snippet}")

    insight = verbs.add_parser(
        "insights", help="the introduction funnel, days in each stage, the introducers and who you are losing touch with"
    )
    insight.add_argument("--json", action="store_true",
                         help="print {funnel, conversion, days_in_stage, stalled, introducers, losing_touch}")
    insight.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                         help="only the introductions offered since that day (default: all of them)")

    account = verbs.add_parser("account", help="the CardDAV/CalDAV account the journal syncs with")
    actions = account.add_subparsers(dest="account_verb", metavar="ACTION", parser_class=_Parser, required=True)
    adder = actions.add_parser(
        "add", help="connect to a server and sync with it (password: CONTACT_JOURNAL_SYNC_PASSWORD, else asked)"
    )
    adder.add_argument("url", metavar="URL", help="the server, e.g. https://dav.example.com/")
    adder.add_argument("--user", required=True, metavar="NAME")
    adder.add_argument("--ca-file", type=Path, metavar="FILE", help="trust the certificates of this CA file")
    adder.add_argument("--allow-http", action="store_true", help="allow plain http:// to a host that is not this computer")
    accounts = actions.add_parser("list", help="show the account and how its last sync went")
    accounts.add_argument("--json", action="store_true",
                          help="print an array of {url, user, contacts_url, tasks_url, journal_url, journal_note, "
                               "last_sync_at, last_error}")
    actions.add_parser("remove", help="stop syncing (the journal and the server keep what they have)")

    syncer = verbs.add_parser("sync", help="sync with the account's server now")
    syncer.add_argument("--dry-run", action="store_true", help="show what would go up and come down, change nothing")
    syncer.add_argument("--json", action="store_true",
                        help="print {up, down, merged, conflicted, deleted_here, deleted_there, notes, requests, dry_run}")
    _add_scan_verbs(verbs)

    suggester = verbs.add_parser("suggestions", help="meetings to log and introductions that moved on, seen by scans")
    suggester.add_argument("--json", action="store_true", help="print an array of {id, kind, title, date, people}")
    choices = suggester.add_subparsers(dest="suggestion_verb", metavar="ACTION", parser_class=_Parser)
    dismisser = choices.add_parser("dismiss", help="never offer this suggestion again (undoable in the window)")
    dismisser.add_argument("key", metavar="ID", help="the suggestion's id, as `suggestions` lists it")

    verbs.add_parser(
        "encrypt", help=f"encrypt the journal and its backups (the new passphrase: {PASSPHRASE_ENV}, "
                        "--passphrase-file, else asked twice on a terminal)"
    )
    verbs.add_parser("decrypt", help="turn the journal and its backups back into plain SQLite files")
    changer = verbs.add_parser(
        "passphrase", help=f"change the passphrase (the new one: {NEW_PASSPHRASE_ENV}, --new-passphrase-file, "
                           "else asked twice on a terminal)"
    )
    changer.add_argument("--new-passphrase-file", type=Path, metavar="FILE",
                         help="the new passphrase is the first line of FILE")
    return parser


def _source_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a source's number (`{PROG} scan list` shows them)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a source's number (`{PROG} scan list` shows them)")
    return value


_SCAN_JSON = "print {source: {id, kind, location, folders, enabled, last_scan_at, last_error, people, meetings}, " \
             "messages, exchanges, meetings, hints, people, skipped}"


def _add_scan_verbs(verbs) -> None:
    scanner = verbs.add_parser(
        "scan", help="read contact from calendars and mail headers (only what concerns people in the journal is kept)"
    )
    actions = scanner.add_subparsers(dest="scan_verb", metavar="ACTION", parser_class=_Parser, required=True)
    calendar = actions.add_parser("calendar", help="read the meetings in an iCalendar (.ics) file")
    calendar.add_argument("file", type=Path, metavar="FILE")
    mail = actions.add_parser("mail", help="read the headers of an mbox file or a Maildir folder")
    mail.add_argument("path", type=Path, metavar="PATH")
    mail.add_argument("--folder", dest="folders", action="append", default=[], metavar="F",
                      help="a Maildir++ subfolder to read (INBOX: the top one; all: every one); repeatable")
    imap = actions.add_parser(
        "imap", help="read the headers on an IMAP server over TLS (password: CONTACT_JOURNAL_IMAP_PASSWORD, "
                     "else the keyring, else asked on a terminal)"
    )
    imap.add_argument("--server", required=True, metavar="HOST[:PORT]", help="the server (port 993 unless given)")
    imap.add_argument("--user", required=True, metavar="NAME")
    imap.add_argument("--folder", dest="folders", action="append", default=[], metavar="F",
                      help="a folder to read (INBOX unless given); repeatable")
    imap.add_argument("--ca-file", type=Path, metavar="FILE", help="trust the certificates of this CA file")
    imap.add_argument("--remember", action="store_true",
                      help="ask for the password on the terminal and keep it in the keyring once the server takes it")
    for verb in (calendar, mail, imap):
        verb.add_argument("--me", action="append", default=[], metavar="ADDRESS",
                          help="one of your own addresses (kept with those given before); repeatable")
        verb.add_argument("--json", action="store_true", help=_SCAN_JSON)
    lister = actions.add_parser("list", help="the sources scanned, whether each is on, and how its last scan went")
    lister.add_argument("--json", action="store_true",
                        help="print an array of {id, kind, location, folders, enabled, last_scan_at, last_error, "
                             "people, meetings}")
    rescan = actions.add_parser("rescan", help="scan every source that is on for what is new")
    rescan.add_argument("--json", action="store_true",
                        help="print an array of {source, messages, exchanges, meetings, hints, people, skipped, error}")
    for name, text in (("off", "stop scanning a source (what it gave is kept)"), ("on", "scan a source again"),
                       ("remove", "remove a source and what was scanned from it")):
        actions.add_parser(name, help=text).add_argument("source_id", type=_source_id, metavar="ID")
    forget = actions.add_parser("forget", help="forget what was scanned (from every source, or from one)")
    forget.add_argument("source_id", type=_source_id, nargs="?", metavar="ID")


# format -> "module:function". Imported only when used, so the command line starts fast.
# An importer is called as fn(path, *, dry_run, clock) and returns an object whose str() is the
# summary to print; it raises journal.errors.JournalError (or a subclass) for bad input.
IMPORTERS: dict[str, str] = {
    "vcard": "journal.services.interchange.imports:import_vcard",
    "linkedin": "journal.services.interchange.imports:import_linkedin",
    "google": "journal.services.interchange.imports:import_google",
    "outlook": "journal.services.interchange.imports:import_outlook",
    "thunderbird": "journal.services.interchange.imports:import_thunderbird",
    "auto": "journal.services.interchange.imports:import_auto",
    "json": "journal.services.interchange.imports:import_json",
}
# An exporter is called as fn(stream, *, clock) with a text stream and returns the number of items;
# the calendar's also takes reminder_time, the time of day its date-only to-dos alarm at.
EXPORTERS: dict[str, str] = {
    "vcard": "journal.services.interchange.exports:export_vcard",
    "csv": "journal.services.interchange.exports:export_csv",
    "json": "journal.services.interchange.exports:export_json",
    "ics": "journal.services.interchange.calendar_export:export_ics",
}


def _load(dotted: str):
    import importlib

    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def run(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    undecodable = _undecodable_option(args)
    if undecodable:
        print(f"{PROG}: error: {undecodable} is not valid text (it holds bytes that are not UTF-8)", file=sys.stderr)
        return 2
    from journal.errors import JournalError

    try:
        if args.self_test:
            from journal.selftest import run_self_test

            return run_self_test()
        if args.verb is None:
            return _start_gui(args)
        return VERBS[args.verb](args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except JournalError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{PROG}: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except _OutputError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a database error or a bug: still one line, never a traceback
        import os

        if os.environ.get("CONTACT_JOURNAL_DEBUG"):
            raise
        print(f"{PROG}: {_describe_unexpected(exc)}", file=sys.stderr)
        return 1


# The options that hold free text, by their argparse dest, as the user typed them.
_TEXT_OPTIONS = {
    "people": "--with",
    "summary": "--summary",
    "note": "--note",
    "offer": "--offer",
    "next_text": "--next",
    "query": "QUERY",
    "url": "URL",
    "user": "--user",
    "server": "--server",
    "folders": "--folder",
    "me": "--me",
    "key": "ID",
}


def _undecodable_option(args) -> str | None:
    """The option whose text holds bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which the journal cannot store), or None when all of them are text."""
    for dest, option in _TEXT_OPTIONS.items():
        value = getattr(args, dest, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    return option
    return None


def _describe_unexpected(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "database is locked" in text:
        return "the journal is busy (another program is writing to it); try again in a moment"
    if "readonly database" in text:
        return "the journal cannot be changed there (it is read-only); changes cannot be saved"
    return f"unexpected error: {type(exc).__name__}: {text} (set CONTACT_JOURNAL_DEBUG=1 for details)"


def journal_path(args) -> Path:
    from journal import paths

    return paths.journal_path(args.db)


def _clock():
    """The clock the verbs use, read when called (tests replace journal.clock.SYSTEM_CLOCK)."""
    import journal.clock

    return journal.clock.SYSTEM_CLOCK


@contextlib.contextmanager
def _opened(args, *, auto_backup: bool = True, read_only: bool = False):
    """The journal open for one verb; yields its path. Verbs that write (log, import) take the
    daily backup first, as the app does; verbs that only read skip it, so a quick look at a big
    journal never waits for a copy of it. Those (`read_only`) never create a journal, and read
    one where nothing can be saved (a read-only folder or file system)."""
    path = journal_path(args)
    unlock = _unlocking(args, path)
    if read_only:
        from journal.store.db import open_journal

        database = open_journal(path, read_only=True, **unlock)
    else:
        from journal.services.upkeep.maintenance import open_session

        database = open_session(path, auto_backup=auto_backup, clock=_clock(), **unlock)
    try:
        yield path
    finally:
        database.close()


def _on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


# The most of a passphrase file that is read: its first line is the passphrase.
_PASSPHRASE_FILE_LIMIT = 65536


def read_passphrase_file(file: Path, option: str = "--passphrase-file") -> str:
    """The first line of `file`, without its line ending (\\n or \\r\\n); a UTF-8 byte order mark
    is dropped. A file that is missing, unreadable, not UTF-8 text or whose first line is empty is
    one line naming the option."""
    from journal.errors import ValidationError

    try:
        with open(file.expanduser(), encoding="utf-8-sig", newline="") as handle:
            line = handle.readline(_PASSPHRASE_FILE_LIMIT)
    except FileNotFoundError:
        raise ValidationError(f"{option} {file}: there is no such file.") from None
    except IsADirectoryError:
        raise ValidationError(f"{option} {file} is a folder; it must be a file whose first line is the passphrase.") from None
    except PermissionError:
        raise ValidationError(f"{option} {file} cannot be read (permission denied).") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{option} {file} is not UTF-8 text.") from None
    except OSError as exc:
        raise ValidationError(f"{option} {file} cannot be read ({exc.strerror or exc}).") from None
    line = line.removesuffix("\n").removesuffix("\r")
    if not line:
        raise ValidationError(f"{option} {file}: its first line is empty; it must hold the passphrase.")
    return line


def _ask(prompt: str) -> str:
    """What is typed at `prompt` on the terminal, without echo; the end of input (Ctrl+D) is nothing."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        return ""


def _given(env: str, file: Path | None, option: str) -> str | None:
    """A passphrase given without a terminal: the variable `env` when it is set (and not empty),
    else the first line of `file` (the option `option`), else None."""
    import os

    value = os.environ.get(env)
    if value:
        return value
    if file is not None:
        return read_passphrase_file(file, option)
    return None


def journal_passphrase(args, path: Path, *, prompt: str = "Passphrase for {name}: ") -> str:
    """The passphrase of the encrypted journal at `path`: CONTACT_JOURNAL_PASSPHRASE when it is
    set (and not empty), else the first line of --passphrase-file, else typed on a terminal.
    With none of them, one line says so."""
    from journal.errors import ValidationError

    given = _given(PASSPHRASE_ENV, getattr(args, "passphrase_file", None), "--passphrase-file")
    if given is not None:
        return given
    if not _on_terminal():
        raise ValidationError(
            f"{path} is encrypted: set {PASSPHRASE_ENV}, pass --passphrase-file FILE or run it on a terminal."
        )
    typed = _ask(prompt.format(name=path.name))
    if not typed:
        raise ValidationError("No passphrase was given; nothing was changed.")
    return typed


def new_passphrase(path: Path, *, env: str, file: Path | None, option: str) -> str:
    """A new passphrase for the journal at `path`: the variable `env` when it is set, else the
    first line of `file` (given as `option`), else typed twice on a terminal (the same both times,
    and not empty). With none of them, one line says so."""
    from journal.errors import ValidationError

    given = _given(env, file, option)
    if given is not None:
        return given
    if not _on_terminal():
        raise ValidationError(f"No new passphrase: set {env}, pass {option} FILE or run it on a terminal.")
    typed = _ask(f"New passphrase for {path.name}: ")
    if not typed:
        raise ValidationError("No passphrase was given; nothing was changed.")
    if _ask("The new passphrase again: ") != typed:
        raise ValidationError("The two passphrases differ; nothing was changed.")
    return typed


def _unlocking(args, path: Path) -> dict:
    """What opens the journal at `path`: nothing for a plain one (or none yet); for an encrypted
    one {"key": its key}, from the passphrase, derived once and checked. Asked for before anything
    is opened, so that without it (or with a wrong one) nothing is written, not even a backup."""
    from journal.store import cipher
    from journal.store.db import refuse_odd_file

    path = path.expanduser()
    if not refuse_odd_file(path) or not cipher.looks_encrypted(path):
        return {}
    cipher.require()
    return {"key": cipher.unlock(path, passphrase=journal_passphrase(args, path))}


def _journal_to_convert(args, verb: str) -> tuple[Path, bool]:
    """The journal `encrypt`, `decrypt` or `passphrase` works on, and whether it is encrypted.
    It must be there, be a journal, and not be open in the window or another program: all
    checked before any passphrase is asked for."""
    from journal.errors import JournalError
    from journal.store import cipher, db

    path = journal_path(args).expanduser()
    if path.is_symlink():
        path = path.resolve()  # SQLite keeps the -wal and -shm (and their locks) beside the target
    if not db.refuse_odd_file(path) or path.stat().st_size == 0:
        raise JournalError(f"no journal at {path} yet")
    encrypted = cipher.looks_encrypted(path)
    if not encrypted:
        db.inspect_file(path)  # anything but a whole SQLite journal is refused here, untouched
    if db.in_use(path):
        raise JournalError(f"{path} is in use (is Contact Journal running?); quit it, then run {verb} again.")
    cipher.require()
    return path, encrypted


def _and_backups(count: int) -> str:
    return f" and its {_plural(count, 'backup')}" if count else ""


def _left(count: int, why: str) -> str:
    """"; 1 backup with another passphrase was left as it was": backups a conversion passed over."""
    if not count:
        return ""
    return f"; {_plural(count, 'backup')} {why} {'was' if count == 1 else 'were'} left as {'it was' if count == 1 else 'they were'}"


def cmd_encrypt(args) -> int:
    from journal.errors import ValidationError
    from journal.store import backups, cipher, encryption

    path, encrypted = _journal_to_convert(args, "encrypt")
    if encrypted and not encryption.unfinished(path):
        raise ValidationError(f"{path} is already encrypted; `{PROG} passphrase` changes its passphrase.")
    plain = [b for b in backups.named_backups(path) if not cipher.is_encrypted(b)]
    if encrypted:  # an encrypt that was stopped left backups plain: its passphrase finishes them
        passphrase = journal_passphrase(args, path)
    else:
        passphrase = new_passphrase(path, env=PASSPHRASE_ENV, file=args.passphrase_file, option="--passphrase-file")
    encryption.encrypt(path, passphrase)
    converted = sum(1 for b in plain if cipher.is_encrypted(b))
    if encrypted:
        print(f"Encrypted {_plural(converted, 'backup')} of {path.name} left plain by an encrypt that was stopped.")
    else:
        print(f"Encrypted {path.name}{_and_backups(converted)}.")
    return 0


def cmd_decrypt(args) -> int:
    from journal.errors import ValidationError
    from journal.store import backups, cipher, encryption

    path, encrypted = _journal_to_convert(args, "decrypt")
    if not encrypted:
        raise ValidationError(f"{path} is not encrypted; there is nothing to decrypt.")
    key = cipher.unlock(path, passphrase=journal_passphrase(args, path))
    found = [b for b in backups.named_backups(path) if cipher.is_encrypted(b)]
    encryption.decrypt(path, key)
    converted = sum(1 for b in found if not cipher.is_encrypted(b))
    print(f"Decrypted {path.name}{_and_backups(converted)}{_left(len(found) - converted, 'with another passphrase')}.")
    return 0


def cmd_passphrase(args) -> int:
    from journal.errors import ValidationError
    from journal.store import backups, cipher, encryption

    path, encrypted = _journal_to_convert(args, "passphrase")
    if not encrypted:
        raise ValidationError(f"{path} is not encrypted; `{PROG} encrypt` gives it a passphrase.")
    current = journal_passphrase(args, path, prompt="Current passphrase for {name}: ")
    key = cipher.unlock(path, passphrase=current)  # a wrong one is refused before the new one is asked for
    new = new_passphrase(path, env=NEW_PASSPHRASE_ENV, file=args.new_passphrase_file, option="--new-passphrase-file")
    if new == current:
        raise ValidationError("The new passphrase is the current one; nothing was changed.")
    found = [b for b in backups.named_backups(path) if cipher.is_encrypted(b)]
    new_key = encryption.change_passphrase(path, key, new)
    changed = sum(1 for b in found if cipher.check(b, new_key))
    print(f"Changed the passphrase of {path.name}{_and_backups(changed)}"
          f"{_left(len(found) - changed, 'with another passphrase')}.")
    return 0


def _start_gui(args) -> int:
    from journal.app import run_gui

    return run_gui(args)


def cmd_log(args) -> int:
    from journal.domain.names import is_description
    from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation

    if args.due and not args.next_text:
        raise UsageError("--due needs --next TEXT")
    if args.next_text and not args.due:
        raise UsageError("--next needs --due YYYY-MM-DD")
    clock = _clock()
    now = clock.now()
    if args.date and args.date > now.date():
        raise UsageError(f"--date {args.date.isoformat()} is in the future")
    when = None
    if args.date:
        when = now if args.date == now.date() else dt.datetime.combine(args.date, dt.time(12, 0))
    from journal.services import operations

    with _opened(args):
        result = operations.run(
            log_conversation,
            [PersonRef.named(n) for n in args.people],
            when=when,
            channel=args.channel,
            summary=args.summary,
            notes=args.note,
            offers=[OfferDraft(PersonRef.named(t), target_is_description=is_description(t)) for t in args.offer],
            next_steps=[StepDraft(args.next_text, args.due)] if args.next_text else [],
            clock=clock,
        ).value
    parts = [f"Logged conversation {result.conversation_id} with {', '.join(args.people)}"]
    if result.people_created:
        parts.append(f"{len(result.people_created)} new {'person' if len(result.people_created) == 1 else 'people'}")
    if result.introduction_ids:
        parts.append(f"{len(result.introduction_ids)} offered introduction(s)")
    if result.next_step_ids:
        parts.append(f"{len(result.next_step_ids)} next step(s)")
    print("; ".join(parts) + ".")
    return 0


def cmd_agenda(args) -> int:
    from journal.services.agenda.items import agenda

    with _opened(args, read_only=True):  # reading changes nothing to save
        items = agenda(args.days, clock=_clock())
    if args.json:
        print(json.dumps([item.to_json() for item in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(f"Nothing due in the next {args.days} days.")
        return 0
    labels = {
        "next_step": "step", "keep_in_touch": "keep in touch", "introduction": "introduction",
        "date": "date", "reconnect": "reconnect",
    }
    for item in items:
        flag = "OVERDUE" if item.overdue else ""
        people = ", ".join(item.people)
        print(f"{item.due.isoformat()}  {flag:7}  {labels[item.kind.value]:13}  {item.title}" + (f"  [{people}]" if people else ""))
    return 0


def cmd_backup(args) -> int:
    from journal.services.upkeep.maintenance import backup_now

    with _opened(args, auto_backup=False) as path:
        target = backup_now(path, clock=_clock())
    print(f"Backed up {path} to {target}")
    return 0


def _backup_key(args, source: Path, journal_key):
    """The key of the encrypted backup `source`: the journal's own when it opens it; else, for a
    plain journal, from the passphrase's usual sources; for an encrypted one whose passphrase the
    backup does not share, from CONTACT_JOURNAL_BACKUP_PASSPHRASE, --backup-passphrase-file or
    the terminal. Checked before anything is restored."""
    from journal.errors import ValidationError
    from journal.store import cipher

    cipher.require()
    if journal_key is None:
        return cipher.unlock(source, passphrase=journal_passphrase(args, source, prompt="Passphrase for the backup {name}: "))
    if cipher.check(source, journal_key):
        return journal_key
    given = _given(BACKUP_PASSPHRASE_ENV, args.backup_passphrase_file, "--backup-passphrase-file")
    if given is None:
        if not _on_terminal():
            raise ValidationError(
                f"{source} has another passphrase than the journal: set {BACKUP_PASSPHRASE_ENV}, pass "
                "--backup-passphrase-file FILE or run it on a terminal."
            )
        given = _ask(f"Passphrase for the backup {source.name} (it differs from the journal's): ")
        if not given:
            raise ValidationError("No passphrase was given; nothing was changed.")
    return cipher.unlock(source, passphrase=given)


def cmd_restore(args) -> int:
    from journal.services.upkeep.maintenance import restore
    from journal.store import cipher
    from journal.store.db import refuse_odd_file

    path = journal_path(args)
    options = _unlocking(args, path)
    source = args.file.expanduser()
    if refuse_odd_file(source) and cipher.looks_encrypted(source):
        options["source_key"] = _backup_key(args, source, options.get("key"))
    kept = restore(path, args.file, clock=_clock(), **options)
    print(f"Restored {path} from {args.file}" + (f"; the replaced journal was kept as {kept}" if kept else ""))
    return 0


def cmd_check(args) -> int:
    from journal.services.upkeep.maintenance import check
    from journal.store.db import refuse_odd_file

    path = journal_path(args)
    if not refuse_odd_file(path) or path.stat().st_size == 0:  # nothing is created to check it
        print(f"{PROG}: no journal at {path} yet", file=sys.stderr)
        return 1
    status = check(path, **_unlocking(args, path))
    if status == "ok":
        print(f"{path}: ok")
        return 0
    from journal.store.backups import newest_backup

    newest = newest_backup(path)
    hint = f"; the newest backup is {newest} (`{PROG} restore FILE`)" if newest else "; no backup of it was found"
    print(f"{PROG}: {path} failed the check: {status}{hint}", file=sys.stderr)
    return 1


def cmd_import(args) -> int:
    from journal.clock import SYSTEM_CLOCK

    if not args.file.is_file():
        raise UsageError(f"{args.file} is not a file")
    from journal.services import operations

    importer = _load(IMPORTERS[args.format])
    with _opened(args):
        if args.dry_run:
            summary = importer(args.file, dry_run=True, clock=SYSTEM_CLOCK)
        else:  # the same operation as File > Import: one transaction, taken with the write lock
            summary = operations.run(importer, args.file, clock=SYSTEM_CLOCK).value
    print(summary)
    return 0


def cmd_export(args) -> int:
    import io
    import os

    from journal.clock import SYSTEM_CLOCK

    exporter = _load(EXPORTERS[args.format])
    target = _export_target(args.output) if args.output is not None else None
    if target is None and sys.stdout is None:
        raise _OutputError("standard output is closed; write the export to a file with -o FILE")
    options = {}
    if args.format == "ics":  # the same alarms as File > Export calendar: at the preferred time of day
        from journal.desktop.preferences import Preferences

        options["reminder_time"] = Preferences().reminder_time
    with _opened(args, read_only=True):  # reading changes nothing to save
        buffer = io.StringIO()
        count = exporter(buffer, clock=SYSTEM_CLOCK, **options)
    if target is None:
        try:
            sys.stdout.write(buffer.getvalue())
            sys.stdout.flush()
        except OSError as exc:
            _silence_stdout()
            raise _OutputError(f"the export could not be written to standard output ({exc.strerror or exc})") from exc
        return 0
    staging = target.with_name(f".{target.name}.partial")
    fd = os.open(staging, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    os.replace(staging, target)
    print(f"Exported {count} item(s) to {args.output}", file=sys.stderr)
    return 0


class _OutputError(Exception):
    """Standard output failed (closed, full, a closed pipe): one line, exit status 1."""


def _silence_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that Python's flush at exit
    cannot print a second message about it."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _export_target(output: Path) -> Path:
    """Where `export -o` writes: the file itself, or the target of a symlink (the link stays a
    link). Anything there that is not a regular file (a device such as /dev/null or /dev/full, a
    FIFO, a folder) is refused: the export is written beside it and renamed over it."""
    import os
    import stat

    target = output.expanduser()
    if target.is_symlink():
        target = target.resolve()
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise UsageError(f"{output} is {kind}; export -o writes regular files only (without -o it writes to stdout)")
    return target


def cmd_search(args) -> int:
    from journal.services.search import plain, search_ranked

    with _opened(args, read_only=True):  # reading changes nothing to save
        results = search_ranked(args.query)
    if args.json:
        print(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=2))
        return 0
    if not results:
        print(f"Nothing matches {args.query!r}.")
        return 0
    for r in results:
        print(f"{r.kind.replace('_', ' '):12}  {r.id:>7}  {r.title}  |  {plain(r.snippet)}")
    return 0


def cmd_people(args) -> int:
    from journal.services.people.lookup import people_overview

    with _opened(args, read_only=True):  # reading changes nothing to save
        people = people_overview(include_archived=args.archived)
    if args.json:
        print(json.dumps([p.to_json() for p in people], ensure_ascii=False, indent=2))
        return 0
    if not people:
        print("No people in the journal yet.")
        return 0
    for p in people:
        job = " at ".join(part for part in (p.role, p.organisation) if part)
        cells = [f"{p.id:>7}", p.name + (" (archived)" if p.archived else ""), job]
        if p.last_contact:
            cells.append(f"last {p.last_contact.isoformat()}")
        if p.next_keep_in_touch:
            cells.append(f"due {p.next_keep_in_touch.isoformat()}")
        if p.tags:
            cells.append("#" + " #".join(p.tags))
        print("  ".join(cell for cell in cells if cell))
    return 0


def cmd_insights(args) -> int:
    from journal.services.insights import Period, insights_json
    from journal.services.insights.report import text_lines

    today = _clock().today()
    if args.since and args.since > today:
        raise UsageError(f"--since {args.since.isoformat()} is in the future")
    period = Period.since(args.since, today) if args.since else Period.all(today)
    with _opened(args, read_only=True):  # reading changes nothing to save
        found = insights_json(period, today) if args.json else text_lines(period, today)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        print("\n".join(found))
    return 0


def cmd_account(args) -> int:
    return {"add": _account_add, "list": _account_list, "remove": _account_remove}[args.account_verb](args)


def _sync_password(url: str, user: str) -> tuple[str, bool]:
    """The password for a new account and whether it came from CONTACT_JOURNAL_SYNC_PASSWORD
    (then it is never stored); else it is asked for on the terminal, where there is a keyring
    to keep it in."""
    from journal.errors import ValidationError
    from journal.services.sync import secrets

    given = secrets.from_environment()
    if given is not None:
        return given, True
    secrets.require_keyring()
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise ValidationError(f"No password: set {secrets.ENV}, or run this on a terminal to type it.")
    import getpass
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url if "://" in url else f"https://{url}").hostname or url
    except ValueError:
        host = url
    typed = getpass.getpass(f"Password for {user} at {host}: ")
    if not typed:
        raise ValidationError("No password was given; nothing was changed.")
    return typed, False


def _account_add(args) -> int:
    from journal.services.sync import secrets
    from journal.services.sync.account import add_account, check_url, get_account, remove_account

    check_url(args.url)  # a bad address is refused before the password is asked for
    password, from_environment = _sync_password(args.url, args.user)
    with _opened(args):
        before = get_account()
        info = add_account(
            args.url, args.user, password, ca_file=str(args.ca_file.expanduser()) if args.ca_file else "",
            allow_http=args.allow_http,
        )
        if not from_environment:
            try:
                secrets.remember(info.url, info.user, password)
            except secrets.SyncSecretError:
                remove_account()  # an account whose password is nowhere could never sync
                raise
        if before is not None and (before.url, before.user) != (info.url, info.user):
            secrets.forget(before.url, before.user)
    kept = (
        f"the password comes from {secrets.ENV} and was not stored" if from_environment
        else "the password is in the keyring"
    )
    print(f"Added {info.user} at {info.url} ({kept}).")
    _print_collections(info)
    return 0


def _print_collections(info) -> None:
    print(f"Address book: {info.contacts_url}")
    print(f"Task list: {info.tasks_url}")
    if info.journal_url:
        print(f"Conversations: {info.journal_url}")
    else:
        print(f"Conversations: not synced: {info.journal_note}" if info.journal_note else "Conversations: not synced.")


def _account_list(args) -> int:
    from journal.services.sync.account import get_account

    with _opened(args, read_only=True):  # reading changes nothing to save
        info = get_account()
    if args.json:
        print(json.dumps([info.as_json()] if info else [], ensure_ascii=False, indent=2))
        return 0
    if info is None:
        print(f"No sync account. Add one with `{PROG} account add URL --user NAME`.")
        return 0
    print(f"{info.user} at {info.url}")
    _print_collections(info)
    print(f"Last sync: {info.last_sync_at.isoformat(sep=' ') if info.last_sync_at else 'never'}")
    if info.last_error:
        print(f"Last error: {info.last_error}")
    return 0


def _account_remove(args) -> int:
    from journal.services.sync import secrets
    from journal.services.sync.account import remove_account

    with _opened(args):
        info = remove_account()
    secrets.forget(info.url, info.user)
    print(f"Removed the account {info.user} at {info.url}; the journal and the server keep what they have.")
    return 0


_REPORT_LINES = (
    ("up", "sent"), ("down", "received"), ("merged", "merged"), ("conflicted", "in conflict"),
    ("deleted_here", "deleted here"), ("deleted_there", "deleted there"),
)


def cmd_sync(args) -> int:
    from journal.errors import ValidationError
    from journal.services.sync import engine, secrets
    from journal.services.sync.account import get_account

    with _opened(args, auto_backup=not args.dry_run):
        info = get_account()
        if info is None:
            raise ValidationError(f"There is no sync account: add one with `{PROG} account add URL --user NAME`.")
        report = engine.sync(secrets.password(info.url, info.user), dry_run=args.dry_run, clock=_clock())
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        return 0
    counts = ", ".join(f"{len(getattr(report, key))} {name}" for key, name in _REPORT_LINES)
    print(("Would sync: " if report.dry_run else "Synced: ") + counts + f" ({report.requests} requests).")
    for key, name in _REPORT_LINES:
        for item in getattr(report, key):
            print(f"  {name:13}  {item}")
    for note in report.notes:
        print(f"Note: {note}")
    if report.dry_run:
        print("Dry run: nothing was changed, here or on the server.")
    return 0


def cmd_scan(args) -> int:
    return {
        "calendar": _scan_calendar, "mail": _scan_mail, "imap": _scan_imap, "list": _scan_list,
        "rescan": _scan_rescan, "on": _scan_on, "off": _scan_off, "forget": _scan_forget, "remove": _scan_remove,
    }[args.scan_verb](args)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def _scan_summary(source, outcome) -> str:
    """One readable line: what a scan read and what it kept."""
    if source.kind in ("calendar", "caldav"):
        where = Path(source.location).name if source.kind == "calendar" else "the calendars on the sync server"
        text = f"Read {where}: {_plural(outcome.meetings, 'meeting')} with people in the journal"
    else:
        people = _plural(len(outcome.people), "person", "people")
        text = f"Read {_plural(outcome.messages, 'message')}: e-mail with {people} in the journal"
    if outcome.hints:
        text += f"; {_plural(outcome.hints, 'introduction hint')}"
    if outcome.skipped:
        text += f"; {_plural(len(outcome.skipped), 'item')} left out"
    return text + "."


def _print_scan(args, source, outcome) -> None:
    if args.json:
        print(json.dumps({"source": source.to_json(), **outcome.to_json()}, ensure_ascii=False, indent=2))
        return
    print(_scan_summary(source, outcome))
    for reason in outcome.skipped:
        print(f"  left out: {reason}")


def _text_path(path: Path, what: str) -> str:
    """The path as text the journal can keep (a source's location is stored)."""
    text = str(path.expanduser())
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{what} is not valid text (it holds bytes that are not UTF-8)") from None
    return text


def _check_own(addresses: list[str]) -> None:
    """Refuse an --me that is no e-mail address before anything is read or asked for."""
    from journal.errors import ValidationError
    from journal.interop.mail_headers import normalise_address

    for text in addresses:
        if normalise_address(text) is None:
            raise ValidationError(f"--me {text.strip()!r} is not an e-mail address.")


def _scanned(args, scan) -> tuple:
    """Run `scan()` -> (Source, Outcome) in the open journal, after keeping the --me addresses.
    When it fails, the journal is left as it was: a source it added is taken out again (with
    anything it kept) and the user's own addresses are put back; a source that was already
    there keeps its last error, for `scan list`."""
    from journal.services.changes import Changes, notify
    from journal.services.scan import known, sources
    from journal.services.transaction import write
    from journal.store.models import ScanSetting

    _check_own(args.me)
    with _opened(args):
        before = {s.id for s in sources.list_sources()}
        own_row = ScanSetting.get_or_none(ScanSetting.key == known.OWN_ADDRESSES)
        own_before = known.own_addresses()
        if args.me:
            with write():
                known.set_own_addresses(own_before + list(args.me))
        try:
            return scan()
        except BaseException:
            with write():
                added = [s.id for s in sources.list_sources() if s.id not in before]
                people = set()
                for source_id in added:
                    people |= sources.remove_source(source_id)
                if args.me and own_row is None:
                    ScanSetting.delete().where(ScanSetting.key == known.OWN_ADDRESSES).execute()
                elif args.me:
                    known.set_own_addresses(own_before)
            if added:
                notify(Changes(person_ids=frozenset(people), scanned=True))
            raise


def _scan_calendar(args) -> int:
    from journal.services.scan import runner

    location = _text_path(args.file, "FILE")
    source, outcome = _scanned(args, lambda: runner.scan_path("calendar", location, clock=_clock()))
    _print_scan(args, source, outcome)
    return 0


def _maildir_folders(path: Path, folders: list[str]) -> tuple[str, ...]:
    """The --folder names to keep for a mail PATH; a folder named that is not there is refused
    (the reader would quietly find nothing in it)."""
    from journal.interop.records import ImportFormatError

    if not folders:
        return ()
    if not path.is_dir():
        if not path.exists():
            raise ImportFormatError(f"{path} does not exist.")
        raise UsageError(f"--folder is for Maildir folders, and {path} is a file (read as an mbox file)")
    if any(name.strip().lower() == "all" for name in folders):
        return ("all",)
    for name in folders:
        short = name.strip().strip("/")
        if short in ("", "INBOX", "."):
            continue
        folder = path / (short if short.startswith(".") else f".{short}")
        if not ((folder / "cur").is_dir() or (folder / "new").is_dir()):
            raise ImportFormatError(f"{path} has no Maildir folder {name.strip()!r} (no {folder.name}/cur or /new).")
    return tuple(name.strip() for name in folders)


def _scan_mail(args) -> int:
    from journal.services.scan import runner

    location = _text_path(args.path, "PATH")
    folders = _maildir_folders(Path(location), args.folders)
    source, outcome = _scanned(args, lambda: runner.scan_path("mail", location, folders=folders, clock=_clock()))
    _print_scan(args, source, outcome)
    return 0


def _imap_password(server: str, user: str, *, ask: bool) -> tuple[str, bool]:
    """The IMAP password and whether it was typed: CONTACT_JOURNAL_IMAP_PASSWORD, else the
    keyring's (unless `ask`: --remember asks again, to replace it), else asked for on the
    terminal; with no terminal, one line says what to do."""
    from journal.errors import ValidationError
    from journal.services.scan import secrets

    given = secrets.from_environment()
    if given is not None:
        return given, False
    if not ask:
        try:
            kept = secrets.stored(server, user)
        except secrets.ScanSecretError:  # no keyring, or a locked one: a terminal can still help
            kept = None
        if kept is not None:
            return kept, False
    if not (sys.stdin is not None and sys.stdin.isatty()):
        if ask:
            raise ValidationError(
                f"--remember keeps a password typed on a terminal, and there is none here: run it on a terminal, "
                f"or set {secrets.ENV}."
            )
        raise ValidationError(
            f"No password for {user} at {server}: set {secrets.ENV}, or run this on a terminal to type it "
            "(--remember keeps it in the keyring)."
        )
    import getpass

    typed = getpass.getpass(f"IMAP password for {user} at {server}: ")
    if not typed:
        raise ValidationError("No password was given; nothing was scanned.")
    return typed, True


def _scan_imap(args) -> int:
    from journal.errors import ValidationError
    from journal.services.scan import runner, secrets, sources
    from journal.services.transaction import write

    server, user = args.server.strip(), args.user.strip()
    if not server or not user:
        raise UsageError("--server and --user must not be empty")
    ca_file = ""
    if args.ca_file is not None:
        ca_file = str(Path(_text_path(args.ca_file, "--ca-file")).resolve())
        if not Path(ca_file).is_file():
            raise ValidationError(f"The CA file {args.ca_file} is not a file.")
    _check_own(args.me)
    remember = args.remember and secrets.from_environment() is None
    if remember:
        secrets.require_keyring()  # before the password is typed, not after
    password, typed = _imap_password(server, user, ask=remember)
    folders = tuple(f.strip() for f in args.folders if f.strip())

    def scan():
        with write():
            source = sources.add_source("imap", sources.imap_location(server, user), folders=folders, ca_file=ca_file)
        outcome, _changes = runner.scan_source(source.id, password=password, clock=_clock())
        return sources.get_source(source.id), outcome

    source, outcome = _scanned(args, scan)
    _print_scan(args, source, outcome)
    if typed and remember:  # the server took it: keep it (a keyring that refuses is one line after the summary)
        secrets.remember(server, user, password)
        if not args.json:
            print("The password is in the keyring.")
    elif args.remember and not args.json:
        print(f"The password comes from {secrets.ENV} and was not stored.")
    return 0


def _scan_list(args) -> int:
    from journal.services.scan.sources import list_sources

    with _opened(args, read_only=True):  # reading changes nothing to save
        found = list_sources()
    if args.json:
        print(json.dumps([s.to_json() for s in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"Nothing is scanned yet. Add a source with `{PROG} scan calendar FILE`, `scan mail PATH` or `scan imap`.")
        return 0
    for s in found:
        cells = [f"{s.id:>4}", "on " if s.enabled else "off", s.title]
        if s.folders:
            cells.append("folders " + ", ".join(s.folders))
        cells.append(f"{_plural(s.people, 'person', 'people')}, {_plural(s.meetings, 'meeting')}")
        cells.append(f"last scan {s.last_scan_at.isoformat(sep=' ', timespec='minutes')}" if s.last_scan_at else "never scanned")
        if s.last_error:
            cells.append(f"error: {s.last_error}")
        print("  ".join(cells))
    return 0


def _source_password(source) -> str | None:
    """A source's password for a rescan, never asked for: an IMAP account's from
    CONTACT_JOURNAL_IMAP_PASSWORD or the keyring, the sync server's from the sync account's."""
    from journal.errors import ValidationError

    if source.kind == "imap":
        from journal.services.scan import secrets

        return secrets.source_password(source.location)
    if source.kind == "caldav":
        from journal.services.sync import secrets
        from journal.services.sync.account import get_account

        info = get_account()
        if info is None:
            raise ValidationError("There is no sync account to read the calendars from.")
        return secrets.password(info.url, info.user)
    return None


def _scan_rescan(args) -> int:
    from journal.services.scan import runner
    from journal.services.scan.sources import get_source

    with _opened(args):
        results = runner.scan_enabled(passwords=_source_password, clock=_clock())
        results = [(get_source(source.id), outcome, error) for source, outcome, error in results]
    if args.json:
        empty = dict.fromkeys(("messages", "exchanges", "meetings", "hints", "people"))
        print(json.dumps([
            {"source": source.to_json(), **(outcome.to_json() if outcome else {**empty, "skipped": []}),
             "error": error or None}
            for source, outcome, error in results
        ], ensure_ascii=False, indent=2))
    elif not results:
        print("No source is turned on; nothing was scanned.")
    for source, outcome, error in results:
        if error:
            print(f"{PROG}: {source.title}: {' '.join(error.split())}", file=sys.stderr)
        elif not args.json:
            print(f"{source.title}: {_scan_summary(source, outcome)}")
            for reason in outcome.skipped:
                print(f"  left out: {reason}")
    return 1 if any(error for _s, _o, error in results) else 0


def _changed_source(args, change) -> tuple:
    """`change(source)` -> people it concerned, in one write with the source checked first;
    the window hears of it as a scan."""
    from journal.errors import ValidationError
    from journal.services.changes import Changes, notify
    from journal.services.scan.sources import get_source
    from journal.services.transaction import write

    with _opened(args):
        with write():
            try:
                source = get_source(args.source_id)
            except ValidationError:
                raise ValidationError(f"There is no source {args.source_id}; `{PROG} scan list` shows them.") from None
            people = change(source)
        notify(Changes(person_ids=frozenset(people or ()), scanned=True))
    return source, people


def _scan_on(args) -> int:
    from journal.services.scan.sources import set_enabled

    source, _ = _changed_source(args, lambda s: set_enabled(s.id, True))
    print(f"Turned on {source.title}; `{PROG} scan rescan` reads it.")
    return 0


def _scan_off(args) -> int:
    from journal.services.scan.sources import set_enabled

    source, _ = _changed_source(args, lambda s: set_enabled(s.id, False))
    print(f"Turned off {source.title}; what it gave is kept (`{PROG} scan forget {source.id}` removes it).")
    return 0


def _scan_forget(args) -> int:
    from journal.services.changes import Changes, notify
    from journal.services.scan.sources import forget
    from journal.services.transaction import write

    if args.source_id is not None:
        source, people = _changed_source(args, lambda s: forget(s.id))
        where = f"from {source.title}"
    else:
        with _opened(args):
            with write():
                people = forget()
            notify(Changes(person_ids=frozenset(people), scanned=True))
        where = "from every source"
    print(f"Forgot what was scanned {where} ({_plural(len(people), 'person', 'people')} concerned); "
          "what you dismissed stays dismissed.")
    return 0


def _scan_remove(args) -> int:
    from journal.services.scan import secrets
    from journal.services.scan.sources import remove_source

    source, _ = _changed_source(args, lambda s: remove_source(s.id))
    if source.kind == "imap":
        secrets.forget(*secrets.split_location(source.location))
    print(f"Removed {source.title} and what was scanned from it.")
    return 0


def cmd_suggestions(args) -> int:
    from journal.services.scan import suggestions

    if args.suggestion_verb == "dismiss":
        return _dismiss_suggestion(args)
    with _opened(args, read_only=True):  # reading changes nothing to save
        found = suggestions.suggestions(clock=_clock())
    if args.json:
        print(json.dumps([s.to_json() for s in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("No suggestions: nothing scanned asks to be logged.")
        return 0
    for s in found:
        print(f"{s.key}  {s.date.isoformat()}  {s.title}")
    return 0


def _dismiss_suggestion(args) -> int:
    from journal.services import operations
    from journal.services.scan import suggestions

    clock = _clock()
    with _opened(args):
        found = suggestions.get_suggestion(args.key.strip(), clock=clock)
        operations.run(suggestions.dismiss, found.key, clock=clock, label="Dismiss suggestion")
    print(f"Dismissed {found.key}: {found.title}")
    return 0


VERBS = {
    "import": cmd_import,
    "export": cmd_export,
    "log": cmd_log,
    "agenda": cmd_agenda,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "search": cmd_search,
    "people": cmd_people,
    "insights": cmd_insights,
    "account": cmd_account,
    "sync": cmd_sync,
    "scan": cmd_scan,
    "suggestions": cmd_suggestions,
    "encrypt": cmd_encrypt,
    "decrypt": cmd_decrypt,
    "passphrase": cmd_passphrase,
}
