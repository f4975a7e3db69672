"""manage.py calibration_report: the four files, the scopes, and clear errors on bad input."""
import csv
import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ExpertFactory, TagFactory
from tests.report_data import forecast_on, resolved_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert():
    expert = ExpertFactory(slug="mark-galeotti")
    for i in range(12):
        forecast_on(resolved_question("yes" if i % 2 else "no"), expert, 0.7 if i % 2 else 0.2)
    return expert


def run(tmp_path, *args) -> str:
    from io import StringIO
    out = StringIO()
    call_command("calibration_report", "--out", str(tmp_path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_writes_the_four_files(tmp_path, expert):
    run(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bins.csv", "forecasts.csv", "reliability.png",
                                                          "report.json"]


def test_report_json_has_the_required_keys(tmp_path, expert):
    run(tmp_path)
    report = json.loads((tmp_path / "report.json").read_text())
    required = {"n", "brier", "brier_ci", "log_score", "brier_skill", "reliability", "resolution",
                "uncertainty", "auc", "bins"}
    assert required <= set(report)
    assert report["n"] == 12


def test_forecasts_csv_lists_every_forecast_that_went_in(tmp_path, expert):
    run(tmp_path)
    rows = list(csv.DictReader((tmp_path / "forecasts.csv").open()))
    assert len(rows) == 12
    assert {"expert", "question", "made_at", "p_yes", "outcome"} <= set(rows[0])
    assert rows[0]["expert"] == "mark-galeotti"


def test_it_prints_n_and_the_brier_score(tmp_path, expert):
    assert "n = 12, Brier = " in run(tmp_path, "--expert", "mark-galeotti")


def test_the_tag_scope_filters_questions(tmp_path, expert):
    TagFactory(name="War")
    run(tmp_path, "--tag", "War")
    assert json.loads((tmp_path / "report.json").read_text())["n"] == 0


def test_it_rejects_an_unknown_expert(tmp_path):
    with pytest.raises(CommandError, match="No expert with slug 'nobody'"):
        run(tmp_path, "--expert", "nobody")


def test_it_rejects_a_malformed_date(tmp_path):
    with pytest.raises(CommandError, match="not a date"):
        run(tmp_path, "--since", "14/01/2022")


def test_it_rejects_a_period_that_ends_before_it_starts(tmp_path):
    with pytest.raises(CommandError, match="until"):
        run(tmp_path, "--since", "2022-02-01", "--until", "2022-01-01")


def test_it_rejects_two_targets_at_once(tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path, "--expert", "a", "--tag", "b")
