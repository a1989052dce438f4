"""Run by test_tray_desktop.py under a real X server: start the app's window, tray and
reminders on a fresh journal with one step falling due a few seconds from now, and print what
happened as one JSON line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

DUE_IN_SECONDS = 3
TRAY_WAIT_MS = 10_000
GIVE_UP_MS = 30_000


def main(journal: Path) -> int:
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QSystemTrayIcon

    from journal.app import build_main_window, create_application
    from journal.clock import SYSTEM_CLOCK
    from journal.services.agenda import next_steps
    from journal.services.upkeep.maintenance import open_session
    from journal.ui.context import AppContext
    from journal.ui.tray.integration import install_desktop

    app = create_application([sys.argv[0]])
    database = open_session(journal, auto_backup=False)
    report: dict = {"platform": app.platformName(), "available": False, "fired": []}

    def finish() -> None:
        report.setdefault("icon_visible", False)
        print(json.dumps(report), flush=True)
        app.quit()

    def start() -> None:
        report["available"] = QSystemTrayIcon.isSystemTrayAvailable()
        due = SYSTEM_CLOCK.now() + dt.timedelta(seconds=DUE_IN_SECONDS)
        next_steps.add("Call Omar back", due=due.date(), due_time=due.time())
        window = build_main_window(AppContext(journal_path=journal, settings=QSettings()))
        desktop = install_desktop(window)
        report["tray_used"] = desktop.tray.available

        def fired(items) -> None:
            report["fired"] = [i.title for i in items]
            report["icon_visible"] = desktop.tray.icon.isVisible()
            report["tooltip"] = desktop.tray.icon.toolTip()
            geometry = desktop.tray.icon.geometry()
            report["docked_size"] = [geometry.width(), geometry.height()]
            QTimer.singleShot(200, finish)

        desktop.scheduler.due.connect(fired)
        desktop.start(minimized=True)
        report["armed_for"] = str(desktop.scheduler.target)

    waited = QElapsedTimer()
    waited.start()

    def wait_for_tray() -> None:
        if QSystemTrayIcon.isSystemTrayAvailable() or waited.elapsed() > TRAY_WAIT_MS:
            start()
        else:
            QTimer.singleShot(100, wait_for_tray)

    QTimer.singleShot(0, wait_for_tray)
    QTimer.singleShot(GIVE_UP_MS, finish)
    try:
        return app.exec()
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
