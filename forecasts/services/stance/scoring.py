"""Score claims against questions with the active stance model.

Candidate pairs for a claim: the questions it is explicitly linked to, the questions where it
already has a model forecast (so an edit refreshes them), and every open question that shares an
anchor with it (a word stem, topic family, short name or figure: ``forecasts.stance.relation``)
and that the model finds related (P(unrelated) below a threshold). The anchor comes first because
the model reads how a claim leans far better than what it is about. All pairs of a batch go
through ONE predict_proba call.
Forecasts labelled by an analyst, and frozen ones, are never touched; writing the same model
version's answer twice changes nothing.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from forecasts.models import Claim, Forecast, Question
from forecasts.services.stance import registry
from forecasts.services.stance.positions import UNREADABLE_BASIS, Position, claim_text, positions
from forecasts.stance.relation import anchored

logger = logging.getLogger(__name__)
WRITTEN_FIELDS = (
    "stance",
    "probability",
    "stance_confidence",
    "class_probabilities",
    "phrase",
    "probability_basis",
    "label_source",
    "model_version",
    "scored_at",
)
COMPARED_FIELDS = ("stance", "probability", "stance_confidence", "phrase", "probability_basis")
UNRELATED = Forecast.Stance.UNRELATED
ERROR_MAX = 2000


def related_threshold() -> float:
    """A pair that is neither linked nor already scored counts if P(unrelated) is below this."""
    return float(getattr(settings, "STANCE_RELATED_BELOW", 0.5))


@dataclass
class ScoringSummary:
    claims: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    protected: int = 0
    removed: int = 0  # model links to open questions the claim no longer shares an anchor with
    model_version: str = ""
    errors: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Pair:
    claim: Claim
    question: Question
    must_keep: bool  # linked, or already scored: its answer is written even if "unrelated"


def _candidate_questions(
    claim_ids: list[int], question_ids: Iterable[int] | None, open_only: bool
) -> list[Question]:
    touched = Q(linked_claims__in=claim_ids) | Q(forecasts__claim__in=claim_ids)
    reachable = Question.objects.filter(Q(status=Question.Status.OPEN) | touched)
    questions = Question.objects.filter(pk__in=reachable.values("pk")).exclude(
        status=Question.Status.ANNULLED
    )
    if question_ids is not None:
        questions = questions.filter(pk__in=list(question_ids))
    if open_only:
        questions = questions.filter(status=Question.Status.OPEN)
    return list(questions.only("id", "title", "status", "closes_at"))


def _pairs(
    claims: list[Claim], questions: list[Question], scored: set[tuple[int, int]]
) -> tuple[list[Pair], list[tuple[int, int]]]:
    """The candidate pairs, and the (claim, question) model links to open questions that the
    anchor gate no longer makes (written before the gate, or before the claim was edited)."""
    pairs, unanchored = [], []
    for claim in claims:
        linked = {q.pk for q in claim.questions.all()}
        text = claim_text(claim.quote, claim.paraphrase)
        for question in questions:
            if claim.made_at > question.closes_at:
                continue
            keep = question.pk in linked or (claim.pk, question.pk) in scored
            if question.pk in linked or not question.accepts_forecasts:
                candidate = keep
            else:
                candidate = anchored(question.title, text)
            if candidate:
                pairs.append(Pair(claim, question, keep))
            elif keep:
                unanchored.append((claim.pk, question.pk))
    return pairs, unanchored


def _wanted(pair: Pair, position: Position) -> bool:
    if pair.must_keep:
        return True
    readable = position.basis != UNREADABLE_BASIS
    related = position.probabilities[UNRELATED] < related_threshold()
    return readable and related and position.stance != UNRELATED


def _apply(forecast: Forecast, position: Position, version: str, now) -> None:
    forecast.stance = position.stance
    forecast.probability = position.p_yes
    forecast.stance_confidence = round(min(max(position.confidence, 0.0), 1.0), 6)
    forecast.class_probabilities = position.probabilities
    forecast.phrase = position.phrase or ""
    forecast.probability_basis = position.basis[:40]
    forecast.label_source = Forecast.LabelSource.MODEL
    forecast.model_version = version
    forecast.scored_at = now


def _same(forecast: Forecast, fresh: Forecast) -> bool:
    return forecast.model_version == fresh.model_version and all(
        getattr(forecast, name) == getattr(fresh, name) for name in COMPARED_FIELDS
    )


def _protected(forecast: Forecast) -> bool:
    return (
        forecast.label_source == Forecast.LabelSource.ANALYST
        or forecast.frozen
        or forecast.question.status != Question.Status.OPEN
    )


class _Plan:
    def __init__(self, version: str):
        self.version, self.now = version, timezone.now()
        self.to_create: list[Forecast] = []
        self.to_update: list[Forecast] = []
        self.unchanged = self.protected = 0

    def add(self, pair: Pair, position: Position, existing: Forecast | None) -> None:
        if existing is not None and _protected(existing):
            self.protected += 1
            return
        fresh = Forecast(
            claim=pair.claim, question=pair.question, frozen=not pair.question.accepts_forecasts
        )
        _apply(fresh, position, self.version, self.now)
        if existing is None:
            self.to_create.append(fresh)
        elif _same(existing, fresh):
            self.unchanged += 1
        else:
            _apply(existing, position, self.version, self.now)
            self.to_update.append(existing)


def _write(plan: _Plan) -> None:
    reason = f"scored by stance model {plan.version}"
    if plan.to_create:
        bulk_create_with_history(
            plan.to_create, Forecast, ignore_conflicts=True, default_change_reason=reason
        )
    if plan.to_update:
        bulk_update_with_history(
            plan.to_update, Forecast, list(WRITTEN_FIELDS), default_change_reason=reason
        )


def _load_claims(claim_ids: list[int]) -> list[Claim]:
    return list(
        Claim.objects.filter(pk__in=claim_ids)
        .only("id", "quote", "paraphrase", "made_at", "updated_at")
        .prefetch_related("questions")
    )


def _scored_pairs(claim_ids: list[int]) -> set[tuple[int, int]]:
    rows = Forecast.objects.filter(claim_id__in=claim_ids, label_source=Forecast.LabelSource.MODEL)
    return set(rows.values_list("claim_id", "question_id"))


def _mark_done(claims: list[Claim], notes: dict[int, str]) -> None:
    now = timezone.now()
    for claim in claims:
        # Skipped if the claim was edited meanwhile: its edit queued a fresh scoring.
        Claim.objects.filter(pk=claim.pk, updated_at=claim.updated_at).update(
            scoring_status=Claim.ScoringStatus.DONE,
            scored_at=now,
            scoring_error=notes.get(claim.pk, ""),
        )


def record_failure(claim_ids: Iterable[int], reason: str, *, pending: bool = False) -> int:
    """Mark the claims' scoring failed (or still pending) with the reason shown in the admin."""
    status = Claim.ScoringStatus.PENDING if pending else Claim.ScoringStatus.FAILED
    return Claim.objects.filter(pk__in=list(claim_ids)).update(
        scoring_status=status, scoring_error=reason[:ERROR_MAX]
    )


def _notes(pairs: list[Pair], found: list[Position]) -> dict[int, str]:
    return {
        pair.claim.pk: position.reason
        for pair, position in zip(pairs, found, strict=True)
        if position.basis == UNREADABLE_BASIS
    }


def score_claims(
    claim_ids: Iterable[int], *, question_ids: Iterable[int] | None = None, open_only: bool = False
) -> ScoringSummary:
    """Score the claims with the active model and write their forecasts in one transaction.

    Raises registry.StanceModelUnavailable (no active model, refused artifact): the caller
    records it on the claims.
    """
    ids = sorted({int(pk) for pk in claim_ids})
    Claim.objects.filter(pk__in=ids).update(scoring_attempts=F("scoring_attempts") + 1)
    row, classifier = registry.active_classifier()
    claims = _load_claims(ids)
    candidates = _candidate_questions(ids, question_ids, open_only)
    pairs, unanchored = _pairs(claims, candidates, _scored_pairs(ids))
    texts = [claim_text(p.claim.quote, p.claim.paraphrase) for p in pairs]
    found, _ = positions(classifier, [p.question.title for p in pairs], texts)
    summary = _persist(row.version, pairs, found, unanchored)
    summary.claims = len(claims)
    _mark_done(claims, _notes(pairs, found))
    return summary


@transaction.atomic
def _persist(
    version: str, pairs: list[Pair], found: list[Position], unanchored: list[tuple[int, int]]
) -> ScoringSummary:
    claim_ids = {p.claim.pk for p in pairs}
    existing = {
        (f.claim_id, f.question_id): f
        for f in Forecast.objects.select_for_update(of=("self",))
        .select_related("question")
        .filter(claim_id__in=claim_ids)
    }
    plan = _Plan(version)
    for pair, position in zip(pairs, found, strict=True):
        if _wanted(pair, position):
            plan.add(pair, position, existing.get((pair.claim.pk, pair.question.pk)))
    _write(plan)
    return ScoringSummary(
        created=len(plan.to_create),
        updated=len(plan.to_update),
        unchanged=plan.unchanged,
        protected=plan.protected,
        removed=_remove_unanchored(unanchored, version),
        model_version=version,
    )


def _remove_unanchored(links: list[tuple[int, int]], version: str) -> int:
    """Delete the model's own, unfrozen forecasts on open questions that the claim no longer
    shares an anchor with; analysts' labels and frozen forecasts stay."""
    wanted = set(links)
    if not wanted:
        return 0
    doomed = [
        forecast
        for forecast in Forecast.objects.filter(
            claim_id__in={claim for claim, _ in wanted},
            question_id__in={question for _, question in wanted},
            label_source=Forecast.LabelSource.MODEL,
            frozen=False,
            question__status=Question.Status.OPEN,
        )
        if (forecast.claim_id, forecast.question_id) in wanted
    ]
    for forecast in doomed:
        forecast._change_reason = f"removed by stance model {version}: no anchor with the question"
        forecast.delete()
    return len(doomed)
