"""Read-only summaries for the demo and the commands."""
from django.db.models import Count, Prefetch

from forecasts.models import Claim, Expert, Forecast, Question


def experts_with_claim_counts():
    return Expert.objects.select_related("organization").annotate(n_claims=Count("claims")).order_by("name")


def questions_with_forecasts():
    forecasts = Forecast.objects.select_related("claim__expert").order_by("claim__expert__name")
    return Question.objects.prefetch_related(Prefetch("forecasts", queryset=forecasts)).order_by("closes_at")


def claim_count() -> int:
    return Claim.objects.count()
