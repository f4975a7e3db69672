"""CachedReadMiddleware: anonymous JSON reads answered from the cache before routing and DRF."""

import pytest
from rest_framework.throttling import SimpleRateThrottle

from forecasts.api.views import base
from tests.factories import ClaimFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("response_cache")]
URL = "/api/v1/claims/"


@pytest.fixture
def list_calls(monkeypatch) -> list:
    """Counts how often a list or detail view runs (the middleware's answers never reach one)."""
    calls = []
    original = base.cached_read

    def counting(view, render, request, *args, **kwargs):
        calls.append(request.get_full_path())
        return original(view, render, request, *args, **kwargs)

    monkeypatch.setattr(base, "cached_read", counting)
    return calls


def test_a_repeated_anonymous_read_is_answered_before_the_view_with_the_same_body_and_headers(api, list_calls):
    ClaimFactory()
    first = api.get(URL)
    again = api.get(URL)
    assert len(list_calls) == 1
    assert again.content == first.content
    for header in ("Content-Type", "Allow", "Vary", "ETag"):
        assert again.headers[header] == first.headers[header]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"HTTP_ACCEPT": "application/json; indent=4"}, id="another-media-type"),
        pytest.param({"HTTP_ACCEPT": "text/html"}, id="browsable-api"),
    ],
)
def test_anything_but_a_plain_anonymous_json_read_takes_the_full_path(api, list_calls, headers):
    ClaimFactory()
    api.get(URL)
    api.get(URL, **headers)
    assert len(list_calls) == 2


def test_credentials_take_the_full_path_where_a_bad_token_is_refused(api):
    ClaimFactory()
    api.get(URL)
    assert api.get(URL, HTTP_AUTHORIZATION="Token not-a-real-token").status_code == 401


def test_a_session_cookie_takes_the_full_path(api, list_calls):
    ClaimFactory()
    api.get(URL)
    api.cookies["sessionid"] = "whatever"
    api.get(URL)
    assert len(list_calls) == 2


def test_a_write_sends_the_next_read_down_the_full_path(api, list_calls):
    claim = ClaimFactory()
    api.get(URL)
    claim.quote = "Edited."
    claim.save()
    assert "Edited." in api.get(URL).content.decode()
    assert len(list_calls) == 2


def test_the_throttle_still_counts_cached_answers(api, monkeypatch):
    # DRF reads the rates into a class attribute at import time.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "1000/minute"})
    ClaimFactory()
    statuses = [api.get(URL).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_a_matching_etag_is_answered_not_modified(api, list_calls):
    ClaimFactory()
    etag = api.get(URL).headers["ETag"]
    assert api.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert len(list_calls) == 1
