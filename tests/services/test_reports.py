"""Calibration reports end to end (eager): request, claim, run, store, fail, go stale, regenerate."""
import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError

from forecasts.models import CalibrationReport, Question
from forecasts.services import questions as question_services
from forecasts.services import report_batches
from forecasts.services import reports as report_services
from forecasts.services.errors import ForecastFrozen
from forecasts.services.forecasts import override
from tests.factories import ExpertFactory, TagFactory
from tests.report_data import eager_celery, forecast_on, resolved_question  # noqa: F401 - eager_celery is a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
Status = CalibrationReport.Status


@pytest.fixture
def experts():
    return ExpertFactory(), ExpertFactory()


@pytest.fixture
def track(experts):
    """Twelve resolved questions, both experts on each: enough for a bootstrap CI."""
    first, second = experts
    questions = [resolved_question("yes" if i % 3 else "no") for i in range(12)]
    for i, question in enumerate(questions):
        forecast_on(question, first, 0.8 if question.outcome == "yes" else 0.3)
        forecast_on(question, second, 0.4 + 0.05 * (i % 4))
    return questions


def generate(**kwargs) -> CalibrationReport:
    report = report_services.request_report(enqueue=False, **kwargs)
    return report_services.run_report(report.pk)


def test_it_rejects_an_unknown_expert():
    with pytest.raises(ValidationError) as error:
        report_services.request_report(expert=999_999)
    assert "expert" in error.value.message_dict


def test_it_rejects_an_unknown_tag_and_organization():
    with pytest.raises(ValidationError) as error:
        report_services.request_report(scope="tag", tag=999_999)
    assert "tag" in error.value.message_dict


def test_it_rejects_a_period_that_ends_before_it_starts():
    from datetime import date
    with pytest.raises(ValidationError) as error:
        report_services.request_report(since=date(2022, 2, 1), until=date(2022, 1, 1))
    assert "until" in error.value.message_dict


def test_it_rejects_an_expert_scope_without_an_expert():
    with pytest.raises(ValidationError) as error:
        report_services.request_report(scope="expert")
    assert error.value.message_dict["expert"] == ["Required when the scope is 'expert'."]


def test_it_names_the_targets_when_several_are_given(experts):
    with pytest.raises(ValidationError) as error:
        report_services.request_report(expert=experts[0].pk, tag=1)
    assert error.value.message_dict == {
        "expert": ["Give only one of expert, organization or tag."],
        "tag": ["Give only one of expert, organization or tag."],
    }


def test_it_rejects_an_unknown_scope():
    with pytest.raises(ValidationError) as error:
        report_services.request_report(scope="planet")
    assert "scope" in error.value.message_dict


def test_it_infers_the_scope_from_the_target(experts):
    report = report_services.request_report(expert=experts[0].pk, enqueue=False)
    assert (report.scope, report.status) == ("expert", Status.PENDING)


def test_requesting_a_report_generates_it_after_commit(track, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = report_services.request_report()
    report.refresh_from_db()
    assert (report.status, report.progress, report.error) == (Status.DONE, 100, "")


def test_a_done_report_holds_the_metrics_the_issue_lists(track):
    report = generate()
    expected = {"n", "brier", "brier_ci", "log_score", "brier_skill", "reliability", "resolution",
                "uncertainty", "auc", "bins", "not_counted", "lead_time", "consensus"}
    assert expected <= set(report.metrics)
    assert report.metrics["n"] == 24
    assert report.metrics["brier_ci"][0] <= report.metrics["brier"] <= report.metrics["brier_ci"][1]
    assert sorted(report.question_ids) == sorted(q.pk for q in track)


def test_the_forecasts_csv_recomputes_the_brier_score(track):
    report = generate()
    rows = list(csv.DictReader(io.StringIO(report.forecasts_csv.read().decode())))
    brier = sum((float(r["p_yes"]) - int(r["outcome"])) ** 2 for r in rows) / len(rows)
    assert brier == pytest.approx(report.metrics["brier"])


def test_the_bins_csv_has_one_row_per_bin(track):
    report = generate()
    rows = list(csv.DictReader(io.StringIO(report.bins_csv.read().decode())))
    assert [int(r["count"]) for r in rows] == [b["count"] for b in report.bins]


def test_the_png_is_a_png(track):
    report = generate()
    assert report.png.read()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_consensus_is_scored_beside_the_individuals(track):
    consensus = generate().metrics["consensus"]
    assert consensus["n_questions"] == 12
    assert consensus["n_questions_pooled"] == 12
    assert consensus["experts_compared"] == 2


def test_an_expert_report_counts_only_that_expert(track, experts):
    report = generate(expert=experts[0].pk)
    assert (report.metrics["n"], report.metrics["n_experts"]) == (12, 1)


def test_a_tag_report_counts_only_tagged_questions(track):
    tag = TagFactory()
    track[0].tags.add(tag)
    assert generate(tag=tag.pk).metrics["n"] == 2


def test_a_report_with_no_forecasts_is_done_with_undefined_scores():
    report = generate()
    assert (report.status, report.metrics["n"], report.metrics["brier"]) == (Status.DONE, 0, None)
    assert report.metrics["undefined"]["brier"] == "no forecasts"


def test_a_report_already_taken_is_not_run_twice(track):
    report = generate()
    assert report_services.run_report(report.pk) is None


def test_a_permanent_error_fails_the_report_with_its_reason(track, monkeypatch):
    def explode(*args, **kwargs):
        raise ValueError("bins on fire")
    monkeypatch.setattr(report_services, "build_content", explode)
    report = generate()
    assert (report.status, report.error) == (Status.FAILED, "ValueError: bins on fire")


def test_a_database_outage_hands_the_report_back_for_a_retry(track, monkeypatch):
    def outage(*args, **kwargs):
        raise OperationalError("connection lost")
    monkeypatch.setattr(report_services, "build_content", outage)
    report = report_services.request_report(enqueue=False)
    with pytest.raises(OperationalError):
        report_services.run_report(report.pk)
    report.refresh_from_db()
    assert report.status == Status.PENDING


def test_reopening_a_question_marks_its_reports_stale(track, monkeypatch, resolver,
                                                      django_capture_on_commit_callbacks):
    report = generate()
    monkeypatch.setattr(report_services, "queue_generation", lambda pk: None)
    with django_capture_on_commit_callbacks(execute=True):
        question_services.reopen(question=track[0], note="wrong source", by=resolver)
    report.refresh_from_db()
    assert report.status == Status.STALE


def test_reopening_a_question_regenerates_its_reports_without_it(track, resolver,
                                                                 django_capture_on_commit_callbacks):
    report = generate()
    with django_capture_on_commit_callbacks(execute=True):
        question_services.reopen(question=track[0], note="wrong source", by=resolver)
    report.refresh_from_db()
    assert (report.status, report.metrics["n"]) == (Status.DONE, 22)
    assert track[0].pk not in report.question_ids


def test_reports_that_did_not_use_the_question_stay_done(track, experts, resolver,
                                                         django_capture_on_commit_callbacks):
    other = resolved_question()
    report = generate()
    with django_capture_on_commit_callbacks(execute=True):
        question_services.reopen(question=other, note="wrong source", by=resolver)
    assert CalibrationReport.objects.get(pk=report.pk).generated_at == report.generated_at


def test_a_report_marked_stale_while_running_is_not_stored_as_done(track, monkeypatch):
    queued = []
    monkeypatch.setattr(report_services, "queue_generation", queued.append)
    report = report_services.request_report(enqueue=False)
    original = report_services.build_content

    def stale_midway(forecasts):
        CalibrationReport.objects.filter(pk=report.pk).update(status=Status.STALE)
        return original(forecasts)
    monkeypatch.setattr(report_services, "build_content", stale_midway)
    report = report_services.run_report(report.pk)
    assert (report.status, queued) == (Status.STALE, [report.pk])


def test_frozen_forecasts_keep_their_value_in_the_report(track, experts):
    forecast = track[0].forecasts.get(claim__expert=experts[0])
    with pytest.raises(ForecastFrozen):
        override(forecast=forecast, stance="agree", probability=0.99)
    rows = csv.DictReader(io.StringIO(generate().forecasts_csv.read().decode()))
    assert {r["forecast_id"]: r["p_yes"] for r in rows}[str(forecast.pk)] == str(forecast.probability)


def test_batched_expert_reports_equal_reports_made_alone(track, experts, monkeypatch):
    monkeypatch.setattr(report_batches, "SHARED_FETCH_MIN", 2)  # share one fetch even for two
    batched = {r.expert_id: r for r in report_batches.expert_reports([e.pk for e in experts])}
    alone = generate(expert=experts[1].pk)
    batched_report = CalibrationReport.objects.get(pk=batched[experts[1].pk].pk)
    assert batched_report.metrics == alone.metrics


def test_a_batched_organization_report_counts_the_claims_made_for_it_as_one_made_alone(track, experts,
                                                                                       monkeypatch):
    moved = experts[0]
    old = moved.organization
    moved.organization = experts[1].organization
    moved.save()
    monkeypatch.setattr(report_batches, "SHARED_FETCH_MIN", 2)
    requested = [report_services.request_report(enqueue=False, organization=org.pk)
                 for org in (old, experts[1].organization)]
    report_batches.run_batch([report.pk for report in requested])
    batched = [CalibrationReport.objects.get(pk=report.pk) for report in requested]
    alone = generate(organization=old.pk)
    assert [report.metrics["n"] for report in batched] == [len(track), len(track)]
    assert batched[0].metrics == alone.metrics


def test_the_weekly_global_report_is_done(track):
    assert report_batches.global_report().status == Status.DONE


def test_the_questions_stay_resolved_by_the_report(track):
    generate()
    assert Question.objects.filter(status=Question.Status.RESOLVED).count() == 12


def test_a_batch_report_made_stale_before_its_turn_reads_the_forecasts_again(track, experts, monkeypatch,
                                                                             resolver,
                                                                             django_capture_on_commit_callbacks):
    monkeypatch.setattr(report_batches, "SHARED_FETCH_MIN", 2)
    original = report_services.run_report
    calls = []

    def reopen_after_first(report_id, forecasts=None, names=None):
        calls.append(report_id)
        result = original(report_id, forecasts, names)
        if len(calls) == 1:
            with django_capture_on_commit_callbacks(execute=True):
                question_services.reopen(question=track[0], note="wrong source", by=resolver)
        return result
    monkeypatch.setattr(report_services, "run_report", reopen_after_first)
    reports = report_batches.expert_reports([e.pk for e in experts])
    second = CalibrationReport.objects.get(pk=reports[1].pk)
    assert (second.status, second.metrics["n"]) == (Status.DONE, 11)


def test_a_slow_report_writes_its_progress(track, monkeypatch):
    monkeypatch.setattr(report_services, "PROGRESS_INTERVAL", 0.0)
    seen = []
    original = report_services.set_progress

    def spy(report_id, percent):
        original(report_id, percent)
        seen.append(CalibrationReport.objects.get(pk=report_id).progress)
    monkeypatch.setattr(report_services, "set_progress", spy)
    generate()
    assert seen == [40, 70, 90]
