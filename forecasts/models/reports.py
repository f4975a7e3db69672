from django.conf import settings
from django.db import models
from django.db.models import Q


class CalibrationReport(models.Model):
    class Scope(models.TextChoices):
        ALL = "all", "All experts"
        EXPERT = "expert", "One expert"
        ORGANIZATION = "organization", "One organization"
        TAG = "tag", "One tag"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        STALE = "stale", "Stale (inputs changed)"

    scope = models.CharField(max_length=15, choices=Scope.choices, default=Scope.ALL)
    expert = models.ForeignKey(
        "forecasts.Expert", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    organization = models.ForeignKey(
        "forecasts.Organization", null=True, blank=True, on_delete=models.CASCADE,
        related_name="reports",
    )
    tag = models.ForeignKey(
        "forecasts.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    metrics = models.JSONField(default=dict, blank=True)
    bins = models.JSONField(default=list, blank=True)
    question_ids = models.JSONField(default=list, blank=True, help_text="Questions that went in.")
    png = models.FileField(upload_to="reports/", blank=True)
    bins_csv = models.FileField(upload_to="reports/", blank=True)
    forecasts_csv = models.FileField(upload_to="reports/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True, help_text="When a worker last took it.")
    generated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["scope", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="report_progress_percent"
            ),
            models.CheckConstraint(
                condition=(Q(scope="expert") & Q(expert__isnull=False)) | (~Q(scope="expert") & Q(expert__isnull=True)),
                name="report_expert_iff_expert_scope",
            ),
            models.CheckConstraint(
                condition=(Q(scope="organization") & Q(organization__isnull=False))
                | (~Q(scope="organization") & Q(organization__isnull=True)),
                name="report_organization_iff_organization_scope",
            ),
            models.CheckConstraint(
                condition=(Q(scope="tag") & Q(tag__isnull=False)) | (~Q(scope="tag") & Q(tag__isnull=True)),
                name="report_tag_iff_tag_scope",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="report_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"Calibration report #{self.pk} ({self.get_scope_display()})"
