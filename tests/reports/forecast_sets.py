"""ForecastSet builders for the database-free report tests."""
import numpy as np

from forecasts.selectors.forecasts import ForecastSet, NonForecastCounts

DAY = 86_400.0


def forecast_set(p, y, experts=None, questions=None, lead_days=None) -> ForecastSet:
    n = len(p)
    experts = np.arange(n) if experts is None else np.asarray(experts)
    questions = np.arange(n) if questions is None else np.asarray(questions)
    resolved = np.full(n, 1_700_000_000.0)
    lead = np.full(n, 10.0) if lead_days is None else np.asarray(lead_days, dtype=float)
    return ForecastSet(
        forecast_ids=np.arange(1, n + 1), expert_ids=experts.astype(np.int64),
        question_ids=questions.astype(np.int64), made_at=resolved - lead * DAY,
        p=np.asarray(p, dtype=float), y=np.asarray(y, dtype=float), resolved_at=resolved,
        counts=NonForecastCounts(neutral=2),
    )
