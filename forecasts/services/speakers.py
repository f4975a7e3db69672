"""Speakers named in an article -> Experts.

A name is matched against the experts already quoted in this source first (so a re-run finds the
same people even when a surname alone is ambiguous elsewhere), then against every known expert by
name, aliases and `ORG's surname` (the pure `match_expert`, which answers None rather than guess).
Anyone still unknown becomes a new Expert flagged `needs_review`, with the organisation and role
the article gives; two different people are never merged.
"""
from django.utils.text import slugify

from forecasts.extraction import Affiliation, KnownExpert, find_affiliation, match_expert
from forecasts.models import Expert, Organization, Source

NAME_MAX = 200
SHORT_NAME_MAX = 50


def _aliases(raw) -> tuple[str, ...]:
    # aliases is free-form JSON typed by analysts: keep only the strings.
    return tuple(a for a in raw if isinstance(a, str)) if isinstance(raw, list) else ()


def known_experts() -> list[KnownExpert]:
    """Every expert as plain data for the pure matcher."""
    rows = Expert.objects.values_list("id", "name", "aliases", "organization__short_name")
    return [KnownExpert(pk, name, _aliases(aliases), short or None)
            for pk, name, aliases, short in rows]


class SpeakerDirectory:
    """Resolves speaker names to expert ids for one extraction run, creating unknown people once."""

    def __init__(self, source: Source, text: str) -> None:
        self.source = source
        self.text = text
        self.known = known_experts()
        quoted = set(source.claims.values_list("expert_id", flat=True))
        self.quoted_here = [expert for expert in self.known if expert.id in quoted]
        self.resolved: dict[str, int] = {}
        self.created: list[int] = []

    def expert_id(self, speaker: str) -> int:
        if speaker not in self.resolved:
            self.resolved[speaker] = self._match(speaker) or self._create(speaker)
        return self.resolved[speaker]

    def _match(self, speaker: str) -> int | None:
        return match_expert(speaker, self.quoted_here) or match_expert(speaker, self.known)

    def _create(self, speaker: str) -> int:
        affiliation = find_affiliation(speaker, self.text)
        expert = create_unreviewed_expert(speaker, affiliation, self.source)
        short = expert.organization.short_name if expert.organization else None
        self.known.append(KnownExpert(expert.pk, expert.name, tuple(expert.aliases), short))
        self.created.append(expert.pk)
        return expert.pk


def create_unreviewed_expert(name: str, affiliation: Affiliation | None, source: Source) -> Expert:
    """A new Expert from an article, flagged for an analyst to check."""
    name = " ".join(name.split())[:NAME_MAX]
    organization = organization_for(affiliation)
    expert = Expert(
        name=name,
        slug=unique_slug(name),
        aliases=aliases_for(name, organization),
        organization=organization,
        role=((affiliation.role if affiliation else None) or "")[:NAME_MAX],
        needs_review=True,
        notes=f"Created automatically from source #{source.pk} ({source.url}).",
    )
    expert.save()
    return expert


def aliases_for(name: str, organization: Organization | None) -> list[str]:
    """The surname, and `ORG's surname` when the organisation has a short name."""
    tokens = name.split()
    if len(tokens) < 2:
        return []
    surname = tokens[-1]
    short = organization.short_name if organization else ""
    owned = [f"{short}'s {surname}"] if short else []
    return [surname, *owned]


def unique_slug(name: str) -> str:
    base = slugify(name)[:190] or "expert"
    slug, suffix = base, 2
    while Expert.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def organization_for(affiliation: Affiliation | None) -> Organization | None:
    """The organisation the article names, found by name or short name, created when new."""
    if affiliation is None or not (affiliation.organization or affiliation.short_name):
        return None
    name = (affiliation.organization or affiliation.short_name or "")[:NAME_MAX]
    short = (affiliation.short_name or "")[:SHORT_NAME_MAX]
    found = _existing_organization(name, short)
    return found or Organization.objects.create(name=name, short_name=short)


def _existing_organization(name: str, short: str) -> Organization | None:
    by_name = Organization.objects.filter(name__iexact=name).first()
    if by_name or not short:
        return by_name
    by_short = list(Organization.objects.filter(short_name__iexact=short)[:2])
    return by_short[0] if len(by_short) == 1 else None
