from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from forecasts.api.filters import QuestionFilter
from forecasts.api.permissions import CanResolveQuestions
from forecasts.api.schema import CONFLICT, DETAIL_WRITE_ERRORS, crud_schema
from forecasts.api.serializers.questions import (
    NoteSerializer,
    QuestionSerializer,
    ResolveSerializer,
)
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.api.views.history import HistoryActionMixin
from forecasts.models import Question
from forecasts.services import questions as question_services

LIFECYCLE_ERRORS = {**DETAIL_WRITE_ERRORS, 409: CONFLICT}


def lifecycle_schema(summary: str, request=None):
    return extend_schema(
        tags=["questions"],
        summary=summary,
        request=request,
        responses={200: QuestionSerializer, **LIFECYCLE_ERRORS},
    )


@extend_schema_view(**crud_schema(tag="questions", serializer=QuestionSerializer, cached=False))
class QuestionViewSet(HistoryActionMixin, ApiViewSetMixin, viewsets.ModelViewSet):
    """Resolvable questions. Status, outcome and resolution change only through the actions below,
    which need the `forecasts.resolve_question` permission."""

    queryset = Question.objects.select_related("resolved_by").prefetch_related("tags")
    serializer_class = QuestionSerializer
    filterset_class = QuestionFilter
    search_fields = ["title", "resolution_criteria"]
    ordering_fields = ["closes_at", "opens_at", "resolve_by", "resolved_at", "created_at", "title"]
    # `is_overdue` and the `overdue` filter turn with the clock, not only with writes.
    cache_responses = False

    def lifecycle_response(self, question: Question) -> Response:
        fresh = self.get_queryset().get(pk=question.pk)
        return Response(QuestionSerializer(fresh, context=self.get_serializer_context()).data)

    def parsed(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @lifecycle_schema(
        "Resolve with the real outcome (409 if already resolved or annulled)", ResolveSerializer
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[CanResolveQuestions],
        serializer_class=ResolveSerializer,
    )
    def resolve(self, request, pk=None) -> Response:
        question = self.get_object()
        data = self.parsed(ResolveSerializer)
        question_services.resolve(question=question, by=request.user, **data)
        return self.lifecycle_response(question)

    @lifecycle_schema("Annul: no forecast on it counts (a note is required)", NoteSerializer)
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[CanResolveQuestions],
        serializer_class=NoteSerializer,
    )
    def annul(self, request, pk=None) -> Response:
        question = self.get_object()
        question_services.annul(question=question, by=request.user, **self.parsed(NoteSerializer))
        return self.lifecycle_response(question)

    @lifecycle_schema("Close: stop accepting forecasts and freeze them (no body)")
    @action(detail=True, methods=["post"], permission_classes=[CanResolveQuestions])
    def close(self, request, pk=None) -> Response:
        question = self.get_object()
        question_services.close(question=question, by=request.user)
        return self.lifecycle_response(question)

    @lifecycle_schema("Reopen a resolved or annulled question (a note is required)", NoteSerializer)
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[CanResolveQuestions],
        serializer_class=NoteSerializer,
    )
    def reopen(self, request, pk=None) -> Response:
        question = self.get_object()
        question_services.reopen(question=question, by=request.user, **self.parsed(NoteSerializer))
        return self.lifecycle_response(question)
