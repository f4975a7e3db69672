"""Quote and speaker extraction from news text (pure Python, no Django).

Public API:
    extract_quotes(text) -> list[ExtractedQuote]
    html_to_text(html) -> str
    classify_kind(quote, context="") -> str
    match_expert(name, experts) -> int | None
    find_affiliation(name, text) -> Affiliation | None
"""
from forecasts.extraction.affiliation import find_affiliation
from forecasts.extraction.experts import match_expert, normalize_name
from forecasts.extraction.extractor import extract_quotes, validate_text
from forecasts.extraction.kinds import classify_kind
from forecasts.extraction.markup import html_to_text
from forecasts.extraction.records import (
    KINDS,
    MAX_INPUT_BYTES,
    MIN_QUOTE_WORDS,
    Affiliation,
    ExtractedQuote,
    ExtractionInputError,
    InputTooLargeError,
    KnownExpert,
)

__all__ = [
    "KINDS",
    "MAX_INPUT_BYTES",
    "MIN_QUOTE_WORDS",
    "Affiliation",
    "ExtractedQuote",
    "ExtractionInputError",
    "InputTooLargeError",
    "KnownExpert",
    "classify_kind",
    "extract_quotes",
    "find_affiliation",
    "html_to_text",
    "match_expert",
    "normalize_name",
    "validate_text",
]
