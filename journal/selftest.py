"""`contact-journal --self-test`: check that this installation works, without touching the user's
journal or settings. Used on the frozen binary in CI and by users after installing.

It starts Qt offscreen (unless a platform is set), opens a throwaway encrypted journal with its
key and not with another, opens a throwaway journal, logs a conversation with an offered
introduction and reads it back from the reopened file, searches for it, loads every bundled icon
and translation, and creates the calendar view and the About dialog. One line per check; exit status 0 only if every check passes.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

# A word nobody writes, so the search check finds exactly the conversation it logged.
MARKER = "selftestquokka"
CALENDAR_VIEWS = ("journal.ui.calendar.calendar_view:CalendarView",)
# The offscreen platform says this on every show(); it is not a problem with the installation.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")
REQUIRED_RESOURCES = ("icons/contact-journal.svg", "icons/png/contact-journal-48.png", "contact-journal.desktop")


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name}: {self.detail}"


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class SelfTest:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.journal = workdir / "self-test.sqlite3"
        self.conversation_id: int | None = None
        self.database = None
        self.context = None
        self.widgets: list = []

    # --- checks, in order; each returns what it found or raises -------------------------------

    def runtime(self) -> str:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        from journal import __version__

        frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
        return f"Contact Journal {__version__} ({frozen}), Python {sys.version.split()[0]}, Qt {qVersion()}, PySide6 {pyside}"

    def platform(self) -> str:
        from journal.app import create_application

        app = create_application()
        name = app.platformName()
        _expect(bool(name), "Qt started without a platform plugin")
        return f"QApplication on the {name!r} platform"

    def resources(self) -> str:
        from journal.paths import resources_dir

        root = resources_dir()
        _expect(root.is_dir(), f"{root} is missing")
        missing = [name for name in REQUIRED_RESOURCES if not (root / name).is_file()]
        _expect(not missing, f"missing in {root}: {', '.join(missing)}")
        return str(root)

    def sqlite(self) -> str:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        except sqlite3.OperationalError as exc:
            raise CheckFailed(f"SQLite {sqlite3.sqlite_version} lacks FTS5: {exc}") from exc
        finally:
            connection.close()
        return f"SQLite {sqlite3.sqlite_version} with FTS5"

    def encryption(self) -> str:
        """SQLCipher is there and works: a throwaway encrypted journal (with a full-text index)
        opens with its key, not with another, and its bytes hide what it holds. Made with the
        driver directly, so the self-test's own journal stays bound to the models."""
        import time

        from journal.store import cipher

        if not cipher.available():
            raise CheckFailed(f"SQLCipher is missing: {cipher.EXTRA_HINT}")
        path = self.workdir / "encrypted.sqlite3"
        started = time.perf_counter()
        key = cipher.new_key("self-test passphrase")
        derivation = time.perf_counter() - started
        connection = cipher.driver().connect(str(path))
        try:
            cipher.apply_key(connection, key)
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
            connection.execute("INSERT INTO probe(body) VALUES (?)", (f"an encrypted {MARKER}",))
            connection.commit()
        finally:
            connection.close()
        _expect(cipher.is_encrypted(path), "the encrypted journal starts with SQLite's plain header")
        _expect(MARKER.encode() not in path.read_bytes(), "the encrypted journal holds its text in the clear")
        _expect(cipher.check(path, cipher.key_for(path, "self-test passphrase")), "the key does not open the journal it made")
        _expect(not cipher.check(path, cipher.key_for(path, "another passphrase")), "another passphrase opens the journal")
        reader = cipher.connect_read_only(path, key)
        try:
            found = reader.execute("SELECT count(*) FROM probe WHERE probe MATCH ?", (MARKER,)).fetchone()[0]
            version = reader.execute("PRAGMA cipher_version").fetchone()[0]
        finally:
            reader.close()
        _expect(found == 1, f"full-text search in the encrypted journal found {found} rows")
        return f"SQLCipher {version} with FTS5, key derivation {derivation:.2f} s ({cipher.KDF_ITER:,} iterations)"

    def journal_round_trip(self) -> str:
        from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
        from journal.services.upkeep.maintenance import open_session

        today = dt.date.today()
        self.database = open_session(self.journal, auto_backup=False)
        result = log_conversation(
            [PersonRef.named("Ada Lovelace")],
            channel="call",
            summary=f"Coffee about analytical engines {MARKER}",
            offers=[OfferDraft(PersonRef.named("Charles Babbage"), notes="knows the engine")],
            next_steps=[StepDraft("Send Ada the notes", today + dt.timedelta(days=2))],
        )
        _expect(len(result.introduction_ids) == 1, f"expected one offered introduction, got {result.introduction_ids}")
        self.conversation_id = result.conversation_id
        # Read back from the file, not from anything cached: close and reopen it.
        self.database.close()
        self.database = open_session(self.journal, auto_backup=False)
        return self._read_back(result.introduction_ids[0])

    def _read_back(self, intro_id: int) -> str:
        from journal.services.agenda.items import agenda
        from journal.services.pipeline.introductions import cards
        from journal.store.models import Conversation, Participant, Person

        conversation = Conversation.get_or_none(Conversation.id == self.conversation_id)
        _expect(conversation is not None, f"conversation {self.conversation_id} is gone after reopening")
        _expect(MARKER in conversation.summary, f"the summary came back as {conversation.summary!r}")
        names = [p.name for p in Person.select().join(Participant).where(Participant.conversation == conversation.id)]
        _expect(names == ["Ada Lovelace"], f"participants came back as {names}")
        found = [c for c in cards() if c.id == intro_id]
        _expect(bool(found), f"introduction {intro_id} is not among the pipeline's cards")
        card = found[0]
        _expect((card.introducer, card.target) == ("Ada Lovelace", "Charles Babbage"), f"the offer came back as {card}")
        steps = [item.title for item in agenda(7)]
        _expect("Send Ada the notes" in steps, f"the next step is not on the agenda: {steps}")
        return f"logged conversation {conversation.id}, read back with the offer {card.introducer} -> {card.target} ({card.stage.value}) and its next step"

    def search(self) -> str:
        if importlib.util.find_spec("journal.services.search") is None:
            return "not available in this version"
        _expect(self.conversation_id is not None, "no conversation was logged to search for")
        module = importlib.import_module("journal.services.search")
        results = module.search(MARKER)
        hits = [r for group in results.values() for r in group] if isinstance(results, dict) else list(results)
        ids = [(r.kind, r.id) for r in hits]
        _expect(("conversation", self.conversation_id) in ids, f"searching {MARKER!r} found {ids}, not the conversation")
        return f"full-text search finds the conversation ({len(hits)} hit)"

    def icons(self) -> str:
        from PySide6.QtGui import QIcon

        from journal.ui.icons import BUNDLED, TRAY_STYLES, bundled_icon, svg_path, tray_icon

        for name, sizes in BUNDLED.items():
            icon = bundled_icon(name)
            _expect(not icon.isNull(), f"icon {name} did not load")
            for size in (sizes[0], sizes[-1]):
                _expect(not icon.pixmap(size, size).isNull(), f"icon {name} has no {size}px image")
        for due in (False, True):
            for style in TRAY_STYLES:
                _expect(not tray_icon(due, style).pixmap(22, 22).isNull(), f"tray icon due={due} style={style} is empty")
        svg = QIcon(str(svg_path("contact-journal")))
        _expect(not svg.pixmap(64, 64).isNull(), "the SVG icon engine is missing (the SVG app icon does not render)")
        sources = sorted(svg_path("contact-journal").parent.glob("*.svg"))
        broken = [p.name for p in sources if QIcon(str(p)).pixmap(32, 32).isNull()]
        _expect(not broken, f"these SVG icons do not render: {', '.join(broken)}")
        return f"{len(BUNDLED)} icons in every size, {len(TRAY_STYLES) * 2} tray variants, {len(sources)} SVG sources"

    def translations(self) -> str:
        from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

        from journal.ui.i18n import CATALOGUE, available_locales, translations_dir

        locales = available_locales()
        _expect(bool(locales), f"no compiled catalogues in {translations_dir()}")
        for locale in locales:
            translator = QTranslator()
            _expect(translator.load(f"{CATALOGUE}_{locale}", str(translations_dir())), f"{CATALOGUE}_{locale}.qm does not load")
            _expect(not translator.isEmpty(), f"{CATALOGUE}_{locale}.qm is empty")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _expect(QTranslator().load(QLocale("de"), "qtbase", "_", qt_dir), f"Qt's own translations are missing from {qt_dir}")
        return f"app catalogues {', '.join(locales)} and Qt's own"

    def _context(self):
        if self.context is None:
            from PySide6.QtCore import QSettings

            from journal.ui.context import AppContext

            settings = QSettings(str(self.workdir / "settings.ini"), QSettings.Format.IniFormat)
            self.context = AppContext(journal_path=self.journal, settings=settings)
        return self.context

    def calendar(self) -> str:
        _expect(self.database is not None, "no journal is open to show")
        widget = None
        for dotted in CALENDAR_VIEWS:
            module_name, _, class_name = dotted.partition(":")
            if importlib.util.find_spec(module_name) is not None:
                widget = getattr(importlib.import_module(module_name), class_name)(self._context())
                break
        if widget is None:
            from PySide6.QtWidgets import QCalendarWidget

            widget = QCalendarWidget()
        self.widgets.append(widget)
        widget.resize(900, 600)
        widget.show()
        image = widget.grab()
        _expect(not image.isNull() and image.width() > 0, f"{type(widget).__name__} drew nothing")
        return f"{type(widget).__name__} shown and drawn ({image.width()}x{image.height()})"

    def about(self) -> str:
        from journal import __version__
        from journal.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.journal, open_url=lambda url: True)
        self.widgets.append(dialog)
        _expect(dialog.open_folder(), "the About dialog could not open the journal's folder")
        _expect(__version__ in dialog.details(), "the About dialog does not show the version")
        return "About dialog built"

    def sync(self) -> str:
        """The sync's parts load: its codecs write and read back a card and a task, the HTTP
        client has its CA bundle, and keyring answers (with a backend, or that there is none)."""
        import keyring
        import requests.certs

        from journal.interop.sync_calendar import CalendarFields, read_item, write_item
        from journal.interop.sync_cards import CardFields, read_card, write_card
        from journal.services.sync.webdav import DavClient

        card = read_card(write_card(CardFields("self-test-uid", {"name": "Ada Lovelace", "notes": MARKER})))
        _expect(card.values.get("name") == "Ada Lovelace" and card.values.get("notes") == MARKER,
                f"a card came back as {card.values}")
        now = dt.datetime(2026, 1, 2, 3, 4, 5)
        task = read_item(write_item(CalendarFields("self-test-task", "step", {"text": "Send Ada the notes", "due": "2026-01-09"}), now=now))
        _expect(task.values.get("text") == "Send Ada the notes", f"a task came back as {task.values}")
        _expect(Path(requests.certs.where()).is_file(), f"the CA bundle is missing ({requests.certs.where()})")
        DavClient("https://dav.example.com/", "ada", "secret").close()
        backend = type(keyring.get_keyring()).__module__
        return f"card and task round trip, CA bundle present, keyring backend {backend}"

    def scan(self) -> str:
        """Reading contact seen elsewhere loads: a mail header block parses, and a weekly meeting
        in a Microsoft time zone expands (icalendar, recurring-ical-events and the zone data)."""
        from journal.interop.mail_headers import parse_headers
        from journal.interop.meetings import read_meetings
        from journal.services.scan.imap import ImapReader  # noqa: F401 - imaplib and ssl load

        headers = parse_headers(b"From: =?utf-8?q?Ad=C3=A0?= <ada@example.org>\r\nTo: me@example.com\r\n"
                                b"Date: Tue, 24 Nov 2026 10:00:00 +0100\r\n\r\nbody")
        _expect(headers is not None and headers.sender == ("ada@example.org",), f"a header block came back as {headers}")
        calendar = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:self-test\r\nDTSTAMP:20261101T000000Z\r\n"
            "DTSTART;TZID=W. Europe Standard Time:20261102T090000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
            "SUMMARY:Coffee\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        meetings = read_meetings(calendar, start=dt.datetime(2026, 11, 1), end=dt.datetime(2026, 12, 31))
        _expect(len(meetings) == 4 and not meetings.skipped, f"a weekly meeting gave {len(meetings)} ({meetings.skipped})")
        return f"mail headers parsed, a weekly meeting expanded ({len(meetings)} occurrences)"

    def insights(self) -> str:
        """The Insights graph lays out in the installed app: networkx's spring layout, with numpy,
        on a chain A -> B -> C and a pair."""
        from journal.domain.pipeline import Stage
        from journal.services.insights.graph import Edge, Graph, Node, layout

        nodes = [Node(n, name) for n, name in enumerate(("Ada", "Bea", "Cy", "Di", "Ed"), start=1)]
        edges = [Edge(1, 1, 2, Stage.MET), Edge(2, 2, 3, Stage.OFFERED), Edge(3, 4, 5, Stage.THANKED)]
        positions = layout(Graph(nodes, edges))
        _expect(set(positions) == {1, 2, 3, 4, 5}, f"the layout placed {sorted(positions)}")
        _expect(len(set(positions.values())) == 5, "the layout put two people on one spot")
        return f"the introductions graph laid out ({len(positions)} people)"

    def close(self) -> None:
        for widget in self.widgets:
            widget.close()
            widget.deleteLater()
        if self.context is not None:
            self.context.signals.detach()
        if self.database is not None and not self.database.is_closed():
            self.database.close()

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("runtime", self.runtime),
            ("platform", self.platform),
            ("resources", self.resources),
            ("sqlite", self.sqlite),
            ("encryption", self.encryption),
            ("journal", self.journal_round_trip),
            ("search", self.search),
            ("sync", self.sync),
            ("scan", self.scan),
            ("insights", self.insights),
            ("icons", self.icons),
            ("translations", self.translations),
            ("calendar", self.calendar),
            ("about", self.about),
        ]


def _quiet_offscreen_noise() -> Callable[[], None]:
    """Drop the offscreen platform's known chatter; every other Qt message still reaches stderr
    (or the handler installed before). Returns a function that puts that handler back."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message: str) -> None:
        if message.startswith(OFFSCREEN_NOISE):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    return lambda: qInstallMessageHandler(previous)


def run_self_test(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    restore_handler = _quiet_offscreen_noise() if os.environ["QT_QPA_PLATFORM"] == "offscreen" else None
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="contact-journal-self-test-") as tmp:
        test = SelfTest(Path(tmp))
        try:
            for name, check in test.checks():
                try:
                    outcome = Outcome(name, True, check())
                except Exception as exc:  # a self-test reports every failure and goes on
                    detail = str(exc) if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {exc}"
                    outcome = Outcome(name, False, detail)
                outcomes.append(outcome)
                print(outcome.line(), file=out, flush=True)
        finally:
            test.close()
            if restore_handler is not None:
                restore_handler()
    failed = [o.name for o in outcomes if not o.ok]
    if failed:
        print(f"self-test FAILED: {', '.join(failed)} ({len(failed)} of {len(outcomes)} checks)", file=out)
        return 1
    print(f"self-test passed: {len(outcomes)} checks", file=out)
    return 0
