"""What a scan says in the status bar: its progress while it runs ("Reading INBOX on
mail.example.com…"), what it found when it ends ("E-mail with 12 people, 3 meetings"), and a
small button that stays while a source cannot be read, its reason in the tooltip. Nothing pops
up; clicking the button opens Preferences > Mail & calendars, where each source's error shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from journal.desktop.scan_worker import CALENDAR_KINDS, MAIL_KINDS, ScanReport, ScanState

MAX_REASON = 60  # characters of an error shown in the status bar; the tooltip has all of it


def _short(text: str, limit: int = MAX_REASON) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def people_count(count: int) -> str:
    return QCoreApplication.translate("ScanStatus", "1 person") if count == 1 else QCoreApplication.translate("ScanStatus", "{count} people").format(count=count)


def meeting_count(count: int) -> str:
    return QCoreApplication.translate("ScanStatus", "1 meeting") if count == 1 else QCoreApplication.translate("ScanStatus", "{count} meetings").format(count=count)


def progress_text(line: str) -> str:
    """A progress line from the scan as the status bar shows it."""
    return QCoreApplication.translate("ScanStatus", "{what}…").format(what=line.rstrip(".…")) if line else QCoreApplication.translate("ScanStatus", "Scanning mail and calendars…")


def summary_text(report: ScanReport) -> str:
    """One line for a scan that ended: what it found, and which sources failed (why is in the
    status bar button's tooltip and beside the source in Preferences)."""
    if not report.results:
        return QCoreApplication.translate("ScanStatus", "Nothing to scan: add a calendar or a mailbox in Preferences > Mail & calendars.")
    read = [r for r in report.results if not r.error]
    parts = []
    if any(r.kind in MAIL_KINDS for r in read):
        people = report.mail_people
        parts.append(QCoreApplication.translate("ScanStatus", "E-mail with {people}").format(people=people_count(people)) if people
                     else QCoreApplication.translate("ScanStatus", "No new e-mail with people in the journal"))
    if any(r.kind in CALENDAR_KINDS for r in read):
        parts.append(meeting_count(report.meetings))
    text = ", ".join(parts)
    failures = report.failures
    if len(failures) == 1:
        failed = QCoreApplication.translate("ScanStatus", "{source} could not be read").format(source=failures[0].name or failures[0].title)
        text = f"{text} · {failed}" if text else failed
    elif failures:
        failed = QCoreApplication.translate("ScanStatus", "{count} sources could not be read").format(count=len(failures))
        text = f"{text} · {failed}" if text else failed
    return text


def button_text(state: ScanState) -> str:
    """The status bar button's words ("" when there is nothing to say)."""
    if state.scanning:
        return QCoreApplication.translate("ScanStatus", "Scanning…")
    if state.error:
        return QCoreApplication.translate("ScanStatus", "Scan error: {reason}").format(reason=_short(state.error))
    failures = state.last.failures if state.last is not None else ()
    if len(failures) == 1:
        return QCoreApplication.translate("ScanStatus", "Scan: {source} could not be read").format(source=_short(failures[0].name or failures[0].title, 40))
    if failures:
        return QCoreApplication.translate("ScanStatus", "Scan: {count} sources could not be read").format(count=len(failures))
    return ""


def details_text(state: ScanState) -> str:
    """The tooltip: every failing source with its reason in full, and what clicking does."""
    lines = []
    if state.scanning:
        lines.append(QCoreApplication.translate("ScanStatus", "Scanning mail and calendars…"))
        if state.progress:
            lines.append(state.progress)
    if state.error:
        lines.append(QCoreApplication.translate("ScanStatus", "The scan could not run: {reason}").format(reason=state.error))
    for failure in state.last.failures if state.last is not None else ():
        lines.append(QCoreApplication.translate("ScanStatus", "{source}: {reason}").format(source=failure.title, reason=failure.error))
    if state.last is not None and state.last.finished_at is not None:
        lines.append(QCoreApplication.translate("ScanStatus", "Last scan {when}.").format(when=state.last.finished_at.strftime("%H:%M")))
    lines.append(QCoreApplication.translate("ScanStatus", "Click to see the sources (Preferences > Mail & calendars)."))
    return "\n".join(lines)


class ScanStatus(QToolButton):
    """The status bar's scan state: shown while scanning and while a source fails."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanStatus")
        self.setAutoRaise(True)
        self.state = ScanState()
        self.clicked.connect(lambda _=False: self.open_requested.emit())
        self.setAccessibleName(self.tr("Mail and calendar scan"))
        self._show()

    def set_state(self, state: ScanState) -> None:
        self.state = state
        self._show()

    def _show(self) -> None:
        text = button_text(self.state)
        self.setText(text)
        self.setToolTip(details_text(self.state))
        self.setVisible(bool(text))
        self.setProperty("scanFailing", self.state.failing)
