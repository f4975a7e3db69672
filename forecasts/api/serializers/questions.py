from django.db import transaction
from django.utils.text import slugify
from rest_framework import serializers

from forecasts.models import Question, Tag

LIFECYCLE_FIELDS = [
    "status",
    "outcome",
    "resolved_at",
    "resolved_by",
    "evidence_url",
    "resolution_note",
]


class TagNamesField(serializers.ListField):
    """Tags read and written as a list of names; unknown names become new tags."""

    child = serializers.CharField(max_length=100)

    def to_representation(self, data) -> list[str]:
        return [tag.name for tag in data.all()]


class QuestionSerializer(serializers.ModelSerializer):
    """Status, outcome and resolution fields change only through the lifecycle actions."""

    tags = TagNamesField(required=False, max_length=30)
    resolved_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    is_overdue = serializers.BooleanField(read_only=True)
    evidence_url = serializers.SerializerMethodField(
        help_text="Where the outcome can be checked; an empty string until resolved."
    )

    class Meta:
        model = Question
        fields = [
            "id",
            "title",
            "resolution_criteria",
            "opens_at",
            "closes_at",
            "resolve_by",
            "tags",
            *LIFECYCLE_FIELDS,
            "is_overdue",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [*LIFECYCLE_FIELDS, "created_at", "updated_at"]

    def get_evidence_url(self, question: Question) -> str:
        return question.evidence_url

    def validate_tags(self, names: list[str]) -> list[str]:
        if any(not slugify(name) for name in names):
            raise serializers.ValidationError("Each tag needs at least one letter or digit.")
        return names

    def validate(self, attrs: dict) -> dict:
        when = {
            name: attrs.get(name, getattr(self.instance, name, None))
            for name in ("opens_at", "closes_at", "resolve_by")
        }
        if None not in when.values():
            _check_dates(**when)
        return attrs

    @transaction.atomic
    def create(self, validated_data: dict) -> Question:
        tags = validated_data.pop("tags", [])
        question = super().create(validated_data)
        question.tags.set(_tags_named(tags))
        return question

    @transaction.atomic
    def update(self, instance: Question, validated_data: dict) -> Question:
        tags = validated_data.pop("tags", None)
        question = super().update(instance, validated_data)
        if tags is not None:
            question.tags.set(_tags_named(tags))
        return question


def _check_dates(*, opens_at, closes_at, resolve_by) -> None:
    if closes_at <= opens_at:
        raise serializers.ValidationError({"closes_at": "The deadline must be after opens_at."})
    if resolve_by < closes_at:
        raise serializers.ValidationError(
            {"resolve_by": "Resolution cannot be due before the deadline."}
        )


def _tags_named(names: list[str]) -> list[Tag]:
    tags = []
    for name in dict.fromkeys(names):
        tag = Tag.objects.filter(slug=slugify(name)[:100]).first()
        tags.append(tag or Tag.objects.create(name=name))
    return tags


class ResolveSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Question.Outcome.choices)
    evidence_url = serializers.URLField(
        max_length=500, required=False, allow_blank=True, default=""
    )
    note = serializers.CharField(max_length=5_000, required=False, allow_blank=True, default="")


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5_000, help_text="Why; kept in the question's history.")
