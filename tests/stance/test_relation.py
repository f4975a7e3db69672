"""Anchors a claim shares with a question: the gate of automatic linking."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forecasts.stance.relation import anchored, anchors

TALKS = ("Will senior U.S. and Russian officials hold a new round of talks on European security "
         "before 2022-02-28?")
WAR = "Will Russia launch a large-scale military offensive into Ukraine before 2022-06-30?"


@pytest.mark.parametrize(
    ("question", "claim", "expected"),
    [
        (TALKS, "No further talks with the U.S. are in the pipeline.", {"talks", "name:us"}),
        (WAR, "The risk of war is real.", {"topic:0"}),  # "war" and "offensive": one family
        ("Will Joe Biden and Xi Jinping meet before 2023-12-31?",
         "Beijing would not send Wang Yi if Xi weren't coming.", {"name:xi"}),
        ("Will the UK record 40°C or higher before 2022-12-31?",
         "I'd be surprised if Heathrow didn't touch 40.", {"figure:40"}),
    ],
)
def test_what_a_claim_shares_with_its_question(question, claim, expected):
    assert expected <= anchors(question, claim)


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        (WAR, "No further talks with the U.S. are in the pipeline."),
        (WAR, "These talks aren't over."),
        (TALKS, "The striker won't be fit in time for the derby."),
        (TALKS, "I'd put it at 70 per cent by 2022."),  # a shared year is no subject
        (WAR, "I think so."),  # the capitalised pronoun is no name
    ],
)
def test_a_claim_about_something_else_shares_nothing(question, claim):
    assert not anchored(question, claim)


def test_a_shared_name_does_not_anchor_a_claim_about_another_topic_family():
    claim = "These talks aren't over; the Russians want to keep talking."
    assert anchors(WAR, claim) == {"russi"}
    assert not anchored(WAR, claim)
    assert anchored(TALKS, claim)


def test_a_claim_without_topic_words_is_anchored_by_a_shared_name():
    assert anchored(WAR, "Russia is bluffing, in my view.")


def test_dotted_and_plain_acronyms_match():
    assert "name:us" in anchors("Will the US default?", "The U.S. will pay.")


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("Will the Fed cut rates before 2024-12-31?", "Apple will sell 12 million foldables."),
        (TALKS, "Unemployment will hit 28 per cent."),  # the 28 of the deadline is no figure
        ("In 2025, will the UK rejoin the EU?", "In my view the striker will be fit."),
        ("Will Mr Sunak call an election?", "Mr Biden will win."),
        ("If talks fail, will NATO act?", "If it rains, the final will be delayed."),
    ],
)
def test_dates_function_words_and_titles_are_no_anchors(question, claim):
    assert not anchored(question, claim)


def test_capitalised_acronyms_are_names_but_their_lower_case_twin_is_not():
    assert anchors("Will the US default?", "Us Europeans will pay.") == set()
    assert anchors("Will the US default?", "The US will pay.") == {"name:us"}


@given(st.text(max_size=80))
def test_a_claim_repeating_its_question_passes_whenever_the_question_has_an_anchor(question):
    assert anchored(question, question) == bool(anchors(question, question))


def test_a_question_restated_word_for_word_is_anchored():
    for question in (TALKS, WAR, "Will the Bank of England cut Bank Rate before 2026-06-30?"):
        assert anchored(question, question.removeprefix("Will ").rstrip("?"))


def test_an_ordinary_shared_word_anchors_across_topic_families():
    question = "Will the IMF Executive Board approve a new programme for Pakistan?"
    assert anchored(question, "I wouldn't rule out a board vote before the end of July.")
