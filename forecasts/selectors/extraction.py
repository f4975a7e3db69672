"""A source's extracted claims, read back as the pure package's records (reads only)."""
from forecasts.extraction import ExtractedQuote
from forecasts.models import Claim


def extracted_quotes(source_id: int) -> list[ExtractedQuote]:
    """The source's extracted claims in text order, speaker = the expert's name."""
    claims = (Claim.objects.filter(source_id=source_id, capture=Claim.Capture.EXTRACTED)
              .select_related("expert").order_by("start_offset", "pk"))
    return [_as_quote(claim) for claim in claims]


def _as_quote(claim: Claim) -> ExtractedQuote:
    return ExtractedQuote(
        speaker=claim.expert.name, speaker_as_written=claim.expert.name, quote=claim.quote,
        start=claim.start_offset or 0, end=claim.end_offset or 0,
        pattern=claim.extraction_pattern, confidence=claim.extraction_confidence or 0.0,
        kind=claim.kind,
    )
