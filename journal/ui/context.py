"""What every view needs: the clock, the journal's path, settings and a change signal."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from journal.clock import SYSTEM_CLOCK, Clock
from journal.services import events


class JournalSignals(QObject):
    """Bridges the services' change hub to a Qt signal: `changed(what)`."""

    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        events.subscribe(self._relay)
        self.destroyed.connect(lambda *_: events.unsubscribe(self._relay))

    def _relay(self, what: str) -> None:
        self.changed.emit(what)

    def detach(self) -> None:
        events.unsubscribe(self._relay)


@dataclass
class AppContext:
    journal_path: Path
    settings: QSettings
    clock: Clock = SYSTEM_CLOCK
    signals: JournalSignals = field(default_factory=JournalSignals)
