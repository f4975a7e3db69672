"""The stance model on a probe set it never trains on: 50 questions that are not in the seed
file, 4 claims each (bench/data/stance_probe.csv; written for this project in November 2026).

    .venv/bin/python bench/stance_probe.py [--config default]

Per question: a YES prediction in the question's own words (`agree`/`restated`), a YES
prediction in other words, naming nothing the question names ("Cupertino's first handset with a
bending screen should reach shops by late next year" for a foldable-iPhone question;
`agree`/`paraphrased`), a NO prediction in the question's words (`disagree`/`restated`) and the
same actor doing something else (`unrelated`/`same-actor`). The model is trained on the whole
seed file; accuracy is printed per kind, with the pairs read as unrelated.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stance_seeds import PAIRS, load  # noqa: E402
from forecasts.stance.model import CONFIGS, scores, train  # noqa: E402

PROBE = Path(__file__).resolve().parent / "data" / "stance_probe.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="default", choices=sorted(CONFIGS))
    parser.add_argument("--probe", type=Path, default=PROBE)
    args = parser.parse_args()
    started = time.perf_counter()
    model = train(*load(PAIRS), config=args.config)
    with open(args.probe, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    predicted = model.predict([r["question"] for r in rows], [r["claim"] for r in rows])
    right: dict[str, list[bool]] = defaultdict(list)
    for row, label in zip(rows, predicted, strict=True):
        right[f"{row['label']}/{row['note']}"].append(label == row["label"])
    overall = scores([r["label"] for r in rows], predicted, config=args.config)
    wrongly_unrelated = sum(label == "unrelated" and row["label"] != "unrelated"
                            for row, label in zip(rows, predicted, strict=True))
    print(f"{len(rows)} probe pairs over {len({r['question'] for r in rows})} questions, config "
          f"{args.config} trained on the seed file [{time.perf_counter() - started:.0f}s]")
    print(f"  accuracy {overall.accuracy:.3f}; "
          + "; ".join(f"{kind} {np.mean(hits):.2f}" for kind, hits in sorted(right.items()))
          + f"; side-taking claims read as unrelated: {wrongly_unrelated}")


if __name__ == "__main__":
    main()
