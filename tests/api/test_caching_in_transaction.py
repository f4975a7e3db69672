"""Inside an open transaction (as in an atomic request) the response cache stands aside: the
transaction may see its own writes before the data version counts them at commit."""

import pytest
from django.core.cache import cache

from forecasts.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_reads_inside_a_transaction_always_see_the_latest_data(api, settings):
    settings.API_RESPONSE_CACHE = True
    cache.clear()
    claim = ClaimFactory()
    api.get("/api/v1/claims/")
    Claim.objects.filter(pk=claim.pk).update(quote="Seen at once.")
    ClaimFactory()
    body = api.get("/api/v1/claims/").json()
    assert body["count"] == 2 and "Seen at once." in str(body)
