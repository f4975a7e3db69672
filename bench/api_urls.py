"""The project's URLs plus /bench/bare/: a fixed JsonResponse through the same middleware stack."""
from django.http import HttpRequest, JsonResponse
from django.urls import path

from tracker.urls import urlpatterns as project_urlpatterns


def bare(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok", "service": "forecast tracker"})


urlpatterns = [path("bench/bare/", bare), *project_urlpatterns]
