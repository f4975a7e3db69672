"""IBM Debater Claim Stance benchmark: train on the 25 train topics, score the 30 unseen topics.

    .venv/bin/python bench/stance_ibm.py \
        --data ../shared/datasets/ibm-claim-stance/claim_stance_dataset_v1.csv

topicText -> question, claims.claimCorrectedText -> claim, PRO -> agree, CON -> disagree.
Data: Bar-Haim et al., "Stance Classification of Context-Dependent Claims", EACL 2017
(CC BY-SA 3.0). The test topics never occur in training, so this measures transfer to new topics.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from forecasts.stance.model import CONFIGS, scores, train  # noqa: E402

STANCES = {"PRO": "agree", "CON": "disagree"}


def load(path: Path, split: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with open(path, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["split"] == split]
    return (np.array([r["topicText"] for r in rows], dtype=object),
            np.array([r["claims.claimCorrectedText"] for r in rows], dtype=object),
            np.array([STANCES[r["claims.stance"]] for r in rows], dtype=object))


def run(path: Path, config: str) -> None:
    train_q, train_c, train_y = load(path, "train")
    test_q, test_c, test_y = load(path, "test")
    started = time.perf_counter()
    model = train(train_q, train_c, train_y, config=config)
    seconds = time.perf_counter() - started
    evaluation = scores(test_y, model.predict(test_q, test_c), config=config)
    values, counts = np.unique(test_y, return_counts=True)
    majority = counts.max() / counts.sum()
    print(f"IBM claim stance, config {config}: trained on {len(train_y)} claims / "
          f"{len(set(train_q))} topics in {seconds:.1f}s; test {len(test_y)} claims / "
          f"{len(set(test_q))} unseen topics")
    print(f"  accuracy {evaluation.accuracy:.4f}  macro-F1 {evaluation.macro_f1:.4f}  "
          f"(majority class {values[counts.argmax()]} = {majority:.4f})")
    print(f"  per-class F1 agree {evaluation.per_class_f1['agree']:.4f}  "
          f"disagree {evaluation.per_class_f1['disagree']:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="claim_stance_dataset_v1.csv")
    parser.add_argument("--config", nargs="+", default=["ibm"], choices=sorted(CONFIGS))
    args = parser.parse_args()
    for config in args.config:
        run(args.data, config)


if __name__ == "__main__":
    main()
