"""The benchmark's figures, their targets and the rule that gives each its verdict.

A figure is one measure taken in several runs (a fresh process each for start-up and memory, one
interactive probe each for search, month switch and undo): the values of the runs that completed,
how many runs were asked for, its unit and the problems met on the way.

The rule, so that the benchmark never reports a false "met":

- A figure is *clean* when every run asked for completed, no probe it came from failed, exited
  with an error or upgraded the journal while measured, every memory value was read from the
  probe's own VmHWM (/proc/<pid>/status; never ru_maxrss, which a process inherits across exec),
  a timing has at least 3 runs, and, for a timing, the machine was not busy (its 1-minute load
  average at no sample above its number of cores).
- Its verdict is "met" when it is clean and the target holds for its median, "MISSED" when it is
  clean and the target does not hold, and otherwise "not measured: <the first reason>".
  A figure without a target has no verdict ("").

Every figure prints as "median (min–max)"; a ratio or a difference of two figures is taken per
run (run i of the app against run i of the bare window, each its own process) and its median,
min and max are those of the per-run values.

Pure: no Qt, no processes, no files; tests/bench/ checks it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

MIN_TIMING_RUNS = 3
TIMING = "timing"
MEMORY = "memory"

MET = "met"
MISSED = "MISSED"
NOT_MEASURED = "not measured"


@dataclass
class Figure:
    key: str
    label: str
    unit: str  # "s", "ms", "MiB", "+MiB" (a difference) or "x" (a ratio)
    runs: list[float]  # the values of the runs that completed
    asked: int  # how many runs were asked for
    kind: str = TIMING  # TIMING or MEMORY
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_runs(cls, key: str, label: str, unit: str, values: Sequence[float | None], *, asked: int | None = None,
                  kind: str = TIMING, problems: Sequence[str] = ()) -> Figure:
        """A figure from one value per run asked for, None where a run gave none."""
        return cls(key, label, unit, [float(v) for v in values if v is not None],
                   len(values) if asked is None else asked, kind, list(problems))

    @property
    def completed(self) -> int:
        return len(self.runs)

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None

    @property
    def min(self) -> float | None:
        return min(self.runs) if self.runs else None

    @property
    def max(self) -> float | None:
        return max(self.runs) if self.runs else None

    @property
    def reason(self) -> str | None:
        """Why the figure is not clean (None when it is)."""
        if self.problems:
            return self.problems[0]
        if self.asked <= 0 or not self.runs:
            return "no run completed"
        if self.completed < self.asked:
            return f"{self.completed} of {self.asked} runs completed"
        if self.kind == TIMING and self.completed < MIN_TIMING_RUNS:
            return f"only {self.completed} run{'s' if self.completed != 1 else ''} ({MIN_TIMING_RUNS} needed)"
        return None

    @property
    def clean(self) -> bool:
        return self.reason is None

    def to_json(self) -> dict:
        return {"label": self.label, "unit": self.unit, "kind": self.kind, "runs": self.runs, "asked": self.asked,
                "completed": self.completed, "median": self.median, "min": self.min, "max": self.max,
                "clean": self.clean, "reason": self.reason, "problems": self.problems}

    @classmethod
    def from_json(cls, key: str, data: dict) -> Figure:
        return cls(key, data["label"], data["unit"], [float(v) for v in data["runs"]], int(data["asked"]),
                   data.get("kind", TIMING), list(data.get("problems", [])))


def per_run(a: Sequence[float | None], b: Sequence[float | None],
            combine: Callable[[float, float], float]) -> list[float | None]:
    """combine(a[i], b[i]) for each run, None where either run gave nothing (or b[i] is 0 for a
    ratio): pairs stay pairs, a missing run never shifts the others."""
    if len(a) != len(b):
        raise ValueError(f"{len(a)} runs against {len(b)}")
    out: list[float | None] = []
    for x, y in zip(a, b, strict=True):
        try:
            out.append(None if x is None or y is None else combine(x, y))
        except ZeroDivisionError:
            out.append(None)
    return out


def ratio(a: float, b: float) -> float:
    return a / b


def difference(a: float, b: float) -> float:
    return a - b


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile with linear interpolation (None for no values)."""
    ordered = sorted(values)
    if not ordered:
        return None
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


@dataclass(frozen=True)
class Target:
    op: str  # "<=" or "<"
    value: float
    unit: str

    def holds(self, x: float) -> bool:
        return x <= self.value if self.op == "<=" else x < self.value

    @property
    def text(self) -> str:
        if self.unit == "+MiB":
            return f"{self.op} +{self.value:g} MiB"
        if self.unit == "x":
            return f"{self.op} {self.value:g}x"
        return f"{self.op} {self.value:g} {self.unit}"


def targets_for(scale: float) -> dict[str, Target]:
    """Issue 18's targets: at scale 1 and below Today within 1.5x the bare window and the search
    p95 within 1.5x the raw FTS5 statements; above scale 1, 2x for both. The rest at any scale."""
    big = scale > 1
    return {
        "window_ratio": Target("<=", 1.5, "x"),
        "today_ratio": Target("<=", 2.0 if big else 1.5, "x"),
        "extra_mib": Target("<=", 60, "+MiB"),
        "search_p95_ms": Target("<", 16, "ms"),
        "search_ratio": Target("<=", 2.0 if big else 1.5, "x"),
        "month_p95_ms": Target("<", 16, "ms"),
        "undo_p50_ms": Target("<", 16, "ms"),
    }


def verdict(figure: Figure, target: Target | None, busy: str | None = None) -> str:
    """"met", "MISSED", "not measured: <reason>", or "" for a figure without a target. `busy`
    (the machine's load, when it was above its cores) keeps timings from any verdict."""
    if target is None:
        return ""
    reason = figure.reason
    if reason is None and busy and figure.kind == TIMING:
        reason = busy
    if reason is not None:
        return f"{NOT_MEASURED}: {reason}"
    assert figure.median is not None
    return MET if target.holds(figure.median) else MISSED


def busy_reason(load_1min: Sequence[float], cores: int | None) -> str | None:
    """Why timings on this machine are not to be trusted: a 1-minute load average above the cores."""
    if not cores or not load_1min:
        return None
    worst = max(load_1min)
    return f"machine busy (load {worst:.2f} on {cores} cores)" if worst > cores else None


def number(value: float | None, unit: str, *, signed: bool = True) -> str:
    """A value as the tables print it, without its unit (MiB to a tenth, so that a median of
    60.3 over a target of 60 does not print as 60)."""
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f}"
    if unit == "x":
        return f"{value:.2f}"
    if unit == "+MiB" and signed:
        return f"{value:+.1f}"
    return f"{value:.1f}"


def with_unit(text: str, unit: str) -> str:
    if unit == "x":
        return f"{text}x"
    if unit == "+MiB":
        return f"{text} MiB"
    return f"{text} {unit}"


def cell(figure: Figure) -> str:
    """"median (min–max)" with the unit, e.g. "0.27 s (0.21–0.34)"; "—" without a run."""
    if not figure.runs:
        return "—"
    low, high = (number(v, figure.unit, signed=False) for v in (figure.min, figure.max))
    return f"{with_unit(number(figure.median, figure.unit), figure.unit)} ({low}–{high})"


def growth(small: Figure | None, big: Figure | None) -> float | None:
    """How many times the median grew from one scale to another (None when it cannot be said)."""
    if small is None or big is None or small.median is None or big.median is None or small.median <= 0:
        return None
    return big.median / small.median


def growth_text(small: Figure | None, big: Figure | None) -> str:
    g = growth(small, big)
    return "—" if g is None else f"{g:.1f}x"
