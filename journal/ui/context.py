"""What every view needs: the clock, the journal's path, settings, the change notices and the
operation runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from journal.clock import SYSTEM_CLOCK, Clock
from journal.ui.operations import OperationRunner


class JournalSignals(QObject):
    """Bridges the services' change notices to a Qt signal: `changed(Changes)`, one per
    operation, undo or redo, saying which people, conversations, offers and steps changed."""

    changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        from journal.services import changes  # plain Python and light: no store behind it

        self._hub = changes
        changes.subscribe(self._relay)
        self.destroyed.connect(lambda *_: changes.unsubscribe(self._relay))

    def _relay(self, changes) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        self._hub.unsubscribe(self._relay)


@dataclass
class AppContext:
    journal_path: Path
    settings: QSettings
    clock: Clock = SYSTEM_CLOCK
    signals: JournalSignals = field(default_factory=JournalSignals)
    operations: OperationRunner = field(default_factory=OperationRunner)
