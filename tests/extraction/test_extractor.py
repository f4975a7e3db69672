"""One test per attribution pattern and per trap, on short hand-written snippets."""
import pytest

from forecasts.extraction import (
    MAX_INPUT_BYTES,
    ExtractionInputError,
    InputTooLargeError,
    extract_quotes,
)

INTRO = "Talks ended without agreement on Friday after three days of meetings in Geneva.\n\n"


def pairs(text: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.quote) for q in extract_quotes(text)]


def patterns(text: str) -> list[str]:
    return [q.pattern for q in extract_quotes(text)]


def test_it_attributes_a_quote_followed_by_said_name():
    text = INTRO + (
        "“The door is still open to further talks,” said Anna "
        "Berg, a analyst at the Nordic Institute."
    )
    assert pairs(text) == [("Anna Berg", "The door is still open to further talks")]
    assert patterns(text) == ["quote_said_name"]


def test_it_attributes_a_quote_followed_by_name_said():
    text = INTRO + "\"Nobody expected a breakthrough this week,\" Anna Berg said."
    assert pairs(text) == [("Anna Berg", "Nobody expected a breakthrough this week")]
    assert patterns(text) == ["quote_name_said"]


def test_it_reads_an_appositive_between_name_and_verb():
    text = INTRO + (
        '"Both sides will be back," Anna Berg, a senior fellow '
        'at the Nordic Institute, told Reuters.'
    )
    assert pairs(text) == [("Anna Berg", "Both sides will be back")]


def test_it_attributes_a_quote_introduced_by_name_said_colon():
    text = INTRO + (
        "Anna Berg, director of research at the Nordic Institute, "
        "said on Friday: “Expect another round soon.”"
    )
    assert pairs(text) == [("Anna Berg", "Expect another round soon.")]
    assert patterns(text) == ["name_said_quote"]


def test_it_attributes_a_possessive_organisation_name():
    text = INTRO + (
        "Anna Berg has followed the talks.\n\n\"These talks are "
        "far from over,\" said NORDI's Berg."
    )
    assert pairs(text) == [("Anna Berg", "These talks are far from over")]


def test_it_resolves_a_surname_and_strips_titles():
    text = INTRO + (
        "Russian Foreign Minister Sergei Lavrov spoke "
        "first.\n\n“Our patience has run out,” Lavrov said."
    )
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_as_written) == ("Sergei Lavrov", "Lavrov")


def test_it_resolves_a_pronoun_to_the_last_named_speaker():
    text = INTRO + "Anna Berg said the mood had soured. “Nobody trusts anybody now,” she said."
    assert pairs(text)[-1] == ("Anna Berg", "Nobody trusts anybody now")
    assert patterns(text)[-1] == "pronoun"


def test_a_quote_only_paragraph_continues_the_last_speaker():
    text = INTRO + "“The first round went badly,” said Anna Berg.\n\n“The second will be worse.”"
    assert pairs(text)[-1] == ("Anna Berg", "The second will be worse.")
    assert patterns(text)[-1] == "continuation"


def test_a_for_name_introduction_gives_the_next_paragraph_its_speaker():
    text = INTRO + (
        "For Anna Berg, founder of consultancy Nordpol, the week was "
        "ominous.\n\n“The risk of war is real now.”"
    )
    assert pairs(text) == [("Anna Berg", "The risk of war is real now.")]


def test_it_extracts_reported_speech_after_said_that():
    text = INTRO + "Anna Berg said that a new round of talks was likely within weeks."
    assert pairs(text) == [("Anna Berg", "a new round of talks was likely within weeks")]
    assert patterns(text) == ["reported_speech"]


def test_it_extracts_reported_speech_in_a_who_told_clause():
    text = INTRO + (
        "Kremlin spokesman Dmitry Peskov, who told journalists "
        "no new talks were planned, left early."
    )
    assert pairs(text) == [("Dmitry Peskov", "no new talks were planned")]


def test_it_extracts_reported_speech_with_a_trailing_attribution():
    text = INTRO + (
        "Anna Berg has studied sanctions for years.\n\nRate cuts "
        "are unlikely before the autumn, Berg said."
    )
    assert pairs(text) == [("Anna Berg", "Rate cuts are unlikely before the autumn")]


def test_it_handles_apostrophes_and_line_breaks_inside_quotes():
    text = INTRO + "“We’re very patient, but we don't\nwait forever,” Anna Berg\nsaid."
    assert pairs(text) == [("Anna Berg", "We’re very patient, but we don't\nwait forever")]


def test_it_joins_a_quote_split_around_the_attribution():
    text = INTRO + (
        '"Shipowners will not sail without cover," Anna Berg '
        'said, "and nobody has offered any."'
    )
    assert [quote for _, quote in pairs(text)] == [
        "Shipowners will not sail without cover",
        "and nobody has offered any.",
    ]


@pytest.mark.parametrize(
    "trap",
    [
        "Talks Collapse as Patience Runs Out\n\nBy Felix Light",
        "Related article: “Our patience has run out,” says Lavrov",
        "https://example.com/news/2022/01/14/talks-collapse-patience",
        "Photo: Sergei Lavrov speaks in Moscow. Press Service",
        "Other observers said “the talks never had a chance of success.”",
        '"Moscow has boxed itself in," one diplomat who asked not to be named told reporters.',
        "“Nobody wants to be the first to move,” said a shipping broker in Istanbul.",
        'The ministry said in a statement that the bill struck "the right balance for everyone".',
        'In December, President Vladimir Putin warned of a "military-technical solution".',
        "Traders said the pressure on prices would ease only if demand picked up.",
    ],
)
def test_it_does_not_turn_boilerplate_or_anonymous_sources_into_claims(trap):
    assert extract_quotes(INTRO + trap) == []


def test_a_quote_only_paragraph_after_an_anonymous_source_is_not_attributed():
    text = INTRO + (
        "Anna Berg said the talks had failed badly.\n\n“It was "
        "close,” the diplomat said.\n\n“Then it was gone.”"
    )
    assert [speaker for speaker, _ in pairs(text)] == ["Anna Berg"]


def test_scare_quotes_shorter_than_four_words_are_ignored():
    text = INTRO + 'Anna Berg described the offer as "deeply unserious" and left.'
    assert extract_quotes(text) == []


def test_an_unbalanced_quote_mark_never_becomes_a_direct_quote():
    text = INTRO + (
        'Anna Berg warned that "nothing is agreed until everything '
        'is agreed.\n\nThe talks resume on Monday.'
    )
    assert patterns(text) == ["reported_speech"]


def test_a_quote_running_over_two_paragraphs_keeps_its_speaker():
    text = INTRO + (
        '"We expect more curbs," said Anna Berg. "Our planning assumes '
        'etching tools are next.\n\n"That forces a rethink."'
    )
    assert [quote for _, quote in pairs(text)] == [
        "We expect more curbs",
        "Our planning assumes etching tools are next.",
        "That forces a rethink.",
    ]


def test_the_quote_record_carries_kind_confidence_and_affiliation():
    text = INTRO + (
        "“War is now more likely than ever,” said Anna Berg, a "
        "senior fellow at the Nordic Institute (NI)."
    )
    quote = extract_quotes(text)[0]
    expected = ("forecast", "Nordic Institute", "senior fellow")
    assert (quote.kind, quote.organization, quote.role) == expected
    assert 0 < quote.confidence <= 1


def test_empty_and_blank_input_give_no_quotes():
    assert extract_quotes("") == extract_quotes(" \n\n\t ") == []


def test_it_rejects_input_over_the_size_limit():
    with pytest.raises(InputTooLargeError, match="larger than"):
        extract_quotes("a" * (MAX_INPUT_BYTES + 1))


def test_it_rejects_input_that_is_not_text():
    with pytest.raises(ExtractionInputError, match="str"):
        extract_quotes(b"bytes are not text")


def test_a_bare_weekday_between_verb_and_clause_is_skipped():
    text = INTRO + "John Kirby said Thursday that the raid had found nobody at the site."
    assert pairs(text) == [("John Kirby", "the raid had found nobody at the site")]


def test_a_name_run_never_spans_two_sentences():
    text = INTRO + (
        "Aaron Sorkin wrote the script. The film stars Christian Bale. "
        "Sorkin said the script was finished last year."
    )
    assert [speaker for speaker, _ in pairs(text)] == ["Aaron Sorkin"]


def test_a_single_name_right_after_said_is_a_speaker():
    text = INTRO + "“We fought until the last bullet,” said Seema, a relative of the commander."
    assert pairs(text) == [("Seema", "We fought until the last bullet")]


def test_a_speaker_without_a_clause_still_becomes_the_pronoun_antecedent():
    text = INTRO + (
        "Redur Xelil spoke earlier.\n\nJohn Kirby said so on Tuesday. "
        "“We assess that Kurdish forces still hold most of the city,” he said."
    )
    assert [speaker for speaker, _ in pairs(text)] == ["John Kirby"]


def test_a_lowercase_title_after_said_still_names_the_speaker():
    text = INTRO + "“We are not aware of any flight operations,” said spokesman Col. Patrick Ryder."
    assert pairs(text) == [("Patrick Ryder", "We are not aware of any flight operations")]


def test_a_military_rank_abbreviation_does_not_end_the_sentence():
    text = INTRO + "“We just don't know yet,” Pentagon spokesman Rear Adm. John Kirby said."
    assert pairs(text) == [("John Kirby", "We just don't know yet")]
