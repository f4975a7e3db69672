import csv
import statistics
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forecasts.stance.hedges import (
    DEFAULT_SCALE_PATH,
    HEDGE_CUE_NAMES,
    ScaleError,
    available_scales,
    default_scale,
    find_hedge,
    hedge_cues,
    implied_p_yes,
    load_scale,
)

CAPPHRASE = Path(__file__).resolve().parents[2].parent / "shared/datasets/wep/capphrase-kucharski"

PHRASE_BANDS = [
    ("Talks will almost certainly resume.", 0.93, 0.97),
    ("An offensive is highly likely.", 0.85, 0.92),
    ("There is a very good chance of a cut.", 0.75, 0.85),
    ("A cut is likely by June.", 0.70, 0.80),
    ("A deal is probably done by Friday.", 0.70, 0.80),
    ("Escalation is a realistic possibility.", 0.55, 0.65),
    ("A new round of talks may happen.", 0.35, 0.45),
    ("A ceasefire is unlikely.", 0.15, 0.25),
    ("There is little chance of a guarantee.", 0.05, 0.15),
    ("A guarantee is highly unlikely.", 0.03, 0.08),
    ("There is almost no chance of that.", 0.0, 0.05),
    ("The risk of war is real.", 0.6, 0.7),
    ("It is a real risk for the region.", 0.55, 0.65),
    ("The recession is inevitable now.", 0.95, 0.99),
    ("Approval is all but certain.", 0.9, 0.95),
    ("A guarantee is out of the question.", 0.0, 0.05),
    ("There is no doubt they will meet again.", 0.95, 0.99),
    ("Rates are bound to fall.", 0.9, 0.95),
    ("A snap election is on the cards.", 0.6, 0.7),
    ("A breakthrough is a remote possibility.", 0.03, 0.08),
    ("Frankly, the vote is a coin flip.", 0.45, 0.55),
    ("The summit will take place in Geneva.", 0.85, 0.92),
    ("The bank is expected to cut in June.", 0.7, 0.8),
    ("There is a chance the talks resume.", 0.35, 0.45),
    ("These talks are far from over.", 0.75, 0.85),
    ("A second round can't be ruled out.", 0.3, 0.4),
    ("Membership was ruled out by the summit.", 0.0, 0.05),
    ("There is no chance of a guarantee.", 0.0, 0.02),
    ("An invasion is not unlikely.", 0.55, 0.65),
    ("A return to conflict is now more likely than ever.", 0.8, 0.85),
]


@pytest.mark.parametrize(("text", "low", "high"), PHRASE_BANDS)
def test_it_maps_a_hedge_phrase_into_its_band(text, low, high):
    assert low <= find_hedge(text).probability <= high


NEGATIONS = [
    ("War is likely.", "War is not likely.", True),
    ("A cut is expected.", "I don't expect a cut.", True),
    ("A deal is likely.", "A deal is far from likely.", True),
    ("An offensive is probable.", "I don't think an offensive is probable.", True),
    ("Talks will resume.", "Talks won't resume.", False),
    ("Talks will resume.", "Talks will not resume.", False),
]


@pytest.mark.parametrize(("plain", "negated", "flag"), NEGATIONS)
def test_negation_flips_the_phrase_to_the_other_side_of_even(plain, negated, flag):
    flipped = find_hedge(negated)
    assert (flipped.probability - 0.5) * (find_hedge(plain).probability - 0.5) < 0
    assert flipped.negated is flag


@pytest.mark.parametrize("scale_name", available_scales())
def test_every_shipped_phrase_is_found_in_a_sentence(scale_name):
    scale = default_scale(scale_name)
    phrases = [e.phrase for e in scale.entries]
    sentences = {p: f"They said: {p.replace('...', 'of war')}." for p in phrases}
    missed = [phrase for phrase, text in sentences.items() if find_hedge(text, scale) is None]
    assert missed == []


def test_will_never_reads_like_wont():
    assert find_hedge("NATO will never hand Moscow a veto.").probability == 0.1


def test_plain_over_is_no_hedge_but_not_over_leans_yes():
    assert find_hedge("These talks are over.") is None
    assert find_hedge("These talks aren\u2019t over.").probability > 0.5


def test_double_negation_cancels_out():
    hedge = find_hedge("I don't think it's not likely.")
    assert hedge.negated is False
    assert hedge.probability == find_hedge("It's likely.").probability


def test_not_unlikely_is_weaker_than_likely_but_above_even():
    litotes = find_hedge("war is not unlikely").probability
    assert 0.5 < litotes < find_hedge("war is likely").probability


def test_negated_certainty_reads_as_open_not_as_impossible():
    assert find_hedge("I am not sure it will happen.").probability == pytest.approx(0.5)


def test_ruled_out_negated_reads_as_a_possibility():
    assert find_hedge("A strike hasn't been ruled out.").probability == pytest.approx(0.35)


@pytest.mark.parametrize("word", ["very", "highly", "extremely", "increasingly"])
@pytest.mark.parametrize("phrase", ["likely", "unlikely", "probable", "improbable"])
def test_an_intensifier_moves_the_phrase_toward_its_extreme(word, phrase):
    base = find_hedge(f"It is {phrase}.").probability
    stronger = find_hedge(f"It is {word} {phrase}.")
    assert abs(stronger.probability - 0.5) > abs(base - 0.5)


@pytest.mark.parametrize("word", ["very", "extremely", "increasingly"])
def test_an_intensifier_outside_the_scale_is_reported(word):
    assert find_hedge(f"It is {word} likely.").intensifier == word


def test_an_intensified_phrase_on_the_scale_reads_its_own_row():
    hedge = find_hedge("It is highly likely.")
    assert (hedge.entry, hedge.intensifier, hedge.probability) == ("highly likely", None, 0.9)


def test_a_negated_intensified_phrase_reads_as_the_plain_negation():
    assert find_hedge("not very likely").probability == find_hedge("not likely").probability


def test_the_longest_phrase_wins():
    hedge = find_hedge("It is highly unlikely, though likely to be discussed.")
    assert hedge.entry == "highly unlikely"


def test_a_bare_modal_yields_to_another_phrase():
    assert find_hedge("It will probably happen.").entry == "probable"


def test_political_will_is_not_a_forecast():
    assert find_hedge("There is no political will in Brussels.") is None


@pytest.mark.parametrize(
    "text", ["UNLIKELY", "Unlikely", "unLikely", "Highly Likely", "ALMOST CERTAINLY"]
)
def test_matching_is_case_insensitive(text):
    assert find_hedge(text) is not None


@pytest.mark.parametrize(
    "text", ["unlikelyhood", "likelyish", "willing", "mayor", "couldron", "surely"]
)
def test_phrases_match_whole_words_only(text):
    assert find_hedge(text) is None


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_curly_and_straight_apostrophes_read_the_same(apostrophe):
    hedge = find_hedge(f"A deal can{apostrophe}t be ruled out.")
    assert hedge.phrase == f"can{apostrophe}t be ruled out"
    assert hedge.probability == pytest.approx(0.35)


@pytest.mark.parametrize(
    "text",
    [
        "Ryabkov said talks were unlikely before March.",
        "\u201cThese talks aren\u2019t over,\u201d said Galeotti.",
        "Peskov: no further talks are in the pipeline.",
        "It is very likely, she said.",
        "I don't think war is likely.",
    ],
)
def test_offsets_point_at_the_phrase_in_the_text(text):
    hedge = find_hedge(text)
    assert text[hedge.start : hedge.end] == hedge.phrase


def test_offsets_include_the_negator_and_the_intensifier():
    hedge = find_hedge("Honestly, it is not very likely.")
    assert (hedge.phrase, hedge.start, hedge.end) == ("not very likely", 16, 31)


def test_it_returns_none_when_there_is_no_hedge():
    assert find_hedge("The delegation arrived in Geneva on Monday.") is None


def test_it_rejects_text_that_is_not_a_string():
    with pytest.raises(TypeError, match="text must be a str"):
        find_hedge(None)


def test_it_reports_the_scale_and_source_that_decided():
    hedge = find_hedge("A cut is likely.")
    assert (hedge.scale_name, hedge.entry) == ("capphrase", "likely")
    assert "10.5281/zenodo.18750055" in hedge.source


@pytest.mark.parametrize(
    ("name", "expected"),
    [("capphrase", 0.75), ("icd-203", 0.675), ("ipcc-ar5-ar6", 0.83), ("uk-phia", 0.65)],
)
def test_a_scale_can_be_chosen_by_name(name, expected):
    hedge = find_hedge("A cut is likely.", default_scale(name))
    assert (hedge.scale_name, hedge.probability) == (name, pytest.approx(expected))


def test_a_chosen_scale_falls_back_to_the_survey_then_the_project_phrases():
    icd = default_scale("icd-203")
    assert find_hedge("a very good chance", icd).scale_name == "capphrase"
    assert find_hedge("the risk is real", icd).scale_name == "project"


def test_every_project_phrase_cites_its_anchor():
    rows = [e for e in load_scale(name="project").entries if e.scale == "project"]
    assert all(e.source.startswith("team judgement, anchored to") for e in rows)


def test_the_shipped_scales_include_the_official_ones():
    assert {"capphrase", "icd-203", "ipcc-ar5-ar6", "uk-phia", "project"} <= set(available_scales())


def test_every_shipped_row_has_a_band_around_its_probability():
    entries = [e for name in available_scales() for e in load_scale(name=name).entries]
    assert all(e.low <= e.probability <= e.high and e.source for e in entries)


@pytest.mark.skipif(not CAPPHRASE.exists(), reason="needs ../shared/datasets/wep")
def test_the_shipped_survey_medians_match_the_capphrase_data():
    with open(CAPPHRASE / "absolute_judgements.csv", newline="") as handle:
        likely = [float(r["probability"]) for r in csv.DictReader(handle) if r["term"] == "Likely"]
    assert load_scale().lookup("likely").probability == statistics.median(likely) / 100


HEADER = "scale,phrase,probability,low,high,source\n"


def write_scale(tmp_path, text):
    path = tmp_path / "scale.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_it_names_the_missing_columns_of_a_scale_file(tmp_path):
    path = write_scale(tmp_path, "scale,phrase,probability\nx,likely,0.7\n")
    with pytest.raises(ScaleError, match="missing columns: low, high, source"):
        load_scale(path, "x")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x,likely,abc,0.6,0.8,s", "line 2: probability 'abc' is not a number"),
        ("x,likely,1.7,0.6,0.8,s", "line 2: probability 1.7 is outside"),
        ("x,,0.7,0.6,0.8,s", "line 2: empty phrase"),
    ],
)
def test_it_rejects_a_bad_scale_row_with_its_line(tmp_path, row, message):
    path = write_scale(tmp_path, f"{HEADER}{row}\n")
    with pytest.raises(ScaleError, match=message):
        load_scale(path, "x")


def test_it_rejects_an_unknown_scale_name(tmp_path):
    path = write_scale(tmp_path, HEADER + "x,likely,0.7,0.6,0.8,s\n")
    with pytest.raises(ScaleError, match="unknown scale 'nope'; available: x"):
        load_scale(path, "nope")


def test_it_rejects_a_missing_scale_file(tmp_path):
    with pytest.raises(ScaleError, match="cannot read scale file"):
        load_scale(tmp_path / "absent.csv")


def test_a_custom_scale_file_is_used(tmp_path):
    path = write_scale(tmp_path, HEADER + "x,tidy odds,0.7,0.6,0.8,s\n")
    assert find_hedge("Tidy odds on a cut.", load_scale(path, "x")).probability == 0.7


def test_the_default_scale_file_ships_with_the_project():
    assert DEFAULT_SCALE_PATH.exists()


IMPLIED = [
    ("agree", "A cut is likely.", 0.75, "phrase"),
    ("agree", "Talks will almost certainly resume.", 0.95, "phrase"),
    ("disagree", "The talks will almost certainly fail.", 0.02, "phrase_mirror"),
    ("disagree", "A guarantee is unlikely.", 0.2, "phrase"),
    ("disagree", "Talks won't resume.", 0.1, "phrase"),
    ("disagree", "I don't see it; the talks are likely to collapse.", 0.2, "phrase_mirror"),
    ("disagree", "It's a coin flip.", 0.5, "phrase"),
]


@pytest.mark.parametrize(("stance", "text", "expected", "basis"), IMPLIED)
def test_implied_probability_reads_the_phrase_or_its_mirror(stance, text, expected, basis):
    implied = implied_p_yes(stance, find_hedge(text), 0.9)
    assert (implied.probability, implied.basis) == (pytest.approx(expected), basis)


def test_the_mirror_for_disagree_uses_the_antonym_on_the_same_scale():
    hedge = find_hedge("Talks are very likely to fail.", default_scale("icd-203"))
    implied = implied_p_yes("disagree", hedge, 0.8)
    assert (implied.probability, implied.scale_name) == (pytest.approx(0.125), "icd-203")


@pytest.mark.parametrize(("stance", "expected"), [("agree", 0.82), ("disagree", 0.18)])
def test_without_a_phrase_it_falls_back_to_the_classifier_and_says_so(stance, expected):
    implied = implied_p_yes(stance, None, 0.8)
    assert implied.probability == pytest.approx(expected)
    assert implied.basis == "classifier_confidence"
    assert "no hedge phrase" in implied.reason


def test_an_agree_claim_whose_phrase_reads_far_below_even_falls_back_to_the_classifier():
    implied = implied_p_yes("agree", find_hedge("They won't sit back and watch."), 0.5)
    assert (implied.probability, implied.basis) == (pytest.approx(0.7), "classifier_confidence")
    assert implied.reason.startswith("'won't' (0.10) contradicts agree; classifier")


def test_an_agree_claim_with_a_possibility_phrase_keeps_its_literal_reading():
    implied = implied_p_yes("agree", find_hedge("An attack could come in February."), 0.9)
    assert (implied.probability, implied.basis) == (0.4, "phrase")


@pytest.mark.parametrize("stance", ["neutral", "unrelated"])
def test_neutral_and_unrelated_claims_are_not_forecasts(stance):
    implied = implied_p_yes(stance, find_hedge("It is likely."), 0.9)
    assert (implied.probability, implied.basis) == (None, "no_forecast")


def test_it_rejects_an_unknown_stance():
    with pytest.raises(ValueError, match="stance must be one of"):
        implied_p_yes("discuss", None, 0.5)


@pytest.mark.parametrize("confidence", [-0.1, 1.5])
def test_it_rejects_a_confidence_outside_the_unit_interval(confidence):
    with pytest.raises(ValueError, match="outside"):
        implied_p_yes("agree", None, confidence)


def test_hedge_cues_have_stable_names():
    assert tuple(hedge_cues("It is not likely.")) == HEDGE_CUE_NAMES


def test_hedge_cues_describe_a_negated_low_phrase():
    cues = hedge_cues("It is not likely, and never was.")
    assert (cues["has_hedge"], cues["hedge_leans_no"], cues["hedge_negated"]) == (1.0, 1.0, 1.0)
    assert cues["negator_count"] == 2.0


def test_hedge_cues_are_neutral_without_a_phrase():
    cues = hedge_cues("The delegation arrived on Monday.")
    observed = (cues["has_hedge"], cues["hedge_probability"], cues["hedge_certainty"])
    assert observed == (0.0, 0.5, 0.0)


HEDGY_WORDS = st.sampled_from(
    ["not", "likely", "unlikely", "very", "won't", "will", "can\u2019t", "be", "ruled", "out", "no",
     "chance", "far", "from", "over", "more", "than", "ever", ",", "the", "risk", "is", "real"]
)


@given(st.lists(HEDGY_WORDS, max_size=12).map(" ".join))
def test_a_hedge_probability_is_always_a_probability(text):
    cues = hedge_cues(text)
    assert 0.0 <= cues["hedge_probability"] <= 1.0


@given(st.lists(HEDGY_WORDS, max_size=12).map(" ".join))
def test_upper_case_text_reads_the_same(text):
    assert hedge_cues(text.upper()) == hedge_cues(text)


@given(st.text(max_size=200))
def test_it_never_crashes_on_arbitrary_unicode(text):
    cues = hedge_cues(text)
    assert all(0.0 <= cues[name] <= 1.0 for name in HEDGE_CUE_NAMES if name != "negator_count")


@given(st.lists(HEDGY_WORDS, min_size=1, max_size=12).map(" ".join), st.floats(0, 1))
def test_implied_probability_is_always_a_probability(text, confidence):
    for stance in ("agree", "disagree"):
        assert 0.0 <= implied_p_yes(stance, find_hedge(text), confidence).probability <= 1.0


def test_the_dots_of_an_abbreviation_do_not_end_the_negated_clause():
    assert find_hedge("I do not think the U.S. is likely to sign.").negated


CONSTRUCTIONS = [
    # negated belief and sight frames
    ("I don't see senior officials meeting again before spring.", 0.15),
    ("I can't see either leader surviving the winter.", 0.15),
    ("I don't see how the coalition survives the budget.", 0.15),
    ("I don't think the incumbent can hold off the challenger.", 0.15),
    # bets
    ("I wouldn't bet on Finland completing accession this year.", 0.2),
    ("I wouldn't bet against a cut in June.", 0.8),
    # surprise frames, with and without a negation in the complement
    ("I'd be surprised if Commerce didn't update the rules.", 0.85),
    ("It would be surprising if the bank did not ease.", 0.85),
    ("I'd be amazed if they didn't sign.", 0.85),
    ("I would be astonished if the court did not rule by June.", 0.85),
    ("It would surprise me if Stockholm were still waiting.", 0.15),
    ("I'd be surprised if a deal happened before May.", 0.15),
    ("I wouldn't be surprised if they cut rates.", 0.7),
    ("I wouldn't be surprised to see a snap election.", 0.7),
    ("It would come as no surprise if the talks resumed.", 0.7),
    ("I wouldn't be surprised if they didn't move at all.", 0.3),
    # hard to imagine / hard to see
    ("It's hard to imagine the House failing to pass the bill.", 0.85),
    ("It's hard to imagine the Americans not coming back.", 0.85),
    ("It is difficult to envisage a ceasefire this year.", 0.15),
    ("It's hard to see how Kyiv accepts those terms.", 0.15),
    ("It's hard to see how 2023 doesn't end up as the warmest year.", 0.85),
    ("I can't see them not signing.", 0.85),
    # idioms
    ("The bid is a long shot.", 0.1),
    ("The merger is a done deal.", 0.95),
    ("Sanctions relief is off the table.", 0.05),
    ("The race is too close to call.", 0.5),
    ("The incumbent is in real danger of losing.", 0.65),
    # odds in words
    ("The chances of a formal agreement are slim.", 0.1),
    ("The odds of a breakthrough are remote.", 0.05),
    ("The chance of easing is small.", 0.15),
    ("The likelihood of a strike is low.", 0.15),
    ("The odds of a cut are high.", 0.8),
    ("The odds of a cut are very high.", 0.9),
    # the plain future with 'going to'
    ("The Fed is going to start lifting rates next month.", 0.9),
    ("Ankara's objections are not going to hold up Finnish membership.", 0.1),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS)
def test_it_reads_common_constructions_of_a_forecast(text, expected):
    assert find_hedge(text).probability == pytest.approx(expected)
    assert hedge_cues(text)["has_hedge"] == 1.0


NEAR_MISSES = [
    "Inflation of 80 per cent hit savers hard.",
    "I see the point of the sanctions.",
    "I don't see the point of the sanctions.",
    "I don't see anything wrong with the bill.",
    "She was surprised by the result.",
    "He was surprised to see the result.",
    "The delegation is going to Geneva.",
    "Ministers are going to the summit in Vilnius.",
    "The team scored 3 in 4 matches.",
    "Traders price the chance of 3 to 4 hikes this year.",
    "The probability of a rise of 80 per cent worries savers.",
    "Turnout was above 90 percent.",
    "The shot was long.",
    "The deal was done on Friday.",
    "The table was set for talks.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_look_alikes_of_those_constructions_are_no_hedge(text):
    assert find_hedge(text) is None


STATED_ODDS = [
    ("The chances of a formal agreement are better than nine in ten.", 0.95),
    ("The odds of a deal are no better than one in three.", 1 / 3 - 0.05),
    ("The probability of a default is above 90 percent.", 0.95),
    ("There is a 70% chance of a cut.", 0.7),
    ("There is a 70 per cent chance of a cut.", 0.7),
    ("Markets see a one-in-four chance of a hike.", 0.25),
    ("I'd put it at one in four.", 0.25),
    ("The odds of a deal stand at 30 percent.", 0.3),
    ("The odds are 10 to 1 against.", 1 / 11),
    ("The odds are 3-to-1 on.", 0.75),
    ("It's a 60-40 chance.", 0.6),
    ("Talks are 80 per cent likely to resume.", 0.8),
    ("The likelihood is under 5 percent.", 0.025),
    ("The chance of a hike is less than one in a hundred.", 0.005),
]


@pytest.mark.parametrize(("text", "expected"), STATED_ODDS)
def test_it_reads_odds_stated_as_figures_beside_a_probability_word(text, expected):
    hedge = find_hedge(text)
    assert hedge.probability == pytest.approx(expected, abs=1e-6)
    assert (hedge.scale_name, hedge.entry) == ("stated", "stated odds")


def test_stated_odds_win_over_a_phrase_in_the_same_claim():
    assert find_hedge("A deal is unlikely: I'd put it at 30 percent.").probability == 0.3


def test_a_negation_turns_a_floor_on_stated_odds_into_a_cap():
    hedge = find_hedge("I don't think the chances are better than one in three.")
    assert hedge.probability == pytest.approx(1 / 3 - 0.05, abs=1e-6)
    assert hedge.negated is True


def test_stated_odds_report_the_words_that_state_them():
    text = "Frankly, the odds of a deal are better than nine in ten."
    hedge = find_hedge(text)
    assert hedge.phrase == "odds of a deal are better than nine in ten"
    assert text[hedge.start : hedge.end] == hedge.phrase


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I'd be surprised if Commerce didn't update the rules.", "be surprised if Commerce didn't"),
        ("I don't see senior officials meeting again.", "don't see senior officials meeting"),
        ("It's hard to imagine the House failing to pass it.", "hard to imagine the House failing"),
        ("The bid is no longer a long shot.", "no longer a long shot"),
    ],
)
def test_the_reported_phrase_is_the_text_that_decided(text, phrase):
    hedge = find_hedge(text)
    assert hedge.phrase == phrase
    assert text[hedge.start : hedge.end] == phrase


def test_a_negation_in_the_complement_reads_the_other_side_and_is_flagged():
    plain = find_hedge("I'd be surprised if they signed.")
    negated = find_hedge("I'd be surprised if they didn't sign.")
    assert negated.probability == pytest.approx(1 - plain.probability)
    assert negated.mirror_probability == pytest.approx(plain.probability)
    assert (plain.complement_negated, negated.complement_negated) == (False, True)
    assert hedge_cues("I'd be surprised if they didn't sign.")["hedge_negated"] == 1.0


def test_a_negation_after_the_complement_clause_is_not_read():
    hedge = find_hedge("I'd be surprised if they signed, but nobody knows.")
    assert hedge.probability == pytest.approx(0.15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nobody would be surprised if they cut.", 0.7),  # the antonym row
        ("Don't be surprised if rates rise.", 0.7),
        ("It's not hard to imagine a war.", 0.6),  # antonym: realistic possibility
        ("The bid is no longer a long shot.", 0.6),  # antonym: real possibility
        ("The merger is not a done deal.", 0.5),  # antonym: uncertain
        ("A strike is not off the table.", 0.35),  # antonym: not out of the question
    ],
)
def test_a_negated_construction_reads_its_mirror(text, expected):
    assert find_hedge(text).probability == pytest.approx(expected)


def test_a_belief_frame_yields_to_the_hedge_of_its_clause():
    assert find_hedge("I don't think war is likely.").probability == pytest.approx(0.2)
    assert find_hedge("I don't think war is likely.").entry == "likely"


def test_an_intensifier_inside_a_phrase_moves_it_toward_its_extreme():
    assert find_hedge("The risk of war is very real.").probability > find_hedge(
        "The risk of war is real."
    ).probability
    assert find_hedge("The odds of a deal are very slim.").intensifier == "very"


def test_going_to_yields_to_another_phrase():
    assert find_hedge("It is probably going to rain.").entry == "probable"


def test_a_belief_frame_yields_to_the_modal_it_negates():
    hedge = find_hedge("I don't think Riyadh will sign anything.")
    assert (hedge.entry, hedge.phrase, hedge.probability) == ("will", "don't think Riyadh will", 0.1)


@pytest.mark.parametrize(
    "text",
    [
        "It's hard to see the agency refusing a conversion after such a clean trial.",
        "I can't see the Senate blocking the treaty.",
        "It's hard to imagine them avoiding a recession.",
    ],
)
def test_a_thwarting_verb_in_the_complement_reads_like_a_negation(text):
    assert find_hedge(text).probability == pytest.approx(0.85)


def test_a_claim_is_read_once_on_the_default_scale():
    text = "I'd be surprised if the talks resumed before March."
    assert find_hedge(text) is find_hedge(text)
    assert find_hedge(text, default_scale("icd-203")) is not find_hedge(text)


@pytest.mark.parametrize("text", [
    "No further talks with the U.S. are in the pipeline.",
    "Nobody in Brussels who follows the file expects a deal this year.",
    "Nothing in the minutes of the last two meetings suggests a cut is likely.",
])
def test_a_negated_subject_negates_the_phrase_however_long_the_subject(text):
    hedge = find_hedge(text)
    assert hedge.negated and hedge.probability < 0.5
    assert hedge.phrase.split()[0] in {"No", "Nobody", "Nothing"}


def test_a_no_that_answers_rather_than_negates_a_subject_leaves_the_phrase_alone():
    assert not find_hedge("No, the bank will almost certainly hike.").negated
