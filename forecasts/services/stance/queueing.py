"""Put claims in the scoring queue: after commit, surviving a broker outage (the sweeper retries).

The tasks module imports these services, so the task is looked up when a request is made.
"""

from collections.abc import Iterable

from django.db.models import Q

from forecasts.models import Claim, Forecast, Question
from forecasts.services.queue import enqueue_on_commit

BATCH_SIZE = 50


def batches(ids: Iterable[int], size: int | None = None) -> list[list[int]]:
    ids, size = sorted({int(pk) for pk in ids}), size or BATCH_SIZE
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def _score_task():
    from forecasts.tasks.stance import score_claims

    return score_claims


def request_scoring(
    claim_ids: Iterable[int], *, question_ids: Iterable[int] | None = None, open_only: bool = False
) -> int:
    """Mark the claims pending and queue their scoring once the transaction commits."""
    ids = sorted({int(pk) for pk in claim_ids})
    Claim.objects.filter(pk__in=ids).update(
        scoring_status=Claim.ScoringStatus.PENDING, scoring_error=""
    )
    options = {
        "question_ids": sorted(question_ids) if question_ids is not None else None,
        "open_only": open_only,
    }
    for batch in batches(ids):
        enqueue_on_commit(_score_task(), batch, **options)
    return len(ids)


def claims_for_open_questions() -> list[int]:
    """Claims that may speak to an open question: linked, already scored, or said while open."""
    open_questions = Question.objects.filter(status=Question.Status.OPEN)
    return claims_for_questions(open_questions.values_list("pk", flat=True))


def claims_for_questions(question_ids: Iterable[int]) -> list[int]:
    questions = list(Question.objects.filter(pk__in=list(question_ids)).only("pk", "closes_at"))
    if not questions:
        return []
    ids = [q.pk for q in questions]
    said_in_time = Q(made_at__lte=max(q.closes_at for q in questions))
    touched = Q(questions__in=ids) | Q(
        pk__in=Forecast.objects.filter(question__in=ids).values("claim_id")
    )
    return sorted(set(Claim.objects.filter(said_in_time | touched).values_list("pk", flat=True)))


def rescore_questions(question_ids: Iterable[int]) -> int:
    """Queue every claim that may speak to these questions, scored against them only."""
    question_ids = sorted({int(pk) for pk in question_ids})
    return request_scoring(claims_for_questions(question_ids), question_ids=question_ids)


def rescore_open_questions() -> int:
    """After a model is activated: re-score open questions (closed ones stay as they are)."""
    return request_scoring(claims_for_open_questions(), open_only=True)
