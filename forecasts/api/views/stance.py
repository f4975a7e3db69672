"""Stance actions on top of the read-only resources: score a claim, activate or retrain a model.

Each one calls the same service as the admin action: the claim is queued (202), activation
re-scores open questions, retraining runs in the worker and never activates.
"""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from forecasts.admin.modeling import can_manage_models
from forecasts.api.schema import CONFLICT, DETAIL_WRITE_ERRORS, WRITE_ERRORS
from forecasts.api.serializers.modeling import StanceModelSerializer
from forecasts.api.views.claims import ClaimViewSet
from forecasts.api.views.stance_models import StanceModelViewSet
from forecasts.services import stance as stance_services
from forecasts.services.queue import enqueue_on_commit
from forecasts.stance.model import CONFIGS
from forecasts.tasks.stance import retrain_stance_model

QUEUED_CLAIM = inline_serializer(
    "ClaimScoringQueued",
    {
        "claim": serializers.IntegerField(),
        "scoring_status": serializers.CharField(help_text="Always 'pending': poll the claim."),
    },
)
QUEUED_RETRAIN = inline_serializer(
    "StanceRetrainQueued",
    {
        "config": serializers.CharField(),
        "detail": serializers.CharField(),
    },
)


class CanScoreClaims(BasePermission):
    message = "Re-scoring a claim needs the change_claim permission."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("forecasts.change_claim"))


class CanManageStanceModels(BasePermission):
    message = "Activating or retraining a stance model needs the resolve_question permission."

    def has_permission(self, request, view) -> bool:
        return bool(
            request.user and request.user.is_authenticated and can_manage_models(request.user)
        )


class RetrainSerializer(serializers.Serializer):
    config = serializers.ChoiceField(choices=sorted(CONFIGS), default="default")


class ClaimScoringViewSet(ClaimViewSet):
    @extend_schema(
        tags=["claims"],
        summary="Queue the claim for stance scoring (202)",
        request=None,
        responses={202: QUEUED_CLAIM, **DETAIL_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], permission_classes=[CanScoreClaims])
    def score(self, request, pk=None) -> Response:
        claim = self.get_object()
        stance_services.request_scoring([claim.pk])
        return Response(
            {"claim": claim.pk, "scoring_status": "pending"}, status=status.HTTP_202_ACCEPTED
        )


class StanceModelActionsViewSet(StanceModelViewSet):
    @extend_schema(
        tags=["stance-models"],
        request=None,
        summary="Make this the only active model and re-score open questions",
        responses={200: StanceModelSerializer, 409: CONFLICT, **DETAIL_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], permission_classes=[CanManageStanceModels])
    def activate(self, request, pk=None) -> Response:
        model = stance_services.activate(self.get_object(), by=request.user)
        return Response(StanceModelSerializer(model, context=self.get_serializer_context()).data)

    @extend_schema(
        tags=["stance-models"],
        request=RetrainSerializer,
        summary="Queue retraining from the seeds and analysts' labels (not activated)",
        responses={202: QUEUED_RETRAIN, **WRITE_ERRORS},
    )
    @action(
        detail=False,
        methods=["post"],
        permission_classes=[CanManageStanceModels],
        serializer_class=RetrainSerializer,
    )
    def retrain(self, request) -> Response:
        body = RetrainSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        enqueue_on_commit(retrain_stance_model, body.validated_data["config"])
        return Response(
            {
                "config": body.validated_data["config"],
                "detail": "Retraining queued; the new model is listed when ready.",
            },
            status=status.HTTP_202_ACCEPTED,
        )
