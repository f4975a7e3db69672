"""Quote and speaker extraction from news text (pure Python, no Django).

Public API:
    extract_quotes(text) -> list[ExtractedQuote]   attributed statements, in text order
    html_to_text(html) -> str                      tags stripped, paragraphs kept
    classify_kind(quote, context="") -> str        forecast / risk_assessment / signal / statement
    match_expert(name, experts) -> int | None      the one known expert a name can mean
    find_affiliation(name, text) -> Affiliation | None

How ``extract_quotes`` reads an article (one linear pass, precompiled patterns):
1. Paragraphs are blank-line separated.  Short paragraphs without a sentence end (headlines,
   bylines, captions, "Related article:" and link lines) are skipped; datelines and URLs are
   blanked in place so offsets stay those of the original text.
2. Quotation marks are paired per paragraph (curly, straight, guillemets, single quotes outside
   double ones); apostrophes are not marks.  An unclosed quote is dropped, except the wire
   convention of a quote continued in the next paragraph that opens with a mark.
3. Sentences are split outside quotations and after non-abbreviations.
4. Each quotation of at least MIN_QUOTE_WORDS (4) words is attributed by the first rule that
   fits.  Shorter ones are scare quotes ("military-technical solution") and never claims.
   Patterns (``ExtractedQuote.pattern``):
     quote_said_name   "...," said NAME / said ORG's NAME, who ...
     quote_name_said   "...," NAME[, appositive,] said|told X|added ...
     name_said_quote   NAME[, appositive,] said[ adverbials]: "..."
     name_colon_quote  NAME ... : "..." with no speech verb
     according_to      According to NAME, "..."
     pronoun           he/she said -> the last person the text spoke of
     continuation      a quote-only sentence or paragraph -> the paragraph's speaker, else the
                       last person spoken of (a speaker, or "For NAME, ..." opening a sentence)
     reported_speech   NAME said (that) ... / NAME told reporters ... / NAME, who told
                       journalists ..., / "..., NAME said." / partial quotes inside such a clause
   A speech verb whose subject is not a person ("other observers said", "a diplomat who asked
   not to be named", "the ministry said") marks the source anonymous: nothing is extracted and
   a following pronoun or continuation is not attributed either.
5. Speaker names lose titles ("Russian Foreign Minister", "Dr.") and resolve surnames to the
   latest full name the text gave before ("Lavrov" -> "Sergei Lavrov").  A lone capitalised
   word opening a clause ("Traders said") counts only if the text named that person in full.
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
