import numpy as np
import pytest

from forecasts.scoring import by_lead_time, lead_days
from forecasts.scoring.score import Score


def test_it_counts_whole_days_between_forecast_and_resolution():
    made = np.array(["2022-01-14T18:00", "2022-01-14", "2021-12-01"], dtype="datetime64[m]")
    resolved = np.array(["2022-01-21", "2022-01-14", "2022-02-24"], dtype="datetime64[D]")
    assert lead_days(made, resolved).tolist() == [7, 0, 85]


def test_it_rejects_missing_dates():
    with pytest.raises(ValueError, match="NaT"):
        lead_days(
            np.array(["NaT"], dtype="datetime64[D]"),
            np.array(["2022-01-01"], dtype="datetime64[D]"),
        )


def test_it_puts_forecasts_in_the_default_buckets():
    p = [0.9, 0.6, 0.5, 0.2, 0.2, 0.7, 0.1]
    y = [1, 1, 0, 0, 1, 1, 0]
    days = [0, 7, 8, 30, 31, 400, 365]
    buckets = by_lead_time(p, y, days)
    rows = [(b.label, b.n, b.brier.value) for b in buckets]
    assert rows == [
        ("0-7 days", 2, pytest.approx((0.01 + 0.16) / 2)),
        ("8-30 days", 2, pytest.approx((0.25 + 0.04) / 2)),
        ("31-90 days", 1, pytest.approx(0.64)),
        ("91-365 days", 1, pytest.approx(0.01)),
        (">365 days", 1, pytest.approx(0.09)),
    ]


def test_an_empty_bucket_has_no_brier_score_and_says_why():
    bucket = by_lead_time([0.5], [1], [3])[1]
    assert (bucket.n, bucket.brier) == (0, Score.undefined("no forecasts"))


def test_it_accepts_timedeltas_as_lead_times():
    days = np.array([3, 40], dtype="timedelta64[D]")
    assert [b.n for b in by_lead_time([0.5, 0.5], [1, 0], days)] == [1, 0, 1, 0, 0]


def test_it_accepts_custom_bucket_starts():
    buckets = by_lead_time([0.5, 0.5], [1, 0], [1, 20], bucket_starts=(0, 10))
    assert [(b.label, b.n) for b in buckets] == [("0-9 days", 1), (">9 days", 1)]


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ([-1, 3], "negative"),
        ([1.5, 3], "whole days"),
        ([1], "one lead time per forecast"),
    ],
)
def test_it_rejects_impossible_lead_times(days, message):
    with pytest.raises(ValueError, match=message):
        by_lead_time([0.5, 0.5], [1, 0], days)


@pytest.mark.parametrize("starts", [(1, 10), (0, 10, 10), ()])
def test_it_rejects_bucket_starts_that_do_not_increase_from_zero(starts):
    with pytest.raises(ValueError, match="bucket starts"):
        by_lead_time([0.5], [1], [3], bucket_starts=starts)
