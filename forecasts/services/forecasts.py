"""Analyst edits to forecasts. An analyst's label always beats the model's and is never re-scored."""
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from forecasts.models import Forecast, Question
from forecasts.services.errors import ForecastFrozen


def ensure_not_frozen(forecast: Forecast) -> None:
    if forecast.is_frozen:
        raise ForecastFrozen(
            f"This forecast is frozen: its question is {forecast.question.status} "
            "and forecasts cannot change after the question closes."
        )


def validate_position(stance: str, probability: float | None) -> None:
    errors: dict[str, str] = {}
    if stance not in Forecast.Stance.values:
        errors["stance"] = f"Stance must be one of {', '.join(Forecast.Stance.values)}."
    elif stance in Forecast.SIDED_STANCES and probability is None:
        errors["probability"] = "A forecast that takes a side needs a probability P(yes)."
    elif stance not in Forecast.SIDED_STANCES and probability is not None:
        errors["probability"] = "Neutral or unrelated claims are not forecasts: leave P(yes) empty."
    if probability is not None and not 0.0 <= probability <= 1.0:
        errors["probability"] = "P(yes) must be between 0 and 1."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def override(
    *,
    forecast: Forecast,
    stance: str,
    probability: float | None,
    by: AbstractBaseUser | None = None,
    note: str = "",
) -> Forecast:
    """Set the stance and P(yes) by hand; marks the label as the analyst's."""
    locked = Forecast.objects.select_for_update().select_related("question").get(pk=forecast.pk)
    ensure_not_frozen(locked)
    validate_position(stance, probability)
    locked.stance = stance
    locked.probability = probability
    locked.label_source = Forecast.LabelSource.ANALYST
    locked.probability_basis = "analyst"
    locked.stance_confidence = 1.0
    locked.scored_at = timezone.now()
    locked._history_user = by
    locked._change_reason = note or "analyst override"
    locked.save()
    return locked


@transaction.atomic
def create_by_analyst(
    *,
    claim,
    question: Question,
    stance: str,
    probability: float | None,
    by: AbstractBaseUser | None = None,
) -> Forecast:
    """An analyst links a claim to a question with a position (or overrides the model's one)."""
    existing = Forecast.objects.filter(claim=claim, question=question).first()
    if existing is not None:
        return override(forecast=existing, stance=stance, probability=probability, by=by)
    if question.status != Question.Status.OPEN:
        raise ForecastFrozen(f"The question is {question.status}: it no longer accepts forecasts.")
    validate_position(stance, probability)
    forecast = Forecast(
        claim=claim, question=question, stance=stance, probability=probability,
        label_source=Forecast.LabelSource.ANALYST, probability_basis="analyst", stance_confidence=1.0,
    )
    forecast._history_user = by
    forecast.save()
    return forecast
