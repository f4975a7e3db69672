"""Automatic linking on the seed pairs: how often a claim is linked to a question it speaks to,
and how often to one it does not, with and without the anchor gate (forecasts/stance/relation.py).

    .venv/bin/python bench/stance_linking.py [--config default] [--seed 0] [--others 3] [--skip-note restated]

5-fold cross-validation grouped by question: the model never saw the test questions. For each
test claim, its own question (a link is wanted when the gold label is not `unrelated`) and
``--others`` other test questions drawn at random (another question's claim: a false link if
linked). A pair is linked as the worker links an open question it was not told about:
P(unrelated) below 0.5 (settings.STANCE_RELATED_BELOW) and, with the gate, an anchor shared with
the question. ``--skip-note`` leaves the pairs with that note out of the related pairs counted
(the `restated` claims repeat their question's words and always share an anchor with it). The
rule is the service's (forecasts/services/stance/scoring.py) restated here, without its check that
the decided stance is not `unrelated`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stance_seeds import PAIRS, load, notes  # noqa: E402
from forecasts.stance.model import CONFIGS, LABELS, train  # noqa: E402
from forecasts.stance.relation import anchored  # noqa: E402

RELATED_BELOW = 0.5
UNRELATED = LABELS.index("unrelated")


def other_questions(questions: np.ndarray, rows: np.ndarray, count: int, seed: int):
    """(row, other question) pairs: each test claim against ``count`` other test questions."""
    rng = np.random.default_rng(seed)
    pool = sorted(set(questions[rows]))
    out = []
    for row in rows:
        choices = [q for q in pool if q != questions[row]]
        for index in rng.choice(len(choices), size=min(count, len(choices)), replace=False):
            out.append((row, choices[index]))
    return out


def linked(model, questions, claims, gate: bool) -> np.ndarray:
    related = model.predict_proba(questions, claims)[:, UNRELATED] < RELATED_BELOW
    if not gate:
        return related
    return related & np.array([anchored(q, c) for q, c in zip(questions, claims, strict=True)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="default", choices=sorted(CONFIGS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--others", type=int, default=3)
    parser.add_argument("--skip-note", default="", help="related pairs with this note not counted")
    args = parser.parse_args()
    questions, claims, labels = (np.asarray(v, dtype=object) for v in load(PAIRS))
    note = np.asarray(notes(PAIRS), dtype=object)
    if args.skip_note and args.skip_note not in set(note):
        parser.error(f"no pair has the note {args.skip_note!r}")
    started = time.perf_counter()
    own: dict[bool, list] = {True: [], False: []}
    false: dict[bool, list] = {True: [], False: []}
    folds = StratifiedGroupKFold(5, shuffle=True, random_state=args.seed)
    for fit, test in folds.split(questions, labels, questions):
        model = train(questions[fit], claims[fit], labels[fit], config=args.config)
        speaks = test[(labels[test] != "unrelated") & (note[test] != args.skip_note)]
        crossed = other_questions(questions, test, args.others, args.seed)
        cross_q = [q for _, q in crossed]
        cross_c = [claims[row] for row, _ in crossed]
        for gate in (False, True):
            own[gate] += list(linked(model, questions[speaks], claims[speaks], gate))
            false[gate] += list(linked(model, cross_q, cross_c, gate))
    print(f"{len(questions)} pairs, config {args.config}, 5 folds grouped by question, seed "
          f"{args.seed}, {args.others} other questions per claim"
          f"{f', related pairs without note {args.skip_note!r}' if args.skip_note else ''} "
          f"[{time.perf_counter() - started:.0f}s]")
    for gate in (False, True):
        print(f"  {'with' if gate else 'without'} the anchor gate: own question linked "
              f"{np.mean(own[gate]):.3f} of {len(own[gate])} related pairs; another question's "
              f"claim linked {np.mean(false[gate]):.3f} of {len(false[gate])} pairs")


if __name__ == "__main__":
    main()
