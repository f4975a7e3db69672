import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_issue_token_prints_the_users_token(analyst, capsys):
    call_command("issue_token", "analyst")
    assert capsys.readouterr().out.strip() == Token.objects.get(user=analyst).key


def test_issue_token_rotate_replaces_the_old_token(analyst, capsys):
    old = Token.objects.create(user=analyst).key
    call_command("issue_token", "analyst", "--rotate")
    assert capsys.readouterr().out.strip() not in ("", old)


def test_issue_token_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("issue_token", "nobody")
