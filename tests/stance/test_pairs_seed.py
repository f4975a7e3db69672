import csv
from collections import Counter
from pathlib import Path

import pytest

PAIRS = Path(__file__).resolve().parents[2] / "seeds" / "stance" / "pairs.csv"
LABELS = {"agree", "disagree", "neutral", "unrelated"}
DOMAINS = {"geopolitics", "economics", "elections", "science", "technology", "health", "sport",
           "climate/energy"}
SEED_QUESTIONS = [
    "Will senior U.S. and Russian officials hold a new round of talks on European security "
    "before 2022-02-28?",
    "Will Russia launch a large-scale military offensive into Ukraine before 2022-06-30?",
    "Will NATO formally guarantee that Ukraine and Georgia will never be admitted, before "
    "2022-12-31?",
]
# Quotes of record from the demo case: the demo must not be scored on memorised training pairs.
QUOTES_OF_RECORD = [
    "talks aren't over",
    "talks aren\u2019t over",
    "risk of war is real",
    "patience has run out",
    "wait to see how russia reacts",
    "looking for excuses to continue to talk",
    "are in the pipeline",
]


@pytest.fixture(scope="module")
def pairs():
    with open(PAIRS, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def test_the_file_has_the_question_claim_label_columns(pairs):
    fieldnames, _ = pairs
    assert fieldnames[:3] == ["question", "claim", "label"]


def test_every_label_is_a_stance(pairs):
    assert {row["label"] for row in pairs[1]} == LABELS


def test_no_field_is_blank(pairs):
    assert all(row["question"].strip() and row["claim"].strip() for row in pairs[1])


def test_it_holds_at_least_5700_pairs_over_230_questions(pairs):
    rows = pairs[1]
    assert len(rows) >= 5700
    assert len({row["question"] for row in rows}) >= 230


def test_every_label_makes_up_at_least_18_percent(pairs):
    counts = Counter(row["label"] for row in pairs[1])
    assert min(counts.values()) / len(pairs[1]) >= 0.18


def test_every_domain_is_one_of_the_documented_domains(pairs):
    assert {row["domain"] for row in pairs[1]} <= DOMAINS


def test_every_question_has_claims_of_all_four_labels(pairs):
    labels_by_question = {}
    for row in pairs[1]:
        labels_by_question.setdefault(row["question"], set()).add(row["label"])
    assert all(labels == LABELS for labels in labels_by_question.values())


def test_there_are_no_duplicate_pairs(pairs):
    keys = Counter((row["question"], row["claim"]) for row in pairs[1])
    assert keys.most_common(1)[0][1] == 1


def test_every_question_is_a_yes_no_question(pairs):
    assert all(q.startswith("Will ") and q.endswith("?") for q in {r["question"] for r in pairs[1]})


def test_the_seed_case_questions_are_included(pairs):
    assert set(SEED_QUESTIONS) <= {row["question"] for row in pairs[1]}


@pytest.mark.parametrize("quote", QUOTES_OF_RECORD)
def test_no_quote_of_record_from_the_demo_case_is_in_the_training_pairs(pairs, quote):
    assert not [row for row in pairs[1] if quote in row["claim"].lower()]
