from forecasts.extraction.layout import (
    find_quote_spans,
    is_boilerplate,
    split_paragraphs,
    split_sentences,
)


def test_paragraphs_are_separated_by_blank_lines_and_keep_offsets():
    text = "First line\nstill first.\n\n  Second.  \n\n\nThird."
    paragraphs = split_paragraphs(text)
    expected = ["First line\nstill first.", "Second.", "Third."]
    assert [text[p.start:p.end] for p in paragraphs] == expected


def test_a_dateline_is_blanked_without_moving_offsets():
    text = "MOSCOW, Jan 14 (Reuters) - Lavrov spoke."
    paragraph = split_paragraphs(text)[0]
    assert paragraph.work.strip() == "Lavrov spoke." and len(paragraph.work) == len(text)


def test_headlines_bylines_and_link_lines_are_boilerplate():
    lines = ["Talks Fail in Geneva", "By Felix Light", "Related article: Talks fail", "https://x.io/a"]
    assert [is_boilerplate(line) for line in lines] == [True, True, True, True]


def test_a_sentence_is_not_boilerplate():
    assert not is_boilerplate("Talks failed in Geneva on Monday.")


def test_curly_and_straight_quotes_pair_and_apostrophes_do_not():
    work = "“We’re ready,” he said, and \"don't wait\" was the reply."
    spans = find_quote_spans(work, continues=False)
    assert [work[s.open + 1:s.close] for s in spans] == ["We’re ready,", "don't wait"]


def test_single_quotes_pair_outside_double_quotes_only():
    work = "‘It’s over,’ she said. \"Say 'no' now,\" he said."
    spans = find_quote_spans(work, continues=False)
    assert sorted(work[s.open + 1:s.close] for s in spans) == ["It’s over,", "Say 'no' now,"]


def test_an_unclosed_quote_is_dropped_unless_the_next_paragraph_continues_it():
    work = 'He said. "This runs on'
    assert find_quote_spans(work, continues=False) == []
    assert [s.open_ended for s in find_quote_spans(work, continues=True)] == [True]


def test_sentences_do_not_split_inside_quotes_or_after_abbreviations():
    work = "Mr. Lavrov met the U.S. envoy. “It is real. It grows,” he said. Next."
    spans = find_quote_spans(work, continues=False)
    sentences = [work[s:e].strip() for s, e in split_sentences(work, spans)]
    expected = ["Mr. Lavrov met the U.S. envoy.", "“It is real. It grows,” he said.", "Next."]
    assert sentences == expected
