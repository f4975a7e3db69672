"""Shared test set-up: the personas used by permission tests, and the integration gate.

Personas (the same everywhere): `anonymous` (no login), `analyst` (group analyst), `resolver`
(group resolver: analyst + resolve_question), `superuser`.
"""
import os

import pytest

from tests.factories import UserFactory

INTEGRATION_ENV = ("DATABASE_URL", "CELERY_BROKER_URL")


def pytest_collection_modifyitems(config, items):
    missing = [name for name in INTEGRATION_ENV if not os.environ.get(name)]
    if not missing:
        return
    skip = pytest.mark.skip(
        reason=f"integration: needs {', '.join(missing)} (the PostgreSQL + Redis pass of .ci/run sets them)"
    )
    for item in items:
        if "integration" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STANCE_ARTIFACT_DIR = tmp_path / "models"


@pytest.fixture
def analyst(db):
    return UserFactory(username="analyst", groups=["analyst"])


@pytest.fixture
def resolver(db):
    return UserFactory(username="resolver", groups=["resolver"])


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)
