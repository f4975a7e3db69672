"""Stance endpoints: score a claim (202), activate a model, queue retraining (202)."""

import pytest

from forecasts.models import Claim, StanceModel
from forecasts.services.stance import registry
from tests.api.conftest import client_for
from tests.factories import ClaimFactory
from tests.stance_support import install_model, train_tiny

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tiny():
    return train_tiny()


def test_scoring_a_claim_is_accepted_and_queued(analyst_api, django_capture_on_commit_callbacks):
    claim = ClaimFactory(scoring_status=Claim.ScoringStatus.DONE)
    with django_capture_on_commit_callbacks() as callbacks:
        response = analyst_api.post(f"/api/v1/claims/{claim.pk}/score/")
    claim.refresh_from_db()
    assert (response.status_code, response.json()["claim"], claim.scoring_status) == (
        202,
        claim.pk,
        "pending",
    )
    assert len(callbacks) == 1


def test_anonymous_clients_cannot_score(api):
    claim = ClaimFactory()
    assert api.post(f"/api/v1/claims/{claim.pk}/score/").status_code == 401


def test_scoring_an_unknown_claim_is_404(analyst_api):
    assert analyst_api.post("/api/v1/claims/999999/score/").status_code == 404


@pytest.mark.parametrize("persona", ["resolver", "superuser"])
def test_resolvers_and_superusers_activate_a_model(
    request, persona, tiny, django_capture_on_commit_callbacks
):
    model = install_model(tiny, active=False)
    api = client_for(request.getfixturevalue(persona))
    with django_capture_on_commit_callbacks():
        response = api.post(f"/api/v1/stance-models/{model.pk}/activate/")
    assert (response.status_code, response.json()["is_active"]) == (200, True)


def test_an_analyst_cannot_activate_a_model(analyst_api, tiny):
    model = install_model(tiny, active=False)
    response = analyst_api.post(f"/api/v1/stance-models/{model.pk}/activate/")
    assert (response.status_code, StanceModel.objects.get(pk=model.pk).is_active) == (403, False)


def test_activating_a_corrupted_model_is_a_conflict(resolver_api, tiny):
    model = install_model(tiny, active=False)
    registry.artifact_location(model).write_bytes(b"tampered")
    response = resolver_api.post(f"/api/v1/stance-models/{model.pk}/activate/")
    assert (response.status_code, "checksum" in response.json()["detail"]) == (409, True)


def test_retraining_is_accepted_and_queued(resolver_api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = resolver_api.post(
            "/api/v1/stance-models/retrain/", {"config": "default"}, format="json"
        )
    assert (response.status_code, response.json()["config"], len(callbacks)) == (202, "default", 1)


def test_retraining_an_unknown_config_is_a_field_error(resolver_api):
    response = resolver_api.post(
        "/api/v1/stance-models/retrain/", {"config": "nope"}, format="json"
    )
    assert (response.status_code, "config" in response.json()) == (400, True)


def test_an_analyst_cannot_retrain(analyst_api):
    assert analyst_api.post("/api/v1/stance-models/retrain/").status_code == 403
