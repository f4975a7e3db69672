from drf_spectacular.utils import extend_schema_view
from rest_framework import viewsets

from forecasts.api.filters import CalibrationReportFilter
from forecasts.api.schema import read_schema
from forecasts.api.serializers.reports import CalibrationReportSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import CalibrationReport


@extend_schema_view(**read_schema(tag="reports", serializer=CalibrationReportSerializer))
class CalibrationReportViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Calibration reports: status, progress, metrics, and links to the PNG and CSV files."""

    queryset = CalibrationReport.objects.all()
    serializer_class = CalibrationReportSerializer
    filterset_class = CalibrationReportFilter
    ordering_fields = ["created_at", "generated_at"]
