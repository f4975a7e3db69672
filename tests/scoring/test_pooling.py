import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from forecasts.scoring import pool_by_question, pool_log_odds
from tests.scoring.strategies import probability

expert_panels = st.lists(probability, min_size=1, max_size=12)


@pytest.mark.parametrize(
    ("probabilities", "weights", "expected"),
    [
        ([0.2, 0.2], None, 0.2),
        ([0.2, 0.8], None, 0.5),
        ([0.9, 0.5], None, 0.75),  # odds 9 and 1: geometric mean 3
        ([0.9, 0.1, 0.5], None, 0.5),
        ([0.9, 0.5], [1.0, 0.0], 0.9),
        ([0.9, 0.5], [2.0, 2.0], 0.75),
        ([0.0, 0.0], None, 0.0),
        ([0.0, 1.0], None, 0.5),
        ([1.0], None, 1.0),
    ],
)
def test_log_odds_pooling_matches_hand_computed_values(probabilities, weights, expected):
    assert pool_log_odds(probabilities, weights) == pytest.approx(expected, abs=1e-9)


def test_a_confident_minority_moves_the_consensus_more_than_in_a_linear_pool():
    assert pool_log_odds([0.99, 0.5, 0.5]) > np.mean([0.99, 0.5, 0.5])


@given(expert_panels, st.randoms(use_true_random=False))
def test_pooling_is_symmetric_in_the_order_of_the_experts(panel, random):
    shuffled = random.sample(panel, len(panel))
    assert pool_log_odds(shuffled) == pool_log_odds(panel)


@given(probability, st.integers(min_value=1, max_value=20))
def test_pooling_identical_forecasts_returns_that_forecast(p, copies):
    assert pool_log_odds([p] * copies) == p


@given(expert_panels)
def test_the_consensus_lies_within_the_experts_range(panel):
    assert min(panel) <= pool_log_odds(panel) <= max(panel)


@pytest.mark.parametrize(
    ("probabilities", "weights", "message"),
    [
        ([], None, "at least one"),
        ([0.5, 1.5], None, "must lie in"),
        ([0.5, 0.6], [1.0], "one value per probability"),
        ([0.5, 0.6], [-1.0, 2.0], "non-negative"),
        ([0.5, 0.6], [0.0, 0.0], "not all zero"),
    ],
)
def test_it_rejects_what_cannot_be_pooled(probabilities, weights, message):
    with pytest.raises(ValueError, match=message):
        pool_log_odds(probabilities, weights)


def test_it_pools_each_question_like_a_single_pool():
    questions = np.array([7, 3, 7, 3, 7])
    experts = np.array([0, 0, 1, 1, 2])
    p = np.array([0.9, 0.2, 0.5, 0.8, 0.1])
    consensus = pool_by_question(questions, experts, p)
    expected = [pool_log_odds([0.2, 0.8]), pool_log_odds([0.9, 0.5, 0.1])]
    assert (consensus.questions.tolist(), consensus.n_experts.tolist()) == ([3, 7], [2, 3])
    assert consensus.p == pytest.approx(expected, abs=1e-12)


def test_expert_weights_are_looked_up_by_expert_index():
    consensus = pool_by_question([0, 0], [0, 1], [0.9, 0.5], expert_weights=[1.0, 0.0])
    assert consensus.p == pytest.approx([0.9])


@given(
    st.lists(
        st.tuples(st.integers(0, 4), probability), min_size=1, max_size=30, unique_by=lambda t: t[0]
    )
)
def test_per_question_pooling_stays_within_each_questions_range(rows):
    experts = np.array([row[0] for row in rows])
    p = np.array([row[1] for row in rows])
    consensus = pool_by_question(np.zeros_like(experts), experts, p)
    assert p.min() <= consensus.p[0] <= p.max()


@pytest.mark.parametrize(
    ("questions", "experts", "p", "weights", "message"),
    [
        ([0, 0], [1, 1], [0.2, 0.3], None, "several forecasts"),
        ([0, 0], [0], [0.2, 0.3], None, "one entry per forecast"),
        ([0, -1], [0, 1], [0.2, 0.3], None, "non-negative integers"),
        ([0.5, 1], [0, 1], [0.2, 0.3], None, "non-negative integers"),
        ([0, 0], [0, 1], [0.2, 0.3], [1.0], "indexed by expert_index"),
        ([0, 1], [0, 1], [0.2, 0.3], [1.0, 0.0], "positive total expert weight"),
    ],
)
def test_per_question_pooling_rejects_inconsistent_input(questions, experts, p, weights, message):
    with pytest.raises(ValueError, match=message):
        pool_by_question(questions, experts, p, expert_weights=weights)
