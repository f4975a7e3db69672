from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

handler404 = "forecasts.api.not_found.not_found"


def media_file(request, path: str):
    # MEDIA_ROOT is read per request (not frozen at import) so a changed setting takes effect.
    return serve(request, path, document_root=settings.MEDIA_ROOT)

admin.site.site_header = "Expert forecast tracker"
admin.site.site_title = "Forecast tracker"
admin.site.index_title = "Claims, questions and calibration"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/v1/", include("forecasts.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    # Report PNGs and CSVs are small and readable by anyone, like the rest of the API; serving them
    # here keeps the compose stack to one web service (a front proxy may take this over).
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media_file),
]
