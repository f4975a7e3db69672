"""What every API viewset shares: auth order, parsers, pagination, strict query parameters and
one transaction per write."""

from django.db import transaction
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.parsers import FormParser

from forecasts.api.caching import cached_read
from forecasts.api.pagination import PageNumberWithSize
from forecasts.api.parsers import BoundedJSONParser

ALWAYS_ALLOWED = frozenset({"format"})
PAGING = frozenset({"page", "page_size"})
PAGED_ACTIONS = frozenset({"list", "history"})


class ApiViewSetMixin:
    # Token first: an anonymous write gets 401 with a WWW-Authenticate challenge rather than 403.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    parser_classes = [BoundedJSONParser, FormParser]
    pagination_class = PageNumberWithSize
    lookup_value_regex = r"[0-9]+"
    # List and detail bodies are cached per data version (forecasts/api/caching.py) unless a view
    # whose body depends on the clock says otherwise.
    cache_responses = True

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        self.check_query_params(request)

    def check_query_params(self, request) -> None:
        params = request.query_params
        unknown = sorted(set(params) - self.allowed_query_params())
        errors = {name: ["Unknown query parameter."] for name in unknown}
        errors.update(
            {
                name: ["Query parameters cannot contain NUL characters."]
                for name in params
                if any("\x00" in value for value in params.getlist(name))
            }
        )
        if errors:
            raise exceptions.ValidationError(errors)

    def allowed_query_params(self) -> set[str]:
        allowed = set(ALWAYS_ALLOWED)
        if self.action in PAGED_ACTIONS:
            allowed |= PAGING
        if self.action == "list":
            allowed |= self.list_query_params()
        return allowed

    def list_query_params(self) -> set[str]:
        filterset = getattr(self, "filterset_class", None)
        names = set(filterset.base_filters) if filterset else set()
        if getattr(self, "search_fields", None):
            names.add("search")
        if getattr(self, "ordering_fields", None):
            names.add("ordering")
        return names

    def list(self, request, *args, **kwargs):
        return cached_read(self, super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return cached_read(self, super().retrieve, request, *args, **kwargs)

    def perform_create(self, serializer) -> None:
        with transaction.atomic():
            super().perform_create(serializer)

    def perform_update(self, serializer) -> None:
        with transaction.atomic():
            super().perform_update(serializer)

    def perform_destroy(self, instance) -> None:
        with transaction.atomic():
            super().perform_destroy(instance)
