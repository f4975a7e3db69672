from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.response import Response

from forecasts.api.filters import CalibrationReportFilter
from forecasts.api.schema import WRITE_ERRORS, read_schema
from forecasts.api.serializers.report_requests import ReportRequestSerializer
from forecasts.api.serializers.reports import CalibrationReportSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import CalibrationReport
from forecasts.services import reports as report_services


@extend_schema_view(**read_schema(tag="reports", serializer=CalibrationReportSerializer))
class CalibrationReportViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Calibration reports: status, progress, metrics, and links to the PNG and CSV files."""

    queryset = CalibrationReport.objects.all()
    serializer_class = CalibrationReportSerializer
    filterset_class = CalibrationReportFilter
    ordering_fields = ["created_at", "generated_at"]

    @extend_schema(tags=["reports"], request=ReportRequestSerializer,
                   responses={202: CalibrationReportSerializer, **WRITE_ERRORS},
                   summary="Request a report: 202 with its id; poll it for status, progress and files.")
    def create(self, request, *args, **kwargs) -> Response:
        serializer = ReportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = report_services.request_report(by=request.user, **serializer.validated_data)
        report.refresh_from_db()
        body = CalibrationReportSerializer(report, context=self.get_serializer_context()).data
        location = self.reverse_action("detail", args=[report.pk])
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": location})
