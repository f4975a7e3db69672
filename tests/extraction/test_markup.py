import pytest

from forecasts.extraction import extract_quotes, html_to_text


def test_it_keeps_paragraph_breaks_between_block_elements():
    html = "<h1>Talks fail</h1><p>First paragraph.</p><div>Second paragraph.</div>"
    assert html_to_text(html) == "Talks fail\n\nFirst paragraph.\n\nSecond paragraph."


def test_a_line_break_tag_becomes_a_single_newline():
    assert html_to_text("<p>One line<br>next line</p>") == "One line\nnext line"


def test_it_unescapes_entities_and_drops_inline_tags():
    html = "<p>&ldquo;We&rsquo;re <b>very</b> patient,&rdquo; said A&amp;B&#39;s Lavrov.</p>"
    assert html_to_text(html) == "“We’re very patient,” said A&B's Lavrov."


def test_it_drops_scripts_and_styles():
    html = "<style>p {color: red}</style><p>Text.</p><script>var x = '\"quoted\"';</script>"
    assert html_to_text(html) == "Text."


def test_source_newlines_inside_a_paragraph_are_plain_spaces():
    assert html_to_text("<p>Sergei\n   Lavrov said so.</p>") == "Sergei Lavrov said so."


def test_quotes_can_be_extracted_from_converted_html():
    html = (
        "<article><h2>Headline without a full stop</h2>"
        "<p>Talks ended on Friday without agreement.</p>"
        "<p>&ldquo;We&rsquo;re very patient, but our patience has run out,&rdquo; "
        "said Sergei Lavrov.</p></article>"
    )
    quotes = extract_quotes(html_to_text(html))
    assert [(q.speaker, q.quote) for q in quotes] == [
        ("Sergei Lavrov", "We’re very patient, but our patience has run out")
    ]


def test_it_rejects_non_string_html():
    with pytest.raises(TypeError):
        html_to_text(None)
