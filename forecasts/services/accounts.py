"""Demo and operator accounts."""
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    groups: tuple[str, ...]


@transaction.atomic
def ensure_staff_user(*, username: str, password: str, groups: tuple[str, ...]) -> Login:
    """Create (or reset) a staff login in the given groups; idempotent."""
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_staff = True
    user.set_password(password)
    user.save()
    user.groups.set(Group.objects.filter(name__in=groups))
    return Login(username=username, password=password, groups=groups)
