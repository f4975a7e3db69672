"""POST/GET /api/v1/reports/, /experts/{id}/track-record/, /leaderboard/."""
import pytest

from forecasts.models import CalibrationReport
from tests.factories import ExpertFactory
from tests.report_data import eager_celery, forecast_on, resolved_question  # noqa: F401 - eager_celery is a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
REPORTS = "/api/v1/reports/"


@pytest.fixture
def expert(settings):
    settings.LEADERBOARD_MIN_FORECASTS = 5
    expert = ExpertFactory()
    for i in range(12):
        forecast_on(resolved_question("yes" if i % 2 else "no"), expert, 0.8 if i % 2 else 0.3)
    return expert


def test_posting_a_report_answers_202_with_its_id(analyst_api, expert):
    response = analyst_api.post(REPORTS, {"expert": expert.pk}, format="json")
    assert response.status_code == 202
    report = CalibrationReport.objects.get(pk=response.data["id"])
    assert response["Location"].endswith(f"{REPORTS}{report.pk}/")
    assert report.requested_by.username == "analyst"


def test_a_polled_report_shows_status_progress_and_file_links(analyst_api, expert,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report_id = analyst_api.post(REPORTS, {}, format="json").data["id"]
    body = analyst_api.get(f"{REPORTS}{report_id}/").data
    assert (body["status"], body["progress"], body["metrics"]["n"]) == ("done", 100, 12)
    assert body["png"].endswith("reliability.png")
    assert body["forecasts_csv"].endswith("forecasts.csv")


def test_an_unknown_expert_is_a_field_error(analyst_api):
    response = analyst_api.post(REPORTS, {"expert": 999_999}, format="json")
    assert response.status_code == 400
    assert "expert" in response.data


def test_a_reversed_period_is_a_field_error(analyst_api):
    response = analyst_api.post(REPORTS, {"since": "2022-02-01", "until": "2022-01-01"}, format="json")
    assert (response.status_code, list(response.data)) == (400, ["until"])


def test_a_malformed_date_is_a_field_error(analyst_api):
    response = analyst_api.post(REPORTS, {"since": "yesterday"}, format="json")
    assert (response.status_code, list(response.data)) == (400, ["since"])


def test_two_targets_at_once_are_refused(analyst_api, expert):
    response = analyst_api.post(REPORTS, {"expert": expert.pk, "tag": 1}, format="json")
    assert response.status_code == 400


def test_anonymous_clients_cannot_request_reports(api):
    assert api.post(REPORTS, {}, format="json").status_code == 401


def test_the_track_record_of_an_expert(api, expert):
    body = api.get(f"/api/v1/experts/{expert.pk}/track-record/").data
    assert (body["n_resolved"], body["slug"]) == (12, expert.slug)
    assert {"brier", "brier_ci", "log_score", "brier_skill", "auc", "hit_rate", "bins",
            "adjusted_skill"} <= set(body)


def test_the_track_record_of_an_unknown_expert_is_404(api):
    assert api.get("/api/v1/experts/999999/track-record/").status_code == 404


def test_the_leaderboard_ranks_experts_with_enough_forecasts(api, expert):
    body = api.get("/api/v1/leaderboard/").data
    assert [row["slug"] for row in body["by_brier"]] == [expert.slug]
    assert body["min_forecasts"] == 5


def test_the_leaderboard_takes_a_minimum(api, expert):
    assert api.get("/api/v1/leaderboard/?min_forecasts=13").data["by_brier"] == []


def test_the_leaderboard_rejects_unknown_parameters(api):
    response = api.get("/api/v1/leaderboard/?sort=up")
    assert (response.status_code, list(response.data)) == (400, ["sort"])


def test_the_leaderboard_rejects_a_reversed_period(api):
    assert api.get("/api/v1/leaderboard/?since=2022-02-01&until=2022-01-01").status_code == 400


def test_a_reports_forecasts_are_served_as_json_pages(analyst_api, expert, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report_id = analyst_api.post(REPORTS, {}, format="json").data["id"]
    body = analyst_api.get(f"{REPORTS}{report_id}/forecasts/?page=2&page_size=5").data
    assert (body["count"], body["page"], len(body["results"])) == (12, 2, 5)
    assert set(body["results"][0]) == {"forecast_id", "expert_id", "expert", "question_id", "question",
                                       "made_at", "p_yes", "outcome"}


def test_a_pending_reports_forecasts_are_empty(analyst_api, expert):
    report_id = analyst_api.post(REPORTS, {}, format="json").data["id"]
    body = analyst_api.get(f"{REPORTS}{report_id}/forecasts/").data
    assert (body["count"], body["results"]) == (0, [])


def test_a_bad_page_is_a_field_error(api, expert):
    from forecasts.services import reports as report_services
    report = report_services.request_report(enqueue=False)
    response = api.get(f"{REPORTS}{report.pk}/forecasts/?page=0")
    assert (response.status_code, list(response.data)) == (400, ["page"])
