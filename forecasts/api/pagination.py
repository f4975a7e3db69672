"""Page-number pagination: ?page=N&page_size=M, 50 per page by default, at most 500.

COUNT(*) over a large table costs more than the page itself, so the total can be cached for
API_COUNT_CACHE_SECONDS (0 = always exact) per list and filter combination.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination

NOT_PART_OF_THE_COUNT = {"page", "page_size", "ordering", "format"}


class CountCachingPaginator(Paginator):
    count_key: str | None = None

    @cached_property
    def count(self) -> int:
        seconds = getattr(settings, "API_COUNT_CACHE_SECONDS", 0)
        if not seconds or self.count_key is None:
            return super().count
        return cache.get_or_set(self.count_key, lambda: Paginator.count.func(self), seconds)


def count_key(request) -> str:
    params = sorted(
        (name, value)
        for name, values in request.query_params.lists()
        for value in values
        if name not in NOT_PART_OF_THE_COUNT
    )
    digest = hashlib.sha256(repr((request.path, params)).encode()).hexdigest()
    return f"api-count:{digest}"


class PageNumberWithSize(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        self.count_key = count_key(request)
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, *args, **kwargs) -> CountCachingPaginator:
        paginator = CountCachingPaginator(*args, **kwargs)
        paginator.count_key = self.count_key
        return paginator
