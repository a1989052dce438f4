"""Single instance: a later launch hands over to the running app; stale sockets are cleared."""

from __future__ import annotations

import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from journal.desktop.single_instance import SingleInstanceServer, send_to_running, socket_name


@pytest.fixture
def name():
    return f"cj-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def server(qapp, name):
    srv = SingleInstanceServer(name)
    yield srv
    srv.close()


def launch_sender(name: str, message: str) -> subprocess.Popen:
    """A second process, like a second launch, sending `message` to `name`."""
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from journal.desktop.single_instance import send_to_running\n"
        "app = QCoreApplication([])\n"
        f"sys.exit(0 if send_to_running({name!r}, json.loads({message!r})) else 3)\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_socket_name_depends_on_user_and_journal(tmp_path):
    a = socket_name(tmp_path / "a.sqlite3", user="ann")
    assert a == socket_name(tmp_path / "a.sqlite3", user="ann")
    assert a != socket_name(tmp_path / "b.sqlite3", user="ann")
    assert a != socket_name(tmp_path / "a.sqlite3", user="bob")
    assert a.startswith("contact-journal-") and len(a) < 40


def test_nothing_running_means_no_handover(qapp, name):
    assert send_to_running(name, {"action": "raise"}, timeout_ms=200) is False


def test_second_launch_hands_its_message_over(qtbot, server, name):
    assert server.listen()
    with qtbot.waitSignal(server.message_received, timeout=10_000) as blocker:
        sender = launch_sender(name, '{"action": "log"}')
    assert blocker.args == [{"action": "log"}]
    assert sender.wait(timeout=10) == 0


def test_garbage_is_ignored(qtbot, server, name):
    from PySide6.QtNetwork import QLocalSocket

    assert server.listen()
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(1000)
    with qtbot.assertNotEmitted(server.message_received, wait=200):
        client.write(b"not json\n")
        client.flush()
    client.abort()


def test_a_live_instance_keeps_its_name(qapp, server, name):
    assert server.listen()
    other = SingleInstanceServer(name)
    assert other.listen() is False
    assert not other.removed_stale


def test_stale_socket_after_a_crash_is_removed(qapp, name):
    path = Path(QDir.tempPath()) / name
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))
    crashed.close()  # the file stays behind, nobody listens: what a crash leaves
    assert path.exists()
    server = SingleInstanceServer(name)
    try:
        assert server.listen()
        assert server.removed_stale
    finally:
        server.close()


def test_the_app_hands_over_to_a_running_instance(qtbot, journal_path):
    """`contact-journal --log` with the same journal exits 0 and asks the running app for the
    Log dialog."""
    running = SingleInstanceServer(socket_name(journal_path))
    assert running.listen()
    try:
        with qtbot.waitSignal(running.message_received, timeout=20_000) as blocker:
            second = subprocess.Popen(
                [sys.executable, "-m", "journal", "--db", str(journal_path), "--log"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
            )
        assert blocker.args == [{"action": "log"}]
        assert second.wait(timeout=20) == 0
    finally:
        running.close()
