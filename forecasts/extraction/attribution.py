"""Attribution rules applied to one sentence frame (quotations blanked with QUOTE_FILL).

Positions handed in and out are relative to the sentence frame; ``base`` converts the
positions of speaker names to absolute offsets for surname resolution.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from forecasts.extraction.lexicon import PREPOSITIONS, SPEECH_VERBS, THAT_VERBS, TIME_WORDS
from forecasts.extraction.names import NameBook
from forecasts.extraction.records import MIN_QUOTE_WORDS
from forecasts.extraction.speakers import (
    ANONYMOUS,
    PRONOUN,
    Speaker,
    colon_subject,
    subject_after,
    subject_before,
)

_VERB = r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")"
VERB_RE = re.compile(rf"\b{_VERB}\b")
_VERB_FIRST = re.compile(rf"^\s*,?\s*(?P<verb>{_VERB})\b(?P<rest>[^\x01]*)")
_SUBJECT_FIRST = re.compile(rf"^\s*,?\s*(?P<area>[^\x01;:!?]{{1,200}}?)\s(?P<verb>{_VERB})\b")
_ACCORDING_TO = re.compile(r"(?:^|[\s,])[Aa]ccording to\s+(?P<who>[^,\x01]+)(?:,[^\x01]*)?$")
_LISTENER = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|state|local)\s+)?"
    r"(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*|[a-z]+)"
)
_THAT = re.compile(r"^\s*,?\s*that\s+")
_LATER_THAT = re.compile(r"\bthat\s+")
_DIRECT_GAP = re.compile(r"^\s*(?:that\s*)?[:,]?\s*$")
# "warned, however, that ..." -- a short parenthetical between the verb and its clause
_ASIDE = re.compile(r"\s*,\s*(?:[a-z]+\s+){0,2}[a-z]+\s*,(?=\s)")
_PARENTHETICAL_END = re.compile(r"^\s*(?:[a-z]+\s*)?,")
_TIME_WORD = re.compile(r"\s+(?:" + "|".join(sorted(TIME_WORDS)) + r")\b", re.IGNORECASE)
_RELATIVE_WHO = re.compile(r",\s*who\s+(?:has\s+|had\s+|also\s+|previously\s+)?$")
ADVERBIAL_REACH = 80
REACH = 600  # characters searched around a verb or quote for its subject: keeps work linear
MAX_VERBS = 12  # speech verbs examined per sentence for reported speech


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker
    pattern: str
    clause: tuple[int, int] | None = None  # reported clause (frame-relative) if not direct


def words(text: str) -> int:
    return len(text.replace("\x01", " ").split())


def _pattern(speaker: Speaker, named: str) -> str:
    return "pronoun" if speaker.kind == PRONOUN else named


def attribute_quote(
    frame: str, span: tuple[int, int], base: int, book: NameBook
) -> Attribution | None:
    """Who speaks the quotation at ``span`` (marks included) of this sentence frame."""
    return (
        _after_quote(frame, span[1] + 1, base, book)
        or _before_quote(frame, span[0], base, book)
    )


def _after_quote(frame: str, end: int, base: int, book: NameBook) -> Attribution | None:
    after = frame[end: end + REACH]
    verb_first = _VERB_FIRST.match(after)
    if verb_first:
        rest_at = end + verb_first.start("rest")
        speaker = subject_after(verb_first.group("rest"), base + rest_at, book)
        if speaker:
            return Attribution(speaker, _pattern(speaker, "quote_said_name"))
    subject_first = _SUBJECT_FIRST.match(after)
    if subject_first:
        area_at = end + subject_first.start("area")
        speaker = subject_before(subject_first.group("area"), base + area_at, book)
        if speaker:
            return Attribution(speaker, _pattern(speaker, "quote_name_said"))
    return None


def _before_quote(frame: str, start: int, base: int, book: NameBook) -> Attribution | None:
    offset = max(0, start - REACH)
    before, base = frame[offset:start], base + offset
    according = _ACCORDING_TO.search(before)
    if according:
        speaker = subject_after(according.group("who"), base + according.start("who"), book)
        if speaker:
            return Attribution(speaker, "according_to")
    for verb in VERB_RE.finditer(before):
        speaker = subject_before(before[: verb.start()], base, book)
        if speaker is None:
            continue
        if speaker.kind == ANONYMOUS:
            return Attribution(speaker, "anonymous")
        return _direct_or_partial(frame, (before, offset), verb, speaker)
    speaker = colon_subject(before, base, book)
    return Attribution(speaker, "name_colon_quote") if speaker else None


def _direct_or_partial(
    frame: str, window: tuple[str, int], verb: re.Match, speaker: Speaker
) -> Attribution:
    before, offset = window
    gap_start = _clause_start(before, verb) or len(before)
    if _DIRECT_GAP.match(before[verb.end():]) or _DIRECT_GAP.match(before[gap_start:]):
        return Attribution(speaker, _pattern(speaker, "name_said_quote"))
    return Attribution(speaker, "reported_speech", (offset + gap_start, _sentence_end(frame)))


def _clause_start(frame: str, verb: re.Match) -> int | None:
    """Where the reported clause after a speech verb begins, or None if there is none."""
    position = verb.end()
    if verb.group().lower() in {"told", "tells"}:
        listener = _LISTENER.match(frame, position)
        position = listener.end() if listener else position
        later = _that_nearby(frame[position:])
        if later is not None:
            return position + later
    position = _skip_asides(frame, position)
    that = _THAT.match(frame[position:])
    if that:
        return position + that.end()
    offset = _bare_clause_offset(frame[position:], verb.group().lower())
    return None if offset is None else position + offset


def _skip_asides(frame: str, position: int) -> int:
    """Past ", however," and a bare time word ("said Thursday that ...")."""
    for pattern in (_ASIDE, _TIME_WORD):
        match = pattern.match(frame, position)
        position = match.end() if match else position
    return position


def _bare_clause_offset(rest: str, verb: str) -> int | None:
    if _PARENTHETICAL_END.match(rest):
        return None  # "The talks, Brennan said afterwards, had been ..." -- no clause follows
    first = rest.split()[0] if rest.split() else ""
    if not first or not first[0].isalnum() and first[0] != "\x01":
        return None
    if first.lower() in PREPOSITIONS or first.lower().endswith("ly"):
        return _that_nearby(rest)
    if verb in THAT_VERBS:
        return None
    return len(rest) - len(rest.lstrip())


def _that_nearby(rest: str) -> int | None:
    """End of a "that" shortly after the verb, past adverbials ("on Friday that ...")."""
    later = _LATER_THAT.search(rest, 0, ADVERBIAL_REACH)
    if later is None or re.search(r"[.;:!?,\x01]", rest[: later.start()]):
        return None
    return later.end()


def _sentence_end(frame: str) -> int:
    end = len(frame)
    while end and frame[end - 1].isspace():
        end -= 1
    return end - 1 if end and frame[end - 1] == "." else end


def attribute_reported(frame: str, base: int, book: NameBook) -> Attribution | None:
    """Reported speech without quotation marks; an anonymous Attribution stops the search."""
    mention = None
    for count, verb in enumerate(VERB_RE.finditer(frame)):
        if count == MAX_VERBS:
            break
        offset = max(0, verb.start() - REACH)
        area = frame[offset: verb.start()]
        relative = _RELATIVE_WHO.search(area)
        subject_area = area[: relative.start()] if relative else area
        speaker = subject_before(subject_area, base + offset, book)
        if speaker is None:
            continue
        if speaker.kind == ANONYMOUS:
            return Attribution(speaker, "anonymous")
        found = _reported_clause(frame, (area, offset), verb, speaker, bool(relative))
        if found:
            return found
        mention = mention or Attribution(speaker, "mention")  # spoke, but left no clause
    return mention


def _reported_clause(
    frame: str, window: tuple[str, int], verb: re.Match, speaker: Speaker, relative: bool
) -> Attribution | None:
    start = _clause_start(frame, verb)
    if start is None:
        return _trailing_clause(window, speaker)
    end = _sentence_end(frame)
    if relative:
        comma = frame.find(",", start)
        end = comma if 0 <= comma < end else end
    if words(frame[start:end]) < MIN_QUOTE_WORDS:
        return None
    return Attribution(speaker, "reported_speech", (start, end))


def _trailing_clause(window: tuple[str, int], speaker: Speaker) -> Attribution | None:
    """``Rate cuts are unlikely before the fourth quarter, Yildiz said.``"""
    area, offset = window
    clause = area[: speaker.segment_start].rstrip()
    if not clause.endswith((",", "\x01")):
        return None  # a comma, or a quotation closing on its comma: remain “tenuous,” Kirby said
    clause = clause[:-1] if clause.endswith(",") else clause
    first = clause.split()[0].lower() if clause.split() else ""
    if first in PREPOSITIONS or first.endswith("ing") or words(clause) < MIN_QUOTE_WORDS:
        return None
    lead = len(clause) - len(clause.lstrip())
    return Attribution(speaker, "reported_speech", (offset + lead, offset + len(clause)))
