"""Verbal-probability hedges: the phrase in a claim that says how sure the speaker is.

Pure Python (no Django). ``find_hedge`` reads the hedge phrase ("almost certainly", "the risk is
real", "not unlikely") from a claim and maps it to a probability on a published scale;
``implied_p_yes`` turns that into P(yes) for a question given the claim's stance.

Scales live in ``seeds/probability_scale.csv`` (one row per phrase, with its citation). A scale
chosen by name is layered: its own rows first, then the CAPphrase survey medians, then the
project's extra phrases (scale "project"), so every scale still reads "bound to" or "ruled out".

The mirror rule: a phrase's mirror is its antonym row on the same scale when the CSV names one
("likely" <-> "unlikely", "ruled out" -> "can't be ruled out"), else 1 - p. Negation ("not
likely", "I don't expect") reads the mirror. For a *disagree* claim the phrase usually describes
the contrary outcome ("talks will almost certainly fail": p=0.95 that they fail), so P(yes) is the
mirror; but a phrase below even already speaks of the question's own outcome ("war is unlikely"),
so it is kept as it is. In short: disagree -> min(p, mirror(p)); agree -> p. An agree claim whose
phrase reads below CONFLICT_BELOW ("they won't sit back") contradicts its own stance: the phrase
then governs some other verb, so P(yes) falls back to the classifier's confidence.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_SCALE_PATH = Path(__file__).resolve().parents[2] / "seeds" / "probability_scale.csv"
DEFAULT_SCALE_NAME = "capphrase"
PROJECT_SCALE_NAME = "project"
REQUIRED_COLUMNS = ("scale", "phrase", "probability", "low", "high", "source")
STANCES = ("agree", "disagree", "neutral", "unrelated")
CONFLICT_BELOW = 0.25

# Distance to the extreme kept after the intensifier (0.5 halves it).
INTENSIFIERS = {"very": 0.5, "highly": 0.5, "extremely": 0.3, "increasingly": 0.7}
MORE_THAN_EVER = 0.7
NEGATORS = frozenset({"not", "no", "never", "hardly", "scarcely", "nobody", "neither", "nor"})
NEGATION_WINDOW = 6
MODALS = frozenset({"will", "won't", "may", "might", "could", "couldn't"})
# "will" is also a noun: "political will", "the will of the people".
NOUN_WILL_BEFORE = frozenset({"the", "political", "good", "free", "ill", "a", "their", "his"})

APOSTROPHE = "['\u2019]"
_TOKEN = re.compile(r"[\w'\u2019-]+")
# The dot of an initial or abbreviation ("U.S.", "J. Smith") ends no clause.
_CLAUSE_BREAK = re.compile(r"(?<!\b(?-i:[A-Z]))\.|[;:!?,\u2014]|\bbut\b|\bhowever\b", re.IGNORECASE)
_WORD_FORMS = {
    "certain": r"certain(?:ly)?",
    "probable": r"probabl[ey]",
    "improbable": r"improbabl[ey]",
    "possible": r"possibl[ey]",
    "chance": r"chances?",
    "expect": r"expect(?:s|ed|ing)?",
    "is": r"(?:is|are|was|were|be)",
    "doubt": r"doubts?",
    "will": r"will",
}
_IRREGULAR_NEGATIONS = {
    "can't": rf"(?:can{APOSTROPHE}?t|cannot|can\s+not|could\s+not|couldn{APOSTROPHE}?t)",
    "won't": rf"(?:won{APOSTROPHE}?t|will\s+not|will\s+never)",
}


class ScaleError(ValueError):
    """The scale file is missing, malformed or lacks the requested scale."""


@dataclass(frozen=True)
class ScaleEntry:
    scale: str
    phrase: str
    probability: float
    low: float
    high: float
    source: str
    antonym: str = ""


@dataclass(frozen=True)
class Scale:
    name: str
    entries: tuple[ScaleEntry, ...]
    _patterns: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _keys: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = tuple(_phrase_pattern(e.phrase) for e in self.entries)
        object.__setattr__(self, "_patterns", patterns)
        object.__setattr__(self, "_keys", tuple(_literal_key(e.phrase) for e in self.entries))

    def lookup(self, phrase: str) -> ScaleEntry | None:
        """The entry for a canonical phrase (the first layer that has it), or None."""
        wanted = _normal_phrase(phrase)
        return next((e for e in self.entries if e.phrase == wanted), None)

    def mirror(self, entry: ScaleEntry) -> float:
        """The antonym's probability on the entry's own scale if named, else 1 - p."""
        antonym = self._antonym(entry)
        return antonym.probability if antonym else round(1.0 - entry.probability, 6)

    def _antonym(self, entry: ScaleEntry) -> ScaleEntry | None:
        if not entry.antonym:
            return None
        same = [e for e in self.entries if e.scale == entry.scale and e.phrase == entry.antonym]
        return same[0] if same else self.lookup(entry.antonym)


@dataclass(frozen=True)
class Hedge:
    phrase: str  # exactly as in the text, with any negator and intensifier
    start: int
    end: int
    probability: float
    mirror_probability: float
    scale_name: str  # the scale whose row decided it
    entry: str  # the canonical phrase of that row
    negated: bool
    intensifier: str | None
    source: str


@dataclass(frozen=True)
class ImpliedProbability:
    probability: float | None
    basis: str  # "phrase", "phrase_mirror", "classifier_confidence" or "no_forecast"
    reason: str
    phrase: str | None = None
    scale_name: str | None = None


def _normal_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())


def _token_pattern(token: str) -> str:
    if token in _WORD_FORMS:
        return _WORD_FORMS[token]
    if token in _IRREGULAR_NEGATIONS:
        return _IRREGULAR_NEGATIONS[token]
    if token.endswith("n't"):
        stem = re.escape(token[:-3])
        return rf"(?:{stem}n{APOSTROPHE}?t|{stem}\s+not)"
    return re.escape(token).replace("'", APOSTROPHE).replace(r"\-", r"[\s-]")


def _literal_key(phrase: str) -> str:
    """The longest plain stem every match of the phrase must contain ("" if none)."""
    words = re.split(r"[\s-]+", phrase)
    plain = [w.rstrip("e") for w in words if w.isalpha() and w not in _WORD_FORMS]
    stems = plain + [w.rstrip("e") for w in words if w in _WORD_FORMS and w != "is"]
    return max(stems, key=len, default="")


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # "..." in a phrase stands for up to six words: "risk ... is real" reads "risk of war is real".
    body = r"\s+".join(_token_pattern(t) for t in phrase.split())
    body = body.replace(r"\s+\.\.\.\s+", r"\s+(?:[\w'\u2019-]+\s+){0,6}?")
    return re.compile(rf"(?<![\w'\u2019-]){body}(?![\w'\u2019-])", re.IGNORECASE)


def _parse_unit(value: str, column: str, line: int) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ScaleError(f"line {line}: {column} {value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise ScaleError(f"line {line}: {column} {number} is outside [0, 1]")
    return number


def _entry_from_row(row: dict[str, str], line: int) -> ScaleEntry:
    phrase = _normal_phrase(row["phrase"] or "")
    if not phrase:
        raise ScaleError(f"line {line}: empty phrase")
    return ScaleEntry(
        scale=(row["scale"] or "").strip(),
        phrase=phrase,
        probability=_parse_unit(row["probability"], "probability", line),
        low=_parse_unit(row["low"], "low", line),
        high=_parse_unit(row["high"], "high", line),
        source=(row["source"] or "").strip(),
        antonym=_normal_phrase(row.get("antonym") or ""),
    )


def read_scale_rows(path: str | Path) -> list[ScaleEntry]:
    """Every row of a scale CSV, validated; raises ScaleError with the line at fault."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ScaleError(f"{path}: missing columns: {', '.join(missing)}")
            return [_entry_from_row(row, n) for n, row in enumerate(reader, start=2)]
    except OSError as error:
        raise ScaleError(f"cannot read scale file {path}: {error}") from error


def available_scales(path: str | Path = DEFAULT_SCALE_PATH) -> list[str]:
    """Names of the scales in a CSV, in file order."""
    return list(dict.fromkeys(e.scale for e in read_scale_rows(path)))


def load_scale(path: str | Path = DEFAULT_SCALE_PATH, name: str = DEFAULT_SCALE_NAME) -> Scale:
    """The named scale layered over the CAPphrase survey and the project's extra phrases."""
    rows = read_scale_rows(path)
    names = list(dict.fromkeys(e.scale for e in rows))
    if name not in names:
        raise ScaleError(f"unknown scale {name!r}; available: {', '.join(names)}")
    layers = list(dict.fromkeys([name, DEFAULT_SCALE_NAME, PROJECT_SCALE_NAME]))
    entries: dict[str, ScaleEntry] = {}
    for layer in layers:
        for entry in (e for e in rows if e.scale == layer):
            entries.setdefault(entry.phrase, entry)
    return Scale(name=name, entries=tuple(entries.values()))


@lru_cache(maxsize=16)
def default_scale(name: str = DEFAULT_SCALE_NAME) -> Scale:
    """The scale shipped in seeds/probability_scale.csv (cached)."""
    return load_scale(DEFAULT_SCALE_PATH, name)


@dataclass(frozen=True)
class _Match:
    entry: ScaleEntry
    start: int
    end: int


def _candidates(text: str, scale: Scale) -> list[_Match]:
    lowered, found = text.lower(), []
    for entry, pattern, key in zip(scale.entries, scale._patterns, scale._keys, strict=True):
        if key in lowered:  # a substring test skips most regexes on long texts
            found.extend(_Match(entry, m.start(), m.end()) for m in pattern.finditer(text))
    return [m for m in found if not _is_noun_will(text, m)]


def _is_noun_will(text: str, match: _Match) -> bool:
    before = _TOKEN.findall(text[: match.start])
    return match.entry.phrase == "will" and bool(before) and before[-1].lower() in NOUN_WILL_BEFORE


def _is_modal(entry: ScaleEntry) -> bool:
    return entry.phrase.split()[0] in MODALS


def _best(matches: list[_Match]) -> _Match | None:
    # A bare modal ("will", "may") yields to any other phrase, which usually governs it ("not sure
    # it will happen"); then the longest phrase wins (most specific) and ties go to the earliest.
    return min(
        matches, key=lambda m: (_is_modal(m.entry), -(m.end - m.start), m.start), default=None
    )


def _clause_before(text: str, start: int) -> tuple[str, int]:
    """The text of the clause that runs up to ``start``, and where it begins."""
    head = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    begin = breaks[-1].end() if breaks else 0
    return head[begin:], begin


def _is_negator(token: str) -> bool:
    lowered = token.lower().replace("\u2019", "'")
    return lowered in NEGATORS or lowered.endswith("n't")


def _negation_start(text: str, start: int) -> int | None:
    """Where the negation governing the phrase begins, if an odd number of negators precede it."""
    clause, begin = _clause_before(text, start)
    far_from = re.search(r"\bfar\s+from\s*$", clause, re.IGNORECASE)
    if far_from:
        return begin + far_from.start()
    tokens = list(_TOKEN.finditer(clause))[-NEGATION_WINDOW:]
    negators = [t for t in tokens if _is_negator(t.group())]
    return begin + negators[0].start() if len(negators) % 2 else None


def _intensifier_before(text: str, start: int, end: int) -> tuple[str | None, int, int, float]:
    """The intensifier touching the phrase, its span and the share of distance kept."""
    before = re.search(r"([A-Za-z]+)\s+$", text[:start])
    word = before.group(1).lower() if before else ""
    if word == "more" and re.match(r"\s+than\s+ever\b", text[end:], re.IGNORECASE):
        tail = re.match(r"\s+than\s+ever\b", text[end:], re.IGNORECASE)
        return "more than ever", before.start(1), end + tail.end(), MORE_THAN_EVER
    if word in INTENSIFIERS:
        return word, before.start(1), end, INTENSIFIERS[word]
    return None, start, end, 1.0


def _toward_extreme(p: float, kept: float) -> float:
    extreme = 1.0 if p >= 0.5 else 0.0
    return round(extreme + (p - extreme) * kept, 6)


def _hedge_from(text: str, match: _Match, scale: Scale) -> Hedge:
    entry = match.entry
    p, mirror = entry.probability, scale.mirror(entry)
    word, start, end, kept = _intensifier_before(text, match.start, match.end)
    negation = _negation_start(text, start)
    if negation is not None:
        # "not very likely" reads as "not likely": negation swallows the intensifier.
        p, mirror, start = mirror, p, min(start, negation)
    elif word:
        p, mirror = _toward_extreme(p, kept), _toward_extreme(mirror, kept)
    return Hedge(
        phrase=text[start:end], start=start, end=end, probability=p,
        mirror_probability=mirror, scale_name=entry.scale, entry=entry.phrase,
        negated=negation is not None, intensifier=word, source=entry.source,
    )


def find_hedge(text: str, scale: Scale | None = None) -> Hedge | None:
    """The most specific hedge phrase in ``text`` with its implied probability, or None."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    scale = scale or default_scale()
    best = _best(_candidates(text, scale))
    return _hedge_from(text, best, scale) if best else None


def _from_phrase(stance: str, hedge: Hedge) -> ImpliedProbability:
    if stance == "agree" or hedge.probability <= 0.5:
        reason = f"'{hedge.phrase}' reads {hedge.probability:.2f} on {hedge.scale_name}"
        p = hedge.probability
        return ImpliedProbability(p, "phrase", reason, hedge.phrase, hedge.scale_name)
    reason = (
        f"disagree: mirror of '{hedge.phrase}' ({hedge.probability:.2f}) on "
        f"{hedge.scale_name} is {hedge.mirror_probability:.2f}"
    )
    return ImpliedProbability(
        hedge.mirror_probability, "phrase_mirror", reason, hedge.phrase, hedge.scale_name
    )


def confidence_to_probability(stance: str, classifier_confidence: float) -> float:
    """P(yes) from the classifier alone: 0.5 +/- 0.4 x confidence, so at most as sure as 'will'."""
    shift = 0.4 * classifier_confidence
    return round(0.5 + shift if stance == "agree" else 0.5 - shift, 6)


def implied_p_yes(
    stance: str, hedge: Hedge | None, classifier_confidence: float
) -> ImpliedProbability:
    """P(yes) implied by a claim of this stance, from its hedge phrase or else the classifier."""
    if stance not in STANCES:
        raise ValueError(f"stance must be one of {', '.join(STANCES)}, not {stance!r}")
    if not 0.0 <= classifier_confidence <= 1.0:
        raise ValueError(f"classifier_confidence {classifier_confidence} is outside [0, 1]")
    if stance in ("neutral", "unrelated"):
        return ImpliedProbability(None, "no_forecast", f"a {stance} claim is not a forecast")
    if hedge is not None and not _contradicts(stance, hedge):
        return _from_phrase(stance, hedge)
    p = confidence_to_probability(stance, classifier_confidence)
    why = f"'{hedge.phrase}' ({hedge.probability:.2f}) contradicts {stance}" if hedge else ""
    confidence = f"classifier {stance} confidence {classifier_confidence:.2f}"
    reason = f"{why or 'no hedge phrase'}; {confidence}"
    return ImpliedProbability(p, "classifier_confidence", reason)


def _contradicts(stance: str, hedge: Hedge) -> bool:
    return stance == "agree" and hedge.probability < CONFLICT_BELOW


HEDGE_CUE_NAMES = (
    "has_hedge", "hedge_probability", "hedge_certainty", "hedge_leans_yes", "hedge_leans_no",
    "hedge_negated", "hedge_intensified", "negator_count",
)


def hedge_cues(text: str, scale: Scale | None = None) -> dict[str, float]:
    """Numeric hedge and negation cues for the stance model (keys: HEDGE_CUE_NAMES)."""
    hedge = find_hedge(text, scale)
    p = hedge.probability if hedge else 0.5
    negators = sum(_is_negator(t) for t in _TOKEN.findall(text))
    return {
        "has_hedge": float(hedge is not None),
        "hedge_probability": p,
        "hedge_certainty": round(abs(p - 0.5) * 2, 6),
        "hedge_leans_yes": float(p > 0.5),
        "hedge_leans_no": float(p < 0.5),
        "hedge_negated": float(bool(hedge and hedge.negated)),
        "hedge_intensified": float(bool(hedge and hedge.intensifier)),
        "negator_count": float(negators),
    }
