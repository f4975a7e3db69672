"""Exact response cache for API reads, keyed on the data version.

A successful JSON GET of a list or a detail is rendered once per data version
(forecasts/services/data_version.py) and served from the cache until any committed write changes
that version, so a cached read never differs from an uncached one. The version is read before the
data: a write that commits in between can only make the stored body newer than its key, and that key
is never current again. Authentication, permissions, throttling and query-parameter checks run
before the cache is consulted, and list/detail bodies do not depend on who asks.

Not cached: other media types (the browsable API's HTML shows the user), requests inside an open
transaction (they may see their own uncommitted writes, which the version counts only at commit),
and views that opt out with `cache_responses = False` because their body depends on the clock.

Entries are kept per audience (anonymous or authenticated) and media type. An anonymous JSON entry
can also be served by CachedReadMiddleware (forecasts/api/middleware.py) before URL routing and DRF.
Each cached body has a weak ETag; a GET with a matching If-None-Match gets 304 Not Modified.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseNotModified
from rest_framework.response import Response

from forecasts.services import data_version

CACHED_FORMATS = frozenset({"json"})


def cacheable(view, request) -> bool:
    return (
        getattr(settings, "API_RESPONSE_CACHE", False)
        and getattr(view, "cache_responses", True)
        and request.method in ("GET", "HEAD")
        and request.accepted_renderer.format in CACHED_FORMATS
        and not connection.in_atomic_block
    )


ANONYMOUS_JSON = "anonymous|application/json"


def audience(request) -> str:
    who = "authenticated" if request.user.is_authenticated else "anonymous"
    return f"{who}|{request.accepted_media_type}"


def cache_key(uri: str, version: int, audience: str) -> str:
    return "api-response:" + hashlib.sha256(f"{version}|{uri}|{audience}".encode()).hexdigest()


def etag_for(key: str) -> str:
    return f'W/"{key.rsplit(":", 1)[1][:40]}"'


def not_modified(request, etag: str) -> bool:
    return etag in request.headers.get("If-None-Match", "")


def response_from(entry: tuple, etag: str) -> HttpResponse:
    content, content_type, headers = entry
    return HttpResponse(content, content_type=content_type, headers={**headers, "ETag": etag})


def rendered(view, response: Response) -> Response:
    response.accepted_renderer = view.request.accepted_renderer
    response.accepted_media_type = view.request.accepted_media_type
    response.renderer_context = view.get_renderer_context()
    return response.render()


@dataclass(frozen=True)
class Lookup:
    key: str  # where this URL's body lives at the current data version
    etag: str
    answer: HttpResponse | None  # 304 or the cached body; None on a miss


def look_up(request, audience: str) -> Lookup | None:
    """The cache's answer for this request at the current data version (None before the first write)."""
    version = data_version.current()
    if version is None:
        return None
    key = cache_key(request.build_absolute_uri(), version, audience)
    etag = etag_for(key)
    if not_modified(request, etag):
        return Lookup(key, etag, HttpResponseNotModified(headers={"ETag": etag}))
    entry = cache.get(key)
    return Lookup(key, etag, response_from(entry, etag) if entry is not None else None)


def cached_read(view, render: Callable[..., Response], request, *args, **kwargs) -> HttpResponse:
    """Serve `render(request, ...)`'s body from the cache while the data version is unchanged."""
    lookup = look_up(request, audience(request)) if cacheable(view, request) else None
    if lookup is None:
        return render(request, *args, **kwargs)
    if lookup.answer is not None:
        return lookup.answer
    response = render(request, *args, **kwargs)
    if response.status_code == 200:
        rendered(view, response)
        # The headers DRF adds after the view returns (Allow, Vary), for the middleware's answers.
        entry = (response.content, response["Content-Type"], view.default_response_headers)
        cache.set(lookup.key, entry, settings.API_RESPONSE_CACHE_SECONDS)
        response["ETag"] = lookup.etag
    return response
