"""An optional micro-cache for anonymous reads.

With API_ANONYMOUS_CACHE_SECONDS > 0, a successful anonymous GET of a list or a detail is kept for
that many seconds (per URL) and served again without touching the database. Anonymous clients may
then read data up to that old; authenticated clients always read the database. 0 switches it off.
"""
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from rest_framework.response import Response


def cache_key(request) -> str:
    return "api-read:" + hashlib.sha256(request.get_full_path().encode()).hexdigest()


def anonymous_read(render: Callable[..., Response], request, *args, **kwargs) -> Response:
    seconds = getattr(settings, "API_ANONYMOUS_CACHE_SECONDS", 0)
    if not seconds or request.user.is_authenticated:
        return render(request, *args, **kwargs)
    key = cache_key(request)
    data = cache.get(key)
    if data is not None:
        return Response(data)
    response = render(request, *args, **kwargs)
    if response.status_code == 200:
        cache.set(key, response.data, seconds)
    return response
