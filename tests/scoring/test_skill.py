import numpy as np
import pytest

from forecasts.scoring import brier, fit_skill
from forecasts.scoring.score import Interval, Score

GOOD, WEAK, PANEL = 1, 2, (10, 11, 12)
HARD, EASY = np.arange(40), np.arange(40, 80)


def _forecasts(expert, questions, confidence):
    outcomes = questions % 2
    p = np.where(outcomes == 1, 0.5 + confidence, 0.5 - confidence)
    return questions, np.full(questions.size, expert), p, outcomes


def _difficulty_trap():
    """The good expert takes hard questions, the weak one easy ones: raw Brier gets them wrong."""
    parts = [_forecasts(GOOD, HARD, 0.1), _forecasts(WEAK, EASY, 0.2)]
    parts += [_forecasts(e, HARD, 0.0) for e in PANEL] + [_forecasts(e, EASY, 0.4) for e in PANEL]
    return tuple(np.concatenate(column) for column in zip(*parts, strict=True))


@pytest.fixture(scope="module")
def trap():
    return _difficulty_trap()


@pytest.fixture(scope="module")
def skills(trap):
    return {row.expert: row for row in fit_skill(*trap, alpha=1.0)}


def test_raw_brier_ranks_the_weak_expert_first_in_the_trap(trap):
    questions, experts, p, y = trap
    good, weak = experts == GOOD, experts == WEAK
    assert brier(p[weak], y[weak]).value < brier(p[good], y[good]).value


def test_adjusted_skill_ranks_the_good_expert_above_the_weak_one(skills):
    assert skills[GOOD].skill.value > 0 > skills[WEAK].skill.value


def test_the_good_experts_interval_lies_above_the_weak_experts(skills):
    assert skills[GOOD].ci.low > skills[WEAK].ci.high


def test_skill_is_the_shrunk_mean_gain_over_the_question_average(skills):
    hard_mean = (3 * 0.25 + 0.16) / 4
    easy_mean = (3 * 0.01 + 0.09) / 4
    panel_sum = 40 * (0.25 - hard_mean) + 40 * (0.01 - easy_mean)
    values = [skills[GOOD].skill.value, skills[WEAK].skill.value, skills[PANEL[0]].skill.value]
    expected = [-40 * (0.16 - hard_mean) / 41, -40 * (0.09 - easy_mean) / 41, -panel_sum / 81]
    assert values == pytest.approx(expected, abs=1e-9)


def test_it_counts_only_forecasts_on_shared_questions(trap):
    questions, experts, p, y = trap
    with_lonely = (
        np.append(questions, 99),
        np.append(experts, 5),
        np.append(p, 0.3),
        np.append(y, 1),
    )
    rows = {row.expert: row for row in fit_skill(*with_lonely)}
    assert (rows[GOOD].n, rows[PANEL[0]].n, rows[5].n) == (40, 80, 0)


def test_an_expert_without_shared_questions_has_undefined_skill():
    row = fit_skill([0, 1], [4, 5], [0.3, 0.6], [1, 0])[0]
    reason = "no question shared with another forecaster"
    assert (row.skill, row.ci) == (Score.undefined(reason), Interval.undefined(reason))


def test_stronger_shrinkage_pulls_skill_toward_zero(trap):
    loose = fit_skill(*trap, alpha=0.1)[0].skill.value
    tight = fit_skill(*trap, alpha=100.0)[0].skill.value
    assert abs(tight) < abs(loose)


def test_the_same_seed_gives_the_same_intervals(trap):
    assert fit_skill(*trap, seed=3) == fit_skill(*trap, seed=3)


def test_experts_come_back_ordered_by_id(skills):
    assert list(skills) == [GOOD, WEAK, *PANEL]


@pytest.mark.parametrize(("alpha", "resamples"), [(0.0, 10), (-1.0, 10), (1.0, 0)])
def test_it_rejects_impossible_settings(trap, alpha, resamples):
    with pytest.raises(ValueError, match="alpha"):
        fit_skill(*trap, alpha=alpha, resamples=resamples)


def test_it_rejects_an_expert_index_of_the_wrong_length():
    with pytest.raises(ValueError, match="one entry per forecast"):
        fit_skill([0, 0], [1], [0.2, 0.3], [1, 0])


def test_it_rejects_forecasts_that_disagree_about_a_questions_outcome():
    with pytest.raises(ValueError, match="disagree about its outcome"):
        fit_skill([0, 0], [1, 2], [0.2, 0.3], [1, 0])


def test_a_single_shared_question_gives_no_interval_rather_than_a_zero_width_one():
    rows = fit_skill([0, 0, 0], [1, 2, 3], [0.8, 0.3, 0.15], [1, 1, 1])
    reason = "the question bootstrap needs at least 2 shared questions, got 1"
    assert [row.ci for row in rows] == [Interval.undefined(reason)] * 3
