"""The benchmark's tables, from its results (a dict per scale, as bench/results/scale-<s>.json has).

    python -m bench.report [FILE ...]    the table across scales, rebuilt from the saved results
                                         (default: every bench/results/scale-*.json), measuring
                                         nothing; --single prints each file's own table instead

Verdicts are worked out again from each figure's runs and the targets of its scale
(bench/figures.py), so a table rebuilt from the files says what the run said.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench import figures as fig
from bench.figures import Figure

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def figures_of(result: dict) -> dict[str, Figure]:
    return {key: Figure.from_json(key, data) for key, data in result.get("figures", {}).items()}


def load_1min(result: dict) -> list[float]:
    load = result.get("load") or {}
    values = list(load.get("samples_1min") or [])
    for key in ("start", "end"):
        if load.get(key):
            values.append(load[key][0])
    return values


def busy_of(result: dict) -> str | None:
    return fig.busy_reason(load_1min(result), (result.get("machine") or {}).get("nproc"))


def verdicts_of(result: dict) -> dict[str, str]:
    targets = fig.targets_for(result["scale"])
    busy = busy_of(result)
    return {key: fig.verdict(f, targets.get(key), busy) for key, f in figures_of(result).items()}


def _markdown(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    return "\n".join(lines)


def single_table(result: dict) -> str:
    """One scale: each figure's median (min–max), its target and its verdict."""
    targets = fig.targets_for(result["scale"])
    verdicts = verdicts_of(result)
    rows = []
    for key, f in figures_of(result).items():
        target = targets.get(key)
        rows.append([f.label, fig.cell(f), f"{f.completed}/{f.asked}", target.text if target else "",
                     _clip(verdicts[key])])
    return _markdown(["Measure", "Median (min–max)", "Runs", "Target", "Verdict"], rows)


def _clip(text: str, width: int = 110) -> str:
    """A verdict short enough for a table cell (the results keep the whole reason)."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _pick(results: list[dict], wanted: float) -> dict | None:
    return next((r for r in results if r["scale"] == wanted), None)


def growth_pair(results: list[dict]) -> tuple[dict, dict] | None:
    """The two scales the growth column compares: 1 (or the next smaller) against the largest."""
    ordered = sorted(results, key=lambda r: r["scale"])
    if len(ordered) < 2:
        return None
    big = ordered[-1]
    smaller = [r for r in ordered[:-1]]
    base = _pick(smaller, 1.0) or smaller[-1]
    return base, big


def _target_text(scales: list[float], key: str) -> str:
    texts: dict[str, list[float]] = {}
    for scale in scales:
        target = fig.targets_for(scale).get(key)
        if target is not None:
            texts.setdefault(target.text, []).append(scale)
    if not texts:
        return ""
    if len(texts) == 1:
        return next(iter(texts))
    return "; ".join(f"{text} at {', '.join(f'{s:g}' for s in at)}" for text, at in texts.items())


def scales_table(results: list[dict]) -> str:
    """One row per figure, a column per scale ("median (min–max) verdict"), then how the figure
    grew from scale 1 to the largest against the journal's own growth; notes say why any cell is
    not measured, and which machine ran each scale."""
    ordered = sorted(results, key=lambda r: r["scale"])
    scales = [r["scale"] for r in ordered]
    per_scale = [figures_of(r) for r in ordered]
    verdicts = [verdicts_of(r) for r in ordered]
    pair = growth_pair(ordered)
    keys: list[str] = []
    for figures in per_scale:
        keys += [k for k in figures if k not in keys]
    header = ["Measure", "Target"] + [f"Scale {s:g}" for s in scales]
    if pair is not None:
        header.append(f"Grew {pair[0]['scale']:g} → {pair[1]['scale']:g} "
                      f"(journal {pair[1]['scale'] / pair[0]['scale']:g}x)")
    notes: list[str] = []
    rows = []
    for key in keys:
        label = next(f[key].label for f in per_scale if key in f)
        row = [label, _target_text(scales, key)]
        for scale, figures, verdict in zip(scales, per_scale, verdicts, strict=True):
            f = figures.get(key)
            if f is None:
                row.append("")
                continue
            mark = verdict.get(key, "")
            text = fig.cell(f)
            if mark.startswith(fig.NOT_MEASURED):
                note = f"scale {scale:g}: {_clip(mark, 200)}"  # one note for every cell with the same reason
                if note not in notes:
                    notes.append(note)
                text += f" not measured [{notes.index(note) + 1}]"
            elif mark:
                text += f" {mark}"
            row.append(text)
        if pair is not None:
            row.append(fig.growth_text(figures_of(pair[0]).get(key), figures_of(pair[1]).get(key)))
        rows.append(row)
    lines = [_markdown(header, rows), ""]
    lines += [f"[{i}] {note}" for i, note in enumerate(notes, 1)]
    if notes:
        lines.append("")
    lines += [f"Scale {r['scale']:g}: {machine_line(r)}" for r in ordered]
    for r in ordered:
        lines += [f"Scale {r['scale']:g}: {w}" for w in warnings(r)]
    return "\n".join(lines)


def machine_line(result: dict) -> str:
    m = result.get("machine") or {}
    j = result.get("journal") or {}
    load = result.get("load") or {}

    def one(values):
        return f"{values[0]:.2f}" if values else "?"

    journal = (f"{j.get('people', 0):,} people, {j.get('conversations', 0):,} conversations, "
               f"{j.get('next_steps', 0):,} next steps, {j.get('introductions', 0):,} introductions "
               f"({j.get('file_mib', '?')} MiB, schema {j.get('schema', '?')})")
    return (f"{result.get('when', '?')}, commit {result.get('commit', '?')}; {journal}; "
            f"{m.get('nproc', '?')} x {m.get('cpu', '?')}, Python {m.get('python', '?')}, Qt {m.get('qt', '?')} "
            f"(PySide6 {m.get('pyside6', '?')}), SQLite {m.get('sqlite', '?')}; "
            f"load average (1 min) {one(load.get('start'))} at the start, {one(load.get('end'))} at the end, "
            f"highest {load.get('max_1min') or 0:.2f}; {result.get('runs_asked', '?')} cold starts of each, "
            f"{result.get('interact_runs_asked', '?')} interactive runs")


def warnings(result: dict) -> list[str]:
    out = []
    busy = busy_of(result)
    if busy:
        out.append(f"WARNING: {busy}: the timings are not to be trusted, and none has a verdict.")
    for note in result.get("upgrades") or []:
        out.append(f"Note: {note}.")
    for error in result.get("warm_up_errors") or []:
        out.append(f"WARNING: warm-up: {error}")
    return out


def load_results(paths: list[Path] | None = None) -> list[dict]:
    files = paths or sorted(RESULTS_DIR.glob("scale-*.json"))
    results = []
    for path in files:
        data = json.loads(path.read_text())
        if "figures" in data and "scale" in data:
            results.append(data)
    return sorted(results, key=lambda r: r["scale"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="results to read (default: bench/results/scale-*.json)")
    parser.add_argument("--single", action="store_true", help="each file's own table, not the one across scales")
    args = parser.parse_args(argv)
    results = load_results(args.files or None)
    if not results:
        print("No results with figures: run `python -m bench --scales 0.2,1,5` first.", file=sys.stderr)
        return 1
    if args.single:
        for r in results:
            print(f"Scale {r['scale']:g}:\n\n{single_table(r)}\n\n{machine_line(r)}")
            for line in warnings(r):
                print(line)
            print()
    else:
        print(scales_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
