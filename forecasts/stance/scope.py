"""Negation and hedge cues scoped to the clauses of a claim that speak of the question's event.

A claim often has several clauses and only some are about what the question asks: in "The risk
of war is real. And it grows every time negotiations fail." the side is in the first sentence,
and "fail" belongs to the negotiations, not to the war. Counting every negation or thwarting word
of the claim also makes any claim with a "no" in it look on-topic. Here a clause counts when it
shares a word stem with the question or a word of the same broad topic family (``TOPICS``: "war"
for an "offensive", "negotiations" for "talks"); negations, thwarting words and each clause's
hedge lean are read in those clauses only. Pure: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from forecasts.stance.features import NEGATIONS, clean_text, tokenize
from forecasts.stance.hedges import find_hedge

STEM = 5  # crude stemming: "offensive"/"offensives", "normalisation"/"normalise" share a prefix
# Broad topic families of yes/no forecast questions (geopolitics, economics, elections, science,
# technology, health, sport, energy), as 5-letter stems. General vocabulary of each field, so a
# claim can speak of a question's event in other words than the question's.
TOPICS = (
    "war wars warfa offen invad invas attac assau milit troop armou army armie forces confl "
    "fight comba battl strik bomba shell front",
    "talks talk negot meet meeti summi diplo dialo round conve envoy",
    "elect vote votes voter ballo poll polls campa candi seats majori prime presi parli race "
    "runof",
    "rate rates cut cuts hike hikes raise easin tight loose basis polic monet centr",
    "infla price prices cpi hicp defla",
    "reces contr shrin gdp growt econo quart downt slump",
    "treat accor deal agree pact ceasef truce norma",
    "appro autho licen regul clear",
    "launc fligh orbit rocke space missi",
    "membe join acces admit enlar ratif allia",
    "oil crude brent barre opec",
    "title champ leagu cup final troph",
    "emerg outbr pande virus vacci",
    "model relea chatb produ chip fab",
)
TOPIC_OF: dict[str, int] = {}
for _index, _family in enumerate(TOPICS):
    for _stem in _family.split():
        TOPIC_OF.setdefault(_stem[:STEM], _index)

# Words that say an event will not happen or has been stopped, whatever the event.
THWARTING = frozenset(
    """avoid avoided avert averted block blocked blocks veto vetoed reject rejected rejects
    refuse refused refuses oppose opposed opposes dead collapse collapsed collapses stall stalled
    stalls delay delayed delays postpone postponed shelved scrapped abandon abandoned halt halted
    slim remote wrong lose loses losing lost defeat defeated ousted unseated trail trailing
    behind resist resisted withdraw withdrew walked rump fail fails failed failing doomed
    impossible unthinkable unrealistic rule ruled ended finished""".split()
)
# Sentence ends (not the dots of "U.S."), dashes and the conjunctions that start another clause.
_CLAUSE = re.compile(r"(?<!(?-i:[A-Z]))[.;:!?]+(?=\s|$)|\s[-\u2013\u2014]\s|\b(?:and|but|while|when|"
                     r"every time|because|as|since|if|though|although|whereas)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ScopedCues:
    negations: int  # negating words in the clauses about the question
    thwarting: int  # thwarting words there
    opposed: bool  # one of those clauses has an odd number of flips: it says the event won't happen
    signed_lean: float  # sum over those clauses of the hedge's lean, flipped where the clause opposes
    lean: float  # the same, unflipped
    hedged: bool  # one of those clauses has a hedge phrase
    elsewhere: bool  # no clause is about the question, and one is about another topic family


def stems(tokens) -> set[str]:
    """Stems of content words, numbers apart (years and dates say little of a topic)."""
    return {t[:STEM] for t in tokens if t not in ENGLISH_STOP_WORDS and len(t) > 2
            and not t[:1].isdigit()}


def topics(word_stems: set[str]) -> set[int]:
    return {TOPIC_OF[s] for s in word_stems if s in TOPIC_OF}


def topic_stems(word_stems: set[str]) -> set[str]:
    """The stems plus every stem of their topic families."""
    families = topics(word_stems)
    return word_stems | {s for s, family in TOPIC_OF.items() if family in families}


def clauses(text: str) -> list[str]:
    parts = [p.strip() for p in _CLAUSE.split(text)]
    return [p for p in parts if p and any(ch.isalpha() for ch in p)] or [text]


@lru_cache(maxsize=16384)
def scoped_cues(question: str, claim: str) -> ScopedCues:
    question, claim = clean_text(question), clean_text(claim)
    q_stems = stems(tokenize(question))
    q_topics = topics(q_stems)
    relevant = [part for part in clauses(claim) if _speaks_of(part, q_stems, q_topics)]
    readings = [_clause_reading(part) for part in relevant]
    tokens = [t for part in relevant for t in tokenize(part)]
    return ScopedCues(
        negations=sum(t in NEGATIONS for t in tokens),
        thwarting=sum(t in THWARTING for t in tokens),
        opposed=any(opposed for opposed, _, _ in readings),
        signed_lean=sum(lean * (-1.0 if opposed else 1.0) for opposed, lean, _ in readings),
        lean=sum(lean for _, lean, _ in readings), hedged=any(hedged for _, _, hedged in readings),
        elsewhere=not relevant and bool(topics(stems(tokenize(claim))) - q_topics))


def _speaks_of(part: str, q_stems: set[str], q_topics: set[int]) -> bool:
    part_stems = stems(tokenize(part))
    return bool(part_stems & q_stems or topics(part_stems) & q_topics)


def _clause_reading(part: str) -> tuple[bool, float, bool]:
    """Does the clause oppose an event (an odd number of flips), its hedge's lean, and has it a
    hedge. A negation that the hedge already reads ("not likely"), and the hedge's own words
    ("ruled out", "more likely than not"), are not counted again as flips."""
    hedge = find_hedge(part)
    if hedge is None:
        tokens, lean, hedge_negated = tokenize(part), 0.0, False
    else:
        tokens = tokenize(part[:hedge.start] + " " + part[hedge.end:])
        lean = hedge.probability - 0.5
        hedge_negated = hedge.negated or hedge.complement_negated
    negations = 0 if hedge_negated else sum(t in NEGATIONS for t in tokens)
    return (negations + sum(t in THWARTING for t in tokens)) % 2 == 1, lean, hedge is not None
