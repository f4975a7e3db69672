from drf_spectacular.utils import extend_schema_view
from rest_framework import status, viewsets
from rest_framework.response import Response

from forecasts.api.filters import ClaimFilter
from forecasts.api.schema import crud_schema
from forecasts.api.serializers.claims import ClaimSerializer, ClaimWriteSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import Claim
from forecasts.services import claims as claim_services


def claims_for_reading():
    """Claims with their expert (and the expert's organization), the claim's organization and source in one
    query, without the article text."""
    return Claim.objects.select_related("expert__organization", "organization", "source").defer(
        "source__text",
        "expert__notes",
        "expert__aliases",
    )


def with_question_ids(claims: list[Claim]) -> list[Claim]:
    """Attach the linked question ids in one query on the link table (no Question rows built)."""
    ids: dict[int, list[int]] = {claim.pk: [] for claim in claims}
    links = Claim.questions.through.objects.filter(claim_id__in=list(ids)).order_by("question_id")
    for claim_id, question_id in links.values_list("claim_id", "question_id"):
        ids[claim_id].append(question_id)
    for claim in claims:
        claim.question_ids = ids[claim.pk]
    return claims


@extend_schema_view(
    **crud_schema(
        tag="claims",
        serializer=ClaimSerializer,
        write_serializer=ClaimWriteSerializer,
    )
)
class ClaimViewSet(ApiViewSetMixin, viewsets.ModelViewSet):
    """Claims read with their expert and source embedded, and written with their ids."""

    queryset = Claim.objects.all()
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    search_fields = ["quote", "paraphrase", "expert__name"]
    ordering_fields = ["made_at", "created_at", "id"]

    def get_queryset(self):
        return claims_for_reading()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return with_question_ids(page) if page is not None else None

    def get_object(self) -> Claim:
        return with_question_ids([super().get_object()])[0]

    def get_serializer_class(self):
        return (
            ClaimWriteSerializer
            if self.action in ("create", "update", "partial_update")
            else ClaimSerializer
        )

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
        claim = with_question_ids([claims_for_reading().get(pk=pk)])[0]
        return ClaimSerializer(claim, context=self.get_serializer_context()).data
