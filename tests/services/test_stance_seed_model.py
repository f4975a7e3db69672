"""The seed model is reused only while the seed file and the stance code are unchanged."""
import pytest

from forecasts.services.stance import registry, training
from tests.stance_support import write_pairs_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(tmp_path):
    return write_pairs_csv(tmp_path / "pairs.csv")


def test_a_second_call_reuses_the_model_trained_on_the_same_seeds(seeds):
    first, trained = training.ensure_seed_model(seeds_file=seeds, folds=0)
    again, trained_again = training.ensure_seed_model(seeds_file=seeds, folds=0)
    assert (trained, trained_again, again.pk) == (True, False, first.pk)


def test_a_model_trained_by_other_stance_code_is_not_reused(seeds, monkeypatch):
    first, _ = training.ensure_seed_model(seeds_file=seeds, folds=0)
    monkeypatch.setattr(registry, "code_fingerprint", lambda: "code-after-an-upgrade")
    second, trained = training.ensure_seed_model(seeds_file=seeds, folds=0)
    assert trained
    assert second.pk != first.pk
