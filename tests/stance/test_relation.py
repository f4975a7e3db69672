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


@given(st.text(max_size=80), st.text(max_size=80))
def test_anchors_are_symmetric_and_total(question, claim):
    assert anchors(question, claim) == anchors(claim, question)


def test_an_ordinary_shared_word_anchors_across_topic_families():
    question = "Will the IMF Executive Board approve a new programme for Pakistan?"
    assert anchored(question, "I wouldn't rule out a board vote before the end of July.")
