from django.db import models
from django.db.models import Q


class StanceModel(models.Model):
    class Status(models.TextChoices):
        TRAINING = "training", "Training"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    version = models.CharField(max_length=50, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TRAINING)
    config = models.CharField(max_length=50, blank=True)
    trained_at = models.DateTimeField(null=True, blank=True)
    training_size = models.PositiveIntegerField(default=0)
    provenance = models.JSONField(default=dict, blank=True, help_text="Training sets and their sizes.")
    metrics = models.JSONField(default=dict, blank=True)
    artifact_path = models.CharField(max_length=500, blank=True)
    artifact_sha256 = models.CharField(max_length=64, blank=True)
    library_versions = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="stance_model_single_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version}{' (active)' if self.is_active else ''}"
