"""From class probabilities to a position: stance, confidence, P(yes) and the phrase behind it.

No database here: the worker, the database-free ``score_stance`` command and the demo all read a
claim the same way.
"""

import re
from dataclasses import dataclass

import numpy as np

from forecasts.stance import hedges
from forecasts.stance.model import LABELS, StanceClassifier

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
UNREADABLE_BASIS = "unreadable_claim"
PHRASE_MAX = 200
# Hedges that set a claim's position sit near its start; this bounds the work on a 100 KB claim.
HEDGE_SCAN_CHARS = 20_000


@dataclass(frozen=True)
class Position:
    stance: str
    probabilities: dict[str, float]
    confidence: float
    p_yes: float | None
    phrase: str | None
    basis: str
    reason: str

    def as_json(self) -> dict:
        return {
            "stance": self.stance,
            "probabilities": self.probabilities,
            "p_yes": self.p_yes,
            "phrase": self.phrase,
        }


def unreadable_reason(claim: str) -> str | None:
    """Why a claim cannot be read by an English model, or None when it can."""
    if not claim or not claim.strip():
        return "the claim is empty"
    if not _LATIN_WORD.search(claim):
        return "the claim has no English words"
    return None


def unreadable_position(reason: str) -> Position:
    """An explicit low-confidence neutral: the model has nothing to read."""
    flat = {label: 0.25 for label in LABELS}
    return Position(
        "neutral",
        flat,
        0.0,
        None,
        None,
        UNREADABLE_BASIS,
        f"{reason}: reported as neutral with no confidence",
    )


def position_from(stance: str, row: np.ndarray, claim: str) -> Position:
    probabilities = {label: round(float(p), 6) for label, p in zip(LABELS, row, strict=True)}
    confidence = probabilities[stance]
    implied = hedges.implied_p_yes(stance, _hedge(claim, stance), confidence)
    phrase = implied.phrase[:PHRASE_MAX] if implied.phrase else None
    p_yes = None if implied.probability is None else round(float(implied.probability), 6)
    return Position(stance, probabilities, confidence, p_yes, phrase, implied.basis, implied.reason)


def _hedge(claim: str, stance: str) -> hedges.Hedge | None:
    if stance not in ("agree", "disagree"):
        return None
    return hedges.find_hedge(claim[:HEDGE_SCAN_CHARS])


def positions(
    classifier: StanceClassifier, questions: list[str], claims: list[str]
) -> tuple[list[Position], np.ndarray]:
    """Positions of every pair from ONE vectorised predict_proba call (and the raw matrix)."""
    proba = classifier.predict_proba(questions, claims)
    stances = classifier.decide(proba) if len(claims) else []
    found = [
        _position_or_unreadable(s, row, q, c)
        for s, row, q, c in zip(stances, proba, questions, claims, strict=True)
    ]
    return found, proba


def _position_or_unreadable(stance: str, row: np.ndarray, question: str, claim: str) -> Position:
    reason = unreadable_reason(claim)
    if reason is None and not (question or "").strip():
        reason = "the question is empty"
    return unreadable_position(reason) if reason else position_from(str(stance), row, claim)


def claim_text(quote: str, paraphrase: str = "") -> str:
    """What the model reads: the expert's words, then the analyst's paraphrase if any."""
    quote, paraphrase = (quote or "").strip(), (paraphrase or "").strip()
    return f"{quote} {paraphrase}" if quote and paraphrase else quote or paraphrase
