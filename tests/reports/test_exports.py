"""CSV and JSON exports (no database)."""
import csv
import io
import json

import pytest

from forecasts.reports.exports import BINS_HEADER, bins_csv, forecasts_csv, iso_times, report_json
from forecasts.scoring import calibration_bins
from tests.reports.forecast_sets import forecast_set


def test_the_bins_csv_has_a_row_per_bin_with_empty_cells_for_empty_bins():
    rows = list(csv.reader(io.StringIO(bins_csv(calibration_bins([0.5, 0.55], [1, 0])))))
    assert tuple(rows[0]) == BINS_HEADER
    assert len(rows) == 15
    assert rows[1][2:] == ["0", "", "", "", ""]


def test_the_forecasts_csv_names_experts_and_questions():
    fs = forecast_set([0.8], [1], experts=[3], questions=[9])
    rows = list(csv.DictReader(io.StringIO(forecasts_csv(fs, {3: "mark-galeotti"}, {9: "Talks?"}))))
    assert rows == [{"forecast_id": "1", "expert_id": "3", "expert": "mark-galeotti", "question_id": "9",
                     "question": "Talks?", "made_at": "2023-11-04T22:13:20Z", "p_yes": "0.8", "outcome": "1"}]


def test_times_are_iso_utc():
    assert iso_times([0.0, 86_400.4]) == ["1970-01-01T00:00:00Z", "1970-01-02T00:00:00Z"]


def test_report_json_refuses_nan():
    with pytest.raises(ValueError):
        report_json({"brier": float("nan")})


def test_report_json_round_trips():
    assert json.loads(report_json({"n": 3, "brier": None})) == {"n": 3, "brier": None}
