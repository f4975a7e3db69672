"""Paragraphs, boilerplate, quotation spans and sentences of a plain-text article.

All positions are absolute offsets into the original text.  ``Paragraph.work`` is the
paragraph text with datelines and URLs blanked out (same length, so offsets still hold).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from forecasts.extraction.lexicon import ABBREVIATIONS

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’\- ]{1,40}[A-Z.](?:/[A-Z][A-Za-z ]+)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:,\s*\d{4})?"
    r"\s*(?:\([A-Za-z .]{2,30}\))?\s*[-–—]{1,2}\s+"
)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_BOILERPLATE_START = re.compile(
    r"^(?:related(?:\s+(?:article|articles|story|stories|content|coverage))?\s*:|read more\b|"
    r"see also\b|more on this\b|(?:file\s+)?photo\b|image\b|caption\b|credit\s*:|copyright\b|©|"
    r"https?://|www\.|advertisement\b|sign up\b|subscribe\b)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}(?:\s+(?:and|&)\s+.+)?$")
_TRAILING_CLOSERS = "\"”’'»)] \t\n"
HEADLINE_MAX_WORDS = 30

OPENING_DOUBLE = "“«"
CLOSING_DOUBLE = "”»"
_DOUBLE_MARK = re.compile(r'["“”«»]')
_SINGLE_MARK = re.compile(r"[‘’']")
_SENTENCE_END = re.compile(r"[.?!]+[\"”’'»)]*(?=\s+[\"“‘'«(]?[A-Z0-9" + "À-Þ" + r"])")


@dataclass(frozen=True)
class QuoteSpan:
    open: int  # position of the opening mark
    close: int  # position of the closing mark (or end of paragraph when open-ended)
    open_ended: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    work: str  # paragraph text, datelines and URLs replaced by spaces

    def is_boilerplate(self) -> bool:
        return is_boilerplate(self.work)


def split_paragraphs(text: str) -> list[Paragraph]:
    bounds, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    return [_paragraph(text, start, end) for start, end in bounds if text[start:end].strip()]


def _paragraph(text: str, start: int, end: int) -> Paragraph:
    raw = text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    work = _blank(_DATELINE, text[start:end])
    return Paragraph(start, end, _blank(_URL, work))


def _blank(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def is_boilerplate(paragraph: str) -> bool:
    """Headlines, bylines, captions, link lines: short and without a sentence end."""
    stripped = paragraph.strip()
    if not stripped or _BOILERPLATE_START.match(stripped) or _BYLINE.match(stripped):
        return True
    ending = stripped.rstrip(_TRAILING_CLOSERS)
    return len(stripped.split()) <= HEADLINE_MAX_WORDS and not ending.endswith((".", "?", "!"))


def starts_with_quote(paragraph: str) -> bool:
    return paragraph.lstrip()[:1] in "\"“«‘"


def find_quote_spans(work: str, continues: bool) -> list[QuoteSpan]:
    """Paired quotation marks in one paragraph (paragraph-relative positions).

    ``continues`` says the next paragraph opens with a quotation mark: then an unclosed
    quote that begins a sentence runs to the end of this paragraph (wire convention for
    quotes spanning paragraphs).  Other unpaired marks are ignored.
    """
    spans, opened = [], None
    for mark in _DOUBLE_MARK.finditer(work):
        index, char = mark.start(), mark.group()
        if char in OPENING_DOUBLE or (char == '"' and opened is None):
            opened = index
        elif (char in CLOSING_DOUBLE or char == '"') and opened is not None:
            spans.append(QuoteSpan(opened, index))
            opened = None
    if opened is not None and continues and _begins_sentence(work, opened):
        spans.append(QuoteSpan(opened, len(work.rstrip()), open_ended=True))
    return spans + _single_quote_spans(work, spans)


def _begins_sentence(work: str, position: int) -> bool:
    before = work[:position].rstrip()
    return not before or before[-1] in ".?!:"


def _single_quote_spans(work: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    covered = _mask(len(work), ((s.open, s.close + 1) for s in doubles))
    spans, opened = [], None
    for mark in _SINGLE_MARK.finditer(work):
        index, char = mark.start(), mark.group()
        if covered[index]:
            continue
        before = work[index - 1] if index else " "
        after = work[index + 1] if index + 1 < len(work) else " "
        opens = before.isspace() or before in "([—-"
        if char != "’" and opened is None and opens and after.isalpha():
            opened = index
        elif char != "‘" and opened is not None and not before.isspace() and not after.isalnum():
            spans.append(QuoteSpan(opened, index))
            opened = None
    return spans


def split_sentences(work: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence bounds (paragraph-relative); never splits inside a quotation."""
    inside = _mask(len(work) + 1, ((s.open + 1, s.close + 1) for s in spans))
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(work):
        cut = match.end()
        if inside[cut] or _is_abbreviation(work, match.start()):
            continue
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(work)))
    return [(s, e) for s, e in bounds if work[s:e].strip()]


def _mask(size: int, ranges) -> bytearray:
    """1 at every position covered by one of the half-open ranges (linear, not quadratic)."""
    mask = bytearray(size)
    for start, end in ranges:
        end = min(end, size)
        mask[start:end] = b"\x01" * max(0, end - start)
    return mask


_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(work: str, dot: int) -> bool:
    if work[dot] != ".":
        return False
    match = _WORD_BEFORE.search(work, max(0, dot - 40), dot)
    if not match:
        return False
    word = match.group(1)
    initial = len(word) == 1 and word.isupper()
    return word.lower() in ABBREVIATIONS or initial or "." in word
