"""Migration 0010: existing claims take their expert's organization; unapplying it loses nothing else.

These tests migrate the test database back and forth, so they commit for real (transactional_db).
"""
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = ("forecasts", "0009_data_version")
AFTER = ("forecasts", "0010_claim_organization")
MADE_AT = datetime(2022, 1, 14, 12, tzinfo=UTC)


def models_at(target: tuple[str, str]):
    """The forecasts models as the migration state ``target`` had them."""
    apps = MigrationExecutor(connection).loader.project_state(target).apps
    return (apps.get_model("forecasts", name) for name in ("Organization", "Expert", "Claim"))


@pytest.fixture
def before_0010():
    call_command("migrate", *BEFORE, verbosity=0)
    try:
        yield
    finally:
        call_command("migrate", verbosity=0)


def test_existing_claims_take_their_experts_current_organization(before_0010):
    Organization, Expert, Claim = models_at(BEFORE)
    rusi = Organization.objects.create(name="RUSI")
    member = Expert.objects.create(name="Mark Galeotti", slug="mark-galeotti", organization=rusi)
    independent = Expert.objects.create(name="Free Agent", slug="free-agent")
    kept = {
        Claim.objects.create(expert=expert, quote=quote, quote_sha256=quote, made_at=MADE_AT).pk: expert
        for expert, quote in ((member, "one"), (member, "two"), (independent, "three"))
    }
    call_command("migrate", *AFTER, verbosity=0)
    _, _, Claim = models_at(AFTER)
    assert dict(Claim.objects.values_list("pk", "organization_id")) == {
        pk: expert.organization_id for pk, expert in kept.items()
    }


def test_unapplying_0010_keeps_the_claims():
    claim = ClaimFactory()
    try:
        call_command("migrate", *BEFORE, verbosity=0)
        _, _, Claim = models_at(BEFORE)
        assert list(Claim.objects.values_list("pk", "quote")) == [(claim.pk, claim.quote)]
    finally:
        call_command("migrate", verbosity=0)
