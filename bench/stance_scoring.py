"""Throughput of the worker's scoring path without the database: one batch of claims against
every question (predict_proba once, then the hedge phrase and P(yes) of each pair).

    .venv/bin/python bench/stance_scoring.py [--claims 50] [--questions 200]

Uses the seed-trained model (cached under STANCE_ARTIFACT_DIR). Texts are the seed pairs', so
features of a claim repeated against many questions may be cached by the pipeline, as in a batch.
"""
import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from forecasts.services.stance import corpora, offline  # noqa: E402
from forecasts.services.stance.positions import positions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=50)
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args()
    seeds = corpora.seed_pairs()
    model = offline.seed_model()
    claims = list(dict.fromkeys(seeds.claims))[: args.claims]
    questions = list(dict.fromkeys(seeds.questions))
    questions = (questions * (args.questions // len(questions) + 1))[: args.questions]
    pair_questions = [q for _ in claims for q in questions]
    pair_claims = [c for c in claims for _ in questions]
    started = time.perf_counter()
    found, _ = positions(model.classifier, pair_questions, pair_claims)
    seconds = time.perf_counter() - started
    sided = sum(p.p_yes is not None for p in found)
    print(f"{len(found)} pairs ({len(claims)} claims x {len(questions)} questions) in "
          f"{seconds:.2f}s: {len(found) / seconds:,.0f} pairs/s; {sided} with a P(yes)")


if __name__ == "__main__":
    main()
