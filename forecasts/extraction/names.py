"""Recognising person names in capitalised runs and resolving surnames to full names."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from forecasts.extraction.lexicon import (
    ABBREVIATIONS,
    NATIONALITIES,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    TITLES,
)

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_TOKEN = rf"(?:[{_UPPER}][\w’'\-]*\.?|(?:al|el|bin|ibn|abu)-[{_UPPER}][\w’'\-]*)"
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"
# A run of capitalised tokens, possibly with name particles ("Katrin van der Berg").
NAME_RUN = re.compile(rf"{_TOKEN}(?:[ \t]*\n?[ \t]*(?:{_PARTICLE}\s+)*{_TOKEN})*")
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)(?:['’]s|s['’])$")
# Romanised East Asian given names ("Wei-lun", "Ji-hoon") follow the family name.
_ASIAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
MAX_NAME_TOKENS = 4
RUN_TAIL_TOKENS = 12


@dataclass(frozen=True)
class PersonName:
    name: str
    prefixed: bool  # a title, honorific or "ORG's" preceded the name
    owner: str | None = None  # "RUSI" in "RUSI's Galeotti"


def _bare(token: str) -> str:
    return token.lower().rstrip(".").replace("’", "'")


def _stops_name(token: str) -> bool:
    bare = _bare(token)
    if "-" in bare and any(part in TITLES for part in bare.split("-")):
        return True  # Mayor-elect, ex-President, Vice-Chair
    return bare in TITLES or bare in ORG_WORDS or bare in NATIONALITIES or bare in NOT_NAMES


def _split_owner(tokens: list[str]) -> tuple[str | None, list[str]]:
    for index in range(len(tokens) - 2, -1, -1):
        match = _POSSESSIVE.match(tokens[index])
        if match and len(tokens[index]) > 2:
            return " ".join(tokens[:index] + [match.group("owner")]), tokens[index + 1:]
    return None, tokens


def _name_tail(tokens: list[str]) -> list[str]:
    tail: list[str] = []
    for token in reversed(tokens):
        if token.lower() in PARTICLES and tail:
            tail.insert(0, token)
            continue
        if _stops_name(token) or _POSSESSIVE.match(token):
            break
        tail.insert(0, token)
    while tail and tail[0].lower() in PARTICLES and tail[0][0].islower():
        tail.pop(0)
    return tail


def _plausible(tokens: list[str]) -> bool:
    core = [t for t in tokens if t.lower() not in PARTICLES]
    if not core or len(core) > MAX_NAME_TOKENS:
        return False
    if len(core) == 1 and core[0].isupper() and len(core[0]) > 1:
        return False  # acronyms: NATO, RUSI, MOSCOW
    return all(len(t.rstrip(".")) > 1 or t.endswith(".") for t in core)


def _after_sentence_end(tokens: list[str]) -> list[str]:
    # "Christian Bale. Sorkin" spans two sentences: only the part after the full stop counts.
    for index in range(len(tokens) - 2, -1, -1):
        bare = tokens[index].rstrip(".").lower()
        if tokens[index].endswith(".") and len(bare) > 1 and bare not in TITLES \
                and bare not in ABBREVIATIONS:
            return tokens[index + 1:]
    return tokens


def parse_person(run: str) -> PersonName | None:
    """The person named at the end of a capitalised run, without titles; None if none."""
    tokens = run.split()[-RUN_TAIL_TOKENS:]  # a name and its titles sit at the end of a run
    owner, tokens = _split_owner(_after_sentence_end(tokens))
    tail = _name_tail(tokens)
    if not _plausible(tail):
        return None
    prefixed = owner is not None or len(tail) < len(tokens)
    return PersonName(" ".join(tail), prefixed, owner)


def surname_keys(full_name: str) -> list[str]:
    tokens = full_name.split()
    keys = [tokens[-1].lower()]
    particle_start = len(tokens) - 1
    while particle_start > 1 and tokens[particle_start - 1].lower() in PARTICLES:
        particle_start -= 1
    if particle_start < len(tokens) - 1:
        keys.append(" ".join(tokens[particle_start:]).lower())
    if len(tokens) == 2 and _ASIAN_GIVEN.match(tokens[1]):
        keys.append(tokens[0].lower())
    return keys


class NameBook:
    """Full names seen in one text, so a later "Lavrov" resolves to "Sergei Lavrov"."""

    def __init__(self, text: str) -> None:
        self._seen: dict[str, list[tuple[int, str]]] = {}
        for match in NAME_RUN.finditer(text):
            if not any(c.isspace() for c in match.group()):
                continue  # one word: never a full name
            person = parse_person(match.group())
            if person and len(person.name.split()) > 1:
                self._add(" ".join(person.name.split()), match.start())

    def _add(self, full_name: str, position: int) -> None:
        for key in surname_keys(full_name):
            self._seen.setdefault(key, []).append((position, full_name))

    def knows(self, name: str) -> bool:
        return " ".join(name.split()).lower() in self._seen

    def resolve(self, name: str, position: int) -> str:
        """The latest full name before ``position`` with this surname, else the unique one."""
        name = " ".join(name.split())
        candidates = self._seen.get(name.lower())
        if not candidates:
            return name
        index = bisect_right(candidates, (position, "\U0010ffff"))
        if index:
            return candidates[index - 1][1]
        distinct = {full for _, full in candidates}
        return distinct.pop() if len(distinct) == 1 else name
