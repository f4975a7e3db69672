"""Creating and editing sources: one path for the admin and the API.

The text is stored as plain text (HTML is reduced to text with its paragraph breaks) so claim
offsets always point into what is stored. A new or changed text puts the source back to `pending`
and queues `extract_claims` after commit; an unchanged text queues nothing.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from forecasts.models import Source
from forecasts.models.sources import text_digest
from forecasts.services.extraction import plain_text
from forecasts.services.queue import enqueue_on_commit
from forecasts.tasks.extraction import extract_claims

EDITABLE_FIELDS = ("url", "title", "publisher", "author", "published_at", "text")
Status = Source.ExtractionStatus


def clean_text(text: str) -> str:
    """The article text as it will be stored, or a ValidationError saying why it cannot be."""
    if not isinstance(text, str):
        raise ValidationError("The article text must be a string.")
    plain = plain_text(text)
    size, limit = len(plain.encode("utf-8")), settings.SOURCE_TEXT_MAX_BYTES
    if size > limit:
        raise ValidationError(f"The article text is {size} bytes; the limit is {limit} bytes.")
    return plain


def _check(source: Source) -> None:
    try:
        source.text = clean_text(source.text or "")
    except ValidationError as exc:
        raise ValidationError({"text": exc.messages}) from exc
    if Source.objects.filter(url=source.url).exclude(pk=source.pk).exists():
        raise ValidationError({"url": "A source with this URL already exists."})
    source.full_clean(exclude=["text_sha256"], validate_unique=False)


def _stored_digest(source: Source) -> str:
    if source.pk is None:
        return ""
    stored = Source.objects.select_for_update().filter(pk=source.pk)
    return stored.values_list("text_sha256", flat=True).first() or ""


@transaction.atomic
def save_source(source: Source) -> Source:
    """Validate and save a new or edited source; queue extraction if its text is new or changed."""
    previous = _stored_digest(source)
    _check(source)
    changed = (text_digest(source.text) if source.text else "") != previous
    if changed:
        source.extraction_status = Status.PENDING if source.text else Status.NONE
        source.extraction_error = ""
    if source.pk is None:
        source.save()
    else:
        # Only what the caller edits: the extraction fields belong to the worker.
        status_fields = ["extraction_status", "extraction_error"] if changed else []
        source.save(update_fields=[*EDITABLE_FIELDS, "text_sha256", "updated_at", *status_fields])
    if changed and source.text:
        enqueue_on_commit(extract_claims, source.pk)
    return source


def create_source(**fields) -> Source:
    """A new source from its editable fields (url, title, publisher, author, published_at, text)."""
    _reject_unknown(fields)
    return save_source(Source(**fields))


def update_source(*, source: Source, **changes) -> Source:
    """Change editable fields of a source; a changed text is extracted again."""
    _reject_unknown(changes)
    for name, value in changes.items():
        setattr(source, name, value)
    return save_source(source)


def _reject_unknown(fields: dict) -> None:
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValidationError({name: "This field cannot be set." for name in unknown})


@transaction.atomic
def request_extraction(*, source: Source) -> Source:
    """Queue (again) the extraction of a source's current text, e.g. from the admin action."""
    Source.objects.filter(pk=source.pk).update(
        extraction_status=Status.PENDING, extraction_error="", updated_at=timezone.now()
    )
    enqueue_on_commit(extract_claims, source.pk)
    source.refresh_from_db()
    return source
