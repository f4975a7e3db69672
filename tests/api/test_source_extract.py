"""POST an article, get its claims: sources over the API and /sources/{id}/extract/."""
import pytest

from forecasts.models import Source
from tests.api.conftest import client_for
from tests.factories import SourceFactory, UserFactory
from tests.services.extraction_samples import ARTICLE, eager_celery  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
SOURCES = "/api/v1/sources/"


def article(**fields) -> dict:
    return {"url": "https://news.example.org/grain", "title": "Grain talks stall", "text": ARTICLE, **fields}


def post_article(client, capture, **fields):
    with capture(execute=True):
        return client.post(SOURCES, article(**fields), format="json")


def extract(client, source: Source, capture):
    with capture(execute=True):
        return client.post(f"{SOURCES}{source.pk}/extract/")


def test_posting_an_article_extracts_its_claims(analyst_api, django_capture_on_commit_callbacks):
    response = post_article(analyst_api, django_capture_on_commit_callbacks)
    source = Source.objects.get()
    assert (response.status_code, response.json()["extraction_status"]) == (201, "pending")
    assert (source.extraction_status, source.claims.filter(capture="extracted").count()) == ("done", 2)


def test_changing_the_text_over_the_api_extracts_again(analyst_api, django_capture_on_commit_callbacks):
    source_id = post_article(analyst_api, django_capture_on_commit_callbacks).json()["id"]
    shorter = ARTICLE.split("\n\nOlga")[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_api.patch(f"{SOURCES}{source_id}/", {"text": shorter}, format="json")
    assert (response.status_code, response.json()["extraction_status"]) == (200, "pending")
    assert Source.objects.get().claims.count() == 1


def test_posted_html_is_stored_as_text_with_paragraph_breaks(analyst_api, django_capture_on_commit_callbacks):
    html = "<div><p>First paragraph,<br>one line.</p>\n<p>Second &amp; last.</p></div>"
    response = post_article(analyst_api, django_capture_on_commit_callbacks, text=html)
    assert response.json()["text"] == "First paragraph,\none line.\n\nSecond & last."


def test_a_text_over_the_limit_is_a_field_error(analyst_api, settings, django_capture_on_commit_callbacks):
    settings.SOURCE_TEXT_MAX_BYTES = 1000
    response = post_article(analyst_api, django_capture_on_commit_callbacks, text="a" * 1001)
    assert (response.status_code, list(response.json())) == (400, ["text"])
    assert not Source.objects.exists()


def test_a_body_over_the_upload_limit_is_413(analyst_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = analyst_api.post(SOURCES, article(text="a" * 20_000), format="json")
    assert response.status_code == 413


def test_a_body_that_is_not_utf8_is_a_400(analyst_api):
    body = b'{"url": "https://news.example.org/x", "title": "T", "text": "caf\xe9 \xff"}'
    response = analyst_api.post(SOURCES, body, content_type="application/json")
    assert response.status_code == 400
    assert not Source.objects.exists()


def test_a_duplicate_url_is_a_field_error(analyst_api):
    SourceFactory(url="https://news.example.org/grain")
    response = analyst_api.post(SOURCES, article(), format="json")
    assert (response.status_code, list(response.json())) == (400, ["url"])


def test_extract_answers_202_with_the_queued_status(analyst_api, django_capture_on_commit_callbacks):
    source = SourceFactory(text=ARTICLE, extraction_status="failed", extraction_error="old")
    response = extract(analyst_api, source, django_capture_on_commit_callbacks)
    assert response.status_code == 202
    assert response.json() == {
        "id": source.pk, "extraction_status": "pending", "extraction_error": "",
        "extracted_claims_count": 0, "extracted_at": None,
    }


def test_extract_runs_the_extraction_after_commit(analyst_api, django_capture_on_commit_callbacks):
    source = SourceFactory(text=ARTICLE)
    extract(analyst_api, source, django_capture_on_commit_callbacks)
    body = analyst_api.get(f"{SOURCES}{source.pk}/").json()
    assert (body["extraction_status"], body["extracted_claims_count"]) == ("done", 2)


def test_extract_twice_creates_no_duplicates(analyst_api, django_capture_on_commit_callbacks):
    source = SourceFactory(text=ARTICLE)
    extract(analyst_api, source, django_capture_on_commit_callbacks)
    extract(analyst_api, source, django_capture_on_commit_callbacks)
    assert source.claims.count() == 2


def test_extract_of_a_source_without_text_reports_the_failure(analyst_api, django_capture_on_commit_callbacks):
    source = SourceFactory(text="")
    extract(analyst_api, source, django_capture_on_commit_callbacks)
    body = analyst_api.get(f"{SOURCES}{source.pk}/").json()
    assert (body["extraction_status"], body["extraction_error"]) == (
        "failed", "The source has no text to extract from.")


def test_extract_of_an_unknown_source_is_a_404(analyst_api, django_capture_on_commit_callbacks):
    response = analyst_api.post(f"{SOURCES}987654/extract/")
    assert response.status_code == 404


def test_extract_needs_credentials(api):
    response = api.post(f"{SOURCES}{SourceFactory().pk}/extract/")
    assert response.status_code == 401


def test_extract_needs_the_change_source_permission(db):
    response = client_for(UserFactory(username="reader")).post(f"{SOURCES}{SourceFactory().pk}/extract/")
    assert response.status_code == 403


def test_the_extract_endpoint_is_documented(api):
    operation = api.get("/api/schema/?format=json").json()["paths"]["/api/v1/sources/{id}/extract/"]["post"]
    assert {"202", "401", "403", "404"} <= set(operation["responses"])
