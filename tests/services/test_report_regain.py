"""A question resolved again after a reopen comes back into the reports that had dropped it."""

import pytest

from forecasts.models import CalibrationReport
from forecasts.services import questions as question_services
from forecasts.services import reports as report_services
from tests.factories import ExpertFactory, OrganizationFactory, TagFactory
from tests.report_data import eager_celery, forecast_on, resolved_question  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]


@pytest.fixture
def track():
    first, second = ExpertFactory(), ExpertFactory()
    questions = [resolved_question("yes" if i % 2 else "no") for i in range(3)]
    for question in questions:
        forecast_on(question, first, 0.7)
        forecast_on(question, second, 0.4)
    return first, questions


def _reopen_then_resolve(question, resolver, capture) -> None:
    with capture(execute=True):
        question_services.reopen(question=question, note="wrong evidence", by=resolver)
    with capture(execute=True):
        question_services.resolve(question=question, outcome=question.outcome or "yes", by=resolver,
                                  evidence_url="https://example.org/e", note="checked again")


@pytest.mark.parametrize("scope", ["all", "expert"])
def test_a_question_resolved_again_counts_again_in_the_report(track, resolver, scope,
                                                              django_capture_on_commit_callbacks):
    expert, questions = track
    target = {"expert": expert.pk} if scope == "expert" else {}
    report = report_services.run_report(report_services.request_report(enqueue=False, **target).pk)
    n_before = report.metrics["n"]
    _reopen_then_resolve(questions[0], resolver, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert (report.status, report.metrics["n"], questions[0].pk in report.question_ids) == (
        CalibrationReport.Status.DONE, n_before, True)


def test_a_report_on_another_tag_is_left_alone(track, resolver, django_capture_on_commit_callbacks):
    tag = TagFactory()
    report = report_services.run_report(
        report_services.request_report(enqueue=False, scope="tag", tag=tag.pk).pk)
    _reopen_then_resolve(track[1][0], resolver, django_capture_on_commit_callbacks)
    assert CalibrationReport.objects.get(pk=report.pk).generated_at == report.generated_at


def test_a_moved_experts_old_organization_report_counts_the_question_again(track, resolver,
                                                                          django_capture_on_commit_callbacks):
    expert, questions = track
    old = expert.organization
    expert.organization = OrganizationFactory()
    expert.save()
    report = report_services.run_report(report_services.request_report(enqueue=False, organization=old.pk).pk)
    assert report.metrics["n"] == len(questions)
    _reopen_then_resolve(questions[0], resolver, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert (report.status, report.metrics["n"], questions[0].pk in report.question_ids) == (
        CalibrationReport.Status.DONE, len(questions), True)
