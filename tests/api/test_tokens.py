import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_a_logged_in_user_gets_their_token(api, analyst):
    api.force_login(analyst)
    response = api.get("/api/v1/auth/token/")
    assert response.json() == {"token": Token.objects.get(user=analyst).key, "username": "analyst"}


def test_an_anonymous_caller_gets_no_token(api):
    assert api.get("/api/v1/auth/token/").status_code == 401


def test_a_username_and_password_buy_a_token_that_works(api, analyst):
    token = api.post("/api/v1/auth/token/", {"username": "analyst", "password": "password"}).json()[
        "token"
    ]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.post("/api/v1/organizations/", {"name": "RIAC"}).status_code == 201


def test_a_wrong_password_gets_a_400(api, analyst):
    response = api.post("/api/v1/auth/token/", {"username": "analyst", "password": "guess"})
    assert (response.status_code, list(response.json())) == (400, ["non_field_errors"])


def test_a_bad_token_is_a_401(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api.get("/api/v1/claims/").status_code == 401
