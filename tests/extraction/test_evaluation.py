from hypothesis import given
from hypothesis import strategies as st

from forecasts.extraction.evaluation import pairs_match, quotes_match, score_pairs


def test_quote_marks_case_and_spacing_do_not_matter():
    assert quotes_match("We’re  very\npatient,", '"we\'re very patient"')


def test_a_reported_clause_one_word_longer_still_matches():
    assert quotes_match("the talks had failed badly there", "the talks had failed badly")


def test_a_different_speaker_never_matches():
    assert not pairs_match(("Peter Smith", "The talks failed"), ("John Smith", "The talks failed"))


def test_precision_and_recall_count_each_gold_pair_once():
    gold = [("A B", "one two three four"), ("C D", "five six seven eight")]
    score = score_pairs([("A B", "one two three four"), ("A B", "one two three four")], gold)
    assert (score.precision, score.recall) == (0.5, 0.5)


@given(st.text(min_size=1))
def test_a_text_always_matches_itself(text):
    assert quotes_match(text, text)
