"""API clients for the personas: token-authenticated, as a REST client would call."""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anonymous(db):
    return None


@pytest.fixture
def persona_client(request):
    """Parametrize with the persona's fixture name: anonymous, analyst, resolver, superuser."""
    return client_for(request.getfixturevalue(request.param))


@pytest.fixture
def api(db) -> APIClient:
    return APIClient()


@pytest.fixture
def analyst_api(analyst) -> APIClient:
    return client_for(analyst)


@pytest.fixture
def resolver_api(resolver) -> APIClient:
    return client_for(resolver)


@pytest.fixture
def superuser_api(superuser) -> APIClient:
    return client_for(superuser)


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    """Throttling counts requests in the cache; one test's traffic must not throttle the next."""
    cache.clear()


@pytest.fixture
def response_cache(settings):
    """The exact response cache on, empty (tests that commit: transactional_db)."""
    settings.API_RESPONSE_CACHE = True
    cache.clear()
