"""Which forecasts count: the rules of forecasts.selectors.forecasts, one test each."""
from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone

from forecasts.models import Forecast, Question
from forecasts.selectors.forecasts import Scope, forecast_set
from tests.factories import ExpertFactory, OrganizationFactory, QuestionFactory, TagFactory
from tests.report_data import days_ago, forecast_on, resolved_question

pytestmark = pytest.mark.django_db
Stance = Forecast.Stance


@pytest.fixture
def expert():
    return ExpertFactory()


def test_it_counts_a_forecast_on_a_resolved_due_question(expert):
    question = resolved_question("yes")
    forecast = forecast_on(question, expert, 0.8)
    got = forecast_set(Scope())
    assert got.forecast_ids.tolist() == [forecast.pk]
    assert (got.expert_ids.tolist(), got.question_ids.tolist()) == ([expert.pk], [question.pk])
    assert (got.p.tolist(), got.y.tolist()) == ([0.8], [1.0])


def test_it_reads_claim_and_resolution_times_as_epoch_seconds(expert):
    question = resolved_question("no")
    forecast = forecast_on(question, expert, 0.3)
    got = forecast_set(Scope())
    assert got.made_at[0] == pytest.approx(forecast.claim.made_at.timestamp(), abs=1e-3)
    assert got.resolved_at[0] == pytest.approx(question.resolved_at.timestamp(), abs=1e-3)
    assert got.y.tolist() == [0.0]


def test_it_leaves_out_open_closed_and_annulled_questions_and_counts_them(expert):
    forecast_on(QuestionFactory(), expert, 0.6, made_days_ago=1)
    forecast_on(QuestionFactory(past_deadline=True, status=Question.Status.CLOSED), expert, 0.6)
    forecast_on(QuestionFactory(past_deadline=True, status=Question.Status.ANNULLED,
                                resolved_at=days_ago(12)), expert, 0.6)
    got = forecast_set(Scope())
    assert got.n == 0
    assert (got.counts.unresolved, got.counts.annulled) == (2, 1)


def test_it_keeps_only_the_latest_forecast_per_expert_and_question(expert):
    question = resolved_question()
    forecast_on(question, expert, 0.2, made_days_ago=70)
    latest = forecast_on(question, expert, 0.9, made_days_ago=40)
    got = forecast_set(Scope())
    assert got.forecast_ids.tolist() == [latest.pk]
    assert got.counts.superseded == 1


def test_it_keeps_one_forecast_per_expert_not_per_question(expert):
    question = resolved_question()
    forecast_on(question, expert, 0.9)
    forecast_on(question, ExpertFactory(), 0.1)
    assert forecast_set(Scope()).n == 2


def test_it_leaves_out_claims_made_after_the_deadline(expert):
    question = resolved_question()
    forecast_on(question, expert, 0.9, made_days_ago=20)  # deadline was 30 days ago
    got = forecast_set(Scope())
    assert (got.n, got.counts.after_deadline) == (0, 1)


def test_it_leaves_out_claims_made_after_an_early_resolution(expert):
    question = QuestionFactory(
        opens_at=days_ago(90), closes_at=timezone.now() - timedelta(days=2), resolve_by=days_ago(1),
        status=Question.Status.RESOLVED, outcome="yes", resolved_at=days_ago(40),
    )
    forecast_on(question, expert, 0.9, made_days_ago=30)  # before the deadline, after the resolution
    got = forecast_set(Scope())
    assert (got.n, got.counts.after_deadline) == (0, 1)


def test_neutral_and_unrelated_stances_are_not_forecasts_but_are_counted(expert):
    question = resolved_question()
    forecast_on(question, expert, None, stance=Stance.NEUTRAL)
    forecast_on(question, expert, None, stance=Stance.UNRELATED)
    forecast_on(question, expert, None, stance=Stance.NEUTRAL, made_days_ago=50)
    got = forecast_set(Scope())
    assert (got.n, got.counts.neutral, got.counts.unrelated) == (0, 2, 1)


def test_a_later_neutral_claim_does_not_replace_a_forecast(expert):
    question = resolved_question()
    forecast = forecast_on(question, expert, 0.7, made_days_ago=60)
    forecast_on(question, expert, None, stance=Stance.NEUTRAL, made_days_ago=40)
    assert forecast_set(Scope()).forecast_ids.tolist() == [forecast.pk]


def test_an_analyst_label_beats_a_later_model_label(expert):
    question = resolved_question()
    checked = forecast_on(question, expert, 0.3, made_days_ago=60, label=Forecast.LabelSource.ANALYST)
    forecast_on(question, expert, 0.9, made_days_ago=40, label=Forecast.LabelSource.MODEL)
    assert forecast_set(Scope()).forecast_ids.tolist() == [checked.pk]


def test_the_latest_analyst_label_wins_among_analyst_labels(expert):
    question = resolved_question()
    forecast_on(question, expert, 0.3, made_days_ago=60, label=Forecast.LabelSource.ANALYST)
    later = forecast_on(question, expert, 0.9, made_days_ago=40, label=Forecast.LabelSource.ANALYST)
    assert forecast_set(Scope()).forecast_ids.tolist() == [later.pk]


def test_questions_resolved_early_wait_until_their_resolution_date(expert):
    question = QuestionFactory(
        opens_at=days_ago(90), closes_at=days_ago(30), resolve_by=timezone.now() + timedelta(days=30),
        status=Question.Status.RESOLVED, outcome="yes", resolved_at=days_ago(10),
    )
    forecast_on(question, expert, 0.9)
    got = forecast_set(Scope())
    assert (got.n, got.counts.not_yet_due) == (0, 1)
    assert forecast_set(Scope(as_of=timezone.now() + timedelta(days=31))).n == 1


def test_the_expert_scope_keeps_that_experts_forecasts(expert):
    question = resolved_question()
    mine = forecast_on(question, expert, 0.9)
    forecast_on(question, ExpertFactory(), 0.1)
    assert forecast_set(Scope(expert_id=expert.pk)).forecast_ids.tolist() == [mine.pk]


def test_the_organization_scope_keeps_its_experts_forecasts():
    organization = OrganizationFactory()
    question = resolved_question()
    inside = forecast_on(question, ExpertFactory(organization=organization), 0.9)
    forecast_on(question, ExpertFactory(), 0.1)
    assert forecast_set(Scope(organization_id=organization.pk)).forecast_ids.tolist() == [inside.pk]


def test_the_organization_scope_keeps_a_moved_experts_earlier_forecasts_with_their_old_organization():
    old, new = OrganizationFactory(), OrganizationFactory()
    expert = ExpertFactory(organization=old)
    before = forecast_on(resolved_question(), expert, 0.9, made_days_ago=80)
    expert.organization = new
    expert.save()
    after = forecast_on(resolved_question(), expert, 0.2, made_days_ago=40)
    assert forecast_set(Scope(organization_id=old.pk)).forecast_ids.tolist() == [before.pk]
    assert forecast_set(Scope(organization_id=new.pk)).forecast_ids.tolist() == [after.pk]


def test_the_tag_scope_keeps_forecasts_on_tagged_questions(expert):
    tag = TagFactory()
    tagged, other = resolved_question(), resolved_question()
    tagged.tags.add(tag, TagFactory())
    kept = forecast_on(tagged, expert, 0.9)
    forecast_on(other, expert, 0.1)
    assert forecast_set(Scope(tag_id=tag.pk)).forecast_ids.tolist() == [kept.pk]


def test_the_period_filters_claims_before_the_latest_is_picked(expert):
    question = resolved_question()
    early = forecast_on(question, expert, 0.2, made_days_ago=70)
    forecast_on(question, expert, 0.9, made_days_ago=40)
    until = (timezone.now() - timedelta(days=60)).date()
    got = forecast_set(Scope(until=until))
    assert got.forecast_ids.tolist() == [early.pk]


def test_the_period_bounds_are_inclusive_days(expert):
    question = resolved_question()
    forecast = forecast_on(question, expert, 0.2, made_days_ago=45)
    day = forecast.claim.made_at.date()
    assert forecast_set(Scope(since=day, until=day)).n == 1
    assert forecast_set(Scope(since=day + timedelta(days=1))).n == 0


def test_an_empty_scope_gives_empty_arrays():
    got = forecast_set(Scope())
    assert got.n == 0
    assert got.p.dtype == np.float64
