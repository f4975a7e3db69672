"""Stance scoring on a real Celery worker (subprocess) against Redis and PostgreSQL."""
import pytest
from django.conf import settings

from forecasts.models import Claim, Forecast
from forecasts.tasks import score_claims
from tests.factories import ClaimFactory, QuestionFactory
from tests.integration.test_worker_round_trip import wait_for, worker_queue  # noqa: F401 - fixture
from tests.stance_support import TALKS, install_model, train_tiny

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stance_worker(request, monkeypatch) -> str:
    """A worker that reads artifacts from this test's artifact folder."""
    monkeypatch.setenv("STANCE_ARTIFACT_DIR", str(settings.STANCE_ARTIFACT_DIR))
    return request.getfixturevalue("worker_queue")


def test_a_real_worker_scores_a_claim_in_postgresql(stance_worker):
    model = install_model(train_tiny())
    claim = ClaimFactory(quote="These talks aren't over.")
    claim.questions.add(QuestionFactory(title=TALKS))
    score_claims.apply_async(args=[[claim.pk]], queue=stance_worker)
    done = wait_for(lambda: Claim.objects.get(pk=claim.pk).scoring_status == "done", timeout=120)
    assert done, "the worker did not score the claim within 120 s"
    assert Forecast.objects.get(claim=claim).model_version == model.version
