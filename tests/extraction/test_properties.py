"""Identities that hold for any input: no crash, offsets exact, confidence bounded."""
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.extraction import KINDS, extract_quotes, html_to_text

PIECES = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", "'", " said ", " told reporters ", " he said.", " she added",
        "Sergei Lavrov", "Lavrov", "RUSI's Galeotti", "For Tatiana Stanovaya, ", ", who ",
        "We’re very patient", " the talks will resume ", ".", ",", ":", "\n", "\n\n",
        "By Felix Light", "https://x.io/a", "Mr. ", "according to ", "that ",
    ]
)
ARTICLE_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(ARTICLE_LIKE)
def test_offsets_always_point_at_the_quote(text):
    quotes = extract_quotes(text)
    assert all(text[q.start:q.end] == q.quote for q in quotes)


@settings(max_examples=300, deadline=None)
@given(ARTICLE_LIKE)
def test_every_quote_has_a_speaker_a_kind_and_a_bounded_confidence(text):
    quotes = extract_quotes(text)
    assert all(q.speaker and q.kind in KINDS and 0 <= q.confidence <= 1 for q in quotes)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_crashes(text):
    assert isinstance(extract_quotes(text), list)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_html_conversion_never_crashes(html):
    assert isinstance(html_to_text(html), str)


def test_the_package_imports_no_django():
    code = (
        "import sys, forecasts.extraction; "
        "banned = {'django', 'rest_framework', 'celery'}; "
        "sys.exit(any(m.split('.')[0] in banned for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
