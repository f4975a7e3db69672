"""Everything a calibration report needs from one set of forecasts, computed in one pass each.

One sort (AUC, distinct-value groups) and one binning (calibration table, binned Murphy terms)
are shared between the metrics, so the report costs little more than the metrics it shows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike

from forecasts.scoring.bootstrap import RESAMPLES, brier_ci_of_errors
from forecasts.scoring.calibration import DEFAULT_EDGES, BinSums, CalibrationBin, bins_from_sums
from forecasts.scoring.decomposition import Decomposition, decompose_bins, decompose_groups
from forecasts.scoring.metrics import (
    ForecastGroups,
    _auc,
    _brier_skill,
    _hit_rate,
    _log_score,
)
from forecasts.scoring.score import (
    NO_FORECASTS,
    Interval,
    Score,
    check_forecasts,
    check_probabilities,
)

SCORE_FIELDS = (
    "brier",
    "log_score",
    "brier_skill",
    "reliability",
    "resolution",
    "uncertainty",
    "residual",
    "auc",
    "hit_rate",
)


@dataclass(frozen=True)
class Summary:
    """The scores of one set of forecasts; ``residual`` closes the binned Murphy identity."""

    n: int
    brier: Score
    brier_ci: Interval
    log_score: Score
    brier_skill: Score
    reliability: Score
    resolution: Score
    uncertainty: Score
    residual: Score
    auc: Score
    hit_rate: Score
    bins: tuple[CalibrationBin, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe primitives: None for an undefined value, its reason under ``undefined``."""
        scores = {name: getattr(self, name) for name in SCORE_FIELDS}
        reasons = {name: score.reason for name, score in scores.items() if not score.defined}
        if not self.brier_ci.defined:
            reasons["brier_ci"] = self.brier_ci.reason
        ci = [self.brier_ci.low, self.brier_ci.high] if self.brier_ci.defined else None
        return {
            "n": self.n,
            **{name: score.value for name, score in scores.items()},
            "brier_ci": ci,
            "bins": [asdict(row) for row in self.bins],
            "undefined": reasons,
        }


def summarize(
    p: ArrayLike,
    y: ArrayLike,
    edges: ArrayLike = DEFAULT_EDGES,
    climatology: float | None = None,
    resamples: int = RESAMPLES,
    seed: int | np.random.Generator = 0,
    decomposition: Literal["binned", "distinct"] = "binned",
) -> Summary:
    """Scores, bootstrap CI, Murphy terms and calibration table of forecasts ``p`` vs ``y``.

    ``decomposition="binned"`` uses the calibration bins (residual = within-bin terms);
    ``"distinct"`` groups by distinct forecast value (exact, residual ~0; suits verbal scales).
    """
    if decomposition not in ("binned", "distinct"):
        raise ValueError(f"decomposition must be 'binned' or 'distinct', got {decomposition!r}")
    if climatology is not None:
        check_probabilities([climatology], "climatology")
    p_arr, y_arr = check_forecasts(p, y)
    error = p_arr - y_arr
    error *= error
    brier = Score.of(error.mean()) if error.size else Score.undefined(NO_FORECASTS)
    groups = ForecastGroups.of(p_arr, y_arr)
    sums = BinSums.of(p_arr, y_arr, edges)
    murphy = _murphy(decomposition, groups, sums, brier)
    return Summary(
        n=int(p_arr.size),
        brier=brier,
        brier_ci=brier_ci_of_errors(error, resamples, seed),
        log_score=_log_score(p_arr, y_arr),
        brier_skill=_brier_skill(brier, y_arr, climatology),
        reliability=murphy.reliability,
        resolution=murphy.resolution,
        uncertainty=murphy.uncertainty,
        residual=murphy.residual,
        auc=_auc(groups),
        hit_rate=_hit_rate(p_arr, y_arr),
        bins=bins_from_sums(sums),
    )


def _murphy(kind: str, groups: ForecastGroups, sums: BinSums, brier: Score) -> Decomposition:
    if kind == "distinct":
        return decompose_groups(groups, brier)
    return decompose_bins(sums, brier)
