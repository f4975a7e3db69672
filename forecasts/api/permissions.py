from rest_framework.permissions import BasePermission

RESOLVE_PERMISSION = "forecasts.resolve_question"


class CanResolveQuestions(BasePermission):
    """Closing, resolving, annulling and reopening questions: `forecasts.resolve_question`."""

    message = (
        "Closing, resolving, annulling or reopening a question needs the "
        "resolve_question permission."
    )

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm(RESOLVE_PERMISSION))
