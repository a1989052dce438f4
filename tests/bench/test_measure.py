"""How `python -m bench` turns probe runs into figures, without starting any probe."""

from __future__ import annotations

import os
import sqlite3
import time

import bench.__main__ as main
from bench import figures as fig
from bench import report
from bench.__main__ import ProbeRun


def bare_run(painted, hwm=50.0):
    return ProbeRun("bare", [{"event": "painted", "at_s": painted},
                             {"event": "memory", "vmhwm_mib": hwm, "vmrss_mib": hwm, "source": "VmHWM"}])


def app_run(painted, ready, hwm=110.0, error=None):
    run = ProbeRun("app", [{"event": "painted", "at_s": painted}, {"event": "ready", "at_s": ready, "watched": "x"},
                           {"event": "views", "first_show_ms": {"today": 5.0, "people": 40.0}},
                           {"event": "memory", "vmhwm_mib": hwm, "vmrss_mib": hwm, "source": "VmHWM"}])
    run.error = error
    return run


def interact_run(key_ms=10.0, error=None, steps=24):
    events = [{"event": "painted", "at_s": 0.2},
              {"event": "search", "keystrokes": [{"text": "a" * (i + 1), "ms": key_ms + i} for i in range(20)]},
              {"event": "month", "service_ms": [2.0] * 13},
              {"event": "today", "service_ms": [30.0] * 10, "view_ms": [40.0] * 10}]
    events += [{"event": "month_view_step", "ms": 5.0} for _ in range(steps)]
    events.append({"event": "done_undo", "done_ms": [12.0], "undo_ms": [5.0], "settled_ms": [14.0]})
    run = ProbeRun("interact", events)
    run.error = error
    return run


def verdicts(figures, scale=1.0, load=None):
    result = {"scale": scale, "machine": {"nproc": 2}, "load": load or {},
              "figures": {k: f.to_json() for k, f in figures.items()}}
    return report.verdicts_of(result)


def test_clean_runs_give_verdicts():
    figures = main.build_figures([bare_run(0.2)] * 3, [app_run(0.25, 0.28)] * 3, [interact_run()] * 3,
                                 [[5.0 + i for i in range(20)]] * 3)
    v = verdicts(figures)
    assert v["window_ratio"] == "met"
    assert v["today_ratio"] == "met"  # 1.4x
    assert v["extra_mib"] == "met"
    assert v["search_p95_ms"] == "MISSED"  # p95 of 10..29 ms is about 28 ms
    assert v["month_p95_ms"] == "met"
    assert v["undo_p50_ms"] == "met"
    assert figures["extra_mib"].runs == [60.0, 60.0, 60.0]


def test_an_unreadable_memory_is_never_met():
    apps = [app_run(0.25, 0.28), app_run(0.25, 0.28, hwm=None), app_run(0.25, 0.28)]
    figures = main.build_figures([bare_run(0.2)] * 3, apps, [interact_run()] * 3, [[5.0] * 20] * 3)
    v = verdicts(figures)
    assert v["extra_mib"] == "not measured: run 2: no VmHWM read"
    assert figures["extra_mib"].completed == 2


def test_memory_not_from_vmhwm_is_not_taken():
    run = bare_run(0.2)
    run.events[1] = {"event": "memory", "peak_rss_mib": 372.0}  # an old probe's ru_maxrss
    figures = main.build_figures([run, bare_run(0.2), bare_run(0.2)], [app_run(0.25, 0.28)] * 3,
                                 [interact_run()] * 3, [[5.0] * 20] * 3)
    assert verdicts(figures)["extra_mib"].startswith("not measured")


def test_a_probe_error_taints_every_figure_of_that_probe():
    apps = [app_run(0.25, 0.28), app_run(0.25, 0.28, error="app probe failed (exit status 1)"), app_run(0.25, 0.28)]
    figures = main.build_figures([bare_run(0.2)] * 3, apps, [interact_run()] * 3, [[5.0] * 20] * 3)
    v = verdicts(figures)
    for key in ("window_ratio", "today_ratio", "extra_mib"):
        assert v[key] == "not measured: run 2: app probe failed (exit status 1)"
    assert v["month_p95_ms"] == "met"  # the interactive runs were clean


def test_a_crashed_month_switch_is_not_measured():
    runs = [interact_run(), interact_run(steps=7, error="interact probe failed (exit status 1)"), interact_run()]
    figures = main.build_figures([bare_run(0.2)] * 3, [app_run(0.25, 0.28)] * 3, runs, [[5.0] * 20] * 3)
    v = verdicts(figures)
    assert v["month_p95_ms"].startswith("not measured: run 2: interact probe failed")
    assert figures["month_p95_ms"].completed == 2


def test_a_probe_that_never_painted_leaves_its_run_missing():
    never = ProbeRun("app", [])
    never.error = "app probe failed (exit status 1: OperationalError: database is locked)"
    figures = main.build_figures([bare_run(0.2)] * 3, [app_run(0.25, 0.28), never, app_run(0.25, 0.28)],
                                 [interact_run()] * 3, [[5.0] * 20] * 3)
    assert figures["window_s"].completed == 2 and figures["window_s"].asked == 3
    assert verdicts(figures)["window_ratio"].startswith("not measured")


def test_a_busy_machine_shows_in_every_timing_verdict():
    figures = main.build_figures([bare_run(0.2)] * 3, [app_run(0.25, 0.28)] * 3, [interact_run()] * 3,
                                 [[5.0] * 20] * 3)
    v = verdicts(figures, load={"start": [1.0, 1.0, 1.0], "end": [3.5, 2.0, 1.0], "samples_1min": [1.5]})
    assert v["window_ratio"] == "not measured: machine busy (load 3.50 on 2 cores)"
    assert v["extra_mib"] == "met"


def test_an_upgrade_during_a_measured_run_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / "journal.sqlite3"
    sqlite3.connect(path).execute("PRAGMA user_version = 6").connection.close()

    def upgrading_probe(args, env, timeout_s=0):
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 7")
        conn.close()
        return app_run(0.25, 0.28)

    monkeypatch.setattr(main, "run_probe", upgrading_probe)
    session = main.Session(path, {})
    run = session.probe(["app", str(path)])
    assert run.error == "the journal was upgraded (schema 6 to 7) in a measured run"
    monkeypatch.setattr(main, "run_probe", lambda args, env, timeout_s=0: app_run(0.25, 0.28))
    assert session.probe(["app", str(path)]).error is None


def test_a_journal_still_being_generated_is_left_alone(tmp_path, monkeypatch):
    import bench.generate as generate

    monkeypatch.setattr(generate, "CACHE_DIR", tmp_path)
    size = generate.Size().scaled(5)
    path = tmp_path / f"journal-{size.tag}-s{generate.SEED}.sqlite3"
    path.write_bytes(b"half written")
    monkeypatch.setattr(main, "cached", lambda size: (_ for _ in ()).throw(AssertionError("would regenerate")))
    found, why = main.journal_ready(size)
    assert found is None and "still being generated" in why
    assert path.read_bytes() == b"half written"
    old = time.time() - 3600
    os.utime(path, (old, old))  # abandoned long ago: generated again
    monkeypatch.setattr(main, "cached", lambda size: path)
    assert main.journal_ready(size) == (path, None)


def test_the_targets_follow_the_scale():
    figures = main.build_figures([bare_run(0.2)] * 3, [app_run(0.25, 0.36)] * 3, [interact_run()] * 3,
                                 [[5.0] * 20] * 3)
    assert verdicts(figures, scale=1)["today_ratio"] == "MISSED"  # 1.8x
    assert verdicts(figures, scale=5)["today_ratio"] == "met"
    assert fig.targets_for(5)["today_ratio"].value == 2.0


def test_measure_alternates_probes_and_keeps_the_earlier_keys(tmp_path, monkeypatch):
    path = tmp_path / "journal.sqlite3"
    sqlite3.connect(path).execute("PRAGMA user_version = 7").connection.close()
    modes = []

    def fake_probe(args, env, timeout_s=0):
        modes.append(args[0])
        return {"bare": bare_run(0.2), "app": app_run(0.25, 0.28)}.get(args[0]) or interact_run()

    monkeypatch.setattr(main, "run_probe", fake_probe)
    monkeypatch.setattr(main, "raw_search_ms", lambda path, texts: [5.0] * len(texts))
    measured = main.measure(path, 3, 2)
    assert modes == ["app", "bare"] + ["bare", "app"] * 3 + ["interact"] * 2  # warm-ups first, not counted
    figures = measured["figures"]
    assert figures["window_s"].asked == 3 and figures["search_p95_ms"].asked == 2
    assert figures["search_ratio"].median > 1
    assert measured["upgrades"] == [] and measured["probe_errors"] == []
    old = main.compatible(figures, measured)
    assert old["start"]["ratio"] == figures["window_ratio"].median
    assert old["memory"]["source"] == "VmHWM" and old["memory"]["extra_mib"] == 60.0
    assert old["month_switch"]["view_switches"] == 24
    assert old["done_undo"]["rounds"] == 1
    assert old["search"]["raw_p50_ms"] == 5.0
