"""Claim extraction for one source: claim the job, read the text, attribute quotes, reconcile.

Status on the Source: pending -> running -> done (N claims) | failed (reason).
- The job is claimed with a conditional UPDATE (pending -> running), so two workers never do it
  twice and a re-delivered task is a no-op.
- All writes happen in one transaction: a failure leaves no half-created claims or experts.
- Re-running on the same text changes nothing; an edited text is reconciled: new quotes are added,
  extracted claims whose quote vanished are removed (unless an analyst touched them or they carry a
  frozen or analyst-labelled forecast), unchanged ones keep their id and get fresh offsets.
"""
import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from forecasts.extraction import ExtractedQuote, ExtractionInputError, extract_quotes, html_to_text
from forecasts.models import Claim, Source
from forecasts.models.sources import text_digest
from forecasts.services import stance as stance_services
from forecasts.services.speakers import SpeakerDirectory

logger = logging.getLogger(__name__)
Status = Source.ExtractionStatus
PATTERN_MAX = 50
# A task killed mid-run (worker lost, time limit) leaves its source "running"; after this long
# the sweeper hands it out again.
STALE_RUNNING = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
# Pending sources younger than this are presumably still in the broker queue.
PENDING_GRACE = timedelta(minutes=2)
SWEEP_BATCH = 500

_HTML = re.compile(
    r"</(?:p|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|article|section|blockquote|body|html|table)\s*>"
    r"|<(?:br|hr|p|div)(?:\s[^<>]*)?/?>|<!doctype\s+html",
    re.IGNORECASE,
)


class ExtractionFailure(Exception):
    """The source cannot be extracted; the reason is shown to the analyst."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ExtractionOutcome:
    source_id: int
    created: tuple[int, ...]
    kept: int
    removed: int
    claims: int  # extracted claims on the source afterwards


# --- text --------------------------------------------------------------------------------------

def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text))


def plain_text(text: str) -> str:
    """HTML reduced to text with paragraph breaks kept; anything else unchanged (offsets hold)."""
    return html_to_text(text) if looks_like_html(text) else text


def text_problem(text: str) -> str | None:
    """Why this text cannot be extracted, or None."""
    if not text:
        return "The source has no text to extract from."
    if not text.strip():
        return "The source text is only whitespace."
    size, limit = len(text.encode("utf-8")), settings.SOURCE_TEXT_MAX_BYTES
    if size > limit:
        return (f"The source text is {size} bytes, "
                f"over the {limit}-byte limit (SOURCE_TEXT_MAX_BYTES).")
    return None


# --- the job -----------------------------------------------------------------------------------

def _set_status(source_id: int, current: str | None, **fields) -> bool:
    rows = Source.objects.filter(pk=source_id)
    rows = rows.filter(extraction_status=current) if current else rows
    return rows.update(**fields, updated_at=timezone.now()) == 1


def claim_job(source_id: int) -> bool:
    """pending -> running; True for the one caller that wins."""
    return _set_status(source_id, Status.PENDING, extraction_status=Status.RUNNING)


def release_job(source_id: int) -> None:
    """running -> pending after a transient error, so the retry can claim it again."""
    try:
        _set_status(source_id, Status.RUNNING, extraction_status=Status.PENDING)
    except OperationalError:
        logger.warning("Could not release source %s; the sweeper will", source_id)


def fail_job(source_id: int, reason: str) -> None:
    _set_status(source_id, Status.RUNNING, extraction_status=Status.FAILED, extraction_error=reason)


def extract_source(source_id: int) -> ExtractionOutcome | None:
    """Run the pending extraction of one source; None when there was nothing to do or it failed."""
    if not claim_job(source_id):
        return None
    try:
        return _extract(source_id)
    except OperationalError:
        release_job(source_id)
        raise
    except ExtractionFailure as failure:
        fail_job(source_id, failure.reason)
    except Exception as exc:  # a bug in the extractor must show on the source, not vanish in a log
        logger.exception("Extraction of source %s failed", source_id)
        fail_job(source_id, f"Extractor error: {type(exc).__name__}: {exc}"[:2000])
    return None


def extract_now(source_id: int) -> ExtractionOutcome | None:
    """Re-run a source's extraction in this process, whatever its status (operator command).

    Raises Source.DoesNotExist, or ExtractionFailure with the reason recorded on the source.
    """
    if not Source.objects.filter(pk=source_id).exists():
        raise Source.DoesNotExist(f"No source with id {source_id}.")
    _set_status(source_id, None, extraction_status=Status.PENDING, extraction_error="")
    outcome = extract_source(source_id)
    failed = Source.objects.filter(pk=source_id, extraction_status=Status.FAILED)
    if failed.exists():
        raise ExtractionFailure(failed.values_list("extraction_error", flat=True).get())
    return outcome


@transaction.atomic
def _extract(source_id: int) -> ExtractionOutcome | None:
    source = Source.objects.select_for_update().filter(pk=source_id).first()
    if source is None or source.extraction_status != Status.RUNNING:
        return None  # deleted, or its text changed meanwhile and a newer job is queued
    text = _readable_text(source)
    outcome = reconcile(source, text, _quotes(text))
    _set_status(source_id, None, extraction_status=Status.DONE, extraction_error="",
                extracted_claims_count=outcome.claims, extracted_at=timezone.now())
    if outcome.created:
        _claims_created(list(outcome.created))
    return outcome


def _readable_text(source: Source) -> str:
    text = plain_text(source.text)
    problem = text_problem(text)
    if problem:
        raise ExtractionFailure(problem)
    if text != source.text:  # stored HTML: keep the text the offsets refer to
        Source.objects.filter(pk=source.pk).update(text=text, text_sha256=text_digest(text))
    return text


def _quotes(text: str) -> list[ExtractedQuote]:
    try:
        return extract_quotes(text)
    except ExtractionInputError as exc:
        raise ExtractionFailure(f"The extractor refused the text: {exc}") from exc


def _claims_created(claim_ids: list[int]) -> None:
    """New claims flow on into stance scoring: queued after commit, never scored inline."""
    stance_services.request_scoring(claim_ids)


# --- reconciliation ----------------------------------------------------------------------------

def one_line(quote: str) -> str:
    """The quote as a claim stores it: the article's line breaks and runs of spaces as one space
    (its offsets still point at the original text)."""
    return " ".join(quote.split())


def _normal(quote: str) -> str:
    return " ".join(re.sub(r"[“”\"‘’']", "'", quote).split()).casefold()


def _covered_by_analyst(quote: str, touched: list[Claim]) -> bool:
    """An analyst already corrected this quote (trimmed it, or gave it to another expert)."""
    wanted = _normal(quote)
    return any(wanted in _normal(c.quote) or _normal(c.quote) in wanted for c in touched)


def _keeps_forever(claim: Claim) -> bool:
    if claim.capture != Claim.Capture.EXTRACTED or claim.analyst_touched:
        return True
    return claim.forecasts.filter(Q(frozen=True) | Q(label_source="analyst")).exists()


def reconcile(source: Source, text: str, quotes: list[ExtractedQuote]) -> ExtractionOutcome:
    """Make the source's extracted claims match ``quotes`` (see the module docstring)."""
    directory = SpeakerDirectory(source, text)
    existing = {(c.expert_id, c.quote_sha256): c for c in source.claims.all()}
    # A manual claim is an analyst's own reading of the quote, like an analyst-touched one.
    touched = [c for c in existing.values() if c.analyst_touched or c.capture == Claim.Capture.MANUAL]
    seen: set[tuple[int, str]] = set()
    created: list[int] = []
    for quote in quotes:
        expert_id = directory.expert_id(quote.speaker)
        key = _claim_key(existing, expert_id, quote.quote)
        if key in seen:
            continue
        seen.add(key)
        if key in existing:
            _refresh(existing[key], quote)
        elif not _covered_by_analyst(quote.quote, touched):
            created.append(_create_claim(source, expert_id, quote).pk)
    removed = _remove_vanished([c for k, c in existing.items() if k not in seen])
    kept = sum(key in existing for key in seen)
    count = source.claims.filter(capture=Claim.Capture.EXTRACTED).count()
    return ExtractionOutcome(source.pk, tuple(created), kept, removed, count)


def _claim_key(existing: dict, expert_id: int, quote: str) -> tuple[int, str]:
    """A quote's claim key: its one-line form's digest, or the raw form's for a claim stored
    before quotes were put on one line (so re-extraction keeps it instead of replacing it)."""
    flat, raw = (expert_id, text_digest(one_line(quote))), (expert_id, text_digest(quote))
    return raw if raw in existing and flat not in existing else flat


def _create_claim(source: Source, expert_id: int, quote: ExtractedQuote) -> Claim:
    claim = Claim(
        source=source, expert_id=expert_id, quote=one_line(quote.quote),
        made_at=source.published_at or timezone.now(),
        kind=quote.kind if quote.kind in Claim.Kind.values else Claim.Kind.STATEMENT,
        capture=Claim.Capture.EXTRACTED, **_provenance(quote),
    )
    claim._change_reason = f"extracted from source #{source.pk}"
    claim.save()
    return claim


def _provenance(quote: ExtractedQuote) -> dict:
    return {
        "extraction_confidence": min(1.0, max(0.0, float(quote.confidence))),
        "extraction_pattern": quote.pattern[:PATTERN_MAX],
        "start_offset": quote.start,
        "end_offset": quote.end,
    }


def _refresh(claim: Claim, quote: ExtractedQuote) -> None:
    if claim.capture != Claim.Capture.EXTRACTED:
        return  # an analyst typed the same words: theirs stands as it is
    fresh = _provenance(quote)
    if all(getattr(claim, name) == value for name, value in fresh.items()):
        return
    for name, value in fresh.items():
        setattr(claim, name, value)
    claim._change_reason = "re-extracted: moved in the edited text"
    claim.save()


def _remove_vanished(claims: list[Claim]) -> int:
    doomed = [c.pk for c in claims if not _keeps_forever(c)]
    for claim in Claim.objects.filter(pk__in=doomed):
        claim._change_reason = "re-extracted: quote no longer in the text"
        claim.delete()
    return len(doomed)


# --- the sweeper -------------------------------------------------------------------------------

def stalled_source_ids(now=None) -> list[int]:
    """Sources whose extraction was queued but never ran (broker outage, lost worker).

    A source stuck in `running` past the task time limit is put back to `pending` first.
    """
    now = now or timezone.now()
    Source.objects.filter(
        extraction_status=Status.RUNNING, updated_at__lt=now - STALE_RUNNING
    ).update(extraction_status=Status.PENDING, updated_at=now - PENDING_GRACE)
    stalled = Source.objects.filter(
        extraction_status=Status.PENDING, updated_at__lte=now - PENDING_GRACE
    ).order_by("updated_at")
    return list(stalled.values_list("pk", flat=True)[:SWEEP_BATCH])
