"""A JSON parser that enforces the body size limit and rejects text PostgreSQL cannot store."""

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from forecasts.api.exceptions import RequestTooLarge


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser reads the raw stream: DATA_UPLOAD_MAX_MEMORY_SIZE would never apply."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and _declared_length(parser_context) > limit:
            raise RequestTooLarge()
        data = super().parse(stream, media_type, parser_context)
        _ensure_encodable(data)
        return data


def _declared_length(parser_context: dict | None) -> int:
    request = (parser_context or {}).get("request")
    meta = request.META if request is not None else {}
    try:
        return int(meta.get("CONTENT_LENGTH") or 0)
    except (TypeError, ValueError):
        return 0


def _ensure_encodable(data) -> None:
    # Lone surrogates ("\ud800") are valid JSON escapes but not valid UTF-8.
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ParseError("JSON parse error - strings must be valid Unicode text.") from exc
