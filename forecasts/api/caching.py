"""An optional micro-cache for anonymous reads.

With API_ANONYMOUS_CACHE_SECONDS > 0, the rendered body of a successful anonymous GET of a list or a
detail is kept for that many seconds (per URL and media type) and served again without touching the
database or the serializers. Anonymous clients may then read data up to that old; authenticated
clients always read the database. 0 (the default) switches it off.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from rest_framework.response import Response


def cache_key(request) -> str:
    varies = f"{request.get_full_path()}|{request.accepted_media_type}"
    return "api-read:" + hashlib.sha256(varies.encode()).hexdigest()


def rendered(view, response: Response) -> Response:
    response.accepted_renderer = view.request.accepted_renderer
    response.accepted_media_type = view.request.accepted_media_type
    response.renderer_context = view.get_renderer_context()
    return response.render()


def anonymous_read(view, render: Callable[..., Response], request, *args, **kwargs) -> HttpResponse:
    seconds = getattr(settings, "API_ANONYMOUS_CACHE_SECONDS", 0)
    if not seconds or request.user.is_authenticated:
        return render(request, *args, **kwargs)
    key = cache_key(request)
    hit = cache.get(key)
    if hit is not None:
        return HttpResponse(hit[0], content_type=hit[1])
    response = render(request, *args, **kwargs)
    if response.status_code == 200:
        rendered(view, response)
        cache.set(key, (response.content, response["Content-Type"]), seconds)
    return response
