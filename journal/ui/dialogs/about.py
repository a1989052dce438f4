"""Help > About: version, where the journal lives (with a button to open its folder), licence,
and the versions of what the app runs on, which a bug report needs."""

from __future__ import annotations

import platform
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import APP_NAME, __version__
from journal.ui.icons import app_icon

LICENCE = "GPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


def runtime_versions() -> str:
    """One line naming what the app runs on, as a bug report wants it."""
    frozen = " (bundled)" if getattr(sys, "frozen", False) else ""
    return (
        f"{APP_NAME} {__version__}{frozen} · Python {platform.python_version()} · Qt {qVersion()}"
        f" · PySide6 {PYSIDE_VERSION} · SQLite {sqlite3.sqlite_version} · {platform.system()} {platform.machine()}"
    )


class AboutDialog(QDialog):
    """`open_url` opens the journal's folder (QDesktopServices.openUrl; tests pass their own)."""

    def __init__(
        self,
        journal_path: Path,
        parent: QWidget | None = None,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Contact Journal"))
        self.journal_path = Path(journal_path)
        self._open_url = open_url

        icon = QLabel(objectName="aboutIcon")
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(APP_NAME, objectName="aboutTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        version = QLabel(self.tr("Version %s") % __version__, objectName="aboutVersion")
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        blurb = QLabel(
            self.tr(
                "A private journal for career networking: conversations, offered introductions, "
                "next steps and keep-in-touch reminders. Everything stays in one file on this computer."
            ),
            objectName="aboutBlurb",
        )
        blurb.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(version)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        top.addLayout(heading, 1)

        self.path_edit = QLineEdit(str(self.journal_path), objectName="journalPath")
        self.path_edit.setReadOnly(True)
        self.path_edit.setCursorPosition(0)
        self.open_folder_button = QPushButton(self.tr("&Open Folder"), objectName="openFolder")
        self.open_folder_button.setToolTip(self.tr("Show the folder that holds the journal and its backups"))
        self.open_folder_button.clicked.connect(self.open_folder)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.open_folder_button)

        licence = QLabel(f'<a href="{LICENCE_URL}">{LICENCE}</a>', objectName="licence")
        licence.setOpenExternalLinks(True)
        licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.versions = QLabel(runtime_versions(), objectName="runtimeVersions")
        self.versions.setWordWrap(True)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Journal:"), path_row)
        form.addRow(self.tr("Licence:"), licence)
        form.addRow(self.tr("Runs on:"), self.versions)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("&Copy Details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.setToolTip(self.tr("Copy the version details, for a bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(blurb)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def folder(self) -> Path:
        return self.journal_path.parent

    def open_folder(self) -> bool:
        folder = self.folder()
        if folder.is_dir() and self._open_url(QUrl.fromLocalFile(str(folder))):
            return True
        QMessageBox.warning(self, self.tr("Open Folder"), self.tr("Could not open the folder %s.") % folder)
        return False

    def details(self) -> str:
        return f"{runtime_versions()}\n{self.tr('Journal:')} {self.journal_path}"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
