"""What the passphrase dialogs and the lock share: a passphrase field, a line that says what went
wrong, and a busy line shown while a key is derived off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from journal.ui.icons import app_icon

ERROR_STYLE = "color: #b00020;"


class PassphraseField(QLineEdit):
    """A field whose text shows as dots and never goes to an input method's dictionary."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhSensitiveData)
        self.setMinimumWidth(260)


class MessageLine(QLabel):
    """One line saying what went wrong (red), or a plain note; empty: hidden."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self._say(text)

    def note(self, text: str) -> None:
        self.setStyleSheet("")
        self._say(text)

    def clear(self) -> None:
        super().clear()
        self.hide()

    def _say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class BusyLine(QWidget):
    """A moving bar and what is being done ("Checking the passphrase…"); hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyLine")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(12)
        self.label = QLabel()
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()


def lock_picture(size: int = 48) -> QLabel:
    """The app's icon, for the head of the Unlock dialog and the lock."""
    label = QLabel()
    label.setPixmap(app_icon().pixmap(size, size))
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
    return label
