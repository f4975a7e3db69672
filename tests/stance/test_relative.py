import numpy as np

from forecasts.stance.relative import (
    OPPOSITES,
    MaskedClaimTerms,
    RelativeCues,
    masked_claim,
    negation_marked,
    relative_row,
    rival_outcome,
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
    assert RelativeCues().fit(pairs).transform(pairs).shape == (2, len(COLUMNS) + 1)


def test_words_the_question_uses_are_masked_in_the_claim():
    assert masked_claim(QUESTION, "They will not win the seats.") == "they will not qword the qword"


def test_names_are_masked_apart_from_other_shared_words():
    assert masked_claim(QUESTION, "The Conservatives and Labour will win.") == (
        "the qname and oname will qword")


def test_a_rival_named_as_winner_is_flagged():
    assert rival_outcome(QUESTION, "Labour will win a landslide.") == 1.0


def test_the_questions_own_party_winning_is_not_a_rival():
    assert rival_outcome(QUESTION, "The Conservatives will win a landslide.") == 0.0


def test_a_rival_that_will_not_win_is_not_flagged():
    assert rival_outcome(QUESTION, "Labour will not win.") == 0.0


def test_no_rival_is_read_when_the_question_asks_about_no_win():
    assert rival_outcome("Will inflation fall below 3%?", "Labour will win.") == 0.0


def test_masked_terms_give_one_row_per_pair():
    pairs = np.array([[QUESTION, "They will not win."], [QUESTION, ""]], dtype=object)
    assert MaskedClaimTerms(min_df=1).fit(pairs).transform(pairs).shape[0] == 2


def test_a_rivals_win_reads_as_opposed_to_the_question():
    assert cues("Labour will win a landslide.")["opposed"] == 1.0


def test_words_after_a_negation_are_marked_up_to_the_end_of_the_clause():
    assert negation_marked("they will not win it , but we will".split()) == [
        "they", "will", "not", "neg_win", "neg_it", "but", "we", "will"]


def test_a_second_negation_in_the_clause_lifts_the_mark():
    assert negation_marked("nobody can not see it".split()) == [
        "nobody", "neg_can", "not", "see", "it"]


def test_negation_scope_marks_masked_question_words_in_the_claim():
    masked = masked_claim(QUESTION, "The Conservatives will not win, and Labour will.",
                          negation_scope=True)
    assert "neg_qword" in masked.split()
    assert "," not in masked


def test_masked_terms_pickled_before_the_negation_scope_option_still_transform():
    terms = MaskedClaimTerms(min_df=1).fit(np.array([[QUESTION, "They will not win."]],
                                                    dtype=object))
    del terms.negation_scope
    assert terms.transform(np.array([[QUESTION, "They will win."]], dtype=object)).shape[0] == 1
