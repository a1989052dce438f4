"""Preferences > Accounts against real Radicale and Xandikos servers, typed into like a user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.services.sync.account import get_account
from journal.services.sync.secrets import SERVICE

SHOTS = "/tmp/work/shots"


@pytest.fixture
def page(qtbot, db, clock):
    from journal.ui.sync.accounts_page import AccountsPage

    made = AccountsPage(clock)
    qtbot.addWidget(made)
    made.resize(640, 520)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    yield made
    made.wait()


@pytest.fixture
def questions(monkeypatch):
    """QMessageBox.question answered from `answers` (Yes when empty); the texts asked are kept."""
    asked = []
    answers = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    question.asked, question.answers = asked, answers
    return question


def type_in(qtbot, page, url, user, password):
    page.url.setFocus()
    qtbot.keyClicks(page.url, url)
    qtbot.keyClick(page.url, Qt.Key.Key_Tab)
    assert page.focusWidget() is page.user
    qtbot.keyClicks(page.user, user)
    qtbot.keyClick(page.user, Qt.Key.Key_Tab)
    assert page.focusWidget() is page.password
    qtbot.keyClicks(page.password, password)


def click_box(qtbot, box):
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def wait_idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)


def test_test_connection_lists_what_the_server_has_then_add_keeps_the_password(
    qtbot, page, dav_server, memory_keyring, questions
):
    assert page.add_box.isVisible() and not page.current_box.isVisible()
    assert not page.books.isEnabled()
    type_in(qtbot, page, dav_server.url, "dana", dav_server.password)
    for _ in range(4):  # past the CA file, its Choose button and Allow plain http to Test connection
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
    assert page.focusWidget() is page.test_button
    qtbot.keyClick(page.test_button, Qt.Key.Key_Space)
    wait_idle(qtbot, page)
    assert page.found_text.text().startswith("Connected: "), page.message.text()
    assert "journal entries" not in page.found_text.text() or dav_server.kind == "xandikos"
    assert page.books.isEnabled() and page.books.itemData(0) == ""
    books = [page.books.itemText(i) for i in range(page.books.count())]
    tasks = [page.tasks.itemText(i) for i in range(page.tasks.count())]
    assert books[0] == "Make a new one (Contact Journal)" and tasks[0] == "Make a new one (Contact Journal tasks)"
    if dav_server.kind == "xandikos":  # it starts with an address book and a calendar
        assert any("/dana/contacts/addressbook/" in text for text in books), books
        assert any("/dana/calendars/calendar/" in text for text in tasks), tasks
        page.window().grab().save(f"{SHOTS}/accounts_page_tested.png")
    assert page.focusWidget() is page.books

    with qtbot.waitSignal(page.account_changed, timeout=15000):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    info = get_account()
    assert (info.url, info.user) == (dav_server.url, "dana")
    assert info.contacts_url.endswith("/") and info.tasks_url
    assert memory_keyring.passwords == {(SERVICE, f"dana@{dav_server.url.rstrip('/')}"): dav_server.password}
    assert page.current_box.isVisible() and not page.add_box.isVisible()
    assert page.current_text.text().splitlines()[0] == f"dana at {dav_server.url}"
    assert "Not synced yet." in page.current_text.text()
    assert page.password.text() == ""
    assert page.message.text() == f"Added dana at {dav_server.url}: the first sync starts now."
    QApplication.processEvents()  # the layout takes the new text in
    assert page.current_text.height() >= page.current_text.heightForWidth(page.current_text.width())
    page.window().grab().save(f"{SHOTS}/accounts_page_{dav_server.kind}.png")

    with qtbot.waitSignal(page.account_changed):
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert questions.asked and "Stop syncing with dana" in questions.asked[-1]
    assert get_account() is None
    assert memory_keyring.passwords == {}
    assert page.add_box.isVisible() and page.url.text() == dav_server.url


def test_a_picked_address_book_is_the_one_synced(qtbot, page, xandikos_like, memory_keyring):
    server = xandikos_like
    type_in(qtbot, page, server.url, "dana", server.password)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    index = next(i for i in range(page.books.count()) if "/dana/contacts/addressbook/" in page.books.itemText(i))
    page.books.setFocus()
    page.books.setCurrentIndex(index)
    with qtbot.waitSignal(page.account_changed, timeout=15000):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert get_account().contacts_url == "/dana/contacts/addressbook/"


@pytest.fixture
def xandikos_like(tmp_path):
    from tests.sync.servers import ServerStartError, start_server

    try:
        server = start_server("xandikos", tmp_path / "servers", "s3cret pass")
    except ServerStartError as exc:
        pytest.skip(f"xandikos could not start here: {exc}")
    yield server
    server.stop()


def test_a_wrong_password_is_said_on_the_page_and_nothing_is_kept(qtbot, page, dav_server, memory_keyring):
    type_in(qtbot, page, dav_server.url, "dana", "wrong")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert page.message.text() == "The server refused the user name or password."
    assert get_account() is None and memory_keyring.passwords == {}
    assert page.add_box.isVisible()
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert page.message.text() == "The server refused the user name or password."
    assert page.found_text.text() == ""


def test_missing_fields_are_said_and_the_cursor_goes_there(qtbot, page):
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Give the server's address." and page.focusWidget() is page.url
    qtbot.keyClicks(page.url, "https://dav.example.com/")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Give the user name for the server." and page.focusWidget() is page.user
    qtbot.keyClicks(page.user, "dana")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Give the password." and page.focusWidget() is page.password
    assert not page.busy


def test_plain_http_to_another_host_is_confirmed(qtbot, page, questions):
    qtbot.keyClicks(page.url, "http://dav.example.com/")
    questions.answers.append(QMessageBox.StandardButton.No)
    click_box(qtbot, page.allow_http)
    assert not page.allow_http.isChecked()
    assert "travel unencrypted to dav.example.com" in questions.asked[-1]
    click_box(qtbot, page.allow_http)  # Yes this time
    assert page.allow_http.isChecked()
    assert len(questions.asked) == 2
    page.user.setText("dana")
    page.password.setText("pw")
    assert page._entered() is not None  # confirmed for this host: not asked again
    assert len(questions.asked) == 2


def test_plain_http_to_this_computer_needs_no_confirmation(qtbot, page, questions):
    qtbot.keyClicks(page.url, "http://127.0.0.1:5232/")
    click_box(qtbot, page.allow_http)
    assert page.allow_http.isChecked() and questions.asked == []


def test_the_password_from_the_environment_is_used_and_not_stored(qtbot, page, dav_server, memory_keyring, monkeypatch):
    monkeypatch.setenv("CONTACT_JOURNAL_SYNC_PASSWORD", dav_server.password)
    type_in(qtbot, page, dav_server.url, "dana", "")
    with qtbot.waitSignal(page.account_changed, timeout=15000):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert get_account() is not None and memory_keyring.passwords == {}


def test_no_keyring_is_said_before_anything_is_sent(qtbot, page):
    from keyring.backends import fail

    from tests.services.sync.keyrings import keyring_in_place

    type_in(qtbot, page, "https://dav.example.com/", "dana", "pw")
    with keyring_in_place(fail.Keyring()):
        assert not page.add()
    assert page.message.text().startswith("No keyring is available on this computer (")
    assert not page.busy


def test_the_tab_order_runs_down_the_form(qtbot, page):
    page.url.setFocus()
    order = [page.focusWidget()]
    for _ in range(9):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        order.append(page.focusWidget())
    names = [w.objectName() for w in order]
    assert names[:7] == ["accountUrl", "accountUser", "accountPassword", "accountCaFile", "chooseCaFile", "allowHttp",
                         "testConnection"]


def test_preferences_open_on_the_accounts_tab(qtbot, db, context):
    from journal.desktop.autostart import Autostart
    from journal.ui.main_window import MainWindow
    from journal.ui.tray.integration import DesktopIntegration

    window = MainWindow(context)
    qtbot.addWidget(window)
    desktop = DesktopIntegration(window, tray_available=False, autostart=Autostart("linux", config_home=context.journal_path.parent / "cfg"))
    try:
        dialog = desktop.open_preferences(page="accounts")
        qtbot.waitExposed(dialog)
        assert dialog.tabs.currentWidget() is dialog.accounts
        assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["&General", "Accou&nts", "Ma&il && calendars"]
        dialog.grab().save(f"{SHOTS}/preferences_accounts.png")
        dialog.reject()
        general = desktop.open_preferences()
        assert general.tabs.currentIndex() == 0
        general.reject()
        window.findChild(type(window.file_menu.actions()[0]), "syncAccounts").trigger()
    finally:
        desktop.stop()
