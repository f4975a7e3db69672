"""Report and overdue tasks (eager), and the beat schedules the data migration creates."""
from datetime import timedelta
from importlib import import_module

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from forecasts.models import CalibrationReport, Question
from forecasts.services import reports as report_services
from forecasts.tasks import flag_overdue_questions, generate_report, weekly_expert_reports, weekly_global_report
from tests.factories import ExpertFactory, QuestionFactory, UserFactory
from tests.report_data import eager_celery, forecast_on, resolved_question  # noqa: F401 - eager_celery is a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]


@pytest.fixture
def forecasts():
    experts = [ExpertFactory(), ExpertFactory()]
    for i in range(3):
        question = resolved_question()
        for expert in experts:
            forecast_on(question, expert, 0.6 + 0.1 * i)
    return experts


def test_generate_report_makes_the_report(forecasts):
    report = report_services.request_report(enqueue=False)
    assert generate_report.delay(report.pk).get() == "done"
    assert CalibrationReport.objects.get(pk=report.pk).metrics["n"] == 6


def test_generate_report_twice_is_a_no_op(forecasts):
    report = report_services.request_report(enqueue=False)
    generate_report.delay(report.pk)
    assert generate_report.delay(report.pk).get() is None


def test_the_weekly_expert_task_makes_one_report_per_expert(forecasts):
    assert weekly_expert_reports.delay().get() == 2
    reports = CalibrationReport.objects.filter(scope="expert")
    assert sorted(r.expert_id for r in reports) == sorted(e.pk for e in forecasts)
    assert {r.status for r in reports} == {"done"}


def test_the_weekly_global_task_makes_the_global_report(forecasts):
    report = CalibrationReport.objects.get(pk=weekly_global_report.delay().get())
    assert (report.scope, report.status) == ("all", "done")


@pytest.fixture
def overdue():
    return QuestionFactory(opens_at=timezone.now() - timedelta(days=90),
                           closes_at=timezone.now() - timedelta(days=30),
                           resolve_by=timezone.now() - timedelta(days=1), status=Question.Status.CLOSED)


@pytest.fixture
def resolver_with_email(resolver):
    resolver.email = "resolver@example.org"
    resolver.save()
    return resolver


def test_the_overdue_check_flags_and_emails_the_resolvers(overdue, resolver_with_email, mailoutbox,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_overdue_questions.delay().get() == 1
    overdue.refresh_from_db()
    assert overdue.overdue_notified_at is not None
    assert mailoutbox[0].to == ["resolver@example.org"]
    assert overdue.title in mailoutbox[0].body


def test_the_overdue_email_waits_for_the_commit(overdue, resolver_with_email, mailoutbox,
                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        flag_overdue_questions.delay()
    assert (len(mailoutbox), len(callbacks)) == (0, 1)


def test_a_question_is_flagged_only_once(overdue, resolver_with_email, mailoutbox,
                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        flag_overdue_questions.delay()
        assert flag_overdue_questions.delay().get() == 0
    assert len(mailoutbox) == 1


def test_questions_not_yet_due_are_not_flagged(resolver_with_email, mailoutbox):
    QuestionFactory()
    assert flag_overdue_questions.delay().get() == 0


def test_only_the_resolver_group_is_emailed(overdue, resolver_with_email, mailoutbox,
                                            django_capture_on_commit_callbacks):
    UserFactory(username="reader", email="reader@example.org", groups=["analyst"])
    with django_capture_on_commit_callbacks(execute=True):
        flag_overdue_questions.delay()
    assert mailoutbox[0].to == ["resolver@example.org"]


SCHEDULED = ["forecasts.tasks.questions.close_due_questions", "forecasts.tasks.reports.flag_overdue_questions",
             "forecasts.tasks.reports.weekly_global_report", "forecasts.tasks.reports.weekly_expert_reports"]


def test_the_migration_schedules_the_periodic_tasks():
    assert set(SCHEDULED) <= set(PeriodicTask.objects.values_list("task", flat=True))


@pytest.mark.parametrize("name", SCHEDULED)
def test_every_scheduled_task_exists(name):
    module, attribute = name.rsplit(".", 1)
    assert getattr(import_module(module), attribute).name == name
