"""The exact response cache shared through Redis (CACHE_URL), as gunicorn workers would share it,
on PostgreSQL with its commit-time triggers. Runs in the PostgreSQL + Redis pass of .ci/run."""

import os

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from forecasts.models import Claim
from tests.factories import ClaimFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_cache(settings):
    broker = os.environ["CELERY_BROKER_URL"]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": broker.rsplit("/", 1)[0] + "/15",
            "KEY_PREFIX": "tracker-tests",
        }
    }
    settings.API_RESPONSE_CACHE = True
    cache.clear()
    yield cache
    cache.clear()


def test_a_cached_read_lives_in_redis_and_a_commit_replaces_it(redis_cache):
    claim = ClaimFactory()
    api = APIClient()
    first = api.get("/api/v1/claims/")
    assert redis_cache._cache.get_client().dbsize() >= 1
    assert api.get("/api/v1/claims/").content == first.content
    Claim.objects.filter(pk=claim.pk).update(quote="Committed elsewhere.")
    assert "Committed elsewhere." in api.get("/api/v1/claims/").content.decode()
