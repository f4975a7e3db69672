"""The project's 404 handler: API clients get the API's JSON error shape, others Django's page."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found

API_PREFIX = "/api/"


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
    return page_not_found(request, exception)
