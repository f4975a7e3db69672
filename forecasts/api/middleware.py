"""Anonymous JSON reads served from the exact response cache before URL routing and DRF.

The full path (forecasts/api/caching.py) renders a list or detail once per data version and caches
it per audience. An anonymous JSON GET of the same URL at the same version would get the same body
from it: the same permission (anonymous reads are public), the same query-parameter checks, the same
serializer. This middleware serves that entry without resolving the URL or running DRF, after the
same throttles DRF would apply. Whenever it is not sure — credentials or a session cookie, another
media type, no entry at the current version, a throttled client — it steps aside and the request
takes the full path, which answers (and caches) as usual.
"""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from rest_framework.settings import api_settings

from forecasts.api import caching

API_PREFIX = "/api/v1/"
PLAIN_JSON_ACCEPTS = frozenset({"", "*/*", "application/json"})


class CachedReadMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        answer = cached_answer(request) if is_plain_anonymous_read(request) else None
        return answer or self.get_response(request)


def is_plain_anonymous_read(request: HttpRequest) -> bool:
    return (
        getattr(settings, "API_RESPONSE_CACHE", False)
        and request.method in ("GET", "HEAD")
        and request.path.startswith(API_PREFIX)
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and request.META.get("HTTP_ACCEPT", "").strip() in PLAIN_JSON_ACCEPTS
        and request.GET.get("format", "json") == "json"
        and not connection.in_atomic_block
    )


def cached_answer(request: HttpRequest) -> HttpResponse | None:
    lookup = caching.look_up(request, caching.ANONYMOUS_JSON)
    if lookup is None or lookup.answer is None or not throttles_allow(request):
        return None
    return lookup.answer


def throttles_allow(request: HttpRequest) -> bool:
    """The project-wide throttles, counted as DRF counts them (no API view overrides them)."""
    return all(throttle().allow_request(request, None) for throttle in api_settings.DEFAULT_THROTTLE_CLASSES)
