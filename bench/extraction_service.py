"""End-to-end extraction through the Django service (database writes included), on a throwaway
in-memory SQLite database: the gold corpus as Sources, extracted once, then again (the idempotent
path), then with every text edited (reconciliation).

Usage: .venv/bin/python bench/extraction_service.py [--corpus DIR] [--rounds N]
Prints articles/s for each pass and the claims/experts it created. Never touches db.sqlite3.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = "sqlite:///:memory:"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from forecasts.models import Claim, Expert, Source  # noqa: E402
from forecasts.models.sources import text_digest  # noqa: E402
from forecasts.services import extraction  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "extraction" / "corpus"
EDIT = "\n\nAn editor's note: this article was updated with a correction.\n"


def make_sources(corpus: Path, rounds: int) -> list[int]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))]
    sources = [Source(url=f"https://bench.example.org/{r}/{i}", title=f"bench {r}-{i}", text=text)
               for r in range(rounds) for i, text in enumerate(texts)]
    for source in sources:
        source.text_sha256 = text_digest(source.text)
    return [s.pk for s in Source.objects.bulk_create(sources)]


def timed_pass(ids: list[int], label: str, edit: bool = False) -> None:
    for pk in ids:
        source = Source.objects.get(pk=pk)
        text = source.text + EDIT if edit else source.text
        Source.objects.filter(pk=pk).update(text=text, text_sha256=text_digest(text),
                                            extraction_status=Source.ExtractionStatus.PENDING)
    started = time.perf_counter()
    for pk in ids:
        extraction.extract_source(pk)
    elapsed = time.perf_counter() - started
    failed = Source.objects.filter(extraction_status=Source.ExtractionStatus.FAILED).count()
    print(f"{label:28} {len(ids) / elapsed:7.1f} articles/s  claims={Claim.objects.count():5d} "
          f"experts={Expert.objects.count():4d} failed={failed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=2, help="copies of the corpus, distinct URLs")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    ids = make_sources(args.corpus, args.rounds)
    timed_pass(ids, "first extraction")
    timed_pass(ids, "re-run, same text")
    timed_pass(ids, "re-run, edited text")


if __name__ == "__main__":
    main()
