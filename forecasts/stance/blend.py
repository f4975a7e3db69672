"""A two-model stance classifier for long claims (news bodies): gradient boosting + an MLP.

The boosted trees read the dense similarity/polarity features of
:class:`~forecasts.stance.features.PairFeatures`; the MLP reads term-frequency vectors of the
question and of the claim, their TF-IDF cosine and the same dense features, scaled -- the input
of the UCL Machine Reading FNC-1 system (Riedel et al. 2017, "A simple but tough-to-beat baseline
for the Fake News Challenge stance detection task", arXiv:1707.03264), which this re-implements in
scikit-learn. Decision in two stages: P(unrelated) comes from the trees alone (similarity features
decide relatedness best), and the agree/disagree/neutral split of the rest from the average of
both models. Pure: no Django. Every vocabulary and scaler is fitted on training pairs only.
"""

from __future__ import annotations

import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler, normalize
from sklearn.utils.class_weight import compute_sample_weight

from forecasts.stance.features import PairFeatures

UNRELATED = "unrelated"


class PairTerms:
    """L2-normalised term frequencies of both texts (top ``vocabulary`` words) + TF-IDF cosine."""

    def __init__(self, vocabulary: int = 5_000):
        self.vocabulary = vocabulary

    def fit(self, pairs: np.ndarray) -> PairTerms:
        texts = np.unique(pairs.ravel()).tolist()
        self.counts_ = CountVectorizer(max_features=self.vocabulary, stop_words="english",
                                       dtype=np.float32).fit(texts)
        self.tfidf_ = TfidfVectorizer(max_features=self.vocabulary, stop_words="english",
                                      dtype=np.float32).fit(texts)
        return self

    def transform(self, pairs: np.ndarray) -> sp.csr_matrix:
        texts, index = np.unique(pairs.ravel(), return_inverse=True)
        index = index.reshape(pairs.shape)
        tf = normalize(self.counts_.transform(texts.tolist()))
        tfidf = self.tfidf_.transform(texts.tolist())
        cosine = np.asarray(tfidf[index[:, 0]].multiply(tfidf[index[:, 1]]).sum(axis=1))
        return sp.hstack([tf[index[:, 0]], tf[index[:, 1]], sp.csr_matrix(cosine)]).tocsr()


class BlendedStance(ClassifierMixin, BaseEstimator):
    """Boosted trees on pair features + a one-hidden-layer MLP on term vectors, blended.

    Takes the raw ``(n, 2)`` pair array (it owns its feature extraction, so the dense features
    are computed once for both models).
    """

    def __init__(self, lsa_components: int = 100, min_df: int = 2, max_iter: int = 150,
                 min_samples_leaf: int = 50, mlp_epochs: int = 8, mlp_alpha: float = 1e-2,
                 vocabulary: int = 5_000, tree_share: float = 0.5, balanced_mlp: bool = False,
                 seed: int = 0):
        self.lsa_components = lsa_components
        self.min_df = min_df
        self.max_iter = max_iter
        self.min_samples_leaf = min_samples_leaf
        self.mlp_epochs = mlp_epochs
        self.mlp_alpha = mlp_alpha
        self.vocabulary = vocabulary
        self.tree_share = tree_share
        self.balanced_mlp = balanced_mlp
        self.seed = seed

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=object), np.asarray(y, dtype=object)
        self.pair_ = PairFeatures(lsa_components=self.lsa_components, min_df=self.min_df).fit(X)
        dense = self.pair_.transform(X)
        self.terms_ = PairTerms(self.vocabulary).fit(X)
        self.scale_ = StandardScaler().fit(dense)
        self.trees_ = HistGradientBoostingClassifier(
            max_iter=self.max_iter, min_samples_leaf=self.min_samples_leaf,
            class_weight="balanced", early_stopping=False, random_state=self.seed).fit(dense, y)
        # A few epochs, no early stopping: its random validation rows share stories with the
        # training rows, so it would stop late; longer training memorised topics on the dev split.
        self.mlp_ = MLPClassifier(hidden_layer_sizes=(100,), alpha=self.mlp_alpha,
                                  batch_size=min(500, len(y)), max_iter=self.mlp_epochs,
                                  random_state=self.seed)
        with warnings.catch_warnings():  # stopping after a fixed few epochs is the design
            warnings.simplefilter("ignore", ConvergenceWarning)
            weights = compute_sample_weight("balanced", y) if self.balanced_mlp else None
            self.mlp_.fit(self._mlp_input(X, dense), y, sample_weight=weights)
        self.classes_ = self.trees_.classes_
        return self

    def _mlp_input(self, X: np.ndarray, dense: np.ndarray) -> sp.csr_matrix:
        scaled = sp.csr_matrix(self.scale_.transform(dense).astype(np.float32))
        return sp.hstack([self.terms_.transform(X), scaled]).tocsr()

    def predict_proba(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=object)
        dense = self.pair_.transform(X)
        trees = self.trees_.predict_proba(dense)
        blend = self.tree_share * trees + (1 - self.tree_share) * self.mlp_.predict_proba(
            self._mlp_input(X, dense))
        if UNRELATED not in self.classes_:
            return blend
        return _two_stage(trees, blend, list(self.classes_).index(UNRELATED))

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


def _two_stage(trees: np.ndarray, blend: np.ndarray, unrelated: int) -> np.ndarray:
    """P(unrelated) from the trees; the related mass split as the blend splits it."""
    related = np.delete(blend, unrelated, axis=1)
    related /= np.maximum(related.sum(axis=1, keepdims=True), 1e-12)
    out = np.insert(related * (1 - trees[:, [unrelated]]), unrelated, 0.0, axis=1)
    out[:, unrelated] = trees[:, unrelated]
    return out
