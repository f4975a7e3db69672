from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from forecasts.api.schema import COMMON, FIELD_ERRORS, TOO_LARGE, UNSUPPORTED
from forecasts.api.serializers.tokens import CredentialsSerializer, TokenSerializer
from forecasts.api.views.base import ApiViewSetMixin


def token_answer(user) -> Response:
    token, _ = Token.objects.get_or_create(user=user)
    return Response({"token": token.key, "username": user.get_username()})


class TokenView(ApiViewSetMixin, APIView):
    """Your API token: GET it while logged in (session or token), or POST username and password."""

    permission_classes = [AllowAny]
    action = "token"

    def get_permissions(self):
        return [IsAuthenticated()] if self.request.method == "GET" else [AllowAny()]

    @extend_schema(
        tags=["auth"],
        summary="The logged-in user's token (created on first use)",
        responses={200: TokenSerializer, **COMMON},
    )
    def get(self, request) -> Response:
        return token_answer(request.user)

    @extend_schema(
        tags=["auth"],
        summary="Exchange a username and password for a token",
        request=CredentialsSerializer,
        auth=[],
        responses={
            200: TokenSerializer,
            400: FIELD_ERRORS,
            413: TOO_LARGE,
            415: UNSUPPORTED,
            **COMMON,
        },
    )
    def post(self, request) -> Response:
        credentials = CredentialsSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request=request._request, **credentials.validated_data)
        if user is None or not user.is_active:
            raise exceptions.ValidationError(
                {"non_field_errors": ["Unable to log in with these credentials."]}
            )
        return token_answer(user)
