"""Stance scoring on the Django side: training, the active model, scoring claims, the queue.

The pure parts (features, classifier, hedge phrases) live in forecasts.stance; this package
reads and writes the database around them.
"""

from forecasts.services.stance.corpora import StanceDataError
from forecasts.services.stance.queueing import (
    claims_for_open_questions,
    claims_for_questions,
    request_scoring,
    rescore_open_questions,
    rescore_questions,
)
from forecasts.services.stance.registry import (
    StanceModelUnavailable,
    activate,
    active_classifier,
    active_model,
    load_classifier,
)
from forecasts.services.stance.scoring import ScoringSummary, record_failure, score_claims
from forecasts.services.stance.training import StanceTrainingError, ensure_seed_model, train_model

__all__ = [
    "ScoringSummary",
    "StanceDataError",
    "StanceModelUnavailable",
    "StanceTrainingError",
    "activate",
    "active_classifier",
    "active_model",
    "claims_for_open_questions",
    "claims_for_questions",
    "ensure_seed_model",
    "load_classifier",
    "record_failure",
    "request_scoring",
    "rescore_open_questions",
    "rescore_questions",
    "score_claims",
    "train_model",
]
