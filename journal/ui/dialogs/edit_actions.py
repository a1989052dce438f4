"""Edit > Undo <what it was> (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y), the window's one Undo
bar after a destructive action, and the status line saying what was done, undone or redone.

The actions are window-wide, so Ctrl+Z works in every view, the tray's actions and the
notifications' included; a text field keeps Ctrl+Z for its own text while it has the keyboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from journal.ui.widgets.undo_bar import UndoBar


class EditActions:
    """The Edit menu's Undo and Redo, relabelled from the runner's history ("Undo Done: …")."""

    def __init__(self, window) -> None:
        self.window = window
        self.runner = runner = window.context.operations
        runner.dialog_parent = window
        menu = window.edit_menu
        self.undo = QAction(QCoreApplication.translate("MainWindow", "&Undo"), window, objectName="undoAction")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = QAction(QCoreApplication.translate("MainWindow", "&Redo"), window, objectName="redoAction")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo.triggered.connect(lambda: runner.undo(window))
        self.redo.triggered.connect(lambda: runner.redo(window))
        menu.addAction(self.undo)
        menu.addAction(self.redo)
        window.addAction(self.undo)
        window.addAction(self.redo)
        menu.aboutToShow.connect(self.relabel)

        self._bar: UndoBar | None = None  # made on the first destructive action, not before the first paint
        self._bar_step = None
        runner.history_changed.connect(self.relabel)
        runner.status.connect(lambda text: window.statusBar().showMessage(text, 8000))
        runner.destructive_done.connect(self._offer)
        runner.undone.connect(self._undone)

    def relabel(self) -> None:
        """"Undo Done: Send Dana my CV" while there is something to undo, plain "Undo" otherwise;
        the same for Redo. (The actions stay enabled: with nothing to undo, the status line says so.)"""
        history = self.runner.history if self.runner._history is not None else None
        undo = history.undo_label() if history is not None else ""  # (an empty History is falsy: len 0)
        redo = history.redo_label() if history is not None else ""
        self.undo.setText(QCoreApplication.translate("MainWindow", "&Undo {what}").format(what=undo) if undo else QCoreApplication.translate("MainWindow", "&Undo"))
        self.redo.setText(QCoreApplication.translate("MainWindow", "&Redo {what}").format(what=redo) if redo else QCoreApplication.translate("MainWindow", "&Redo"))
        if self._bar_step is not None and (history is None or history.undo_step() is not self._bar_step):
            self._bar.hide()  # something else happened since: the bar's Undo would not be that one
            self._bar_step = None

    @property
    def bar(self) -> UndoBar:
        if self._bar is None:
            from journal.ui.widgets.undo_bar import UndoBar

            self._bar = UndoBar(QCoreApplication.translate("MainWindow", "Take it back (Ctrl+Z)"))
            self.window.undo_bar_area.addWidget(self._bar)
            self._bar.undo_button.clicked.connect(lambda: self.runner.undo(self.window))
        return self._bar

    def _offer(self, step, text: str) -> None:
        self._bar_step = step
        self.bar.show_text(text)

    def _undone(self, step) -> None:
        if step is self._bar_step:
            self.bar.hide()
            self._bar_step = None


def add_edit_actions(window) -> EditActions:
    return EditActions(window)
