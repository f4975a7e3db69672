"""Analyst writes to claims: one place for the admin, the API and commands.

Each write is one transaction. Anything that changes what a claim says (quote, paraphrase or the
questions it is linked to) puts it back in the scoring queue.

A claim records the organization its expert belonged to when it was made (Claim.save fills it
from the expert for a new claim), so reports keep it there when the expert moves. Giving the claim
to another expert takes that expert's organization, unless the same edit sets the organization.
"""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from forecasts.models import Claim, Expert, Organization, Question, Source
from forecasts.models.sources import text_digest
from forecasts.services.stance.queueing import request_scoring

EDITABLE_FIELDS = ("expert", "organization", "source", "quote", "paraphrase", "made_at", "kind")
RESCORING_FIELDS = ("quote", "paraphrase", "questions")


def validate(claim: Claim) -> None:
    """Refuse a claim the services would not write (field errors); the admin form checks with it too."""
    if not claim.quote or not claim.quote.strip():
        raise ValidationError({"quote": "A claim needs the expert's words."})
    if claim.kind not in Claim.Kind.values:
        raise ValidationError({"kind": f"Kind must be one of {', '.join(Claim.Kind.values)}."})
    _ensure_unique_quote(claim)


def _ensure_unique_quote(claim: Claim) -> None:
    if claim.source_id is None:
        return
    duplicates = Claim.objects.filter(
        source_id=claim.source_id, expert_id=claim.expert_id, quote_sha256=text_digest(claim.quote)
    ).exclude(pk=claim.pk)
    if duplicates.exists():
        raise ValidationError(
            {"quote": "This expert already has a claim with this exact quote in this source."}
        )


def _save(claim: Claim, by: AbstractBaseUser | None, reason: str) -> None:
    claim._history_user = by
    claim._change_reason = reason
    claim.save()


@transaction.atomic
def create(
    *,
    expert: Expert,
    quote: str,
    made_at: datetime,
    source: Source | None = None,
    paraphrase: str = "",
    kind: str = Claim.Kind.STATEMENT,
    questions: Iterable[Question] = (),
    organization: Organization | None = None,
    by: AbstractBaseUser | None = None,
) -> Claim:
    """Record a claim typed by an analyst; it waits in the scoring queue.

    Without an organization it takes the expert's current one.
    """
    claim = Claim(
        expert=expert,
        organization=organization,
        source=source,
        quote=quote,
        paraphrase=paraphrase,
        made_at=made_at,
        kind=kind,
        capture=Claim.Capture.MANUAL,
        scoring_status=Claim.ScoringStatus.PENDING,
    )
    validate(claim)
    _save(claim, by, "created")
    claim.questions.set(list(questions))
    request_scoring([claim.pk])
    return claim


def _apply(claim: Claim, changes: dict) -> list[str]:
    unknown = set(changes) - set(EDITABLE_FIELDS) - {"questions"}
    if unknown:
        raise ValidationError({name: "This field cannot be changed." for name in sorted(unknown)})
    changed = [
        name
        for name in EDITABLE_FIELDS
        if name in changes and getattr(claim, name) != changes[name]
    ]
    for name in changed:
        setattr(claim, name, changes[name])
    if "expert" in changed and "organization" not in changes:
        changed += _follow_expert(claim)
    return changed


def _follow_expert(claim: Claim) -> list[str]:
    """A claim given to another expert takes that expert's organization."""
    organization_id = claim.expert_organization_id()
    if organization_id == claim.organization_id:
        return []
    claim.organization_id = organization_id
    return ["organization"]


def _questions_changed(claim: Claim, questions: Iterable[Question] | None) -> bool:
    if questions is None:
        return False
    return {q.pk for q in questions} != set(claim.questions.values_list("pk", flat=True))


@transaction.atomic
def update(*, claim: Claim, by: AbstractBaseUser | None = None, **changes) -> Claim:
    """Change a claim's editable fields (and its linked questions if given).

    An analyst's edit of an extracted claim marks it so re-extraction keeps it; a new quote or new
    questions send the claim back to be scored. A new expert brings their current organization
    unless ``organization`` is among the changes.
    """
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    questions = changes.pop("questions", None)
    questions = list(questions) if questions is not None else None
    changed = _apply(locked, changes)
    if _questions_changed(locked, questions):
        changed.append("questions")
        locked.questions.set(questions)
    if not changed:
        return locked
    validate(locked)
    if locked.capture == Claim.Capture.EXTRACTED:
        locked.analyst_touched = True
    if set(changed) & set(RESCORING_FIELDS):
        locked.scoring_status = Claim.ScoringStatus.PENDING
    _save(locked, by, "changed " + ", ".join(changed))
    if set(changed) & set(RESCORING_FIELDS):
        request_scoring([locked.pk])
    return locked
