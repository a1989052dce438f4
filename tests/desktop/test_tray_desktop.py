"""Under a real X server (Xvfb) with a real tray host (trayer): the icon docks and a reminder
fires. Skips, saying why, where Xvfb or trayer is not installed (`.ci/run` installs them)."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.desktop

PROBE = Path(__file__).with_name("tray_probe.py")
START_TIMEOUT_S = 15
xvfb_server: list[subprocess.Popen] = []


def describe(servers: list[subprocess.Popen]) -> str:
    if not servers or servers[-1].poll() is None:
        return "Xvfb is still running"
    return f"Xvfb exited with {servers[-1].returncode}: {servers[-1].stderr.read().decode(errors='replace')[-500:]}"


def _need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.skip(f"{program} is not installed (Debian: apt-get install xvfb trayer); no X server to test the tray")
    return path


@pytest.fixture
def x_display():
    """A private Xvfb display; its number is chosen by Xvfb itself (-displayfd). -noreset: a
    server that resets when its last client leaves would write to the closed fd again and die."""
    xvfb = _need("Xvfb")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    received = b""
    while not received.endswith(b"\n"):
        ready, _, _ = select.select([read_fd], [], [], START_TIMEOUT_S)
        chunk = os.read(read_fd, 32) if ready else b""
        if not chunk:
            break
        received += chunk
    number = received.decode().strip()
    if not number:
        os.close(read_fd)
        server.kill()
        _, err = server.communicate(timeout=5)
        pytest.skip(f"Xvfb could not start an X server here: {err.decode(errors='replace').strip()[:200]}")
    xvfb_server.append(server)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)
    os.close(read_fd)  # open until the end: Xvfb may write to it again


@pytest.fixture
def tray_host(x_display):
    trayer = _need("trayer")
    env = {**os.environ, "DISPLAY": x_display}
    host = subprocess.Popen(
        [trayer, "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24",
         "--SetDockType", "true", "--expand", "true"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield host
    host.terminate()
    host.wait(timeout=10)


def test_icon_docks_and_a_reminder_fires(tray_host, x_display, tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env.update({"DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"})
    result = subprocess.run(
        [sys.executable, str(PROBE), str(tmp_path / "journal.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, f"{result.stderr}\n{describe(xvfb_server)}"

    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the app printed no report; stderr: {result.stderr[-2000:]}"
    report = json.loads(lines[-1])
    assert report["platform"] == "xcb"
    assert report["available"] is True, report
    assert report["tray_used"] is True
    assert report["fired"] == ["Call Omar back"], report
    assert report["icon_visible"] is True
    width, height = report["docked_size"]
    assert width > 0 and height > 0, "the icon did not dock in the tray host"
    assert "1 due" in report["tooltip"]
