"""GET <resource>/{id}/history/: who changed what, when (django-simple-history)."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from forecasts.api.schema import READ_ERRORS
from forecasts.api.serializers.history import HistoryRecordSerializer

HISTORY_TYPES = {"+": "created", "~": "changed", "-": "deleted"}


def _changes(record, previous) -> list[dict]:
    if previous is None:
        return []
    delta = record.diff_against(previous)
    return [{"field": c.field, "old": c.old, "new": c.new} for c in delta.changes]


def _entry(record, previous) -> dict:
    user = record.history_user
    return {
        "history_id": record.history_id,
        "history_date": record.history_date,
        "history_type": HISTORY_TYPES.get(record.history_type, record.history_type),
        "history_user": user.get_username() if user else None,
        "history_change_reason": record.history_change_reason,
        "changes": _changes(record, previous),
    }


def history_of(instance) -> list[dict]:
    """Newest first; each entry diffed against the version before it."""
    ordered = instance.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )
    records = list(ordered)
    previous = records[1:] + [None]
    return [_entry(record, before) for record, before in zip(records, previous, strict=True)]


class HistoryActionMixin:
    @extend_schema(
        summary="Who changed what, when (newest first)",
        responses={200: HistoryRecordSerializer(many=True), **READ_ERRORS},
    )
    @action(
        detail=True, methods=["get"], serializer_class=HistoryRecordSerializer, filter_backends=[]
    )
    def history(self, request, pk=None) -> Response:
        entries = history_of(self.get_object())
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(HistoryRecordSerializer(page, many=True).data)
