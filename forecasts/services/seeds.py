"""Load the demo case (seeds/demo.json) idempotently.

The whole file is validated before anything is written, and the write is one transaction: a malformed
file changes nothing and the error names the file, the record and the field.
"""
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime

from forecasts.models import Claim, Expert, Forecast, Organization, Question, Source, Tag

SECTIONS = ("organizations", "experts", "sources", "questions", "claims", "forecasts")
REQUIRED = {
    "organizations": ("name",),
    "experts": ("name", "slug"),
    "sources": ("url", "title"),
    "questions": ("key", "title", "opens_at", "closes_at", "resolve_by"),
    "claims": ("key", "expert", "quote", "made_at"),
    "forecasts": ("claim", "question", "stance"),
}


class SeedError(Exception):
    def __init__(self, path: Path, section: str, index: int | None, field: str, problem: str):
        where = f"{section}[{index}]" if index is not None else section
        super().__init__(f"{path}: {where}, field '{field}': {problem}")


@dataclass(frozen=True)
class SeedCounts:
    organizations: int
    experts: int
    sources: int
    questions: int
    claims: int
    forecasts: int


class _Loader:
    def __init__(self, path: Path, data: dict[str, Any]):
        self.path = path
        self.data = data
        self.orgs: dict[str, Organization] = {}
        self.experts: dict[str, Expert] = {}
        self.sources: dict[str, Source] = {}
        self.questions: dict[str, Question] = {}
        self.claims: dict[str, Claim] = {}

    def fail(self, section: str, index: int | None, field: str, problem: str) -> SeedError:
        return SeedError(self.path, section, index, field, problem)

    def records(self, section: str) -> list[dict[str, Any]]:
        records = self.data.get(section, [])
        if not isinstance(records, list):
            raise self.fail(section, None, section, "must be a list of records")
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                raise self.fail(section, index, "-", "each record must be an object")
            for field in REQUIRED[section]:
                if record.get(field) in (None, ""):
                    raise self.fail(section, index, field, "is required")
        return records

    def when(self, section: str, index: int, record: dict, field: str) -> datetime | None:
        raw = record.get(field)
        if raw in (None, ""):
            return None
        parsed = parse_datetime(str(raw)) if isinstance(raw, str) else None
        if parsed is None:
            raise self.fail(section, index, field, f"{raw!r} is not an ISO 8601 date-time")
        return parsed

    def lookup(self, table: dict, section: str, index: int, field: str, key: Any) -> Any:
        if key not in table:
            raise self.fail(section, index, field, f"refers to unknown {field} {key!r}")
        return table[key]

    def saved(self, section: str, index: int, instance, exclude: list[str] | None = None):
        try:
            instance.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as exc:
            field, messages = next(iter(exc.message_dict.items()))
            raise self.fail(section, index, field, "; ".join(messages)) from exc
        if not _unchanged(instance):
            instance.save()
        return instance

    def load_organizations(self) -> None:
        for i, rec in enumerate(self.records("organizations")):
            org = Organization.objects.filter(name=rec["name"]).first() or Organization(name=rec["name"])
            org.short_name = rec.get("short_name", "")
            org.kind = rec.get("kind", Organization.Kind.OTHER)
            org.url = rec.get("url", "")
            self.saved("organizations", i, org)
            self.orgs[org.short_name or org.name] = org
            self.orgs[org.name] = org

    def load_experts(self) -> None:
        for i, rec in enumerate(self.records("experts")):
            expert = Expert.objects.filter(slug=rec["slug"]).first() or Expert(slug=rec["slug"])
            expert.name = rec["name"]
            aliases = rec.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise self.fail("experts", i, "aliases", "must be a list of strings")
            expert.aliases = aliases
            org_key = rec.get("organization")
            expert.organization = (
                self.lookup(self.orgs, "experts", i, "organization", org_key) if org_key else None
            )
            expert.role = rec.get("role", "")
            self.experts[expert.slug] = self.saved("experts", i, expert)

    def load_sources(self) -> None:
        for i, rec in enumerate(self.records("sources")):
            source = Source.objects.filter(url=rec["url"]).first() or Source(url=rec["url"])
            source.title = rec["title"]
            source.publisher = rec.get("publisher", "")
            source.author = rec.get("author", "")
            source.published_at = self.when("sources", i, rec, "published_at")
            self.sources[source.url] = self.saved("sources", i, source)

    def load_questions(self) -> None:
        for i, rec in enumerate(self.records("questions")):
            question = Question.objects.filter(title=rec["title"]).first() or Question(title=rec["title"])
            question.resolution_criteria = rec.get("resolution_criteria", "")
            for field in ("opens_at", "closes_at", "resolve_by"):
                setattr(question, field, self.when("questions", i, rec, field))
            self.apply_resolution(question, i, rec)
            self.saved("questions", i, question, exclude=["resolved_by"])
            question.tags.set([Tag.objects.get_or_create(name=name)[0] for name in rec.get("tags", [])])
            self.questions[rec["key"]] = question

    def apply_resolution(self, question: Question, index: int, rec: dict) -> None:
        outcome = rec.get("outcome")
        if outcome not in (None, "yes", "no"):
            raise self.fail("questions", index, "outcome", f"must be 'yes', 'no' or null, not {outcome!r}")
        if question.closes_at and question.opens_at and question.closes_at <= question.opens_at:
            raise self.fail("questions", index, "closes_at", "must be after opens_at")
        question.status = Question.Status.RESOLVED if outcome else Question.Status.OPEN
        question.outcome = outcome
        question.resolved_at = self.when("questions", index, rec, "resolved_at") if outcome else None
        question.evidence_url = rec.get("evidence_url", "")
        question.resolution_note = rec.get("resolution_note", "")

    def load_claims(self) -> None:
        for i, rec in enumerate(self.records("claims")):
            expert = self.lookup(self.experts, "claims", i, "expert", rec["expert"])
            source_key = rec.get("source")
            source = self.lookup(self.sources, "claims", i, "source", source_key) if source_key else None
            claim = Claim.objects.filter(expert=expert, quote=rec["quote"], source=source).first()
            claim = claim or Claim(expert=expert, quote=rec["quote"], source=source)
            claim.paraphrase = rec.get("paraphrase", "")
            claim.made_at = self.when("claims", i, rec, "made_at")
            claim.kind = rec.get("kind", Claim.Kind.STATEMENT)
            claim.scoring_status = Claim.ScoringStatus.DONE
            self.claims[rec["key"]] = self.saved("claims", i, claim, exclude=["quote_sha256"])

    def load_forecasts(self) -> None:
        for i, rec in enumerate(self.records("forecasts")):
            claim = self.lookup(self.claims, "forecasts", i, "claim", rec["claim"])
            question = self.lookup(self.questions, "forecasts", i, "question", rec["question"])
            forecast = Forecast.objects.filter(claim=claim, question=question).first()
            forecast = forecast or Forecast(claim=claim, question=question)
            forecast.stance = rec["stance"]
            forecast.probability = rec.get("probability")
            forecast.phrase = rec.get("phrase") or ""
            forecast.label_source = Forecast.LabelSource.ANALYST
            forecast.probability_basis = "analyst"
            forecast.stance_confidence = 1.0
            forecast.frozen = question.status != Question.Status.OPEN
            forecast.scored_at = claim.made_at
            self.saved("forecasts", i, forecast)
            claim.questions.add(question)

    def run(self) -> SeedCounts:
        for section in SECTIONS:
            getattr(self, f"load_{section}")()
        return SeedCounts(
            organizations=len(self.data.get("organizations", [])),
            experts=len(self.experts),
            sources=len(self.sources),
            questions=len(self.questions),
            claims=len(self.claims),
            forecasts=len(self.data.get("forecasts", [])),
        )


def _unchanged(instance) -> bool:
    """A stored row equal to the seed record: saving it would only add an empty history entry."""
    if instance.pk is None:
        return False
    names = [f.attname for f in instance._meta.concrete_fields]
    stored = type(instance).objects.filter(pk=instance.pk).values(*names).first()
    return stored == {name: getattr(instance, name) for name in names}


def read_seed_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SeedError(path, "file", None, "-", "does not exist") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedError(path, "file", None, "-", f"is not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise SeedError(path, "file", None, "-", "must contain a JSON object")
    return data


@transaction.atomic
def load_seed_file(path: Path) -> SeedCounts:
    """Create or update every record of the seed file; run twice, same rows."""
    return _Loader(Path(path), read_seed_file(path)).run()
