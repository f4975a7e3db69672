"""In-domain stance benchmark: cross-validated macro-F1 on the team's seed pairs.

    .venv/bin/python bench/stance_seeds.py [--config default] [--seeds 0 1 2] [--skip-note restated]

Two protocols, both 5-fold: stratified by label (other claims on the same questions are in
training) and grouped by question (every question of a test fold is unseen, the harder case of
a newly opened question). Each is repeated over the given shuffling seeds and averaged.
``--skip-note`` trains on every pair but scores only the pairs whose `note` differs (the
`restated` claims, which repeat their question's words, are easy once such claims are trained on).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from forecasts.stance.model import CONFIGS, LABELS, evaluate  # noqa: E402

PAIRS = Path(__file__).resolve().parents[1] / "seeds" / "stance" / "pairs.csv"


def load(path: Path) -> tuple[list[str], list[str], list[str]]:
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return ([r["question"] for r in rows], [r["claim"] for r in rows], [r["label"] for r in rows])


def notes(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [r.get("note", "") for r in csv.DictReader(handle)]


def run(data: tuple[list[str], list[str], list[str]], config: str, seeds: list[int],
        grouped: bool, scored: list[bool] | None = None, skip_note: str = "") -> None:
    questions, claims, labels = data
    started = time.perf_counter()
    results = [evaluate(questions, claims, labels, seed=seed, config=config,
                        group_by_question=grouped, scored=scored) for seed in seeds]
    macro = [r.macro_f1 for r in results]
    per_class = {label: np.mean([r.per_class_f1[label] for r in results]) for label in LABELS}
    scope = f", scored without note {skip_note!r}" if skip_note else ""
    print(f"{config} {'grouped by question' if grouped else 'stratified'} 5-fold{scope}, seeds {seeds}: "
          f"macro-F1 {np.mean(macro):.4f} (min {min(macro):.4f}, max {max(macro):.4f})  "
          f"per-class {{{', '.join(f'{k}: {v:.3f}' for k, v in per_class.items())}}}  "
          f"[{time.perf_counter() - started:.0f}s]")
    print(f"  confusion of seed {seeds[0]} (rows true, cols predicted, order {LABELS}):",
          results[0].confusion)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=PAIRS, help="CSV question,claim,label")
    parser.add_argument("--config", nargs="+", default=["default"], choices=sorted(CONFIGS))
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--skip-note", default="", help="score only pairs whose note differs")
    args = parser.parse_args()
    data, pair_notes = load(args.data), notes(args.data)
    if args.skip_note and args.skip_note not in set(pair_notes):
        parser.error(f"no pair has the note {args.skip_note!r}")
    scored = [note != args.skip_note for note in pair_notes] if args.skip_note else None
    questions = data[0]
    print(f"{len(questions)} pairs over {len(set(questions))} questions ({args.data.name})")
    for config in args.config:
        for grouped in (False, True):
            run(data, config, args.seeds, grouped, scored, args.skip_note)


if __name__ == "__main__":
    main()
