import numpy as np
import scipy.sparse as sp

from forecasts.stance.features import ClaimTerms
from forecasts.stance.relative import (
    GatedTerms,
    MaskedClaimTerms,
    RelativeCues,
    masked_claim,
    scoped_relative_row,
)
from forecasts.stance.scope import clauses, scoped_cues, topic_stems

WAR = "Will Russia launch a large-scale military offensive into Ukraine before 2022-06-30?"
TALKS = "Will U.S. and Russian officials hold a new round of talks before 2022-02-28?"
NATO = "Will NATO formally guarantee that Ukraine and Georgia will never be admitted?"


def test_clauses_split_at_sentence_ends_and_conjunctions_but_not_at_initials():
    assert clauses("The U.S. team left. It may return when talks resume.") == [
        "The U.S. team left", "It may return", "talks resume"]


def test_a_thwarting_word_about_something_else_does_not_oppose_the_event():
    cues = scoped_cues(WAR, "A war is likely, and the odds rise whenever diplomacy fails.")
    assert cues.thwarting == 0 and not cues.opposed and cues.signed_lean > 0


def test_a_thwarting_word_in_a_clause_about_the_event_opposes_it():
    cues = scoped_cues(WAR, "The invasion plans were abandoned last week.")
    assert cues.thwarting == 1 and cues.opposed


def test_a_word_of_the_same_topic_family_makes_a_clause_about_the_question():
    assert scoped_cues(TALKS, "The negotiations will not resume.").negations == 1
    assert scoped_cues(TALKS, "The weather will not improve.").negations == 0


def test_a_negation_the_hedge_already_reads_is_not_counted_twice():
    cues = scoped_cues(WAR, "An invasion is not likely.")
    assert not cues.opposed and cues.signed_lean < 0


def test_a_claim_about_another_topic_family_only_is_flagged():
    assert scoped_cues(NATO, "The negotiations have stalled.").elsewhere
    assert not scoped_cues(NATO, "Ukraine's membership bid has stalled.").elsewhere
    assert not scoped_cues(NATO, "It rained all week.").elsewhere  # no topic at all: unknown


def test_topic_stems_add_the_whole_family():
    assert {"invas", "war", "troop"} <= topic_stems({"offen"})


def test_scoped_rows_have_one_column_more_than_the_length_they_drop():
    row = scoped_relative_row(WAR, "Troops will not cross the border.")
    assert len(row) == 13 and row[0] == 1


def test_masking_with_topics_masks_words_of_the_question_topic_family():
    claim = "A war is coming."
    assert "qword" in masked_claim(WAR, claim, topics=True).split()
    assert "qword" not in masked_claim(WAR, claim).split()


def test_scoped_relative_cues_transform_every_pair():
    pairs = np.array([[WAR, ""], [WAR, "War will come."]], dtype=object)
    assert RelativeCues(scoped=True).fit(pairs).transform(pairs).shape == (2, 14)


def test_gated_terms_scale_down_only_claims_about_another_topic():
    pairs = np.array([[NATO, "The negotiations have stalled."],
                      [NATO, "Ukraine's membership bid has stalled."]], dtype=object)
    plain = ClaimTerms(min_df=1).fit(pairs).transform(pairs)
    gated = GatedTerms(ClaimTerms(min_df=1), gate=0.25).fit(pairs).transform(pairs)
    assert sp.issparse(gated)
    assert np.allclose(gated[0].toarray(), 0.25 * plain[0].toarray())
    assert np.allclose(gated[1].toarray(), plain[1].toarray())


def test_an_event_said_to_have_ended_is_opposed():
    assert scoped_cues(TALKS, "The negotiations in Geneva have ended.").opposed


def test_cue_blocks_pickled_before_their_options_existed_still_transform():
    pairs = np.array([[WAR, "War will come."]], dtype=object)
    cues, masked = RelativeCues(scoped=True), MaskedClaimTerms(min_df=1, topics=True).fit(pairs)
    del cues.scoped, masked.topics  # as unpickled from an older artifact
    assert cues.fit(pairs).transform(pairs).shape == (1, 14)
    assert masked.transform(pairs).shape[0] == 1


def test_the_words_of_a_hedge_phrase_are_not_counted_as_flips():
    ruled_out = scoped_cues(TALKS, "New talks are ruled out.")
    assert not ruled_out.opposed and ruled_out.signed_lean < 0  # "ruled" read once, by the hedge
    more_likely = scoped_cues(WAR, "An invasion is more likely than not.")
    assert not more_likely.opposed and more_likely.signed_lean > 0


def test_a_take_off_or_lift_off_does_not_thwart_the_event():
    assert not scoped_cues(WAR, "The offensive will lift off in spring.").opposed
