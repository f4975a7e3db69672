"""Errors raised by services. Callers map them: API -> 409 (conflicts), admin -> a message."""


class ServiceError(Exception):
    """A rule of the domain refused the operation; nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidTransition(ServiceError):
    """The question's current status does not allow this lifecycle step."""


class ForecastFrozen(ServiceError):
    """The forecast's question has closed; its forecasts can no longer change."""
