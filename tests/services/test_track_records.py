"""Track records and the leaderboard: minimum n, both rankings, consensus, difficulty adjustment."""
import pytest

from forecasts.services.track_records import leaderboard, track_record
from tests.factories import ExpertFactory
from tests.report_data import forecast_on, resolved_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(settings):
    """sharp is right on every question; vague says 0.5; rare answers only two questions."""
    settings.LEADERBOARD_MIN_FORECASTS = 5
    sharp, vague, rare = ExpertFactory(name="Sharp"), ExpertFactory(name="Vague"), ExpertFactory(name="Rare")
    questions = [resolved_question("yes" if i % 2 else "no") for i in range(10)]
    for question in questions:
        forecast_on(question, sharp, 0.9 if question.outcome == "yes" else 0.1)
        forecast_on(question, vague, 0.5)
    for question in questions[:2]:
        forecast_on(question, rare, 0.9 if question.outcome == "yes" else 0.1)
    return sharp, vague, rare


def test_a_track_record_has_the_scores_of_the_issue(cast):
    record = track_record(cast[0]).as_dict()
    assert record["n_resolved"] == 10
    assert record["brier"] == pytest.approx(0.01)
    assert record["hit_rate"] == 1.0
    assert record["auc"] == 1.0
    assert len(record["brier_ci"]) == 2
    assert len(record["bins"]) == 14


def test_a_better_expert_has_positive_adjusted_skill(cast):
    assert track_record(cast[0]).as_dict()["adjusted_skill"] > 0
    assert track_record(cast[1]).as_dict()["adjusted_skill"] < 0


def test_an_expert_without_forecasts_has_undefined_scores():
    record = track_record(ExpertFactory()).as_dict()
    assert (record["n_resolved"], record["brier"], record["adjusted_skill"]) == (0, None, None)


def test_the_leaderboard_ranks_only_experts_with_enough_forecasts(cast):
    board = leaderboard()
    assert [row["name"] for row in board["by_brier"]] == ["Sharp", "Vague"]
    assert board["n_experts_total"] == 3


def test_the_leaderboard_ranks_by_adjusted_skill_too(cast):
    ranked = leaderboard()["by_adjusted_skill"]
    assert [(row["rank"], row["name"]) for row in ranked] == [(1, "Sharp"), (2, "Vague")]


def test_the_leaderboard_shows_a_confidence_interval(cast):
    row = leaderboard()["by_brier"][0]
    assert row["brier_ci"][0] <= row["brier"] <= row["brier_ci"][1]


def test_the_leaderboard_scores_the_consensus_beside_the_experts(cast):
    consensus = leaderboard()["consensus"]
    assert consensus["n_questions"] == 10
    assert consensus["experts_compared"] == 3


def test_a_lower_minimum_admits_everyone(cast):
    assert len(leaderboard(min_forecasts=1)["by_brier"]) == 3


def test_an_empty_leaderboard_is_empty():
    board = leaderboard()
    assert (board["by_brier"], board["consensus"]) == ([], None)


def test_a_track_record_on_one_shared_question_says_why_it_has_no_skill_interval():
    question = resolved_question("yes")
    first, second = ExpertFactory(), ExpertFactory()
    forecast_on(question, first, 0.8)
    forecast_on(question, second, 0.3)
    record = track_record(first).as_dict()
    assert (record["adjusted_skill_ci"], "adjusted_skill_ci" in record["undefined"]) == (None, True)
