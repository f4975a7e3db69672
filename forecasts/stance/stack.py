"""A stacked stance classifier: the linear n-gram model's out-of-fold probabilities, re-read
together with the dense relative cues by a small logistic regression.

The linear model sees thousands of sparse n-grams next to a dozen dense cues (clause-scoped
negation, the hedge's probability and lean, the rival's win); with few labelled pairs the n-grams
take most of the weight, and a strong cue ("better than nine in ten", "more likely than not")
can lose to the wording around it. The second stage weighs the first stage's log-probabilities
against those cues on pairs the first stage did not see when it was fitted: out-of-fold
predictions with whole questions held out, as a new question is met in production. Pure: no Django.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.preprocessing import StandardScaler

from forecasts.stance.features import hedge_features
from forecasts.stance.relative import RelativeCues

PROBABILITY_FLOOR = 1e-4  # log-probabilities of the first stage, kept finite


def meta_cues(pairs: np.ndarray) -> np.ndarray:
    """The dense cues the second stage reads beside the first stage's probabilities."""
    relative = RelativeCues(scoped=True).transform(pairs)
    hedges = np.array([hedge_features(claim) for claim in pairs[:, 1]], dtype=np.float32)
    return np.hstack([relative, hedges.reshape(len(pairs), -1)])


class StackedStance(ClassifierMixin, BaseEstimator):
    """``base`` (a pipeline over (question, claim) pairs with ``predict_proba``) refitted on all
    pairs, and a logistic regression over its out-of-fold log-probabilities and :func:`meta_cues`.

    Out-of-fold folds keep each question's pairs together; with too few questions for that, or when
    a training fold would miss a label, stratified folds; with fewer than two pairs of some label,
    the second stage is skipped and the base model decides alone.
    """

    def __init__(self, base, folds: int = 5, C: float = 1.0, seed: int = 0):
        self.base = base
        self.folds = folds
        self.C = C
        self.seed = seed

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=object), np.asarray(y)
        self.base_ = clone(self.base).fit(X, y)
        self.classes_ = self.base_.classes_
        splitter = self._splitter(X, y)
        self.meta_ = self.scale_ = None
        if splitter is None:
            return self
        out_of_fold = np.zeros((len(y), len(self.classes_)))
        for train, test in splitter.split(X, y, groups=X[:, 0]):
            fold_model = clone(self.base).fit(X[train], y[train])
            out_of_fold[test] = self._aligned(fold_model, X[test])
        inputs = self._inputs(out_of_fold, X)
        self.scale_ = StandardScaler().fit(inputs)
        self.meta_ = LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced")
        self.meta_.fit(self.scale_.transform(inputs), y)
        return self

    def predict_proba(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=object)
        base = self._aligned(self.base_, X)
        if self.meta_ is None:
            return base
        return self.meta_.predict_proba(self.scale_.transform(self._inputs(base, X)))

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def _splitter(self, X: np.ndarray, y: np.ndarray):
        smallest = int(np.unique(y, return_counts=True)[1].min())
        if smallest < 2:
            return None
        folds = min(self.folds, smallest)
        grouped = StratifiedGroupKFold(folds, shuffle=True, random_state=self.seed)
        if len(np.unique(X[:, 0])) >= folds and _every_fold_sees_every_label(grouped, X, y):
            return grouped
        return _Ungrouped(StratifiedKFold(folds, shuffle=True, random_state=self.seed))

    def _aligned(self, model, X: np.ndarray) -> np.ndarray:
        """The model's probabilities in the order of ``classes_`` (a fold may lack a label)."""
        proba = model.predict_proba(X)
        out = np.zeros((len(X), len(self.classes_)))
        for column, label in enumerate(model.classes_):
            out[:, np.searchsorted(self.classes_, label)] = proba[:, column]
        return out

    @staticmethod
    def _inputs(proba: np.ndarray, X: np.ndarray) -> np.ndarray:
        return np.hstack([np.log(proba + PROBABILITY_FLOOR), meta_cues(X)])


def _every_fold_sees_every_label(splitter, X: np.ndarray, y: np.ndarray) -> bool:
    """Whole questions per fold can leave a label out of a training fold when few questions
    carry it; the first stage cannot learn a label it never sees."""
    labels = set(y)
    return all(set(y[train]) == labels for train, _ in splitter.split(X, y, groups=X[:, 0]))


class _Ungrouped:
    """A stratified splitter that ignores the ``groups`` argument."""

    def __init__(self, splitter):
        self.splitter = splitter

    def split(self, X, y, groups=None):
        return self.splitter.split(X, y)
