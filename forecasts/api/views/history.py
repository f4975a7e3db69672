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


def _entry(record, previous, show_user: bool) -> dict:
    user = record.history_user if show_user else None
    return {
        "history_id": record.history_id,
        "history_date": record.history_date,
        "history_type": HISTORY_TYPES.get(record.history_type, record.history_type),
        "history_user": user.get_username() if user else None,
        "history_change_reason": record.history_change_reason,
        "changes": _changes(record, previous),
    }


def history_of(instance, show_user: bool = True) -> list[dict]:
    """Newest first; each entry diffed against the version before it.

    Anonymous readers see what changed and when, but not which staff account changed it.
    """
    ordered = instance.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )
    records = list(ordered)
    previous = records[1:] + [None]
    return [_entry(record, before, show_user) for record, before in zip(records, previous, strict=True)]


class HistoryActionMixin:
    @extend_schema(
        summary="Who changed what, when (newest first)",
        responses={200: HistoryRecordSerializer(many=True), **READ_ERRORS},
    )
    @action(
        detail=True, methods=["get"], serializer_class=HistoryRecordSerializer, filter_backends=[]
    )
    def history(self, request, pk=None) -> Response:
        entries = history_of(self.get_object(), show_user=request.user.is_authenticated)
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(HistoryRecordSerializer(page, many=True).data)
