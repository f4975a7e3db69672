"""manage.py import_forecasts: all-or-nothing, errors with line numbers, idempotent."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from forecasts.models import Claim, Expert, Forecast, Question
from forecasts.selectors.forecasts import Scope, forecast_set
from tests.factories import ExpertFactory, OrganizationFactory, QuestionFactory

pytestmark = pytest.mark.django_db
HEADER = "question,outcome,forecaster,probability,date\n"
GOOD = HEADER + (
    "Will talks resume before March?,yes,Mark Galeotti,0.8,2022-01-14\n"
    "Will talks resume before March?,yes,Dmitry Peskov,0.15,2022-01-14\n"
    "Will NATO rule out Ukraine?,no,Mark Galeotti,0.1,2022-01-20T10:00:00Z\n"
)


def run(tmp_path, text: str) -> tuple[str, str]:
    path = tmp_path / "forecasts.csv"
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_forecasts", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing(tmp_path, text: str) -> str:
    err = StringIO()
    path = tmp_path / "forecasts.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_forecasts", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue()


def test_it_imports_questions_experts_claims_and_forecasts(tmp_path):
    out, _ = run(tmp_path, GOOD)
    assert "Imported 3 forecast(s) from 3 row(s): 2 new question(s), 2 new expert(s)" in out
    assert Question.objects.filter(status="resolved").count() == 2
    assert set(Expert.objects.values_list("slug", flat=True)) == {"mark-galeotti", "dmitry-peskov"}


def test_imported_forecasts_are_analyst_labelled_manual_claims(tmp_path):
    run(tmp_path, GOOD)
    assert set(Forecast.objects.values_list("label_source", flat=True)) == {"analyst"}
    assert set(Claim.objects.values_list("capture", flat=True)) == {"manual"}


def test_imported_forecasts_count_in_reports(tmp_path):
    run(tmp_path, GOOD)
    assert sorted(forecast_set(Scope()).p.tolist()) == [0.1, 0.15, 0.8]


def test_importing_the_same_file_twice_adds_nothing(tmp_path):
    run(tmp_path, GOOD)
    out, _ = run(tmp_path, GOOD)
    assert "Imported 0 forecast(s)" in out
    assert Forecast.objects.count() == 3


def test_it_lists_every_bad_row_with_its_line_number(tmp_path):
    errors = failing(tmp_path, HEADER + "Q1,yes,A,0.5,2022-01-01\nQ2,maybe,B,1.5,yesterday\n,no,,0.2,2022-01-01\n")
    assert "line 3: outcome" in errors
    assert "line 3: probability" in errors
    assert "line 3: date" in errors
    assert "line 4: question" in errors
    assert "line 4: forecaster" in errors


def test_nothing_is_imported_when_one_row_is_bad(tmp_path):
    failing(tmp_path, GOOD + "Q3,yes,C,not-a-number,2022-01-01\n")
    assert (Question.objects.count(), Forecast.objects.count()) == (0, 0)


def test_it_rejects_contradicting_outcomes_for_one_question(tmp_path):
    errors = failing(tmp_path, HEADER + "Q1,yes,A,0.5,2022-01-01\nQ1,no,B,0.5,2022-01-01\n")
    assert "line 3: outcome: 'no' contradicts line 2" in errors


def test_it_rejects_a_question_already_open_in_the_tracker(tmp_path):
    QuestionFactory(title="Q1")
    errors = failing(tmp_path, HEADER + "Q1,yes,A,0.5,2022-01-01\n")
    assert "line 2: question: already in the tracker as open" in errors


def test_it_rejects_a_missing_column(tmp_path):
    errors = failing(tmp_path, "question,outcome,forecaster,date\nQ1,yes,A,2022-01-01\n")
    assert "line 1: header: missing column(s) probability" in errors


def test_it_rejects_an_empty_file(tmp_path):
    assert "no forecasts" in failing(tmp_path, HEADER)


def test_it_rejects_a_future_date(tmp_path):
    assert "line 2: date: is in the future" in failing(tmp_path, HEADER + "Q1,yes,A,0.5,2999-01-01\n")


def test_it_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_forecasts", str(tmp_path / "nope.csv"))


def test_imported_claims_record_their_experts_organization(tmp_path):
    rusi = OrganizationFactory(short_name="RUSI")
    ExpertFactory(name="Mark Galeotti", slug="mark-galeotti", organization=rusi)
    run(tmp_path, GOOD)
    organizations = dict(Claim.objects.values_list("expert__name", "organization__short_name").distinct())
    assert organizations == {"Mark Galeotti": "RUSI", "Dmitry Peskov": None}
