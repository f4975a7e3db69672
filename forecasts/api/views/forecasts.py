from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.response import Response

from forecasts.api.filters import ForecastFilter
from forecasts.api.schema import CONFLICT, DETAIL_WRITE_ERRORS, read_schema
from forecasts.api.serializers.forecasts import ForecastOverrideSerializer, ForecastSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.api.views.history import HistoryActionMixin
from forecasts.models import Forecast
from forecasts.services import forecasts as forecast_services


@extend_schema_view(
    **read_schema(tag="forecasts", serializer=ForecastSerializer),
    partial_update=extend_schema(
        tags=["forecasts"],
        summary="Analyst override (409 once the question has closed)",
        request=ForecastOverrideSerializer,
        responses={200: ForecastSerializer, **DETAIL_WRITE_ERRORS, 409: CONFLICT},
    ),
)
class ForecastViewSet(
    HistoryActionMixin,
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Written by the stance model; PATCH is an analyst's override (never re-scored)."""

    queryset = Forecast.objects.select_related("claim__expert", "question").defer(
        "claim__paraphrase",
        "claim__expert__notes",
        "claim__expert__aliases",
    )
    serializer_class = ForecastSerializer
    filterset_class = ForecastFilter
    search_fields = ["claim__quote", "claim__expert__name", "question__title", "phrase"]
    ordering_fields = ["scored_at", "probability", "stance_confidence", "id"]
    ordering = ["-id"]  # newest first; the model's -scored_at has no index to sort 100k rows by
    http_method_names = ["get", "patch", "head", "options"]

    def partial_update(self, request, *args, **kwargs) -> Response:
        forecast = self.get_object()
        override = ForecastOverrideSerializer(data=request.data)
        override.is_valid(raise_exception=True)
        data = override.validated_data
        forecast_services.override(
            forecast=forecast,
            stance=data.get("stance", forecast.stance),
            probability=data["probability"] if "probability" in data else forecast.probability,
            note=data["note"],
            by=request.user,
        )
        fresh = self.get_queryset().get(pk=forecast.pk)
        return Response(ForecastSerializer(fresh, context=self.get_serializer_context()).data)
