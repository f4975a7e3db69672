"""Value objects and errors of the extraction package (no Django)."""
from __future__ import annotations

from dataclasses import dataclass, field

# Inputs above this many UTF-8 bytes are refused: a news article is a few kilobytes, and
# a multi-megabyte "article" is almost always a mistake (a dump, a binary file).
MAX_INPUT_BYTES = 2 * 1024 * 1024

# Direct quotes shorter than this many words are treated as scare quotes (a "military-technical
# solution", "targeted" support) and never become claims on their own.
MIN_QUOTE_WORDS = 4

KINDS = ("forecast", "risk_assessment", "signal", "statement")


class ExtractionInputError(ValueError):
    """The input cannot be processed (wrong type, undecodable, ...)."""


class InputTooLargeError(ExtractionInputError):
    """The input is larger than MAX_INPUT_BYTES."""


@dataclass(frozen=True)
class ExtractedQuote:
    """One attributed statement; ``text[start:end] == quote`` in the original text."""

    speaker: str
    speaker_as_written: str
    quote: str
    start: int
    end: int
    pattern: str
    confidence: float
    kind: str
    organization: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Affiliation:
    """What the text says about a speaker's employer and position."""

    organization: str | None
    short_name: str | None
    role: str | None


@dataclass(frozen=True)
class KnownExpert:
    """A person already in the database, as plain data."""

    id: int
    full_name: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    organization_short: str | None = None
