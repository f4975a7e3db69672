"""Scoring extracted (speaker, quote) pairs against a gold annotation.

A predicted pair matches a gold pair when the speakers are equal after name normalisation
and the quotes are equal after quote normalisation (case, curly/straight quotes and
apostrophes, whitespace, surrounding punctuation), or when the quotes' word multisets
overlap by at least OVERLAP_THRESHOLD of the longer one (reported clauses may reasonably
end a word earlier or later).  Each gold pair matches at most one prediction.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from forecasts.extraction.experts import normalize_name

OVERLAP_THRESHOLD = 0.8
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_EDGES = " \t\n\"'.,;:!?"


def normalize_quote(text: str) -> str:
    plain = " ".join(text.translate(_QUOTE_MARKS).casefold().split())
    return plain.strip(_EDGES)


def _words(text: str) -> Counter:
    return Counter(re.findall(r"[\w$%'-]+", normalize_quote(text).replace('"', " ")))


def quotes_match(predicted: str, gold: str) -> bool:
    if normalize_quote(predicted) == normalize_quote(gold):
        return True
    left, right = _words(predicted), _words(gold)
    longest = max(sum(left.values()), sum(right.values()), 1)
    return sum((left & right).values()) / longest >= OVERLAP_THRESHOLD


def pairs_match(predicted: tuple[str, str], gold: tuple[str, str]) -> bool:
    same_speaker = normalize_name(predicted[0]) == normalize_name(gold[0])
    return same_speaker and quotes_match(predicted[1], gold[1])


@dataclass(frozen=True)
class PairScore:
    true_positives: int
    predicted: int
    expected: int
    missed: tuple[tuple[str, str], ...]
    spurious: tuple[tuple[str, str], ...]

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def score_pairs(
    predicted: Iterable[tuple[str, str]], expected: Sequence[tuple[str, str]]
) -> PairScore:
    unmatched = list(expected)
    spurious, predicted = [], list(predicted)
    for pair in predicted:
        hit = next((gold for gold in unmatched if pairs_match(pair, gold)), None)
        if hit is None:
            spurious.append(pair)
        else:
            unmatched.remove(hit)
    hits = len(predicted) - len(spurious)
    return PairScore(hits, len(predicted), len(expected), tuple(unmatched), tuple(spurious))
