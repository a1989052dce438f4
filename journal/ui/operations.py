"""The one runner of operations in the window.

Every widget, the tray and the notifications change the journal through `OperationRunner.run`
(or `run_in_background` for slow ones): it runs the service function as an operation, shows a
failure the same way everywhere (a message box over the widget that asked, titled with what was
being done), puts the operation on the session's undo list, and says what happened in the status
line. `undo()` and `redo()` serve the Edit menu, the Undo bar and Ctrl+Z wherever it is pressed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.errors import JournalError

# The services are imported on first use: the runner is made with the window, before its first
# paint, when nothing of the store may load yet.


class OperationRunner(QObject):
    """Runs operations for the window, keeps the undo list and reports what happened."""

    history_changed = Signal()  # the undo or redo list changed (menus relabel themselves)
    status = Signal(str)  # a line for the status bar
    destructive_done = Signal(object, str)  # an UndoStep the Undo bar offers to take back, and its text
    undone = Signal(object)  # the UndoStep just undone (the Undo bar hides)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history = None
        self.dialog_parent: QWidget | None = None  # where failures show when no widget is named

    @property
    def history(self):
        if self._history is None:
            from journal.services.operations import History

            self._history = History()
        return self._history

    # --- running -----------------------------------------------------------------------------

    def run(
        self,
        label: str,
        fn: Callable,
        *args,
        parent: QWidget | None = None,
        destructive: bool = False,
        done_text: str = "",
        failure: Callable[[str], None] | None = None,
        **kwargs,
    ):
        """Run `fn(*args, **kwargs)` as the operation `label`. Returns its OpResult, or None when the
        journal refused it: the refusal is shown over `parent`, or handed to `failure` (a dialog
        that says it in its own error line, the Log dialog's)."""
        from journal.services import operations

        try:
            result = operations.run(fn, *args, label=label, destructive=destructive, **kwargs)
        except JournalError as exc:
            if failure is not None:
                failure(str(exc))
            else:
                self.show_failure(label, exc, parent)
            return None
        self.record(result, done_text=done_text)
        return result

    def record(self, result, *, done_text: str = "") -> None:
        """Put a finished operation on the undo list (and announce it if it ran elsewhere)."""
        if result.step is None:
            return
        self.history.push(result.step)
        self.history_changed.emit()
        if result.step.destructive:  # the Undo bar says it, with its button
            self.destructive_done.emit(result.step, done_text or result.step.label)
        elif done_text:
            self.status.emit(done_text)

    def run_in_background(
        self,
        label: str,
        fn: Callable,
        *,
        parent: QObject | None = None,
        destructive: bool = False,
        done: Callable | None = None,
        failed: Callable[[str], None] | None = None,
        progress: Callable[[int, str], None] | None = None,
    ):
        """`fn(report)` as an operation on a worker thread with its own connection; `done(result)`
        or `failed(message)` back on this thread. Returns the BackgroundTask (already started)."""
        from journal.services import operations
        from journal.ui.dialogs.background import BackgroundTask

        def work(report):
            return operations.run(fn, report, label=label, destructive=destructive, announce=False)

        task = BackgroundTask(work, parent or self)

        def finished(result) -> None:
            from journal.services.changes import notify

            notify(result.changes)  # on the GUI thread: views refresh
            self.record(result)
            if done is not None:
                done(result)

        task.done.connect(finished)
        if failed is not None:
            task.failed.connect(failed)
        if progress is not None:
            task.progress.connect(progress)
        task.start()
        return task

    # --- undo and redo -------------------------------------------------------------------------

    def undo(self, parent: QWidget | None = None):
        """Undo the latest operation; its UndoStep, or None (the reason has been shown)."""
        step = self._step(undo=True, parent=parent)
        if step is not None:
            self.undone.emit(step)
        return step

    def redo(self, parent: QWidget | None = None):
        return self._step(undo=False, parent=parent)

    def _step(self, *, undo: bool, parent):
        history = self.history
        if not (history.can_undo() if undo else history.can_redo()):
            self.status.emit(self.tr("Nothing to undo.") if undo else self.tr("Nothing to redo."))
            return None
        try:
            step, _changes = history.undo() if undo else history.redo()
        except JournalError as exc:
            self.history_changed.emit()
            self.show_failure(self.tr("Undo") if undo else self.tr("Redo"), exc, parent)
            return None
        self.history_changed.emit()
        done = self.tr("Undone: {what}") if undo else self.tr("Redone: {what}")
        self.status.emit(done.format(what=step.label))
        return step

    def forget(self) -> None:
        """The journal was replaced (a restore, another file): nothing before it can be undone."""
        self.history.clear()
        self.history_changed.emit()

    # --- failures ------------------------------------------------------------------------------

    def show_failure(self, title: str, error: Exception | str, parent: QWidget | None = None) -> None:
        """The one way a refused operation is shown: a warning over the widget that asked, titled
        with what was being done, the journal's own sentence as the text; and the status line."""
        message = str(error)
        self.status.emit(message)
        widget = parent if isinstance(parent, QWidget) else self.dialog_parent
        QMessageBox.warning(widget, title or self.tr("Contact Journal"), message)
