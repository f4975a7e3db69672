"""Article text -> attributed quotations and reported statements, in text order."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from forecasts.extraction.affiliation import find_affiliation
from forecasts.extraction.attribution import (
    Attribution,
    attribute_quote,
    attribute_reported,
    words,
)
from forecasts.extraction.kinds import classify_kind
from forecasts.extraction.layout import (
    Paragraph,
    QuoteSpan,
    find_quote_spans,
    split_paragraphs,
    split_sentences,
    starts_with_quote,
)
from forecasts.extraction.names import NameBook
from forecasts.extraction.records import (
    MAX_INPUT_BYTES,
    MIN_QUOTE_WORDS,
    ExtractedQuote,
    ExtractionInputError,
    InputTooLargeError,
)
from forecasts.extraction.speakers import (
    ANONYMOUS,
    PERSON,
    PRONOUN,
    QUOTE_FILL,
    Speaker,
    sentence_subject,
)

CONFIDENCE = {
    "quote_said_name": 0.95,
    "quote_name_said": 0.95,
    "name_said_quote": 0.9,
    "according_to": 0.85,
    "name_colon_quote": 0.85,
    "pronoun": 0.8,
    "reported_speech": 0.75,
    "continuation": 0.7,
}
UNRESOLVED_PENALTY = 0.15  # a lone surname the text never gave in full
CONTEXT_REACH = 400  # characters of the sentence shown to the kind classifier
MAX_AFFILIATION_LOOKUPS = 50  # each scans the whole text; real articles quote far fewer people
_ONLY_QUOTES = re.compile(r"^[\W\x01_]*$")


def validate_text(text: object) -> str:
    """The text itself, or a clear error for input that is not a reasonable article."""
    if not isinstance(text, str):
        raise ExtractionInputError(f"expected article text as str, got {type(text).__name__}")
    if len(text) * 4 > MAX_INPUT_BYTES and len(text.encode("utf-8")) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"article text is larger than {MAX_INPUT_BYTES} bytes")
    return text


def extract_quotes(text: str) -> list[ExtractedQuote]:
    """Attributed quotes and reported statements of an article, in text order."""
    validate_text(text)
    if not text.strip():
        return []
    return _Extraction(text).run()


@dataclass
class _Pending:
    start: int
    end: int
    recent: Speaker | None


class _Extraction:
    def __init__(self, text: str) -> None:
        self.text = text
        self.book = NameBook(text)
        self.recent: Speaker | None = None  # last person spoken of, or an anonymous source
        self.found: dict[tuple[int, int], ExtractedQuote] = {}
        self._affiliations: dict[str, tuple[str | None, str | None]] = {}

    def run(self) -> list[ExtractedQuote]:
        paragraphs = split_paragraphs(self.text)
        for index, paragraph in enumerate(paragraphs):
            if paragraph.is_boilerplate():
                continue
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            self._paragraph(paragraph, bool(following and starts_with_quote(following.work)))
        return sorted(self.found.values(), key=lambda quote: quote.start)

    def _paragraph(self, paragraph: Paragraph, continues: bool) -> None:
        spans = find_quote_spans(paragraph.work, continues)
        frame = _blank_quotes(paragraph.work, spans)
        pending: list[_Pending] = []
        speaker_here: Speaker | None = None
        long_spans = sorted((s for s in spans if _long(paragraph.work, s)), key=lambda s: s.open)
        opens = [span.open for span in long_spans]
        for start, end in split_sentences(paragraph.work, spans):
            inside = long_spans[bisect_left(opens, start): bisect_left(opens, end)]
            said = self._sentence(paragraph, frame, (start, end), inside, pending)
            speaker_here = said or speaker_here
            if speaker_here and pending:
                self._flush(pending, speaker_here, "continuation")
        for item in pending:
            self._flush([item], item.recent, "continuation")

    def _sentence(self, paragraph, frame, bounds, spans, pending) -> Speaker | None:
        start, end = bounds
        sentence = frame[start:end]
        base = paragraph.start + start
        if not spans:
            return self._reported(sentence, base)
        said = None
        quote_only = bool(_ONLY_QUOTES.match(sentence))
        for span in spans:
            relative = (span.open - start, span.close - start)
            found = attribute_quote(sentence, relative, base, self.book)
            info = (sentence, quote_only)
            said = self._direct(paragraph, span, info, base, found, pending) or said
        return said

    def _direct(self, paragraph, span, sentence_info, base, found, pending) -> Speaker | None:
        sentence, quote_only = sentence_info
        inner = _inner(paragraph, span)
        if found is None:
            if quote_only:
                pending.append(_Pending(*inner, self.recent))
            return None
        if found.speaker.kind == ANONYMOUS:
            self.recent = found.speaker
            return None
        if found.clause is not None:
            return self._emit(found, base + found.clause[0], base + found.clause[1], sentence)
        return self._emit(found, *inner, context=sentence)

    def _reported(self, sentence: str, base: int) -> Speaker | None:
        found = attribute_reported(sentence, base, self.book)
        if found is None:
            opener = sentence_subject(sentence, base, self.book)
            self.recent = self._resolve(opener) if opener else self.recent
            return None
        if found.speaker.kind == ANONYMOUS:
            self.recent = found.speaker
            return None
        if found.clause is None:
            self.recent = self._resolve(found.speaker) or self.recent
            return None
        return self._emit(found, base + found.clause[0], base + found.clause[1], sentence)

    def _flush(self, pending: list[_Pending], speaker: Speaker | None, pattern: str) -> None:
        for item in pending:
            if speaker is not None and speaker.kind == PERSON:
                self._add(speaker, pattern, item.start, item.end)
        pending.clear()

    def _emit(self, found: Attribution, start: int, end: int, context: str = "") -> Speaker | None:
        speaker = self._resolve(found.speaker)
        if speaker is None or speaker.kind != PERSON:
            self.recent = speaker or self.recent
            return None
        self._add(speaker, found.pattern, start, end, context)
        return speaker

    def _resolve(self, speaker: Speaker) -> Speaker | None:
        if speaker.kind == PRONOUN:
            recent = self.recent
            if recent is None or recent.kind != PERSON:
                return recent
            return Speaker(PERSON, speaker.written, recent.person, recent.position)
        if speaker.kind != PERSON:
            return speaker
        full = self.book.resolve(speaker.person.name, speaker.position)
        person = _with_name(speaker.person, full)
        resolved = Speaker(PERSON, speaker.written, person, speaker.position)
        self.recent = resolved
        return resolved

    def _add(self, speaker: Speaker, pattern: str, start: int, end: int, context: str = "") -> None:
        start, end = _trim(self.text, start, end)
        if end <= start or (start, end) in self.found:
            return
        quote = self.text[start:end]
        name = speaker.person.name
        organization, role = self._affiliation(name)
        self.found[(start, end)] = ExtractedQuote(
            speaker=name,
            speaker_as_written=" ".join(speaker.written.split()),
            quote=quote,
            start=start,
            end=end,
            pattern=pattern,
            confidence=_confidence(pattern, speaker, self.book),
            kind=classify_kind(quote, context[:CONTEXT_REACH].replace(QUOTE_FILL, " ")),
            organization=organization,
            role=role,
        )

    def _affiliation(self, name: str) -> tuple[str | None, str | None]:
        if name not in self._affiliations:
            crowded = len(self._affiliations) >= MAX_AFFILIATION_LOOKUPS
            found = None if crowded else find_affiliation(name, self.text)
            organization = (found.organization or found.short_name) if found else None
            self._affiliations[name] = (organization, found.role if found else None)
        return self._affiliations[name]


def _with_name(person, full: str):
    return replace(person, name=full)


def _confidence(pattern: str, speaker: Speaker, book: NameBook) -> float:
    value = CONFIDENCE.get(pattern, 0.6)
    if len(speaker.person.name.split()) == 1 and not book.knows(speaker.person.name):
        value -= UNRESOLVED_PENALTY
    return round(value, 2)


def _blank_quotes(work: str, spans: list[QuoteSpan]) -> str:
    chars = list(work)
    for span in spans:
        stop = min(span.close + 1, len(chars))
        chars[span.open:stop] = QUOTE_FILL * (stop - span.open)
    return "".join(chars)


def _long(work: str, span: QuoteSpan) -> bool:
    start, end = span.inner
    return words(work[start:end]) >= MIN_QUOTE_WORDS


def _inner(paragraph: Paragraph, span: QuoteSpan) -> tuple[int, int]:
    start, end = span.inner
    return paragraph.start + start, paragraph.start + end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
