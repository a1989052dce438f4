"""The probe reads its own peak memory from /proc/<pid>/status (never ru_maxrss)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import probe


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_reads_a_real_status_file():
    found = probe.parse_status(Path("/proc/self/status").read_text())
    assert found["VmHWM"] is not None and found["VmRSS"] is not None
    assert found["VmHWM"] >= found["VmRSS"] > 1  # MiB: this interpreter is well above 1 MiB
    now = probe.memory_now()
    assert now["source"] == "VmHWM"
    assert now["vmhwm_mib"] >= now["vmrss_mib"] > 1


def test_parses_the_fields_in_mib():
    text = "Name:\tpython\nVmPeak:\t  900000 kB\nVmHWM:\t  153600 kB\nVmRSS:\t   102400 kB\nThreads:\t3\n"
    assert probe.parse_status(text) == {"VmHWM": 150.0, "VmRSS": 100.0}


def test_a_missing_or_garbled_field_is_none():
    assert probe.parse_status("Name:\tpython\nVmRSS:\t?? kB\n") == {"VmHWM": None, "VmRSS": None}
    assert probe.memory_now("/nonexistent/status") == {"vmhwm_mib": None, "vmrss_mib": None, "source": "VmHWM"}


def test_the_probe_never_uses_ru_maxrss():
    source = Path(probe.__file__).read_text()
    assert "getrusage" not in source and "RUSAGE" not in source


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_probe_spawned_by_a_big_parent_reads_its_own_peak():
    """What made the benchmark report a false "met": ru_maxrss survives exec, so a probe started
    by a process that had just generated the journal reported the generator's peak. VmHWM is the
    probe's own."""
    import subprocess
    import sys

    big = b"\x01" * (64 * 2**20)  # filled, so resident
    code = ("import json, resource; from bench.probe import memory_now; "
            "print(json.dumps([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, memory_now()['vmhwm_mib']]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(probe.__file__).resolve().parents[1]).stdout
    del big
    inherited, own = json.loads(out)
    assert own < 48  # a bare interpreter: about 12 MiB
    assert inherited >= 64 or own <= inherited  # where Linux carries the peak over, ru_maxrss would have lied
