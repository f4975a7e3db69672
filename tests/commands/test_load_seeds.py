import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from forecasts.models import Claim, Expert, Forecast, Organization, Question, Source

pytestmark = pytest.mark.django_db
MODELS = (Organization, Expert, Source, Question, Claim, Forecast)


def row_counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in MODELS)


def load(path=None) -> str:
    out = StringIO()
    args = ["--file", str(path)] if path else []
    call_command("load_seeds", *args, stdout=out)
    return out.getvalue()


def write_seed(tmp_path, mutate) -> str:
    from django.conf import settings

    data = json.loads((settings.BASE_DIR / "seeds" / "demo.json").read_text())
    mutate(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data))
    return path


def test_it_loads_the_seed_case():
    load()
    assert row_counts() == (5, 7, 1, 3, 8, 6)


def test_loading_twice_gives_the_same_row_counts():
    load()
    first = row_counts()
    load()
    assert row_counts() == first


def test_seeded_claims_record_their_experts_organization_and_a_reload_keeps_a_correction():
    load()
    pairs = set(Claim.objects.values_list("organization_id", "expert__organization_id"))
    assert all(mine == experts for mine, experts in pairs) and any(mine for mine, _ in pairs)
    corrected = Claim.objects.filter(organization__isnull=False).first()
    other = Organization.objects.exclude(pk=corrected.organization_id).first()
    Claim.objects.filter(pk=corrected.pk).update(organization=other)
    load()
    corrected.refresh_from_db()
    assert corrected.organization == other


def test_it_loads_resolved_questions_with_frozen_forecasts():
    load()
    war = Question.objects.get(title__startswith="Will Russia launch")
    assert (war.status, war.outcome) == (Question.Status.RESOLVED, "yes")
    assert not Forecast.objects.filter(frozen=False).exists()


def test_it_names_the_file_record_and_field_of_a_bad_probability(tmp_path):
    path = write_seed(tmp_path, lambda d: d["forecasts"][1].update(probability=1.3))
    with pytest.raises(CommandError) as excinfo:
        load(path)
    message = str(excinfo.value)
    assert "broken.json" in message
    assert "forecasts[1]" in message
    assert "probability" in message
    assert row_counts() == (0, 0, 0, 0, 0, 0)


def test_it_reports_an_unknown_reference_and_changes_nothing(tmp_path):
    path = write_seed(tmp_path, lambda d: d["claims"][0].update(expert="nobody"))
    with pytest.raises(CommandError, match=r"claims\[0\], field 'expert': refers to unknown expert 'nobody'"):
        load(path)
    assert row_counts() == (0, 0, 0, 0, 0, 0)


def test_it_reports_a_malformed_date(tmp_path):
    path = write_seed(tmp_path, lambda d: d["questions"][2].update(closes_at="next tuesday"))
    with pytest.raises(CommandError, match=r"questions\[2\], field 'closes_at'"):
        load(path)


def test_it_reports_a_deadline_before_the_open_date(tmp_path):
    path = write_seed(tmp_path, lambda d: d["questions"][0].update(closes_at="2021-01-01T00:00:00Z"))
    with pytest.raises(CommandError, match=r"questions\[0\], field 'closes_at': must be after opens_at"):
        load(path)


def test_it_reports_a_file_that_is_not_json(tmp_path):
    path = tmp_path / "not.json"
    path.write_bytes(b"\xff\xfe not json")
    with pytest.raises(CommandError, match="not valid UTF-8 JSON"):
        load(path)


def test_the_demo_command_prints_a_summary_and_the_login():
    out = StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert "Mark Galeotti" in text
    assert "[YES] Will Russia launch" in text
    assert "login analyst / analyst-demo" in text
