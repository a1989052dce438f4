"""Help > About: version, journal path, opening its folder, licence and runtime versions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton

from journal import __version__
from journal.ui.dialogs.about import LICENCE, AboutDialog


def _dialog(qtbot, path, opened=None, result=True):
    def open_url(url: QUrl) -> bool:
        if opened is not None:
            opened.append(url)
        return result

    dialog = AboutDialog(path, open_url=open_url)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_version_path_licence_and_runtime(qtbot, journal_path, qapp):
    dialog = _dialog(qtbot, journal_path)
    assert __version__ in dialog.findChild(QLabel, "aboutVersion").text()
    assert dialog.findChild(QLineEdit, "journalPath").text() == str(journal_path)
    assert dialog.findChild(QLineEdit, "journalPath").isReadOnly()
    assert LICENCE in dialog.findChild(QLabel, "licence").text()
    versions = dialog.findChild(QLabel, "runtimeVersions").text()
    assert "Python 3." in versions and "Qt 6." in versions and "PySide6" in versions
    assert not dialog.findChild(QLabel, "aboutIcon").pixmap().isNull()


def test_open_folder_button_opens_the_journals_folder(qtbot, tmp_path):
    path = tmp_path / "journal.sqlite3"
    opened: list[QUrl] = []
    dialog = _dialog(qtbot, path, opened)
    qtbot.mouseClick(dialog.findChild(QPushButton, "openFolder"), Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(tmp_path)]


def test_open_folder_says_so_when_nothing_can_open_it(qtbot, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = _dialog(qtbot, tmp_path / "journal.sqlite3", result=False)
    assert dialog.open_folder() is False
    assert warnings and str(tmp_path) in warnings[0]
    missing = _dialog(qtbot, tmp_path / "gone" / "journal.sqlite3")
    assert missing.open_folder() is False and len(warnings) == 2


def test_copy_details_puts_versions_and_path_on_the_clipboard(qtbot, journal_path):
    dialog = _dialog(qtbot, journal_path)
    qtbot.mouseClick(dialog.findChild(QPushButton, "copyDetails"), Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert __version__ in text and str(journal_path) in text


def test_help_menu_and_f1_open_about(qtbot, context):
    from journal.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [a.text() for a in window.help_menu.actions()]
    assert "&About Contact Journal" in titles
    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog.isVisible() and dialog.parent() is window
    assert dialog.findChild(QLineEdit, "journalPath").text() == str(context.journal_path)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.about_dialog.isVisible()
    window.about_dialog.grab().save("/tmp/about.png")
    window.about_dialog.close()
    QApplication.processEvents()
