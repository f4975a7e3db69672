"""/api/v1/ routes. New actions go on the resource's viewset (forecasts/api/views/<resource>.py)."""
from django.urls import path
from rest_framework.routers import DefaultRouter

from forecasts.api.views.experts import ExpertViewSet
from forecasts.api.views.forecasts import ForecastViewSet
from forecasts.api.views.organizations import OrganizationViewSet
from forecasts.api.views.questions import QuestionViewSet
from forecasts.api.views.reports import CalibrationReportViewSet
from forecasts.api.views.source_extraction import ExtractingSourceViewSet
from forecasts.api.views.stance import ClaimScoringViewSet, StanceModelActionsViewSet
from forecasts.api.views.tokens import TokenView
from forecasts.api.views.track_records import LeaderboardView, TrackRecordView

app_name = "api"

router = DefaultRouter()
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("experts", ExpertViewSet, basename="expert")
router.register("sources", ExtractingSourceViewSet, basename="source")
router.register("claims", ClaimScoringViewSet, basename="claim")
router.register("questions", QuestionViewSet, basename="question")
router.register("forecasts", ForecastViewSet, basename="forecast")
router.register("reports", CalibrationReportViewSet, basename="report")
router.register("stance-models", StanceModelActionsViewSet, basename="stance-model")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="token"),
    path("experts/<int:pk>/track-record/", TrackRecordView.as_view(), name="expert-track-record"),
    path("leaderboard/", LeaderboardView.as_view(), name="leaderboard"),
    *router.urls,
]
