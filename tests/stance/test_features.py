import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from forecasts.stance.features import (
    MAX_TEXT_CHARS,
    ClaimTerms,
    PairFeatures,
    as_pairs,
    clean_text,
    negation_near_overlap,
    polarity_features,
    profile,
)

TALKS_QUESTION = "Will senior U.S. and Russian officials hold a new round of talks on security?"
NO_TALKS = "Peskov told journalists no further talks with the U.S. were in the pipeline."
MORE_TALKS = "Galeotti expects fresh rounds of talks between Russian and U.S. officials soon."
UNRELATED = "The football club signed a new striker from Brazil for the coming season."

CORPUS = as_pairs(
    [TALKS_QUESTION, TALKS_QUESTION, TALKS_QUESTION, "Will Russia invade Ukraine?"],
    [NO_TALKS, MORE_TALKS, UNRELATED, "The risk of war is real, Stanovaya said."],
)


def fitted() -> PairFeatures:
    return PairFeatures(lsa_components=3, lsa_output=2).fit(CORPUS)


def test_negation_cue_fires_for_no_further_talks_against_a_new_round():
    assert negation_near_overlap(profile(TALKS_QUESTION), profile(NO_TALKS)) >= 1


def test_negation_cue_stays_silent_for_a_claim_that_agrees():
    assert negation_near_overlap(profile(TALKS_QUESTION), profile(MORE_TALKS)) == 0


def test_polarity_flip_marks_a_negated_claim_against_a_plain_question():
    flip = polarity_features(profile(TALKS_QUESTION), profile(NO_TALKS))[2]
    assert flip == 1.0


def test_word_cosine_is_higher_for_a_related_pair_than_an_unrelated_one():
    rows = fitted().transform(as_pairs([TALKS_QUESTION] * 2, [MORE_TALKS, UNRELATED]))
    assert rows[0, 0] > rows[1, 0]


def test_char_cosine_is_higher_for_a_related_pair_than_an_unrelated_one():
    rows = fitted().transform(as_pairs([TALKS_QUESTION] * 2, [NO_TALKS, UNRELATED]))
    assert rows[0, 2] > rows[1, 2]


def test_features_have_one_row_per_pair_and_are_finite():
    rows = fitted().transform(CORPUS)
    assert rows.shape[0] == len(CORPUS)
    assert np.isfinite(rows).all()


def test_features_of_a_pair_do_not_depend_on_the_rest_of_the_batch():
    model = fitted()
    alone = model.transform(CORPUS[:1])
    batch = model.transform(CORPUS)
    np.testing.assert_allclose(alone[0], batch[0], rtol=1e-5, atol=1e-6)


def test_unseen_words_and_empty_texts_still_give_finite_features():
    rows = fitted().transform(as_pairs(["", "Будут ли переговоры?"], ["", "Переговоров не будет."]))
    assert np.isfinite(rows).all()


def test_claim_terms_are_sparse_rows_per_pair():
    terms = ClaimTerms(min_df=1, with_question=True).fit(CORPUS)
    assert terms.transform(CORPUS).shape[0] == len(CORPUS)


def test_claim_character_terms_add_columns():
    words = ClaimTerms(min_df=1).fit(CORPUS).transform(CORPUS)
    both = ClaimTerms(min_df=1, with_chars=True).fit(CORPUS).transform(CORPUS)
    assert both.shape[1] > words.shape[1]


def test_clean_text_truncates_very_long_claims():
    assert len(clean_text("x" * (MAX_TEXT_CHARS * 5))) == MAX_TEXT_CHARS


def test_clean_text_turns_contractions_into_not():
    assert "not" in clean_text("These talks aren't over").split()


def test_as_pairs_rejects_mismatched_lengths():
    with np.testing.assert_raises(ValueError):
        as_pairs(["q1", "q2"], ["c1"])


@given(st.lists(st.one_of(st.none(), st.text(max_size=200), st.integers()), min_size=1,
                max_size=5))
def test_any_input_becomes_strings(values):
    pairs = as_pairs(values, values)
    assert all(isinstance(text, str) for text in pairs.ravel())


def test_words_never_seen_in_training_still_make_texts_similar():
    open_cosine = 3  # word, LSA, character, then open-vocabulary cosine
    rows = fitted().transform(as_pairs(["Will Zelensky meet Erdogan in Ankara?"] * 2,
                                       ["Zelensky and Erdogan met in Ankara.", UNRELATED]))
    assert rows[0, open_cosine] > 0.3 > rows[1, open_cosine]
