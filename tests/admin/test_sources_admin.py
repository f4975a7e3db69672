"""Claim extraction in the source admin: paste an article, get its claims."""
import pytest
from django.urls import reverse

from forecasts.models import Claim, Expert, Source
from tests.factories import SourceFactory
from tests.services.extraction_samples import ARTICLE, GALEOTTI, eager_celery  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
NO_INLINE_CLAIMS = {"claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0"}


def source_form(**fields) -> dict:
    return {
        "url": "https://news.example.org/grain", "title": "Grain talks stall", "publisher": "Example",
        "author": "Jane Reporter", "published_at_0": "2022-01-14", "published_at_1": "09:00:00",
        "text": ARTICLE, **NO_INLINE_CLAIMS, **fields,
    }


def add_source(client, analyst, django_capture_on_commit_callbacks, **fields):
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("admin:forecasts_source_add"), source_form(**fields))


def test_pasting_an_article_in_the_admin_extracts_its_claims(client, analyst, django_capture_on_commit_callbacks):
    response = add_source(client, analyst, django_capture_on_commit_callbacks)
    source = Source.objects.get()
    assert response.status_code == 302
    assert (source.extraction_status, source.claims.filter(capture="extracted").count()) == ("done", 2)


def test_pasted_html_is_stored_as_text(client, analyst, django_capture_on_commit_callbacks):
    add_source(client, analyst, django_capture_on_commit_callbacks, text="<p>One paragraph.</p><p>Another.</p>")
    assert Source.objects.get().text == "One paragraph.\n\nAnother."


def test_too_long_a_text_is_a_field_error_in_the_form(client, analyst, settings, django_capture_on_commit_callbacks):
    settings.SOURCE_TEXT_MAX_BYTES = 100
    response = add_source(client, analyst, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["text"] == [
        f"The article text is {len(ARTICLE.strip().encode())} bytes; the limit is 100 bytes."
    ]
    assert not Source.objects.exists()


def test_the_source_page_shows_done_with_the_number_of_claims(client, analyst):
    source = SourceFactory(text=ARTICLE, extraction_status="done", extracted_claims_count=2)
    client.force_login(analyst)
    response = client.get(reverse("admin:forecasts_source_change", args=[source.pk]))
    assert "done (2 claims)" in response.content.decode()


def test_the_source_page_shows_why_extraction_failed(client, analyst):
    source = SourceFactory(text=" ", extraction_status="failed", extraction_error="The source text is only whitespace.")
    client.force_login(analyst)
    response = client.get(reverse("admin:forecasts_source_change", args=[source.pk]))
    assert "failed: The source text is only whitespace." in response.content.decode()


def test_the_extract_claims_action_runs_extraction_again(client, analyst, django_capture_on_commit_callbacks):
    source = SourceFactory(text=ARTICLE, extraction_status="failed", extraction_error="Extractor error")
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:forecasts_source_changelist"),
                               {"action": "extract_claims", "_selected_action": [source.pk]}, follow=True)
    source.refresh_from_db()
    assert (source.extraction_status, source.claims.count()) == ("done", 2)
    assert "Claim extraction queued for 1 source(s)." in response.content.decode()


def test_editing_an_extracted_claim_in_the_inline_protects_it(client, analyst, django_capture_on_commit_callbacks):
    add_source(client, analyst, django_capture_on_commit_callbacks)
    source = Source.objects.get()
    claims = list(source.claims.order_by("pk"))
    inline = {"claims-TOTAL_FORMS": "2", "claims-INITIAL_FORMS": "2"}
    for index, claim in enumerate(claims):
        inline |= {f"claims-{index}-id": claim.pk, f"claims-{index}-source": source.pk,
                   f"claims-{index}-expert": claim.expert_id, f"claims-{index}-quote": claim.quote,
                   f"claims-{index}-kind": claim.kind, f"claims-{index}-made_at_0": "2022-01-14",
                   f"claims-{index}-made_at_1": "09:00:00"}
    inline[f"claims-{[c.quote for c in claims].index(GALEOTTI)}-kind"] = "forecast"
    client.post(reverse("admin:forecasts_source_change", args=[source.pk]), source_form(**inline))
    assert list(Claim.objects.filter(analyst_touched=True).values_list("quote", flat=True)) == [GALEOTTI]


def test_new_speakers_are_listed_under_needs_review(client, analyst, django_capture_on_commit_callbacks):
    add_source(client, analyst, django_capture_on_commit_callbacks)
    response = client.get(reverse("admin:forecasts_expert_changelist") + "?needs_review__exact=1")
    listed = {expert.name for expert in response.context["cl"].result_list}
    assert listed == set(Expert.objects.filter(needs_review=True).values_list("name", flat=True))
    assert listed == {"Mark Galeotti", "Olga Petrenko"}


def test_the_extract_claims_action_says_when_a_source_has_no_text(client, analyst):
    source = SourceFactory(text="", title="Metadata only")
    client.force_login(analyst)
    response = client.post(reverse("admin:forecasts_source_changelist"),
                           {"action": "extract_claims", "_selected_action": [source.pk]}, follow=True)
    source.refresh_from_db()
    assert "Nothing to extract (no article text) for: Metadata only" in response.content.decode()
    assert source.extraction_status == "none"
