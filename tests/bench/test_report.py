"""The tables (bench/report.py): one per scale, and one across scales rebuilt from the saved files."""

from __future__ import annotations

import json

from bench import report
from bench.figures import MEMORY, Figure


def result(scale, window=(0.25, 0.22, 0.30), extra=(50.0, 45.0, 58.0), load=(0.5, 0.6), asked=3):
    figures = {
        "window_ratio": Figure.from_runs("window_ratio", "  window painted / bare window, per run", "x",
                                         [w / 0.2 for w in window], asked=asked),
        "extra_mib": Figure.from_runs("extra_mib", "  app minus bare window, per run", "+MiB", list(extra),
                                      kind=MEMORY),
        "search_p95_ms": Figure.from_runs("search_p95_ms", "Search p95", "ms", [10.0 * scale, 11.0 * scale, 9.0 * scale]),
    }
    return {"scale": scale, "machine": {"nproc": 2, "cpu": "AMD EPYC"}, "when": "2026-12-01 18:00 UTC",
            "commit": "abc1234", "journal": {"people": int(20000 * scale)},
            "load": {"start": [load[0], 0, 0], "end": [load[1], 0, 0], "samples_1min": list(load), "max_1min": max(load)},
            "runs_asked": 3, "interact_runs_asked": 3,
            "figures": {k: f.to_json() for k, f in figures.items()}}


def test_the_single_table_has_median_spread_runs_target_and_verdict():
    text = report.single_table(result(1))
    assert "| Measure" in text and "Median (min–max)" in text
    row = next(line for line in text.splitlines() if "window painted" in line)
    assert "1.25x (1.10–1.50)" in row and "3/3" in row and "<= 1.5x" in row and "met" in row


def test_across_scales_one_row_per_figure_and_the_growth():
    text = report.scales_table([result(5), result(0.2), result(1)])
    lines = text.splitlines()
    header = lines[0]
    assert header.index("Scale 0.2") < header.index("Scale 1 ") < header.index("Scale 5")
    assert "Grew 1 → 5 (journal 5x)" in header
    search = next(line for line in lines if line.startswith("| Search p95"))
    assert "10.0 ms (9.0–11.0) met" in search
    assert "50.0 ms (45.0–55.0) MISSED" in search
    assert search.rstrip(" |").endswith("5.0x")
    assert sum(1 for line in lines if line.startswith("| Search p95")) == 1
    assert "2 x AMD EPYC" in text


def test_across_scales_a_cell_not_measured_says_why_below():
    busy = result(5, load=(1.0, 3.2))
    short = result(1, window=(0.25, 0.22), asked=3)
    text = report.scales_table([short, busy])
    window = next(line for line in text.splitlines() if "window painted" in line)
    assert "met" not in window.replace("not measured", "")
    assert "not measured [1]" in window and "not measured [2]" in window
    assert "[1] scale 1: not measured: 2 of 3 runs completed" in text
    assert "[2] scale 5: not measured: machine busy (load 3.20 on 2 cores)" in text
    search = next(line for line in text.splitlines() if line.startswith("| Search p95"))
    assert "not measured [2]" in search  # the same reason, the same note
    assert "[3]" not in text
    assert "WARNING" in text
    extra = next(line for line in text.splitlines() if "app minus bare" in line)
    assert extra.count(" met") == 2  # memory does not depend on the load


def test_the_target_column_names_what_changes_with_the_scale():
    assert report._target_text([0.2, 1, 5], "today_ratio") == "<= 1.5x at 0.2, 1; <= 2x at 5"
    assert report._target_text([0.2, 1, 5], "window_ratio") == "<= 1.5x"
    assert report._target_text([1], "bare_s") == ""


def test_rebuilt_from_the_saved_files(tmp_path, capsys):
    for scale in (0.2, 1, 5):
        (tmp_path / f"scale-{scale:g}.json").write_text(json.dumps(result(scale)))
    (tmp_path / "scale-old.json").write_text(json.dumps({"start": {}}))  # an old result: skipped
    assert report.main([str(p) for p in sorted(tmp_path.glob("*.json"))]) == 0
    out = capsys.readouterr().out
    assert out.strip() == report.scales_table([result(0.2), result(1), result(5)]).strip()
    assert report.main([str(tmp_path / "scale-old.json")]) == 1


def test_a_long_reason_is_clipped_in_the_table_but_kept_in_the_figure():
    r = result(1)
    r["figures"]["window_ratio"]["problems"] = ["run 3: interact probe failed (exit status 1: " + "x" * 300 + ")"]
    row = next(line for line in report.single_table(r).splitlines() if "window painted" in line)
    assert "not measured: run 3: interact probe failed" in row and row.rstrip(" |").endswith("…")
    assert len(row) < 250
