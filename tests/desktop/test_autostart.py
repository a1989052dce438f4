"""Start on login, for each platform, with paths and the registry mocked."""

from __future__ import annotations

import plistlib
import subprocess

from journal.desktop import desktop_entry as de
from journal.desktop.autostart import LAUNCH_AGENT_LABEL, RUN_KEY, Autostart, desktop_entry, launch_command

COMMAND = ["/opt/Contact Journal/bin/contact-journal", "--minimized"]


class FakeKey:
    def __init__(self, store: dict, path: str) -> None:
        self.values = store.setdefault(path, {})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class FakeWinreg:
    """The part of winreg the autostart code uses, over a dict."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ = 1
    KEY_SET_VALUE = 2
    REG_SZ = 1

    def __init__(self) -> None:
        self.store: dict[str, dict] = {}

    def CreateKey(self, root, path):
        return FakeKey(self.store, f"{root}\\{path}")

    def OpenKey(self, root, path, reserved=0, access=KEY_READ):
        if f"{root}\\{path}" not in self.store:
            raise FileNotFoundError(path)
        return FakeKey(self.store, f"{root}\\{path}")

    def SetValueEx(self, key, name, reserved, kind, value):
        key.values[name] = (kind, value)

    def QueryValueEx(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(name)
        kind, value = key.values[name]
        return value, kind

    def DeleteValue(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(name)
        del key.values[name]


def test_linux_writes_an_xdg_autostart_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    autostart = Autostart("linux")
    assert not autostart.is_enabled()
    path = autostart.enable(COMMAND)
    assert path == tmp_path / "cfg" / "autostart" / "contact-journal.desktop"
    assert autostart.is_enabled()
    text = path.read_text()
    assert "[Desktop Entry]" in text and "Type=Application" in text and "X-GNOME-Autostart-enabled=true" in text
    assert de.split_exec(de.parse(text)["Desktop Entry"]["Exec"]) == COMMAND
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()
    autostart.disable()  # twice is fine


def test_desktop_entry_escapes_specials():
    # "$" is escaped inside the quotes, and that backslash again as a string value: \\$ in the file.
    entry = desktop_entry(["/home/a$b/run", "100%"])
    assert 'Exec="/home/a\\\\$b/run" 100%%\n' in entry


def test_windows_uses_the_run_key():
    registry = FakeWinreg()
    autostart = Autostart("win32", registry=registry)
    assert not autostart.is_enabled()
    autostart.enable(COMMAND)
    assert autostart.is_enabled()
    kind, value = registry.store[f"HKCU\\{RUN_KEY}"]["Contact Journal"]
    assert kind == FakeWinreg.REG_SZ
    assert value == '"/opt/Contact Journal/bin/contact-journal" --minimized'
    autostart.disable()
    assert not autostart.is_enabled()
    autostart.disable()


def test_windows_quotes_the_run_value_as_the_c_runtime_reads_it():
    """The Run key takes a Windows command line, not a .desktop one: "%" stays single, "$" unescaped."""
    registry = FakeWinreg()
    command = ["C:\\Program Files\\100% $HOME\\cj.exe", 'say "hi"', "--minimized"]
    Autostart("win32", registry=registry).enable(command)
    _, value = registry.store[f"HKCU\\{RUN_KEY}"]["Contact Journal"]
    assert value == subprocess.list2cmdline(command)
    assert value == '"C:\\Program Files\\100% $HOME\\cj.exe" "say \\"hi\\"" --minimized'


def test_macos_keeps_the_arguments_as_they_are(tmp_path):
    command = ["/Applications/A b $HOME `x` 100%/cj", "--minimized"]
    path = Autostart("darwin", home=tmp_path).enable(command)
    assert plistlib.loads(path.read_bytes())["ProgramArguments"] == command


def test_macos_writes_a_launch_agent(tmp_path):
    autostart = Autostart("darwin", home=tmp_path)
    path = autostart.enable(COMMAND)
    assert path == tmp_path / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    plist = plistlib.loads(path.read_bytes())
    assert plist["Label"] == LAUNCH_AGENT_LABEL
    assert plist["ProgramArguments"] == COMMAND
    assert plist["RunAtLoad"] is True
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not path.exists()


def test_launch_command_starts_minimized():
    command = launch_command()
    assert command[-1] == "--minimized"
    assert len(command) >= 2
