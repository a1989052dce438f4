"""Make the README screenshots from the demo journal, offscreen.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]

One PNG per view the window has (taken from its sidebar, so new views are picked up without
changing this script; placeholders for views not in the build are skipped) plus the Log
conversation dialog. A view that defines `prepare_for_screenshot()` is given the chance to select
something telling before it is taken. Time is fixed so the pictures do not change from run to run, and nothing
touches the user's data folder or settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A Wednesday morning: the demo journal is built relative to it.
SHOT_TIME = dt.datetime(2026, 3, 11, 9, 30)
WINDOW_SIZE = (1180, 740)


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def isolate(home: Path) -> None:
    """Everything the app writes goes under `home` (a temporary folder)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CONTACT_JOURNAL_DATA_DIR"] = str(home / "data")
    os.environ.pop("CONTACT_JOURNAL_DB", None)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "share")


def settle(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot_views(app, window, out: Path) -> list[Path]:
    saved = []
    for row in range(window.sidebar.count()):
        widget = window.stack.widget(row)
        if getattr(widget, "is_placeholder", False):
            continue
        title = window.sidebar.item(row).text()
        window.sidebar.setCurrentRow(row)
        settle(app)
        # A view may put itself in a telling state first (select a row, open a detail pane).
        prepare = getattr(widget, "prepare_for_screenshot", None)
        if callable(prepare):
            prepare()
            settle(app)
        target = out / f"{slug(title)}.png"
        window.grab().save(str(target))
        saved.append(target)
    return saved


def shoot_log_dialog(app, window, out: Path) -> Path:
    """The dialog as it looks mid-way through "one person, one offer, one next step"."""
    from journal.services.people.lookup import suggest
    from journal.ui.dialogs.log_dialog import LogDialog

    known = suggest("Dana", 1)
    dialog = LogDialog(window.context, window, people=[(known[0].id, known[0].name)] if known else [])
    dialog.channel.setCurrentText("video")
    dialog.summary.setText("Catch-up about the platform team")
    dialog.notes.setPlainText("She is hiring a staff engineer in Q3; wants someone who has run on-call.")
    row = dialog.offers.rows[0]
    row.target.setText("her former co-founder, now CTO at a climate startup")
    row.description.setChecked(True)
    dialog.steps.rows[0].text.setText("Send Dana the write-up on the ingestion redesign")
    dialog.steps.rows[0].due.buttons[0].click()
    dialog.show()
    settle(app)
    dialog.adjustSize()
    settle(app)
    target = out / "log-conversation.png"
    dialog.grab().save(str(target))
    dialog.done(0)
    return target


def shoot_people_over_time(app, window, out: Path) -> list[Path]:
    """Today's dates that matter and reasons to reconnect, and a person pane with a career."""
    from journal.services.agenda.today import Group
    from journal.store.models import Person

    saved = []
    window.show_view("today")
    settle(app)
    today = window.stack.currentWidget()
    model = today.table.model()
    last = max(row for row in range(model.rowCount()) if model.group_of_row(row) is Group.RECONNECT)
    today.table.selectRow(last)
    today.table.scrollTo(model.index(last, 0))
    settle(app)
    target = out / "today-dates.png"
    window.grab().save(str(target))
    saved.append(target)

    marcus = Person.get(Person.name == "Marcus Oyelaran")
    window.show_view("people")
    settle(app)
    people = window.stack.currentWidget()
    people.select_person(marcus.id)
    settle(app)
    editor = people.editor
    editor.scroll.ensureWidgetVisible(editor.career_section)
    settle(app)
    target = out / "person-career.png"
    window.grab().save(str(target))
    saved.append(target)
    return saved


def shoot_sync(app, window, context, out: Path) -> list[Path]:
    """Preferences > Accounts with an account being added, and the sync conflicts list (two
    conflicts written into the demo journal as a sync would keep them)."""
    from journal.store.models import Person, SyncConflict
    from journal.ui.dialogs.preferences import PreferencesDialog
    from journal.ui.sync.accounts_page import AccountsPage
    from journal.ui.sync.conflicts_dialog import ConflictsDialog

    saved = []
    accounts = AccountsPage(context.clock)
    dialog = PreferencesDialog(window.preferences if hasattr(window, "preferences") else _preferences(context),
                               pages=(("Accou&nts", accounts),), parent=window)
    dialog.tabs.setCurrentWidget(accounts)
    accounts.url.setText("https://dav.example.com/")
    accounts.user.setText("dana")
    accounts.password.setText("correct horse battery staple")
    dialog.resize(620, 560)
    dialog.show()
    settle(app)
    target = out / "sync-accounts.png"
    dialog.grab().save(str(target))
    saved.append(target)
    dialog.close()

    for name, field, kept, other, side in (
        ("Dana Whitfield", "notes", "Moving to Lisbon in April, not March.", "Moving to Lisbon in March.", "server"),
        ("Marcus Oyelaran", "role", "Principal Engineer", "Staff Engineer", "journal"),
    ):
        person = Person.get(Person.name == name)
        SyncConflict.create(kind="person", local_id=person.id, uid=f"shot-{person.id}", title=name, field=field,
                            kept=kept, other=other, kept_side=side, at=context.clock.now())
    conflicts = ConflictsDialog(context, window)
    conflicts.resize(900, 320)
    conflicts.show()
    settle(app)
    target = out / "sync-conflicts.png"
    conflicts.grab().save(str(target))
    saved.append(target)
    conflicts.close()
    return saved


def shoot_contact_seen(app, window, context, out: Path) -> list[Path]:
    """What the demo's scanned calendar and inbox give: Today's suggestions, a meeting in the
    Calendar, a person pane with last e-mailed and the next meeting, and Preferences > Mail &
    calendars."""
    from journal.services.agenda.today import Group
    from journal.services.scan.suggestions import upcoming
    from journal.ui.dialogs.preferences import PreferencesDialog
    from journal.ui.scan.sources_page import SourcesPage

    saved = []
    window.show_view("today")
    settle(app)
    today = window.stack.currentWidget()
    model = today.table.model()
    first = min(row for row in range(model.rowCount()) if model.group_of_row(row) is Group.SUGGESTIONS)
    today.table.setFocus()
    today.table.setCurrentIndex(model.index(first + 1, 0))
    today.table.scrollToBottom()
    settle(app)
    target = out / "today-suggestions.png"
    window.grab().save(str(target))
    saved.append(target)

    now = context.clock.now()
    ahead = upcoming(now, now + dt.timedelta(days=14))
    lunch = next(m for m in ahead if len(m.people) > 1)
    window.show_view("calendar")
    settle(app)
    calendar = window.stack.currentWidget()
    calendar.show_date(lunch.start.date())
    settle(app)
    target = out / "calendar-meetings.png"
    window.grab().save(str(target))
    saved.append(target)

    window.show_view("people")
    settle(app)
    people = window.stack.currentWidget()
    people.select_person(lunch.person_ids[0])
    settle(app)
    target = out / "person-contact-seen.png"
    window.grab().save(str(target))
    saved.append(target)

    sources = SourcesPage(context)
    dialog = PreferencesDialog(_preferences(context), pages=(("Ma&il && calendars", sources),), parent=window)
    dialog.tabs.setCurrentWidget(sources)
    dialog.resize(660, 560)
    dialog.show()
    settle(app)
    target = out / "preferences-mail-calendars.png"
    dialog.grab().save(str(target))
    saved.append(target)
    dialog.close()
    return saved


def shoot_insights(app, window, out: Path) -> list[Path]:
    """Each of Insights' tabs over the demo journal: the graph laid out with a person found, the
    funnel on its "asked" row, the introducers, losing touch and the activity by week."""
    from journal.domain.pipeline import Stage

    saved = []
    window.show_view("insights")
    settle(app)
    view = window.stack.currentWidget()
    view.set_period("365")
    view.settle()
    for page, name in (
        (view.graph_page, "insights-graph"), (view.funnel_page, "insights-funnel"),
        (view.introducers_page, "insights-introducers"), (view.losing_page, "insights-losing-touch"),
        (view.activity_page, "insights-activity"),
    ):
        view.show_tab(page)
        view.settle()
        settle(app)
        if page is view.graph_page:
            page.search.setText("Priya")
            page.view.setFocus()
            page.view.fit()
            settle(app)
        elif page is view.funnel_page:
            page.chart.set_current("reached", Stage.ASKED)
        settle(app)
        target = out / f"{name}.png"
        window.grab().save(str(target))
        saved.append(target)
    view.graph_page.search.clear()
    return saved


def _preferences(context):
    from journal.desktop.preferences import Preferences

    return Preferences(context.settings)


def shoot_privacy(app, home: Path, clock, out: Path) -> list[Path]:
    """An encrypted copy of the demo journal in a window of its own: Preferences > Privacy, and
    the window locked (the tray's reminders saying only how many items are due)."""
    from PySide6.QtCore import QSettings

    from journal.app import build_main_window
    from journal.desktop.lock import JournalAccess, unlock
    from journal.services.upkeep.demo import create_demo_journal
    from journal.services.upkeep.maintenance import open_session
    from journal.store import encryption
    from journal.ui.context import AppContext
    from journal.ui.tray.integration import install_desktop

    folder = home / "encrypted"
    folder.mkdir()
    path, database = create_demo_journal(folder, clock=clock)
    database.close()
    encryption.encrypt(path, "correct horse battery staple")
    database = open_session(path, key=unlock(path, "correct horse battery staple"), auto_backup=False)
    settings = QSettings(str(home / "encrypted.ini"), QSettings.Format.IniFormat)
    window = build_main_window(AppContext(journal_path=path, settings=settings, clock=clock))
    window.setWindowTitle("Contact Journal — demo journal")
    window.resize(*WINDOW_SIZE)
    desktop = install_desktop(window, access=JournalAccess(path, database), tray_available=False)
    window.show()
    desktop.start()
    settle(app)
    saved = []
    try:
        desktop.preferences.lock_idle_minutes = 10
        desktop.lock.configure()
        dialog = desktop.open_preferences(page="privacy")
        settle(app, 20)
        dialog.privacy._keyring_task.wait()
        settle(app)
        target = out / "privacy.png"
        dialog.grab().save(str(target))
        saved.append(target)
        dialog.reject()
        desktop.lock.lock("idle")
        desktop.window_lock.show_due(3)
        settle(app)
        target = out / "locked.png"
        window.grab().save(str(target))
        saved.append(target)
        desktop.lock.unlock()
    finally:
        desktop.stop()
        window.close()
        database.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="cj-shots-") as tmp:
        home = Path(tmp)
        isolate(home)
        from PySide6.QtCore import QSettings

        from journal.app import build_main_window, create_application
        from journal.clock import FixedClock
        from journal.services.upkeep.demo import create_demo_journal
        from journal.ui.context import AppContext

        app = create_application()
        clock = FixedClock(SHOT_TIME)
        path, database = create_demo_journal(home, clock=clock)
        settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
        context = AppContext(journal_path=path, settings=settings, clock=clock)
        window = build_main_window(context)
        window.setWindowTitle("Contact Journal — demo journal")
        window.resize(*WINDOW_SIZE)
        window.show()
        settle(app)
        try:
            saved = shoot_views(app, window, out)
            saved.extend(shoot_people_over_time(app, window, out))
            saved.extend(shoot_sync(app, window, context, out))
            saved.extend(shoot_contact_seen(app, window, context, out))
            saved.extend(shoot_insights(app, window, out))
            window.show_view(window.current_key() or "today")
            saved.append(shoot_log_dialog(app, window, out))
        finally:
            window.close()
            context.signals.detach()
            database.close()
        saved.extend(shoot_privacy(app, home, clock, out))
    for target in saved:
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
