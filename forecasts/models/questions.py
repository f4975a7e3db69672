from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from forecasts.models.sources import Claim

UNIT_INTERVAL = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)


class QuestionQuerySet(models.QuerySet):
    def overdue(self, now=None) -> "QuestionQuerySet":
        """Past their scheduled resolution date and still not resolved or annulled."""
        now = now or timezone.now()
        return self.filter(
            status__in=[Question.Status.OPEN, Question.Status.CLOSED], resolve_by__lt=now
        )


class Question(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed (no more forecasts)"
        RESOLVED = "resolved", "Resolved"
        ANNULLED = "annulled", "Annulled"

    class Outcome(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"

    title = models.CharField(max_length=500, unique=True)
    resolution_criteria = models.TextField(blank=True)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField(help_text="Forecast deadline: later claims do not count.")
    resolve_by = models.DateTimeField(help_text="Scheduled resolution date.")
    tags = models.ManyToManyField(Tag, blank=True, related_name="questions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(max_length=3, choices=Outcome.choices, null=True, blank=True)  # noqa: DJ001 - NULL means unresolved; a constraint ties it to status
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="resolved_questions",
    )
    evidence_url = models.URLField(max_length=500, blank=True)
    resolution_note = models.TextField(blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["closes_at", "id"]
        permissions = [
            ("resolve_question", "Can close, resolve, annul and reopen questions"),
        ]
        indexes = [
            models.Index(fields=["status", "closes_at"]),
            models.Index(fields=["resolve_by"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="question_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(resolve_by__gte=models.F("closes_at")),
                name="question_resolves_after_closing",
            ),
            models.CheckConstraint(
                condition=(Q(status="resolved") & Q(outcome__isnull=False))
                | (~Q(status="resolved") & Q(outcome__isnull=True)),
                name="question_outcome_iff_resolved",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def accepts_forecasts(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.CLOSED) and self.resolve_by < timezone.now()


class Forecast(models.Model):
    """One claim's position on one question."""

    class Stance(models.TextChoices):
        AGREE = "agree", "Agree (says yes)"
        DISAGREE = "disagree", "Disagree (says no)"
        NEUTRAL = "neutral", "Neutral"
        UNRELATED = "unrelated", "Unrelated"

    class LabelSource(models.TextChoices):
        MODEL = "model", "Model"
        ANALYST = "analyst", "Analyst"

    SIDED_STANCES = (Stance.AGREE, Stance.DISAGREE)

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="forecasts")
    question = models.ForeignKey(
        "forecasts.Question", on_delete=models.CASCADE, related_name="forecasts"
    )
    stance = models.CharField(max_length=10, choices=Stance.choices)
    probability = models.FloatField(
        null=True, blank=True, validators=UNIT_INTERVAL,
        help_text="Implied P(yes); empty for neutral/unrelated (not a forecast).",
    )
    stance_confidence = models.FloatField(null=True, blank=True, validators=UNIT_INTERVAL)
    class_probabilities = models.JSONField(default=dict, blank=True)
    phrase = models.CharField(
        max_length=200, blank=True, help_text="The hedge phrase that decided the probability."
    )
    probability_basis = models.CharField(max_length=40, blank=True)
    label_source = models.CharField(
        max_length=10, choices=LabelSource.choices, default=LabelSource.MODEL
    )
    model_version = models.CharField(max_length=50, blank=True)
    frozen = models.BooleanField(default=False, help_text="Set when the question closes.")
    scored_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-scored_at", "-id"]
        indexes = [
            models.Index(fields=["stance"]),
            models.Index(fields=["label_source"]),
            models.Index(fields=["question", "stance"]),
            models.Index(fields=["scored_at", "id"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["claim", "question"], name="forecast_one_per_claim_question"),
            models.CheckConstraint(
                condition=Q(probability__isnull=True) | Q(probability__gte=0, probability__lte=1),
                name="forecast_probability_in_unit_interval",
            ),
            models.CheckConstraint(
                condition=Q(stance_confidence__isnull=True)
                | Q(stance_confidence__gte=0, stance_confidence__lte=1),
                name="forecast_confidence_in_unit_interval",
            ),
            models.CheckConstraint(
                condition=Q(stance__in=["agree", "disagree"]) | Q(probability__isnull=True),
                name="forecast_probability_only_for_sided_stance",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim.expert} on {self.question}: {self.stance}"

    @property
    def is_frozen(self) -> bool:
        """Frozen when its question closed (the flag) or no longer takes forecasts for any reason."""
        return self.frozen or not self.question.accepts_forecasts
