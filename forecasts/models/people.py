from django.db import models
from django.utils.text import slugify


class Organization(models.Model):
    class Kind(models.TextChoices):
        THINK_TANK = "think_tank", "Think tank"
        GOVERNMENT = "government", "Government"
        CONSULTANCY = "consultancy", "Consultancy"
        MEDIA = "media", "Media"
        ACADEMIA = "academia", "Academia"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=50, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    url = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class Expert(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text='Other names used for attribution, e.g. ["Galeotti"].'
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="experts"
    )
    role = models.CharField(max_length=200, blank=True)
    needs_review = models.BooleanField(
        default=False, help_text="Created automatically from an article; an analyst should check it."
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["needs_review"]), models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)
