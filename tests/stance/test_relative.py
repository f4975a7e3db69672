import numpy as np

from forecasts.stance.relative import (
    OPPOSITES,
    MaskedClaimTerms,
    RelativeCues,
    masked_claim,
    relative_row,
)

QUESTION = "Will the Conservative Party win the most seats at the election?"
COLUMNS = ("negations", "double_negation", "thwart", "opposite", "opposed", "lean",
           "lean_relative", "has_hedge", "conditional", "waiting", "shared", "no_shared", "length")


def cues(claim: str, question: str = QUESTION) -> dict[str, float]:
    return dict(zip(COLUMNS, relative_row(question, claim), strict=True))


def test_an_opposite_event_word_is_counted_against_the_question():
    assert cues("The Conservatives will lose badly.")["opposite"] == 1


def test_opposites_are_symmetric():
    assert all(a in OPPOSITES[b] for a, others in OPPOSITES.items() for b in others)


def test_a_double_negation_does_not_read_as_opposed():
    row = cues("It is not impossible that they win; I would not rule it out.")
    assert row["double_negation"] == 1.0


def test_a_claim_with_a_single_negation_reads_as_opposed():
    assert cues("The party will not finish first.")["opposed"] == 1.0


def test_a_claim_sharing_no_word_with_the_question_is_flagged():
    assert cues("Heavy rain flooded the streets.")["no_shared"] == 1.0


def test_waiting_and_conditional_words_are_counted():
    row = cues("We will wait and judge if the polls move.")
    assert row["waiting"] == 2 and row["conditional"] == 1


def test_the_transformer_gives_one_row_per_pair_even_for_empty_text():
    pairs = np.array([[QUESTION, ""], [QUESTION, "They will win."]], dtype=object)
    assert RelativeCues().fit(pairs).transform(pairs).shape == (2, len(COLUMNS))


def test_words_the_question_uses_are_masked_in_the_claim():
    assert masked_claim(QUESTION, "The Conservatives will not win.") == (
        "the qword will not qword")


def test_masked_terms_give_one_row_per_pair():
    pairs = np.array([[QUESTION, "They will not win."], [QUESTION, ""]], dtype=object)
    assert MaskedClaimTerms(min_df=1).fit(pairs).transform(pairs).shape[0] == 2
