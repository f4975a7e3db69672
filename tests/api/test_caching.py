"""The two opt-in caches: list totals and anonymous reads. Both are off by default."""

import pytest

from tests.api.conftest import client_for
from tests.factories import ClaimFactory, ExpertFactory

pytestmark = pytest.mark.django_db


def test_by_default_every_read_sees_the_latest_data(api):
    ClaimFactory()
    api.get("/api/v1/claims/")
    ClaimFactory()
    assert api.get("/api/v1/claims/").json()["count"] == 2


def test_a_cached_total_is_reused_for_other_pages_of_the_same_filter(api, settings):
    settings.API_COUNT_CACHE_SECONDS = 60
    expert = ExpertFactory()
    ClaimFactory.create_batch(3, expert=expert)
    api.get(f"/api/v1/claims/?expert={expert.pk}&page_size=1")
    ClaimFactory(expert=expert)
    counts = [
        api.get(f"/api/v1/claims/?expert={expert.pk}&page_size={size}").json()["count"]
        for size in (2, 1)
    ]
    assert counts == [3, 3]


def test_a_cached_total_is_per_filter(api, settings):
    settings.API_COUNT_CACHE_SECONDS = 60
    first, second = ClaimFactory(), ClaimFactory()
    ClaimFactory(expert=second.expert)
    counts = [
        api.get(f"/api/v1/claims/?expert={c.expert.pk}").json()["count"] for c in (first, second)
    ]
    assert counts == [1, 2]


def test_an_anonymous_read_may_come_from_the_cache(api, settings):
    settings.API_ANONYMOUS_CACHE_SECONDS = 60
    ClaimFactory()
    api.get("/api/v1/claims/")
    ClaimFactory()
    assert api.get("/api/v1/claims/").json()["count"] == 1


def test_an_authenticated_read_never_comes_from_the_cache(api, analyst, settings):
    settings.API_ANONYMOUS_CACHE_SECONDS = 60
    ClaimFactory()
    api.get("/api/v1/claims/")
    ClaimFactory()
    assert client_for(analyst).get("/api/v1/claims/").json()["count"] == 2


def test_errors_are_not_cached(api, settings):
    settings.API_ANONYMOUS_CACHE_SECONDS = 60
    ClaimFactory()
    missing = api.get("/api/v1/claims/?page_size=1&page=2").status_code
    ClaimFactory()
    assert (missing, api.get("/api/v1/claims/?page_size=1&page=2").status_code) == (404, 200)
