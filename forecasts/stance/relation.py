"""Does a claim speak of a question's subject at all? The anchors a pair shares.

The stance model reads how a claim leans ("will", "no further", "unlikely") much more than what
it is about: paired with a question it does not mention, a confident claim still reads as a side
(measured on the seed pairs, questions held out: 87% of the agree/disagree claims that name their
own subject, paired with another question sharing no anchor with them, still read agree or
disagree). Before the model is asked, a candidate pair for automatic linking must therefore
share an anchor: a content-word stem, a topic family (``scope.TOPICS``: "war" for an
"offensive"), a short name or acronym ("Xi", "EU", "U.S."; not "It" or "Mr"), or a figure other
than a year or a date ("40" for "40°C"). Claims an analyst links by hand need none ("It may well
happen"). Pure: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from forecasts.stance.features import clean_text, tokenize
from forecasts.stance.scope import stems, topics

# Capitalised words of one or two letters and dotted acronyms: "Xi", "EU", "UN", "U.S.", "U.K.".
_SHORT_NAME = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z][A-Za-z]?\b(?!\.[A-Za-z])")
_FIGURE = re.compile(r"\b\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Dates say when, not what: "before 2022-06-30" must not anchor "30 per cent" or "12 million".
_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_WORD = re.compile(r"[A-Za-z0-9]+")
_TITLES = frozenset({"mr", "ms", "dr", "st", "jr", "sr"})


def _is_name(word: str) -> bool:
    """A short capitalised word is a name unless it is a function word at a sentence start
    ("It", "If", "No", "We", "Us") or a title ("Mr"); acronyms in capitals ("US", "EU") are."""
    plain = word.replace(".", "")
    lowered = plain.lower()
    if lowered in _TITLES:
        return False
    return (len(plain) > 1 and plain.isupper()) or lowered not in ENGLISH_STOP_WORDS


@dataclass(frozen=True)
class _Parts:
    """What one text offers as anchors (cached: a claim meets every open question)."""

    stems: frozenset[str]
    topics: frozenset[int]
    short_names: frozenset[str]
    figures: frozenset[str]
    lowercase_stems: frozenset[str]  # stems of words written in lower case: ordinary words


def _parts(text: str) -> _Parts:
    return _cached_parts(clean_text(text))  # truncated first: the cache never holds a 100 KB key


@lru_cache(maxsize=4096)
def _cached_parts(text: str) -> _Parts:
    word_stems = stems(tokenize(text))
    names = {m.group().replace(".", "").lower() for m in _SHORT_NAME.finditer(text)
             if _is_name(m.group())}
    # Numbers other than years and dates: a shared deadline is not a shared subject.
    figures = {f.replace(",", "") for f in _FIGURE.findall(_DATE.sub(" ", text))
               if not _YEAR.fullmatch(f)}
    lowercase = stems(word for word in _WORD.findall(text) if word.islower())
    return _Parts(frozenset(word_stems), frozenset(topics(word_stems)),
                  frozenset(names), frozenset(figures), frozenset(lowercase))


def anchors(question: str, claim: str) -> set[str]:
    """What the two texts share: stems, ``topic:<n>`` families, short names, figures."""
    q, c = _parts(question), _parts(claim)
    return (set(q.stems & c.stems)
            | {f"topic:{family}" for family in q.topics & c.topics}
            | {f"name:{name}" for name in q.short_names & c.short_names}
            | {f"figure:{figure}" for figure in q.figures & c.figures})


def anchored(question: str, claim: str) -> bool:
    """True when the claim shares an anchor with the question and, if the claim is about another
    topic family, one of the shared words is written in lower case in the claim (an ordinary
    word, not a name): "These talks aren't over, the Russians want to talk" shares only "Russia"
    with a question on a Russian offensive and speaks of talks, not of war; "a board vote" still
    speaks of an IMF Board's approval although "vote" belongs to the elections family."""
    shared = anchors(question, claim)
    if not shared:
        return False
    q, c = _parts(question), _parts(claim)
    if not (q.topics and c.topics and not q.topics & c.topics):
        return True
    return bool(shared & c.lowercase_stems)
