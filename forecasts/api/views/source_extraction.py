"""Sources written through the source service (a new or changed text queues claim extraction), and
`POST /api/v1/sources/{id}/extract/` to queue it again."""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from forecasts.api.schema import COMMON, FORBIDDEN, NOT_FOUND
from forecasts.api.serializers.source_extraction import ExtractionStatusSerializer
from forecasts.api.views.sources import SourceViewSet
from forecasts.services import sources as source_services

CHANGE_SOURCE = "forecasts.change_source"


class CanChangeSources(BasePermission):
    message = "Extracting claims needs the change_source permission."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm(CHANGE_SOURCE))


class ExtractingSourceViewSet(SourceViewSet):
    """Articles. Saving a new or changed text queues claim extraction; HTML is stored as text."""

    def perform_create(self, serializer) -> None:
        serializer.instance = source_services.create_source(**serializer.validated_data)
        serializer.instance.refresh_from_db()  # in eager mode extraction already ran on commit

    def perform_update(self, serializer) -> None:
        changes = serializer.validated_data
        serializer.instance = source_services.update_source(source=serializer.instance, **changes)
        serializer.instance.refresh_from_db()

    @extend_schema(
        tags=["sources"], request=None,
        summary="Queue claim extraction of the source's text (again)",
        responses={202: ExtractionStatusSerializer, 403: FORBIDDEN, 404: NOT_FOUND, **COMMON},
    )
    @action(detail=True, methods=["post"], permission_classes=[CanChangeSources])
    def extract(self, request, pk=None) -> Response:
        source = source_services.request_extraction(source=self.get_object())
        source.refresh_from_db()
        return Response(ExtractionStatusSerializer(source).data, status=status.HTTP_202_ACCEPTED)
