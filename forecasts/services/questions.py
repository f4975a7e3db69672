"""Question lifecycle: open -> closed -> resolved | annulled, and back by reopen.

Every path (admin action, API endpoint, Celery task, command) goes through these functions.
Closing, resolving or annulling freezes the question's forecasts.
"""
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from forecasts.models import Forecast, Question
from forecasts.services.errors import InvalidTransition
from forecasts.signals import question_resolution_changed

Status = Question.Status


def _locked(question: Question) -> Question:
    return Question.objects.select_for_update().get(pk=question.pk)


def _validate_outcome(outcome: str) -> str:
    if outcome not in Question.Outcome.values:
        raise ValidationError({"outcome": f"Outcome must be 'yes' or 'no', not {outcome!r}."})
    return outcome


def _validate_evidence_url(url: str) -> str:
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise ValidationError({"evidence_url": "Enter a valid http(s) URL."}) from exc
    return url


def _require_note(note: str, action: str) -> str:
    if not note or not note.strip():
        raise ValidationError({"note": f"A note explaining why is required to {action} a question."})
    return note.strip()


def _freeze_forecasts(question: Question) -> int:
    return Forecast.objects.filter(question=question, frozen=False).update(frozen=True)


def _save(question: Question, by: AbstractBaseUser | None, reason: str) -> None:
    question._history_user = by
    question._change_reason = reason
    question.save()


def _announce(question: Question) -> None:
    question_id = question.pk
    transaction.on_commit(
        lambda: question_resolution_changed.send(sender=Question, question_id=question_id)
    )


def _refresh_into(target: Question, source: Question) -> None:
    for field in Question._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


@transaction.atomic
def close(*, question: Question, by: AbstractBaseUser | None = None) -> Question:
    """Stop accepting forecasts (the deadline passed or an analyst closed it early)."""
    locked = _locked(question)
    if locked.status != Status.OPEN:
        raise InvalidTransition(f"Only open questions can be closed; this one is {locked.status}.")
    locked.status = Status.CLOSED
    _save(locked, by, "closed")
    _freeze_forecasts(locked)
    _refresh_into(question, locked)
    return question


@transaction.atomic
def resolve(
    *,
    question: Question,
    outcome: str,
    evidence_url: str = "",
    note: str = "",
    by: AbstractBaseUser | None = None,
) -> Question:
    """Record the real outcome; freezes the forecasts and makes them count in reports."""
    _validate_outcome(outcome)
    _validate_evidence_url(evidence_url)
    locked = _locked(question)
    if locked.status == Status.RESOLVED:
        raise InvalidTransition(
            f"This question was already resolved {locked.outcome.upper()} on "
            f"{locked.resolved_at:%Y-%m-%d}; reopen it first to change the outcome."
        )
    if locked.status == Status.ANNULLED:
        raise InvalidTransition("An annulled question cannot be resolved; reopen it first.")
    locked.status = Status.RESOLVED
    locked.outcome = outcome
    locked.resolved_at = timezone.now()
    locked.resolved_by = by
    locked.evidence_url = evidence_url
    locked.resolution_note = note.strip()
    _save(locked, by, f"resolved {outcome}")
    _freeze_forecasts(locked)
    _announce(locked)
    _refresh_into(question, locked)
    return question


@transaction.atomic
def annul(*, question: Question, note: str, by: AbstractBaseUser | None = None) -> Question:
    """The question cannot be fairly resolved (ambiguous, void): no forecast on it counts."""
    note = _require_note(note, "annul")
    locked = _locked(question)
    if locked.status in (Status.RESOLVED, Status.ANNULLED):
        raise InvalidTransition(
            f"This question is already {locked.status}; reopen it first to annul it."
        )
    locked.status = Status.ANNULLED
    locked.outcome = None
    locked.resolved_at = timezone.now()
    locked.resolved_by = by
    locked.resolution_note = note
    _save(locked, by, "annulled")
    _freeze_forecasts(locked)
    _announce(locked)
    _refresh_into(question, locked)
    return question


@transaction.atomic
def reopen(*, question: Question, note: str, by: AbstractBaseUser | None = None) -> Question:
    """Undo a wrong resolution or annulment. Forecasts stay frozen once the deadline has passed."""
    note = _require_note(note, "reopen")
    locked = _locked(question)
    if locked.status not in (Status.RESOLVED, Status.ANNULLED):
        raise InvalidTransition(f"Only resolved or annulled questions can be reopened; this one is {locked.status}.")
    deadline_passed = locked.closes_at <= timezone.now()
    locked.status = Status.CLOSED if deadline_passed else Status.OPEN
    locked.outcome = None
    locked.resolved_at = None
    locked.resolved_by = None
    locked.resolution_note = f"Reopened: {note}"
    _save(locked, by, f"reopened: {note}")
    if not deadline_passed:
        Forecast.objects.filter(question=locked).update(frozen=False)
    _announce(locked)
    _refresh_into(question, locked)
    return question


def close_past_deadline(now=None) -> int:
    """Close every open question whose forecast deadline has passed (run daily by beat)."""
    now = now or timezone.now()
    closed = 0
    for question in Question.objects.filter(status=Status.OPEN, closes_at__lte=now):
        close(question=question)
        closed += 1
    return closed
