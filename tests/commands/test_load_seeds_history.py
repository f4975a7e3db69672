"""Loading the same seeds again leaves the history alone: no empty 'changed' entries."""

import json

import pytest
from django.core.management import call_command

from forecasts.models import Claim, Forecast, Question

pytestmark = pytest.mark.django_db


def history_counts() -> tuple[int, ...]:
    return tuple(model.history.count() for model in (Question, Claim, Forecast))


def test_loading_the_same_seeds_twice_adds_no_history_entries():
    call_command("load_seeds", verbosity=0)
    first = history_counts()
    call_command("load_seeds", verbosity=0)
    assert history_counts() == first


def test_a_changed_seed_record_is_still_written(tmp_path, settings):
    call_command("load_seeds", verbosity=0)
    data = json.loads((settings.BASE_DIR / "seeds" / "demo.json").read_text())
    data["questions"][0]["resolution_criteria"] = "Edited criteria."
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    call_command("load_seeds", "--file", str(path), verbosity=0)
    assert Question.objects.filter(resolution_criteria="Edited criteria.").count() == 1
