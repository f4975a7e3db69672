"""GET /experts/{id}/track-record/ and GET /leaderboard/ (read-only, anonymous allowed)."""
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from forecasts.api.schema import LIST_ERRORS, READ_ERRORS
from forecasts.api.serializers.report_requests import LeaderboardQuerySerializer
from forecasts.models import Expert
from forecasts.services.track_records import leaderboard, track_record

PERIOD = [
    OpenApiParameter("since", OpenApiTypes.DATE, description="Claims made on or after (YYYY-MM-DD)."),
    OpenApiParameter("until", OpenApiTypes.DATE, description="Claims made on or before (YYYY-MM-DD)."),
]


class ReadOnlyScoresView(APIView):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [AllowAny]
    allowed_params = frozenset({"since", "until", "format"})

    def query(self, request) -> dict:
        unknown = sorted(set(request.query_params) - self.allowed_params)
        if unknown:
            raise exceptions.ValidationError({name: ["Unknown query parameter."] for name in unknown})
        params = {k: v for k, v in request.query_params.items() if k != "format"}
        serializer = LeaderboardQuerySerializer(data=params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class TrackRecordView(ReadOnlyScoresView):
    @extend_schema(tags=["experts"], parameters=PERIOD, responses={200: OpenApiTypes.OBJECT, 400: LIST_ERRORS[400],
                                                                   **READ_ERRORS},
                   summary="An expert's track record: Brier with CI, log score, skill, AUC, n, hit rate, "
                           "calibration bins and difficulty-adjusted skill.")
    def get(self, request, pk: int) -> Response:
        expert = get_object_or_404(Expert, pk=pk)
        params = self.query(request)
        record = track_record(expert, since=params.get("since"), until=params.get("until")).as_dict()
        return Response({**record, "name": expert.name, "slug": expert.slug})


class LeaderboardView(ReadOnlyScoresView):
    allowed_params = frozenset({"since", "until", "min_forecasts", "format"})

    @extend_schema(tags=["reports"], parameters=[*PERIOD, OpenApiParameter(
                       "min_forecasts", OpenApiTypes.INT,
                       description="Minimum counted forecasts to be ranked (default LEADERBOARD_MIN_FORECASTS).")],
                   responses={200: OpenApiTypes.OBJECT, **LIST_ERRORS},
                   summary="Experts ranked by Brier (with CI) and by difficulty-adjusted skill, "
                           "with the consensus forecast scored beside them.")
    def get(self, request) -> Response:
        params = self.query(request)
        return Response(leaderboard(since=params.get("since"), until=params.get("until"),
                                    min_forecasts=params.get("min_forecasts")))
