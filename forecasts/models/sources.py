import hashlib

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from forecasts.models.people import Expert, Organization


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Source(models.Model):
    class ExtractionStatus(models.TextChoices):
        NONE = "none", "No text"
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    url = models.URLField(max_length=500, unique=True)
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Full article text; saving it queues claim extraction.")
    text_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.NONE
    )
    extraction_error = models.TextField(blank=True)
    extracted_claims_count = models.PositiveIntegerField(default=0)
    extracted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["extraction_status"]),
            models.Index(fields=["published_at"]),
            models.Index(fields=["publisher"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.text_sha256 = text_digest(self.text) if self.text else ""
        super().save(*args, **kwargs)


class Claim(models.Model):
    class Kind(models.TextChoices):
        FORECAST = "forecast", "Forecast"
        RISK_ASSESSMENT = "risk_assessment", "Risk assessment"
        STATEMENT = "statement", "Statement"
        SIGNAL = "signal", "Signal"

    class Capture(models.TextChoices):
        MANUAL = "manual", "Typed by an analyst"
        EXTRACTED = "extracted", "Extracted from the source text"

    class ScoringStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Scored"
        FAILED = "failed", "Failed"

    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="claims")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims",
        help_text="The expert's organization when the claim was made (filled from the expert on creation); "
        "kept when the expert moves, so the claim stays in that organization's reports.",
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.CASCADE, related_name="claims"
    )
    quote = models.TextField()
    quote_sha256 = models.CharField(max_length=64, editable=False)
    paraphrase = models.TextField(blank=True)
    made_at = models.DateTimeField(help_text="When the expert said it.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATEMENT)
    capture = models.CharField(max_length=10, choices=Capture.choices, default=Capture.MANUAL)
    extraction_confidence = models.FloatField(null=True, blank=True)
    extraction_pattern = models.CharField(max_length=50, blank=True)
    start_offset = models.PositiveIntegerField(null=True, blank=True)
    end_offset = models.PositiveIntegerField(null=True, blank=True)
    analyst_touched = models.BooleanField(
        default=False, help_text="An analyst edited this extracted claim; re-extraction keeps it."
    )
    questions = models.ManyToManyField(
        "forecasts.Question", blank=True, related_name="linked_claims",
        help_text="Questions this claim explicitly speaks to (always scored).",
    )
    scoring_status = models.CharField(
        max_length=10, choices=ScoringStatus.choices, default=ScoringStatus.PENDING
    )
    scoring_error = models.TextField(blank=True)
    scoring_attempts = models.PositiveSmallIntegerField(default=0)
    scored_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[])

    class Meta:
        ordering = ["-made_at", "-id"]
        indexes = [
            models.Index(fields=["made_at"]),
            models.Index(fields=["kind"]),
            models.Index(fields=["capture"]),
            models.Index(fields=["scoring_status"]),
            models.Index(fields=["expert", "made_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(extraction_confidence__isnull=True)
                | Q(extraction_confidence__gte=0, extraction_confidence__lte=1),
                name="claim_extraction_confidence_in_unit_interval",
            ),
            models.CheckConstraint(
                condition=Q(start_offset__isnull=True)
                | Q(end_offset__isnull=True)
                | Q(start_offset__lt=models.F("end_offset")),
                name="claim_offsets_ordered",
            ),
            models.UniqueConstraint(
                fields=["source", "expert", "quote_sha256"],
                condition=Q(source__isnull=False),
                name="claim_unique_quote_per_source_and_expert",
            ),
        ]

    def __str__(self) -> str:
        short = self.quote if len(self.quote) <= 80 else self.quote[:77] + "..."
        return f"{self.expert}: {short}"

    def save(self, *args, **kwargs) -> None:
        self.quote_sha256 = text_digest(self.quote)
        if self._state.adding and self.organization_id is None:
            self.organization_id = self.expert_organization_id()
        super().save(*args, **kwargs)

    def expert_organization_id(self) -> int | None:
        """The expert's current organization: what a new claim (or one given to another expert) records.

        bulk_create skips save(): callers of it set ``organization`` themselves.
        """
        if self.expert_id is None:
            return None
        if Claim.expert.is_cached(self) and self.expert.pk == self.expert_id:
            return self.expert.organization_id
        return Expert.objects.filter(pk=self.expert_id).values_list("organization_id", flat=True).first()
