"""Which forecasts count, as numpy arrays for the scoring package (reads only, never writes).

The rules (the README states them too):
1. Only questions that are resolved (not annulled, not open or closed) and past their scheduled
   resolution date (``resolve_by <= as_of``): questions that resolve YES early would otherwise
   reach the set before the ones that resolve NO on schedule, and bias the calibration chart.
2. Only claims made before the question's forecast deadline (``made_at < closes_at``) and before
   it was resolved (a claim after an early resolution is hindsight, not a forecast).
3. Only sided stances (agree/disagree) with a probability: neutral and unrelated are not
   forecasts; they are counted separately, as are late claims and forecasts on annulled questions.
4. Per (expert, question), one forecast: an analyst-labelled one beats any model-labelled one,
   even a later one (an analyst checked it; a later model reading is unchecked and must not silently
   replace it); among equals, the latest claim wins (ties: the highest forecast id).
5. Scope (all / expert / organization / tag) and period (claims made in [since, until], inclusive
   days, UTC) filter the claims *before* rule 4 picks the latest. The organization scope takes the
   claims made for the organization (Claim.organization, the expert's organization at the time), so
   an expert who moves leaves their earlier forecasts with their old organization.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
from django.db import NotSupportedError, connection, transaction
from django.db.models import Case, Count, F, FloatField, Func, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from numpy.typing import NDArray

from forecasts.models import Forecast, Question

CHUNK_ROWS = 20_000
REPORT_WORK_MEM = "128MB"
SIDED = Q(stance__in=Forecast.SIDED_STANCES, probability__isnull=False)
RESOLVED = Q(question__status=Question.Status.RESOLVED)
BEFORE_DEADLINE = Q(claim__made_at__lt=F("question__closes_at")) & Q(
    claim__made_at__lt=F("question__resolved_at")
)


class EpochSeconds(Func):
    """A datetime column as float seconds since 1970 (numpy-friendly, no datetime objects)."""

    output_field = FloatField()

    def as_postgresql(self, compiler, conn, **extra):
        template = "EXTRACT(EPOCH FROM %(expressions)s)::double precision"
        return self.as_sql(compiler, conn, template=template, **extra)

    def as_sqlite(self, compiler, conn, **extra):
        template = "((julianday(%(expressions)s) - 2440587.5) * 86400.0)"
        return self.as_sql(compiler, conn, template=template, **extra)

    def as_sql(self, compiler, conn, template=None, **extra):
        if template is None:
            raise NotSupportedError(f"EpochSeconds is not implemented for {conn.vendor}")
        return super().as_sql(compiler, conn, template=template, **extra)


@dataclass(frozen=True)
class Scope:
    """Whose forecasts, over which period; at most one of expert/organization/tag."""

    expert_id: int | None = None
    organization_id: int | None = None
    tag_id: int | None = None
    question_ids: tuple[int, ...] | None = None
    since: date | None = None
    until: date | None = None
    as_of: datetime | None = None

    def on(self) -> datetime:
        return self.as_of or timezone.now()


@dataclass(frozen=True)
class NonForecastCounts:
    """What the scope holds that did not go in, and why."""

    neutral: int = 0
    unrelated: int = 0
    after_deadline: int = 0  # made at/after the deadline, or after an early resolution
    superseded: int = 0
    annulled: int = 0
    unresolved: int = 0
    not_yet_due: int = 0

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __add__(self, other: NonForecastCounts) -> NonForecastCounts:
        return NonForecastCounts(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                                    for f in fields(self)})


@dataclass(frozen=True)
class ForecastSet:
    """The forecasts that count, one row each; times are epoch seconds (UTC)."""

    forecast_ids: NDArray[np.int64]
    expert_ids: NDArray[np.int64]
    question_ids: NDArray[np.int64]
    made_at: NDArray[np.float64]
    p: NDArray[np.float64]
    y: NDArray[np.float64]
    resolved_at: NDArray[np.float64]
    counts: NonForecastCounts = field(default_factory=NonForecastCounts)

    @property
    def n(self) -> int:
        return int(self.p.size)

    def where(self, mask: NDArray[np.bool_], counts: NonForecastCounts | None = None) -> ForecastSet:
        """The rows under ``mask`` (rule 4 is per expert and question, so masks commute with it)."""
        columns = {f.name: getattr(self, f.name)[mask] for f in fields(self) if f.name != "counts"}
        return ForecastSet(**columns, counts=counts if counts is not None else NonForecastCounts())

    def with_counts(self, counts: NonForecastCounts) -> ForecastSet:
        return replace(self, counts=counts)


ARRAY_COLUMNS = ("forecast_ids", "expert_ids", "question_ids", "made_at", "p", "y", "resolved_at")


def empty_set() -> ForecastSet:
    arrays = np.empty((0, len(ARRAY_COLUMNS)))
    return _from_matrix(arrays, NonForecastCounts())


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def scoped_forecasts(scope: Scope) -> QuerySet[Forecast]:
    """Every forecast whose claim falls in the scope and period, counted or not."""
    qs = Forecast.objects.all()
    if scope.expert_id is not None:
        qs = qs.filter(claim__expert_id=scope.expert_id)
    if scope.organization_id is not None:
        qs = qs.filter(claim__organization_id=scope.organization_id)
    if scope.tag_id is not None:
        qs = qs.filter(question__tags=scope.tag_id)
    if scope.question_ids is not None:
        qs = qs.filter(question_id__in=scope.question_ids)
    if scope.since is not None:
        qs = qs.filter(claim__made_at__gte=start_of_day(scope.since))
    if scope.until is not None:
        qs = qs.filter(claim__made_at__lt=start_of_day(scope.until + timedelta(days=1)))
    return qs


def due(as_of: datetime) -> Q:
    return RESOLVED & Q(question__resolve_by__lte=as_of)


def candidate_forecasts(scope: Scope) -> QuerySet[Forecast]:
    """Rules 1-3 and 5: sided, pre-deadline forecasts on resolved, due questions."""
    return scoped_forecasts(scope).filter(due(scope.on()) & BEFORE_DEADLINE & SIDED)


def counted_forecasts(scope: Scope) -> QuerySet[Forecast]:
    """Rule 4 on top: the one forecast per (expert, question) that counts."""
    qs = candidate_forecasts(scope).annotate(
        analyst_first=Case(
            When(label_source=Forecast.LabelSource.ANALYST, then=Value(0)),
            default=Value(1), output_field=IntegerField(),
        )
    )
    if connection.vendor == "postgresql":
        order = ("claim__expert_id", "question_id", "analyst_first", "-claim__made_at", "-id")
        return qs.order_by(*order).distinct("claim__expert_id", "question_id")
    return qs.annotate(rank=Window(
        RowNumber(),
        partition_by=[F("claim__expert_id"), F("question_id")],
        order_by=[F("analyst_first").asc(), F("claim__made_at").desc(), F("id").desc()],
    )).filter(rank=1)


def forecast_rows(scope: Scope) -> QuerySet:
    """Numeric rows in ARRAY_COLUMNS order."""
    return counted_forecasts(scope).annotate(
        made_epoch=EpochSeconds("claim__made_at"),
        resolved_epoch=EpochSeconds("question__resolved_at"),
        outcome_value=Case(
            When(question__outcome=Question.Outcome.YES, then=Value(1.0)),
            default=Value(0.0), output_field=FloatField(),
        ),
    ).values_list(
        "id", "claim__expert_id", "question_id", "made_epoch", "probability", "outcome_value",
        "resolved_epoch",
    )


def _from_matrix(matrix: NDArray[np.float64], counts: NonForecastCounts) -> ForecastSet:
    ids = {name: matrix[:, i].astype(np.int64) for i, name in enumerate(ARRAY_COLUMNS[:3])}
    rest = {name: np.ascontiguousarray(matrix[:, i + 3]) for i, name in enumerate(ARRAY_COLUMNS[3:])}
    return ForecastSet(**ids, **rest, counts=counts)


def read_matrix(rows: QuerySet, chunk: int = CHUNK_ROWS) -> NDArray[np.float64]:
    """Stream rows into one float64 matrix, a chunk at a time (no model instances)."""
    iterator = rows.iterator(chunk_size=chunk)
    parts = []
    while batch := list(itertools.islice(iterator, chunk)):
        parts.append(np.array(batch, dtype=np.float64))
    return np.concatenate(parts) if parts else np.empty((0, len(ARRAY_COLUMNS)))


@contextmanager
def roomy_sorts() -> Iterator[None]:
    """On PostgreSQL, let this transaction sort and hash in memory (the default 4 MB spills a
    million-row DISTINCT ON to disk); elsewhere a plain transaction."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL work_mem = '{REPORT_WORK_MEM}'")
        yield


def forecast_set(scope: Scope, with_counts: bool = True) -> ForecastSet:
    """The forecasts that count in ``scope``, with the non-forecast counts."""
    with roomy_sorts():
        matrix = read_matrix(forecast_rows(scope))
        counts = non_forecast_counts(scope, n_counted=matrix.shape[0]) if with_counts else NonForecastCounts()
    return _from_matrix(matrix, counts)


def _count_expressions(as_of: datetime) -> dict:
    resolved_due = due(as_of)
    in_time = resolved_due & BEFORE_DEADLINE
    return {
        "neutral": Count("id", filter=in_time & Q(stance=Forecast.Stance.NEUTRAL)),
        "unrelated": Count("id", filter=in_time & Q(stance=Forecast.Stance.UNRELATED)),
        "after_deadline": Count("id", filter=resolved_due & ~BEFORE_DEADLINE),
        "sided": Count("id", filter=in_time & SIDED),
        "annulled": Count("id", filter=Q(question__status=Question.Status.ANNULLED)),
        "unresolved": Count("id", filter=Q(question__status__in=[
            Question.Status.OPEN, Question.Status.CLOSED])),
        "not_yet_due": Count("id", filter=RESOLVED & Q(question__resolve_by__gt=as_of)),
    }


def _counts_from(row: dict, n_counted: int) -> NonForecastCounts:
    values = {name: int(row[name] or 0) for name in row if name not in ("sided", "claim__expert_id")}
    return NonForecastCounts(**values, superseded=int(row["sided"] or 0) - n_counted)


def non_forecast_counts(scope: Scope, n_counted: int) -> NonForecastCounts:
    row = scoped_forecasts(scope).aggregate(**_count_expressions(scope.on()))
    return _counts_from(row, n_counted)


def non_forecast_counts_by_expert(
    scope: Scope, counted_per_expert: dict[int, int]
) -> dict[int, NonForecastCounts]:
    """The same counts per expert, in one grouped query (for batches of per-expert reports)."""
    rows = (scoped_forecasts(scope).order_by().values("claim__expert_id")
            .annotate(**_count_expressions(scope.on())))
    return {row["claim__expert_id"]: _counts_from(row, counted_per_expert.get(row["claim__expert_id"], 0))
            for row in rows}
