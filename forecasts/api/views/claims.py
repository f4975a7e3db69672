from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_view
from rest_framework import status, viewsets
from rest_framework.response import Response

from forecasts.api.filters import ClaimFilter
from forecasts.api.schema import crud_schema
from forecasts.api.serializers.claims import ClaimSerializer, ClaimWriteSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import Claim, Question
from forecasts.services import claims as claim_services


def claims_for_reading():
    """Everything a page of claims needs in three queries, without the articles' full text."""
    return (
        Claim.objects.select_related("expert__organization", "source")
        .defer("source__text", "expert__notes", "expert__aliases")
        .prefetch_related(Prefetch("questions", queryset=Question.objects.only("id")))
    )


@extend_schema_view(**crud_schema(
    tag="claims", serializer=ClaimSerializer, write_serializer=ClaimWriteSerializer,
))
class ClaimViewSet(ApiViewSetMixin, viewsets.ModelViewSet):
    """Claims read with their expert and source embedded, and written with their ids."""

    queryset = Claim.objects.all()
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    search_fields = ["quote", "paraphrase", "expert__name"]
    ordering_fields = ["made_at", "created_at", "id"]

    def get_queryset(self):
        return claims_for_reading()

    def get_serializer_class(self):
        return ClaimWriteSerializer if self.action in ("create", "update", "partial_update") else ClaimSerializer

    def create(self, request, *args, **kwargs) -> Response:
        writer = self.get_serializer(data=request.data)
        writer.is_valid(raise_exception=True)
        claim = claim_services.create(**writer.validated_data, by=request.user)
        return Response(self.read(claim.pk), status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs) -> Response:
        claim = self.get_object()
        writer = self.get_serializer(data=request.data, partial=kwargs.get("partial", False))
        writer.is_valid(raise_exception=True)
        claim_services.update(claim=claim, by=request.user, **writer.validated_data)
        return Response(self.read(claim.pk))

    def read(self, pk: int) -> dict:
        return ClaimSerializer(claims_for_reading().get(pk=pk), context=self.get_serializer_context()).data
