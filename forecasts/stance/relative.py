"""Cues that read a short claim relative to its question, for the linear in-domain model.

Claim n-grams learn how a claim is worded; a claim about a question the model has never seen
needs cues that hold for any yes/no question instead: does the claim negate or oppose the event
the question asks about (a negation next to one of the question's words, a word that thwarts or
reverses it, "lose" against "win"), does its hedge lean yes or no once that opposition is taken
into account, does it wait for something or only state a condition. Pure: no Django.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from forecasts.stance.features import NEGATIONS, hedge_features, profile

# Words that say an event will not happen or has been stopped, whatever the event.
THWARTING = frozenset(
    """avoid avoided avert averted block blocked blocks veto vetoed reject rejected rejects
    refuse refused refuses oppose opposed opposes dead collapse collapsed collapses stall stalled
    stalls delay delayed delays postpone postponed shelved scrapped abandon abandoned halt halted
    slim remote wrong lose loses losing lost defeat defeated ousted unseated trail trailing
    behind resist resisted withdraw withdrew walked rump fail fails failed failing doomed
    off impossible unthinkable unrealistic rule ruled""".split()
)
# Pairs of opposite event words, in both directions (question says one, claim the other).
_OPPOSITES = (
    ("win", "lose"), ("win", "defeat"), ("won", "lost"), ("raise", "cut"), ("raise", "hold"),
    ("rise", "fall"), ("increase", "decrease"), ("above", "below"), ("join", "leave"),
    ("enter", "avoid"), ("sign", "reject"), ("approve", "reject"), ("launch", "scrap"),
    ("hike", "cut"), ("higher", "lower"), ("up", "down"), ("more", "less"), ("start", "stop"),
    ("begin", "end"), ("open", "close"), ("pass", "fail"), ("accept", "refuse"),
    ("adopt", "drop"), ("return", "abandon"), ("tighten", "ease"), ("lift", "keep"),
)
OPPOSITES: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITES:
    OPPOSITES[_a] = OPPOSITES.get(_a, frozenset()) | {_b}
    OPPOSITES[_b] = OPPOSITES.get(_b, frozenset()) | {_a}
CONDITIONAL = frozenset("if unless depends depending whether provided assuming once".split())
WAITING = frozenset(
    """watch watching watched wait waiting judge clarity clearer parsing eyes tone depend
    depends remains early tell decide decides decided divided either debate debated
    uncertain unclear""".split()
)
STEM = 5  # crude stemming: "offensive"/"offensives", "normalisation"/"normalise" share a prefix


def _stems(tokens) -> set[str]:
    return {t[:STEM] for t in tokens if t not in ENGLISH_STOP_WORDS and len(t) > 2}


def relative_row(question: str, claim: str) -> list[float]:
    q, c = profile(question), profile(claim)
    tokens = c.tokens
    negations = sum(t in NEGATIONS or t == "not" for t in tokens)
    thwart = sum(t in THWARTING for t in tokens)
    opposite = sum(bool(OPPOSITES.get(t, frozenset()) & set(tokens)) for t in q.tokens)
    hedge = hedge_features(claim)
    lean = hedge[1] - 0.5  # hedge probability relative to even odds
    opposed = (thwart + opposite + negations) % 2 == 1  # an odd number of flips reads as "no"
    q_stems, c_stems = _stems(q.tokens), _stems(tokens)
    shared = len(q_stems & c_stems) / max(len(q_stems), 1)
    return [negations, float(negations >= 2), thwart, opposite, float(opposed),
            lean, lean * (-1.0 if opposed else 1.0), float(hedge[0]),
            sum(t in CONDITIONAL for t in tokens), sum(t in WAITING for t in tokens),
            shared, float(shared == 0), np.log1p(len(tokens))]


class RelativeCues(TransformerMixin, BaseEstimator):
    """Dense relative cues of each (question, claim) pair (see :func:`relative_row`)."""

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=object)
        return np.array([relative_row(q, c) for q, c in X], dtype=np.float32).reshape(len(X), -1)


QUESTION_WORD = "qword"  # stands for any claim word the question also uses
WHOLE_TOKENS = r"\S+"  # the masked text is already tokenised


def masked_claim(question: str, claim: str) -> str:
    """The claim with words the question shares replaced by one placeholder, so that n-grams
    such as "not qword" or "qword off the table" carry over between questions."""
    stems = _stems(profile(question).tokens)
    tokens = profile(claim).tokens
    return " ".join(QUESTION_WORD if t[:STEM] in stems and len(t) > 2 else t for t in tokens)


class MaskedClaimTerms(TransformerMixin, BaseEstimator):
    """TF-IDF word n-grams of :func:`masked_claim` (vocabulary from training claims only)."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 3), min_df: int = 2):
        self.ngram_range = ngram_range
        self.min_df = min_df

    def fit(self, X, y=None):
        texts = self._texts(X)
        self.vectorizer_ = TfidfVectorizer(ngram_range=self.ngram_range, sublinear_tf=True,
                                           min_df=min(self.min_df, len(texts)),
                                           token_pattern=WHOLE_TOKENS, dtype=np.float32).fit(texts)
        return self

    def transform(self, X):
        return self.vectorizer_.transform(self._texts(X))

    @staticmethod
    def _texts(X) -> list[str]:
        return [masked_claim(q, c) for q, c in np.asarray(X, dtype=object)]
