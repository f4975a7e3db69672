"""Who is the grammatical subject of a speech verb: a person, a pronoun, or nobody we can name."""
from __future__ import annotations

import re
from dataclasses import dataclass

from forecasts.extraction.lexicon import DETERMINERS, PREPOSITIONS, PRONOUNS, TITLES
from forecasts.extraction.names import NAME_RUN, NameBook, PersonName, parse_person

PERSON, PRONOUN, ANONYMOUS = "person", "pronoun", "anonymous"
QUOTE_FILL = "\x01"  # quotations are blanked with this character in sentence frames

_SEGMENT_BREAK = re.compile(r",|;|\x01+|\s[—–-]{1,2}\s|\s(?:and|but|while|whereas)\s")
_LEADING_CONJUNCTION = re.compile(
    r"^(?:and|but|while|whereas|though|although|so|yet|for|according to|to|meanwhile)(?:\s+|$)",
    re.IGNORECASE,
)
_TRAILING_AFFILIATION = re.compile(
    r"(?:\s+\([^)]*\)|\s+(?:of|at|from|with)\s+(?:the\s+)?[A-Z][^,]*)$"
)
MAX_TITLE_WORDS = 6


@dataclass(frozen=True)
class Speaker:
    kind: str
    written: str = ""
    person: PersonName | None = None
    position: int = 0  # absolute offset of the written name
    segment_start: int = 0  # offset of the subject segment inside the searched area


NOBODY = Speaker(ANONYMOUS)


def _first_word(segment: str) -> str:
    return segment.split()[0] if segment.split() else ""


def _is_appositive(segment: str) -> bool:
    word = _first_word(segment)
    return not word[:1].isupper() or word.lower() in DETERMINERS or word.lower() in PREPOSITIONS


def _opens_clause(segment: str) -> bool:
    word = _first_word(segment).lower()
    return word in DETERMINERS or word in PREPOSITIONS or word in _RELATIVES or word.endswith("ing")


_RELATIVES = frozenset({"who", "whose", "which", "whom", "where", "that"})


def segment_person(
    segment: str, base: int, book: NameBook, clause_start: bool = True
) -> Speaker | None:
    """The person a subject segment names, e.g. "Kremlin spokesman Dmitry Peskov"."""
    core = _TRAILING_AFFILIATION.sub("", segment.rstrip())
    match = _last_run(core)
    if match is None:
        return None
    prefix = core[: match.start()].split()
    if len(prefix) > MAX_TITLE_WORDS or any(w.lower() in PREPOSITIONS for w in prefix):
        return None
    person = parse_person(match.group())
    starts = clause_start and not prefix
    if person is None or not _credible(person, starts_segment=starts, book=book):
        return None
    return Speaker(PERSON, match.group(), person, base + match.start())


def _last_run(core: str) -> re.Match | None:
    last = None
    for match in NAME_RUN.finditer(core):
        last = match
    if last is None or last.end() != len(core.rstrip()):
        return None
    return last


def _credible(person: PersonName, starts_segment: bool, book: NameBook) -> bool:
    # A lone capitalised word at the start of a clause is as likely a plural noun
    # ("Traders said ...") as a surname: accept it only if the text named this person in full.
    if len(person.name.split()) > 1 or person.prefixed:
        return True
    return book.knows(person.name) or not starts_segment


_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|also|repeatedly|previously|later|earlier|again|once|often|"
    r"publicly|privately|recently|already|long|then|now|reportedly|would|will))+\s*$",
    re.IGNORECASE,
)


def subject_before(area: str, base: int, book: NameBook) -> Speaker | None:
    """Subject of a verb that follows ``area``; None when the area holds no words at all."""
    auxiliaries = _AUXILIARIES.search(area)
    area = area[: auxiliaries.start()] if auxiliaries else area
    bounds = _segments(area)
    seen_words = False
    for start, end in reversed(bounds):
        segment, offset = _strip_conjunction(area[start:end], start)
        if not segment.strip():
            continue
        seen_words = True
        found = _segment_speaker(segment, offset, base, book)
        if found is not None:
            return found
    return NOBODY if seen_words else None


def _segment_speaker(segment: str, offset: int, base: int, book: NameBook) -> Speaker | None:
    stripped = segment.strip()
    if stripped.lower() in PRONOUNS:
        return Speaker(PRONOUN, stripped, None, base + offset, offset)
    lead = len(segment) - len(segment.lstrip())
    person = segment_person(stripped, base + offset + lead, book)
    if _is_appositive(stripped) and (person is None or _opens_clause(stripped)):
        return None  # "a senior fellow at RUSI", "who ..." -- but "former envoy Jane Doe" names
    if person is None:
        return NOBODY
    return Speaker(PERSON, person.written, person.person, person.position, offset)


def _segments(area: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SEGMENT_BREAK.finditer(area):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(area)))
    return bounds


def _strip_conjunction(segment: str, offset: int) -> tuple[str, int]:
    lead = len(segment) - len(segment.lstrip())
    match = _LEADING_CONJUNCTION.match(segment.lstrip())
    if match is None:
        return segment, offset
    cut = lead + match.end()
    return segment[cut:], offset + cut


def colon_subject(before: str, base: int, book: NameBook) -> Speaker | None:
    """``Henrik Dahl, 58, put it bluntly: "..."`` -- the person opening the sentence."""
    if not before.rstrip().endswith(":"):
        return None
    first = _segments(before)[0]
    segment, offset = _strip_conjunction(before[first[0]: first[1]], first[0])
    lead = len(segment) - len(segment.lstrip())
    return segment_person(segment.strip(), base + offset + lead, book)


def subject_after(phrase: str, base: int, book: NameBook) -> Speaker | None:
    """Speaker named right after the verb: ``said RUSI's Galeotti, who ...``."""
    head = re.split(r"[,;:!?\x01]", phrase, maxsplit=1)[0]
    head = head.rstrip()[:-1] if head.rstrip().endswith(".") else head
    stripped = head.strip()
    if not stripped:
        return None
    if stripped.lower() in PRONOUNS:
        return Speaker(PRONOUN, stripped, None, base)
    word = _first_word(stripped).lower()
    if word in DETERMINERS:
        return NOBODY
    if word in PREPOSITIONS or not (stripped[0].isupper() or word in TITLES):
        return None  # "said on Monday"; but "said spokesman Col. Patrick Ryder" names
    lead = len(head) - len(head.lstrip())
    return segment_person(stripped, base + lead, book, clause_start=False)


_OPENERS = re.compile(r"^\s*(?:(?:For|According to|In the view of|To)\s+)?")


def sentence_subject(frame: str, base: int, book: NameBook) -> Speaker | None:
    """A person who opens a narrative sentence ("For Tatiana Stanovaya, ..."), if any."""
    opener = _OPENERS.match(frame)
    match = NAME_RUN.match(frame, opener.end())
    if match is None:
        return None
    person = parse_person(match.group())
    if person is None or not _credible(person, starts_segment=True, book=book):
        return None
    return Speaker(PERSON, match.group(), person, base + match.start())
