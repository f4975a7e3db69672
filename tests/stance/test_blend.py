import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from forecasts.stance.blend import PairTerms, _two_stage
from forecasts.stance.features import as_pairs
from forecasts.stance.model import LABELS, StanceConfig, train
from tests.stance.test_model import TALKS, labelled_pairs

BLEND = StanceConfig("test-blend", classifier="blend", lsa_components=5, min_df=1, max_iter=20,
                     min_samples_leaf=2, mlp_epochs=3)


@pytest.fixture(scope="module")
def blended():
    return train(*labelled_pairs(), config=BLEND)


def test_the_blend_gives_probabilities_in_label_order_that_sum_to_one(blended):
    questions, claims, _ = labelled_pairs()
    proba = blended.predict_proba(questions, claims)
    assert proba.shape == (len(claims), len(LABELS))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)


def test_the_blend_takes_unrelated_from_its_trees_alone(blended):
    questions, claims, _ = labelled_pairs()
    pairs = as_pairs(questions, claims)
    blend = blended.pipeline.named_steps["classifier"]
    trees = blend.trees_.predict_proba(blend.pair_.transform(pairs))
    unrelated = list(blend.classes_).index("unrelated")
    np.testing.assert_allclose(blend.predict_proba(pairs)[:, unrelated], trees[:, unrelated])


def test_the_blend_scores_a_bad_claim_without_crashing(blended):
    proba = blended.predict_proba([TALKS, TALKS], ["", "x" * 100_000])
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)


def test_pair_terms_hold_both_texts_and_their_cosine():
    pairs = as_pairs(["talks resume in geneva", "rates rise"], ["geneva talks resume", "rain"])
    matrix = PairTerms(vocabulary=50).fit(pairs).transform(pairs)
    assert matrix.shape[0] == 2
    assert matrix[0, -1] == pytest.approx(1.0) and matrix[1, -1] == pytest.approx(0.0)


probability_rows = st.lists(st.floats(0.01, 1.0), min_size=4, max_size=4).map(
    lambda row: np.array(row) / sum(row))


@given(probability_rows, probability_rows)
def test_two_stage_rows_sum_to_one_and_keep_the_trees_unrelated_share(trees, blend):
    out = _two_stage(trees[None, :], blend[None, :], unrelated=3)
    assert out.sum() == pytest.approx(1.0)
    assert out[0, 3] == pytest.approx(trees[3])


def test_a_blend_with_a_class_balanced_mlp_gives_probabilities():
    questions, claims, _ = labelled_pairs()
    config = StanceConfig("test-balanced", classifier="blend", lsa_components=5, min_df=1,
                          max_iter=20, min_samples_leaf=2, mlp_epochs=3, tree_share=0.3,
                          balanced_mlp=True)
    proba = train(*labelled_pairs(), config=config).predict_proba(questions, claims)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)
