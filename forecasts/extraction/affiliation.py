"""Organisation and role the text gives for a speaker."""
from __future__ import annotations

import re

from forecasts.extraction.lexicon import TITLES
from forecasts.extraction.records import Affiliation

_APPOSITIVE = re.compile(
    r"\s*,\s*(?P<text>[^,;]{3,160}?)(?=,|;|\.\s|\.$|$|\s(?:said|says|told|added|expects|argued|warned)\b)"
)
_ROLE_ORG = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<role>[a-z][\w\s.&'’-]*?)\s+(?:(?:at|with)|of|for|in)\s+"
    r"(?:the\s+)?(?P<org>[^\s].*)$"
)
_ACRONYM = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z.&-]{1,12})\)\s*$")
_TRAILING_PLACE = re.compile(r"\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?$")
_POSSESSIVE_BEFORE = re.compile(r"(?P<owner>[A-Z][\w.&-]*)['’]s\s+(?:[A-Z][\w.-]*\s+)*$")
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"})
_PREFIX_REACH = 80
_NOT_ROLES = frozenset({"who", "which", "whose", "where", "speaking", "whom", "when"})


def find_affiliation(name: str, text: str) -> Affiliation | None:
    """(organization, short name, role) for ``name`` from appositives and prefixes in ``text``."""
    if not name.strip() or not text:
        return None
    organization = short = role = None
    for mention in _mentions(name, text):
        found_org, found_short, found_role = _around(text, mention)
        organization = organization or found_org
        short = short or found_short
        role = role or found_role
    if short and not organization:
        organization = _expand_acronym(short, text)
    if not (organization or short or role):
        return None
    return Affiliation(organization, short, role)


def _mentions(name: str, text: str) -> list[re.Match]:
    full = re.escape(" ".join(name.split())).replace(r"\ ", r"\s+")
    surname = re.escape(name.split()[-1])
    pattern = re.compile(rf"\b(?:{full}|{surname})\b")
    return list(pattern.finditer(text))


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
        return None, None, None
    parts = _ROLE_ORG.match(" ".join(match.group("text").split()))
    if not parts or parts.group("role").split()[0] in _NOT_ROLES:
        return None, None, None
    organization, short = _organization(parts.group("org"))
    return organization, short, parts.group("role").strip() if organization else None


def _organization(raw: str) -> tuple[str | None, str | None]:
    raw = _TRAILING_PLACE.sub("", raw.strip())
    acronym = _ACRONYM.search(raw)
    short = acronym.group("short") if acronym else None
    raw = raw[: acronym.start()] if acronym else raw
    tokens = raw.split()
    while tokens and (tokens[0][0].islower() or tokens[0].endswith("-based")):
        tokens.pop(0)
    organization = " ".join(tokens).strip(" .") or None
    if organization and " " not in organization and short is None:
        short = organization
    return organization, short


def _title_prefix(before: str) -> str | None:
    tokens = before.split()
    role: list[str] = []
    for token in reversed(tokens[-5:]):
        bare = token.lower().rstrip(".")
        if bare in _HONORIFICS or not (bare in TITLES or token[:1].isupper()):
            break
        if token.endswith((",", ".", ":", "”", '"')) and bare not in TITLES:
            break
        role.insert(0, token)
    while role and role[0].lower().rstrip(".") not in TITLES and not _is_title_block(role):
        role.pop(0)
    return " ".join(role) or None


def _is_title_block(role: list[str]) -> bool:
    return any(token.lower().rstrip(".") in TITLES for token in role)


def _expand_acronym(short: str, text: str) -> str | None:
    match = re.search(rf"((?:[A-Z][\w.&'-]*\s+(?:of\s+|on\s+|for\s+|the\s+|and\s+)*)+)\({re.escape(short)}\)", text)
    return match.group(1).strip() if match else None
