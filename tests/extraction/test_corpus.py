"""The annotated corpus is the specification: every gold pair found, nothing else."""
import json
from pathlib import Path

import pytest

from forecasts.extraction import extract_quotes
from forecasts.extraction.evaluation import normalize_quote, score_pairs

CORPUS = Path(__file__).parent / "corpus"
ARTICLES = sorted(path.stem for path in CORPUS.glob("*.txt"))


def _article(stem: str) -> tuple[str, list[tuple[str, str]]]:
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    return text, [tuple(pair) for pair in gold["expected"]]


def test_the_corpus_has_at_least_twelve_articles_of_news_length():
    lengths = [len(_article(stem)[0].split()) for stem in ARTICLES]
    assert len(ARTICLES) >= 12
    assert min(lengths) >= 300
    assert max(lengths) <= 900


@pytest.mark.parametrize("stem", ARTICLES)
def test_every_gold_quote_is_taken_from_the_article(stem):
    text, expected = _article(stem)
    article = normalize_quote(text)
    missing = [quote for _, quote in expected if normalize_quote(quote) not in article]
    assert missing == []


@pytest.mark.parametrize("stem", ARTICLES)
def test_it_extracts_exactly_the_annotated_pairs(stem):
    text, expected = _article(stem)
    score = score_pairs([(q.speaker, q.quote) for q in extract_quotes(text)], expected)
    assert (score.missed, score.spurious) == ((), ())


@pytest.mark.parametrize("stem", ARTICLES)
def test_offsets_point_at_the_quote_in_the_original_text(stem):
    text, _ = _article(stem)
    quotes = extract_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == [q.quote for q in quotes]


@pytest.mark.parametrize("stem", ARTICLES)
def test_quotes_come_in_text_order(stem):
    text, _ = _article(stem)
    starts = [q.start for q in extract_quotes(text)]
    assert starts == sorted(starts)
