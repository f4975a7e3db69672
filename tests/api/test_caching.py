"""The exact response cache: list and detail bodies reused until a committed write changes the data.

These tests commit (transactional_db); inside an open transaction the cache stands aside.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forecasts.models import Claim, Expert
from tests.api.conftest import client_for
from tests.factories import ClaimFactory, QuestionFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("response_cache")]


def queries_of(client, url: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return len(captured), response


def test_a_repeated_read_costs_one_query_and_returns_the_same_body(api):
    ClaimFactory.create_batch(3)
    first = api.get("/api/v1/claims/")
    queries, again = queries_of(api, "/api/v1/claims/")
    assert (queries, again.content) == (1, first.content)


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda claim: Claim.objects.filter(pk=claim.pk).update(quote="A new quote."), id="update"),
        pytest.param(
            lambda claim: Expert.objects.bulk_update(
                [setattr(claim.expert, "name", "A new quote.") or claim.expert], ["name"]
            ),
            id="bulk-update-of-an-embedded-row",
        ),
        pytest.param(
            lambda claim: connection.cursor().execute("UPDATE forecasts_claim SET quote = 'A new quote.'"),
            id="raw-sql",
        ),
    ],
)
def test_a_committed_write_is_seen_by_the_next_read(api, write):
    claim = ClaimFactory()
    api.get(f"/api/v1/claims/{claim.pk}/")
    api.get("/api/v1/claims/")
    write(claim)
    assert "A new quote." in api.get(f"/api/v1/claims/{claim.pk}/").content.decode()
    assert "A new quote." in api.get("/api/v1/claims/").content.decode()


def test_a_write_through_the_api_is_seen_by_the_next_read(api, superuser):
    claim = ClaimFactory()
    before = api.get("/api/v1/claims/").json()["count"]
    created = client_for(superuser).post(
        "/api/v1/claims/",
        {"expert": claim.expert_id, "quote": "Another claim entirely.", "made_at": "2022-01-14T12:00:00Z"},
        format="json",
    )
    assert created.status_code == 201
    assert api.get("/api/v1/claims/").json()["count"] == before + 1


def test_a_matching_etag_gets_not_modified_until_the_data_changes(api):
    claim = ClaimFactory()
    etag = api.get("/api/v1/claims/").headers["ETag"]
    unchanged = api.get("/api/v1/claims/", HTTP_IF_NONE_MATCH=etag)
    Claim.objects.filter(pk=claim.pk).update(quote="Changed.")
    changed = api.get("/api/v1/claims/", HTTP_IF_NONE_MATCH=etag)
    assert (unchanged.status_code, changed.status_code) == (304, 200)
    assert changed.headers["ETag"] != etag


def test_authenticated_readers_get_the_same_body_from_their_own_entry_and_bad_tokens_are_refused(api, analyst):
    ClaimFactory()
    anonymous = api.get("/api/v1/claims/")
    reader = client_for(analyst)
    first = reader.get("/api/v1/claims/")
    queries, again = queries_of(reader, "/api/v1/claims/")
    refused = api.get("/api/v1/claims/", HTTP_AUTHORIZATION="Token not-a-real-token")
    assert anonymous.content == first.content == again.content
    assert queries <= 3  # token and user lookups, then the version: no page or count query
    assert refused.status_code == 401


def test_errors_are_not_cached(api):
    ClaimFactory()
    missing = api.get("/api/v1/claims/?page_size=1&page=2").status_code
    ClaimFactory()
    assert (missing, api.get("/api/v1/claims/?page_size=1&page=2").status_code) == (404, 200)


def test_different_queries_are_different_entries(api):
    first, second = ClaimFactory(), ClaimFactory()
    counts = [api.get(f"/api/v1/claims/?expert={c.expert_id}").json()["count"] for c in (first, second)]
    assert counts == [1, 1]


def test_questions_are_not_cached_because_overdue_turns_with_the_clock(api):
    QuestionFactory()
    api.get("/api/v1/questions/")
    queries, _ = queries_of(api, "/api/v1/questions/")
    assert queries > 1


def test_the_browsable_api_is_not_cached(api):
    ClaimFactory()
    api.get("/api/v1/claims/?format=api")
    queries, _ = queries_of(api, "/api/v1/claims/?format=api")
    assert queries > 1


def test_the_cache_can_be_switched_off(api, settings):
    settings.API_RESPONSE_CACHE = False
    ClaimFactory()
    api.get("/api/v1/claims/")
    queries, response = queries_of(api, "/api/v1/claims/")
    assert queries > 1 and "ETag" not in response.headers
