"""Organisation and role the text gives for a speaker.

Two shapes are read: an appositive after the name (``Andrei Kortunov, head of the Russian
International Affairs Council (RIAC), ...``) and a title block before it (``Kremlin
spokesman Dmitry Peskov``); ``RUSI's Galeotti`` gives the organisation's short name.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from forecasts.extraction.lexicon import DETERMINERS, PREPOSITIONS, SPEECH_VERBS, TITLES
from forecasts.extraction.records import Affiliation

_APPOSITIVE = re.compile(
    r"\s*,\s*(?P<text>[^,;]{3,160}?)"
    r"(?=,|;|\.\s+[^a-z\s]|\.$|$|\s(?:said|says|told|added|expects|argued|warned)\b)"
)
_ROLE_ORG = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<role>[a-z][\w\s.&'’-]*?)\s+(?P<link>at|with|of|for|in)\s+"
    r"(?:the\s+)?(?P<org>[^\s].*)$"
)
_ACRONYM = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z.&-]{1,12})\)")
_TRAILING_PLACE = re.compile(r"\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?$")
_POSSESSIVE_BEFORE = re.compile(r"(?P<owner>[A-Z][\w.&-]*)['’]s\s+(?:[A-Z][\w.-]*\s+)*$")
_CLAUSE_EDGE = re.compile(r"[\n,;:()“”\"—–]")
_OF_ORG = re.compile(
    r"\s+(?:of|at|from)\s+(?:the\s+)?(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|on|and|&)\s+)?"
    r"[A-Z][\w.&'’-]*)*)"
)
_NOT_ROLES = frozenset({"who", "which", "whose", "where", "whom", "when", "speaking"})
_ORG_CONNECTORS = frozenset({"of", "for", "on", "and", "&", "the", "de", "du", "in"})
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"})
_PREFIX_REACH = 80
MAX_ROLE_WORDS = 5
MAX_MENTIONS = 12  # the first mentions carry the introduction; bounds the work per speaker


def find_affiliation(name: str, text: str) -> Affiliation | None:
    """(organization, short name, role) for ``name`` from appositives and prefixes in ``text``."""
    if not name.strip() or not text:
        return None
    organization = short = role = None
    for mention in _mentions(name, text):
        found_org, found_short, found_role = _around(text, mention)
        if found_org and not organization:
            organization, short = found_org, short or found_short
        short = short or found_short
        role = role or found_role
    if short and not organization:
        organization = _expand_acronym(short, text)
    if not (organization or short or role):
        return None
    return Affiliation(organization, short, role)


def _mentions(name: str, text: str) -> Iterator[re.Match]:
    tokens = name.split()
    full = r"\s+".join(re.escape(t) for t in tokens)
    surname = re.escape(tokens[-1])
    found = re.finditer(rf"\b(?:{full}|{surname})\b", text)
    own = (m for m in found if m.group().count(" ") or not _other_first_name(text, m, tokens))
    return islice(own, MAX_MENTIONS)


def _other_first_name(text: str, mention: re.Match, tokens: list[str]) -> bool:
    # "Johnson" preceded by "Carol" belongs to Carol Johnson, not to Mark Johnson.
    before = text[max(0, mention.start() - 40): mention.start()].split()
    if not before or len(tokens) < 2:
        return False
    word = before[-1]
    return word[:1].isupper() and word != tokens[-2] and word.lower().rstrip(".") not in TITLES \
        and not word.endswith(("'s", "’s"))


def _around(text: str, mention: re.Match) -> tuple[str | None, str | None, str | None]:
    organization, short, role = _appositive(text, mention.end())
    before = text[max(0, mention.start() - _PREFIX_REACH): mention.start()]
    owner = _POSSESSIVE_BEFORE.search(before)
    if owner and not short:
        short = owner.group("owner")
    return organization, short, role or _title_prefix(before)


def _appositive(text: str, position: int) -> tuple[str | None, str | None, str | None]:
    match = _APPOSITIVE.match(text, position)
    if not match:
        of_org = _OF_ORG.match(text, position)
        return (*_organization(of_org.group("org")), None) if of_org else (None, None, None)
    parts = _ROLE_ORG.match(" ".join(match.group("text").split()))
    if not parts or _not_a_role(parts.group("role")):
        return None, None, None
    organization, short = _organization(parts.group("org"))
    return organization, short, parts.group("role").strip() if organization else None


def _not_a_role(role: str) -> bool:
    first = role.split()[0]
    return first in _NOT_ROLES or first in PREPOSITIONS or first in SPEECH_VERBS


def _organization(raw: str) -> tuple[str | None, str | None]:
    raw = _TRAILING_PLACE.sub("", raw.strip())
    acronym = _ACRONYM.search(raw)
    short = acronym.group("short") if acronym else None
    raw = raw[: acronym.start()] if acronym else raw
    tokens = raw.split()
    lowercase = [i for i, t in enumerate(tokens) if t[0].islower() and t not in _ORG_CONNECTORS]
    tokens = tokens[lowercase[-1] + 1:] if lowercase else tokens
    while tokens and (tokens[0].endswith("-based") or tokens[0] in _ORG_CONNECTORS):
        tokens.pop(0)
    organization = " ".join(tokens).strip(" .") or None
    if organization and " " not in organization and short is None:
        short = organization
    return organization, short


def _title_prefix(before: str) -> str | None:
    """``EU foreign policy chief`` in ``EU foreign policy chief Maria Lindqvist``."""
    clause = _after_last_sentence(_CLAUSE_EDGE.split(before)[-1].split())
    if not clause or clause[-1].lower().rstrip(".") not in TITLES:
        return None
    role: list[str] = []
    for token in reversed(clause[-MAX_ROLE_WORDS:]):
        bare = token.lower()
        if bare in PREPOSITIONS or bare in DETERMINERS or bare in SPEECH_VERBS or bare == "and":
            break
        role.insert(0, token)
    while role and role[0].lower().rstrip(".") in _HONORIFICS:
        role.pop(0)
    return " ".join(role) or None


def _after_last_sentence(tokens: list[str]) -> list[str]:
    ends = [i for i, t in enumerate(tokens) if t.endswith(".") and _ends_sentence(t)]
    return tokens[ends[-1] + 1:] if ends else tokens


def _ends_sentence(token: str) -> bool:
    bare = token.lower().rstrip(".")
    return bare not in TITLES and bare not in _HONORIFICS and len(bare) > 1 and "." not in bare


def _expand_acronym(short: str, text: str) -> str | None:
    pattern = rf"((?:[A-Z][\w.&'-]*\s+(?:(?:of|on|for|the|and)\s+)*)+)\({re.escape(short)}\)"
    match = re.search(pattern, text)
    return re.sub(r"^The\s+", "", match.group(1).strip()) if match else None
