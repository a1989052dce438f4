"""One running app per user and journal, through a local socket (QLocalServer).

A second launch connects, sends one JSON line such as {"action": "raise"} or {"action": "log"},
waits for the running app's acknowledgement and exits. A socket left behind by a crash is noticed
(nobody answers on it) and removed before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from journal import APP_ID

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000
ACK = b"ok\n"
MAX_MESSAGE_BYTES = 64 * 1024


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name known (some containers)
        return str(Path.home())


def socket_name(journal_path: Path | str, user: str | None = None) -> str:
    """A name unique to this user and journal file, short enough for any platform."""
    resolved = str(Path(journal_path).expanduser().resolve())
    digest = hashlib.sha256(f"{user or _user()}\0{resolved}".encode()).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


def send_to_running(name: str, message: dict, *, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Hand `message` to the app listening on `name`; False when none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(json.dumps(message).encode() + b"\n")
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return False
    delivered = False
    reply = b""
    while socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
        if reply.endswith(b"\n"):
            delivered = reply == ACK
            break
    socket.disconnectFromServer()
    return delivered


class SingleInstanceServer(QObject):
    """Listens for later launches; `message_received(dict)` for each one."""

    message_received = Signal(dict)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.removed_stale = False
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Start listening; a stale socket from a crashed run is removed first. False when
        another live instance holds the name (the caller should hand over to it instead).

        The liveness probe comes first: with socket options set, Qt creates the socket aside
        and renames it into place, which would silently take the name from a live instance.
        """
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_TIMEOUT_MS):
            probe.disconnectFromServer()
            return False
        if probe.error() != QLocalSocket.LocalSocketError.ServerNotFoundError:
            # Something is there but nobody answers: what a crash leaves behind.
            QLocalServer.removeServer(self.name)
            self.removed_stale = True
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            self.removed_stale = True
            return self.server.listen(self.name)
        return False

    def close(self) -> None:
        for socket in list(self._buffers):
            self._forget(socket)
        self.server.close()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()  # a child of the server, freed with it
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(partial(self._read, socket))
            socket.disconnected.connect(partial(self._forget, socket))
            if socket.bytesAvailable():
                self._read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        # Closed, not deleted: it stays a child of the server until that goes (deleting it here
        # while PySide still holds its wrapper crashes).
        if self._buffers.pop(socket, None) is not None:
            socket.readyRead.disconnect()
            socket.close()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll().data()))
        if len(buffer) > MAX_MESSAGE_BYTES:
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        buffer.clear()
        try:
            message = json.loads(line)
        except ValueError:
            message = None
        if isinstance(message, dict):
            socket.write(ACK)
            socket.flush()
        socket.disconnectFromServer()
        if isinstance(message, dict):
            self.message_received.emit(message)
