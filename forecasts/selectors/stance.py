"""What the active stance model says about claims and questions, without writing anything."""

from dataclasses import dataclass

from forecasts.models import Claim, Forecast, Question
from forecasts.services.stance import registry
from forecasts.services.stance.positions import Position, claim_text, positions


@dataclass(frozen=True)
class ModelView:
    claim: Claim
    question: Question
    position: Position
    recorded: Forecast | None  # the stored forecast for this pair, if any


def model_views(claims: list[Claim], questions: list[Question]) -> list[ModelView]:
    """Every (claim, question) pair as the active model reads it, beside the stored forecast."""
    _, classifier = registry.active_classifier()
    pairs = [(claim, question) for claim in claims for question in questions]
    found, _ = positions(
        classifier,
        [q.title for _, q in pairs],
        [claim_text(c.quote, c.paraphrase) for c, _ in pairs],
    )
    stored = {
        (f.claim_id, f.question_id): f
        for f in Forecast.objects.filter(claim__in=claims, question__in=questions)
    }
    return [
        ModelView(c, q, p, stored.get((c.pk, q.pk))) for (c, q), p in zip(pairs, found, strict=True)
    ]
