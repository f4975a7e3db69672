"""Bulk-load a large, realistic-looking data set for the API bench (bulk_create in batches)."""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction

from forecasts.models import Claim, Expert, Forecast, Organization, Question, Source, Tag
from forecasts.models.sources import text_digest

START = datetime(2020, 1, 1, tzinfo=UTC)
BATCH = 5_000
WORDS = (
    "talks risk war real negotiations patience sanctions escalation border troops diplomacy "
    "summit likely unlikely almost certainly ceasefire guarantee alliance offensive"
).split()


@dataclass(frozen=True)
class Sizes:
    claims: int
    experts: int = 2_000
    organizations: int = 100
    sources: int = 20_000
    questions: int = 2_000


def sentence(rng: random.Random, n: int = 18) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def when(rng: random.Random, days: int = 1_500) -> datetime:
    return START + timedelta(days=rng.random() * days)


def make_organizations(n: int) -> list[Organization]:
    rows = [
        Organization(name=f"Institute {i}", short_name=f"I{i}", kind="think_tank") for i in range(n)
    ]
    return Organization.objects.bulk_create(rows)


def make_experts(n: int, orgs: list[Organization], rng: random.Random) -> list[Expert]:
    rows = [
        Expert(
            name=f"Expert {i}",
            slug=f"expert-{i}",
            aliases=[f"E{i}"],
            role="Fellow",
            organization=rng.choice(orgs),
        )
        for i in range(n)
    ]
    return Expert.objects.bulk_create(rows, batch_size=BATCH)


def make_sources(n: int, rng: random.Random) -> list[Source]:
    rows = [
        Source(
            url=f"https://news.example.org/{i}",
            title=f"Talks, day {i}",
            publisher="Example Times",
            published_at=when(rng),
            text=sentence(rng, 400),
        )
        for i in range(n)
    ]
    return Source.objects.bulk_create(rows, batch_size=BATCH)


def make_questions(n: int, rng: random.Random) -> list[Question]:
    rows = []
    for i in range(n):
        opens = when(rng)
        rows.append(
            Question(
                title=f"Will event {i} happen?",
                opens_at=opens,
                closes_at=opens + timedelta(days=90),
                resolve_by=opens + timedelta(days=120),
            )
        )
    questions = Question.objects.bulk_create(rows, batch_size=BATCH)
    tags = Tag.objects.bulk_create([Tag(name=f"topic {i}", slug=f"topic-{i}") for i in range(20)])
    links = [Question.tags.through(question=q, tag=rng.choice(tags)) for q in questions]
    Question.tags.through.objects.bulk_create(links, batch_size=BATCH)
    return questions


def make_claims(n: int, experts, sources, rng: random.Random) -> list[int]:
    ids: list[int] = []
    for start in range(0, n, BATCH):
        rows = []
        for i in range(start, min(n, start + BATCH)):
            quote = f"{sentence(rng)} ({i})"
            expert = rng.choice(experts)
            rows.append(
                Claim(
                    expert=expert,
                    organization_id=expert.organization_id,  # bulk_create skips Claim.save's default
                    source=rng.choice(sources),
                    quote=quote,
                    quote_sha256=text_digest(quote),
                    made_at=when(rng),
                    kind="forecast",
                    scoring_status="done",
                )
            )
        ids.extend(claim.pk for claim in Claim.objects.bulk_create(rows))
    return ids


def make_forecasts(claim_ids: list[int], questions, rng: random.Random) -> None:
    for start in range(0, len(claim_ids), BATCH):
        rows = [
            Forecast(
                claim_id=pk,
                question=rng.choice(questions),
                stance="agree",
                probability=round(rng.random(), 3),
                stance_confidence=0.8,
                model_version="bench",
            )
            for pk in claim_ids[start : start + BATCH]
        ]
        Forecast.objects.bulk_create(rows)
        links = [
            Claim.questions.through(claim_id=f.claim_id, question_id=f.question_id) for f in rows
        ]
        Claim.questions.through.objects.bulk_create(links)


@transaction.atomic
def load(sizes: Sizes, seed: int = 7) -> None:
    rng = random.Random(seed)
    experts = make_experts(sizes.experts, make_organizations(sizes.organizations), rng)
    sources = make_sources(sizes.sources, rng)
    questions = make_questions(sizes.questions, rng)
    make_forecasts(make_claims(sizes.claims, experts, sources, rng), questions, rng)


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the visibility map lets COUNT(*) use an index-only scan
