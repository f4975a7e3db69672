from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline

from forecasts.stance.features import ClaimTerms, as_pairs
from forecasts.stance.model import LABELS, load, save, train
from forecasts.stance.stack import StackedStance, meta_cues

QUESTIONS = [f"Will country {name} hold an early election before December?"
             for name in ("Alba", "Borea", "Cetia", "Dorma", "Essia", "Fenna")]
CLAIMS = {
    "agree": ["An early vote is almost certain now.", "The election will come in the autumn."],
    "disagree": ["An early vote is highly unlikely.", "There will be no early election."],
    "neutral": ["It depends on the budget vote next week.", "Analysts are split on the timing."],
    "unrelated": ["The football final drew a record crowd.", "Wheat prices fell on the harvest."],
}


def rows(questions=QUESTIONS):
    return [(q, claim, label) for q in questions for label, claims in CLAIMS.items()
            for claim in claims]


def fitted(rows_):
    questions, claims, labels = zip(*rows_, strict=True)
    base = Pipeline([("terms", ClaimTerms(min_df=1)), ("linear", LogisticRegression())])
    return StackedStance(base, folds=3).fit(as_pairs(questions, claims), np.array(labels))


@pytest.fixture(scope="module")
def stacked():
    return fitted(rows())


def test_the_second_stage_reads_the_first_stages_probabilities_and_the_cues(stacked):
    pairs = as_pairs(QUESTIONS[:1], ["An early vote is almost certain now."])
    assert stacked.meta_.coef_.shape == (len(LABELS), len(LABELS) + meta_cues(pairs).shape[1])


def test_probabilities_sum_to_one_in_the_order_of_classes(stacked):
    pairs = as_pairs(QUESTIONS[:2], ["There will be no early election.", "Rain fell."])
    proba = stacked.predict_proba(pairs)
    assert proba.shape == (2, len(LABELS)) and np.allclose(proba.sum(axis=1), 1.0)
    assert list(stacked.classes_) == sorted(LABELS)
    assert list(stacked.predict(pairs)) == [stacked.classes_[i] for i in proba.argmax(axis=1)]


def test_out_of_fold_predictions_hold_whole_questions_out(stacked):
    questions, claims, labels = zip(*rows(), strict=True)
    pairs = as_pairs(questions, claims)
    splitter = stacked._splitter(pairs, np.array(labels))
    assert isinstance(splitter, StratifiedGroupKFold)
    for train_rows, test_rows in splitter.split(pairs, labels, groups=pairs[:, 0]):
        assert not set(pairs[train_rows, 0]) & set(pairs[test_rows, 0])


def test_with_fewer_questions_than_folds_the_folds_are_stratified():
    two_questions = rows(QUESTIONS[:2])
    questions, claims, labels = zip(*two_questions, strict=True)
    model = fitted(two_questions)
    assert model.meta_ is not None
    splitter = model._splitter(as_pairs(questions, claims), np.array(labels))
    assert not isinstance(splitter, StratifiedGroupKFold)


def test_with_a_single_pair_of_some_label_the_base_model_decides_alone():
    few = [r for r in rows(QUESTIONS[:1]) if r[2] != "unrelated"] + [rows(QUESTIONS[:1])[-1]]
    model = fitted(few)
    pairs = as_pairs([few[0][0]], [few[0][1]])
    assert model.meta_ is None
    assert np.allclose(model.predict_proba(pairs), model.base_.predict_proba(pairs))


def test_the_default_config_is_stacked_and_saves_and_loads(tmp_path: Path):
    questions, claims, labels = zip(*rows(), strict=True)
    model = train(questions, claims, labels, config="default")
    assert isinstance(model.pipeline.named_steps["classifier"], StackedStance)
    info = save(model, tmp_path / "stacked.joblib", "stacked-1")
    loaded = load(info.path, info.sha256)
    assert np.allclose(loaded.predict_proba(questions[:3], claims[:3]),
                       model.predict_proba(questions[:3], claims[:3]))


def test_when_whole_questions_would_leave_a_label_out_of_training_the_folds_are_stratified():
    # Both "disagree" pairs belong to one question: holding it out leaves no "disagree" to learn.
    few = [("Will event A happen before May?", "It will certainly happen.", "agree"),
           ("Will event B happen before May?", "It is almost sure.", "agree"),
           ("Will event C happen before May?", "It will never happen.", "disagree"),
           ("Will event C happen before May?", "No chance at all.", "disagree")]
    questions, claims, labels = zip(*few, strict=True)
    model = fitted(few)
    assert model.meta_ is not None
    splitter = model._splitter(as_pairs(questions, claims), np.array(labels))
    assert not isinstance(splitter, StratifiedGroupKFold)
