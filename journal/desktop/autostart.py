"""Start on login: an XDG autostart entry on Linux, the Run key on Windows, a LaunchAgent on macOS.

The app starts hidden in the tray (`--minimized`). Paths and the registry are injectable so each
platform's way is tested on any machine.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

from journal import APP_ID, APP_NAME
from journal.desktop.desktop_entry import application_entry

DESKTOP_FILE = f"{APP_ID}.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
LAUNCH_AGENT_LABEL = "org.contactjournal.contact-journal"
MINIMIZED = "--minimized"


def launch_command() -> list[str]:
    """How to start this installation, hidden in the tray."""
    if getattr(sys, "frozen", False):
        return [sys.executable, MINIMIZED]
    script = shutil.which(APP_ID)
    if script:
        return [script, MINIMIZED]
    return [sys.executable, "-m", "journal", MINIMIZED]


def desktop_entry(command: list[str]) -> str:
    """The XDG autostart entry running `command`: the menu entry's identity, written by the same
    writer (journal.desktop.desktop_entry), without the menu actions."""
    return application_entry(command, autostart=True)


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.partial")
    staging.write_bytes(data)
    os.replace(staging, path)


class Autostart:
    def __init__(
        self,
        platform: str = sys.platform,
        *,
        config_home: Path | None = None,
        home: Path | None = None,
        registry=None,
    ) -> None:
        self.platform = platform
        self._config_home = config_home
        self._home = home
        self._registry = registry

    # --- where ----------------------------------------------------------------------------

    @property
    def is_windows(self) -> bool:
        return self.platform.startswith("win")

    @property
    def is_mac(self) -> bool:
        return self.platform == "darwin"

    def desktop_path(self) -> Path:
        base = self._config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        return Path(base) / "autostart" / DESKTOP_FILE

    def plist_path(self) -> Path:
        return Path(self._home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"

    def _winreg(self):
        if self._registry is None:
            import winreg  # only on Windows

            self._registry = winreg
        return self._registry

    # --- what -----------------------------------------------------------------------------

    def is_enabled(self) -> bool:
        if self.is_windows:
            reg = self._winreg()
            try:
                with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_READ) as key:
                    reg.QueryValueEx(key, APP_NAME)
                return True
            except OSError:
                return False
        if self.is_mac:
            return self.plist_path().exists()
        return self.desktop_path().exists()

    def enable(self, command: list[str] | None = None) -> Path | str:
        """Start the app on login; returns the file written (or the registry value's path)."""
        command = command or launch_command()
        if self.is_windows:
            reg = self._winreg()
            with reg.CreateKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                reg.SetValueEx(key, APP_NAME, 0, reg.REG_SZ, subprocess.list2cmdline(command))
            return rf"HKEY_CURRENT_USER\{RUN_KEY}\{APP_NAME}"
        if self.is_mac:
            plist = {
                "Label": LAUNCH_AGENT_LABEL,
                "ProgramArguments": command,
                "RunAtLoad": True,
                "ProcessType": "Interactive",
            }
            path = self.plist_path()
            _write_private(path, plistlib.dumps(plist))
            return path
        path = self.desktop_path()
        _write_private(path, desktop_entry(command).encode("utf-8"))
        return path

    def disable(self) -> None:
        if self.is_windows:
            reg = self._winreg()
            try:
                with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                    reg.DeleteValue(key, APP_NAME)
            except FileNotFoundError:
                pass
            return
        path = self.plist_path() if self.is_mac else self.desktop_path()
        path.unlink(missing_ok=True)

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            self.enable()
        else:
            self.disable()
