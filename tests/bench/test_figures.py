"""The benchmark's verdict rules (bench/figures.py): never "met" for a figure not measured cleanly."""

from __future__ import annotations

import pytest

from bench import figures as fig
from bench.figures import MEMORY, Figure, Target


def timing(values, **kw):
    return Figure.from_runs("window_ratio", "ratio", "x", values, **kw)


def test_a_clean_figure_is_met_or_missed_on_its_median():
    target = Target("<=", 1.5, "x")
    assert fig.verdict(timing([1.2, 1.4, 1.9]), target) == "met"  # median 1.4, though one run is above
    assert fig.verdict(timing([1.2, 1.6, 1.9]), target) == "MISSED"
    assert fig.verdict(timing([1.2, 1.6, 1.9]), None) == ""


def test_a_missing_run_is_never_met():
    figure = timing([1.0, None, 1.1, 1.0])
    assert (figure.asked, figure.completed) == (4, 3)
    assert not figure.clean
    assert fig.verdict(figure, Target("<=", 1.5, "x")) == "not measured: 3 of 4 runs completed"


def test_a_probe_error_is_never_met_even_with_every_value():
    figure = timing([1.0, 1.0, 1.0], problems=["run 2: app probe failed (exit status 1)"])
    assert figure.completed == figure.asked == 3
    assert fig.verdict(figure, Target("<=", 1.5, "x")) == "not measured: run 2: app probe failed (exit status 1)"


def test_a_timing_needs_three_runs_memory_does_not():
    assert fig.verdict(timing([1.0, 1.0]), Target("<=", 1.5, "x")) == "not measured: only 2 runs (3 needed)"
    memory = Figure.from_runs("extra_mib", "extra", "+MiB", [40.0], kind=MEMORY)
    assert fig.verdict(memory, Target("<=", 60, "+MiB")) == "met"


def test_no_run_at_all_is_not_measured():
    assert fig.verdict(timing([None, None, None]), Target("<", 16, "ms")) == "not measured: no run completed"
    assert fig.cell(timing([None, None, None])) == "—"


def test_a_busy_machine_takes_the_verdict_from_timings_only():
    busy = fig.busy_reason([1.2, 2.6, 1.9], 2)
    assert busy == "machine busy (load 2.60 on 2 cores)"
    assert fig.busy_reason([1.2, 2.0], 2) is None
    assert fig.verdict(timing([1.0, 1.0, 1.0]), Target("<=", 1.5, "x"), busy) == f"not measured: {busy}"
    memory = Figure.from_runs("extra_mib", "extra", "+MiB", [40.0, 50.0, 45.0], kind=MEMORY)
    assert fig.verdict(memory, Target("<=", 60, "+MiB"), busy) == "met"


def test_every_cell_prints_median_and_spread():
    assert fig.cell(Figure.from_runs("s", "s", "s", [0.27, 0.21, 0.34])) == "0.27 s (0.21–0.34)"
    assert fig.cell(Figure.from_runs("m", "m", "ms", [14.3, 12.0, 33.04])) == "14.3 ms (12.0–33.0)"
    assert fig.cell(timing([1.39, 1.2, 1.5])) == "1.39x (1.20–1.50)"
    assert fig.cell(Figure.from_runs("e", "e", "+MiB", [55.4, 50.2, 61.0], kind=MEMORY)) == "+55.4 MiB (50.2–61.0)"
    assert fig.cell(Figure.from_runs("m", "m", "MiB", [106.02, 105.0, 107.0], kind=MEMORY)) == "106.0 MiB (105.0–107.0)"


def test_the_extra_memory_is_the_median_of_per_run_pairs():
    app = [100.0, 200.0, 150.0]
    bare = [50.0, 160.0, 60.0]
    extra = Figure.from_runs("extra_mib", "extra", "+MiB", fig.per_run(app, bare, fig.difference), kind=MEMORY)
    assert extra.runs == [50.0, 40.0, 90.0]
    assert extra.median == 50.0  # not median(app) - median(bare), which is 90
    assert (extra.min, extra.max) == (40.0, 90.0)


def test_pairs_keep_their_runs_when_one_is_missing():
    assert fig.per_run([1.0, None, 3.0], [2.0, 2.0, None], fig.difference) == [-1.0, None, None]
    assert fig.per_run([1.0, 2.0], [0.0, 4.0], fig.ratio) == [None, 0.5]
    with pytest.raises(ValueError):
        fig.per_run([1.0], [1.0, 2.0], fig.ratio)


def test_growth_is_the_ratio_of_medians():
    small = Figure.from_runs("s", "s", "ms", [10.0, 12.0, 11.0])
    big = Figure.from_runs("s", "s", "ms", [14.0, 15.0, 13.0])
    assert fig.growth(small, big) == pytest.approx(14 / 11)
    assert fig.growth_text(small, big) == "1.3x"
    assert fig.growth_text(None, big) == "—"
    assert fig.growth_text(Figure.from_runs("s", "s", "ms", [None]), big) == "—"
    assert fig.growth_text(Figure.from_runs("s", "s", "ms", [0.0]), big) == "—"


def test_targets_by_scale():
    for scale in (0.2, 1):
        targets = fig.targets_for(scale)
        assert targets["today_ratio"].value == 1.5
        assert targets["search_ratio"].value == 1.5
    big = fig.targets_for(5)
    assert big["today_ratio"].value == 2.0
    assert big["search_ratio"].value == 2.0
    assert big["window_ratio"].value == 1.5
    assert big["extra_mib"].text == "<= +60 MiB"
    assert big["search_p95_ms"].text == "< 16 ms"
    assert not big["search_p95_ms"].holds(16.0)
    assert big["extra_mib"].holds(60.0)


def test_a_figure_survives_its_json():
    figure = timing([1.0, None, 1.2], problems=["run 2: why"])
    again = Figure.from_json(figure.key, figure.to_json())
    assert (again.runs, again.asked, again.problems, again.kind) == ([1.0, 1.2], 3, ["run 2: why"], "timing")
    assert again.to_json()["reason"] == "run 2: why"


def test_percentile_interpolates():
    assert fig.percentile([], 95) is None
    assert fig.percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert fig.percentile(list(range(1, 21)), 95) == pytest.approx(19.05)
