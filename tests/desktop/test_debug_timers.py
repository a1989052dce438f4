"""The idle benchmark's aid: with CONTACT_JOURNAL_DEBUG_TIMERS set, the app lists its timers."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QTimer

from journal.desktop import debug_timers


def test_unset_installs_nothing(qapp, monkeypatch):
    monkeypatch.delenv(debug_timers.ENV, raising=False)
    owner = QObject()
    debug_timers.install(owner)
    assert not hasattr(owner, "_debug_timers")


def test_lists_the_timers_the_app_holds(qapp, tmp_path, monkeypatch):
    import signal

    out = tmp_path / "timers.jsonl"
    monkeypatch.setenv(debug_timers.ENV, str(out))
    owner = QObject(objectName="owner")
    beat = QTimer(owner, interval=60_000, objectName="beat")
    beat.start()
    previous = signal.getsignal(signal.SIGUSR1)
    try:
        debug_timers.install(owner)
        (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    finally:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGUSR1, previous)
    mine = [t for t in record["timers"] if t["where"] == "QTimer(beat) < QObject(owner)"]
    assert mine and mine[0]["active"] and mine[0]["interval_ms"] == 60_000 and not mine[0]["single_shot"]
    assert record["reason"] == "started" and record["main_tid"] == record["pid"]
