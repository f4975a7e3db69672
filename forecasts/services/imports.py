"""Import resolved forecasts from other platforms (CSV: question, outcome, forecaster, probability, date).

Every row is checked first and every problem is reported with its line number; nothing is written
unless the whole file is valid, and then everything is written in one transaction. Re-importing
the same file adds nothing (a row already imported is recognised by its expert, date and text).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from forecasts.models import Claim, Expert, Forecast, Question
from forecasts.models.sources import text_digest

COLUMNS = ("question", "outcome", "forecaster", "probability", "date")
OUTCOMES = {"yes": "yes", "no": "no", "1": "yes", "0": "no", "true": "yes", "false": "no"}
MAX_ERRORS = 200


class ImportRejected(Exception):
    """The file is invalid; ``errors`` lists 'line N: field: problem' strings."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"{len(errors)} error(s); nothing was imported")
        self.errors = errors


@dataclass(frozen=True)
class ImportRow:
    line: int
    question: str
    outcome: str
    forecaster: str
    probability: float
    made_at: datetime


@dataclass(frozen=True)
class ImportResult:
    rows: int
    questions_created: int
    experts_created: int
    forecasts_created: int


def _when(raw: str) -> datetime | None:
    parsed = parse_datetime(raw)
    if parsed is None and (day := parse_date(raw)) is not None:
        parsed = datetime.combine(day, time(12, 0))
    if parsed is not None and timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _probability(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


def _field_problems(record: dict[str, str]) -> dict[str, str]:
    problems = {}
    if not record["question"] or len(record["question"]) > 500:
        problems["question"] = "must be 1 to 500 characters"
    if record["outcome"].lower() not in OUTCOMES:
        problems["outcome"] = f"{record['outcome']!r} is not yes/no (or 1/0, true/false)"
    if not slugify(record["forecaster"]) or len(record["forecaster"]) > 200:
        problems["forecaster"] = "must be a name (1 to 200 characters, with letters or digits)"
    if _probability(record["probability"]) is None:
        problems["probability"] = f"{record['probability']!r} is not a number between 0 and 1"
    made_at = _when(record["date"])
    if made_at is None:
        problems["date"] = f"{record['date']!r} is not a date (YYYY-MM-DD or ISO 8601)"
    elif made_at > timezone.now():
        problems["date"] = "is in the future"
    return problems


def parse_rows(lines: Iterable[str]) -> list[ImportRow]:
    """Check every row; raise ImportRejected listing every problem, or return the rows."""
    reader = csv.DictReader(lines)
    missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected([f"line 1: header: missing column(s) {', '.join(missing)}"])
    rows, errors = [], []
    for record in reader:
        clean = {name: (record.get(name) or "").strip() for name in COLUMNS}
        problems = _field_problems(clean)
        errors += [f"line {reader.line_num}: {field}: {problem}" for field, problem in problems.items()]
        if not problems:
            rows.append(ImportRow(reader.line_num, clean["question"], OUTCOMES[clean["outcome"].lower()],
                                  clean["forecaster"], float(clean["probability"]), _when(clean["date"])))
    errors += consistency_errors(rows)
    if not rows and not errors:
        errors.append("line 2: file: no forecasts in the file")
    if errors:
        raise ImportRejected(errors[:MAX_ERRORS])
    return rows


def consistency_errors(rows: list[ImportRow]) -> list[str]:
    """One outcome per question, within the file and against questions already in the tracker."""
    errors, first = [], {}
    existing = {q.title: q for q in Question.objects.filter(title__in={r.question for r in rows})}
    for row in rows:
        seen = first.setdefault(row.question, row)
        if seen.outcome != row.outcome:
            errors.append(f"line {row.line}: outcome: {row.outcome!r} contradicts line {seen.line} "
                          f"({seen.outcome!r}) for the same question")
        known = existing.get(row.question)
        if known is not None and (known.status != Question.Status.RESOLVED or known.outcome != row.outcome):
            errors.append(f"line {row.line}: question: already in the tracker as {known.status} "
                          f"{known.outcome or ''}".rstrip() + f", not resolved {row.outcome!r}")
    return errors


def _question(title: str, group: list[ImportRow]) -> tuple[Question, bool]:
    first = min(r.made_at for r in group)
    last = max(r.made_at for r in group) + timedelta(days=1)
    return Question.objects.get_or_create(title=title, defaults={
        "resolution_criteria": "Imported with its outcome from another platform.",
        "opens_at": first - timedelta(days=1), "closes_at": last, "resolve_by": last,
        "status": Question.Status.RESOLVED, "outcome": group[0].outcome, "resolved_at": last,
        "resolution_note": "Imported (import_forecasts).",
    })


def _expert(name: str) -> tuple[Expert, bool]:
    return Expert.objects.get_or_create(slug=slugify(name)[:200], defaults={"name": name})


def _claim_text(row: ImportRow) -> str:
    return f"Imported forecast: P(yes) = {row.probability:g} on “{row.question}”."


def _forecast(row: ImportRow, expert: Expert, question: Question) -> bool:
    quote = _claim_text(row)
    if Claim.objects.filter(expert=expert, made_at=row.made_at, quote_sha256=text_digest(quote)).exists():
        return False
    claim = Claim.objects.create(expert=expert, quote=quote, made_at=row.made_at, kind=Claim.Kind.FORECAST,
                                 capture=Claim.Capture.MANUAL, scoring_status=Claim.ScoringStatus.DONE)
    stance = Forecast.Stance.AGREE if row.probability >= 0.5 else Forecast.Stance.DISAGREE
    Forecast.objects.create(claim=claim, question=question, stance=stance, probability=row.probability,
                            stance_confidence=1.0, label_source=Forecast.LabelSource.ANALYST,
                            probability_basis="imported", frozen=True)
    return True


@transaction.atomic
def import_rows(rows: list[ImportRow]) -> ImportResult:
    by_question: dict[str, list[ImportRow]] = {}
    for row in rows:
        by_question.setdefault(row.question, []).append(row)
    questions = {title: _question(title, group) for title, group in by_question.items()}
    experts = {name: _expert(name) for name in {row.forecaster for row in rows}}
    created = sum(_forecast(row, experts[row.forecaster][0], questions[row.question][0]) for row in rows)
    return ImportResult(len(rows), sum(c for _, c in questions.values()),
                        sum(c for _, c in experts.values()), created)


def import_forecasts(lines: Iterable[str]) -> ImportResult:
    """Validate the whole file, then import it in one transaction."""
    return import_rows(parse_rows(lines))
