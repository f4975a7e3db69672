"""What went into a report, as files a reader can recompute it from (CSV and JSON, UTF-8)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

import numpy as np
from numpy.typing import NDArray

from forecasts.scoring import CalibrationBin
from forecasts.selectors.forecasts import ForecastSet

BINS_HEADER = ("lower", "upper", "count", "mean_forecast", "observed_frequency", "wilson_low",
               "wilson_high")
FORECASTS_HEADER = ("forecast_id", "expert_id", "expert", "question_id", "question", "made_at",
                    "p_yes", "outcome")


def _csv_text(header: Sequence[str], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def bins_csv(bins: Sequence[CalibrationBin]) -> str:
    """One row per calibration bin; empty statistics for empty bins."""
    rows = ([("" if value is None else value) for value in asdict(row).values()] for row in bins)
    return _csv_text(BINS_HEADER, rows)


def iso_times(epoch_seconds: NDArray[np.float64]) -> list[str]:
    stamps = np.rint(epoch_seconds).astype("datetime64[s]")
    return [f"{text}Z" for text in np.datetime_as_string(stamps, unit="s").tolist()]


def forecasts_csv(
    forecasts: ForecastSet, experts: Mapping[int, str], questions: Mapping[int, str]
) -> str:
    """Every forecast that went in: who, on what, when, P(yes) and the outcome (1 = YES)."""
    expert_ids = forecasts.expert_ids.tolist()
    question_ids = forecasts.question_ids.tolist()
    columns = (
        forecasts.forecast_ids.tolist(),
        expert_ids,
        [experts.get(e, "") for e in expert_ids],
        question_ids,
        [questions.get(q, "") for q in question_ids],
        iso_times(forecasts.made_at),
        forecasts.p.tolist(),
        forecasts.y.astype(np.int64).tolist(),
    )
    return _csv_text(FORECASTS_HEADER, zip(*columns, strict=True))


def report_json(metrics: Mapping[str, Any]) -> str:
    return json.dumps(metrics, indent=2, sort_keys=False, allow_nan=False) + "\n"
