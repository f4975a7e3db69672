"""Precision/recall of extracted (speaker, quote) pairs on the gold corpus, and throughput.

Usage: .venv/bin/python bench/extraction.py [--corpus DIR] [--seconds N] [--verbose]
       [--real-bodies ../shared/datasets/fnc-1/train_bodies.csv]
Matching rule: see forecasts/extraction/evaluation.py.  ``--real-bodies`` also runs the
extractor over a CSV of real news bodies (column ``articleBody``, e.g. FNC-1; read in place,
never copied) and prints volume, pattern mix and speed -- a smoke test on text nobody tuned for.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from forecasts.extraction import extract_quotes  # noqa: E402
from forecasts.extraction.evaluation import PairScore, score_pairs  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "extraction" / "corpus"
TARGET_BYTES = 4096


def load_corpus(folder: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    articles = []
    for text_path in sorted(folder.glob("*.txt")):
        gold = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        pairs = [tuple(pair) for pair in gold["expected"]]
        articles.append((text_path.stem, text_path.read_text(encoding="utf-8"), pairs))
    return articles


def evaluate(articles, verbose: bool) -> PairScore:
    totals = [0, 0, 0]
    for name, text, expected in articles:
        found = [(q.speaker, q.quote) for q in extract_quotes(text)]
        score = score_pairs(found, expected)
        counts = (score.true_positives, score.predicted, score.expected)
        totals = [total + count for total, count in zip(totals, counts, strict=True)]
        print(f"{name:24s} P={score.precision:.2f} R={score.recall:.2f} "
              f"({score.true_positives}/{score.expected})")
        if verbose:
            for pair in score.missed:
                print(f"    missed   {pair}")
            for pair in score.spurious:
                print(f"    spurious {pair}")
    return PairScore(totals[0], totals[1], totals[2], (), ())


def four_kb(text: str) -> str:
    while len(text.encode("utf-8")) < TARGET_BYTES:
        text = text + "\n\n" + text
    return text.encode("utf-8")[:TARGET_BYTES].decode("utf-8", errors="ignore")


def throughput(articles, seconds: float) -> tuple[float, int]:
    texts = [four_kb(text) for _, text, _ in articles]
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for text in texts:
            extract_quotes(text)
        count += len(texts)
    return count / (time.perf_counter() - started), len(texts[0].encode("utf-8"))


def real_text_smoke(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        bodies = [row["articleBody"] for row in csv.DictReader(handle)]
    started = time.perf_counter()
    patterns = Counter(q.pattern for body in bodies for q in extract_quotes(body))
    elapsed = time.perf_counter() - started
    print(f"\nreal bodies={len(bodies)} quotes={sum(patterns.values())} "
          f"rate={len(bodies) / elapsed:.0f} bodies/s")
    print("patterns: " + ", ".join(f"{name}={count}" for name, count in patterns.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--real-bodies", type=Path, help="CSV with an articleBody column")
    args = parser.parse_args()
    articles = load_corpus(args.corpus)
    total = evaluate(articles, args.verbose)
    print(f"\narticles={len(articles)} gold pairs={total.expected} predicted={total.predicted}")
    print(f"precision={total.precision:.3f} recall={total.recall:.3f}")
    rate, size = throughput(articles, args.seconds)
    print(f"throughput={rate:.0f} articles/s (articles of {size} bytes, one process)")
    if args.real_bodies:
        real_text_smoke(args.real_bodies)


if __name__ == "__main__":
    main()
