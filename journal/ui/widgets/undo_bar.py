"""A bar under a list after a delete: "Deleted Dana Smith. [Undo] [Dismiss]"."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from journal.ui.widgets.action_icons import action_icon


class UndoBar(QFrame):
    """Shown after a delete until the next one, an undo or a dismissal; `undo_button` is the
    caller's to connect (and Ctrl+Z its to bind)."""

    def __init__(self, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.undo_button = QPushButton(action_icon("undo"), self.tr("&Undo"), objectName="undo")
        self.undo_button.setToolTip(tooltip)
        self.close_button = QPushButton(self.tr("Dismiss"), objectName="dismissUndo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()
