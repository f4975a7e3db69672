"""Claim.save: a new claim records its expert's organization; a saved claim keeps what it has."""
from datetime import UTC, datetime

import pytest

from forecasts.models import Claim
from tests.factories import ClaimFactory, ExpertFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
MADE_AT = datetime(2022, 1, 14, 12, tzinfo=UTC)


@pytest.mark.parametrize("by", ["instance", "id"])
def test_a_new_claim_takes_its_experts_organization(by):
    expert = ExpertFactory()
    given = {"expert": expert} if by == "instance" else {"expert_id": expert.pk}
    claim = Claim(quote="Talks will resume.", made_at=MADE_AT, **given)
    claim.save()
    assert Claim.objects.get(pk=claim.pk).organization_id == expert.organization_id is not None


def test_a_new_claim_keeps_an_organization_it_is_given():
    other = OrganizationFactory()
    claim = Claim.objects.create(expert=ExpertFactory(), organization=other, quote="q", made_at=MADE_AT)
    assert Claim.objects.get(pk=claim.pk).organization == other


def test_a_saved_claim_without_organization_is_not_refilled():
    claim = ClaimFactory()
    claim.organization = None
    claim.save()
    claim.quote = "Edited."
    claim.save()
    assert Claim.objects.get(pk=claim.pk).organization is None


def test_an_experts_new_organization_does_not_reach_their_claims():
    claim = ClaimFactory()
    old = claim.organization
    claim.expert.organization = OrganizationFactory()
    claim.expert.save()
    claim.save()
    assert Claim.objects.get(pk=claim.pk).organization == old


def test_removing_an_organization_leaves_its_claims_without_one():
    claim = ClaimFactory()
    claim.organization.delete()
    assert Claim.objects.get(pk=claim.pk).organization is None
