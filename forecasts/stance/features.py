"""Features of a (question, claim) pair for stance classification.

Pure module: plain strings in, numpy / scipy arrays out; no Django. The transformers follow the
scikit-learn API so a Pipeline owns every fit (vocabularies, IDF weights, the LSA basis) and they
are fitted on training text only.

Input ``X`` of every transformer is an ``(n, 2)`` object array of (question, claim) strings, built
by :func:`as_pairs`, which also cleans bad input and truncates very long claims.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

# Longer texts are cut before featurisation: FNC-1 bodies average ~2,200 characters (max ~27,600);
# past 20,000 characters a stance is decided long before, and cost grows with length.
MAX_TEXT_CHARS = 20_000
LEAD_TOKENS = 40  # the opening of a claim, where news bodies state their position

NEGATIONS = frozenset("not no never none nothing nobody neither nor without cannot".split())
REFUTING = frozenset(
    """deny denies denied denial false fake fakes faked hoax hoaxes fraud fraudulent debunk
    debunked debunks refute refutes refuted reject rejects rejected rejection dismiss dismissed
    untrue baseless unfounded myth bogus doubt doubts doubtful dispute disputed disputes
    contradict contradicts contradicted retract retracted retraction misleading prank pranks
    satire satirical rumor rumors rumour rumours unlikely impossible wrong""".split()
)
REFUTING_PHRASES = (
    "ruled out", "rule out", "no longer", "no further", "no evidence", "not true", "no plans",
    "no more", "not be", "will not", "is over", "are over", "has ended", "have ended",
    "called off", "come to an end", "nothing to",
)
HEDGES = frozenset(
    """may might could possibly perhaps probably likely unlikely allegedly apparently
    unconfirmed unclear uncertain suggests suggest seems seem appears appear reportedly
    purportedly supposedly expected expects possible chance risk""".split()
)
REPORTED = frozenset(
    """said says say according claimed claims claim reportedly reported reports told
    stated announced alleged allegedly sources source spokesman spokeswoman""".split()
)
CONFIRMING = frozenset(
    """confirm confirms confirmed confirmation verified official officially true indeed
    proved proven proof evidence shows showed revealed certainly definitely""".split()
)
# A small hand-written polarity lexicon: the sign of a claim relative to the sign of the question
# ("should be banned" vs "causes harm") carries stance even when no negation word is present.
POSITIVE = frozenset(
    """good great better best benefit benefits beneficial help helps helped improve improves
    improved improvement success successful win wins progress positive safe safer support
    supports supported allow allows allowed legal legalize legalise protect protects protected
    increase increases growth gain gains effective efficient healthy fair free freedom right
    rights advantage advantages valuable useful agree agreed agreement deal peace resolve
    resolved breakthrough hope hopeful optimistic continue continues fresh new""".split()
)
NEGATIVE = frozenset(
    """bad worse worst harm harms harmful hurt damage damages damaging fail fails failed failure
    risk risks risky danger dangerous threat threats unsafe ban bans banned banning prohibit
    prohibited outlaw abolish abolished restrict restricted restriction limit limits illegal
    crime violence violent aggression war attack attacks conflict crisis collapse loss losses
    decline decrease negative unfair poor problem problems kill killed death deaths dead
    stalemate deadlock over ended end halt suspended cancel cancelled canceled
    pessimistic""".split()
)
CUE_SETS = {"neg": NEGATIONS, "ref": REFUTING, "hedge": HEDGES, "rep": REPORTED,
            "conf": CONFIRMING, "pos": POSITIVE, "negv": NEGATIVE}
_TOKEN = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def clean_text(text: object) -> str:
    """A usable string for any input: None -> "", non-strings -> str, truncated, n't -> not."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ""
    text = str(text)[:MAX_TEXT_CHARS]
    return re.sub(r"n[’']t\b", " not", text)


def as_pairs(questions, claims) -> np.ndarray:
    """(question, claim) texts as the ``(n, 2)`` object array every transformer here takes."""
    questions, claims = list(questions), list(claims)
    if len(questions) != len(claims):
        raise ValueError(f"{len(questions)} questions but {len(claims)} claims")
    pairs = np.empty((len(questions), 2), dtype=object)
    pairs[:, 0] = [clean_text(q) for q in questions]
    pairs[:, 1] = [clean_text(c) for c in claims]
    return pairs


@dataclass(frozen=True)
class TextProfile:
    """Per-text facts reused by every pair the text appears in."""

    tokens: tuple[str, ...]
    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    sentences: tuple[str, ...]
    sentence_cues: np.ndarray  # (n_sentences, n_cue_sets) counts
    cues: np.ndarray  # (n_cue_sets + 1,) rates per token, plus refuting-phrase count
    lead_cues: np.ndarray  # cue counts in the first LEAD_TOKENS tokens
    counts: dict[str, int]  # term frequencies, for BM25
    negated: dict[str, int]  # words just after a negating/refuting word, with counts


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def split_sentences(text: str) -> tuple[str, ...]:
    sentences = tuple(s for s in _SENTENCE_END.split(text) if s and s.strip())
    return sentences or ("",)


def cue_counts(tokens: list[str] | tuple[str, ...]) -> np.ndarray:
    return np.array([sum(t in cue for t in tokens) for cue in CUE_SETS.values()], dtype=float)


def refuting_phrase_count(text: str) -> int:
    lowered = " ".join(tokenize(text))
    return sum(lowered.count(phrase) for phrase in REFUTING_PHRASES)


@lru_cache(maxsize=8192)
def profile(text: str) -> TextProfile:
    """Cached: a claim scored against many questions is tokenised once."""
    tokens = tuple(tokenize(text))
    sentences = split_sentences(text)
    per_token = cue_counts(tokens) / max(len(tokens), 1)
    return TextProfile(
        tokens=tokens,
        content=frozenset(t for t in tokens if t not in ENGLISH_STOP_WORDS),
        bigrams=frozenset(zip(tokens, tokens[1:], strict=False)),
        sentences=sentences,
        sentence_cues=np.array([cue_counts(tokenize(s)) for s in sentences]),
        cues=np.append(per_token, refuting_phrase_count(text)),
        lead_cues=cue_counts(tokens[:LEAD_TOKENS]),
        counts=dict(Counter(tokens)),
        negated=negated_words(tokens),
    )


FLIPS = NEGATIONS | REFUTING
NEGATION_WINDOW = 3


def negated_words(tokens: tuple[str, ...]) -> dict[str, int]:
    """Words preceded within NEGATION_WINDOW tokens by a negating or refuting word."""
    found: Counter[str] = Counter()
    for i, token in enumerate(tokens):
        if token not in FLIPS and any(t in FLIPS for t in tokens[max(0, i - NEGATION_WINDOW):i]):
            found[token] += 1
    return dict(found)


def negation_near_overlap(question: TextProfile, claim: TextProfile) -> int:
    """Negating/refuting words shortly before a word the question uses ("no further talks")."""
    return sum(claim.negated.get(token, 0) for token in question.content)


def overlap_features(question: TextProfile, claim: TextProfile) -> list[float]:
    q, c = question.content, claim.content
    shared = len(q & c)
    lead = set(claim.tokens[:LEAD_TOKENS])
    return [
        shared / max(len(q | c), 1),  # Jaccard
        shared / max(len(q), 1),  # share of the question's words the claim uses
        len(question.bigrams & claim.bigrams) / max(len(question.bigrams), 1),
        len(q & lead) / max(len(q), 1),
        np.log1p(len(question.tokens)),
        np.log1p(len(claim.tokens)),
    ]


def polarity_features(question: TextProfile, claim: TextProfile) -> list[float]:
    near = negation_near_overlap(question, claim)
    q_neg = question.cues[0] > 0 or question.cues[1] > 0
    c_neg = claim.cues[0] > 0 or claim.cues[1] > 0
    return [near, near / max(len(claim.tokens), 1) * 100, float(q_neg != c_neg),
            float(q_neg), question.cues[-1], _tone(question) * _tone(claim),
            _tone(question) * _tone(claim) * (-1.0 if c_neg else 1.0), *_negated_tone(claim)]


def _negated_tone(claim: TextProfile) -> list[float]:
    """Negated negatives read as yes ("these talks aren't over"), negated positives as no."""
    return [sum(n for t, n in claim.negated.items() if t in NEGATIVE),
            sum(n for t, n in claim.negated.items() if t in POSITIVE)]


def _tone(text: TextProfile) -> float:
    """Sign of positive minus negative lexicon words (-1, 0 or 1)."""
    positive, negative = text.cues[5], text.cues[6]
    return float(np.sign(positive - negative))


def _text_features(question: TextProfile, claim: TextProfile) -> list[float]:
    return [*overlap_features(question, claim), *polarity_features(question, claim),
            *claim.cues, *claim.lead_cues, *question.cues[:-1]]


HEDGE_TEXT_CHARS = 2_000  # hedges that set a claim's position sit near its start


def hedge_features(claim: str) -> list[float]:
    """Hedge cues of the claim (implied probability, negation...) from the hedges module."""
    return list(_cached_hedge_cues(claim[:HEDGE_TEXT_CHARS]))


@lru_cache(maxsize=8192)
def _cached_hedge_cues(text: str) -> tuple[float, ...]:
    from forecasts.stance.hedges import HEDGE_CUE_NAMES, hedge_cues

    try:
        cues = hedge_cues(text)
    except Exception:  # a cue is optional: a failing hedge lookup must not stop scoring
        return tuple(0.5 if name == "hedge_probability" else 0.0 for name in HEDGE_CUE_NAMES)
    return tuple(float(cues[name]) for name in HEDGE_CUE_NAMES)


class PairFeatures(TransformerMixin, BaseEstimator):
    """Dense similarity, polarity, hedge and (optionally) latent-semantic features of pairs.

    Similarities: cosine of word TF-IDF, of character n-gram TF-IDF, of LSA vectors, a BM25-style
    match score, the best- and lead-sentence cosines; with ``lsa_components`` the LSA vectors of
    both texts and their product are appended so a tree model can learn topic-specific stance.
    Texts are deduplicated per batch (FNC bodies recur across headlines; a claim meets several
    questions), so each unique text is vectorised once.
    """

    def __init__(self, lsa_components: int = 100, lsa_output: int = 0, min_df: int = 1,
                 max_features: int = 50_000, char_ngrams: bool = True):
        self.lsa_components = lsa_components
        self.lsa_output = lsa_output
        self.min_df = min_df
        self.max_features = max_features
        self.char_ngrams = char_ngrams

    def fit(self, X, y=None):
        texts = np.unique(np.asarray(X, dtype=object).ravel()).tolist()
        self.word_ = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32,
                                     min_df=min(self.min_df, len(texts)),
                                     max_features=self.max_features).fit(texts)
        words = self.word_.transform(texts)
        self.char_ = None
        if self.char_ngrams:
            self.char_ = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True,
                                         dtype=np.float32, max_features=self.max_features,
                                         min_df=min(self.min_df, len(texts)))
            self.char_.fit([t[:3000] for t in texts])
        n_lsa = max(1, min(self.lsa_components, words.shape[1] - 1, len(texts) - 1))
        self.lsa_ = TruncatedSVD(n_components=n_lsa, random_state=0).fit(words)
        self.idf_ = dict(zip(self.word_.get_feature_names_out(), self.word_.idf_, strict=True))
        self.unseen_idf_ = float(self.word_.idf_.max()) if len(self.idf_) else 1.0
        self.avg_len_ = float(np.mean([len(profile(t).tokens) for t in texts])) or 1.0
        return self

    def _idf(self, token: str) -> float:
        """A word never seen in training is treated as the rarest kind of word, not ignored:
        new stories bring new names, and those are exactly what two related texts share."""
        return self.idf_.get(token, self.unseen_idf_)

    def _open_weights(self, text: TextProfile) -> tuple[dict[str, float], float]:
        weights = {t: (1 + np.log(text.counts[t])) * self._idf(t) for t in text.content}
        return weights, float(np.sqrt(sum(w * w for w in weights.values()))) or 1.0

    def _open_cosines(self, profiles, index) -> np.ndarray:
        """TF-IDF cosine over an open vocabulary (unseen words get the highest IDF)."""
        weights = {}
        for k in np.unique(index):
            weights[k] = self._open_weights(profiles[k])
        out = np.zeros(len(index), dtype=np.float32)
        for row, (i, j) in enumerate(index):
            (wq, nq), (wc, nc) = weights[i], weights[j]
            out[row] = sum(w * wc.get(t, 0.0) for t, w in wq.items()) / (nq * nc)
        return out

    def transform(self, X):
        X = np.asarray(X, dtype=object)
        texts, index = np.unique(X.ravel(), return_inverse=True)
        index = index.reshape(X.shape)
        words = normalize(self.word_.transform(texts))
        lsa = normalize(self.lsa_.transform(words))
        cosines = [_rowwise_cos(words, index), _rowwise_cos(lsa, index)]
        if self.char_ is not None:
            chars = normalize(self.char_.transform([t[:3000] for t in texts]))
            cosines.append(_rowwise_cos(chars, index))
        profiles = [profile(t) for t in texts]
        cosines.append(self._open_cosines(profiles, index))
        sentence = self._sentence_features(words, profiles, index)
        rows = [self._pair_row(profiles[i], profiles[j], texts[j]) for i, j in index]
        blocks = [np.column_stack(cosines), sentence, np.array(rows, dtype=float)]
        blocks += self._latent_blocks(lsa, index)
        return np.hstack(blocks).astype(np.float32)

    def _pair_row(self, question: TextProfile, claim: TextProfile, claim_text: str) -> list[float]:
        return [self._bm25(question, claim), *_text_features(question, claim),
                *hedge_features(claim_text)]

    def _bm25(self, question: TextProfile, claim: TextProfile, k1=1.2, b=0.75) -> float:
        counts = claim.counts
        norm = k1 * (1 - b + b * len(claim.tokens) / self.avg_len_)
        score = total = 0.0
        for t in question.content:
            idf = self._idf(t)
            tf = counts.get(t, 0)
            score += idf * tf * (k1 + 1) / (tf + norm)
            total += idf * (k1 + 1)
        return score / total if total else 0.0

    def _sentence_features(self, words, profiles, index) -> np.ndarray:
        """Best-matching and lead sentence of the claim vs the question, and cues there."""
        out = np.zeros((len(index), 4 + len(CUE_SETS)), dtype=np.float32)
        claims = np.unique(index[:, 1])
        sentences = [profiles[j].sentences for j in claims]
        starts = np.cumsum([0] + [len(group) for group in sentences])
        vectors = normalize(self.word_.transform([s for group in sentences for s in group]))
        order = np.argsort(index[:, 1], kind="stable")
        bounds = np.searchsorted(index[order, 1], claims, side="right")
        for k, j in enumerate(claims):
            rows = order[(bounds[k - 1] if k else 0):bounds[k]]
            sims = (vectors[starts[k]:starts[k + 1]] @ words[index[rows, 0]].T).toarray()
            out[rows] = _sentence_row(sims, profiles[j])
        return out

    def _latent_blocks(self, lsa, index) -> list[np.ndarray]:
        if not self.lsa_output:
            return []
        k = min(self.lsa_output, lsa.shape[1])
        q, c = lsa[index[:, 0], :k], lsa[index[:, 1], :k]
        return [q, c, q * c]


def _sentence_row(sims: np.ndarray, claim: TextProfile) -> np.ndarray:
    """Columns of ``sims`` are questions, rows the claim's sentences."""
    best = sims.argmax(axis=0)
    top = np.sort(sims, axis=0)[::-1][:3].mean(axis=0)
    position = best / max(len(claim.sentences), 1)
    summary = np.column_stack([sims.max(axis=0), sims[0], top, position])
    return np.hstack([summary, claim.sentence_cues[best]])


def _rowwise_cos(matrix, index) -> np.ndarray:
    """Cosine of each pair's two (already L2-normalised) rows."""
    a, b = matrix[index[:, 0]], matrix[index[:, 1]]
    if sp.issparse(a):
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return np.einsum("ij,ij->i", a, b)


class ClaimTerms(TransformerMixin, BaseEstimator):
    """Sparse TF-IDF word n-grams of the claim (and optionally the question) for linear models."""

    def __init__(self, max_features: int = 20_000, ngram_range=(1, 2), min_df: int = 2,
                 with_question: bool = False, with_chars: bool = False):
        self.max_features = max_features
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.with_question = with_question
        self.with_chars = with_chars

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=object)
        claims = np.unique(X[:, 1]).tolist()
        self.claim_ = self._vectorizer(len(claims)).fit(claims)
        self.chars_ = None
        if self.with_chars:  # catches "n't", "unlikely"/"likely" and word forms in short claims
            self.chars_ = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                          dtype=np.float32, max_features=self.max_features,
                                          min_df=min(self.min_df, len(claims))).fit(claims)
        self.question_ = None
        if self.with_question:
            questions = np.unique(X[:, 0]).tolist()
            self.question_ = self._vectorizer(len(questions)).fit(questions)
        return self

    def _vectorizer(self, n_texts: int) -> TfidfVectorizer:
        return TfidfVectorizer(ngram_range=self.ngram_range, sublinear_tf=True, dtype=np.float32,
                               max_features=self.max_features, min_df=min(self.min_df, n_texts))

    def transform(self, X):
        X = np.asarray(X, dtype=object)
        blocks = [_dedup_transform(self.claim_, X[:, 1])]
        if self.chars_ is not None:
            blocks.append(_dedup_transform(self.chars_, X[:, 1]))
        if self.question_ is not None:
            blocks.append(_dedup_transform(self.question_, X[:, 0]))
        return sp.hstack(blocks).tocsr()


def _dedup_transform(vectorizer: TfidfVectorizer, texts: np.ndarray):
    unique, index = np.unique(texts, return_inverse=True)
    return vectorizer.transform(unique.tolist())[index]
