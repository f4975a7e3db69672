"""Report pages show the PNG and the tables; 'Generate report now'; the expert page's track record."""
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from forecasts.models import CalibrationReport
from forecasts.services import reports as report_services
from tests.factories import ExpertFactory
from tests.report_data import eager_celery, forecast_on, resolved_question  # noqa: F401 - eager_celery is a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]


@pytest.fixture
def expert():
    expert = ExpertFactory()
    for i in range(12):
        forecast_on(resolved_question("yes" if i % 2 else "no"), expert, 0.8 if i % 2 else 0.3)
    return expert


@pytest.fixture
def done_report(expert):
    report = report_services.request_report(enqueue=False)
    return report_services.run_report(report.pk)


def test_a_report_page_shows_the_png_and_the_tables(client, superuser, done_report):
    client.force_login(superuser)
    page = client.get(reverse("admin:forecasts_calibrationreport_change", args=[done_report.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<img src="{done_report.png.url}"' in html
    assert "observed frequency" in html
    assert "Brier 95% CI" in html
    assert "forecasts.csv" in html


def test_adding_a_report_generates_it(client, superuser, expert, django_capture_on_commit_callbacks):
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:forecasts_calibrationreport_add"),
                               {"scope": "expert", "expert": expert.pk})
    assert response.status_code == 302
    report = CalibrationReport.objects.get()
    assert (report.status, report.metrics["n"], report.requested_by) == ("done", 12, superuser)


def test_adding_a_report_with_a_reversed_period_shows_the_error(client, superuser):
    client.force_login(superuser)
    response = client.post(reverse("admin:forecasts_calibrationreport_add"),
                           {"scope": "all", "period_start": "2022-02-01", "period_end": "2022-01-01"})
    assert response.status_code == 200
    assert "The period ends before it starts" in response.content.decode()
    assert not CalibrationReport.objects.exists()


def test_generate_now_queues_the_selected_reports(client, superuser, done_report,
                                                  django_capture_on_commit_callbacks):
    client.force_login(superuser)
    CalibrationReport.objects.filter(pk=done_report.pk).update(status="failed", error="old")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:forecasts_calibrationreport_changelist"),
                    {"action": "generate_now", ACTION_CHECKBOX_NAME: [done_report.pk]})
    done_report.refresh_from_db()
    assert (done_report.status, done_report.error) == ("done", "")


def test_the_expert_page_shows_the_track_record(client, superuser, expert):
    client.force_login(superuser)
    page = client.get(reverse("admin:forecasts_expert_change", args=[expert.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "difficulty-adjusted skill" in html
    assert "resolved forecasts" in html
