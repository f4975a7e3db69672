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

Constructions beyond single phrases:
- frames that take the event as a complement ("I'd be surprised if ...", "hard to imagine ...",
  "I can't see X ...ing"): an odd number of negations or thwarting verbs ("failing", "refusing")
  inside the complement reads 1 - p ("I'd be surprised if they didn't" -> 0.85), on top of the
  mirror rule for a negation before the frame ("nobody would be surprised if" -> its antonym row);
- "going to" yields, like a bare modal, to any other phrase; a negated belief frame ("I don't
  think") yields even to a modal ("I don't think war is likely" reads "not likely", "I don't
  think they will" reads "won't");
- an intensifier inside a phrase ("the odds are very high", "the risk is very real");
- stated odds: a figure beside a probability word ("a 70% chance", "odds of one in four", "10 to 1
  against", "better than nine in ten") reads the figure itself, moved by a floor or a cap; it wins
  over any phrase. A figure with no probability word ("inflation of 80 per cent") is no hedge.
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
# A clause whose subject is negated ("No further talks with the U.S. are in the pipeline",
# "Nobody in Brussels expects ...") negates its phrase however long the subject is.
NEGATED_SUBJECTS = frozenset({"no", "nobody", "neither", "none", "nothing"})
MODALS = frozenset({"will", "won't", "may", "might", "could", "couldn't", "going"})
# Negated belief frames take a whole clause, which may carry its own hedge ("I don't think war
# is likely"): like a bare modal they yield to any other phrase.
BELIEF_FRAMES = frozenset({"don't think", "don't believe"})
# A phrase ending in one of these takes the event as its complement ("I'd be surprised if ...",
# "hard to imagine ...", "I can't see them ...ing"): a negation inside the complement reads 1 - p.
COMPLEMENT_HEADS = frozenset({"if", "see", "how", "imagine", "happening"})
# Verbs that thwart the event they govern count as a negation of the complement: "hard to see the
# agency refusing ..." reads like "... not approving". ("stop" is left out: "I can't see the Fed
# stopping" may be about the stopping itself.)
THWARTING_VERBS = frozenset(
    f"{stem}{ending}" for stem in ("fail", "reject", "block", "veto", "avoid", "prevent")
    for ending in ("", "s", "ed", "ing")
) | {"refuse", "refuses", "refused", "refusing", "vetoes", "vetoed", "vetoing"}
COMPLEMENT_WINDOW = 12
# "going to Geneva", "going to the summit": travel, not a forecast.
NOT_AFTER_GOING_TO = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "my", "its"}
)
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
    # The first "is" of a phrase may carry an intensifier: "the odds are very high".
    "is": r"(?:is|are|was|were|be|remains?|looks?|seems?)",
    "doubt": r"doubts?",
    "will": r"will",
}
# Interchangeable words: a phrase spelt with the first stands for all ("be surprised if" also
# reads "be astonished if"). GERUND_PLACEHOLDER in a phrase is any -ing word but "thing" words, so
# "don't see ... happening" reads "I don't see anything changing" but not "anything wrong".
_SYNONYMS = {
    "odds": ("odds", "chance", "chances", "probability", "likelihood"),
    "surprised": ("surprised", "amazed", "astonished", "stunned", "shocked"),
    "surprising": ("surprising", "astonishing"),
    "hard": ("hard", "difficult"),
    "imagine": ("imagine", "envisage", "envision", "picture"),
}
GERUND_PLACEHOLDER = "happening"
_GERUND = r"(?!(?:any|some|no|every)?thing\b)[a-z]+ing"
INNER_INTENSIFIER = "inner"
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
    # Entries by the stems one of which their matches must contain, and those with none: a
    # substring test per stem skips most regexes on a text.
    _by_key: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _always: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_phrase: dict[tuple[str, str], ScaleEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = tuple(_phrase_pattern(e.phrase) for e in self.entries)
        object.__setattr__(self, "_patterns", patterns)
        by_key: dict[str, list[int]] = {}
        always = []
        for index, entry in enumerate(self.entries):
            keys = _literal_key(entry.phrase)
            for key in keys:
                by_key.setdefault(key, []).append(index)
            if not keys:
                always.append(index)
        object.__setattr__(self, "_by_key", {k: tuple(v) for k, v in by_key.items()})
        object.__setattr__(self, "_always", tuple(always))
        by_phrase: dict[tuple[str, str], ScaleEntry] = {}
        for entry in self.entries:  # the first layer that has a phrase, and each scale's own
            by_phrase.setdefault(("", entry.phrase), entry)
            by_phrase.setdefault((entry.scale, entry.phrase), entry)
        object.__setattr__(self, "_by_phrase", by_phrase)

    def lookup(self, phrase: str) -> ScaleEntry | None:
        """The entry for a canonical phrase (the first layer that has it), or None."""
        return self._by_phrase.get(("", _normal_phrase(phrase)))

    def mirror(self, entry: ScaleEntry) -> float:
        """The antonym's probability on the entry's own scale if named, else 1 - p."""
        antonym = self._antonym(entry)
        return antonym.probability if antonym else round(1.0 - entry.probability, 6)

    def _antonym(self, entry: ScaleEntry) -> ScaleEntry | None:
        if not entry.antonym:
            return None
        same = self._by_phrase.get((entry.scale, entry.antonym))
        return same or self._by_phrase.get(("", entry.antonym))


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
    complement_negated: bool = False  # "surprised if they didn't": the event itself is negated


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
    if token in _SYNONYMS:
        return "(?:" + "|".join(_SYNONYMS[token]) + ")"
    if token == GERUND_PLACEHOLDER:
        return _GERUND
    if token in _WORD_FORMS:
        return _WORD_FORMS[token]
    if token in _IRREGULAR_NEGATIONS:
        return _IRREGULAR_NEGATIONS[token]
    if token.endswith("n't"):
        stem = re.escape(token[:-3])
        return rf"(?:{stem}n{APOSTROPHE}?t|{stem}\s+not)"
    return re.escape(token).replace("'", APOSTROPHE).replace(r"\-", r"[\s-]")


def _literal_key(phrase: str) -> tuple[str, ...]:
    """Stems one of which every match of the phrase must contain: the longest plain stem, or the
    words of a synonym set when they are longer (() if none)."""
    words = re.split(r"[\s-]+", phrase)
    skipped = {*_WORD_FORMS, *_SYNONYMS, GERUND_PLACEHOLDER}
    plain = [w for w in words if w.isalpha() and w not in skipped]  # matched literally
    stems = plain + [w.rstrip("e") for w in words if w in _WORD_FORMS and w != "is"]
    keys = [(s,) for s in stems] + [_SYNONYMS[w] for w in words if w in _SYNONYMS]
    return max(keys, key=lambda k: min(len(s) for s in k), default=())


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # "..." in a phrase stands for up to six words: "risk ... is real" reads "risk of war is real".
    body = r"\s+".join(_token_pattern(t) for t in phrase.split())
    body = body.replace(r"\s+\.\.\.\s+", r"\s+(?P<gap>(?:[\w'\u2019-]+\s+){0,6}?)", 1)
    body = body.replace(r"\s+\.\.\.\s+", r"\s+(?:[\w'\u2019-]+\s+){0,6}?")
    is_form = _WORD_FORMS["is"]
    inner = rf"{is_form}(?:\s+(?P<{INNER_INTENSIFIER}>{'|'.join(INTENSIFIERS)}))?"
    body = body.replace(is_form, inner, 1)
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
    gap_start: int | None = None  # where the "..." of the phrase begins
    inner: str | None = None  # an intensifier inside the phrase ("the odds are very high")


def _candidates(text: str, scale: Scale) -> list[_Match]:
    lowered, found = text.lower(), []
    indices = set(scale._always)
    for key, entries in scale._by_key.items():
        if key in lowered:
            indices.update(entries)
    for index in sorted(indices):
        entry, pattern = scale.entries[index], scale._patterns[index]
        found.extend(_match_from(entry, m) for m in pattern.finditer(text))
    return [m for m in found if not _is_noun_will(text, m) and not _is_travel(text, m)]


def _match_from(entry: ScaleEntry, m: re.Match[str]) -> _Match:
    groups = m.re.groupindex
    gap = m.start("gap") if "gap" in groups and m.group("gap") is not None else None
    inner = m.group(INNER_INTENSIFIER) if INNER_INTENSIFIER in groups else None
    return _Match(entry, m.start(), m.end(), gap, inner.lower() if inner else None)


def _is_noun_will(text: str, match: _Match) -> bool:
    before = _TOKEN.findall(text[: match.start])
    return match.entry.phrase == "will" and bool(before) and before[-1].lower() in NOUN_WILL_BEFORE


def _is_travel(text: str, match: _Match) -> bool:
    """'going to Geneva', 'going to the summit': a place follows, not a verb (a capital counts only
    in text that is not all capitals)."""
    if match.entry.phrase != "going to":
        return False
    after = _TOKEN.match(text[match.end :].lstrip())
    word = after.group() if after else ""
    named = word[:1].isupper() and not text[match.start : match.end].isupper()
    return named or word[:1].isdigit() or word.lower() in NOT_AFTER_GOING_TO


def _weakness(entry: ScaleEntry) -> int:
    """0 for a phrase, 1 for a bare modal, 2 for a belief frame (which governs the modal)."""
    if entry.phrase in BELIEF_FRAMES:
        return 2
    return 1 if entry.phrase.split()[0] in MODALS else 0


def _best(matches: list[_Match]) -> _Match | None:
    # A bare modal ("will", "may") yields to any other phrase, which usually governs it ("not
    # sure it will happen"), and a belief frame ("I don't think") even to a modal, whose
    # negation it then is ("I don't think they will" reads "won't"); then the longest phrase wins (most
    # specific) and ties go to the earliest.
    return min(
        matches, key=lambda m: (_weakness(m.entry), -(m.end - m.start), m.start), default=None
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
    all_tokens = list(_TOKEN.finditer(clause))
    if all_tokens and all_tokens[0].group().lower() in NEGATED_SUBJECTS:
        negators = all_tokens[:1] + [t for t in all_tokens[1:] if _is_negator(t.group())]
    else:
        negators = [t for t in all_tokens[-NEGATION_WINDOW:] if _is_negator(t.group())]
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


def _takes_complement(entry: ScaleEntry) -> bool:
    tokens = entry.phrase.split()
    return tokens[-1] in COMPLEMENT_HEADS


def _complement_negation_end(text: str, match: _Match) -> int | None:
    """Where the last negation of the frame's complement ends, if it holds an odd number of
    negators or thwarting verbs (read up to the clause end)."""
    begin = match.gap_start if match.gap_start is not None else match.end
    clause_end = _CLAUSE_BREAK.search(text, begin)
    complement = text[begin : clause_end.start() if clause_end else len(text)]
    tokens = list(_TOKEN.finditer(complement))[:COMPLEMENT_WINDOW]
    negations = [t for t in tokens if _is_negator(t.group()) or t.group().lower() in THWARTING_VERBS]
    return begin + negations[-1].end() if len(negations) % 2 else None


def _hedge_from(text: str, match: _Match, scale: Scale) -> Hedge:
    entry = match.entry
    p, mirror = entry.probability, scale.mirror(entry)
    word, start, end, kept = _intensifier_before(text, match.start, match.end)
    if word is None and match.inner:
        word, kept = match.inner, INTENSIFIERS[match.inner]
    negation = _negation_start(text, start)
    if negation is not None:
        # "not very likely" reads as "not likely": negation swallows the intensifier.
        p, mirror, start = mirror, p, min(start, negation)
    elif word:
        p, mirror = _toward_extreme(p, kept), _toward_extreme(mirror, kept)
    inner_end = _complement_negation_end(text, match) if _takes_complement(entry) else None
    if inner_end is not None:
        # "surprised if they did NOT": the frame's probability is that of the event's negation.
        p, mirror, end = round(1.0 - p, 6), p, max(end, inner_end)
    return Hedge(
        phrase=text[start:end], start=start, end=end, probability=p,
        mirror_probability=mirror, scale_name=entry.scale, entry=entry.phrase,
        negated=negation is not None, intensifier=word, source=entry.source,
        complement_negated=inner_end is not None,
    )


# Stated odds: a figure is read only beside a probability word, so "inflation of 80 per cent" is
# no hedge. A floor ("better than", "above") or a cap ("no better than", "below") moves the figure
# by a twentieth, or half-way to the end of the scale when that is nearer.
STATED_SCALE, STATED_ENTRY = "stated", "stated odds"
STATED_SOURCE = "the speaker's own figure (odds, percentage or N in M), read by hedges._stated_odds"
STATED_SHIFT = 0.05
_PROBABILITY_WORDS = ("odds", "chance", "probab", "likel", "put it at")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
}
_NUM = r"(?:\d+(?:\.\d+)?|(?:a\s+)?(?:" + "|".join(_NUMBER_WORDS) + r"))"
_VALUE = (
    rf"(?:(?P<n>{_NUM})(?:\s+|-)(?:in|out\s+of)(?:\s+|-)(?P<m>{_NUM})"
    rf"|(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)"
    rf"|(?P<a>{_NUM})(?:\s*-\s*to\s*-\s*|\s+to\s+)(?P<b>{_NUM})(?:\s+(?P<side>against|on))?"
    rf"|(?P<x>\d{{1,2}})\s*[-/]\s*(?P<y>\d{{1,2}})(?!\d))"
)
_CAP = (r"no\s+(?:better|more|higher)\s+than|not\s+(?:better|more|higher)\s+than|less\s+than"
        r"|lower\s+than|below|under|at\s+most|not\s+above")
_FLOOR = r"better\s+than|more\s+than|higher\s+than|above|over|at\s+least|upwards\s+of"
_QUALIFIER = rf"(?:(?P<cap>{_CAP})|(?P<floor>{_FLOOR}))\s+"
_ROUGHLY = r"(?:(?:about|around|roughly|maybe|perhaps|some)\s+)?"
_NOUN = r"(?:odds|chances?|probability|likelihood)"
_LINK = r"(?:is|are|was|were|remains?|stands?(?:\s+at)?|at)"
_STATED_ODDS = (
    # "the odds of a deal are better than nine in ten", "odds of one in four", "I'd put it at
    # 30 percent"; after "the odds of <event>" a verb must come, so in "the probability of a rise
    # of 80 per cent" the figure is the rise's.
    re.compile(
        rf"(?<![\w-])(?:{_NOUN}(?:\s+(?:of|that|for)\s+(?:[\w'\u2019-]+\s+){{0,8}}?{_LINK}"
        rf"|\s+(?:{_LINK}|of))|put\s+(?:it|them|the\s+odds|the\s+chances?)\s+at)"
        rf"\s+(?:{_QUALIFIER})?{_ROUGHLY}{_VALUE}(?![\w-])",
        re.IGNORECASE,
    ),
    # "a 70% chance", "a one-in-four chance", "80 per cent likely"
    re.compile(rf"(?<![\w-])(?:{_QUALIFIER})?{_VALUE}(?:\s+|-)(?:{_NOUN}|likely)(?![\w-])", re.I),
)


def _number(token: str) -> float:
    word = token.lower().split()[-1]
    return float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else float(token)


def _stated_value(m: re.Match[str]) -> float | None:
    if m.group("n"):
        n, of = _number(m.group("n")), _number(m.group("m"))
        return n / of if 0 < n <= of else None
    if m.group("pct"):
        pct = float(m.group("pct"))
        return pct / 100 if pct <= 100 else None
    if m.group("a"):
        a, b = _number(m.group("a")), _number(m.group("b"))
        # Betting odds are quoted against unless said to be "on": "10 to 1" is 1 in 11. Without
        # a side, only long odds read as odds: "two to three cuts" is a count.
        side = (m.group("side") or "").lower()
        if side == "on":
            return a / (a + b)
        return b / (a + b) if side == "against" or a > b else None
    x, y = int(m.group("x")), int(m.group("y"))
    return x / 100 if x + y == 100 else None


def _bounded(value: float, bound: str | None) -> float:
    if bound == "floor":
        return round(value + min(STATED_SHIFT, (1.0 - value) / 2), 6)
    if bound == "cap":
        return round(value - min(STATED_SHIFT, value / 2), 6)
    return round(value, 6)


def _stated_odds(text: str) -> Hedge | None:
    """Odds the speaker states in figures or number words beside a probability word."""
    lowered = text.lower()
    if not any(word in lowered for word in _PROBABILITY_WORDS):
        return None
    found = sorted((m for p in _STATED_ODDS for m in p.finditer(text)), key=lambda m: m.start())
    for m in found:
        value = _stated_value(m)
        if value is None:
            continue
        bound = "cap" if m.group("cap") else "floor" if m.group("floor") else None
        negation = _negation_start(text, m.start())
        if negation is not None:  # "not better than one in three" caps; "not 90%" too
            bound = "floor" if bound == "cap" else "cap"
        start = m.start() if negation is None else min(m.start(), negation)
        p = _bounded(value, bound)
        return Hedge(
            phrase=text[start : m.end()], start=start, end=m.end(), probability=p,
            mirror_probability=round(1.0 - p, 6), scale_name=STATED_SCALE, entry=STATED_ENTRY,
            negated=negation is not None, intensifier=None, source=STATED_SOURCE,
        )
    return None


def find_hedge(text: str, scale: Scale | None = None) -> Hedge | None:
    """The most specific hedge phrase in ``text`` with its implied probability, or None."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if scale is None:  # a claim is read once however many questions it is scored against
        return _find_on_default_scale(text)
    return _find(text, scale)


@lru_cache(maxsize=4096)
def _find_on_default_scale(text: str) -> Hedge | None:
    return _find(text, default_scale())


def _find(text: str, scale: Scale) -> Hedge | None:
    stated = _stated_odds(text)
    if stated is not None:  # a figure is more precise than any phrase
        return stated
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
        "hedge_negated": float(bool(hedge and (hedge.negated or hedge.complement_negated))),
        "hedge_intensified": float(bool(hedge and hedge.intensifier)),
        "negator_count": float(negators),
    }
