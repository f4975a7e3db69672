"""Map domain and Django errors onto DRF's JSON error responses, so the API never answers 500.

- django ValidationError (raised by services) -> 400 with field errors
- ServiceError (frozen forecast, invalid lifecycle step) -> 409 with a message that says why
- a protected or conflicting row (ProtectedError, IntegrityError) -> 409
- an oversized body (RequestDataTooBig) -> 413
"""

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from forecasts.services.errors import ForecastFrozen, InvalidTransition, ServiceError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than the server accepts."
    default_code = "request_too_large"


CONFLICT_CODES = {ForecastFrozen: "forecast_frozen", InvalidTransition: "invalid_transition"}


def _django_validation(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        return exceptions.ValidationError(exc.message_dict)
    return exceptions.ValidationError({"non_field_errors": exc.messages})


def _service_conflict(exc: ServiceError) -> Conflict:
    return Conflict(detail=exc.message, code=CONFLICT_CODES.get(type(exc), "conflict"))


def _protected(exc: ProtectedError) -> Conflict:
    names = sorted({str(obj._meta.verbose_name_plural) for obj in exc.protected_objects})
    return Conflict(
        detail=f"Still referenced by {', '.join(names)}: delete or move those first.",
        code="protected",
    )


def translate(exc: Exception) -> Exception:
    """The DRF exception that tells the truth about a non-DRF error (or the error itself)."""
    if isinstance(exc, DjangoValidationError):
        return _django_validation(exc)
    if isinstance(exc, ServiceError):
        return _service_conflict(exc)
    if isinstance(exc, ProtectedError):
        return _protected(exc)
    if isinstance(exc, IntegrityError):
        return Conflict(
            detail="The change conflicts with existing data (a duplicate or a broken link)."
        )
    if isinstance(exc, RequestDataTooBig):
        return RequestTooLarge()
    return exc


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    response = exception_handler(translate(exc), context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data.setdefault("code", getattr(response.data["detail"], "code", "error"))
    return response
