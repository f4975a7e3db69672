"""Cues that read a short claim relative to its question, for the linear in-domain model.

Claim n-grams learn how a claim is worded; a claim about a question the model has never seen
needs cues that hold for any yes/no question instead: does the claim negate or oppose the event
the question asks about (a negation next to one of the question's words, a word that thwarts or
reverses it, "lose" against "win"), does its hedge lean yes or no once that opposition is taken
into account, does it wait for something or only state a condition. Pure: no Django.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from forecasts.stance.features import (
    MAX_TEXT_CHARS,
    NEGATIONS,
    clean_text,
    hedge_features,
    profile,
)
from forecasts.stance.scope import THWARTING, scoped_cues, topic_stems

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
# Outcomes a claim can credit to someone: naming a different winner answers a "will X win" question.
POSITIVE_OUTCOME = frozenset(
    """win wins won winning elected reelected victory victorious triumph triumphs prevail
    prevails landslide frontrunner favourite
    favorite succeed succeeds become becomes""".split()
)
_NAME = re.compile(r"\b[A-Z][a-zA-Z]+")
_WORD = re.compile(r"[A-Za-z0-9']+")
RIVAL_WINDOW = 6
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
    rival = rival_outcome(question, claim)  # a rival's win flips the reading like a negation
    opposed = (thwart + opposite + negations + rival) % 2 == 1  # an odd number of flips is "no"
    q_stems, c_stems = _stems(q.tokens), _stems(tokens)
    shared = len(q_stems & c_stems) / max(len(q_stems), 1)
    return [negations, float(negations >= 2), thwart, opposite, float(opposed),
            lean, lean * (-1.0 if opposed else 1.0), float(hedge[0]),
            sum(t in CONDITIONAL for t in tokens), sum(t in WAITING for t in tokens),
            shared, float(shared == 0), np.log1p(len(tokens))]


def scoped_relative_row(question: str, claim: str) -> list[float]:
    """:func:`relative_row` with negations, thwarting words, opposition and the signed hedge lean
    read only in the clauses about the question (``scope.py``), and without the claim's length:
    a "no" about something else, or a long claim, says nothing about whether it is on topic."""
    row = relative_row(question, claim)[:-1]
    scoped = scoped_cues(question, claim)
    row[0], row[1], row[2] = scoped.negations, float(scoped.negations >= 2), scoped.thwarting
    row[4], row[5], row[6] = float(scoped.opposed), scoped.lean, scoped.signed_lean
    row[7] = float(scoped.hedged)
    return row + [float(scoped.elsewhere)]


def _names(text: str) -> set[str]:
    """Stems of capitalised words other than stop words: a rough proxy for named entities."""
    words = (m.group().lower() for m in _NAME.finditer(text))
    return {w[:STEM] for w in words if w not in ENGLISH_STOP_WORDS}


def rival_outcome(question: str, claim: str) -> float:
    """1 when the claim credits a win to a name, shortly before the outcome word, that the
    question does not mention while the question asks whether someone wins: a rival's win is a no."""
    if not POSITIVE_OUTCOME & set(profile(question).tokens):
        return 0.0
    known = _names(question) | _stems(profile(question).tokens)
    words = _WORD.findall(claim)
    return float(any(_credited_rival(words[max(i - RIVAL_WINDOW, 0):i], known)
                     for i, w in enumerate(words) if w.lower() in POSITIVE_OUTCOME))


def _credited_rival(before: list[str], known: set[str]) -> bool:
    lowered = [w.lower() for w in before]
    if any(w in NEGATIONS or w == "not" or w.endswith("n't") for w in lowered):
        return False
    return any(w[:1].isupper() and w.lower() not in ENGLISH_STOP_WORDS
               and w.lower()[:STEM] not in known for w in before)


class RelativeCues(TransformerMixin, BaseEstimator):
    """Dense relative cues of each (question, claim) pair: :func:`relative_row`, or with
    ``scoped`` :func:`scoped_relative_row`, then the rival-winner cue."""

    def __init__(self, scoped: bool = False):
        self.scoped = scoped

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=object)
        scoped = getattr(self, "scoped", False)
        rows = [_cue_row(q, c, scoped) for q, c in X]
        return np.array(rows, dtype=np.float32).reshape(len(X), -1)


def _cue_row(question: str, claim: str, scoped: bool) -> tuple[float, ...]:
    if len(question) + len(claim) > MAX_TEXT_CHARS:  # never keep a huge text in the cache
        return _uncached_cue_row(question, claim, scoped)
    return _cached_cue_row(question, claim, scoped)


def _uncached_cue_row(question: str, claim: str, scoped: bool) -> tuple[float, ...]:
    row = scoped_relative_row if scoped else relative_row
    return (*row(question, claim), rival_outcome(question, claim))


# The stacked model reads the same pairs' cues twice (its first stage and its second), and its
# out-of-fold fits read the training pairs several times.
_cached_cue_row = lru_cache(maxsize=16384)(_uncached_cue_row)


QUESTION_WORD = "qword"  # stands for any claim word the question also uses
QUESTION_NAME = "qname"  # a name the question mentions, e.g. the candidate it asks about
OTHER_NAME = "oname"  # a name the question does not mention: "oname will win" is a rival's win
WHOLE_TOKENS = r"\S+"  # the masked text is already tokenised


_SCOPE_TOKEN = re.compile(r"[a-z0-9']+|[.,;:!?]")
_SCOPE_END = frozenset(".,;:!?") | {"but", "and", "while", "because", "though", "although"}
NEGATED_PREFIX = "neg_"
_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # "U.S.", "e.g.": their dots end no clause


def _undotted(match: re.Match) -> str:
    return match.group().replace(".", "")


def negation_marked(tokens: list[str]) -> list[str]:
    """Tokens after a negation, up to the end of its clause, prefixed with ``neg_`` ("not going to
    win" -> "not neg_going neg_to neg_win"); a second negation in the clause lifts the mark.
    Punctuation only ends a scope and is dropped."""
    out, negated = [], False
    for word in tokens:
        if word in _SCOPE_END:
            negated = False
            if word[0].isalpha():
                out.append(word)
        elif word in NEGATIONS or word == "not":
            negated = not negated
            out.append(word)
        else:
            out.append(NEGATED_PREFIX + word if negated else word)
    return out


def masked_claim(question: str, claim: str, topics: bool = False,
                 negation_scope: bool = False) -> str:
    """The claim with words the question shares replaced by placeholders (names apart), and
    names the question does not mention by another, so that n-grams such as "not qword",
    "qname will lose" or "oname will win" carry over between questions. With ``topics``, words
    of the question's topic families (scope.TOPICS: "war" for "offensive") count as shared."""
    stems = _stems(profile(question).tokens)
    q_names = _names(question)
    others = _names(claim) - q_names - stems
    if topics:
        stems = topic_stems(stems)
    if not negation_scope:
        return " ".join(_placeholder(t, stems, q_names, others) for t in profile(claim).tokens)
    tokens = _SCOPE_TOKEN.findall(_ABBREVIATION.sub(_undotted, clean_text(claim)).lower())
    masked = [t if t in _SCOPE_END else _placeholder(t, stems, q_names, others) for t in tokens]
    return " ".join(negation_marked(masked))


def _placeholder(token: str, stems: set[str], q_names: set[str], others: set[str]) -> str:
    stem = token[:STEM]
    if len(token) <= 2:
        return token
    if stem in q_names:
        return QUESTION_NAME
    if stem in stems:
        return QUESTION_WORD
    return OTHER_NAME if stem in others else token


class MaskedClaimTerms(TransformerMixin, BaseEstimator):
    """TF-IDF word n-grams of :func:`masked_claim` (vocabulary from training claims only)."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 3), min_df: int = 2, topics: bool = False,
                 negation_scope: bool = False):
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.topics = topics
        self.negation_scope = negation_scope

    def fit(self, X, y=None):
        texts = self._texts(X)
        self.vectorizer_ = TfidfVectorizer(ngram_range=self.ngram_range, sublinear_tf=True,
                                           min_df=min(self.min_df, len(texts)),
                                           token_pattern=WHOLE_TOKENS, dtype=np.float32).fit(texts)
        return self

    def transform(self, X):
        return self.vectorizer_.transform(self._texts(X))

    def _texts(self, X) -> list[str]:
        topics = getattr(self, "topics", False)  # artifacts pickled before the options existed
        scope = getattr(self, "negation_scope", False)
        return [masked_claim(q, c, topics, scope) for q, c in np.asarray(X, dtype=object)]


class GatedTerms(TransformerMixin, BaseEstimator):
    """Another block's features, scaled down for pairs whose claim is about another topic family
    and never about the question's (``scope.ScopedCues.elsewhere``): a claim's own wording
    ("no further ...") then says little of its stance on this question."""

    def __init__(self, inner, gate: float = 0.3):
        self.inner = inner
        self.gate = gate

    def fit(self, X, y=None):
        self.inner.fit(X, y)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=object)
        scale = np.array([self.gate if scoped_cues(q, c).elsewhere else 1.0 for q, c in X])
        out = self.inner.transform(X)
        return sp.diags(scale.astype(np.float32)) @ out if sp.issparse(out) else out * scale[:, None]
