"""Claim kind from the wording of a quote.

Rules, first match wins (documented so analysts can predict the label):
1. risk_assessment, retrospective: the outcome "was always the probable outcome", "was
   predictable", "as expected" -- a judgement about likelihood made after the fact.
2. signal: a first-person statement of intent or resolve by an actor ("we will", "we're
   ready", "our patience has run out", "we won't").
3. risk_assessment: the wording weighs a danger ("risk", "threat", "danger", "escalation").
4. forecast: future tense or probability ("will", "won't", "going to", "expects", "likely",
   "unlikely", "probably", "next year", "in the near future") or a modal (would, could, may,
   might) -- the speaker says something about what will happen.
5. statement: everything else.
``context`` (e.g. the reporting verb "expects" or "predicted") can turn a plain statement
into a forecast.
"""
from __future__ import annotations

import re

_FLAGS = re.IGNORECASE
_RETROSPECTIVE = re.compile(
    r"\b(?:was|were|had|has|have)\s+(?:always\s+|all along\s+)?(?:been\s+)?(?:always\s+)?"
    r"(?:the\s+|a\s+)?"
    r"(?:most\s+)?(?:probable|predictable|inevitable|foreseeable|expected|likely)\b"
    r"|\bas (?:expected|predicted|anticipated)\b|\bcould have been (?:predicted|foreseen)\b",
    _FLAGS,
)
_SIGNAL = re.compile(
    r"\b(?:we|i)(?:['’]ll|['’]re|\s+will|\s+won['’]t|\s+shall|\s+are|\s+am|\s+intend|\s+do not"
    r"|\s+don['’]t|\s+stand|\s+reserve|\s+must)\b"
    r"|\bour\s+(?:patience|position|response|red lines?|priority|goal|aim|demands?)\b",
    _FLAGS,
)
_RISK = re.compile(
    r"\b(?:risks?|risky|threats?|threaten\w*|dangers?|dangerous|escalat\w+|perils?|"
    r"vulnerab\w+|hazards?)\b",
    _FLAGS,
)
_FORECAST = re.compile(
    r"\b(?:will|won['’]t|shall|going to|expects?|expected to|predicts?|forecasts?|likely|"
    r"unlikely|probabl[ey]|chances?|odds|soon|set to|next (?:year|month|week|round)|"
    r"in the (?:near|coming) (?:future|weeks|months|years)|would|could|may|might)\b|['’]ll\b",
    _FLAGS,
)
_FORECAST_CONTEXT = re.compile(r"\b(?:expects?|predict\w*|forecasts?|anticipates?)\b", _FLAGS)


def classify_kind(quote: str, context: str = "") -> str:
    """One of forecast, risk_assessment, signal, statement (see module docstring)."""
    if _RETROSPECTIVE.search(quote):
        return "risk_assessment"
    if _SIGNAL.search(quote):
        return "signal"
    if _RISK.search(quote):
        return "risk_assessment"
    if _FORECAST.search(quote) or _FORECAST_CONTEXT.search(context):
        return "forecast"
    return "statement"
