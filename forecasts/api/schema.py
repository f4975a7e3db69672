"""OpenAPI descriptions of the error answers every endpoint can give (drf-spectacular)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in words.")
    code = serializers.CharField(help_text="A stable machine-readable code, e.g. forecast_frozen.")


def _error(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=description)


FIELD_ERRORS = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description="Bad input: field name -> list of messages (or `detail` for a malformed body).",
    examples=[
        OpenApiExample("field errors", value={"probability": ["P(yes) must be between 0 and 1."]})
    ],
)
UNAUTHENTICATED = _error("No credentials, or a bad token.")
FORBIDDEN = _error("Authenticated but lacking the permission.")
NOT_FOUND = _error("No such object (or no such page).")
CONFLICT = _error(
    "The current state forbids it: a frozen forecast, a question already resolved, "
    "or a row still referenced elsewhere."
)
TOO_LARGE = _error("The request body is larger than DATA_UPLOAD_MAX_MEMORY_SIZE.")
UNSUPPORTED = _error("Unsupported media type: send application/json.")
THROTTLED = _error("Too many requests; retry later.")

COMMON = {401: UNAUTHENTICATED, 429: THROTTLED}
LIST_ERRORS = {400: FIELD_ERRORS, 404: NOT_FOUND, **COMMON}
READ_ERRORS = {404: NOT_FOUND, **COMMON}
WRITE_ERRORS = {400: FIELD_ERRORS, 403: FORBIDDEN, 413: TOO_LARGE, 415: UNSUPPORTED, **COMMON}
DETAIL_WRITE_ERRORS = {**WRITE_ERRORS, 404: NOT_FOUND}
DELETE_ERRORS = {403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT, **COMMON}


IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="The ETag of an earlier JSON answer; 304 while the data behind it is unchanged.",
)
NOT_MODIFIED = OpenApiResponse(description="Not modified since the answer with that ETag (no body).")


def read_schema(*, tag: str, serializer, list_serializer=None, cached: bool = True) -> dict:
    """extend_schema_view kwargs for list + retrieve; `cached` views answer If-None-Match (304)."""
    conditional = {"parameters": [IF_NONE_MATCH]} if cached else {}
    not_modified = {304: NOT_MODIFIED} if cached else {}
    return {
        "list": extend_schema(
            tags=[tag],
            responses={200: list_serializer or serializer, **not_modified, **LIST_ERRORS},
            **conditional,
        ),
        "retrieve": extend_schema(
            tags=[tag], responses={200: serializer, **not_modified, **READ_ERRORS}, **conditional
        ),
    }


def crud_schema(
    *, tag: str, serializer, write_serializer=None, list_serializer=None, cached: bool = True
) -> dict:
    """extend_schema_view kwargs for a full model viewset."""
    request = write_serializer or serializer
    return {
        **read_schema(tag=tag, serializer=serializer, list_serializer=list_serializer, cached=cached),
        "create": extend_schema(
            tags=[tag], request=request, responses={201: serializer, **WRITE_ERRORS}
        ),
        "update": extend_schema(
            tags=[tag], request=request, responses={200: serializer, **DETAIL_WRITE_ERRORS}
        ),
        "partial_update": extend_schema(
            tags=[tag], request=request, responses={200: serializer, **DETAIL_WRITE_ERRORS}
        ),
        "destroy": extend_schema(tags=[tag], responses={204: None, **DELETE_ERRORS}),
    }
