import pytest
from django.core.exceptions import ValidationError
from kombu.exceptions import OperationalError as BrokerError

from forecasts.models import Source
from forecasts.services.sources import create_source, request_extraction, update_source
from forecasts.tasks.extraction import extract_claims
from tests.factories import SourceFactory
from tests.services.extraction_samples import ARTICLE, eager_celery  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
Status = Source.ExtractionStatus


def new_source(**fields) -> Source:
    return create_source(**{"url": "https://news.example.org/grain", "title": "Grain talks stall", **fields})


def test_creating_a_source_with_text_extracts_its_claims_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        source = new_source(text=ARTICLE)
    source.refresh_from_db()
    assert (source.extraction_status, source.claims.count()) == ("done", 2)


def test_a_new_source_waits_in_pending_until_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        source = new_source(text=ARTICLE)
    assert (source.extraction_status, len(callbacks)) == ("pending", 1)


def test_creating_a_source_without_text_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        source = new_source()
    assert (source.extraction_status, callbacks) == ("none", [])


def test_editing_only_the_title_queues_nothing(django_capture_on_commit_callbacks):
    source = new_source(text=ARTICLE)
    with django_capture_on_commit_callbacks() as callbacks:
        update_source(source=source, title="Grain talks stall again", text=ARTICLE)
    assert callbacks == []


def test_changing_the_text_queues_extraction_again(django_capture_on_commit_callbacks):
    source = SourceFactory(text=ARTICLE, extraction_status=Status.DONE)
    with django_capture_on_commit_callbacks() as callbacks:
        update_source(source=source, text=ARTICLE + "\nA late paragraph.")
    assert (Source.objects.get(pk=source.pk).extraction_status, len(callbacks)) == ("pending", 1)


def test_editing_metadata_never_overwrites_the_status_the_worker_wrote():
    stale = new_source(text=ARTICLE)
    Source.objects.filter(pk=stale.pk).update(extraction_status=Status.DONE, extracted_claims_count=2)
    update_source(source=stale, title="A better title")
    fresh = Source.objects.get(pk=stale.pk)
    assert (fresh.title, fresh.extraction_status, fresh.extracted_claims_count) == ("A better title", "done", 2)


def test_clearing_the_text_keeps_the_claims_and_shows_no_text(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        source = new_source(text=ARTICLE)
    with django_capture_on_commit_callbacks() as callbacks:
        update_source(source=source, text="")
    source.refresh_from_db()
    assert (source.extraction_status, source.claims.count(), callbacks) == ("none", 2, [])


def test_a_duplicate_url_is_a_field_error():
    SourceFactory(url="https://news.example.org/grain")
    with pytest.raises(ValidationError) as caught:
        new_source()
    assert caught.value.message_dict == {"url": ["A source with this URL already exists."]}


def test_text_over_the_limit_is_a_field_error(settings):
    settings.SOURCE_TEXT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as caught:
        new_source(text="é" * 51)
    assert caught.value.message_dict == {"text": ["The article text is 102 bytes; the limit is 100 bytes."]}


def test_a_missing_title_is_a_field_error():
    with pytest.raises(ValidationError) as caught:
        new_source(title="")
    assert list(caught.value.message_dict) == ["title"]


def test_fields_the_worker_owns_cannot_be_set():
    with pytest.raises(ValidationError) as caught:
        new_source(extraction_status="done")
    assert caught.value.message_dict == {"extraction_status": ["This field cannot be set."]}


def test_html_text_is_stored_as_text_with_its_paragraph_breaks():
    source = new_source(text="<article><h1>Talks</h1><p>First <b>bold</b> line.</p><p>Second&nbsp;one.</p></article>")
    assert source.text == "Talks\n\nFirst bold line.\n\nSecond one."


def test_plain_text_is_stored_exactly_as_given():
    source = new_source(text="  Line one\r\n\r\nLine <two> stays 3 < 4.  ")
    assert source.text == "  Line one\r\n\r\nLine <two> stays 3 < 4.  "


def test_whitespace_only_text_is_queued_and_fails_with_the_reason(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        source = new_source(text="   \n  ")
    source.refresh_from_db()
    assert (source.extraction_status, source.extraction_error) == ("failed", "The source text is only whitespace.")


def test_asking_for_extraction_again_queues_it(django_capture_on_commit_callbacks):
    source = SourceFactory(text=ARTICLE, extraction_status=Status.FAILED, extraction_error="old reason")
    with django_capture_on_commit_callbacks() as callbacks:
        source = request_extraction(source=source)
    assert (source.extraction_status, source.extraction_error, len(callbacks)) == ("pending", "", 1)


def test_a_broker_outage_leaves_the_source_pending_for_the_sweeper(monkeypatch, django_capture_on_commit_callbacks):
    def broker_down(*args, **kwargs):
        raise BrokerError("connection refused")

    monkeypatch.setattr(extract_claims, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        source = new_source(text=ARTICLE)
    source.refresh_from_db()
    assert source.extraction_status == "pending"
