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
    """ISO 8601 UTC, to the second ('2022-01-14T12:00:00Z')."""
    stamps = np.rint(epoch_seconds).astype("datetime64[s]")
    return [f"{text}Z" for text in np.datetime_as_string(stamps, unit="s").tolist()]


def csv_field(text: str) -> str:
    """One CSV field, quoted only when it has to be (as the csv module's minimal quoting does)."""
    if any(mark in text for mark in (",", '"', "\n", "\r")):
        return '"' + text.replace('"', '""') + '"'
    return text


def forecasts_csv(
    forecasts: ForecastSet, experts: Mapping[int, str], questions: Mapping[int, str]
) -> str:
    """Every forecast that went in: who, on what, when, P(yes) and the outcome (1 = YES)."""
    # A million rows through csv.writer take seconds; names are quoted once per expert/question
    # and each row is one f-string instead.
    expert_field = {pk: csv_field(name) for pk, name in experts.items()}
    question_field = {pk: csv_field(title) for pk, title in questions.items()}
    rows = zip(forecasts.forecast_ids.tolist(), forecasts.expert_ids.tolist(),
               forecasts.question_ids.tolist(), iso_times(forecasts.made_at), forecasts.p.tolist(),
               forecasts.y.astype(np.int64).tolist(), strict=True)
    lines = [f"{f},{e},{expert_field.get(e, '')},{q},{question_field.get(q, '')},{made},{p},{y}\n"
             for f, e, q, made, p, y in rows]
    return ",".join(FORECASTS_HEADER) + "\n" + "".join(lines)


def report_json(metrics: Mapping[str, Any]) -> str:
    return json.dumps(metrics, indent=2, sort_keys=False, allow_nan=False) + "\n"
