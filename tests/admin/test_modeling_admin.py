"""Stance models in the admin: metrics tables, activation, retraining, Re-score actions."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from forecasts.models import Claim, StanceModel
from forecasts.services.stance import registry
from tests.factories import ClaimFactory, QuestionFactory, StanceModelFactory
from tests.stance_support import install_model, train_tiny

pytestmark = pytest.mark.django_db
METRICS = {
    "macro_f1": 0.8123,
    "accuracy": 0.85,
    "n": 516,
    "cv": "stratified 5-fold",
    "per_class_f1": {"agree": 0.9, "disagree": 0.7, "neutral": 0.75, "unrelated": 0.9},
    "labels": ["agree", "disagree", "neutral", "unrelated"],
    "confusion": [[90, 5, 3, 2], [6, 70, 4, 1], [7, 3, 80, 9], [1, 0, 2, 99]],
}


@pytest.fixture(scope="module")
def tiny():
    return train_tiny()


def run_action(client, model: str, action: str, ids) -> object:
    url = reverse(f"admin:forecasts_{model}_changelist")
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(pk) for pk in ids]}
    return client.post(url, data, follow=True)


def test_the_model_page_shows_metrics_and_the_confusion_matrix(client, analyst):
    model = StanceModelFactory(metrics=METRICS, provenance={"seeds": {"rows": 516}})
    client.force_login(analyst)
    page = client.get(
        reverse("admin:forecasts_stancemodel_change", args=[model.pk])
    ).content.decode()
    assert all(
        text in page for text in ("0.812", "<th>true \\ predicted</th>", "<td>99</td>", "516 pairs")
    )


def test_the_list_shows_macro_f1_and_disagree_f1(client, analyst):
    StanceModelFactory(metrics=METRICS)
    client.force_login(analyst)
    page = client.get(reverse("admin:forecasts_stancemodel_changelist")).content.decode()
    assert ("0.812" in page, "0.700" in page) == (True, True)


def test_a_resolver_activates_a_model(client, resolver, tiny, django_capture_on_commit_callbacks):
    model = install_model(tiny, active=False)
    client.force_login(resolver)
    with django_capture_on_commit_callbacks():
        run_action(client, "stancemodel", "activate_model", [model.pk])
    assert StanceModel.objects.get(pk=model.pk).is_active is True


def test_an_analyst_cannot_activate_a_model(client, analyst, tiny):
    model = install_model(tiny, active=False)
    client.force_login(analyst)
    run_action(client, "stancemodel", "activate_model", [model.pk])
    assert StanceModel.objects.get(pk=model.pk).is_active is False


def test_activating_a_corrupted_model_shows_why(client, superuser, tiny):
    model = install_model(tiny, active=False)
    registry.artifact_location(model).write_bytes(b"tampered")
    client.force_login(superuser)
    page = run_action(client, "stancemodel", "activate_model", [model.pk]).content.decode()
    assert ("checksum mismatch" in page, StanceModel.objects.filter(is_active=True).exists()) == (
        True,
        False,
    )


def test_re_score_queues_the_selected_claims(client, analyst, django_capture_on_commit_callbacks):
    claims = ClaimFactory.create_batch(2, scoring_status=Claim.ScoringStatus.DONE)
    client.force_login(analyst)
    with django_capture_on_commit_callbacks() as callbacks:
        run_action(client, "claim", "rescore_claims", [c.pk for c in claims])
    statuses = set(Claim.objects.values_list("scoring_status", flat=True))
    assert (statuses, len(callbacks)) == ({Claim.ScoringStatus.PENDING}, 1)


def test_re_score_on_questions_queues_their_claims(
    client, analyst, django_capture_on_commit_callbacks
):
    question = QuestionFactory()
    claim = ClaimFactory(scoring_status=Claim.ScoringStatus.DONE)
    claim.questions.add(question)
    client.force_login(analyst)
    with django_capture_on_commit_callbacks() as callbacks:
        run_action(client, "question", "rescore_questions", [question.pk])
    claim.refresh_from_db()
    assert (claim.scoring_status, len(callbacks)) == (Claim.ScoringStatus.PENDING, 1)


def test_claims_can_be_filtered_by_scoring_status(client, analyst):
    ClaimFactory(scoring_status=Claim.ScoringStatus.FAILED, scoring_error="checksum mismatch")
    client.force_login(analyst)
    url = reverse("admin:forecasts_claim_changelist") + "?scoring_status__exact=failed"
    assert client.get(url).status_code == 200


def test_saving_a_claim_in_the_admin_queues_its_scoring(
    client, analyst, django_capture_on_commit_callbacks
):
    claim = ClaimFactory(scoring_status=Claim.ScoringStatus.DONE)
    client.force_login(analyst)
    url = reverse("admin:forecasts_claim_change", args=[claim.pk])
    form = {
        "expert": claim.expert_id,
        "source": claim.source_id,
        "quote": "Talks will resume.",
        "paraphrase": "",
        "made_at_0": claim.made_at.strftime("%Y-%m-%d"),
        "made_at_1": claim.made_at.strftime("%H:%M:%S"),
        "kind": claim.kind,
        "forecasts-TOTAL_FORMS": "0",
        "forecasts-INITIAL_FORMS": "0",
    }
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(url, form)
    claim.refresh_from_db()
    assert (claim.quote, claim.scoring_status, len(callbacks)) == (
        "Talks will resume.",
        "pending",
        1,
    )
