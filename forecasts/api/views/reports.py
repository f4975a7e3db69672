import csv
import io
from itertools import islice

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from forecasts.api.filters import CalibrationReportFilter
from forecasts.api.schema import FIELD_ERRORS, READ_ERRORS, WRITE_ERRORS, read_schema
from forecasts.api.serializers.report_requests import (
    ForecastPageQuerySerializer,
    ReportForecastPageSerializer,
    ReportRequestSerializer,
)
from forecasts.api.serializers.reports import CalibrationReportSerializer
from forecasts.api.views.base import PAGING, ApiViewSetMixin
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

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        return allowed | PAGING if self.action == "forecasts" else allowed

    @extend_schema(tags=["reports"], summary="The forecasts that went into the report, as JSON (paged).",
                   parameters=[OpenApiParameter("page", OpenApiTypes.INT),
                               OpenApiParameter("page_size", OpenApiTypes.INT, description="At most 5000.")],
                   responses={200: ReportForecastPageSerializer, 400: FIELD_ERRORS, **READ_ERRORS})
    @action(detail=True, methods=["get"])
    def forecasts(self, request, pk=None) -> Response:
        report = self.get_object()
        query = ForecastPageQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        page, size = query.validated_data["page"], query.validated_data["page_size"]
        rows = list(_csv_rows(report, (page - 1) * size, page * size))
        return Response({"count": report.metrics.get("n", 0) if report.forecasts_csv else 0,
                         "page": page, "page_size": size, "results": rows})


def _typed(row: dict) -> dict:
    ints = ("forecast_id", "expert_id", "question_id", "outcome")
    return {**row, **{name: int(row[name]) for name in ints}, "p_yes": float(row["p_yes"])}


def _csv_rows(report: CalibrationReport, start: int, stop: int):
    if not report.forecasts_csv:
        return
    with report.forecasts_csv.open("rb") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        yield from (_typed(row) for row in islice(reader, start, stop))
