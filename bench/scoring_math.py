"""Time the report math on 1,000,000 seeded forecasts against scikit-learn's equivalents.

Run: .venv/bin/python bench/scoring_math.py [--n 1000000] [--experts 1000] [--questions 20000]
Prints figures only (seconds are the best of --repeats runs; peak memory from tracemalloc).
"""

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from forecasts.scoring import fit_skill, pool_by_question, summarize  # noqa: E402


def synthetic_forecasts(n, n_experts, n_questions, seed=0):
    """Unique (question, expert) pairs; sharper experts stay closer to the true chance."""
    rng = np.random.default_rng(seed)
    pairs = np.unique(rng.integers(0, n_questions * n_experts, size=int(n * 1.05)))
    pairs = rng.permutation(pairs)[:n]
    questions, experts = pairs // n_experts, pairs % n_experts
    true_logit = rng.normal(0.0, 1.5, n_questions)
    outcomes = (rng.random(n_questions) < 1.0 / (1.0 + np.exp(-true_logit))).astype(np.int8)
    noise = rng.uniform(0.3, 2.0, n_experts)[experts] * rng.standard_normal(pairs.size)
    p = 1.0 / (1.0 + np.exp(-(true_logit[questions] + noise)))
    return questions, experts, p, outcomes[questions]


def scikit_learn_math(p, y):
    brier_score_loss(y, p)
    log_loss(y, p)
    calibration_curve(y, p, n_bins=10)
    roc_auc_score(y, p)


def best_time(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_mib(function):
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--experts", type=int, default=1_000)
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    questions, experts, p, y = synthetic_forecasts(args.n, args.experts, args.questions)

    def ours():
        return summarize(p, y)

    def theirs():
        return scikit_learn_math(p, y)

    def skill():
        return fit_skill(questions, experts, p, y)

    def pooling():
        return pool_by_question(questions, experts, p)

    ours_s, theirs_s = best_time(ours, args.repeats), best_time(theirs, args.repeats)
    print(f"forecasts                       {p.size}")
    print(f"summarize() seconds             {ours_s:.3f}")
    print(f"scikit-learn seconds            {theirs_s:.3f}")
    print(f"ratio summarize / scikit-learn  {ours_s / theirs_s:.2f}")
    print(f"summarize() peak MiB            {peak_mib(ours):.1f}")
    print(f"fit_skill() seconds             {best_time(skill, 1):.3f}")
    print(f"fit_skill() peak MiB            {peak_mib(skill):.1f}")
    print(f"pool_by_question() seconds      {best_time(pooling, args.repeats):.3f}")
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS MiB             {max_rss:.1f}")


if __name__ == "__main__":
    main()
