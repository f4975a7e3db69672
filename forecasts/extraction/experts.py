"""Matching an extracted speaker name to a known expert without merging different people."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from forecasts.extraction.lexicon import TITLES
from forecasts.extraction.records import KnownExpert

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>.+)$")


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, titles removed."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ı", "i").replace("’", "'").replace(".", " ").casefold()
    tokens = plain.split()
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens.pop(0)
    return " ".join(tokens)


def match_expert(name: str, experts: Sequence[KnownExpert]) -> int | None:
    """The id of the one known expert this name refers to, or None when unsure."""
    if not name or not name.strip():
        return None
    owner, rest = _split_owner(name)
    for wanted in {normalize_name(name), normalize_name(rest)}:
        found = _unique(e.id for e in experts if wanted in _written_forms(e))
        if found is not None:
            return found
    return _by_surname(normalize_name(rest), owner, experts)


def _split_owner(name: str) -> tuple[str | None, str]:
    match = _POSSESSIVE.match(name.strip())
    return (match.group("owner"), match.group("rest")) if match else (None, name)


def _written_forms(expert: KnownExpert) -> set[str]:
    return {normalize_name(expert.full_name), *(normalize_name(a) for a in expert.aliases)}


def _unique(ids) -> int | None:
    distinct = set(ids)
    return distinct.pop() if len(distinct) == 1 else None


def _by_surname(wanted: str, owner: str | None, experts: Sequence[KnownExpert]) -> int | None:
    tokens = wanted.split()
    if not tokens or len(tokens) > 2 or (len(tokens) == 2 and len(tokens[0]) != 1):
        return None  # a different first name is a different person
    candidates = [e for e in experts if _surname(e) == tokens[-1]]
    if len(tokens) == 2:
        candidates = [e for e in candidates if normalize_name(e.full_name)[:1] == tokens[0]]
    if owner is not None:
        wanted_org = normalize_name(owner)
        candidates = [
            e for e in candidates if normalize_name(e.organization_short or "") == wanted_org
        ]
    return _unique(e.id for e in candidates)


def _surname(expert: KnownExpert) -> str:
    return normalize_name(expert.full_name).split()[-1] if expert.full_name.strip() else ""
